//! Tests for audit records: migration from every older schema version and round trips.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use futures::executor::block_on;
use lens_core::{
    Action, ActionStatus, Amendment, Audit, AuditId, AuditStatus, FieldChange, ItemResponse, TemplateRef,
};

use super::*;
use crate::{load_audit, save_audit, MemoryStore, RecordKey, RecordKind, Revision, StoreError, StoredRecord};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const V1_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v1.json");
const V2_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v2.json");
const V4_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v4-follow-up.json");

fn stored(id: &str, schema_version: u32, body: &str) -> StoredRecord {
    StoredRecord {
        key: RecordKey::new(RecordKind::Audit, id),
        revision: Revision::new(3).unwrap(),
        schema_version,
        updated_at: Utc.with_ymd_and_hms(2025, 9, 16, 9, 0, 0).unwrap(),
        body: body.to_owned(),
    }
}

fn sample_audit() -> Audit {
    let mut responses = BTreeMap::new();
    let graded = ItemResponse { grade: Some("RI".into()), narrative: "Plan \"drifted\"; é ✓".into() };
    responses.insert("07-plans".into(), graded);
    Audit {
        id: AuditId::new("a-1"),
        template: TemplateRef::new("case-file-audit", 1),
        status: AuditStatus::Draft,
        case_reference: "CF-1".into(),
        auditor: "Sam".into(),
        started_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        responses,
        header: BTreeMap::new(),
        overall: None,
        actions: Vec::new(),
        submitted_on: None,
        amendments: Vec::new(),
        follow_up: Default::default(),
    }
}

/// An audit with every part of the current format filled in.
fn full_audit() -> Audit {
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut audit = sample_audit();
    audit.status = AuditStatus::Submitted;
    audit.header.insert("team".into(), "Assessment East".into());
    audit.header.insert("audit-date".into(), "2026-11-02".into());
    audit.overall = Some("RI".into());
    audit.submitted_on = Some(day(3));
    let mut action = Action::new("act-1", "=Update the plan", "Team manager", Some(day(30)));
    action.status = ActionStatus::Done;
    action.completed_on = Some(day(20));
    audit.actions.push(action);
    audit.actions.push(Action::new("act-2", "Visit", "SW", None));
    audit.amendments.push(Amendment {
        on: day(10),
        by: "Priya".into(),
        reason: "Moderation".into(),
        changes: vec![FieldChange {
            field: lens_core::FieldPath::Overall,
            before: "G".into(),
            after: "RI".into(),
        }],
    });
    audit.follow_up.corrective_action_confirmed_on = Some(day(25));
    let event = |by: &str, what| lens_core::FollowUpEvent { recorded_on: day(25), by: by.into(), what };
    audit.follow_up.events = vec![
        event(
            "Ama",
            lens_core::FollowUpEventKind::ActionProgress {
                action: "act-1".into(),
                status: ActionStatus::Done,
                completed_on: Some(day(20)),
                note: "Plan \"rewritten\" ✓".into(),
            },
        ),
        event(
            "Ama",
            lens_core::FollowUpEventKind::ActionProgress {
                action: "act-2".into(),
                status: ActionStatus::InProgress,
                completed_on: None,
                note: String::new(),
            },
        ),
        event(
            "Dee",
            lens_core::FollowUpEventKind::CorrectiveActionConfirmed {
                confirmed_on: day(25),
                what_was_done: "Plan rewritten".into(),
            },
        ),
        event(
            "Dee",
            lens_core::FollowUpEventKind::ReflectiveDiscussion {
                held_on: day(24),
                who_took_part: "Sam, Ama".into(),
                agreed: "Weekly consultation".into(),
            },
        ),
        event("Dee", lens_core::FollowUpEventKind::Closed { was: AuditStatus::Moderated }),
        event("Dee", lens_core::FollowUpEventKind::Reopened { reason: "Plan not shared".into() }),
    ];
    audit
}

#[test]
fn a_version_2_fixture_is_migrated_with_nothing_lost() {
    let audit = decode_audit(&stored("fixture-v2", 2, V2_FIXTURE)).unwrap();
    assert_eq!(audit.status, AuditStatus::Draft);
    assert_eq!((audit.case_reference.as_str(), audit.auditor.as_str()), ("CF-2026-0411", "Morgan Ellis"));
    assert_eq!(audit.started_on, NaiveDate::from_ymd_opt(2026, 10, 6).unwrap());
    let items: Vec<(&str, Option<&str>, &str)> = audit
        .responses
        .iter()
        .map(|(item, r)| (item.as_str(), r.grade.as_deref(), r.narrative.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("involvement", None, "Child seen alone twice; views recorded in their own words."),
            ("plans", Some("DNMG"), ""),
            ("risk", Some("MG"), "Risk of domestic abuse recognised; safety plan reviewed monthly."),
        ]
    );
    assert!(audit.header.is_empty() && audit.actions.is_empty() && audit.amendments.is_empty());
    assert_eq!((audit.overall, audit.submitted_on), (None, None));
}

#[test]
fn a_version_2_start_date_that_is_not_a_date_is_corrupt() {
    let body = V2_FIXTURE.replace("2026-10-06", "6 October");
    let error = decode_audit(&stored("fixture-v2", 2, &body)).unwrap_err();
    assert!(error.to_string().contains("'6 October' is not a date"), "{error}");
}

#[test]
fn every_part_of_the_current_format_round_trips() {
    let audit = full_audit();
    let body = encode_audit(&audit);
    assert_eq!(decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &body)), Ok(audit));
    let unknown = body.replacen('{', "{\"surprise\":1,", 1);
    let error = decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &unknown)).unwrap_err();
    assert!(error.to_string().contains("unknown field `surprise`"), "{error}");
    let bad_action = body.replacen("\"done\"", "\"finished\"", 1);
    let error = decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &bad_action)).unwrap_err();
    assert!(error.to_string().contains("action act-1 has an unknown status 'finished'"), "{error}");
    let bad_event = body.replace("\"was\":\"moderated\"", "\"was\":\"archived\"");
    let error = decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &bad_event)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("follow-up event 5 closes from 'archived': only a submitted or moderated audit closes"),
        "{error}"
    );
    let unknown_kind = body.replace("\"kind\":\"reopened\"", "\"kind\":\"archived\"");
    assert!(decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &unknown_kind)).is_err());
}

#[test]
fn a_version_1_fixture_is_migrated_with_nothing_lost() {
    let audit = decode_audit(&stored("fixture-v1", 1, V1_FIXTURE)).unwrap();
    assert_eq!(audit.status, AuditStatus::Submitted);
    assert_eq!(audit.template, TemplateRef::new("case-file-audit", 1));
    assert_eq!(audit.started_on, NaiveDate::from_ymd_opt(2025, 9, 15).unwrap());
    let items: Vec<(&str, Option<&str>, &str)> = audit
        .responses
        .iter()
        .map(|(item, r)| (item.as_str(), r.grade.as_deref(), r.narrative.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (
                "01-risk",
                Some("G"),
                "Risk of neglect identified at referral and reduced through a timely plan."
            ),
            ("02-involvement", Some("RI"), "Child seen but not seen alone; father's views not recorded."),
            ("07-plans", None, "Plan is out of date."),
            ("12-outcomes", Some("G"), ""),
        ]
    );
}

#[test]
fn the_current_format_round_trips_exactly() {
    let audit = sample_audit();
    let body = encode_audit(&audit);
    assert_eq!(decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &body)), Ok(audit));
}

#[test]
fn a_newer_format_is_refused_with_a_message_to_update() {
    let error = decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA + 1, "{}")).unwrap_err();
    assert!(matches!(error, StoreError::TooNew { found: 6, supported: 5, .. }));
    assert!(error.to_string().contains("Update the page"), "{error}");
}

#[test]
fn unreadable_bodies_are_reported_as_corrupt_not_panics() {
    for (schema, body) in
        [(3, "not json"), (3, "{\"id\":\"a-1\"}"), (2, "{\"id\":\"a-1\"}"), (1, "[]"), (0, "{}")]
    {
        let error = decode_audit(&stored("a-1", schema, body)).unwrap_err();
        assert!(matches!(error, StoreError::Corrupt { .. }), "{schema} {body}: {error:?}");
    }
    let wrong_status = encode_audit(&sample_audit()).replace("\"draft\"", "\"lost\"");
    let error = decode_audit(&stored("a-1", CURRENT_AUDIT_SCHEMA, &wrong_status)).unwrap_err();
    assert!(error.to_string().contains("unknown status 'lost'"), "{error}");
}

#[test]
fn a_record_whose_body_names_another_audit_is_corrupt() {
    let body = encode_audit(&sample_audit());
    let error = decode_audit(&stored("a-2", CURRENT_AUDIT_SCHEMA, &body)).unwrap_err();
    assert!(error.to_string().contains("holds audit a-1"), "{error}");
}

#[test]
fn an_old_record_is_saved_back_in_the_current_format_at_the_next_revision() {
    let store = MemoryStore::default();
    store.insert_raw(stored("fixture-v1", 1, V1_FIXTURE));
    let id = AuditId::new("fixture-v1");
    let loaded = block_on(load_audit(&store, &id)).unwrap().unwrap();
    assert_eq!(loaded.revision.get(), 3);
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap();
    let saved = block_on(save_audit(&store, &loaded.value, Some(loaded.revision), now)).unwrap();
    assert_eq!(saved.revision.get(), 4);
    let raw = block_on(crate::Store::get(&store, &RecordKey::new(RecordKind::Audit, "fixture-v1")));
    assert_eq!(raw.unwrap().unwrap().schema_version, CURRENT_AUDIT_SCHEMA);
    let reloaded = block_on(load_audit(&store, &id)).unwrap().unwrap();
    assert_eq!(reloaded.value, loaded.value);
}

const V3_AMENDED_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v3-amended.json");

#[test]
fn stored_amendments_open_as_typed_fields_and_are_written_back_as_they_were() {
    use lens_core::{ActionField, FieldPath};
    let audit = decode_audit(&stored("fixture-v3-amended", 3, V3_AMENDED_FIXTURE)).unwrap();
    let fields: Vec<&FieldPath> = audit.amendments[0].changes.iter().map(|change| &change.field).collect();
    assert_eq!(
        fields,
        [
            &FieldPath::Header("team".into()),
            &FieldPath::Grade("risk".into()),
            &FieldPath::Narrative("risk".into()),
            &FieldPath::Overall,
            &FieldPath::Action("act.1".into(), ActionField::What),
            &FieldPath::Action("act.1".into(), ActionField::Owner),
            &FieldPath::Action("act.1".into(), ActionField::DueOn),
        ]
    );
    let written: serde_json::Value = serde_json::from_str(&encode_audit(&audit)).unwrap();
    let original: serde_json::Value = serde_json::from_str(V3_AMENDED_FIXTURE).unwrap();
    assert_eq!(written["amendments"], original["amendments"]);
    assert_eq!(written["actions"], original["actions"]);
}

#[test]
fn a_version_3_record_opens_with_its_follow_up_days_and_no_events() {
    let audit = decode_audit(&stored("fixture-v3-amended", 3, V3_AMENDED_FIXTURE)).unwrap();
    assert_eq!(audit.follow_up.events, []);
    let original: serde_json::Value = serde_json::from_str(V3_AMENDED_FIXTURE).unwrap();
    let written: serde_json::Value = serde_json::from_str(&encode_audit(&audit)).unwrap();
    assert_eq!(written["follow_up"], original.get("follow_up").cloned().unwrap_or(serde_json::json!({})));
    // Version 3 knew no events: one in a version 3 record is an unknown field.
    let with_event = V3_AMENDED_FIXTURE.replacen(
        "\"status\": \"submitted\"",
        "\"status\": \"submitted\", \"follow_up\": {\"events\": []}",
        1,
    );
    assert!(decode_audit(&stored("fixture-v3-amended", 3, &with_event)).is_err());
}

#[test]
fn a_version_4_record_opens_with_every_event_and_is_written_back_as_it_was() {
    let audit = decode_audit(&stored("fixture-v4-follow-up", 4, V4_FIXTURE)).unwrap();
    assert_eq!(audit.status, AuditStatus::Closed);
    assert_eq!(audit.follow_up.events.len(), 4);
    assert!(matches!(
        audit.follow_up.events[3].what,
        lens_core::FollowUpEventKind::Closed { was: AuditStatus::Submitted }
    ));
    let original: serde_json::Value = serde_json::from_str(V4_FIXTURE).unwrap();
    let written: serde_json::Value = serde_json::from_str(&encode_audit(&audit)).unwrap();
    assert_eq!(written, original);
    // Version 4 knew no findings events: one in a version 4 record is refused.
    let with_findings = V4_FIXTURE.replacen(
        "\"kind\": \"closed\", \"was\": \"submitted\"",
        "\"kind\": \"case_holder_discussion\", \"held_on\": \"2026-10-10\", \"grades_discussed\": true",
        1,
    );
    assert!(decode_audit(&stored("fixture-v4-follow-up", 4, &with_findings)).is_err());
    assert!(decode_audit(&stored("fixture-v4-follow-up", 5, &with_findings)).is_ok());
}

#[test]
fn an_amendment_of_an_unknown_field_is_reported() {
    let body = V3_AMENDED_FIXTURE.replace("\"header.team\"", "\"headline\"");
    let error = decode_audit(&stored("fixture-v3-amended", 3, &body)).unwrap_err();
    assert!(error.to_string().contains("unknown field 'headline'"), "{error}");
}

#[test]
fn action_status_codes_are_the_text_stored_since_schema_one() {
    let codes: Vec<&str> = ActionStatus::ALL.into_iter().map(action_status_code).collect();
    assert_eq!(codes, ["open", "in_progress", "done", "cancelled"]);
    for status in ActionStatus::ALL {
        assert_eq!(parse_action_status(action_status_code(status)), Some(status));
    }
    assert_eq!(parse_action_status("Done"), None);
}

#[test]
fn every_field_path_is_read_back_from_its_text() {
    use lens_core::{ActionField, FieldPath};
    let paths = [
        FieldPath::Header("audit.date".into()),
        FieldPath::Grade("07-plans".into()),
        FieldPath::Narrative("07-plans".into()),
        FieldPath::Overall,
        FieldPath::Action("act-1".into(), ActionField::DueOn),
    ];
    let texts: Vec<String> = paths.iter().map(field_path_text).collect();
    assert_eq!(
        texts,
        [
            "header.audit.date",
            "items.07-plans.grade",
            "items.07-plans.narrative",
            "overall",
            "actions.act-1.due_on"
        ]
    );
    for (path, text) in paths.iter().zip(&texts) {
        assert_eq!(parse_field_path(text).as_ref(), Some(path));
    }
    for text in ["items.risk.colour", "items.risk", "actions.a.status", "Overall", ""] {
        assert_eq!(parse_field_path(text), None, "{text}");
    }
}
