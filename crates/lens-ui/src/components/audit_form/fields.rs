//! The header fields of a template as GOV.UK form patterns: text input, date input in three
//! parts, and radios for yes/no and choices (never pre-selected).

use lens_core::{FieldKind, HeaderField};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::anchors::{header_id, option_id, Anchors};
use super::edit::{date_parts, date_value, Edit};

/// What a header field needs to render.
pub(crate) struct FieldView<'a> {
    pub field: &'a HeaderField,
    pub value: &'a str,
    pub error: Option<&'a str>,
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<Edit>,
}

/// The inline error, worded as in the error summary.
pub(crate) fn error_message(id: &str, error: Option<&str>) -> Html {
    match error {
        Some(message) => html! {
            <p class="lens-error-message" id={format!("{id}-error")}>
                <span class="lens-visually-hidden">{ "Error: " }</span>{ message.to_owned() }
            </p>
        },
        None => html! {},
    }
}

/// The GOV.UK character count under a textarea (`{id}-info`): it counts down, then says how many
/// characters are too many, and never stops typing.
pub(crate) fn character_count(id: &str, text: &str) -> Html {
    let remaining = lens_core::MAX_NARRATIVE_CHARS as i64 - text.chars().count() as i64;
    let (class, count) = if remaining < 0 {
        (
            "lens-character-count lens-character-count--over",
            format!("You have {} characters too many", -remaining),
        )
    } else {
        ("lens-character-count", format!("You have {remaining} characters remaining"))
    };
    html! { <p {class} id={format!("{id}-info")}>{ count }</p> }
}

/// The ids an input is described by: its hint and its error, when there are any.
pub(crate) fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The ids that describe a narrative field: its hint and error, if any, then its character count.
pub(crate) fn described_with_count(id: &str, hint: bool, error: bool) -> String {
    [described_by(id, hint, error), Some(format!("{id}-info"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

fn group_class(error: Option<&str>) -> &'static str {
    if error.is_some() {
        "lens-form-group lens-form-group--error"
    } else {
        "lens-form-group"
    }
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
            let class = classes!("lens-input", width, view.error.map(|_| "lens-input--error"));
            html! {
                <div class={group_class(view.error)}>
                    <label class="lens-label" for={id.clone()}>{ view.field.label.clone() }</label>
                    { hint_html }
                    { error_message(&id, view.error) }
                    <input {class} id={id.clone()} name={id.clone()} type="text" autocomplete="off"
                        value={view.value.to_owned()} ref={view.anchors.node(&id)} {oninput}
                        aria-describedby={described_by(&id, hint.is_some(), view.error.is_some())} />
                </div>
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
