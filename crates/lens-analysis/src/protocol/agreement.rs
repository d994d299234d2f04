//! The agreement dashboard's messages: which moderations to read, and what the engine found,
//! already in words and figures to show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DataSource;

/// Which moderations the dashboard covers. Every filter is optional but the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementRequest {
    /// Where the audits and moderations are.
    pub source: DataSource,
    /// The first day of moderation covered.
    pub from: NaiveDate,
    /// The last day of moderation covered.
    pub to: NaiveDate,
    /// Only audits of this team.
    pub team: Option<String>,
    /// Only audits made with this template id (needed when templates' scales differ).
    pub template: Option<String>,
    /// Only this auditor's audits.
    pub auditor: Option<String>,
    /// Only this moderator's moderations.
    pub moderator: Option<String>,
}

/// What the agreement engine found for the moderations asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementView {
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Moderations read.
    pub moderations: usize,
    /// Standards compared: each an auditor's grade beside the moderator's independent one.
    pub pairs: usize,
    /// The scale's grade labels, best first.
    pub grades: Vec<String>,
    /// Every statistic of the engine, auditor against moderator before any discussion.
    pub statistics: Vec<StatisticView>,
    /// The engine's plain-English diagnostics of those statistics.
    pub diagnostics: Vec<String>,
    /// Counts of auditor grade (rows) against moderator grade (columns), in scale order.
    pub confusion: Vec<Vec<u64>>,
    /// Each standard, auditor against agreed grade, the ones to calibrate first.
    pub standards: Vec<GroupView>,
    /// Each auditor, auditor against agreed grade, with the signed difference by quarter.
    pub auditors: Vec<AuditorView>,
}

/// One statistic with its 95% interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatisticView {
    /// Its name in words, e.g. "Weighted kappa (quadratic)".
    pub name: String,
    /// Its stable code, as `lens agreement` names it.
    pub code: String,
    /// The value, when it is defined.
    pub value: Option<f64>,
    /// The 95% interval, when there is one.
    pub interval: Option<(f64, f64)>,
    /// Why it has no value, in words.
    pub undefined: Option<String>,
}

/// Agreement of one group (a standard or an auditor) with the agreed grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    /// The standard's id or the auditor's name, as `lens calibration` names the group.
    pub id: String,
    /// The standard's title or the auditor's name.
    pub name: String,
    /// Complete pairs.
    pub pairs: usize,
    /// Share with the same grade, and its 95% (Wilson) interval.
    pub exact: Option<(f64, f64, f64)>,
    /// Share within one grade.
    pub within_one: Option<f64>,
    /// Mean of auditor minus agreed grade in grade steps: positive when the auditor is harsher.
    pub mean_difference: Option<f64>,
    /// Whether the engine says to calibrate it.
    pub needs_calibration: bool,
    /// The engine's findings, in words.
    pub findings: Vec<String>,
}

/// One auditor's agreement, overall and by quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditorView {
    /// Overall.
    pub overall: GroupView,
    /// By quarter, oldest first.
    pub periods: Vec<PeriodView>,
}

/// One quarter of an auditor's gradings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodView {
    /// The quarter, e.g. "2026-27 Q1".
    pub label: String,
    /// Complete pairs.
    pub pairs: usize,
    /// Mean of auditor minus agreed grade.
    pub mean_difference: Option<f64>,
}
