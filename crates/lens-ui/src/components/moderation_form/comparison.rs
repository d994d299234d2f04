//! The comparison that opens once the moderator has given every grade: each standard and the
//! overall judgement with the moderator's grade beside the auditor's and how far apart they
//! are, with a sentence that counts them.

use lens_core::{GradeGap, GradeScale};
use yew::prelude::*;

use crate::components::scroll_table::scroll_table;
use crate::components::tags::{gap_tag, grade_tag};

pub(crate) const COMPARISON_ID: &str = "lens-moderation-comparison";

/// One row: what was graded, the moderator's grade and the auditor's (codes).
pub(crate) struct Compared<'a> {
    pub title: String,
    pub own: Option<&'a str>,
    pub auditor: Option<&'a str>,
}

/// "9 the same, 2 one grade apart and 1 two or more apart."
pub(crate) fn gap_counts(gaps: &[Option<GradeGap>]) -> String {
    let count = |wanted: GradeGap| gaps.iter().filter(|gap| **gap == Some(wanted)).count();
    let parts = [
        (count(GradeGap::Same), "the same"),
        (count(GradeGap::OneApart), "one grade apart"),
        (count(GradeGap::TwoOrMore), "two or more apart"),
    ];
    let said: Vec<String> =
        parts.iter().filter(|(n, _)| *n > 0).map(|(n, words)| format!("{n} {words}")).collect();
    match said.as_slice() {
        [] => "Nothing was compared.".to_owned(),
        [one] => format!("{one}."),
        [rest @ .., last] => format!("{} and {last}.", rest.join(", ")),
    }
}

pub(crate) fn comparison_table(rows: &[Compared], scale: &GradeScale) -> Html {
    let shown = |code: Option<&str>| match code {
        Some(code) => scale.grade(code).map_or_else(|| html! { { code.to_owned() } }, grade_tag),
        None => html! { "Not graded" },
    };
    let gaps: Vec<Option<GradeGap>> = rows
        .iter()
        .map(|row| row.own.zip(row.auditor).and_then(|(a, b)| GradeGap::between(scale, a, b)))
        .collect();
    let body = rows.iter().zip(&gaps).map(|(row, gap)| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ row.title.clone() }</th>
                <td class="lens-table__cell">{ shown(row.own) }</td>
                <td class="lens-table__cell">{ shown(row.auditor) }</td>
                <td class="lens-table__cell">{ gap_tag(*gap) }</td>
            </tr>
        }
    });
    html! {
        <>
            <p class="lens-body">{ format!("Your grades and the auditor's: {}", gap_counts(&gaps)) }</p>
            { scroll_table(COMPARISON_ID, html! {
                <table class="lens-table">
                    <caption class="lens-table__caption lens-heading-s" id={COMPARISON_ID}>{ "Your grades beside the auditor's" }</caption>
                    <thead><tr class="lens-table__row">
                        <th scope="col" class="lens-table__header">{ "Graded" }</th>
                        <th scope="col" class="lens-table__header">{ "Your grade" }</th>
                        <th scope="col" class="lens-table__header">{ "Auditor's grade" }</th>
                        <th scope="col" class="lens-table__header">{ "How far apart" }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gaps_are_counted_in_words() {
        use GradeGap::*;
        assert_eq!(
            gap_counts(&[Some(Same), Some(Same), Some(OneApart), Some(TwoOrMore), None]),
            "2 the same, 1 one grade apart and 1 two or more apart."
        );
        assert_eq!(gap_counts(&[Some(Same)]), "1 the same.");
        assert_eq!(gap_counts(&[Some(Same), Some(OneApart)]), "1 the same and 1 one grade apart.");
        assert_eq!(gap_counts(&[None]), "Nothing was compared.");
    }
}
