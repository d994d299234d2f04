//! Audit records of schema version 3, the current one. The bundle format (version 1) carries
//! audits in this layout too.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::v2::{ResponseV2 as ResponseV3, TemplateRefV2 as TemplateRefV3};

/// An audit as schema version 3 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRecordV3 {
    /// The audit id.
    pub id: String,
    /// The template version the audit was made with.
    pub template: TemplateRefV3,
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
    pub responses: BTreeMap<String, ResponseV3>,
    /// The author's overall judgement (a grade code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<String>,
    /// Agreed actions, in order.
    #[serde(default)]
    pub actions: Vec<ActionV3>,
    /// Changes made after submission.
    #[serde(default)]
    pub amendments: Vec<AmendmentV3>,
    /// What has been done about the follow-up rules.
    #[serde(default)]
    pub follow_up: FollowUpV3,
}

/// An agreed action as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionV3 {
    /// Identifier within the audit.
    pub id: String,
    /// What is to be done.
    pub what: String,
    /// Who will do it.
    pub owner: String,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// `open`, `in_progress`, `done` or `cancelled`.
    pub status: String,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
}

/// A recorded amendment as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentV3 {
    /// The day it was made.
    pub on: NaiveDate,
    /// Who made it.
    pub by: String,
    /// Why.
    pub reason: String,
    /// What changed.
    pub changes: Vec<FieldChangeV3>,
}

/// One field's change as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChangeV3 {
    /// Which field (see `lens_core::FieldChange`).
    pub field: String,
    /// The value before.
    pub before: String,
    /// The value after.
    pub after: String,
}

/// The follow-up record as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpV3 {
    /// The day corrective action was confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrective_action_confirmed_on: Option<NaiveDate>,
    /// The day of the post-audit reflective discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflective_discussion_on: Option<NaiveDate>,
}
