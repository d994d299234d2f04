//! The stored layout of a QA report, schema 2: schema 1 with the QA cycle kept at sign-off.
//! Never edit it: a new schema adds its own types and a migration from this one. A schema 1
//! body reads as a schema 2 one whose cycle was not kept, so one reader serves both.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::layout::{
    figures_body, figures_value, findings_body, findings_value, FiguresV1, FindingsV1, TemplateV1,
};
use super::{FrozenAuditor, FrozenCycle, FrozenCycleMonth, QaReport, ReportTemplate, SignOff};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportV2 {
    id: String,
    from: NaiveDate,
    to: NaiveDate,
    team: Option<String>,
    template: Option<TemplateV1>,
    organisation: Option<String>,
    findings: Vec<FindingsV1>,
    written_by: String,
    written_on: NaiveDate,
    sign_off: Option<SignOffV2>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignOffV2 {
    by: String,
    on: NaiveDate,
    figures: FiguresV1,
    /// Absent from a schema 1 body.
    #[serde(default)]
    cycle: Option<CycleV2>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleV2 {
    months: Vec<CycleMonthV2>,
    auditors: Vec<AuditorV2>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleMonthV2 {
    month: String,
    reflection: bool,
    completed: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditorV2 {
    auditor: String,
    completed: usize,
    expected: usize,
}

/// The report's stored body.
pub(super) fn write(report: &QaReport) -> String {
    let body = ReportV2 {
        id: report.id.clone(),
        from: report.from,
        to: report.to,
        team: report.team.clone(),
        template: report.template.as_ref().map(|t| TemplateV1 { id: t.id.clone(), title: t.title.clone() }),
        organisation: report.organisation.clone(),
        findings: report.findings.iter().map(findings_body).collect(),
        written_by: report.written_by.clone(),
        written_on: report.written_on,
        sign_off: report.sign_off.as_ref().map(|sign_off| SignOffV2 {
            by: sign_off.by.clone(),
            on: sign_off.on,
            figures: figures_body(&sign_off.figures),
            cycle: sign_off.figures.cycle.as_ref().map(cycle_body),
        }),
    };
    serde_json::to_string(&body).expect("a report's layout is plain data")
}

/// The report a stored body of schema 1 or 2 holds.
pub(super) fn read(body: &str) -> Result<QaReport, serde_json::Error> {
    let body: ReportV2 = serde_json::from_str(body)?;
    Ok(QaReport {
        id: body.id,
        from: body.from,
        to: body.to,
        team: body.team,
        template: body.template.map(|t| ReportTemplate { id: t.id, title: t.title }),
        organisation: body.organisation,
        findings: body.findings.into_iter().map(findings_value).collect(),
        written_by: body.written_by,
        written_on: body.written_on,
        sign_off: body.sign_off.map(|sign_off| {
            let mut figures = figures_value(sign_off.figures);
            figures.cycle = sign_off.cycle.map(cycle_value);
            SignOff { by: sign_off.by, on: sign_off.on, figures }
        }),
    })
}

fn cycle_body(cycle: &FrozenCycle) -> CycleV2 {
    CycleV2 {
        months: cycle
            .months
            .iter()
            .map(|month| CycleMonthV2 {
                month: month.month.clone(),
                reflection: month.reflection,
                completed: month.completed,
            })
            .collect(),
        auditors: cycle
            .auditors
            .iter()
            .map(|auditor| AuditorV2 {
                auditor: auditor.auditor.clone(),
                completed: auditor.completed,
                expected: auditor.expected,
            })
            .collect(),
    }
}

fn cycle_value(body: CycleV2) -> FrozenCycle {
    FrozenCycle {
        months: body
            .months
            .into_iter()
            .map(|month| FrozenCycleMonth {
                month: month.month,
                reflection: month.reflection,
                completed: month.completed,
            })
            .collect(),
        auditors: body
            .auditors
            .into_iter()
            .map(|auditor| FrozenAuditor {
                auditor: auditor.auditor,
                completed: auditor.completed,
                expected: auditor.expected,
            })
            .collect(),
    }
}
