//! The serde layout of bundle version 1 (docs/bundle-format.md).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::audit_record::AuditRecordV3;
use crate::moderation_record::ModerationRecordV1;

/// A bundle as version 1 writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleV1 {
    /// Always `practice-lens-bundle`.
    pub format: String,
    /// Always 1.
    pub format_version: u32,
    /// When the bundle was made.
    pub exported_at: DateTime<Utc>,
    /// Template documents the audits were made with, as `docs/template-format.md` describes.
    #[serde(default)]
    pub templates: Vec<serde_json::Value>,
    /// Audits with their revisions.
    #[serde(default)]
    pub audits: Vec<BundledAuditV1>,
    /// Moderations with their revisions.
    #[serde(default)]
    pub moderations: Vec<BundledModerationV1>,
}

/// One audit in a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledAuditV1 {
    /// Its revision on the device that exported it.
    pub revision: u64,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
    /// The audit, in audit record schema 3.
    pub audit: AuditRecordV3,
}

/// One moderation in a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledModerationV1 {
    /// Its revision on the device that exported it.
    pub revision: u64,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
    /// The moderation, in moderation record schema 1.
    pub moderation: ModerationRecordV1,
}
