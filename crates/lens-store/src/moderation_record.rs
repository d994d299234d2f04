//! How moderations are stored and exported.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1 (current): the moderated audit, moderator, day, per-item moderator and agreed grades
//!   with the rationale, and feedback.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lens_core::{AuditId, ModeratedItem, Moderation};
use serde::{Deserialize, Serialize};

use crate::error::StoreError;
use crate::record::StoredRecord;

/// The schema version new moderation records are written in.
pub const CURRENT_MODERATION_SCHEMA: u32 = 1;

/// A moderation as schema version 1 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationRecordV1 {
    /// The moderation id.
    pub id: String,
    /// The audit moderated.
    pub audit_id: String,
    /// Who moderated.
    pub moderator: String,
    /// The day of the moderation.
    pub moderated_on: NaiveDate,
    /// Per item id.
    #[serde(default)]
    pub items: BTreeMap<String, ModeratedItemV1>,
    /// Feedback to the auditor.
    #[serde(default)]
    pub feedback: String,
}

/// One item's moderation as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeratedItemV1 {
    /// The moderator's independent grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderator_grade: Option<String>,
    /// The agreed grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_grade: Option<String>,
    /// Why the agreed grade is what it is.
    #[serde(default)]
    pub rationale: String,
}

/// A moderation in the current layout.
pub fn moderation_to_record(moderation: &Moderation) -> ModerationRecordV1 {
    ModerationRecordV1 {
        id: moderation.id.clone(),
        audit_id: moderation.audit.as_str().to_owned(),
        moderator: moderation.moderator.clone(),
        moderated_on: moderation.moderated_on,
        items: moderation
            .items
            .iter()
            .map(|(item, graded)| {
                let stored = ModeratedItemV1 {
                    moderator_grade: graded.moderator_grade.clone(),
                    agreed_grade: graded.agreed_grade.clone(),
                    rationale: graded.rationale.clone(),
                };
                (item.clone(), stored)
            })
            .collect(),
        feedback: moderation.feedback.clone(),
    }
}

/// The moderation a current-layout record holds.
pub fn moderation_from_record(record: ModerationRecordV1) -> Moderation {
    Moderation {
        id: record.id,
        audit: AuditId::new(record.audit_id),
        moderator: record.moderator,
        moderated_on: record.moderated_on,
        items: record
            .items
            .into_iter()
            .map(|(item, stored)| {
                let graded = ModeratedItem {
                    moderator_grade: stored.moderator_grade,
                    agreed_grade: stored.agreed_grade,
                    rationale: stored.rationale,
                };
                (item, graded)
            })
            .collect(),
        feedback: record.feedback,
    }
}

/// Reads a stored moderation.
pub fn decode_moderation(record: &StoredRecord) -> Result<Moderation, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt { key: record.key.clone(), reason };
    match record.schema_version {
        1 => {
            let body: ModerationRecordV1 =
                serde_json::from_str(&record.body).map_err(|error| corrupt(error.to_string()))?;
            if body.id != record.key.id {
                return Err(corrupt(format!("it holds moderation {}", body.id)));
            }
            Ok(moderation_from_record(body))
        }
        found if found > CURRENT_MODERATION_SCHEMA => {
            Err(StoreError::TooNew { key: record.key.clone(), found, supported: CURRENT_MODERATION_SCHEMA })
        }
        other => Err(corrupt(format!("unknown record format {other}"))),
    }
}

/// The JSON body of a moderation in the current schema version.
pub fn encode_moderation(moderation: &Moderation) -> String {
    serde_json::to_string(&moderation_to_record(moderation)).unwrap_or_default()
}
