//! One audit of one child's case file, and the rules for starting one.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::template::TemplateRef;

mod action;
mod amendment;
mod check;
mod family_feedback;
mod field_path;
mod findings_summary;
mod follow_up;
mod follow_up_events;
mod follow_up_findings;
mod lifecycle;
mod locked;

pub use action::{Action, ActionStatus};
pub use amendment::{Amendment, FieldChange};
pub use check::{item_title, AuditProblem, ProblemTarget, MAX_NARRATIVE_CHARS};
pub use family_feedback::{FamilyFeedback, FeedbackFrom};
pub use field_path::{ActionField, AmendmentField, FieldPath};
pub use findings_summary::{ActionFinding, FindingsSummary, StandardFinding, ViewFinding};
pub use follow_up::{end_of_following_month, FollowUp, FollowUpKind, FollowUpRecord, FollowUpState};
pub use follow_up_events::{
    ActionProgress, CorrectiveActionConfirmation, FollowUpEvent, FollowUpEventKind, FollowUpField,
    ReflectiveDiscussion, MAX_FOLLOW_UP_TEXT_CHARS,
};
pub use follow_up_findings::{
    CaseHolderDiscussion, Direction, FindingsRecipient, FindingsSharing, ManagementResponse, RecipientRole,
    TypedDirection, MAX_DIRECTIONS,
};

/// The longest case reference accepted. Councils' case numbers are short; a long value is
/// almost always a narrative pasted into the wrong field.
pub const MAX_CASE_REFERENCE_CHARS: usize = 40;
/// The longest auditor name accepted.
pub const MAX_AUDITOR_CHARS: usize = 80;

/// Identifies an audit. Made by the caller (in the browser, a random UUID), never by the core.
/// Shared, not copied, when cloned: reports name the same audits in many figures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AuditId(std::sync::Arc<str>);

impl AuditId {
    /// Wraps an identifier. Identifiers are opaque: any non-empty string will do.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into().into())
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

/// The header field whose answer is the audit's team, used to filter reports.
pub const TEAM_FIELD: &str = "team";
/// The header field whose answer is the audit's strand (e.g. children in need, child
/// protection, looked after), used to filter reports.
pub const STRAND_FIELD: &str = "strand";
/// The header field bound to [`Audit::auditor`].
pub const AUDITOR_FIELD: &str = "auditor";
/// The header field whose answer is the role the auditor audits in (team manager, IRO, …), so
/// reports can show what each tier found. The page asks it of every audit
/// (`Template::asking_auditor_role`).
pub const AUDITOR_ROLE_FIELD: &str = "auditor-role";
/// The header field bound to [`Audit::case_reference`].
pub const CASE_REFERENCE_FIELD: &str = "case-reference";

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

    /// The status as it follows "this audit is": "a draft", "submitted", "moderated", "closed".
    pub fn described(self) -> &'static str {
        match self {
            Self::Draft => "a draft",
            Self::Submitted => "submitted",
            Self::Moderated => "moderated",
            Self::Closed => "closed",
        }
    }

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
    /// Answers to the template's header fields by field id, except the two bound to
    /// [`Audit::auditor`] and [`Audit::case_reference`]. Dates are ISO (`2026-11-02`), yes/no
    /// answers `yes` or `no`, choices the option's text.
    pub header: BTreeMap<String, String>,
    /// The author's own overall judgement (a grade code). The template's suggestion is shown
    /// beside it and never written here.
    pub overall: Option<String>,
    /// The agreed actions, in the order they were written.
    pub actions: Vec<Action>,
    /// The day the audit was submitted, once it has been.
    pub submitted_on: Option<NaiveDate>,
    /// Every change made after submission: who, when, why and what.
    pub amendments: Vec<Amendment>,
    /// What has been done about the seeds' follow-up rules.
    pub follow_up: FollowUpRecord,
}

impl Audit {
    /// The answer to a header field, reading the two bound fields from the audit itself.
    pub fn header_value(&self, field_id: &str) -> &str {
        match field_id {
            AUDITOR_FIELD => &self.auditor,
            CASE_REFERENCE_FIELD => &self.case_reference,
            other => self.header.get(other).map_or("", String::as_str),
        }
    }

    /// Sets the answer to a header field, writing the two bound fields to the audit itself.
    /// An empty answer removes it.
    pub fn set_header_value(&mut self, field_id: &str, value: &str) {
        match field_id {
            AUDITOR_FIELD => self.auditor = value.to_owned(),
            CASE_REFERENCE_FIELD => self.case_reference = value.to_owned(),
            other if value.is_empty() => {
                self.header.remove(other);
            }
            other => {
                self.header.insert(other.to_owned(), value.to_owned());
            }
        }
    }

    /// The audit's team, from its `team` header answer.
    pub fn team(&self) -> &str {
        self.header_value(TEAM_FIELD)
    }

    /// The role the auditor audited in, from its `auditor-role` header answer; empty for an
    /// audit made before the role was asked.
    pub fn auditor_role(&self) -> &str {
        self.header_value(AUDITOR_ROLE_FIELD)
    }

    /// The audit's strand, from its `strand` header answer.
    pub fn strand(&self) -> &str {
        self.header_value(STRAND_FIELD)
    }

    /// The day the audit is about: the answer to the template's first date field (the "Date of
    /// audit"), else the day it was submitted, else the day it was started. Reports place an
    /// audit in a period by this day.
    pub fn audited_on(&self, template: Option<&crate::Template>) -> NaiveDate {
        let first_date_field = template.and_then(|template| {
            template.header_fields.iter().find(|field| field.kind == crate::FieldKind::Date)
        });
        first_date_field
            .and_then(|field| parse_iso_date(self.header_value(&field.id)))
            .or(self.submitted_on)
            .unwrap_or(self.started_on)
    }

    /// The audit's overall grade: the author's judgement, else the template's suggestion.
    pub fn overall_grade(&self, template: &crate::Template) -> Option<String> {
        self.overall
            .clone()
            .or_else(|| crate::suggest_overall(template, &self.responses).map(|suggestion| suggestion.code))
    }
}

/// Reads an ISO calendar date (`2026-11-02`).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
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

/// A field of [`NewAudit`] that a person types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewAuditField {
    /// The case reference.
    CaseReference,
    /// The auditor's name.
    Auditor,
}

impl AuditError {
    /// The field of [`NewAudit`] the error belongs to, so a form can show it in place.
    pub fn field(&self) -> NewAuditField {
        match self {
            Self::MissingCaseReference | Self::CaseReferenceTooLong => NewAuditField::CaseReference,
            Self::MissingAuditor | Self::AuditorTooLong => NewAuditField::Auditor,
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

    /// Starts a draft audit with `template`, or gives every problem with what was typed. The
    /// case reference is needed only when the template asks for one (a reflection need not be
    /// about a case).
    pub fn start_with(
        &self,
        id: AuditId,
        template: &crate::Template,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditError>> {
        let needs_case =
            template.header_fields.iter().any(|field| field.id == CASE_REFERENCE_FIELD && field.required);
        let mut errors = self.validate();
        if !needs_case && self.case_reference.trim().is_empty() {
            errors.retain(|error| *error != AuditError::MissingCaseReference);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(self.draft(id, template.reference(), today))
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
        Ok(self.draft(id, template, today))
    }

    fn draft(&self, id: AuditId, template: TemplateRef, today: NaiveDate) -> Audit {
        Audit {
            id,
            template,
            status: AuditStatus::Draft,
            case_reference: self.case_reference.trim().to_owned(),
            auditor: self.auditor.trim().to_owned(),
            started_on: today,
            responses: BTreeMap::new(),
            header: BTreeMap::new(),
            overall: None,
            actions: Vec::new(),
            submitted_on: None,
            amendments: Vec::new(),
            follow_up: FollowUpRecord::default(),
        }
    }
}

#[cfg(test)]
mod follow_up_events_tests;
#[cfg(test)]
mod follow_up_findings_tests;
#[cfg(test)]
mod follow_up_tests;
#[cfg(test)]
mod lifecycle_tests;
#[cfg(test)]
mod locked_tests;
#[cfg(test)]
mod tests;
