//! The QA cycle, short: the period month by month with August and December shown as reflection
//! months, and each auditor's audits completed against those expected. The same figures are in
//! the "Audits expected and completed" table for analysts; this is what a board reads.

use lens_analysis::protocol::cycle::{AuditorVolume, CycleView};
use lens_analysis::protocol::ReportView;
use yew::prelude::*;

use crate::components::heading_level::{small_heading, HeadingLevel};
use crate::components::pagination::with_commas;
use crate::components::scroll_table::scroll_table;

const HEADING_ID: &str = "lens-cycle-title";
const MONTHS_ID: &str = "lens-cycle-months";
const AUDITORS_ID: &str = "lens-cycle-auditors";

/// Where an auditor stands against what was expected of them, in words.
pub(crate) fn standing_words(auditor: &AuditorVolume) -> String {
    match standing(auditor) {
        Standing::NoneExpected => "None expected".to_owned(),
        Standing::Met => "Met".to_owned(),
        Standing::Short(left) => format!("{} still to do", with_commas(left)),
    }
}

/// Where an auditor stands: nobody has met a target of nothing, so it is not shown as met.
enum Standing {
    NoneExpected,
    Met,
    Short(usize),
}

fn standing(auditor: &AuditorVolume) -> Standing {
    if auditor.expected == 0 {
        Standing::NoneExpected
    } else if auditor.completed >= auditor.expected {
        Standing::Met
    } else {
        Standing::Short(auditor.expected - auditor.completed)
    }
}

/// The cycle section, headed at `level`; a report signed before the cycle was kept says where
/// its auditors' figures are.
pub(crate) fn cycle_section(view: &ReportView, level: HeadingLevel) -> Html {
    html! {
        <section class="lens-chart-group" aria-labelledby={HEADING_ID}>
            { small_heading(level, HEADING_ID, "The QA cycle") }
            { match &view.cycle {
                Some(cycle) => cycle_tables(cycle, level.below()),
                None => html! {
                    <p class="lens-body">{ "This report was signed off before the QA cycle was kept with reports: each auditor's figures are in the table \"Audits expected and completed\", under \"Every figure, as tables\" below." }</p>
                },
            } }
        </section>
    }
}

fn cycle_tables(cycle: &CycleView, level: HeadingLevel) -> Html {
    let months = cycle.months.iter().map(|month| {
        let place = if month.reflection {
            html! { <strong class="lens-tag lens-tag--grey">{ "Reflection month" }</strong> }
        } else {
            html! { "Audit month" }
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ month.month.clone() }</th>
                <td class="lens-table__cell">{ place }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(month.completed) }</td>
            </tr>
        }
    });
    let auditors = cycle.auditors.iter().map(|auditor| {
        let tag = match standing(auditor) {
            Standing::NoneExpected => "lens-tag lens-tag--grey",
            Standing::Met => "lens-tag lens-tag--green",
            Standing::Short(_) => "lens-tag lens-tag--orange",
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ auditor.auditor.clone() }</th>
                <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(auditor.completed) }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(auditor.expected) }</td>
                <td class="lens-table__cell"><strong class={tag}>{ standing_words(auditor) }</strong></td>
            </tr>
        }
    });
    html! {
        <>
            <p class="lens-body">
                { "Audits run ten months a year. August and December are reflection months: no audits are expected in them, and any completed then still count." }
            </p>
            { small_heading(level, MONTHS_ID, "Month by month") }
            { scroll_table(MONTHS_ID, html! {
                <table class="lens-table" aria-labelledby={MONTHS_ID}>
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Month" }</th>
                            <th scope="col" class="lens-table__header">{ "In the cycle" }</th>
                            <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Audits completed" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for months }</tbody>
                </table>
            }) }
            { small_heading(level, AUDITORS_ID, "Each auditor's audits against expected") }
            if cycle.auditors.is_empty() {
                <p class="lens-body">{ "No auditor on this device has finished an audit for the team and template this report covers." }</p>
            } else {
                { scroll_table(AUDITORS_ID, html! {
                    <table class="lens-table" aria-labelledby={AUDITORS_ID}>
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Completed" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Expected" }</th>
                                <th scope="col" class="lens-table__header">{ "Where it stands" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for auditors }</tbody>
                    </table>
                }) }
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auditor(completed: usize, expected: usize) -> AuditorVolume {
        AuditorVolume { auditor: "Sam Patel".into(), completed, expected }
    }

    #[test]
    fn an_auditor_is_met_at_or_above_expected_and_otherwise_told_what_is_left() {
        assert_eq!(standing_words(&auditor(10, 10)), "Met");
        assert_eq!(standing_words(&auditor(0, 0)), "None expected", "a target of nothing is not met");
        assert_eq!(standing_words(&auditor(4, 0)), "None expected");
        assert_eq!(standing_words(&auditor(12, 10)), "Met");
        assert_eq!(standing_words(&auditor(3, 10)), "7 still to do");
        assert_eq!(standing_words(&auditor(0, 1_500)), "1,500 still to do");
    }
}
