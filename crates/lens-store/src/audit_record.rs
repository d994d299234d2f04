//! How audits are stored: one body type per schema version, the migrations between them,
//! and the explicit conversions to and from [`lens_core::Audit`].
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: the first layout: template id and version side by side, grades and narratives in two
//!   separate maps keyed by item.
//! - 2 (current): the template as one reference, and one response per item holding its
//!   grade and narrative together, so an item cannot have a grade in one map and lose its
//!   narrative in the other.

mod convert;
mod v1;
mod v2;

pub use convert::{decode_audit, encode_audit};
pub use v1::AuditRecordV1;
pub use v2::{AuditRecordV2, ResponseV2, TemplateRefV2};

/// The schema version new audit records are written in.
pub const CURRENT_AUDIT_SCHEMA: u32 = 2;

#[cfg(test)]
mod tests;
