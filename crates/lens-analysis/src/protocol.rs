//! The messages between the page and the analysis worker. Each crosses `postMessage` as JSON
//! text, so both sides agree on one typed enum rather than on spelling.
//!
//! The page sends an [`AnalysisRequest`] and gets one [`AnalysisReply`] back. Replies carry
//! what the screen shows in words already (a view model), so the page does no analysis.

use chrono::{DateTime, NaiveDate, Utc};
use lens_store::{RecordKey, RecordKind, Revision, StoredRecord};
use serde::{Deserialize, Serialize};

pub mod agreement;
pub mod codebook;
pub mod cycle;
pub mod export;
pub mod figure_audits;
pub mod frozen;
pub mod import;
pub mod service_review;
pub mod themes;

/// Work the page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum AnalysisRequest {
    /// The report for a period, team and template.
    Report(ReportRequest),
    /// The themes of the narratives of the audits the same report counts: asked after the
    /// report, since reading thousands of narratives takes longer than counting.
    Themes(ReportRequest),
    /// The themes panel over a filtered set of audits' narratives.
    ThemePanel(themes::ThemePanelRequest),
    /// A report as a file to download.
    ReportFile(ReportFileRequest),
    /// The audits behind one figure of a report.
    FigureAudits(figure_audits::FigureAuditsRequest),
    /// Lens 3 of a service performance review drafted from the audits of its period and team.
    ProfessionalChallenge(service_review::ProfessionalChallengeRequest),
    /// A QA report as a file to download, made from its stored body: the page keeps the
    /// file writers out of its first load.
    QaReportFile(QaReportFileRequest),
    /// One audit's answers, actions or amendments as CSV.
    AuditCsv(AuditCsvRequest),
    /// Agreement between auditors and moderators over a set of moderations.
    Agreement(agreement::AgreementRequest),
    /// A chosen set of audits, with their moderations, as a file.
    Export(export::ExportRequest),
    /// A generated bundle of example data, for trying the toolkit and for training.
    Example(ExampleRequest),
    /// Read and decode the records now, so the dashboard or report asked for next is quick.
    Warm(WarmRequest),
    /// A council's theme codebook checked before it is kept.
    CheckCodebook(codebook::CheckCodebookRequest),
}

/// Records to have ready.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarmRequest {
    /// Where they are: a snapshot, so the worker keeps them.
    pub source: DataSource,
    /// The agreement dashboard as it would open, worked out now and kept with the records, so
    /// opening it shows its figures at once.
    #[serde(default)]
    pub agreement: Option<agreement::AgreementRequest>,
}

/// Example data to generate: a quarter of a council's audits and moderations, from a seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleRequest {
    /// The same seed gives the same bundle.
    pub seed: u64,
    /// The last day anything is dated: the quarter is the three months ending with its month.
    pub today: NaiveDate,
}

/// Where the worker reads the records from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum DataSource {
    /// The IndexedDB database of this name, which the worker opens itself, so the page never
    /// copies thousands of records.
    Database {
        /// The `db-name` the element was given.
        name: String,
    },
    /// The IndexedDB database of this name, holding exactly the records the page has, named by
    /// a fingerprint of their ids and revisions: the worker may answer from what it decoded
    /// for the same fingerprint, without reading the database again.
    Snapshot {
        /// The `db-name` the element was given.
        name: String,
        /// The fingerprint of the page's audit and moderation records.
        snapshot: u64,
    },
    /// These records, when the page runs on memory only and there is no database to open.
    Records {
        /// Every audit and moderation record the page holds.
        records: Vec<RecordMessage>,
    },
}

/// A stored record as it crosses to the worker: the same fields a store keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordMessage {
    /// The record kind's stored name.
    pub kind: String,
    /// The id within the kind.
    pub id: String,
    /// The revision.
    pub revision: u64,
    /// The body's format version.
    pub schema_version: u32,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// The body as JSON text.
    pub body: String,
}

impl From<&StoredRecord> for RecordMessage {
    fn from(record: &StoredRecord) -> Self {
        Self {
            kind: record.key.kind.as_str().to_owned(),
            id: record.key.id.clone(),
            revision: record.revision.get(),
            schema_version: record.schema_version,
            updated_at: record.updated_at,
            body: record.body.clone(),
        }
    }
}

impl RecordMessage {
    /// The stored record, or `None` if its kind or revision is not one a store can hold.
    pub fn to_stored(&self) -> Option<StoredRecord> {
        Some(StoredRecord {
            key: RecordKey::new(RecordKind::parse(&self.kind)?, self.id.clone()),
            revision: Revision::new(self.revision)?,
            schema_version: self.schema_version,
            updated_at: self.updated_at,
            body: self.body.clone(),
        })
    }
}

/// What a report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    /// Where the audits and moderations are.
    pub source: DataSource,
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Only this team, if given.
    pub team: Option<String>,
    /// Only audits made with this template id, if given.
    pub template: Option<String>,
    /// The day the report is made, for what is overdue.
    pub today: NaiveDate,
    /// How many audits each auditor is expected to complete.
    pub expected: ExpectedVolume,
}

/// How many audits each auditor is expected to complete, as the page's `config` sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpectedVolume {
    /// This many in each full quarter (five in seed 000, the default).
    PerQuarter(u32),
    /// This many in each active month (one in seed 002).
    PerMonth(u32),
}

impl Default for ExpectedVolume {
    fn default() -> Self {
        Self::PerQuarter(5)
    }
}

impl From<ExpectedVolume> for lens_core::ExpectedAudits {
    fn from(volume: ExpectedVolume) -> Self {
        match volume {
            ExpectedVolume::PerQuarter(count) => Self::PerQuarter(count),
            ExpectedVolume::PerMonth(count) => Self::PerMonth(count),
        }
    }
}

/// A report's download formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// One row per figure (docs/csv-format.md, "Reports").
    Csv,
    /// The whole report as one document (docs/csv-format.md, "Reports").
    Json,
}

/// A report as a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFileRequest {
    /// What the report covers.
    pub report: ReportRequest,
    /// Which format.
    pub format: ReportFormat,
}

/// A QA report as a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QaReportFileRequest {
    /// The report as it is stored (`lens_store::qa_report::stored_body`).
    pub body: String,
    /// Which format.
    pub format: ReportFormat,
}

/// Which of an audit's CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvPart {
    /// One row per standard: grade and narrative.
    Answers,
    /// One row per agreed action.
    Actions,
    /// One row per changed field of each amendment.
    Amendments,
    /// One row per follow-up event: progress, confirmation, discussion, closing, reopening.
    FollowUp,
}

/// One audit's CSV file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditCsvRequest {
    /// Where the audit is.
    pub source: DataSource,
    /// The audit's id.
    pub audit: String,
    /// Which file.
    pub part: CsvPart,
}

/// What the worker sends back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum AnalysisReply {
    /// The report asked for.
    Report(ReportView),
    /// The themes asked for.
    Themes(ThemeSummary),
    /// The themes panel asked for.
    ThemePanel(themes::ThemePanelView),
    /// The audits behind the figure asked for.
    FigureAudits(figure_audits::FigureAudits),
    /// The professional-challenge areas drafted.
    ProfessionalChallenge(service_review::ProfessionalChallengeView),
    /// The agreement dashboard asked for.
    Agreement(agreement::AgreementView),
    /// The chosen audits as a file.
    Exported(export::ExportedSet),
    /// The records asked to be ready are.
    Warmed,
    /// What checking a codebook found.
    CodebookChecked(codebook::CodebookCheck),
    /// The file asked for.
    File {
        /// The file's text.
        contents: String,
    },
    /// The work could not be done; the sentence says why and what to do.
    Refused {
        /// For the person.
        message: String,
    },
}

/// A report as the Reports screen shows it. Its files are asked for separately, when someone
/// downloads one: they name every audit behind every figure and are far larger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Audits completed in the period (reflections apart).
    pub audits_completed: usize,
    /// What the reader should know about the data.
    pub notes: Vec<String>,
    /// One table per question that has figures, in the order a report shows them.
    pub sections: Vec<ReportSection>,
    /// How the grades fell, overall and per standard, for charts beside the tables.
    pub grade_charts: Vec<GradeChart>,
    /// Each month of the period: audits completed and how many were judged good or better.
    pub trend: Vec<TrendMonth>,
    /// The QA cycle: reflection months and each auditor's audits against expected; none for a
    /// report signed before the cycle was kept with it.
    #[serde(default)]
    pub cycle: Option<cycle::CycleView>,
}

/// One month of a report's trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendMonth {
    /// The month as a person reads it, e.g. "Apr 2026".
    pub month: String,
    /// Audits completed in it.
    pub completed: usize,
    /// Of those with an overall judgement, how many were good or better.
    pub good_or_better: usize,
    /// How many had an overall judgement.
    pub judged: usize,
}

/// How the grades of one standard (or the overall judgements of one template) fell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeChart {
    /// What was graded, e.g. "Overall judgement: Case file audit" or a standard's prompt.
    pub title: String,
    /// One bar per grade of the scale, best first.
    pub bars: Vec<GradeBar>,
    /// How many gradings in all.
    pub total: usize,
    /// How many of them were good or better.
    pub good_or_better: usize,
}

/// One grade's count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeBar {
    /// The grade as a person reads it.
    pub grade: String,
    /// Where it stands against good.
    pub standing: BarStanding,
    /// How many gradings gave it.
    pub count: usize,
}

/// Where a grade stands, for a bar's style (its label always names the grade).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarStanding {
    /// Good or better.
    GoodOrBetter,
    /// Below good.
    BelowGood,
    /// Inadequate.
    Inadequate,
}

/// The figures answering one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSection {
    /// A stable fragment for the table's heading id, e.g. `how-much`.
    pub anchor: String,
    /// The question in words.
    pub heading: String,
    /// Its figures.
    pub rows: Vec<FigureRow>,
}

/// One figure in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// What is counted.
    pub measure: String,
    /// The breakdown, e.g. "Team: Assessment East; Grade: Good", or "All".
    pub breakdown: String,
    /// Whether the figure is over every audit the report covers rather than one breakdown.
    pub overall: bool,
    /// The figure's place among its report's figures, to ask for the audits behind it; none
    /// for a signed report's figures, kept as they were without their audits.
    #[serde(default)]
    pub figure: Option<usize>,
    /// The count.
    pub count: usize,
    /// The total it is out of, if any.
    pub of: Option<usize>,
    /// The share as a whole percentage, e.g. "67%", or empty.
    pub share: String,
}

/// Themes across the narratives of the audits a report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSummary {
    /// How many narratives were read.
    pub narratives: usize,
    /// One row per theme and polarity, in codebook order.
    pub rows: Vec<ThemeRow>,
}

/// Whether a theme was found as good practice or as something to improve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemePolarity {
    /// Going well.
    Strength,
    /// Needs to improve.
    Concern,
}

/// One theme with one polarity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRow {
    /// The theme's label, e.g. "Voice of the child".
    pub theme: String,
    /// Strength or concern.
    pub polarity: ThemePolarity,
    /// Narratives in which it was found.
    pub narratives: usize,
    /// Audits in which it was found.
    pub audits: usize,
    /// Its share of the narratives read, as a whole percentage.
    pub share: String,
    /// Up to two sentences quoted as evidence, each from a different narrative.
    pub quotes: Vec<String>,
}
