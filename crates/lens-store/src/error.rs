//! Errors from storage, worded so the person using the app can act on them.

use crate::record::{RecordKey, Revision};

/// Why a storage operation did not happen. Nothing is half-written in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The record changed since it was read, most likely in another tab or window.
    #[error(
        "{key} was changed somewhere else (it is now at revision {found}, this copy was based on {expected}). Nothing was overwritten."
    )]
    Conflict {
        /// The record concerned.
        key: RecordKey,
        /// The revision the write was based on (0 for a new record).
        expected: u64,
        /// The revision stored now (0 when there is none).
        found: u64,
    },
    /// A stored record could not be read; it is left untouched for recovery.
    #[error("{key} could not be read ({reason}). It has been left as it is.")]
    Corrupt {
        /// The record concerned.
        key: RecordKey,
        /// What is wrong with it.
        reason: String,
    },
    /// The record was written by a newer version of Practice Lens.
    #[error("{key} was saved by a newer version of Practice Lens (record format {found}; this version reads up to {supported}). Update the page to open it.")]
    TooNew {
        /// The record concerned.
        key: RecordKey,
        /// Its schema version.
        found: u32,
        /// The newest schema version this build understands.
        supported: u32,
    },
    /// The stored data was deleted while the page had it open (the browser's site data was
    /// cleared, or another page deleted the database): the record this write was based on is
    /// gone. Writing it as a new record puts it back.
    #[error("The data Practice Lens kept in this browser was deleted while this page was open, for example by clearing the browser's site data. {key} is no longer stored.")]
    Deleted {
        /// The record whose stored copy is gone.
        key: RecordKey,
    },
    /// The storage backend failed; `name` is the backend's own error name (e.g. `QuotaExceededError`).
    #[error("The browser could not save or read data ({name}: {message})")]
    Backend {
        /// The backend's error name.
        name: String,
        /// The backend's message.
        message: String,
    },
}

impl StoreError {
    /// A backend error from its name and message.
    pub fn backend(name: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Backend { name: name.into(), message: message.into() }
    }

    /// The conflict error for a write based on `expected` that found `found`.
    pub fn conflict(key: &RecordKey, expected: Option<Revision>, found: Option<Revision>) -> Self {
        Self::Conflict {
            key: key.clone(),
            expected: expected.map_or(0, Revision::get),
            found: found.map_or(0, Revision::get),
        }
    }
}
