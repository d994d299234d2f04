//! [`IdbStore`]: the [`Store`] port over the browser's IndexedDB.
//!
//! One object store, `records`, keyed by `kind/id`, with an index on `kind`. Every write is
//! one read-write transaction with strict durability: it reads the current revision, refuses
//! the write if it is not the one expected, puts the record and commits. The returned future
//! resolves only after the transaction's `complete` event, so "Saved" means on disk.
//! Nothing but IndexedDB requests is awaited inside a transaction: anything else would let
//! the browser commit it early.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use indexed_db_futures::KeyPath;
use lens_store::{Expected, RecordKey, RecordKind, RecordWrite, Revision, Store, StoreError, StoredRecord};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::changes::announce_change;
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

/// What happened to the connection since it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connection {
    /// Open and usable.
    Open,
    /// Another tab needs to upgrade the database; this tab let it go and must reload.
    ClosedForUpgrade,
    /// The browser closed it (its storage failed, or the site's data was cleared), or a
    /// request found it closing. The next operation opens it again.
    Lost,
}

/// An open IndexedDB database.
///
/// - The connection closes when the store is dropped, and when another tab needs to upgrade
///   the database, so this tab never blocks that upgrade.
/// - When the browser closes it (after a failed write on a full disk, or when the site's data
///   is cleared) the next operation opens it again and runs once more, so one failure never
///   leaves every later save failing.
/// - When the database turns out to have been deleted while open (another page deleted it, or
///   reopening had to create it afresh), a write based on a record that is no longer there is
///   refused as [`StoreError::Deleted`], never as another tab's change.
pub struct IdbStore {
    name: String,
    db: RefCell<Option<Database>>,
    state: Rc<Cell<Connection>>,
    deleted: Rc<Cell<bool>>,
    // Kept alive for as long as the connection: its `versionchange` and `close` handlers.
    handlers: RefCell<Option<Handlers>>,
}

struct Handlers {
    _on_version_change: Closure<dyn FnMut(JsValue)>,
    _on_close: Closure<dyn FnMut()>,
}

impl IdbStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let store = Self {
            name: name.to_owned(),
            db: RefCell::new(None),
            state: Rc::new(Cell::new(Connection::Lost)),
            deleted: Rc::new(Cell::new(false)),
            handlers: RefCell::new(None),
        };
        store.connect(false).await?;
        Ok(store)
    }

    /// Closes the connection as the browser does when its storage fails. The next operation
    /// opens it again.
    pub fn close_connection(&self) {
        if let Some(db) = self.db.borrow_mut().take() {
            db.as_sys().set_onversionchange(None);
            db.as_sys().set_onclose(None);
            db.close();
        }
        self.handlers.borrow_mut().take();
        self.state.set(Connection::Lost);
    }

    /// Whether the database was found deleted while this store had it open.
    pub fn was_deleted(&self) -> bool {
        self.deleted.get()
    }

    async fn connect(&self, reopening: bool) -> Result<Database, StoreError> {
        let created = Rc::new(Cell::new(false));
        let created_flag = created.clone();
        let db = Database::open(&self.name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(move |event, db| {
                if event.old_version() < 1.0 {
                    created_flag.set(true);
                    let records =
                        db.create_object_store(RECORDS).with_key_path(KeyPath::One("key")).build()?;
                    records.create_index(BY_KIND, KeyPath::One("kind")).build()?;
                }
                Ok(())
            })
            .await
            .map_err(open_error)?;
        if reopening && created.get() {
            self.deleted.set(true);
        }
        let raw = db.as_sys().clone();
        let (state, deleted) = (self.state.clone(), self.deleted.clone());
        let on_version_change = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            // A null newVersion means the database is being deleted, not upgraded.
            let new_version = js_sys::Reflect::get(&event, &JsValue::from_str("newVersion")).ok();
            if new_version.is_none_or(|version| version.is_null()) {
                deleted.set(true);
                state.set(Connection::Lost);
            } else {
                state.set(Connection::ClosedForUpgrade);
            }
            raw.close();
        });
        let state = self.state.clone();
        let on_close = Closure::<dyn FnMut()>::new(move || {
            if state.get() == Connection::Open {
                state.set(Connection::Lost);
            }
        });
        db.as_sys().set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        db.as_sys().set_onclose(Some(on_close.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() =
            Some(Handlers { _on_version_change: on_version_change, _on_close: on_close });
        *self.db.borrow_mut() = Some(db.clone());
        self.state.set(Connection::Open);
        Ok(db)
    }

    /// The open connection, opening it again if the browser closed it.
    async fn db(&self) -> Result<Database, StoreError> {
        match self.state.get() {
            Connection::ClosedForUpgrade => Err(StoreError::backend(
                "VersionError",
                "Practice Lens was updated in another tab or window, so this page can no longer save. Reload this page to carry on",
            )),
            Connection::Open => match self.db.borrow().clone() {
                Some(db) => Ok(db),
                None => Err(StoreError::backend("InvalidStateError", "the database is closed")),
            },
            Connection::Lost => {
                self.close_connection();
                self.connect(true).await
            }
        }
    }

    /// Runs `operation` on the connection; if the connection turns out to be closing, opens it
    /// again and runs it once more.
    async fn with_db<T, F, Fut>(&self, operation: F) -> Result<T, StoreError>
    where
        F: Fn(Database) -> Fut,
        Fut: std::future::Future<Output = Result<T, StoreError>>,
    {
        let first = operation(self.db().await?).await;
        match first {
            Err(StoreError::Backend { ref name, .. }) if name == "InvalidStateError" => {
                self.state.set(Connection::Lost);
                operation(self.db().await?).await
            }
            other => other,
        }
    }
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        if let Some(db) = self.db.get_mut().take() {
            db.as_sys().set_onversionchange(None);
            db.as_sys().set_onclose(None);
            db.close();
        }
    }
}

#[async_trait(?Send)]
impl Store for IdbStore {
    async fn get(&self, key: &RecordKey) -> Result<Option<StoredRecord>, StoreError> {
        let storage_key = key.storage_key();
        self.with_db(|db| get_record(db, storage_key.clone())).await?.map(IdbRecord::into_stored).transpose()
    }

    async fn list(&self, kind: RecordKind) -> Result<Vec<StoredRecord>, StoreError> {
        let found = self.with_db(|db| list_records(db, kind)).await?;
        let mut records = found.into_iter().map(IdbRecord::into_stored).collect::<Result<Vec<_>, _>>()?;
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
        let outcome = self.with_db(|db| put_record(db, record.clone(), expected)).await?;
        match outcome {
            Ok(()) => {
                announce_change(&self.name);
                Ok(new_revision)
            }
            Err(None) if self.deleted.get() => Err(StoreError::Deleted { key }),
            Err(current) => Err(StoreError::conflict(&key, expected.base(), current)),
        }
    }

    async fn put_all(&self, writes: Vec<RecordWrite>) -> Result<Vec<Revision>, StoreError> {
        if writes.is_empty() {
            return Ok(Vec::new());
        }
        let expected: Vec<(RecordKey, Expected)> =
            writes.iter().map(|write| (write.key.clone(), write.expected)).collect();
        let stored: Vec<StoredRecord> = writes.into_iter().map(RecordWrite::into_stored).collect();
        let revisions: Vec<Revision> = stored.iter().map(|record| record.revision).collect();
        let records: Vec<IdbRecord> = stored.iter().map(IdbRecord::from).collect();
        let expectations: Vec<Expected> = expected.iter().map(|(_, expected)| *expected).collect();
        let outcome = self.with_db(|db| put_records(db, records.clone(), expectations.clone())).await?;
        match outcome {
            Ok(()) => {
                announce_change(&self.name);
                Ok(revisions)
            }
            Err((index, current)) => {
                let (key, expected) = &expected[index];
                if current.is_none() && self.deleted.get() {
                    Err(StoreError::Deleted { key: key.clone() })
                } else {
                    Err(StoreError::conflict(key, expected.base(), current))
                }
            }
        }
    }
}

async fn get_record(db: Database, key: String) -> Result<Option<IdbRecord>, StoreError> {
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readonly).build().map_err(backend)?;
    let records = tx.object_store(RECORDS).map_err(backend)?;
    records.get(key).serde().map_err(backend)?.await.map_err(backend)
}

async fn list_records(db: Database, kind: RecordKind) -> Result<Vec<IdbRecord>, StoreError> {
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readonly).build().map_err(backend)?;
    let records = tx.object_store(RECORDS).map_err(backend)?;
    let by_kind = records.index(BY_KIND).map_err(backend)?;
    let found = by_kind
        .get_all::<IdbRecord>()
        .with_query(kind.as_str().to_owned())
        .serde()
        .map_err(backend)?
        .await
        .map_err(backend)?;
    found.into_iter().map(|record| record.map_err(backend)).collect()
}

/// One read-write transaction for one record (see [`put_records`]). `Ok(Err(current))` when
/// the revision differs and nothing was written.
async fn put_record(
    db: Database,
    record: IdbRecord,
    expected: Expected,
) -> Result<Result<(), Option<Revision>>, StoreError> {
    let outcome = put_records(db, vec![record], vec![expected]).await?;
    Ok(outcome.map_err(|(_, current)| current))
}

/// One read-write transaction for many records: reads every current revision (the requests
/// are all made before the first answer is awaited), writes all of them only if each is the one
/// expected, and commits. `Ok(Err((index, current)))` names the first write whose revision
/// differed; nothing was written.
async fn put_records(
    db: Database,
    records: Vec<IdbRecord>,
    expected: Vec<Expected>,
) -> Result<Result<(), (usize, Option<Revision>)>, StoreError> {
    let options = TransactionOptions::new().with_durability(TransactionDurability::Strict);
    let tx = db
        .transaction(RECORDS)
        .with_mode(TransactionMode::Readwrite)
        .with_options(options)
        .build()
        .map_err(backend)?;
    let store = tx.object_store(RECORDS).map_err(backend)?;
    let mut reads = Vec::with_capacity(records.len());
    for record in &records {
        reads.push(store.get::<IdbRecord, _, _>(record.key.clone()).serde().map_err(backend)?);
    }
    for (index, read) in reads.into_iter().enumerate() {
        let current: Option<IdbRecord> = read.await.map_err(backend)?;
        let current_revision = current.and_then(|current| Revision::new(current.revision));
        if !expected[index].matches(current_revision) {
            drop(store);
            drop(tx);
            return Ok(Err((index, current_revision)));
        }
    }
    for record in records {
        store.put(record).serde().map_err(backend)?;
    }
    let raw = tx.as_sys().clone();
    match tx.commit().await {
        Ok(()) => Ok(Ok(())),
        Err(error) => Err(match raw.error() {
            Some(reason) => backend(IdbError::from(reason)),
            None => backend(error),
        }),
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
        // The crate's name for `indexedDB.open` throwing: the browser refused storage outright.
        OpenDbError::VersionZero => StoreError::backend(
            "SecurityError",
            "the browser refused to open its storage for this page (site data may be blocked by a setting or a policy)",
        ),
        OpenDbError::NullFactory | OpenDbError::UnsupportedEnvironment => {
            StoreError::backend("NotSupportedError", "IndexedDB is turned off or not available here")
        }
    }
}
