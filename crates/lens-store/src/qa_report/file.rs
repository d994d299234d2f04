//! A QA report as files for the board pack and for other tools: JSON with every part of the
//! report, and CSV with one row per finding, quote, figure, grade, month and part of the cycle.

use csv::{Terminator, WriterBuilder};
use serde_json::{json, Value};

use super::{FindingsHeading, FrozenFigures, QaReport};
use crate::csv_export::neutralise;

/// The `format` of a QA report file.
pub const QA_REPORT_FORMAT: &str = "practice-lens-qa-report";
/// Its version.
pub const QA_REPORT_FORMAT_VERSION: u32 = 2;

/// A heading's code in files, kept here so that renaming a variant never changes a file.
fn heading_code(heading: FindingsHeading) -> &'static str {
    match heading {
        FindingsHeading::GoodPractice => "good_practice",
        FindingsHeading::AreasForImprovement => "areas_for_improvement",
        FindingsHeading::MultiAgencyLearning => "multi_agency_learning",
    }
}

/// The report as JSON. A report not yet signed off has no figures: they are fixed only then.
pub fn report_json(report: &QaReport) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|findings| {
            let evidence: Vec<Value> = findings
                .evidence
                .iter()
                .map(|quote| {
                    json!({
                        "theme": quote.theme,
                        "audit_id": quote.audit,
                        "case_reference": quote.case_reference,
                        "item": quote.item,
                        "standard": quote.standard,
                        "sentence": quote.sentence(),
                        "marked": quote.marked,
                    })
                })
                .collect();
            json!({
                "heading": heading_code(findings.heading),
                "title": findings.heading.label(),
                "text": findings.text,
                "evidence": evidence,
            })
        })
        .collect();
    let sign_off = report.sign_off.as_ref();
    let document = json!({
        "format": QA_REPORT_FORMAT,
        "format_version": QA_REPORT_FORMAT_VERSION,
        "id": report.id,
        "organisation": report.organisation,
        "from": report.from,
        "to": report.to,
        "team": report.team,
        "template": report.template.as_ref().map(|t| json!({"id": t.id, "title": t.title})),
        "written_by": report.written_by,
        "written_on": report.written_on,
        "signed_off_by": sign_off.map(|s| s.by.clone()),
        "signed_off_on": sign_off.map(|s| s.on),
        "findings": findings,
        "figures": sign_off.map(|s| figures_json(&s.figures)),
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn figures_json(figures: &FrozenFigures) -> Value {
    json!({
        "audits_completed": figures.audits_completed,
        "notes": figures.notes,
        "sections": figures.sections.iter().map(|section| json!({
            "question": section.anchor,
            "heading": section.heading,
            "figures": section.rows.iter().map(|row| json!({
                "measure": row.measure, "breakdown": row.breakdown, "count": row.count,
                "of": row.of, "share": row.share,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "grades": figures.charts.iter().map(|chart| json!({
            "title": chart.title, "total": chart.total, "good_or_better": chart.good_or_better,
            "bars": chart.bars.iter().map(|bar| json!({"grade": bar.grade, "count": bar.count})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "trend": figures.trend.iter().map(|month| json!({
            "month": month.month, "completed": month.completed,
            "good_or_better": month.good_or_better, "judged": month.judged,
        })).collect::<Vec<_>>(),
        "cycle": figures.cycle.as_ref().map(|cycle| json!({
            "months": cycle.months.iter().map(|month| json!({
                "month": month.month, "reflection": month.reflection, "completed": month.completed,
            })).collect::<Vec<_>>(),
            "auditors": cycle.auditors.iter().map(|auditor| json!({
                "auditor": auditor.auditor, "completed": auditor.completed, "expected": auditor.expected,
            })).collect::<Vec<_>>(),
        })),
    })
}

/// The report as CSV: `part` says what each row is (`finding`, `evidence`, `figure`, `grade`,
/// `month`, `cycle_month`, `cycle_auditor`); every cell is made inert for spreadsheets.
pub fn report_csv(report: &QaReport) -> String {
    let mut writer =
        WriterBuilder::new().terminator(Terminator::CRLF).from_writer("\u{feff}".as_bytes().to_vec());
    let mut row = |cells: [&str; 8]| {
        let _ = writer.write_record(cells.iter().map(|cell| neutralise(cell)));
    };
    row(["part", "heading", "measure", "breakdown", "count", "of", "share", "text"]);
    for findings in &report.findings {
        row(["finding", findings.heading.label(), "", "", "", "", "", &findings.text]);
        for quote in &findings.evidence {
            let source = format!("{} ({}), {}", quote.case_reference, quote.audit, quote.standard);
            row(["evidence", findings.heading.label(), &quote.theme, &source, "", "", "", &quote.sentence()]);
        }
    }
    if let Some(sign_off) = &report.sign_off {
        let figures = &sign_off.figures;
        for section in &figures.sections {
            for figure in &section.rows {
                let (count, of) =
                    (figure.count.to_string(), figure.of.map(|of| of.to_string()).unwrap_or_default());
                row([
                    "figure",
                    &section.heading,
                    &figure.measure,
                    &figure.breakdown,
                    &count,
                    &of,
                    &figure.share,
                    "",
                ]);
            }
        }
        for chart in &figures.charts {
            let total = chart.total.to_string();
            for bar in &chart.bars {
                row(["grade", &chart.title, &bar.grade, "", &bar.count.to_string(), &total, "", ""]);
            }
        }
        for month in &figures.trend {
            let (completed, judged) = (month.completed.to_string(), month.judged.to_string());
            row(["month", "Audits completed", &month.month, "", &completed, "", "", ""]);
            row([
                "month",
                "Judged good or better",
                &month.month,
                "",
                &month.good_or_better.to_string(),
                &judged,
                "",
                "",
            ]);
        }
        for month in figures.cycle.iter().flat_map(|cycle| &cycle.months) {
            let place = if month.reflection { "Reflection month" } else { "Audit month" };
            row([
                "cycle_month",
                "The QA cycle",
                &month.month,
                place,
                &month.completed.to_string(),
                "",
                "",
                "",
            ]);
        }
        for auditor in figures.cycle.iter().flat_map(|cycle| &cycle.auditors) {
            let (completed, expected) = (auditor.completed.to_string(), auditor.expected.to_string());
            row(["cycle_auditor", "The QA cycle", &auditor.auditor, "", &completed, &expected, "", ""]);
        }
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}
