//! Conversions between stored audit records and [`Audit`], running migrations on the way in.

use lens_core::{
    Action, ActionStatus, Amendment, Audit, AuditId, AuditStatus, FieldChange, FollowUpRecord, ItemResponse,
    TemplateRef,
};
use serde::de::DeserializeOwned;

use super::events::{event_from_record, event_to_record};
use super::field_path::{field_path_text, parse_field_path};
use super::v1::AuditRecordV1;
use super::v2::AuditRecordV2;
use super::v3::{AuditRecordV3, FieldChangeV3};
use super::v4::AuditRecordV4;
use super::v5::{ActionV5, AmendmentV5, AuditRecordV5, FollowUpV5, ResponseV5, TemplateRefV5};
use super::CURRENT_AUDIT_SCHEMA;
use crate::error::StoreError;
use crate::record::{RecordKey, StoredRecord};

/// Reads a stored audit of any known schema version, migrating it to the current one in
/// memory. The stored record itself is not changed until the audit is next saved.
pub fn decode_audit(record: &StoredRecord) -> Result<Audit, StoreError> {
    let from_v2 = |v2: AuditRecordV2| {
        AuditRecordV3::try_from(v2)
            .map(AuditRecordV4::from)
            .map(AuditRecordV5::from)
            .map_err(|reason| corrupt(&record.key, reason))
    };
    let current: AuditRecordV5 = match record.schema_version {
        1 => from_v2(parse::<AuditRecordV1>(record)?.into())?,
        2 => from_v2(parse::<AuditRecordV2>(record)?)?,
        3 => AuditRecordV4::from(parse::<AuditRecordV3>(record)?).into(),
        4 => parse::<AuditRecordV4>(record)?.into(),
        5 => parse::<AuditRecordV5>(record)?,
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
    audit_from_record(current).map_err(|reason| corrupt(&record.key, reason))
}

/// The JSON body of an audit in the current schema version.
pub fn encode_audit(audit: &Audit) -> String {
    // Serialising strings, dates and string-keyed maps cannot fail.
    serde_json::to_string(&audit_to_record(audit)).unwrap_or_default()
}

/// An audit in the current record layout.
pub fn audit_to_record(audit: &Audit) -> AuditRecordV5 {
    AuditRecordV5 {
        id: audit.id.as_str().to_owned(),
        template: TemplateRefV5 { id: audit.template.id.clone(), version: audit.template.version },
        status: status_name(audit.status).to_owned(),
        case_reference: audit.case_reference.clone(),
        auditor: audit.auditor.clone(),
        started_on: audit.started_on,
        submitted_on: audit.submitted_on,
        header: audit.header.clone(),
        responses: audit
            .responses
            .iter()
            .map(|(item, response)| {
                let stored =
                    ResponseV5 { grade: response.grade.clone(), narrative: response.narrative.clone() };
                (item.clone(), stored)
            })
            .collect(),
        overall: audit.overall.clone(),
        actions: audit
            .actions
            .iter()
            .map(|action| ActionV5 {
                id: action.id.clone(),
                what: action.what.clone(),
                owner: action.owner.clone(),
                due_on: action.due_on,
                status: action_status_code(action.status).to_owned(),
                completed_on: action.completed_on,
            })
            .collect(),
        amendments: audit
            .amendments
            .iter()
            .map(|amendment| AmendmentV5 {
                on: amendment.on,
                by: amendment.by.clone(),
                reason: amendment.reason.clone(),
                changes: amendment
                    .changes
                    .iter()
                    .map(|change| FieldChangeV3 {
                        field: field_path_text(&change.field),
                        before: change.before.clone(),
                        after: change.after.clone(),
                    })
                    .collect(),
            })
            .collect(),
        follow_up: FollowUpV5 {
            corrective_action_confirmed_on: audit.follow_up.corrective_action_confirmed_on,
            reflective_discussion_on: audit.follow_up.reflective_discussion_on,
            events: audit.follow_up.events.iter().map(event_to_record).collect(),
        },
    }
}

/// The audit a current-layout record holds, or what is wrong with it.
pub fn audit_from_record(record: AuditRecordV5) -> Result<Audit, String> {
    let status = parse_status(&record.status).ok_or_else(|| format!("unknown status '{}'", record.status))?;
    let actions = record
        .actions
        .into_iter()
        .map(|action| {
            let status = parse_action_status(&action.status)
                .ok_or_else(|| format!("action {} has an unknown status '{}'", action.id, action.status))?;
            Ok(Action {
                id: action.id,
                what: action.what,
                owner: action.owner,
                due_on: action.due_on,
                status,
                completed_on: action.completed_on,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let amendments = record
        .amendments
        .into_iter()
        .map(|amendment| {
            let changes = amendment
                .changes
                .into_iter()
                .map(|change| {
                    let field = parse_field_path(&change.field)
                        .ok_or_else(|| format!("an amendment changes an unknown field '{}'", change.field))?;
                    Ok(FieldChange { field, before: change.before, after: change.after })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Amendment { on: amendment.on, by: amendment.by, reason: amendment.reason, changes })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let events = record
        .follow_up
        .events
        .into_iter()
        .enumerate()
        .map(|(index, event)| event_from_record(index + 1, event))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Audit {
        id: AuditId::new(record.id),
        template: TemplateRef::new(record.template.id, record.template.version),
        status,
        case_reference: record.case_reference,
        auditor: record.auditor,
        started_on: record.started_on,
        responses: record
            .responses
            .into_iter()
            .map(|(item, stored)| (item, ItemResponse { grade: stored.grade, narrative: stored.narrative }))
            .collect(),
        // An empty answer is no answer: the domain never holds one.
        header: record.header.into_iter().filter(|(_, value)| !value.is_empty()).collect(),
        overall: record.overall,
        actions,
        submitted_on: record.submitted_on,
        amendments,
        follow_up: FollowUpRecord {
            corrective_action_confirmed_on: record.follow_up.corrective_action_confirmed_on,
            reflective_discussion_on: record.follow_up.reflective_discussion_on,
            events,
        },
    })
}

fn parse<T: DeserializeOwned>(record: &StoredRecord) -> Result<T, StoreError> {
    serde_json::from_str(&record.body).map_err(|error| corrupt(&record.key, error.to_string()))
}

fn corrupt(key: &RecordKey, reason: String) -> StoreError {
    StoreError::Corrupt { key: key.clone(), reason }
}

/// The stored name of a status.
pub fn status_name(status: AuditStatus) -> &'static str {
    match status {
        AuditStatus::Draft => "draft",
        AuditStatus::Submitted => "submitted",
        AuditStatus::Moderated => "moderated",
        AuditStatus::Closed => "closed",
    }
}

pub(super) fn parse_status(name: &str) -> Option<AuditStatus> {
    AuditStatus::ALL.into_iter().find(|status| status_name(*status) == name)
}

/// The stored and exported code of an action's status. Stored data depends on it: a renamed
/// variant keeps its code.
pub fn action_status_code(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::Cancelled => "cancelled",
    }
}

/// The action status with this stored code.
pub fn parse_action_status(code: &str) -> Option<ActionStatus> {
    ActionStatus::ALL.into_iter().find(|status| action_status_code(*status) == code)
}
