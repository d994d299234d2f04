//! The pieces around an input: its inline error, its character count and the ids it is
//! described by.

use yew::prelude::*;

/// The inline error (`{id}-error`), worded as in the error summary.
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

/// A form group's class, marked when it has an error.
pub(crate) fn group_class(error: Option<&str>) -> &'static str {
    if error.is_some() {
        "lens-form-group lens-form-group--error"
    } else {
        "lens-form-group"
    }
}
