//! Audit records of schema version 4, the current one: version 3 with the follow-up recorded as
//! events (an action's progress, the confirmation of corrective action, the reflective
//! discussion, closing and reopening), each with who recorded it and when. Bundle version 3
//! carries audits in this layout.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::v3::AuditRecordV3;
pub use super::v3::{
    ActionV3 as ActionV4, AmendmentV3 as AmendmentV4, ResponseV3 as ResponseV4,
    TemplateRefV3 as TemplateRefV4,
};

/// An audit as schema version 4 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRecordV4 {
    /// The audit id.
    pub id: String,
    /// The template version the audit was made with.
    pub template: TemplateRefV4,
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
    pub responses: BTreeMap<String, ResponseV4>,
    /// The author's overall judgement (a grade code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<String>,
    /// Agreed actions, in order.
    #[serde(default)]
    pub actions: Vec<ActionV4>,
    /// Changes made after submission.
    #[serde(default)]
    pub amendments: Vec<AmendmentV4>,
    /// What has been done about the follow-up rules.
    #[serde(default)]
    pub follow_up: FollowUpV4,
}

/// The follow-up record as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpV4 {
    /// The day corrective action was confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrective_action_confirmed_on: Option<NaiveDate>,
    /// The day of the post-audit reflective discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflective_discussion_on: Option<NaiveDate>,
    /// What was recorded, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<FollowUpEventV4>,
}

/// One recorded follow-up event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpEventV4 {
    /// The day it was recorded.
    pub recorded_on: NaiveDate,
    /// Who recorded it.
    pub by: String,
    /// What was recorded.
    pub what: FollowUpWhatV4,
}

/// What an event records, tagged by `kind`. The tags are stored data: never rename one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FollowUpWhatV4 {
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

/// Version 3 recorded only the days follow-up was done: a migrated audit has no events.
impl From<AuditRecordV3> for AuditRecordV4 {
    fn from(old: AuditRecordV3) -> Self {
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
            follow_up: FollowUpV4 {
                corrective_action_confirmed_on: old.follow_up.corrective_action_confirmed_on,
                reflective_discussion_on: old.follow_up.reflective_discussion_on,
                events: Vec::new(),
            },
        }
    }
}
