//! A report's figures as tables, one per question, and its themes, in words a reader of a QA
//! report expects. The worker has put every figure into words already.

use crate::components::chart::{grade_distribution_chart, trend_chart};
use crate::components::heading_level::{small_heading, HeadingLevel};
use crate::components::scroll_table::scroll_table;
use lens_analysis::protocol::{FigureRow, ReportView, ThemePolarity};

use super::Themes;
use yew::prelude::*;

/// A figure named by its words, which stay the same when audits arrive and the figures are
/// numbered again.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct FigureName {
    pub measure: String,
    pub breakdown: String,
}

impl FigureName {
    pub(crate) fn of(row: &FigureRow) -> Self {
        FigureName { measure: row.measure.clone(), breakdown: row.breakdown.clone() }
    }

    /// Whether `row` is this figure.
    pub(crate) fn names(&self, row: &FigureRow) -> bool {
        row.measure == self.measure && row.breakdown == self.breakdown
    }
}

/// How counts open the audits behind them.
pub(crate) struct FigureOpening {
    /// Opens the named figure's audits.
    pub onopen: Callback<FigureName>,
    /// The figure whose audits were just closed, whose button takes `node` so focus returns to it.
    pub returned_to: Option<FigureName>,
    pub node: NodeRef,
}

/// A figure's count: a button opening the audits behind it when `opening` is given and the
/// figure has any, else the number alone (a signed report's figures keep no audits).
fn count_cell(row: &FigureRow, opening: Option<&FigureOpening>) -> Html {
    let opens = opening.filter(|_| row.figure.is_some() && row.count > 0);
    let Some(opening) = opens else {
        return html! { <td class="lens-table__cell lens-table__cell--numeric">{ row.count }</td> };
    };
    let onclick = {
        let (onopen, name) = (opening.onopen.clone(), FigureName::of(row));
        Callback::from(move |_: MouseEvent| onopen.emit(name.clone()))
    };
    let returned = opening.returned_to.as_ref().is_some_and(|name| name.names(row));
    let node = if returned { opening.node.clone() } else { NodeRef::default() };
    // Named in full for a screen reader's list of buttons, starting with the count it shows.
    let name = format!("{}: open the audits behind {}, {}", row.count, row.measure, row.breakdown);
    html! {
        <td class="lens-table__cell lens-table__cell--numeric">
            <button type="button" class="lens-link-button lens-link-button--in-table" aria-label={name} ref={node} {onclick}>
                { row.count }
            </button>
        </td>
    }
}

/// The tables of one report, a heading at `level` and table per question that has figures.
/// With `opening`, each count opens the audits behind it.
pub(crate) fn figure_tables(view: &ReportView, level: HeadingLevel, opening: Option<&FigureOpening>) -> Html {
    let tables = view.sections.iter().map(|section| {
        let heading_id = format!("lens-report-{}", section.anchor);
        let rows = section.rows.iter().map(|row| {
            html! {
                <tr class="lens-table__row">
                    <th scope="row" class="lens-table__header">{ row.measure.clone() }</th>
                    <td class="lens-table__cell">{ row.breakdown.clone() }</td>
                    { count_cell(row, opening) }
                    <td class="lens-table__cell lens-table__cell--numeric">{ row.of.map(|of| of.to_string()).unwrap_or_default() }</td>
                    <td class="lens-table__cell lens-table__cell--numeric">{ row.share.clone() }</td>
                </tr>
            }
        });
        html! {
            <>
                { small_heading(level, &heading_id, &section.heading) }
                { scroll_table(&heading_id, html! {
                    <table class="lens-table" aria-labelledby={heading_id.clone()}>
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Measure" }</th>
                                <th scope="col" class="lens-table__header">{ "Breakdown" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Count" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Out of" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Share" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }) }
            </>
        }
    });
    html! { <>{ for tables }</> }
}

/// How the grades fell, overall and per standard, as bar charts; the same counts are in the
/// "How well did we do it?" table below, which the caption points to.
pub(crate) fn grade_charts(view: &ReportView, level: HeadingLevel) -> Html {
    const HEADING_ID: &str = "lens-report-grade-charts";
    if view.grade_charts.is_empty() {
        return Html::default();
    }
    let charts = view
        .grade_charts
        .iter()
        .enumerate()
        .map(|(index, chart)| grade_distribution_chart(&format!("lens-grade-chart-{index}"), chart));
    html! {
        <section class="lens-chart-group" aria-labelledby={HEADING_ID}>
            { small_heading(level, HEADING_ID, "How the grades fell") }
            <p class="lens-body lens-body--secondary">
                { "Each bar is one grade of the scale, best first, with its count and share. Where an audit was moderated, its agreed grades count, overall and per standard. The same counts are in the table \"How well did we do it?\" below." }
            </p>
            <div class="lens-chart-grid">{ for charts }</div>
        </section>
    }
}

/// Audits completed each month, as a column chart; the same counts are in the trend table below.
pub(crate) fn trend_charts(view: &ReportView, level: HeadingLevel) -> Html {
    // One month is no trend.
    if view.trend.len() < 2 || view.audits_completed == 0 {
        return Html::default();
    }
    html! {
        <section class="lens-chart-group" aria-labelledby="lens-report-trend-chart">
            { small_heading(level, "lens-report-trend-chart", "How the months compare") }
            { trend_chart("lens-trend-chart", &view.trend) }
            <p class="lens-body lens-body--secondary">{ "The same counts are in the table \"Trends\" below." }</p>
        </section>
    }
}

/// What the narratives say: each theme found as going well or as needing to improve, with
/// how many narratives and audits show it and a quote as evidence.
pub(crate) fn theme_table(themes: &Themes) -> Html {
    const HEADING_ID: &str = "lens-report-themes";
    let themes = match themes {
        Themes::Ready(themes) => themes,
        Themes::Reading => {
            return html! {
                <>
                    <h4 class="lens-heading-s" id={HEADING_ID}>{ "What the narratives say" }</h4>
                    <p class="lens-body" role="status">{ "Reading the narratives of these audits for themes…" }</p>
                </>
            }
        }
        Themes::Failed(reason) => {
            return html! {
                <>
                    <h4 class="lens-heading-s" id={HEADING_ID}>{ "What the narratives say" }</h4>
                    <p class="lens-body" role="status">{ format!("The themes could not be read: {reason}") }</p>
                </>
            }
        }
    };
    let intro = match themes.narratives {
        0 => "No narratives to read in this period.".to_owned(),
        1 => "From the 1 narrative of the audits completed in this period.".to_owned(),
        read => format!("From the {read} narratives of the audits completed in this period."),
    };
    let rows = themes.rows.iter().map(|row| {
        let found = match row.polarity {
            ThemePolarity::Strength => "Going well",
            ThemePolarity::Concern => "To improve",
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ row.theme.clone() }</th>
                <td class="lens-table__cell">{ found }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ row.narratives }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ row.audits }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ row.share.clone() }</td>
                <td class="lens-table__cell">{ row.quotes.first().cloned().unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <>
            <h4 class="lens-heading-s" id={HEADING_ID}>{ "What the narratives say" }</h4>
            <p class="lens-body">{ intro }</p>
            if !themes.rows.is_empty() {
                { scroll_table(HEADING_ID, html! {
                    <table class="lens-table" aria-labelledby={HEADING_ID}>
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Theme" }</th>
                                <th scope="col" class="lens-table__header">{ "Found as" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Narratives" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Audits" }</th>
                                <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Share" }</th>
                                <th scope="col" class="lens-table__header">{ "For example" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }) }
            }
        </>
    }
}
