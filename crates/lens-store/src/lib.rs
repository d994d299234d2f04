//! The Practice Lens persistence model, independent of any particular database.
//!
//! - [`Store`] is the port every storage adapter implements (IndexedDB in `lens-web`,
//!   [`MemoryStore`] here). It deals only in [`StoredRecord`] envelopes: a key, a revision,
//!   a schema version and a JSON body.
//! - Each kind of record has versioned body types and migrations from every older version
//!   (see [`audit_record`]); domain types from `lens-core` are converted explicitly, so a
//!   refactor of a domain type cannot silently change what users have stored.
//! - Every write names the revision it was based on. A write based on a stale revision is
//!   refused with [`StoreError::Conflict`]: two tabs never silently overwrite each other.
//!
//! This crate does no IO of its own and reads no clock: timestamps are arguments.
//!
//! Two parts are behind cargo features, so they are not part of what the app builds on:
//! `conformance` is the suite every [`Store`] adapter must pass, for the adapters' own tests;
//! `sample` is the seeded generator of realistic bundles, for `lens generate`, benchmarks, tests
//! and demonstrations.

pub mod amendment_draft;
pub mod audit_record;
mod audits;
pub mod bundle;
#[cfg(any(test, feature = "conformance"))]
pub mod conformance;
pub mod council_codebook;
pub mod council_templates;
pub mod csv_export;
pub mod device_log;
mod error;
#[cfg(any(test, feature = "conformance"))]
pub mod faults;
pub mod import;
mod latest;
mod memory;
pub mod moderation_record;
pub mod moderation_sample;
mod moderations;
pub mod qa_report;
mod record;
pub mod report_export;
#[cfg(feature = "sample")]
pub mod sample;
mod store;
pub mod template_document;

#[cfg(test)]
mod golden_tests;

pub use audits::{list_audits, list_audits_in_steps, load_audit, save_audit, Versioned};
pub use error::StoreError;
pub use memory::MemoryStore;
pub use moderations::{list_moderations, save_moderation};
pub use record::{Expected, RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
pub use store::Store;
