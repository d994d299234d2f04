//! A [`Store`] that fails on purpose, for tests: each write takes the next planned fault, as a
//! browser's storage fails (an aborted write, a full disk, a closed connection, a database
//! deleted while open). A failed write changes nothing, as every store promises.

use std::cell::RefCell;
use std::collections::VecDeque;

use async_trait::async_trait;

use crate::error::StoreError;
use crate::record::{RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
use crate::store::Store;
use crate::MemoryStore;

/// One way a write can fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The write goes through.
    None,
    /// The transaction was aborted.
    Aborted,
    /// The disk or the origin's quota is full.
    Quota,
    /// The browser closed the connection.
    ConnectionClosed,
    /// The database was deleted while open: every record is gone from then on.
    Deleted,
}

impl Fault {
    fn error(self, key: &RecordKey) -> Option<StoreError> {
        match self {
            Self::None => None,
            Self::Aborted => Some(StoreError::backend("AbortError", "The transaction was aborted")),
            Self::Quota => Some(StoreError::backend("QuotaExceededError", "The quota has been exceeded")),
            Self::ConnectionClosed => {
                Some(StoreError::backend("InvalidStateError", "The database connection is closing"))
            }
            Self::Deleted => Some(StoreError::Deleted { key: key.clone() }),
        }
    }
}

/// A [`MemoryStore`] whose writes fail as planned.
#[derive(Debug, Default)]
pub struct FaultyStore {
    inner: MemoryStore,
    planned: RefCell<VecDeque<Fault>>,
}

impl FaultyStore {
    /// Plans the outcome of the next write (after those already planned).
    pub fn plan(&self, fault: Fault) {
        self.planned.borrow_mut().push_back(fault);
    }

    /// The record as stored now, bypassing any fault.
    pub async fn stored(&self, key: &RecordKey) -> Option<StoredRecord> {
        self.inner.get(key).await.ok().flatten()
    }
}

#[async_trait(?Send)]
impl Store for FaultyStore {
    async fn get(&self, key: &RecordKey) -> Result<Option<StoredRecord>, StoreError> {
        self.inner.get(key).await
    }

    async fn list(&self, kind: RecordKind) -> Result<Vec<StoredRecord>, StoreError> {
        self.inner.list(kind).await
    }

    async fn put(&self, write: RecordWrite) -> Result<Revision, StoreError> {
        let fault = self.planned.borrow_mut().pop_front().unwrap_or(Fault::None);
        if fault == Fault::Deleted {
            self.inner.clear();
        }
        match fault.error(&write.key) {
            Some(error) => Err(error),
            None => self.inner.put(write).await,
        }
    }

    async fn put_all(&self, writes: Vec<RecordWrite>) -> Result<Vec<Revision>, StoreError> {
        let fault = self.planned.borrow_mut().pop_front().unwrap_or(Fault::None);
        if fault == Fault::Deleted {
            self.inner.clear();
        }
        let first = writes.first().map(|write| write.key.clone());
        match first.and_then(|key| fault.error(&key)) {
            Some(error) => Err(error),
            None => self.inner.put_all(writes).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use futures::executor::block_on;
    use lens_core::{AuditId, NewAudit, TemplateRef};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::{load_audit, save_audit};

    #[test]
    fn a_failed_write_changes_nothing_and_the_retry_on_the_same_revision_saves() {
        let store = FaultyStore::default();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam Patel".into() };
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut audit = typed.start(AuditId::new("a1"), TemplateRef::new("case-file-audit", 1), day).unwrap();
        let first = block_on(save_audit(&store, &audit, None, now)).unwrap();
        for fault in [Fault::Aborted, Fault::Quota, Fault::ConnectionClosed] {
            store.plan(fault);
            audit.case_reference = format!("CF-{fault:?}");
            let failed = block_on(save_audit(&store, &audit, Some(first.revision), now));
            assert!(matches!(failed, Err(StoreError::Backend { .. })), "{fault:?}: {failed:?}");
            let kept = block_on(load_audit(&store, &AuditId::new("a1"))).unwrap().unwrap();
            assert_eq!(
                (kept.revision, kept.value.case_reference.as_str()),
                (first.revision, "CF-1"),
                "{fault:?}"
            );
        }
        let retried = block_on(save_audit(&store, &audit, Some(first.revision), now)).unwrap();
        assert_eq!(retried.revision.get(), 2);
    }

    #[test]
    fn after_a_deletion_a_write_on_the_old_revision_is_refused_as_deleted_and_a_new_one_saves() {
        let store = FaultyStore::default();
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam Patel".into() };
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let audit = typed.start(AuditId::new("a1"), TemplateRef::new("case-file-audit", 1), day).unwrap();
        let first = block_on(save_audit(&store, &audit, None, now)).unwrap();
        store.plan(Fault::Deleted);
        let refused = block_on(save_audit(&store, &audit, Some(first.revision), now));
        assert!(matches!(refused, Err(StoreError::Deleted { .. })), "{refused:?}");
        assert_eq!(block_on(load_audit(&store, &AuditId::new("a1"))).unwrap(), None, "the data is gone");
        block_on(save_audit(&store, &audit, None, now)).unwrap();
    }
}
