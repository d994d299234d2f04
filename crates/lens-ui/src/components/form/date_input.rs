//! The GOV.UK date input: day, month and year as three short text boxes in a fieldset, the one
//! way a person types a date anywhere in the toolkit (never the browser's own date picker, which
//! shows mm/dd/yyyy under some locales). Values travel as typed, `year-month-day`, so typing is
//! never rewritten under the cursor.

use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{described_by, error_message, group_class};

/// The hint every date input shows unless it has its own.
pub(crate) const DATE_HINT: &str = "For example, 27 3 2026";

/// The three parts (day, month, year) of a typed value `year-month-day`.
pub(crate) fn date_parts(value: &str) -> [String; 3] {
    let mut parts = value.splitn(3, '-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    [day, month, year].map(|part| part.unwrap_or("").to_owned())
}

/// A typed value from its parts; empty when nothing is typed.
pub(crate) fn date_value(day: &str, month: &str, year: &str) -> String {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        String::new()
    } else {
        format!("{year}-{month}-{day}")
    }
}

/// What a typed value means: nothing typed, a real date, or something that is not yet one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypedDate {
    Empty,
    Day(NaiveDate),
    NotADate,
}

impl TypedDate {
    /// Reads a typed value `year-month-day` (four-digit years only: "26" is not 2026).
    pub(crate) fn read(value: &str) -> Self {
        if value.trim().is_empty() {
            return Self::Empty;
        }
        let [_, _, year] = date_parts(value);
        match lens_core::parse_iso_date(value) {
            Some(day) if year.trim().len() == 4 => Self::Day(day),
            _ => Self::NotADate,
        }
    }

    /// The day, if it is one.
    pub(crate) fn day(self) -> Option<NaiveDate> {
        match self {
            Self::Day(day) => Some(day),
            _ => None,
        }
    }
}

/// What a date input is drawn from.
pub(crate) struct DateInputView<'a> {
    /// The stem of the ids: `{id}-day`, `{id}-month`, `{id}-year`, `{id}-hint`, `{id}-error`.
    pub id: &'a str,
    pub legend: &'a str,
    pub hint: Option<&'a str>,
    /// The typed value, `year-month-day`.
    pub value: &'a str,
    pub error: Option<&'a str>,
    /// The day box's `NodeRef`: where an error link or a Change link moves focus.
    pub day_node: NodeRef,
    /// Called with the new typed value on every keystroke.
    pub oninput: Callback<String>,
}

/// The fieldset of three boxes.
pub(crate) fn date_input(view: DateInputView) -> Html {
    let id = view.id;
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
        let node = if position == 0 { view.day_node.clone() } else { NodeRef::default() };
        let (oninput, parts) = (view.oninput.clone(), parts.clone());
        let oninput = Callback::from(move |event: InputEvent| {
            let mut parts = parts.clone();
            parts[position] = event.target_unchecked_into::<HtmlInputElement>().value();
            oninput.emit(date_value(&parts[0], &parts[1], &parts[2]));
        });
        let class = classes!("lens-input", width, view.error.map(|_| "lens-input--error"));
        html! {
            <div class="lens-date-input__item lens-form-group">
                <label class="lens-label" for={input_id.clone()}>{ label }</label>
                <input {class} id={input_id.clone()} name={input_id.clone()} type="text" inputmode="numeric"
                    value={shown} ref={node} {oninput} />
            </div>
        }
    });
    html! {
        <div class={group_class(view.error)}>
            <fieldset class="lens-fieldset" role="group" aria-describedby={described_by(id, true, view.error.is_some())}>
                <legend class="lens-fieldset__legend">{ view.legend.to_owned() }</legend>
                <div class="lens-hint" id={format!("{id}-hint")}>{ view.hint.unwrap_or(DATE_HINT).to_owned() }</div>
                { error_message(id, view.error) }
                <div class="lens-date-input">{ for inputs }</div>
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_date_is_read_as_people_type_it() {
        assert_eq!(TypedDate::read(""), TypedDate::Empty);
        assert_eq!(TypedDate::read(&date_value("5", "1", "2027")).day(), NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(TypedDate::read(&date_value("31", "2", "2027")), TypedDate::NotADate);
        assert_eq!(
            TypedDate::read(&date_value("5", "1", "27")),
            TypedDate::NotADate,
            "a two-digit year is not guessed"
        );
        assert_eq!(TypedDate::read(&date_value("5", "", "")), TypedDate::NotADate);
        assert_eq!(date_parts(&date_value("5", "1", "2027")), ["5", "1", "2027"]);
        assert_eq!(date_parts(""), ["", "", ""]);
        assert_eq!(date_value(" ", "", ""), "");
        assert_eq!(
            date_parts(&date_value("", "3", "")),
            ["", "3", ""],
            "a part typed alone is kept where it was typed"
        );
    }
}
