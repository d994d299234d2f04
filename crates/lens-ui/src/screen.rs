//! Where the person is within the home view: the task list, or one of the tasks it leads to.

use chrono::NaiveDate;
use lens_core::AuditId;

/// A screen inside the home view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Screen {
    /// The task list, follow-up, the audits on this device and the storage status.
    Home,
    /// Start an audit of a case, a practice review, a supervision audit or an observation.
    StartAudit,
    /// Start a practitioner's reflection.
    StartReflection,
    /// One audit or reflection: its form while a draft, its record once submitted.
    Audit(AuditId),
    /// The audits waiting for moderation and the moderations done.
    Moderate,
    /// Drawing a moderation sample by a rule.
    DrawSample,
    /// Moderating one submitted audit.
    ModerateAudit(AuditId),
    /// Reports over the audits on this device.
    Reports,
    /// What the narratives of a chosen set of audits say, theme by theme.
    Themes,
    /// A submitted audit opened at one standard from a quote, going back where the quote was.
    AuditAtStandard {
        /// The audit.
        audit: AuditId,
        /// The standard's item id.
        item: String,
        /// Where the quote was: Themes or a QA report.
        back: Box<Screen>,
    },
    /// A submitted audit opened from the list of a report's figure, going back to that list.
    AuditFromReport(AuditId),
    /// A QA report: a new one for a period, team and template, or one kept on this device.
    QaReport(QaReportOpen),
    /// Agreement between auditors and moderators over the moderations on this device.
    Agreement,
    /// Importing audits and moderations exported from other devices.
    Import,
    /// The templates audits are made with, and adding a council's own.
    Templates,
    /// The theme codebook narratives are read with, and using a council's own.
    Codebook,
}

/// Which QA report a screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QaReportOpen {
    /// A new report over what Reports was showing.
    New(ReportScope),
    /// A report kept on this device, by id: its draft to carry on with, or as it was signed.
    Kept(String),
}

/// What a report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReportScope {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// One team, or every team.
    pub team: Option<String>,
    /// One template's id, or every template.
    pub template: Option<String>,
}
