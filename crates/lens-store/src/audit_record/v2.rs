//! Audit records of schema version 2, the current one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An audit as schema version 2 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecordV2 {
    /// The audit id.
    pub id: String,
    /// The template version the audit was made with.
    pub template: TemplateRefV2,
    /// Lifecycle status name: `draft`, `submitted`, `moderated` or `closed`.
    pub status: String,
    /// The tracked case number.
    pub case_reference: String,
    /// The auditor's name.
    pub auditor: String,
    /// ISO date (YYYY-MM-DD) the audit was started.
    pub started_on: String,
    /// One response per item id.
    #[serde(default)]
    pub responses: BTreeMap<String, ResponseV2>,
}

/// A template reference as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRefV2 {
    /// The template id.
    pub id: String,
    /// The template version.
    pub version: u32,
}

/// One item's response as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseV2 {
    /// The grade code, if graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The narrative.
    #[serde(default)]
    pub narrative: String,
}

/// Version 2 had no header answers, judgement, actions or history: a migrated audit starts with
/// none. Its start date, stored as text in version 2, must be a real date.
impl TryFrom<AuditRecordV2> for super::v3::AuditRecordV3 {
    type Error = String;

    fn try_from(old: AuditRecordV2) -> Result<Self, String> {
        let started_on = chrono::NaiveDate::parse_from_str(&old.started_on, "%Y-%m-%d")
            .map_err(|_| format!("'{}' is not a date", old.started_on))?;
        Ok(Self {
            id: old.id,
            template: old.template,
            status: old.status,
            case_reference: old.case_reference,
            auditor: old.auditor,
            started_on,
            submitted_on: None,
            header: BTreeMap::new(),
            responses: old.responses,
            overall: None,
            actions: Vec::new(),
            amendments: Vec::new(),
            follow_up: super::v3::FollowUpV3::default(),
        })
    }
}
