//! Reading and saving audits through any [`Store`].

use std::future::Future;

use chrono::{DateTime, Utc};
use lens_core::{Audit, AuditId};

use crate::audit_record::{decode_audit, encode_audit, CURRENT_AUDIT_SCHEMA};
use crate::error::StoreError;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision};
use crate::store::Store;

/// A value read from a store with the revision it was read at; saving it again names that
/// revision, so a change made elsewhere in the meantime is noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned<T> {
    /// The value.
    pub value: T,
    /// The revision it was read at.
    pub revision: Revision,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
}

fn audit_key(id: &AuditId) -> RecordKey {
    RecordKey::new(RecordKind::Audit, id.as_str())
}

/// The audit with this id, migrated to the current format, if it exists.
pub async fn load_audit(store: &dyn Store, id: &AuditId) -> Result<Option<Versioned<Audit>>, StoreError> {
    let Some(record) = store.get(&audit_key(id)).await? else {
        return Ok(None);
    };
    let value = decode_audit(&record)?;
    Ok(Some(Versioned { value, revision: record.revision, updated_at: record.updated_at }))
}

/// Every audit in the store, oldest start first (ties by id), with a problem for each record
/// that could not be read. One unreadable record never hides the others.
pub async fn list_audits(store: &dyn Store) -> Result<(Vec<Versioned<Audit>>, Vec<StoreError>), StoreError> {
    list_audits_in_steps(store, usize::MAX, || async {}).await
}

/// As [`list_audits`], awaiting `pause()` after every `step` records read, so that a page can
/// draw and answer input between steps while a council's 10,000 audits are decoded.
pub async fn list_audits_in_steps<F: Future<Output = ()>>(
    store: &dyn Store,
    step: usize,
    mut pause: impl FnMut() -> F,
) -> Result<(Vec<Versioned<Audit>>, Vec<StoreError>), StoreError> {
    let records = store.list(RecordKind::Audit).await?;
    let mut audits = Vec::with_capacity(records.len());
    let mut problems = Vec::new();
    for chunk in records.chunks(step.max(1)) {
        for record in chunk {
            match decode_audit(record) {
                Ok(value) => {
                    audits.push(Versioned { value, revision: record.revision, updated_at: record.updated_at })
                }
                Err(problem) => problems.push(problem),
            }
        }
        if chunk.len() == step {
            pause().await;
        }
    }
    audits.sort_by(|a, b| (a.value.started_on, &a.value.id).cmp(&(b.value.started_on, &b.value.id)));
    Ok((audits, problems))
}

/// Saves an audit in the current format. `base` is the revision it was read at (`None` for a
/// new audit); if the stored audit has moved on since, nothing is written and
/// [`StoreError::Conflict`] comes back.
pub async fn save_audit(
    store: &dyn Store,
    audit: &Audit,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> Result<Versioned<Audit>, StoreError> {
    let write = RecordWrite {
        key: audit_key(&audit.id),
        expected: Expected::from_base(base),
        schema_version: CURRENT_AUDIT_SCHEMA,
        updated_at: now,
        body: encode_audit(audit),
        carried: None,
    };
    let revision = store.put(write).await?;
    Ok(Versioned { value: audit.clone(), revision, updated_at: now })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use chrono::{NaiveDate, TimeZone};
    use futures::executor::block_on;
    use lens_core::{NewAudit, TemplateRef};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::MemoryStore;

    #[test]
    fn audits_read_in_steps_pause_between_steps_and_come_back_the_same() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        for (number, day) in [5, 2, 9, 1, 7, 3, 8].into_iter().enumerate() {
            let typed = NewAudit { case_reference: format!("CF-{number}"), auditor: "Sam Patel".into() };
            let started = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
            let audit = typed
                .start(AuditId::new(format!("a{number}")), TemplateRef::new("case-file-audit", 1), started)
                .unwrap();
            block_on(save_audit(&store, &audit, None, now)).unwrap();
        }
        let pauses = Cell::new(0);
        let (stepped, problems) = block_on(list_audits_in_steps(&store, 3, || {
            pauses.set(pauses.get() + 1);
            async {}
        }))
        .unwrap();
        assert_eq!(pauses.get(), 2, "seven records in steps of three pause after the first two steps");
        assert!(problems.is_empty());
        let (whole, _) = block_on(list_audits(&store)).unwrap();
        assert_eq!(stepped, whole);
        let days: Vec<u32> =
            stepped.iter().map(|audit| chrono::Datelike::day(&audit.value.started_on)).collect();
        assert_eq!(days, [1, 2, 3, 5, 7, 8, 9], "oldest first");
    }
}
