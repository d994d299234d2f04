//! Conversions between stored audit records and [`Audit`], running migrations on the way in.

use chrono::NaiveDate;
use lens_core::{Audit, AuditId, AuditStatus, ItemResponse, TemplateRef};
use serde::de::DeserializeOwned;

use super::v1::AuditRecordV1;
use super::v2::{AuditRecordV2, ResponseV2, TemplateRefV2};
use super::CURRENT_AUDIT_SCHEMA;
use crate::error::StoreError;
use crate::record::{RecordKey, StoredRecord};

/// Reads a stored audit of any known schema version, migrating it to the current one in
/// memory. The stored record itself is not changed until the audit is next saved.
pub fn decode_audit(record: &StoredRecord) -> Result<Audit, StoreError> {
    let current: AuditRecordV2 = match record.schema_version {
        1 => parse::<AuditRecordV1>(record)?.into(),
        2 => parse::<AuditRecordV2>(record)?,
        found if found > CURRENT_AUDIT_SCHEMA => {
            return Err(StoreError::TooNew {
                key: record.key.clone(),
                found,
                supported: CURRENT_AUDIT_SCHEMA,
            })
        }
        other => return Err(corrupt(&record.key, format!("unknown record format {other}"))),
    };
    if current.id != record.key.id {
        return Err(corrupt(&record.key, format!("it holds audit {}", current.id)));
    }
    to_domain(current).map_err(|reason| corrupt(&record.key, reason))
}

/// The JSON body of an audit in the current schema version.
pub fn encode_audit(audit: &Audit) -> String {
    let record = AuditRecordV2 {
        id: audit.id.as_str().to_owned(),
        template: TemplateRefV2 { id: audit.template.id.clone(), version: audit.template.version },
        status: status_name(audit.status).to_owned(),
        case_reference: audit.case_reference.clone(),
        auditor: audit.auditor.clone(),
        started_on: audit.started_on.format("%Y-%m-%d").to_string(),
        responses: audit
            .responses
            .iter()
            .map(|(item, response)| {
                let stored =
                    ResponseV2 { grade: response.grade.clone(), narrative: response.narrative.clone() };
                (item.clone(), stored)
            })
            .collect(),
    };
    // Serialising plain strings, numbers and string-keyed maps cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

fn parse<T: DeserializeOwned>(record: &StoredRecord) -> Result<T, StoreError> {
    serde_json::from_str(&record.body).map_err(|error| corrupt(&record.key, error.to_string()))
}

fn corrupt(key: &RecordKey, reason: String) -> StoreError {
    StoreError::Corrupt { key: key.clone(), reason }
}

fn to_domain(record: AuditRecordV2) -> Result<Audit, String> {
    let status = parse_status(&record.status).ok_or_else(|| format!("unknown status '{}'", record.status))?;
    let started_on = NaiveDate::parse_from_str(&record.started_on, "%Y-%m-%d")
        .map_err(|_| format!("'{}' is not a date", record.started_on))?;
    Ok(Audit {
        id: AuditId::new(record.id),
        template: TemplateRef::new(record.template.id, record.template.version),
        status,
        case_reference: record.case_reference,
        auditor: record.auditor,
        started_on,
        responses: record
            .responses
            .into_iter()
            .map(|(item, stored)| (item, ItemResponse { grade: stored.grade, narrative: stored.narrative }))
            .collect(),
    })
}

fn status_name(status: AuditStatus) -> &'static str {
    match status {
        AuditStatus::Draft => "draft",
        AuditStatus::Submitted => "submitted",
        AuditStatus::Moderated => "moderated",
        AuditStatus::Closed => "closed",
    }
}

fn parse_status(name: &str) -> Option<AuditStatus> {
    AuditStatus::ALL.into_iter().find(|status| status_name(*status) == name)
}
