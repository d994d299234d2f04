//! The dashboard's figures as tables: every statistic with its interval, the grades as a heat
//! map with the count in each cell, the standards and auditors to calibrate, and each
//! auditor's signed difference by quarter as a chart with its table.

use lens_analysis::protocol::agreement::{AgreementView, AuditorView, GroupView};
use yew::prelude::*;

use crate::components::chart::{signed, signed_difference_chart, SignedPoint};
use crate::components::scroll_table::scroll_table;

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn header(text: &str) -> Html {
    html! { <th scope="col" class="lens-table__header">{ text.to_owned() }</th> }
}

/// Every statistic, auditor against moderator before any discussion.
pub(super) fn statistics(view: &AgreementView) -> Html {
    let rows = view.statistics.iter().map(|statistic| {
        let shares = statistic.code.starts_with("percent");
        let shown = |value: f64| if shares { percent(value) } else { format!("{value:.2}") };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ statistic.name.clone() }</th>
                <td class="lens-table__cell lens-table__cell--numeric">{ statistic.value.map_or_else(|| "No value".to_owned(), shown) }</td>
                <td class="lens-table__cell">{ statistic.interval.map_or_else(String::new, |(lower, upper)| format!("{} to {}", shown(lower), shown(upper))) }</td>
                <td class="lens-table__cell">{ statistic.undefined.clone().unwrap_or_default() }</td>
            </tr>
        }
    });
    let id = "lens-agreement-statistics";
    scroll_table(
        id,
        html! {
            <table class="lens-table">
                <caption class="lens-table__caption lens-heading-s" id={id}>{ "Auditor against moderator, before they discussed the grades" }</caption>
                <thead><tr class="lens-table__row">
                    { header("Statistic") }
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Value" }</th>
                    { header("95% interval") }{ header("Note") }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        },
    )
}

/// The auditor's grade against the moderator's as a heat map: darker where more standards
/// fell, the count written in every cell, the same grade outlined.
pub(super) fn heat_map(view: &AgreementView) -> Html {
    if view.confusion.is_empty() {
        return html! {};
    }
    let most = view.confusion.iter().flatten().copied().max().unwrap_or(0).max(1);
    let diagonal: u64 = view.confusion.iter().enumerate().filter_map(|(i, row)| row.get(i)).sum();
    let total: u64 = view.confusion.iter().flatten().sum();
    let rows = view.confusion.iter().enumerate().map(|(row, counts)| {
        let cells = counts.iter().enumerate().map(|(column, count)| {
            let shade = if *count == 0 { 0 } else { 1 + (count * 4).saturating_sub(1) / most };
            let same = if row == column { " lens-heat--same" } else { "" };
            html! {
                <td class={format!("lens-table__cell lens-table__cell--numeric lens-heat lens-heat--{shade}{same}")}>{ count }</td>
            }
        });
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ view.grades.get(row).cloned().unwrap_or_default() }</th>
                { for cells }
            </tr>
        }
    });
    let id = "lens-agreement-matrix";
    html! {
        <>
            { scroll_table(id, html! {
                <table class="lens-table lens-heat-map">
                    <caption class="lens-table__caption lens-heading-s" id={id}>{ "Auditor's grade (rows) against moderator's grade (columns)" }</caption>
                    <thead><tr class="lens-table__row">
                        <td class="lens-table__cell"></td>
                        { for view.grades.iter().map(|grade| html! { <th scope="col" class="lens-table__header lens-table__header--numeric">{ grade.clone() }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            <p class="lens-body">
                { format!("{diagonal} of {total} standards were given the same grade by both (the outlined cells); darker cells hold more standards.") }
            </p>
        </>
    }
}

fn group_rows<'a>(groups: impl Iterator<Item = &'a GroupView>) -> Html {
    let rows = groups.map(|group| {
        let exact = group.exact.map_or_else(
            || "Not enough pairs".to_owned(),
            |(share, lower, upper)| format!("{} ({} to {})", percent(share), percent(lower), percent(upper)),
        );
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ group.name.clone() }</th>
                <td class="lens-table__cell lens-table__cell--numeric">{ group.pairs }</td>
                <td class="lens-table__cell">{ exact }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ group.within_one.map(percent).unwrap_or_default() }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ group.mean_difference.map(signed).unwrap_or_default() }</td>
                <td class="lens-table__cell">
                    if group.needs_calibration {
                        <strong class="lens-tag lens-tag--orange">{ "Calibrate" }</strong>
                    } else {
                        <strong class="lens-tag lens-tag--green">{ "Consistent" }</strong>
                    }
                    <ul class="lens-list lens-list--bullet lens-findings">
                        { for group.findings.iter().map(|finding| html! { <li>{ finding.clone() }</li> }) }
                    </ul>
                </td>
            </tr>
        }
    });
    html! { <tbody>{ for rows }</tbody> }
}

fn group_table(id: &str, caption: &str, first: &str, body: Html) -> Html {
    scroll_table(
        id,
        html! {
            <table class="lens-table">
                <caption class="lens-table__caption lens-heading-s" id={id.to_owned()}>{ caption.to_owned() }</caption>
                <thead><tr class="lens-table__row">
                    { header(first) }
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Pairs" }</th>
                    { header("Same grade (95% interval)") }
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Within one grade" }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Mean difference" }</th>
                    { header("Finding") }
                </tr></thead>
                { body }
            </table>
        },
    )
}

/// The standards, those to calibrate first.
pub(super) fn standards(view: &AgreementView) -> Html {
    group_table(
        "lens-agreement-standards",
        "Standards: the auditor's grade against the agreed grade",
        "Standard",
        group_rows(view.standards.iter()),
    )
}

/// The auditors, then each one's signed difference by quarter.
pub(super) fn auditors(view: &AgreementView) -> Html {
    let table = group_table(
        "lens-agreement-auditors",
        "Auditors: their grades against the agreed grades",
        "Auditor",
        group_rows(view.auditors.iter().map(|auditor| &auditor.overall)),
    );
    let charts = view.auditors.iter().enumerate().map(|(index, auditor)| auditor_trend(index, auditor));
    html! {
        <>
            { table }
            <p class="lens-body">{ "Mean difference is the auditor's grade minus the agreed grade, in grade steps: above zero the auditor grades harsher than agreed, below zero more leniently." }</p>
            { for charts }
        </>
    }
}

fn auditor_trend(index: usize, auditor: &AuditorView) -> Html {
    let name = &auditor.overall.name;
    let points: Vec<SignedPoint> = auditor
        .periods
        .iter()
        .map(|period| SignedPoint { label: period.label.clone(), value: period.mean_difference })
        .collect();
    let values: Vec<f64> = points.iter().filter_map(|point| point.value).collect();
    let summary = match (values.first(), values.last()) {
        (Some(first), Some(last)) if values.len() > 1 && signed(*first) == signed(*last) => format!(
            "{name}'s grades stayed at {} against the agreed grades over {} quarters with moderations.",
            signed(*first),
            values.len()
        ),
        (Some(first), Some(last)) if values.len() > 1 => format!(
            "{name}'s grades moved from {} to {} against the agreed grades over {} quarters with moderations.",
            signed(*first),
            signed(*last),
            values.len()
        ),
        (Some(only), _) => {
            format!("{name}'s grades were {} against the agreed grades in one quarter.", signed(*only))
        }
        _ => format!("{name} has no compared grades by quarter."),
    };
    let id = format!("lens-agreement-trend-{index}");
    let rows = auditor.periods.iter().map(|period| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ period.label.clone() }</th>
                <td class="lens-table__cell lens-table__cell--numeric">{ period.pairs }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ period.mean_difference.map(signed).unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <section class="lens-chart-group" aria-labelledby={format!("{id}-heading")}>
            <h4 class="lens-heading-s" id={format!("{id}-heading")}>{ format!("{name} by quarter") }</h4>
            { signed_difference_chart(&id, &format!("{name}: mean difference from the agreed grades by quarter"), &summary, &points) }
            { scroll_table(&format!("{id}-table"), html! {
                <table class="lens-table">
                    <caption class="lens-visually-hidden" id={format!("{id}-table")}>{ format!("{name} by quarter, as a table") }</caption>
                    <thead><tr class="lens-table__row">
                        { header("Quarter") }
                        <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Pairs" }</th>
                        <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Mean difference" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}
