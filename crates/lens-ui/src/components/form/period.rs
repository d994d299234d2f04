//! A period typed as two date inputs, From and To: its days once both are real and in order,
//! and otherwise what is wrong with each, in the words of what the period is for.

use chrono::NaiveDate;
use yew::NodeRef;

use super::{FieldError, TypedDate};

/// The first and last day, once both are real dates and the last is not before the first.
pub(crate) fn period_days(from: &str, to: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (from, to) = (TypedDate::read(from).day()?, TypedDate::read(to).day()?);
    (to >= from).then_some((from, to))
}

/// What is wrong with the first and the last day, each as its field says it; `what` names the
/// period, e.g. "report".
pub(crate) fn period_problems(from: &str, to: &str, what: &str) -> (Option<String>, Option<String>) {
    let (from, to) = (TypedDate::read(from).day(), TypedDate::read(to).day());
    let from_problem = from
        .is_none()
        .then(|| format!("Enter the first day of the {what} as a real date, for example 1 4 2026"));
    let to_problem = match (from, to) {
        (_, None) => Some(format!("Enter the last day of the {what} as a real date, for example 30 6 2026")),
        (Some(from), Some(to)) if to < from => Some(format!(
            "The {what} ends on {}, before it starts on {}: check the dates",
            to.format("%-d %B %Y"),
            from.format("%-d %B %Y")
        )),
        _ => None,
    };
    (from_problem, to_problem)
}

/// The error summary's entries for the two dates of a period whose inputs stem from `stem`:
/// each message links to the day box of its date.
pub(crate) fn period_errors(
    stem: &str,
    (from_problem, from_node): (Option<String>, &NodeRef),
    (to_problem, to_node): (Option<String>, &NodeRef),
) -> Vec<FieldError> {
    [(from_problem, from_node, "from"), (to_problem, to_node, "to")]
        .into_iter()
        .filter_map(|(message, node, end)| {
            Some(FieldError { message: message?, field: node.clone(), field_id: format!("{stem}-{end}-day") })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{period_days, period_problems};

    #[test]
    fn a_period_is_days_only_once_both_are_real_and_in_order_and_says_what_is_wrong_otherwise() {
        let day = |month, day| chrono::NaiveDate::from_ymd_opt(2026, month, day).unwrap();
        assert_eq!(period_days("2026-4-1", "2026-6-30"), Some((day(4, 1), day(6, 30))));
        assert_eq!(period_days("2026-6-30", "2026-4-1"), None);
        assert_eq!(period_days("2026-2-30", "2026-4-1"), None);
        assert_eq!(period_problems("2026-4-1", "2026-6-30", "report"), (None, None));
        let (from, to) = period_problems("2026-2-30", "", "period");
        assert_eq!(
            from.as_deref(),
            Some("Enter the first day of the period as a real date, for example 1 4 2026")
        );
        assert_eq!(
            to.as_deref(),
            Some("Enter the last day of the period as a real date, for example 30 6 2026")
        );
        assert_eq!(
            period_problems("2026-6-30", "2026-4-1", "report").1.as_deref(),
            Some("The report ends on 1 April 2026, before it starts on 30 June 2026: check the dates")
        );
    }
}
