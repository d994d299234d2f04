//! The stored layout of a QA report, schema 1. Never edit it: a new schema adds its own types
//! and a migration from this one. Schema 2 (`layout_v2.rs`) keeps these types for everything
//! but the sign-off, so they are visible to it.

#[cfg(test)]
use chrono::NaiveDate;
use lens_core::GradeStanding;
use serde::{Deserialize, Serialize};

use super::{
    Evidence, Findings, FindingsHeading, FrozenBar, FrozenChart, FrozenFigures, FrozenMonth, FrozenRow,
    FrozenSection,
};
#[cfg(test)]
use super::{QaReport, ReportTemplate, SignOff};

#[cfg(test)]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportV1 {
    id: String,
    from: NaiveDate,
    to: NaiveDate,
    team: Option<String>,
    template: Option<TemplateV1>,
    organisation: Option<String>,
    findings: Vec<FindingsV1>,
    written_by: String,
    written_on: NaiveDate,
    sign_off: Option<SignOffV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TemplateV1 {
    pub(super) id: String,
    pub(super) title: String,
}

#[cfg(test)]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignOffV1 {
    by: String,
    on: NaiveDate,
    figures: FiguresV1,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum HeadingV1 {
    GoodPractice,
    AreasForImprovement,
    MultiAgencyLearning,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingsV1 {
    heading: HeadingV1,
    text: String,
    evidence: Vec<EvidenceV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceV1 {
    theme: String,
    audit: String,
    case_reference: String,
    item: String,
    standard: String,
    before: String,
    marked: String,
    after: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FiguresV1 {
    audits_completed: usize,
    notes: Vec<String>,
    sections: Vec<SectionV1>,
    charts: Vec<ChartV1>,
    trend: Vec<MonthV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionV1 {
    anchor: String,
    heading: String,
    rows: Vec<RowV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowV1 {
    measure: String,
    breakdown: String,
    overall: bool,
    count: usize,
    of: Option<usize>,
    share: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartV1 {
    title: String,
    bars: Vec<BarV1>,
    total: usize,
    good_or_better: usize,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StandingV1 {
    GoodOrBetter,
    BelowGood,
    Inadequate,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BarV1 {
    grade: String,
    standing: StandingV1,
    count: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthV1 {
    month: String,
    completed: usize,
    good_or_better: usize,
    judged: usize,
}

/// The report's stored body in schema 1, kept to show a version 1 body reads and writes back
/// unchanged.
#[cfg(test)]
pub(super) fn write(report: &QaReport) -> String {
    let body = ReportV1 {
        id: report.id.clone(),
        from: report.from,
        to: report.to,
        team: report.team.clone(),
        template: report.template.as_ref().map(|t| TemplateV1 { id: t.id.clone(), title: t.title.clone() }),
        organisation: report.organisation.clone(),
        findings: report.findings.iter().map(findings_body).collect(),
        written_by: report.written_by.clone(),
        written_on: report.written_on,
        sign_off: report.sign_off.as_ref().map(|sign_off| SignOffV1 {
            by: sign_off.by.clone(),
            on: sign_off.on,
            figures: figures_body(&sign_off.figures),
        }),
    };
    serde_json::to_string(&body).expect("a report's layout is plain data")
}

/// The report a schema 1 body holds (schema 2's reader reads these bodies too).
#[cfg(test)]
pub(super) fn read(body: &str) -> Result<QaReport, serde_json::Error> {
    let body: ReportV1 = serde_json::from_str(body)?;
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
        sign_off: body.sign_off.map(|sign_off| SignOff {
            by: sign_off.by,
            on: sign_off.on,
            figures: figures_value(sign_off.figures),
        }),
    })
}

fn heading_body(heading: FindingsHeading) -> HeadingV1 {
    match heading {
        FindingsHeading::GoodPractice => HeadingV1::GoodPractice,
        FindingsHeading::AreasForImprovement => HeadingV1::AreasForImprovement,
        FindingsHeading::MultiAgencyLearning => HeadingV1::MultiAgencyLearning,
    }
}

fn heading_value(heading: HeadingV1) -> FindingsHeading {
    match heading {
        HeadingV1::GoodPractice => FindingsHeading::GoodPractice,
        HeadingV1::AreasForImprovement => FindingsHeading::AreasForImprovement,
        HeadingV1::MultiAgencyLearning => FindingsHeading::MultiAgencyLearning,
    }
}

pub(super) fn findings_body(findings: &Findings) -> FindingsV1 {
    FindingsV1 {
        heading: heading_body(findings.heading),
        text: findings.text.clone(),
        evidence: findings
            .evidence
            .iter()
            .map(|quote| EvidenceV1 {
                theme: quote.theme.clone(),
                audit: quote.audit.clone(),
                case_reference: quote.case_reference.clone(),
                item: quote.item.clone(),
                standard: quote.standard.clone(),
                before: quote.before.clone(),
                marked: quote.marked.clone(),
                after: quote.after.clone(),
            })
            .collect(),
    }
}

pub(super) fn findings_value(body: FindingsV1) -> Findings {
    Findings {
        heading: heading_value(body.heading),
        text: body.text,
        evidence: body
            .evidence
            .into_iter()
            .map(|quote| Evidence {
                theme: quote.theme,
                audit: quote.audit,
                case_reference: quote.case_reference,
                item: quote.item,
                standard: quote.standard,
                before: quote.before,
                marked: quote.marked,
                after: quote.after,
            })
            .collect(),
    }
}

pub(super) fn figures_body(figures: &FrozenFigures) -> FiguresV1 {
    FiguresV1 {
        audits_completed: figures.audits_completed,
        notes: figures.notes.clone(),
        sections: figures
            .sections
            .iter()
            .map(|section| SectionV1 {
                anchor: section.anchor.clone(),
                heading: section.heading.clone(),
                rows: section
                    .rows
                    .iter()
                    .map(|row| RowV1 {
                        measure: row.measure.clone(),
                        breakdown: row.breakdown.clone(),
                        overall: row.overall,
                        count: row.count,
                        of: row.of,
                        share: row.share.clone(),
                    })
                    .collect(),
            })
            .collect(),
        charts: figures
            .charts
            .iter()
            .map(|chart| ChartV1 {
                title: chart.title.clone(),
                bars: chart
                    .bars
                    .iter()
                    .map(|bar| BarV1 {
                        grade: bar.grade.clone(),
                        standing: match bar.standing {
                            GradeStanding::GoodOrBetter => StandingV1::GoodOrBetter,
                            GradeStanding::BelowGood => StandingV1::BelowGood,
                            GradeStanding::Inadequate => StandingV1::Inadequate,
                        },
                        count: bar.count,
                    })
                    .collect(),
                total: chart.total,
                good_or_better: chart.good_or_better,
            })
            .collect(),
        trend: figures
            .trend
            .iter()
            .map(|month| MonthV1 {
                month: month.month.clone(),
                completed: month.completed,
                good_or_better: month.good_or_better,
                judged: month.judged,
            })
            .collect(),
    }
}

pub(super) fn figures_value(body: FiguresV1) -> FrozenFigures {
    FrozenFigures {
        audits_completed: body.audits_completed,
        notes: body.notes,
        sections: body
            .sections
            .into_iter()
            .map(|section| FrozenSection {
                anchor: section.anchor,
                heading: section.heading,
                rows: section
                    .rows
                    .into_iter()
                    .map(|row| FrozenRow {
                        measure: row.measure,
                        breakdown: row.breakdown,
                        overall: row.overall,
                        count: row.count,
                        of: row.of,
                        share: row.share,
                    })
                    .collect(),
            })
            .collect(),
        charts: body
            .charts
            .into_iter()
            .map(|chart| FrozenChart {
                title: chart.title,
                bars: chart
                    .bars
                    .into_iter()
                    .map(|bar| FrozenBar {
                        grade: bar.grade,
                        standing: match bar.standing {
                            StandingV1::GoodOrBetter => GradeStanding::GoodOrBetter,
                            StandingV1::BelowGood => GradeStanding::BelowGood,
                            StandingV1::Inadequate => GradeStanding::Inadequate,
                        },
                        count: bar.count,
                    })
                    .collect(),
                total: chart.total,
                good_or_better: chart.good_or_better,
            })
            .collect(),
        cycle: None,
        trend: body
            .trend
            .into_iter()
            .map(|month| FrozenMonth {
                month: month.month,
                completed: month.completed,
                good_or_better: month.good_or_better,
                judged: month.judged,
            })
            .collect(),
    }
}
