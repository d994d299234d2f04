//! A store that keeps records in memory: for tests, and the fallback when the browser offers
//! no durable storage (the app then warns that nothing will be kept).

use std::cell::RefCell;
use std::collections::BTreeMap;

use async_trait::async_trait;

use crate::error::StoreError;
use crate::record::{RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
use crate::store::Store;

/// Records in a map, lost when the page closes.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<RecordKey, StoredRecord>>,
}

impl MemoryStore {
    /// Puts a record in place as it is, with no revision check: for loading fixtures of old
    /// record formats in tests.
    pub fn insert_raw(&self, record: StoredRecord) {
        self.records.borrow_mut().insert(record.key.clone(), record);
    }

    /// Forgets every record, as a deleted database would.
    pub fn clear(&self) {
        self.records.borrow_mut().clear();
    }
}

#[async_trait(?Send)]
impl Store for MemoryStore {
    async fn get(&self, key: &RecordKey) -> Result<Option<StoredRecord>, StoreError> {
        Ok(self.records.borrow().get(key).cloned())
    }

    async fn list(&self, kind: RecordKind) -> Result<Vec<StoredRecord>, StoreError> {
        let records = self.records.borrow();
        Ok(records.values().filter(|record| record.key.kind == kind).cloned().collect())
    }

    async fn put(&self, write: RecordWrite) -> Result<Revision, StoreError> {
        let mut records = self.records.borrow_mut();
        let current = records.get(&write.key).map(|record| record.revision);
        if !write.expected.matches(current) {
            return Err(StoreError::conflict(&write.key, write.expected.base(), current));
        }
        let stored = write.into_stored();
        let revision = stored.revision;
        records.insert(stored.key.clone(), stored);
        Ok(revision)
    }

    async fn put_all(&self, writes: Vec<RecordWrite>) -> Result<Vec<Revision>, StoreError> {
        let mut records = self.records.borrow_mut();
        for write in &writes {
            let current = records.get(&write.key).map(|record| record.revision);
            if !write.expected.matches(current) {
                return Err(StoreError::conflict(&write.key, write.expected.base(), current));
            }
        }
        let mut revisions = Vec::with_capacity(writes.len());
        for write in writes {
            let stored = write.into_stored();
            revisions.push(stored.revision);
            records.insert(stored.key.clone(), stored);
        }
        Ok(revisions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn memory_store_passes_the_store_conformance_suite() {
        block_on(crate::conformance::check_store(&MemoryStore::default()));
    }
}
