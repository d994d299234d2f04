//! What has been done with this device's data: the last backup (a download of all the device's
//! data), so the storage status can say when it was last kept safe in a file, and the last export
//! of audits (all of them or a filtered set), so the QA team can see what last left the device.
//! One audit's file or a report is not logged.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: `last_export`, the last file of any kind made on the device.
//! - 2: `last_backup`, the last whole-device download. A version 1 log reads as version 2
//!   keeping its export only if it held all data ("all data (…)").
//! - 3 (current): `last_backup` and `last_export`, the last file of audits of any set. A
//!   version 2 log reads as version 3 with its backup as the last export too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::StoreError;
use crate::latest::not_newer;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, StoredRecord};
use crate::store::Store;

/// The schema version device logs are written in.
pub const CURRENT_DEVICE_LOG_SCHEMA: u32 = 3;

/// The one device log's id.
const DEVICE_LOG_ID: &str = "this-device";

/// One download from this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// When the file was made.
    pub at: DateTime<Utc>,
    /// What the file held, in words, e.g. "Audit CR-1 as JSON".
    pub what: String,
}

/// The device log as schema version 3 stores it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceLog {
    /// The most recent download of all the device's data, if there has been one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<Export>,
    /// The most recent file of audits, whole-device or a filtered set, if there has been one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<Export>,
}

/// The device log as schema version 2 stored it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeviceLogV2 {
    #[serde(default)]
    last_backup: Option<Export>,
}

/// The device log as schema version 1 stored it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeviceLogV1 {
    #[serde(default)]
    last_export: Option<Export>,
}

/// How version 1 described a whole-device download.
const V1_WHOLE_DEVICE_PREFIX: &str = "all data (";

fn device_log_key() -> RecordKey {
    RecordKey::new(RecordKind::DeviceLog, DEVICE_LOG_ID)
}

fn decode(record: &StoredRecord) -> Result<DeviceLog, StoreError> {
    not_newer(CURRENT_DEVICE_LOG_SCHEMA)(record)?;
    let corrupt =
        |error: serde_json::Error| StoreError::Corrupt { key: record.key.clone(), reason: error.to_string() };
    if record.schema_version == 1 {
        let old: DeviceLogV1 = serde_json::from_str(&record.body).map_err(corrupt)?;
        let backup = old.last_export.filter(|export| export.what.starts_with(V1_WHOLE_DEVICE_PREFIX));
        return Ok(DeviceLog { last_export: backup.clone(), last_backup: backup });
    }
    if record.schema_version == 2 {
        let old: DeviceLogV2 = serde_json::from_str(&record.body).map_err(corrupt)?;
        return Ok(DeviceLog { last_export: old.last_backup.clone(), last_backup: old.last_backup });
    }
    serde_json::from_str(&record.body).map_err(corrupt)
}

/// The device log; an empty one when nothing has been logged yet.
pub async fn load_device_log(store: &dyn Store) -> Result<DeviceLog, StoreError> {
    match store.get(&device_log_key()).await? {
        Some(record) => decode(&record),
        None => Ok(DeviceLog::default()),
    }
}

/// Notes a download of all the device's data made at `now`: the last backup and the last export.
pub async fn record_backup(
    store: &dyn Store,
    what: &str,
    now: DateTime<Utc>,
) -> Result<DeviceLog, StoreError> {
    let export = Export { at: now, what: what.to_owned() };
    update_log(store, now, |log| {
        log.last_backup = Some(export.clone());
        log.last_export = Some(export.clone());
    })
    .await
}

/// Notes a file of a chosen set of audits made at `now`: the last export, not a backup.
pub async fn record_export(
    store: &dyn Store,
    what: &str,
    now: DateTime<Utc>,
) -> Result<DeviceLog, StoreError> {
    let export = Export { at: now, what: what.to_owned() };
    update_log(store, now, |log| log.last_export = Some(export.clone())).await
}

/// Changes the stored log with `change`, keeping what it does not touch. A write racing another
/// tab is tried once more on top of it; a log written by a newer version is refused, not replaced.
async fn update_log(
    store: &dyn Store,
    now: DateTime<Utc>,
    change: impl Fn(&mut DeviceLog),
) -> Result<DeviceLog, StoreError> {
    let mut attempts_left = 2;
    loop {
        let current = store.get(&device_log_key()).await?;
        // A log that cannot be read is started again: it only says what left the device, and
        // it must never stop a download. One written by a newer version is kept.
        let mut log = match current.as_ref().map(decode) {
            Some(Ok(log)) => log,
            Some(Err(error @ StoreError::TooNew { .. })) => return Err(error),
            Some(Err(_)) | None => DeviceLog::default(),
        };
        change(&mut log);
        let write = RecordWrite {
            key: device_log_key(),
            expected: Expected::from_base(current.map(|record| record.revision)),
            schema_version: CURRENT_DEVICE_LOG_SCHEMA,
            updated_at: now,
            body: serde_json::to_string(&log).unwrap_or_default(),
            carried: None,
        };
        attempts_left -= 1;
        match store.put(write).await {
            Err(StoreError::Conflict { .. }) if attempts_left > 0 => continue,
            Err(error) => return Err(error),
            Ok(_) => return Ok(log),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use futures::executor::block_on;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::MemoryStore;

    #[test]
    fn a_store_without_a_log_has_never_exported_and_the_latest_backup_is_kept() {
        let store = MemoryStore::default();
        assert_eq!(block_on(load_device_log(&store)).unwrap().last_backup, None);
        let first = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 3, 16, 5, 0).unwrap();
        block_on(record_backup(&store, "all data (3 audits and 1 moderation) as JSON", first)).unwrap();
        block_on(record_backup(&store, "all data (4 audits and 1 moderation) as JSON", later)).unwrap();
        let log = block_on(load_device_log(&store)).unwrap();
        let what = "all data (4 audits and 1 moderation) as JSON".to_owned();
        assert_eq!(log.last_backup, Some(Export { at: later, what }));
    }

    fn version_1(body: &str) -> MemoryStore {
        let store = MemoryStore::default();
        let write = RecordWrite {
            key: device_log_key(),
            expected: Expected::New,
            schema_version: 1,
            updated_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap(),
            body: body.to_owned(),
            carried: None,
        };
        block_on(store.put(write)).unwrap();
        store
    }

    #[test]
    fn a_version_1_log_keeps_a_whole_device_export_and_forgets_any_other_file() {
        let whole = version_1(
            r#"{"last_export":{"at":"2026-11-02T09:30:00Z","what":"all data (24 audits and 3 moderations) as JSON"}}"#,
        );
        let log = block_on(load_device_log(&whole)).unwrap();
        let backup = log.last_backup.expect("a whole-device export is a backup");
        assert_eq!(backup.what, "all data (24 audits and 3 moderations) as JSON");
        assert_eq!(backup.at, Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap());
        let one_audit = version_1(
            r#"{"last_export":{"at":"2026-11-02T09:30:00Z","what":"Case file audit (CF-1) actions as CSV"}}"#,
        );
        assert_eq!(block_on(load_device_log(&one_audit)).unwrap(), DeviceLog::default());
        assert_eq!(block_on(load_device_log(&version_1("{}"))).unwrap(), DeviceLog::default());
        let later = Utc.with_ymd_and_hms(2026, 11, 5, 9, 0, 0).unwrap();
        let rewritten =
            block_on(record_backup(&one_audit, "all data (1 audit and 0 moderations) as JSON", later));
        assert!(rewritten.is_ok(), "a version 1 log is replaced by the next backup");
        assert_eq!(
            block_on(one_audit.get(&device_log_key())).unwrap().unwrap().schema_version,
            CURRENT_DEVICE_LOG_SCHEMA
        );
    }

    #[test]
    fn a_version_2_log_reads_its_backup_as_the_last_export_too() {
        let store = MemoryStore::default();
        let write = RecordWrite {
            key: device_log_key(),
            expected: Expected::New,
            schema_version: 2,
            updated_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap(),
            body: r#"{"last_backup":{"at":"2026-11-02T09:30:00Z","what":"all data (3 audits and 0 moderations) as JSON"}}"#
                .to_owned(),
            carried: None,
        };
        block_on(store.put(write)).unwrap();
        let log = block_on(load_device_log(&store)).unwrap();
        let backup = Export {
            at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap(),
            what: "all data (3 audits and 0 moderations) as JSON".to_owned(),
        };
        assert_eq!(log, DeviceLog { last_backup: Some(backup.clone()), last_export: Some(backup.clone()) });
        let later = Utc.with_ymd_and_hms(2026, 11, 4, 11, 0, 0).unwrap();
        block_on(record_export(&store, "12 audits of team West as JSON", later)).unwrap();
        let log = block_on(load_device_log(&store)).unwrap();
        assert_eq!(log.last_backup, Some(backup), "a filtered export is not a backup");
        assert_eq!(log.last_export.unwrap().what, "12 audits of team West as JSON");
        assert_eq!(block_on(store.get(&device_log_key())).unwrap().unwrap().schema_version, 3);
    }

    #[test]
    fn a_log_that_cannot_be_read_is_started_again_rather_than_stopping_downloads() {
        let store = version_1("{not json");
        let now = Utc.with_ymd_and_hms(2026, 11, 5, 9, 0, 0).unwrap();
        let log = block_on(record_export(&store, "3 audits as JSON", now)).unwrap();
        assert_eq!(log.last_export.unwrap().what, "3 audits as JSON");
        assert_eq!(log.last_backup, None);
        assert!(block_on(load_device_log(&store)).is_ok());
    }

    #[test]
    fn a_log_from_a_newer_version_is_refused_not_overwritten() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap();
        let write = RecordWrite {
            key: device_log_key(),
            expected: Expected::New,
            schema_version: 4,
            updated_at: now,
            body: "{}".to_owned(),
            carried: None,
        };
        block_on(store.put(write)).unwrap();
        assert!(matches!(
            block_on(record_backup(&store, "x", now)),
            Err(StoreError::TooNew { found: 4, .. })
        ));
        assert!(matches!(
            block_on(record_export(&store, "x", now)),
            Err(StoreError::TooNew { found: 4, .. })
        ));
        let kept = block_on(store.get(&device_log_key())).unwrap().unwrap();
        assert_eq!(kept.schema_version, 4);
    }
}
