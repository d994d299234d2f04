//! Reading and saving audits through any [`Store`].

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
    let mut audits = Vec::new();
    let mut problems = Vec::new();
    for record in store.list(RecordKind::Audit).await? {
        match decode_audit(&record) {
            Ok(value) => {
                audits.push(Versioned { value, revision: record.revision, updated_at: record.updated_at })
            }
            Err(problem) => problems.push(problem),
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
    };
    let revision = store.put(write).await?;
    Ok(Versioned { value: audit.clone(), revision, updated_at: now })
}
