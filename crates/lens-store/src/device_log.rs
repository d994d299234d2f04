//! What has been done with this device's data as a whole: for now, the last export, so the
//! storage status can say when work last left the device in a file.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1 (current): the last export's time and what it held.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::StoreError;
use crate::latest::{not_newer, put_latest};
use crate::record::{RecordKey, RecordKind, StoredRecord};
use crate::store::Store;

/// The schema version device logs are written in.
pub const CURRENT_DEVICE_LOG_SCHEMA: u32 = 1;

/// The one device log's id.
const DEVICE_LOG_ID: &str = "this-device";

/// One export from this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// When the file was made.
    pub at: DateTime<Utc>,
    /// What the file held, in words, e.g. "Audit CR-1 as JSON".
    pub what: String,
}

/// The device log as schema version 1 stores it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceLog {
    /// The most recent export, if there has been one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<Export>,
}

fn device_log_key() -> RecordKey {
    RecordKey::new(RecordKind::DeviceLog, DEVICE_LOG_ID)
}

fn decode(record: &StoredRecord) -> Result<DeviceLog, StoreError> {
    not_newer(CURRENT_DEVICE_LOG_SCHEMA)(record)?;
    serde_json::from_str(&record.body)
        .map_err(|error| StoreError::Corrupt { key: record.key.clone(), reason: error.to_string() })
}

/// The device log; an empty one when nothing has been logged yet.
pub async fn load_device_log(store: &dyn Store) -> Result<DeviceLog, StoreError> {
    match store.get(&device_log_key()).await? {
        Some(record) => decode(&record),
        None => Ok(DeviceLog::default()),
    }
}

/// Notes an export made at `now`; of two tabs exporting at once, the later export is kept.
pub async fn record_export(
    store: &dyn Store,
    what: &str,
    now: DateTime<Utc>,
) -> Result<DeviceLog, StoreError> {
    let log = DeviceLog { last_export: Some(Export { at: now, what: what.to_owned() }) };
    let body = serde_json::to_string(&log).unwrap_or_default();
    put_latest(
        store,
        device_log_key(),
        CURRENT_DEVICE_LOG_SCHEMA,
        now,
        &body,
        not_newer(CURRENT_DEVICE_LOG_SCHEMA),
    )
    .await?;
    Ok(log)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use futures::executor::block_on;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::record::{Expected, RecordWrite};
    use crate::MemoryStore;

    #[test]
    fn a_store_without_a_log_has_never_exported_and_an_export_is_kept() {
        let store = MemoryStore::default();
        assert_eq!(block_on(load_device_log(&store)).unwrap().last_export, None);
        let first = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 3, 16, 5, 0).unwrap();
        block_on(record_export(&store, "Audit CR-1 as JSON", first)).unwrap();
        block_on(record_export(&store, "Report as CSV", later)).unwrap();
        let log = block_on(load_device_log(&store)).unwrap();
        assert_eq!(log.last_export, Some(Export { at: later, what: "Report as CSV".to_owned() }));
    }

    #[test]
    fn a_log_from_a_newer_version_is_refused_not_overwritten() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap();
        let write = RecordWrite {
            key: device_log_key(),
            expected: Expected::New,
            schema_version: 2,
            updated_at: now,
            body: "{}".to_owned(),
        };
        block_on(store.put(write)).unwrap();
        assert!(matches!(
            block_on(record_export(&store, "x", now)),
            Err(StoreError::TooNew { found: 2, .. })
        ));
        let kept = block_on(store.get(&device_log_key())).unwrap().unwrap();
        assert_eq!(kept.schema_version, 2);
    }
}
