//! How moderations are stored and exported.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: the moderated audit, moderator, day, per-item moderator and agreed grades with the
//!   rationale, and feedback.
//! - 2 (current): adds `overall`, the moderator's and the agreed overall judgement with its
//!   rationale, in the same layout as an item. A version 1 record reads as one without it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lens_core::{AuditId, ModeratedItem, Moderation};
use serde::{Deserialize, Serialize};

use crate::error::StoreError;
use crate::record::StoredRecord;

/// The schema version new moderation records are written in.
pub const CURRENT_MODERATION_SCHEMA: u32 = 2;

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

/// A moderation as schema version 2 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationRecordV2 {
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
    /// The overall judgement's moderation, where the audit has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<ModeratedItemV1>,
    /// Feedback to the auditor.
    #[serde(default)]
    pub feedback: String,
}

impl From<ModerationRecordV1> for ModerationRecordV2 {
    fn from(old: ModerationRecordV1) -> Self {
        Self {
            id: old.id,
            audit_id: old.audit_id,
            moderator: old.moderator,
            moderated_on: old.moderated_on,
            items: old.items,
            overall: None,
            feedback: old.feedback,
        }
    }
}

fn item_to_record(graded: &ModeratedItem) -> ModeratedItemV1 {
    ModeratedItemV1 {
        moderator_grade: graded.moderator_grade.clone(),
        agreed_grade: graded.agreed_grade.clone(),
        rationale: graded.rationale.clone(),
    }
}

fn item_from_record(stored: ModeratedItemV1) -> ModeratedItem {
    ModeratedItem {
        moderator_grade: stored.moderator_grade,
        agreed_grade: stored.agreed_grade,
        rationale: stored.rationale,
    }
}

/// A moderation in the current layout.
pub fn moderation_to_record(moderation: &Moderation) -> ModerationRecordV2 {
    let overall = &moderation.overall;
    let has_overall =
        overall.moderator_grade.is_some() || overall.agreed_grade.is_some() || !overall.rationale.is_empty();
    ModerationRecordV2 {
        id: moderation.id.clone(),
        audit_id: moderation.audit.as_str().to_owned(),
        moderator: moderation.moderator.clone(),
        moderated_on: moderation.moderated_on,
        items: moderation.items.iter().map(|(item, graded)| (item.clone(), item_to_record(graded))).collect(),
        overall: has_overall.then(|| item_to_record(overall)),
        feedback: moderation.feedback.clone(),
    }
}

/// The moderation a current-layout record holds.
pub fn moderation_from_record(record: ModerationRecordV2) -> Moderation {
    Moderation {
        id: record.id,
        audit: AuditId::new(record.audit_id),
        moderator: record.moderator,
        moderated_on: record.moderated_on,
        items: record.items.into_iter().map(|(item, stored)| (item, item_from_record(stored))).collect(),
        overall: record.overall.map(item_from_record).unwrap_or_default(),
        feedback: record.feedback,
    }
}

/// Reads a stored moderation.
pub fn decode_moderation(record: &StoredRecord) -> Result<Moderation, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt { key: record.key.clone(), reason };
    match record.schema_version {
        1 | 2 => {
            let body: ModerationRecordV2 = if record.schema_version == 1 {
                serde_json::from_str::<ModerationRecordV1>(&record.body)
                    .map_err(|error| corrupt(error.to_string()))?
                    .into()
            } else {
                serde_json::from_str(&record.body).map_err(|error| corrupt(error.to_string()))?
            };
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

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::record::{RecordKey, RecordKind, Revision};

    fn stored(schema_version: u32, body: &str) -> StoredRecord {
        StoredRecord {
            key: RecordKey::new(RecordKind::Moderation, "m1"),
            revision: Revision::FIRST,
            schema_version,
            updated_at: Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap(),
            body: body.to_owned(),
        }
    }

    #[test]
    fn a_version_1_record_opens_without_an_overall_judgement() {
        // Written by the first layout, before overall judgements were moderated.
        let old = r#"{"id":"m1","audit_id":"a1","moderator":"Priya Shah","moderated_on":"2026-11-12","items":{"risk":{"moderator_grade":"G","agreed_grade":"RI","rationale":"Risk assessed late"}},"feedback":"Clear"}"#;
        let moderation = decode_moderation(&stored(1, old)).unwrap();
        assert_eq!(moderation.agreed_grade("risk"), Some("RI"));
        assert_eq!(moderation.overall, ModeratedItem::default());
        assert_eq!(moderation.feedback, "Clear");
        let rewritten =
            decode_moderation(&stored(CURRENT_MODERATION_SCHEMA, &encode_moderation(&moderation))).unwrap();
        assert_eq!(rewritten, moderation, "written again in version 2, it reads the same");
        assert!(!encode_moderation(&moderation).contains("overall"), "no overall judgement is invented");
    }

    #[test]
    fn a_version_2_record_keeps_the_moderated_overall_judgement() {
        let body = r#"{"id":"m1","audit_id":"a1","moderator":"Priya Shah","moderated_on":"2026-11-12","overall":{"moderator_grade":"RI","agreed_grade":"RI","rationale":"No plan"}}"#;
        let moderation = decode_moderation(&stored(2, body)).unwrap();
        assert_eq!(moderation.agreed_overall(), Some("RI"));
        assert_eq!(moderation.overall.rationale, "No plan");
        // Version 1 never had the field, so a version 1 record holding it is refused.
        assert!(decode_moderation(&stored(1, body)).is_err());
    }
}
