//! The behaviour every [`Store`] must show, as one suite that each adapter runs against
//! itself: [`MemoryStore`](crate::MemoryStore) natively, the IndexedDB store in a browser.
//!
//! The store must be empty when the suite starts. Failures panic with a sentence saying
//! which promise the store broke.

use chrono::{TimeZone, Utc};

use crate::error::StoreError;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision};
use crate::store::Store;

fn write(id: &str, expected: Expected, body: &str) -> RecordWrite {
    RecordWrite {
        key: RecordKey::new(RecordKind::Audit, id),
        expected,
        schema_version: 2,
        updated_at: Utc.with_ymd_and_hms(2026, 11, 21, 14, 32, 0).single().unwrap_or_default(),
        body: body.to_owned(),
    }
}

/// Runs every check against `store`.
pub async fn check_store(store: &dyn Store) {
    let key = RecordKey::new(RecordKind::Audit, "conformance-1");
    assert_eq!(store.get(&key).await, Ok(None), "an empty store returns nothing");

    let first = store.put(write("conformance-1", Expected::New, "{\"n\":1}")).await;
    assert_eq!(first, Ok(Revision::FIRST), "a new record is saved at revision 1");

    let stored = store.get(&key).await.ok().flatten().expect("a saved record can be read back");
    assert_eq!(stored.body, "{\"n\":1}", "the body is kept exactly");
    assert_eq!(stored.schema_version, 2, "the schema version is kept");
    assert_eq!(stored.revision, Revision::FIRST);
    assert_eq!(stored.updated_at.timestamp(), 1_795_271_520, "the timestamp is kept");

    let again_new = store.put(write("conformance-1", Expected::New, "{\"n\":9}")).await;
    assert!(
        matches!(again_new, Err(StoreError::Conflict { expected: 0, found: 1, .. })),
        "creating a record that exists is a conflict, got {again_new:?}"
    );

    let second = store.put(write("conformance-1", Expected::At(Revision::FIRST), "{\"n\":2}")).await;
    let second = second.expect("a write based on the current revision is accepted");
    assert_eq!(second.get(), 2, "each save moves the revision on by one");

    let stale = store.put(write("conformance-1", Expected::At(Revision::FIRST), "{\"n\":3}")).await;
    assert!(
        matches!(stale, Err(StoreError::Conflict { expected: 1, found: 2, .. })),
        "a write based on a stale revision is refused, got {stale:?}"
    );
    let after_conflict = store.get(&key).await.ok().flatten().expect("record still there");
    assert_eq!(after_conflict.body, "{\"n\":2}", "a refused write changes nothing");
    assert_eq!(after_conflict.revision, second);

    let missing_base = Expected::At(Revision::FIRST);
    let phantom = store.put(write("conformance-never", missing_base, "{}")).await;
    assert!(
        matches!(phantom, Err(StoreError::Conflict { expected: 1, found: 0, .. })),
        "updating a record that does not exist is a conflict, got {phantom:?}"
    );

    store.put(write("conformance-0", Expected::New, "{}")).await.expect("second record");
    let listed = store.list(RecordKind::Audit).await.expect("list works");
    let ids: Vec<&str> = listed.iter().map(|record| record.key.id.as_str()).collect();
    assert_eq!(ids, ["conformance-0", "conformance-1"], "list gives every record in key order");
}
