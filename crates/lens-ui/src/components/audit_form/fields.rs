//! The header fields of a template as GOV.UK form patterns: the shared text input, a date input
//! in three parts, and radios for yes/no and choices (never pre-selected).

use lens_core::{FieldKind, HeaderField};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::anchors::{header_id, option_id, Anchors};
use super::edit::{date_parts, date_value, Edit};
use crate::components::form::{described_by, error_message, group_class, TextInput};

/// What a header field needs to render.
pub(crate) struct FieldView<'a> {
    pub field: &'a HeaderField,
    pub value: &'a str,
    pub error: Option<&'a str>,
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<Edit>,
}

pub(crate) fn header_field(view: FieldView) -> Html {
    let id = header_id(&view.field.id);
    let hint = view.field.hint.clone();
    let hint_html = match &hint {
        Some(text) => html! { <div class="lens-hint" id={format!("{id}-hint")}>{ text.clone() }</div> },
        None => html! {},
    };
    match &view.field.kind {
        FieldKind::Text { max_chars } => {
            let field_id = view.field.id.clone();
            let edit = view.edit.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                edit.emit(Edit::Header(field_id.clone(), value));
            });
            let width = if *max_chars <= 40 { "lens-input--width-20" } else { "" };
            html! {
                <TextInput id={id.clone()} label={view.field.label.clone()} hint={hint.map(AttrValue::from)}
                    value={view.value.to_owned()} error={view.error.map(|error| AttrValue::from(error.to_owned()))}
                    node={view.anchors.node(&id)} {oninput} width_class={width} />
            }
        }
        FieldKind::Date => date_input(&view, &id, hint_html, hint.is_some()),
        FieldKind::YesNo => {
            let options =
                [("yes", "Yes"), ("no", "No")].map(|(value, label)| (value.to_owned(), label.to_owned()));
            radios(&view, &id, hint_html, hint.is_some(), &options, true)
        }
        FieldKind::Choice { options } => {
            let options: Vec<(String, String)> =
                options.iter().map(|option| (option.clone(), option.clone())).collect();
            radios(&view, &id, hint_html, hint.is_some(), &options, false)
        }
    }
}

fn date_input(view: &FieldView, id: &str, hint_html: Html, has_hint: bool) -> Html {
    let parts = date_parts(view.value);
    let inputs = [
        ("day", "Day", 0, "lens-input--width-2"),
        ("month", "Month", 1, "lens-input--width-2"),
        ("year", "Year", 2, "lens-input--width-4"),
    ]
    .into_iter()
    .map(|(name, label, position, width)| {
        let input_id = format!("{id}-{name}");
        let shown = parts[position].clone();
        let (field_id, edit, parts) = (view.field.id.clone(), view.edit.clone(), parts.clone());
        let oninput = Callback::from(move |event: InputEvent| {
            let mut parts = parts.clone();
            parts[position] = event.target_unchecked_into::<HtmlInputElement>().value();
            edit.emit(Edit::Header(field_id.clone(), date_value(&parts[0], &parts[1], &parts[2])));
        });
        let class = classes!("lens-input", width, view.error.map(|_| "lens-input--error"));
        html! {
            <div class="lens-date-input__item lens-form-group">
                <label class="lens-label" for={input_id.clone()}>{ label }</label>
                <input {class} id={input_id.clone()} name={input_id.clone()} type="text" inputmode="numeric"
                    value={shown} ref={view.anchors.node(&input_id)} {oninput} />
            </div>
        }
    });
    html! {
        <div class={group_class(view.error)}>
            <fieldset class="lens-fieldset" role="group"
                aria-describedby={described_by(id, true, view.error.is_some())}>
                <legend class="lens-fieldset__legend">{ view.field.label.clone() }</legend>
                if has_hint { { hint_html } } else {
                    <div class="lens-hint" id={format!("{id}-hint")}>{ "For example, 27 3 2026" }</div>
                }
                { error_message(id, view.error) }
                <div class="lens-date-input">{ for inputs }</div>
            </fieldset>
        </div>
    }
}

/// Radios in a fieldset whose legend is the question, none selected until the person chooses.
pub(crate) struct RadioGroup<'a> {
    pub id: &'a str,
    pub legend: Html,
    pub hint: Html,
    pub has_hint: bool,
    pub error: Option<&'a str>,
    pub options: &'a [(String, String)],
    pub selected: &'a str,
    pub inline: bool,
    pub anchors: &'a Anchors,
    pub onchoose: Callback<String>,
}

pub(crate) fn radio_group(group: RadioGroup) -> Html {
    let id = group.id;
    let items = group.options.iter().enumerate().map(|(index, (value, label))| {
        let option = option_id(id, index);
        let (chosen, onchoose) = (value.clone(), group.onchoose.clone());
        let onchange = Callback::from(move |_: Event| onchoose.emit(chosen.clone()));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name={id.to_owned()} type="radio"
                    value={value.clone()} checked={group.selected == value} ref={group.anchors.node(&option)} {onchange} />
                <label class="lens-radios__label" for={option}>{ label.clone() }</label>
            </div>
        }
    });
    let radios_class = if group.inline { "lens-radios lens-radios--inline" } else { "lens-radios" };
    html! {
        <div class={group_class(group.error)}>
            <fieldset class="lens-fieldset" aria-describedby={described_by(id, group.has_hint, group.error.is_some())}>
                { group.legend }
                { group.hint }
                { error_message(id, group.error) }
                <div class={radios_class}>{ for items }</div>
            </fieldset>
        </div>
    }
}

fn radios(
    view: &FieldView,
    id: &str,
    hint: Html,
    has_hint: bool,
    options: &[(String, String)],
    inline: bool,
) -> Html {
    let (field_id, edit) = (view.field.id.clone(), view.edit.clone());
    radio_group(RadioGroup {
        id,
        legend: html! { <legend class="lens-fieldset__legend">{ view.field.label.clone() }</legend> },
        hint,
        has_hint,
        error: view.error,
        options,
        selected: view.value,
        inline,
        anchors: view.anchors,
        onchoose: Callback::from(move |value: String| edit.emit(Edit::Header(field_id.clone(), value))),
    })
}
