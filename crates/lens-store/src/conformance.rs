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
        carried: None,
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

    check_writes_together(store).await;
}

/// `put_all` writes every record or none.
async fn check_writes_together(store: &dyn Store) {
    let batch = vec![
        write("together-1", Expected::New, "{\"t\":1}"),
        write("together-2", Expected::New, "{\"t\":2}"),
        // Stale: conformance-1 is at revision 2 by now.
        write("conformance-1", Expected::At(Revision::FIRST), "{\"t\":3}"),
    ];
    let refused = store.put_all(batch).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict { expected: 1, found: 2, .. })),
        "a batch with one stale write is refused, got {refused:?}"
    );
    let none = store.get(&RecordKey::new(RecordKind::Audit, "together-1")).await;
    assert_eq!(none, Ok(None), "a refused batch writes none of its records");

    let batch = vec![
        write("together-1", Expected::New, "{\"t\":1}"),
        write("conformance-1", Expected::At(Revision::new(2).unwrap_or(Revision::FIRST)), "{\"t\":3}"),
    ];
    let revisions = store.put_all(batch).await.expect("a batch whose revisions all match is written");
    assert_eq!(
        revisions.iter().map(|r| r.get()).collect::<Vec<_>>(),
        [1, 3],
        "each write's new revision, in order"
    );
    let updated = store.get(&RecordKey::new(RecordKind::Audit, "conformance-1")).await.ok().flatten();
    assert_eq!(
        updated.map(|record| record.body),
        Some("{\"t\":3}".to_owned()),
        "every write of the batch is kept"
    );
    assert_eq!(store.put_all(Vec::new()).await, Ok(Vec::new()), "an empty batch writes nothing");

    let mut carried = write("together-carried", Expected::New, "{}");
    carried.carried = Revision::new(7);
    let revisions = store.put_all(vec![carried]).await.expect("a new record brought in is written");
    assert_eq!(revisions[0].get(), 7, "a record brought in keeps the revision it had");
    let kept = store.get(&RecordKey::new(RecordKind::Audit, "together-carried")).await.ok().flatten();
    assert_eq!(kept.map(|record| record.revision.get()), Some(7), "and is stored at it");
}
