//! QA reports as kept on the device: the findings a QA manager wrote for a period, team and
//! template, and once signed off, who signed it, when, and the figures as they were then, so
//! the report opens unchanged however many audits arrive later.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: the report, its findings with their evidence, and its sign-off.
//! - 2 (current): as 1, with the QA cycle kept at sign-off (`layout_v2.rs`); a report of
//!   version 1 reads unchanged, its cycle not kept.

mod file;
mod layout;
mod layout_v2;
#[cfg(test)]
mod tests;

use chrono::{DateTime, NaiveDate, Utc};
use lens_core::GradeStanding;

pub use self::file::{report_csv, report_json, QA_REPORT_FORMAT, QA_REPORT_FORMAT_VERSION};
use crate::audits::Versioned;
use crate::error::StoreError;
use crate::latest::not_newer;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
use crate::store::Store;

/// The schema version QA reports are written in.
pub const CURRENT_QA_REPORT_SCHEMA: u32 = 2;

/// A QA report: being written until it is signed off, then fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaReport {
    /// Its id, made on the device.
    pub id: String,
    /// The first day it covers.
    pub from: NaiveDate,
    /// The last day it covers.
    pub to: NaiveDate,
    /// The team it covers, or every team.
    pub team: Option<String>,
    /// The template it covers, or every template.
    pub template: Option<ReportTemplate>,
    /// The council or service, as the page's `config` named it.
    pub organisation: Option<String>,
    /// Good practice, areas for improvement and learning for multi-agency working, in that order.
    pub findings: Vec<Findings>,
    /// Who wrote it.
    pub written_by: String,
    /// When it was last changed.
    pub written_on: NaiveDate,
    /// Its sign-off, once signed.
    pub sign_off: Option<SignOff>,
}

impl QaReport {
    /// The findings under `heading`, if the report has them.
    pub fn findings_under(&self, heading: FindingsHeading) -> Option<&Findings> {
        self.findings.iter().find(|findings| findings.heading == heading)
    }
}

/// The template a report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTemplate {
    /// Its id.
    pub id: String,
    /// Its title as it was when the report was written.
    pub title: String,
}

/// Who signed a report off, when, and what its figures were then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    /// The person who signed it off.
    pub by: String,
    /// The day.
    pub on: NaiveDate,
    /// The figures as they were at sign-off.
    pub figures: FrozenFigures,
}

/// The three headings of a report's findings (the audit activity summary's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingsHeading {
    /// What is going well.
    GoodPractice,
    /// What must improve.
    AreasForImprovement,
    /// What working with partner agencies taught.
    MultiAgencyLearning,
}

impl FindingsHeading {
    /// Every heading, in the order a report shows them.
    pub const ALL: [Self; 3] = [Self::GoodPractice, Self::AreasForImprovement, Self::MultiAgencyLearning];

    /// The heading as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::GoodPractice => "Good practice",
            Self::AreasForImprovement => "Areas for improvement",
            Self::MultiAgencyLearning => "Learning for multi-agency working",
        }
    }
}

/// The text written under one heading and the quotes it was drafted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// Which heading.
    pub heading: FindingsHeading,
    /// The text as the QA manager left it.
    pub text: String,
    /// Sentences from audits that the text draws on, each tracing to its audit and standard.
    pub evidence: Vec<Evidence>,
}

/// A sentence quoted from an audit's narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The theme it was quoted for, as a person reads it.
    pub theme: String,
    /// The audit's id.
    pub audit: String,
    /// The audit's case reference.
    pub case_reference: String,
    /// The standard's item id.
    pub item: String,
    /// The standard as a person reads it.
    pub standard: String,
    /// The sentence before the words that carried the finding.
    pub before: String,
    /// The words that carried the finding.
    pub marked: String,
    /// The sentence after them.
    pub after: String,
}

impl Evidence {
    /// The whole sentence.
    pub fn sentence(&self) -> String {
        format!("{}{}{}", self.before, self.marked, self.after)
    }
}

/// A report's figures as words and numbers, fixed at sign-off.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrozenFigures {
    /// Audits completed in the period (reflections apart).
    pub audits_completed: usize,
    /// What the reader should know about the data.
    pub notes: Vec<String>,
    /// One table per question.
    pub sections: Vec<FrozenSection>,
    /// How the grades fell, overall and per standard.
    pub charts: Vec<FrozenChart>,
    /// Each month: audits completed and how many were judged good or better.
    pub trend: Vec<FrozenMonth>,
    /// The QA cycle as it was; `None` for a report signed in schema 1, before it was kept.
    pub cycle: Option<FrozenCycle>,
}

/// The QA cycle at sign-off: every month of the period and each auditor's audits against
/// expected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrozenCycle {
    /// Every month, in order.
    pub months: Vec<FrozenCycleMonth>,
    /// Each auditor, by name.
    pub auditors: Vec<FrozenAuditor>,
}

/// One month of the cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenCycleMonth {
    /// The month, e.g. "Aug 2026".
    pub month: String,
    /// A reflection month, when no audits are expected.
    pub reflection: bool,
    /// Audits completed in it.
    pub completed: usize,
}

/// One auditor's audits against expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenAuditor {
    /// The auditor's name.
    pub auditor: String,
    /// Audits completed.
    pub completed: usize,
    /// Audits expected.
    pub expected: usize,
}

/// The figures answering one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenSection {
    /// A stable fragment for the table's heading, e.g. `how-much`.
    pub anchor: String,
    /// The question in words.
    pub heading: String,
    /// Its figures.
    pub rows: Vec<FrozenRow>,
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenRow {
    /// What is counted.
    pub measure: String,
    /// Its breakdown, or "All".
    pub breakdown: String,
    /// Whether it is over every audit the report covered rather than one breakdown.
    pub overall: bool,
    /// The count.
    pub count: usize,
    /// What it is out of, if anything.
    pub of: Option<usize>,
    /// The share as a whole percentage, or empty.
    pub share: String,
}

/// How the grades of one standard fell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenChart {
    /// What was graded.
    pub title: String,
    /// One bar per grade, best first.
    pub bars: Vec<FrozenBar>,
    /// Gradings in all.
    pub total: usize,
    /// Of them, good or better.
    pub good_or_better: usize,
}

/// One grade's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenBar {
    /// The grade as a person reads it.
    pub grade: String,
    /// Where it stands against good.
    pub standing: GradeStanding,
    /// How many gradings gave it.
    pub count: usize,
}

/// One month of the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenMonth {
    /// The month, e.g. "Apr 2026".
    pub month: String,
    /// Audits completed in it.
    pub completed: usize,
    /// Of those judged, how many were good or better.
    pub good_or_better: usize,
    /// How many had an overall judgement.
    pub judged: usize,
}

/// The report as it is stored, to hand to the analysis worker for its files.
pub fn stored_body(report: &QaReport) -> String {
    layout_v2::write(report)
}

/// The report a stored body holds; the reason in words when it holds none.
pub fn read_stored_body(body: &str) -> Result<QaReport, String> {
    layout_v2::read(body).map_err(|error| error.to_string())
}

fn decode(record: &StoredRecord) -> Result<QaReport, StoreError> {
    not_newer(CURRENT_QA_REPORT_SCHEMA)(record)?;
    layout_v2::read(&record.body)
        .map_err(|error| StoreError::Corrupt { key: record.key.clone(), reason: error.to_string() })
}

/// Every QA report, most recently written first, with a problem for each that could not be read.
pub async fn list_qa_reports(
    store: &dyn Store,
) -> Result<(Vec<Versioned<QaReport>>, Vec<StoreError>), StoreError> {
    let mut reports = Vec::new();
    let mut problems = Vec::new();
    for record in store.list(RecordKind::QaReport).await? {
        match decode(&record) {
            Ok(value) => {
                reports.push(Versioned { value, revision: record.revision, updated_at: record.updated_at })
            }
            Err(problem) => problems.push(problem),
        }
    }
    reports.sort_by(|a, b| (b.updated_at, &b.value.id).cmp(&(a.updated_at, &a.value.id)));
    Ok((reports, problems))
}

/// Why a report cannot be saved over the one kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QaReportRefusal {
    /// The kept report is signed off: it never changes.
    AlreadySigned,
    /// The store refused the write.
    Store(StoreError),
}

/// Saves a report; `base` is the revision it was read at (`None` for a new one). A report
/// signed off is never saved over: the kept one is read first, so a second tab cannot
/// change it either.
pub async fn save_qa_report(
    store: &dyn Store,
    report: &QaReport,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> Result<Versioned<QaReport>, QaReportRefusal> {
    let key = RecordKey::new(RecordKind::QaReport, report.id.as_str());
    if let Some(kept) = store.get(&key).await.map_err(QaReportRefusal::Store)? {
        // A kept copy that cannot be read may be a signed one: it is never written over.
        if decode(&kept).map_err(QaReportRefusal::Store)?.sign_off.is_some() {
            return Err(QaReportRefusal::AlreadySigned);
        }
    }
    let write = RecordWrite {
        key,
        expected: Expected::from_base(base),
        schema_version: CURRENT_QA_REPORT_SCHEMA,
        updated_at: now,
        body: layout_v2::write(report),
        carried: None,
    };
    let revision = store.put(write).await.map_err(QaReportRefusal::Store)?;
    Ok(Versioned { value: report.clone(), revision, updated_at: now })
}
