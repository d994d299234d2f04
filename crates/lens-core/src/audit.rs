//! One audit of one child's case file, and the rules for starting one.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::template::TemplateRef;

/// The longest case reference accepted. Councils' case numbers are short; a long value is
/// almost always a narrative pasted into the wrong field.
pub const MAX_CASE_REFERENCE_CHARS: usize = 40;
/// The longest auditor name accepted.
pub const MAX_AUDITOR_CHARS: usize = 80;

/// Identifies an audit. Made by the caller (in the browser, a random UUID), never by the core.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AuditId(String);

impl AuditId {
    /// Wraps an identifier. Identifiers are opaque: any non-empty string will do.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AuditId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an audit is in its lifecycle. Only a draft may be edited freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuditStatus {
    /// Being written by the auditor.
    Draft,
    /// Handed in; changes only through a recorded amendment.
    Submitted,
    /// Re-graded by a moderator.
    Moderated,
    /// Finished: actions agreed and follow-up done.
    Closed,
}

impl AuditStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [AuditStatus; 4] = [Self::Draft, Self::Submitted, Self::Moderated, Self::Closed];

    /// The status as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Submitted => "Submitted",
            Self::Moderated => "Moderated",
            Self::Closed => "Closed",
        }
    }
}

/// What the auditor recorded for one item (practice standard) of the template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemResponse {
    /// The grade's code on the template's scale, if graded yet.
    pub grade: Option<String>,
    /// The evaluative narrative: evidence for the judgement and its impact on the child.
    pub narrative: String,
}

/// An audit of one child's case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// The audit's identity.
    pub id: AuditId,
    /// The template version it was made with.
    pub template: TemplateRef,
    /// Lifecycle status.
    pub status: AuditStatus,
    /// The tracked case number of the child's record (never the child's name).
    pub case_reference: String,
    /// Who is doing the audit.
    pub auditor: String,
    /// The day the audit was started.
    pub started_on: NaiveDate,
    /// Responses by item id, in item id order.
    pub responses: BTreeMap<String, ItemResponse>,
}

/// What a person types to start an audit, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAudit {
    /// The tracked case number.
    pub case_reference: String,
    /// The auditor's name.
    pub auditor: String,
}

/// A problem with what was typed to start an audit, tied to the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    /// The case reference is empty.
    #[error("Enter the case reference")]
    MissingCaseReference,
    /// The case reference is longer than [`MAX_CASE_REFERENCE_CHARS`].
    #[error("Case reference must be {MAX_CASE_REFERENCE_CHARS} characters or fewer")]
    CaseReferenceTooLong,
    /// The auditor's name is empty.
    #[error("Enter your name")]
    MissingAuditor,
    /// The auditor's name is longer than [`MAX_AUDITOR_CHARS`].
    #[error("Your name must be {MAX_AUDITOR_CHARS} characters or fewer")]
    AuditorTooLong,
}

impl AuditError {
    /// The field of [`NewAudit`] the error belongs to, so a form can show it in place.
    pub fn field(&self) -> &'static str {
        match self {
            Self::MissingCaseReference | Self::CaseReferenceTooLong => "case_reference",
            Self::MissingAuditor | Self::AuditorTooLong => "auditor",
        }
    }
}

impl NewAudit {
    /// Checks every field and returns all problems at once, in form order.
    pub fn validate(&self) -> Vec<AuditError> {
        let mut errors = Vec::new();
        let case_reference = self.case_reference.trim();
        if case_reference.is_empty() {
            errors.push(AuditError::MissingCaseReference);
        } else if case_reference.chars().count() > MAX_CASE_REFERENCE_CHARS {
            errors.push(AuditError::CaseReferenceTooLong);
        }
        let auditor = self.auditor.trim();
        if auditor.is_empty() {
            errors.push(AuditError::MissingAuditor);
        } else if auditor.chars().count() > MAX_AUDITOR_CHARS {
            errors.push(AuditError::AuditorTooLong);
        }
        errors
    }

    /// Starts a draft audit, or gives every problem with what was typed.
    pub fn start(
        &self,
        id: AuditId,
        template: TemplateRef,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Audit {
            id,
            template,
            status: AuditStatus::Draft,
            case_reference: self.case_reference.trim().to_owned(),
            auditor: self.auditor.trim().to_owned(),
            started_on: today,
            responses: BTreeMap::new(),
        })
    }
}

#[cfg(test)]
mod tests;
