//! A report in the words of a QA report: each figure's measure, breakdown and share as the
//! Reports screen shows them, one table per question.

use lens_core::{Dimension, Figure, Measure, Question, Report, Template};
use lens_store::report_export::question_code;

use crate::protocol::{FigureRow, ReportSection, ReportView, ThemeSummary};

/// The report as the screen shows it.
pub fn report_view(report: &Report, templates: &[Template], themes: ThemeSummary) -> ReportView {
    let sections = Question::ALL
        .into_iter()
        .filter_map(|question| {
            let rows: Vec<FigureRow> = report
                .figures
                .iter()
                .filter(|figure| figure.question == question)
                .map(|figure| figure_row(figure, templates))
                .collect();
            (!rows.is_empty()).then(|| ReportSection {
                anchor: question_code(question).replace('_', "-"),
                heading: question.heading().to_owned(),
                rows,
            })
        })
        .collect();
    ReportView {
        from: report.filter.from,
        to: report.filter.to,
        audits_completed: report.figure(Measure::AuditsCompleted, &[]).map_or(0, |figure| figure.count),
        notes: report.notes.clone(),
        sections,
        themes,
    }
}

fn figure_row(figure: &Figure, templates: &[Template]) -> FigureRow {
    FigureRow {
        measure: figure.measure.label().to_owned(),
        breakdown: breakdown_words(figure, templates),
        count: figure.count,
        of: figure.of,
        share: figure.share().map(|share| format!("{:.0}%", share * 100.0)).unwrap_or_default(),
    }
}

/// A breakdown in words: "Team: Assessment East; Grade: Good". Templates and standards are
/// named by their titles and prompts, not their ids.
fn breakdown_words(figure: &Figure, templates: &[Template]) -> String {
    let parts: Vec<String> = figure
        .group
        .iter()
        .map(|(dimension, value)| {
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
            format!("{}: {value}", dimension.label())
        })
        .collect();
    if parts.is_empty() {
        "All".to_owned()
    } else {
        parts.join("; ")
    }
}
