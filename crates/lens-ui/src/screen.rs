//! Where the person is within the home view: the task list, or one of the tasks it leads to.

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
    /// A submitted audit opened at one standard from a quote on Themes, going back there.
    AuditAtStandard {
        /// The audit.
        audit: AuditId,
        /// The standard's item id.
        item: String,
    },
    /// Agreement between auditors and moderators over the moderations on this device.
    Agreement,
    /// Importing audits and moderations exported from other devices.
    Import,
    /// The templates audits are made with, and adding a council's own.
    Templates,
}
