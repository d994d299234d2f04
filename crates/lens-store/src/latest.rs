//! Writing a record where the latest write wins: for small records that describe the device or
//! a person's unfinished work, where there is nothing to merge and no older copy to protect.

use chrono::{DateTime, Utc};

use crate::error::StoreError;
use crate::record::{Expected, RecordKey, RecordWrite, Revision, StoredRecord};
use crate::store::Store;

/// Writes `body` over whatever is stored at `key`. `check` sees the stored record first and may
/// refuse to replace it (one written by a newer version, say). A write racing another tab is
/// tried once more on top of it.
pub(crate) async fn put_latest(
    store: &dyn Store,
    key: RecordKey,
    schema_version: u32,
    now: DateTime<Utc>,
    body: &str,
    check: impl Fn(&StoredRecord) -> Result<(), StoreError>,
) -> Result<Revision, StoreError> {
    let mut attempts_left = 2;
    loop {
        let current = store.get(&key).await?;
        if let Some(record) = &current {
            check(record)?;
        }
        let write = RecordWrite {
            key: key.clone(),
            expected: Expected::from_base(current.map(|record| record.revision)),
            schema_version,
            updated_at: now,
            body: body.to_owned(),
            carried: None,
        };
        attempts_left -= 1;
        match store.put(write).await {
            Err(StoreError::Conflict { .. }) if attempts_left > 0 => continue,
            result => return result,
        }
    }
}

/// Refuses to replace a record written in a newer schema than `supported`.
pub(crate) fn not_newer(supported: u32) -> impl Fn(&StoredRecord) -> Result<(), StoreError> {
    move |record| match record.schema_version {
        found if found > supported => Err(StoreError::TooNew { key: record.key.clone(), found, supported }),
        _ => Ok(()),
    }
}
