//! Audit records of schema version 1, and their migration to version 2.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::v2::{AuditRecordV2, ResponseV2, TemplateRefV2};

/// An audit as schema version 1 stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecordV1 {
    /// The audit id.
    pub id: String,
    /// The template id.
    pub template_id: String,
    /// The template version.
    pub template_version: u32,
    /// Lifecycle status name.
    pub status: String,
    /// The tracked case number.
    pub case_reference: String,
    /// The auditor's name.
    pub auditor: String,
    /// ISO date the audit was started.
    pub started_on: String,
    /// Grade codes by item id.
    #[serde(default)]
    pub grades: BTreeMap<String, String>,
    /// Narratives by item id.
    #[serde(default)]
    pub narratives: BTreeMap<String, String>,
}

impl From<AuditRecordV1> for AuditRecordV2 {
    /// Joins each item's grade and narrative into one response. An item present in either
    /// map keeps what it had; nothing is dropped.
    fn from(old: AuditRecordV1) -> Self {
        let mut responses: BTreeMap<String, ResponseV2> = BTreeMap::new();
        for (item, grade) in old.grades {
            responses.entry(item).or_default().grade = Some(grade);
        }
        for (item, narrative) in old.narratives {
            responses.entry(item).or_default().narrative = narrative;
        }
        AuditRecordV2 {
            id: old.id,
            template: TemplateRefV2 { id: old.template_id, version: old.template_version },
            status: old.status,
            case_reference: old.case_reference,
            auditor: old.auditor,
            started_on: old.started_on,
            responses,
        }
    }
}
