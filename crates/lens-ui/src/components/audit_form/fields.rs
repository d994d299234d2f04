//! The header fields of a template as GOV.UK form patterns: the shared text input, a date input
//! in three parts, and radios for yes/no and choices (never pre-selected).

use lens_core::{FieldKind, HeaderField};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::anchors::{header_id, option_id, Anchors};
use super::edit::Edit;
use crate::components::form::{
    date_input, described_by, error_message, group_class, DateInputView, TextInput,
};

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
        FieldKind::Date => header_date(&view, &id),
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

fn header_date(view: &FieldView, id: &str) -> Html {
    let (field_id, edit) = (view.field.id.clone(), view.edit.clone());
    date_input(DateInputView {
        id,
        legend: &view.field.label,
        hint: view.field.hint.as_deref(),
        value: view.value,
        error: view.error,
        day_node: view.anchors.node(&format!("{id}-day")),
        oninput: Callback::from(move |value: String| edit.emit(Edit::Header(field_id.clone(), value))),
    })
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
