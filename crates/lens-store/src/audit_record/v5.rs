//! Audit records of schema version 5, the current one: version 4 with the findings shared and
//! answered as follow-up events (the findings shared and with whom, the line manager's
//! management response with its directions, the discussion with the case holder) and the
//! child's and family's feedback. Bundle version 4 carries audits in this layout.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::v4::{
    ActionV4 as ActionV5, AmendmentV4 as AmendmentV5, ResponseV4 as ResponseV5,
    TemplateRefV4 as TemplateRefV5,
};
use super::v4::{AuditRecordV4, FollowUpEventV4, FollowUpWhatV4};

/// An audit as schema version 5 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRecordV5 {
    /// The audit id.
    pub id: String,
    /// The template version the audit was made with.
    pub template: TemplateRefV5,
    /// Lifecycle status: `draft`, `submitted`, `moderated` or `closed`.
    pub status: String,
    /// The tracked case number.
    pub case_reference: String,
    /// The auditor's name.
    pub auditor: String,
    /// The day the audit was started.
    pub started_on: NaiveDate,
    /// The day it was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<NaiveDate>,
    /// Header answers by field id (other than auditor and case reference).
    #[serde(default)]
    pub header: BTreeMap<String, String>,
    /// One response per item id.
    #[serde(default)]
    pub responses: BTreeMap<String, ResponseV5>,
    /// The author's overall judgement (a grade code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<String>,
    /// Agreed actions, in order (a management response's directions among them).
    #[serde(default)]
    pub actions: Vec<ActionV5>,
    /// Changes made after submission.
    #[serde(default)]
    pub amendments: Vec<AmendmentV5>,
    /// What has been done about the follow-up.
    #[serde(default)]
    pub follow_up: FollowUpV5,
}

/// The follow-up record as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpV5 {
    /// The day corrective action was confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrective_action_confirmed_on: Option<NaiveDate>,
    /// The day of the post-audit reflective discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflective_discussion_on: Option<NaiveDate>,
    /// What was recorded, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<FollowUpEventV5>,
}

/// One recorded follow-up event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpEventV5 {
    /// The day it was recorded.
    pub recorded_on: NaiveDate,
    /// Who recorded it.
    pub by: String,
    /// What was recorded.
    pub what: FollowUpWhatV5,
}

/// One person the findings went to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientV5 {
    /// Their role code: `practitioner`, `line_manager`, `service_manager`, `independent_chair`.
    pub role: String,
    /// Their name.
    pub name: String,
}

/// One direction of a management response and the action it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectionV5 {
    /// The id of the action it became.
    pub action: String,
    /// What is to be done.
    pub what: String,
    /// Who is to do it.
    pub owner: String,
    /// The day it is to be done by.
    pub due_on: NaiveDate,
}

/// What an event records, tagged by `kind`. The tags are stored data: never rename one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FollowUpWhatV5 {
    /// An action's progress.
    ActionProgress {
        /// The action's id.
        action: String,
        /// Its status code from then on (`open`, `in_progress`, `done`, `cancelled`).
        status: String,
        /// The day it was done.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        completed_on: Option<NaiveDate>,
        /// What happened.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// The corrective action was confirmed.
    CorrectiveActionConfirmed {
        /// The day it was confirmed.
        confirmed_on: NaiveDate,
        /// What was done.
        what_was_done: String,
    },
    /// The reflective discussion was held.
    ReflectiveDiscussion {
        /// The day it was held.
        held_on: NaiveDate,
        /// Who took part.
        who_took_part: String,
        /// What was agreed.
        agreed: String,
    },
    /// The findings were shared.
    FindingsShared {
        /// The day they were shared.
        shared_on: NaiveDate,
        /// Who they went to.
        recipients: Vec<RecipientV5>,
    },
    /// The line manager's management response.
    ManagementResponse {
        /// The day it was given.
        responded_on: NaiveDate,
        /// The management oversight.
        oversight: String,
        /// The directions given, each now an action.
        #[serde(default)]
        directions: Vec<DirectionV5>,
    },
    /// The audit was discussed with the case holder.
    CaseHolderDiscussion {
        /// The day it was held.
        held_on: NaiveDate,
        /// Whether the grades were discussed.
        grades_discussed: bool,
        /// The case holder's comment.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        comment: String,
    },
    /// Feedback from the child or from a parent or carer.
    FamilyFeedback {
        /// Whose view: `child` or `parent_or_carer`.
        from: String,
        /// The day it was gathered.
        gathered_on: NaiveDate,
        /// How it was gathered.
        how_gathered: String,
        /// What they said.
        what_they_said: String,
        /// The worker's response.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        worker_response: String,
    },
    /// The audit was closed.
    Closed {
        /// The status code it had before (`submitted` or `moderated`).
        was: String,
    },
    /// The audit was reopened.
    Reopened {
        /// Why.
        reason: String,
    },
}

impl From<FollowUpWhatV4> for FollowUpWhatV5 {
    fn from(old: FollowUpWhatV4) -> Self {
        match old {
            FollowUpWhatV4::ActionProgress { action, status, completed_on, note } => {
                Self::ActionProgress { action, status, completed_on, note }
            }
            FollowUpWhatV4::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
                Self::CorrectiveActionConfirmed { confirmed_on, what_was_done }
            }
            FollowUpWhatV4::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
                Self::ReflectiveDiscussion { held_on, who_took_part, agreed }
            }
            FollowUpWhatV4::Closed { was } => Self::Closed { was },
            FollowUpWhatV4::Reopened { reason } => Self::Reopened { reason },
        }
    }
}

impl From<FollowUpEventV4> for FollowUpEventV5 {
    fn from(old: FollowUpEventV4) -> Self {
        Self { recorded_on: old.recorded_on, by: old.by, what: old.what.into() }
    }
}

/// Version 4 had no findings events: a migrated audit keeps its events as they were.
impl From<AuditRecordV4> for AuditRecordV5 {
    fn from(old: AuditRecordV4) -> Self {
        Self {
            id: old.id,
            template: old.template,
            status: old.status,
            case_reference: old.case_reference,
            auditor: old.auditor,
            started_on: old.started_on,
            submitted_on: old.submitted_on,
            header: old.header,
            responses: old.responses,
            overall: old.overall,
            actions: old.actions,
            amendments: old.amendments,
            follow_up: FollowUpV5 {
                corrective_action_confirmed_on: old.follow_up.corrective_action_confirmed_on,
                reflective_discussion_on: old.follow_up.reflective_discussion_on,
                events: old.follow_up.events.into_iter().map(FollowUpEventV5::from).collect(),
            },
        }
    }
}

impl FollowUpWhatV5 {
    /// Whether audit record schema 4 (bundle version 3) could hold this event.
    pub fn in_schema_4(&self) -> bool {
        !matches!(
            self,
            Self::FindingsShared { .. }
                | Self::ManagementResponse { .. }
                | Self::CaseHolderDiscussion { .. }
                | Self::FamilyFeedback { .. }
        )
    }
}
