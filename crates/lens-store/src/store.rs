//! The storage port.

use async_trait::async_trait;

use crate::error::StoreError;
use crate::record::{RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};

/// A place records are kept. Implementations must make [`Store::put`] atomic: the revision
/// check and the write happen together or not at all, even with other tabs writing.
///
/// Futures are not `Send`: in the browser everything runs on one thread.
#[async_trait(?Send)]
pub trait Store {
    /// The record with this key, if there is one.
    async fn get(&self, key: &RecordKey) -> Result<Option<StoredRecord>, StoreError>;

    /// Every record of one kind, in key order.
    async fn list(&self, kind: RecordKind) -> Result<Vec<StoredRecord>, StoreError>;

    /// Writes a record if the stored revision is still the one the write expects, and returns
    /// the new revision. Otherwise returns [`StoreError::Conflict`] and changes nothing.
    async fn put(&self, write: RecordWrite) -> Result<Revision, StoreError>;

    /// Writes every record or none: each write's expected revision is checked and all are
    /// written together, or the first that does not match comes back as
    /// [`StoreError::Conflict`] and nothing changes. An import is one call, so a reload, a
    /// crash or a closed tab during it leaves all of it or none of it.
    async fn put_all(&self, writes: Vec<RecordWrite>) -> Result<Vec<Revision>, StoreError>;
}
