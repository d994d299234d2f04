//! The messages of an export of a chosen set of audits: the audit list's filters (or the host
//! page's) go to the worker, which writes the audits it selects, with their moderations, as one
//! file.

use chrono::{DateTime, NaiveDate, Utc};
use lens_core::{AuditFilter, AuditStatus};
use serde::{Deserialize, Serialize};

use super::{CsvPart, DataSource};

/// Which audits an export holds: the same choices as the audit list's filters. Empty fields
/// select everything; reflections are never selected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSelection {
    /// Text found in the case reference or the auditor's name.
    pub search: String,
    /// Only audits with this status.
    pub status: Option<SelectedStatus>,
    /// Only audits on the template with this id.
    pub template: String,
    /// Only audits of this team.
    pub team: String,
    /// Only audits dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Only audits dated on or before this day.
    pub to: Option<NaiveDate>,
}

/// An audit status as an export names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectedStatus {
    /// Being written.
    Draft,
    /// Handed in.
    Submitted,
    /// Re-graded by a moderator.
    Moderated,
    /// Finished.
    Closed,
}

impl From<AuditStatus> for SelectedStatus {
    fn from(status: AuditStatus) -> Self {
        match status {
            AuditStatus::Draft => Self::Draft,
            AuditStatus::Submitted => Self::Submitted,
            AuditStatus::Moderated => Self::Moderated,
            AuditStatus::Closed => Self::Closed,
        }
    }
}

impl From<SelectedStatus> for AuditStatus {
    fn from(status: SelectedStatus) -> Self {
        match status {
            SelectedStatus::Draft => Self::Draft,
            SelectedStatus::Submitted => Self::Submitted,
            SelectedStatus::Moderated => Self::Moderated,
            SelectedStatus::Closed => Self::Closed,
        }
    }
}

impl From<&AuditFilter> for AuditSelection {
    fn from(filter: &AuditFilter) -> Self {
        Self {
            search: filter.search.clone(),
            status: filter.status.map(SelectedStatus::from),
            template: filter.template.clone(),
            team: filter.team.clone(),
            from: filter.from,
            to: filter.to,
        }
    }
}

impl From<&AuditSelection> for AuditFilter {
    fn from(selection: &AuditSelection) -> Self {
        Self {
            search: selection.search.clone(),
            status: selection.status.map(AuditStatus::from),
            template: selection.template.clone(),
            team: selection.team.clone(),
            from: selection.from,
            to: selection.to,
        }
    }
}

/// The file an export makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", content = "part", rename_all = "snake_case")]
pub enum ExportFormat {
    /// A JSON bundle of the audits, their moderations and their templates, as `lens merge` reads.
    Bundle,
    /// One of the audits' CSV files (docs/csv-format.md).
    Csv(CsvPart),
}

/// An export to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    /// Where the audits are.
    pub source: DataSource,
    /// Which audits.
    pub selection: AuditSelection,
    /// Which file.
    pub format: ExportFormat,
    /// When the export is made, written into a bundle.
    pub now: DateTime<Utc>,
}

/// A file of the chosen audits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedSet {
    /// The file's text.
    pub contents: String,
    /// Audits in it.
    pub audits: usize,
    /// Moderations in it (none in a CSV file).
    pub moderations: usize,
    /// Records on the device that could not be read, so are not in it.
    pub unreadable: usize,
}
