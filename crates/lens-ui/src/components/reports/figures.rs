//! A report's figures as tables, one per question, in words a reader of a QA report expects.

use lens_core::{Dimension, Figure, Question, Report, Template};
use yew::prelude::*;

/// A breakdown in words: "Team: Assessment East; Grade: Good".
fn group_words(figure: &Figure, templates: &[Template]) -> String {
    let parts: Vec<String> = figure
        .group
        .iter()
        .map(|(dimension, value)| {
            let name = dimension.label();
            let value = match dimension {
                Dimension::Template => templates
                    .iter()
                    .find(|template| template.id == *value)
                    .map_or_else(|| value.clone(), |template| template.title.clone()),
                Dimension::Standard => templates
                    .iter()
                    .find_map(|template| template.item(value))
                    .map_or_else(|| value.clone(), |item| item.prompt.clone()),
                _ => value.clone(),
            };
            format!("{name}: {value}")
        })
        .collect();
    if parts.is_empty() {
        "All".to_owned()
    } else {
        parts.join("; ")
    }
}

fn share_words(figure: &Figure) -> String {
    figure.share().map(|share| format!("{:.0}%", share * 100.0)).unwrap_or_default()
}

/// The tables of one report, a heading and table per question that has figures.
pub(crate) fn figure_tables(report: &Report, templates: &[Template]) -> Html {
    let tables = Question::ALL.into_iter().map(|question| {
        let figures: Vec<&Figure> = report.figures.iter().filter(|figure| figure.question == question).collect();
        if figures.is_empty() {
            return html! {};
        }
        let heading_id = format!("lens-report-{}", lens_store::report_export::question_code(question).replace('_', "-"));
        let rows = figures.iter().map(|figure| {
            html! {
                <tr class="lens-table__row">
                    <th scope="row" class="lens-table__header">{ figure.measure.label() }</th>
                    <td class="lens-table__cell">{ group_words(figure, templates) }</td>
                    <td class="lens-table__cell lens-table__cell--numeric">{ figure.count }</td>
                    <td class="lens-table__cell lens-table__cell--numeric">{ figure.of.map(|of| of.to_string()).unwrap_or_default() }</td>
                    <td class="lens-table__cell lens-table__cell--numeric">{ share_words(figure) }</td>
                </tr>
            }
        });
        html! {
            <>
                <h4 class="lens-heading-s" id={heading_id.clone()}>{ question.heading() }</h4>
                <table class="lens-table" aria-labelledby={heading_id}>
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
            </>
        }
    });
    html! { <>{ for tables }</> }
}
