//! Reports as JSON and CSV for other tools and spreadsheets (docs/report-format.md). Every
//! figure keeps the ids of the audits behind it.

use csv::{Terminator, WriterBuilder};
use lens_core::Report;
use serde_json::{json, Map, Value};

use crate::csv_export::neutralise;

/// The `format` of a report document.
pub const REPORT_FORMAT: &str = "practice-lens-report";
/// Its version.
pub const REPORT_FORMAT_VERSION: u32 = 1;

fn optional<T: ToString>(value: &Option<T>) -> Value {
    value.as_ref().map_or(Value::Null, |value| Value::String(value.to_string()))
}

/// The report as one JSON document.
pub fn report_json(report: &Report) -> Value {
    let filter = &report.filter;
    let figures: Vec<Value> = report
        .figures
        .iter()
        .map(|figure| {
            let group: Map<String, Value> = figure
                .group
                .iter()
                .map(|(dimension, value)| ((*dimension).to_owned(), Value::String(value.clone())))
                .collect();
            json!({
                "question": figure.question.code(),
                "measure": figure.measure,
                "group": group,
                "count": figure.count,
                "of": figure.of,
                "share": figure.share().map(|share| (share * 10_000.0).round() / 10_000.0),
                "audits": figure.audits.iter().map(ToString::to_string).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "filter": {
            "from": filter.from.to_string(),
            "to": filter.to.to_string(),
            "team": optional(&filter.team),
            "strand": optional(&filter.strand),
            "auditor": optional(&filter.auditor),
            "template": optional(&filter.template),
            "standard": optional(&filter.standard),
        },
        "settings": {
            "audits_per_auditor_per_quarter": report.settings.audits_per_auditor_per_quarter,
            "paused_months": report.settings.paused_months,
            "today": report.settings.today.to_string(),
        },
        "notes": report.notes,
        "figures": figures,
    })
}

/// The report's figures as CSV, one row per figure, audits separated by spaces.
pub fn report_csv(report: &Report) -> String {
    let mut writer =
        WriterBuilder::new().terminator(Terminator::CRLF).from_writer("\u{feff}".as_bytes().to_vec());
    let _ = writer.write_record(["question", "measure", "group", "count", "of", "share", "audits"]);
    for figure in &report.figures {
        let share = figure.share().map(|share| format!("{share:.4}")).unwrap_or_default();
        let audits: Vec<String> = figure.audits.iter().map(ToString::to_string).collect();
        let row = [
            figure.question.code().to_owned(),
            figure.measure.to_owned(),
            figure.group_label(),
            figure.count.to_string(),
            figure.of.map(|of| of.to_string()).unwrap_or_default(),
            share,
            audits.join(" "),
        ];
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}
