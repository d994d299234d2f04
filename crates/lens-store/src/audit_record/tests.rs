//! Tests for audit records: migration from every older schema version and round trips.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use futures::executor::block_on;
use lens_core::{Audit, AuditId, AuditStatus, ItemResponse, TemplateRef};

use super::*;
use crate::{load_audit, save_audit, MemoryStore, RecordKey, RecordKind, Revision, StoreError, StoredRecord};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const V1_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v1.json");

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
    }
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
    assert!(matches!(error, StoreError::TooNew { found: 3, supported: 2, .. }));
    assert!(error.to_string().contains("Update the page"), "{error}");
}

#[test]
fn unreadable_bodies_are_reported_as_corrupt_not_panics() {
    for (schema, body) in [(2, "not json"), (2, "{\"id\":\"a-1\"}"), (1, "[]"), (0, "{}")] {
        let error = decode_audit(&stored("a-1", schema, body)).unwrap_err();
        assert!(matches!(error, StoreError::Corrupt { .. }), "{schema} {body}: {error:?}");
    }
    let wrong_status = encode_audit(&sample_audit()).replace("\"draft\"", "\"lost\"");
    let error = decode_audit(&stored("a-1", 2, &wrong_status)).unwrap_err();
    assert!(error.to_string().contains("unknown status 'lost'"), "{error}");
}

#[test]
fn a_record_whose_body_names_another_audit_is_corrupt() {
    let body = encode_audit(&sample_audit());
    let error = decode_audit(&stored("a-2", 2, &body)).unwrap_err();
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
