//! [`IdbStore`]: the [`Store`] port over the browser's IndexedDB.
//!
//! One object store, `records`, keyed by `kind/id`, with an index on `kind`. Every write is
//! one read-write transaction with strict durability: it reads the current revision, refuses
//! the write if it is not the one expected, puts the record and commits. The returned future
//! resolves only after the transaction's `complete` event, so "Saved" means on disk.
//! Nothing but IndexedDB requests is awaited inside a transaction: anything else would let
//! the browser commit it early.

use std::cell::Cell;
use std::rc::Rc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use indexed_db_futures::KeyPath;
use lens_store::{RecordKey, RecordKind, RecordWrite, Revision, Store, StoreError, StoredRecord};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::js_error::name_and_message;

/// The IndexedDB schema version: object stores and indexes, not record formats (those carry
/// their own `schema_version`). Raise it only with an upgrade step for every older version.
pub const DB_VERSION: u32 = 1;
/// The object store holding every record.
pub const RECORDS: &str = "records";
/// The index over record kinds.
pub const BY_KIND: &str = "by_kind";

/// A record as IndexedDB holds it. The body stays JSON text: exact, and independent of how
/// JavaScript would round numbers or order keys.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdbRecord {
    /// `kind/id`, the primary key.
    pub key: String,
    /// The record kind's stored name.
    pub kind: String,
    /// The id within the kind.
    pub id: String,
    /// The revision, counting saves from 1.
    pub revision: u64,
    /// The body's format version.
    pub schema_version: u32,
    /// RFC 3339 time of the last save.
    pub updated_at: String,
    /// The body as JSON text.
    pub body: String,
}

impl From<&StoredRecord> for IdbRecord {
    fn from(record: &StoredRecord) -> Self {
        Self {
            key: record.key.storage_key(),
            kind: record.key.kind.as_str().to_owned(),
            id: record.key.id.clone(),
            revision: record.revision.get(),
            schema_version: record.schema_version,
            updated_at: record.updated_at.to_rfc3339(),
            body: record.body.clone(),
        }
    }
}

impl IdbRecord {
    fn into_stored(self) -> Result<StoredRecord, StoreError> {
        let kind = RecordKind::parse(&self.kind);
        let revision = Revision::new(self.revision);
        let updated_at = DateTime::parse_from_rfc3339(&self.updated_at).ok();
        match (kind, revision, updated_at) {
            (Some(kind), Some(revision), Some(updated_at)) => Ok(StoredRecord {
                key: RecordKey::new(kind, self.id),
                revision,
                schema_version: self.schema_version,
                updated_at: updated_at.with_timezone(&Utc),
                body: self.body,
            }),
            _ => Err(StoreError::Corrupt {
                key: RecordKey::new(kind.unwrap_or(RecordKind::Audit), self.id),
                reason: "its envelope (kind, revision or time) is damaged".to_owned(),
            }),
        }
    }
}

/// An open IndexedDB database. The connection closes when the store is dropped, and also
/// when another tab needs to upgrade the database, so this tab never blocks that upgrade.
pub struct IdbStore {
    db: Option<Database>,
    // Kept alive for as long as the connection: the `versionchange` handler.
    _on_version_change: Closure<dyn FnMut()>,
    // Set when another tab's upgrade made this connection close.
    closed_for_upgrade: Rc<Cell<bool>>,
}

impl IdbStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    let records =
                        db.create_object_store(RECORDS).with_key_path(KeyPath::One("key")).build()?;
                    records.create_index(BY_KIND, KeyPath::One("kind")).build()?;
                }
                Ok(())
            })
            .await
            .map_err(open_error)?;
        let raw = db.as_sys().clone();
        let closed_for_upgrade = Rc::new(Cell::new(false));
        let flag = closed_for_upgrade.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            raw.close();
        });
        db.as_sys().set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Self { db: Some(db), _on_version_change: on_version_change, closed_for_upgrade })
    }

    fn db(&self) -> Result<&Database, StoreError> {
        if self.closed_for_upgrade.get() {
            return Err(StoreError::backend(
                "VersionError",
                "Practice Lens was updated in another tab or window. Reload this page to carry on; nothing saved has been lost",
            ));
        }
        self.db.as_ref().ok_or_else(|| StoreError::backend("InvalidStateError", "the database is closed"))
    }
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        if let Some(db) = self.db.take() {
            db.as_sys().set_onversionchange(None);
            db.close();
        }
    }
}

#[async_trait(?Send)]
impl Store for IdbStore {
    async fn get(&self, key: &RecordKey) -> Result<Option<StoredRecord>, StoreError> {
        let tx =
            self.db()?.transaction(RECORDS).with_mode(TransactionMode::Readonly).build().map_err(backend)?;
        let records = tx.object_store(RECORDS).map_err(backend)?;
        let found: Option<IdbRecord> =
            records.get(key.storage_key()).serde().map_err(backend)?.await.map_err(backend)?;
        found.map(IdbRecord::into_stored).transpose()
    }

    async fn list(&self, kind: RecordKind) -> Result<Vec<StoredRecord>, StoreError> {
        let tx =
            self.db()?.transaction(RECORDS).with_mode(TransactionMode::Readonly).build().map_err(backend)?;
        let records = tx.object_store(RECORDS).map_err(backend)?;
        let by_kind = records.index(BY_KIND).map_err(backend)?;
        let found = by_kind
            .get_all::<IdbRecord>()
            .with_query(kind.as_str().to_owned())
            .serde()
            .map_err(backend)?
            .await
            .map_err(backend)?;
        let mut records = Vec::new();
        for record in found {
            records.push(record.map_err(backend)?.into_stored()?);
        }
        records.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(records)
    }

    async fn put(&self, write: RecordWrite) -> Result<Revision, StoreError> {
        // Everything is computed before the transaction opens.
        let key = write.key.clone();
        let expected = write.expected;
        let stored = write.into_stored();
        let new_revision = stored.revision;
        let record = IdbRecord::from(&stored);

        let options = TransactionOptions::new().with_durability(TransactionDurability::Strict);
        let tx = self
            .db()?
            .transaction(RECORDS)
            .with_mode(TransactionMode::Readwrite)
            .with_options(options)
            .build()
            .map_err(backend)?;
        let records = tx.object_store(RECORDS).map_err(backend)?;
        let current: Option<IdbRecord> =
            records.get(record.key.clone()).serde().map_err(backend)?.await.map_err(backend)?;
        let current_revision = current.and_then(|current| Revision::new(current.revision));
        if !expected.matches(current_revision) {
            // Dropping the transaction aborts it: nothing was written.
            drop(tx);
            return Err(StoreError::conflict(&key, expected.base(), current_revision));
        }
        records.put(record).serde().map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(new_revision)
    }
}

fn backend(error: impl Into<IdbError>) -> StoreError {
    match error.into() {
        IdbError::DomException(exception) => {
            let (name, message) = name_and_message(exception.as_ref());
            StoreError::backend(name, message)
        }
        other => StoreError::backend("Error", other.to_string()),
    }
}

fn open_error(error: OpenDbError) -> StoreError {
    match error {
        OpenDbError::Base(base) => backend(base),
        OpenDbError::NullFactory | OpenDbError::UnsupportedEnvironment => {
            StoreError::backend("NotSupportedError", "IndexedDB is turned off or not available here")
        }
        other => StoreError::backend("Error", other.to_string()),
    }
}
