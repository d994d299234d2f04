//! The IndexedDB store against the same promises as every store, plus what only a real
//! database shows: two connections racing, stored data of older formats, damaged records.

use chrono::{NaiveDate, TimeZone, Utc};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use lens_core::{AuditId, AuditStatus, NewAudit, TemplateRef};
use lens_idb::{IdbRecord, IdbStore, RECORDS};
use lens_store::{conformance, list_audits, load_audit, save_audit, RecordKind, Store, StoreError};
use wasm_bindgen_test::wasm_bindgen_test;

use super::support::unique_db_name;

const V1_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v1.json");
const V3_AMENDED_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v3-amended.json");
const V4_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v4-follow-up.json");
const V2_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/audit-v2.json");

fn draft(id: &str, case_reference: &str) -> lens_core::Audit {
    let typed = NewAudit { case_reference: case_reference.into(), auditor: "Sam Patel".into() };
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    typed.start(AuditId::new(id), TemplateRef::new("case-file-audit", 1), today).unwrap()
}

/// Writes records straight into the database, as an older version of Practice Lens (or a
/// damaged disk) would have left them.
async fn put_raw(db_name: &str, records: &[IdbRecord]) {
    let db = Database::open(db_name).await.unwrap();
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readwrite).build().unwrap();
    let store = tx.object_store(RECORDS).unwrap();
    for record in records {
        store.put(record.clone()).serde().unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

fn raw_record(id: &str, schema_version: u32, body: &str) -> IdbRecord {
    IdbRecord {
        key: format!("audit/{id}"),
        kind: "audit".into(),
        id: id.into(),
        revision: 5,
        schema_version,
        updated_at: "2025-09-16T09:00:00+00:00".into(),
        body: body.into(),
    }
}

#[wasm_bindgen_test]
async fn indexeddb_store_passes_the_store_conformance_suite() {
    let store = IdbStore::open(&unique_db_name("conformance")).await.unwrap();
    conformance::check_store(&store).await;
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_tab_is_refused_and_the_newer_save_survives() {
    let db_name = unique_db_name("two-tabs");
    let tab_a = IdbStore::open(&db_name).await.unwrap();
    let tab_b = IdbStore::open(&db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 14, 0, 0).unwrap();
    let created = save_audit(&tab_a, &draft("shared", "CF-1"), None, now).await.unwrap();

    let seen_by_b = load_audit(&tab_b, &created.value.id).await.unwrap().unwrap();
    let mut from_a = created.value.clone();
    from_a.case_reference = "CF-1 (corrected in tab A)".into();
    save_audit(&tab_a, &from_a, Some(created.revision), now).await.unwrap();

    let mut from_b = seen_by_b.value.clone();
    from_b.case_reference = "CF-1 (typed in tab B)".into();
    let refused = save_audit(&tab_b, &from_b, Some(seen_by_b.revision), now).await;
    match refused {
        Err(StoreError::Conflict { expected: 1, found: 2, .. }) => {}
        other => panic!("tab B's stale save must be refused, got {other:?}"),
    }
    let stored = load_audit(&tab_b, &created.value.id).await.unwrap().unwrap();
    assert_eq!(stored.value.case_reference, "CF-1 (corrected in tab A)");
    assert_eq!(stored.revision.get(), 2);
}

#[wasm_bindgen_test]
async fn an_audit_stored_in_schema_version_1_opens_migrated() {
    let db_name = unique_db_name("migration");
    drop(IdbStore::open(&db_name).await.unwrap());
    put_raw(&db_name, &[raw_record("fixture-v1", 1, V1_FIXTURE)]).await;

    let store = IdbStore::open(&db_name).await.unwrap();
    let loaded = load_audit(&store, &AuditId::new("fixture-v1")).await.unwrap().unwrap();
    assert_eq!(loaded.revision.get(), 5);
    assert_eq!(loaded.value.status, AuditStatus::Submitted);
    assert_eq!(loaded.value.case_reference, "CF-2025-0193");
    let plans = &loaded.value.responses["07-plans"];
    assert_eq!((plans.grade.as_deref(), plans.narrative.as_str()), (None, "Plan is out of date."));
    assert_eq!(loaded.value.responses["02-involvement"].grade.as_deref(), Some("RI"));

    let now = Utc.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
    let saved = save_audit(&store, &loaded.value, Some(loaded.revision), now).await.unwrap();
    assert_eq!(saved.revision.get(), 6);
    let raw = store.list(RecordKind::Audit).await.unwrap();
    assert_eq!(raw[0].schema_version, lens_store::audit_record::CURRENT_AUDIT_SCHEMA);
}

#[wasm_bindgen_test]
async fn an_audit_stored_in_schema_version_2_opens_migrated_and_saves_back_current() {
    let db_name = unique_db_name("migration-v2");
    drop(IdbStore::open(&db_name).await.unwrap());
    put_raw(&db_name, &[raw_record("fixture-v2", 2, V2_FIXTURE)]).await;

    let store = IdbStore::open(&db_name).await.unwrap();
    let loaded = load_audit(&store, &AuditId::new("fixture-v2")).await.unwrap().unwrap();
    assert_eq!(loaded.value.case_reference, "CF-2026-0411");
    assert_eq!(loaded.value.responses["plans"].grade.as_deref(), Some("DNMG"));
    assert_eq!(loaded.value.responses["involvement"].grade, None);
    assert!(loaded.value.actions.is_empty() && loaded.value.header.is_empty());

    let mut edited = loaded.value.clone();
    edited.set_header_value("team", "Assessment East");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    save_audit(&store, &edited, Some(loaded.revision), now).await.unwrap();
    let raw = store.list(RecordKind::Audit).await.unwrap();
    assert_eq!(raw[0].schema_version, lens_store::audit_record::CURRENT_AUDIT_SCHEMA);
    let reloaded = load_audit(&store, &AuditId::new("fixture-v2")).await.unwrap().unwrap();
    assert_eq!(reloaded.value, edited);
}

#[wasm_bindgen_test]
async fn an_audit_stored_in_schema_version_3_opens_without_follow_up_events_and_takes_them() {
    let db_name = unique_db_name("migration-v3");
    drop(IdbStore::open(&db_name).await.unwrap());
    put_raw(&db_name, &[raw_record("fixture-v3-amended", 3, V3_AMENDED_FIXTURE)]).await;

    let store = IdbStore::open(&db_name).await.unwrap();
    let loaded = load_audit(&store, &AuditId::new("fixture-v3-amended")).await.unwrap().unwrap();
    assert_eq!((loaded.value.amendments.len(), loaded.value.follow_up.events.len()), (1, 0));
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let reopened_reason = "The plan was not shared.";
    let mut edited = loaded.value.clone();
    edited.follow_up.events.push(lens_core::FollowUpEvent {
        recorded_on: today,
        by: "Dee Quinn".into(),
        what: lens_core::FollowUpEventKind::Reopened { reason: reopened_reason.into() },
    });
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    save_audit(&store, &edited, Some(loaded.revision), now).await.unwrap();
    let raw = store.list(RecordKind::Audit).await.unwrap();
    assert_eq!(raw[0].schema_version, lens_store::audit_record::CURRENT_AUDIT_SCHEMA);
    let reloaded = load_audit(&store, &AuditId::new("fixture-v3-amended")).await.unwrap().unwrap();
    assert_eq!(reloaded.value, edited);
}

#[wasm_bindgen_test]
async fn an_audit_stored_in_schema_version_4_opens_with_its_events_and_takes_a_findings_event() {
    let db_name = unique_db_name("migration-v4");
    drop(IdbStore::open(&db_name).await.unwrap());
    put_raw(&db_name, &[raw_record("fixture-v4-follow-up", 4, V4_FIXTURE)]).await;

    let store = IdbStore::open(&db_name).await.unwrap();
    let loaded = load_audit(&store, &AuditId::new("fixture-v4-follow-up")).await.unwrap().unwrap();
    assert_eq!(
        (loaded.value.status, loaded.value.follow_up.events.len()),
        (lens_core::AuditStatus::Closed, 4)
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut edited = loaded.value.clone();
    edited.follow_up.events.push(lens_core::FollowUpEvent {
        recorded_on: today,
        by: "Morgan Ellis".into(),
        what: lens_core::FollowUpEventKind::CaseHolderDiscussion {
            held_on: today,
            grades_discussed: true,
            comment: "Agreed the plan was late.".into(),
        },
    });
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    save_audit(&store, &edited, Some(loaded.revision), now).await.unwrap();
    let raw = store.list(RecordKind::Audit).await.unwrap();
    assert_eq!(raw[0].schema_version, lens_store::audit_record::CURRENT_AUDIT_SCHEMA);
    let reloaded = load_audit(&store, &AuditId::new("fixture-v4-follow-up")).await.unwrap().unwrap();
    assert_eq!(reloaded.value, edited);
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_reported_and_the_others_still_open() {
    let db_name = unique_db_name("damaged");
    let store = IdbStore::open(&db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 14, 0, 0).unwrap();
    save_audit(&store, &draft("good", "CF-GOOD"), None, now).await.unwrap();
    drop(store);
    put_raw(&db_name, &[raw_record("broken", 2, "{not json")]).await;

    let store = IdbStore::open(&db_name).await.unwrap();
    let (audits, problems) = list_audits(&store).await.unwrap();
    assert_eq!(audits.len(), 1);
    assert_eq!(audits[0].value.case_reference, "CF-GOOD");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().starts_with("Audit broken could not be read"), "{}", problems[0]);
}

#[wasm_bindgen_test]
async fn databases_with_different_names_do_not_share_records() {
    let team_a = IdbStore::open(&unique_db_name("team-a")).await.unwrap();
    let team_b = IdbStore::open(&unique_db_name("team-b")).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 14, 0, 0).unwrap();
    save_audit(&team_a, &draft("only-in-a", "CF-A"), None, now).await.unwrap();
    assert_eq!(team_a.list(RecordKind::Audit).await.unwrap().len(), 1);
    assert!(team_b.list(RecordKind::Audit).await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_newer_tab_upgrading_the_database_is_not_blocked_by_this_connection() {
    let db_name = unique_db_name("upgrade");
    let store = IdbStore::open(&db_name).await.unwrap();
    // A later version of Practice Lens in another tab opens the database at a higher version.
    let newer = Database::open(db_name.as_str())
        .with_version(lens_idb::DB_VERSION + 1)
        .await
        .expect("the upgrade must not be blocked by the open connection");
    newer.close();
    let after = store.list(RecordKind::Audit).await.unwrap_err();
    assert!(after.to_string().contains("Reload this page to carry on"), "{after}");
}

#[wasm_bindgen_test]
async fn a_connection_the_browser_closed_is_opened_again_for_the_next_save() {
    let db_name = unique_db_name("reconnect");
    let store = IdbStore::open(&db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let first = save_audit(&store, &draft("a1", "CF-1"), None, now).await.unwrap();
    // As the browser does after a failed write on a full disk: every later request would
    // otherwise fail with "The database connection is closing".
    store.close_connection();
    let second = save_audit(&store, &draft("a1", "CF-2"), Some(first.revision), now).await.unwrap();
    let stored = load_audit(&store, &AuditId::new("a1")).await.unwrap().unwrap();
    assert_eq!((stored.revision, stored.value.case_reference.as_str()), (second.revision, "CF-2"));
    assert!(!store.was_deleted(), "reopening found the data where it was");
}

#[wasm_bindgen_test]
async fn a_database_deleted_while_open_is_reported_as_deleted_and_the_audit_can_be_saved_again() {
    let db_name = unique_db_name("deleted");
    let store = IdbStore::open(&db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let first = save_audit(&store, &draft("a1", "CF-1"), None, now).await.unwrap();
    // Another page of the origin deletes the database; this connection lets it go.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(&db_name).unwrap();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(&resolve));
    }))
    .await
    .unwrap();
    let refused = save_audit(&store, &draft("a1", "CF-1 typed on"), Some(first.revision), now).await;
    assert!(matches!(refused, Err(StoreError::Deleted { .. })), "{refused:?}");
    let message = refused.unwrap_err().to_string();
    assert!(message.contains("was deleted while this page was open"), "{message}");
    assert!(!message.contains("another tab"), "not mistaken for another tab's change: {message}");
    let again = save_audit(&store, &draft("a1", "CF-1 typed on"), None, now).await.unwrap();
    let stored = load_audit(&store, &AuditId::new("a1")).await.unwrap().unwrap();
    assert_eq!((stored.revision, stored.value.case_reference.as_str()), (again.revision, "CF-1 typed on"));
}
