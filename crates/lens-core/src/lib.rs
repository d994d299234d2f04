//! The Practice Lens domain core: audits of children's case files and the rules around them.
//!
//! This crate is pure. It knows nothing about the browser, storage, files or the clock: "today"
//! and every new identifier are arguments, so the same logic gives the same answers natively,
//! in the `lens` command line and in WebAssembly. Persistence formats live in `lens-store`;
//! these types are not the storage format and deliberately do not derive serde.
//!
//! Start with [`Audit`], the record an auditor builds about one child's case file.

pub mod agreement;
mod audit;
mod moderation;
mod period;
pub mod random;
mod report;
mod sampling;
mod service_review;
mod template;
#[cfg(test)]
mod test_fixtures;
mod worklist;

pub use audit::{
    end_of_following_month, item_title, parse_iso_date, Action, ActionField, ActionFinding, ActionProgress,
    ActionStatus, Amendment, AmendmentField, Audit, AuditError, AuditId, AuditProblem, AuditStatus,
    CaseHolderDiscussion, CorrectiveActionConfirmation, Direction, FamilyFeedback, FeedbackFrom, FieldChange,
    FieldPath, FindingsRecipient, FindingsSharing, FindingsSummary, FollowUp, FollowUpEvent,
    FollowUpEventKind, FollowUpField, FollowUpKind, FollowUpRecord, FollowUpState, ItemResponse,
    ManagementResponse, NewAudit, NewAuditField, ProblemTarget, RecipientRole, ReflectiveDiscussion,
    StandardFinding, TypedDirection, ViewFinding, AUDITOR_FIELD, AUDITOR_ROLE_FIELD, CASE_REFERENCE_FIELD,
    MAX_AUDITOR_CHARS, MAX_CASE_REFERENCE_CHARS, MAX_DIRECTIONS, MAX_FOLLOW_UP_TEXT_CHARS,
    MAX_NARRATIVE_CHARS, STRAND_FIELD, TEAM_FIELD,
};
pub use moderation::{same_person, GradeGap, ModeratedItem, Moderation};
pub use period::{Period, PeriodLength};
pub use report::{
    build_report, completed_audits, Dimension, ExpectedAudits, Figure, Measure, Question, Report,
    ReportError, ReportFilter, ReportSettings,
};
pub use sampling::{draw_sample, sample_candidates, sample_rule_problem, ModerationSample, SampleRule};
pub use service_review::ChallengeArea;
pub use template::{
    newest_versions, suggest_overall, ActionsBlock, FieldKind, Grade, GradeRule, GradeScale, GradeStanding,
    HeaderField, Item, NarrativeRule, OverallRule, OverallSuggestion, Section, Template, TemplateKind,
    TemplateProblem, TemplateRef, CASE_FILE_AUDIT, DEFAULT_AUDITOR_ROLES, MAX_PROMPT_CHARS, MAX_TEXT_CHARS,
};
pub use worklist::{
    awaiting_moderation, find_template, is_reflection, open_follow_ups, reflections_of, AuditFilter,
    FollowUpFilter, OpenFollowUp,
};
