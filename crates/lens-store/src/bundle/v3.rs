//! The serde layout of bundle version 3 (docs/bundle-format.md): version 2 with audits in
//! audit record schema 4, which adds the follow-up recorded as events. No longer read: version
//! 4's layout reads version 3 documents too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::v2::BundledModerationV2;
use crate::audit_record::AuditRecordV4;

/// A bundle as version 3 writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleV3 {
    /// Always `practice-lens-bundle`.
    pub format: String,
    /// 3 (or 1 or 2, read with this layout).
    pub format_version: u32,
    /// When the bundle was made.
    pub exported_at: DateTime<Utc>,
    /// Template documents the audits were made with, as `docs/template-format.md` describes.
    #[serde(default)]
    pub templates: Vec<serde_json::Value>,
    /// Audits with their revisions.
    #[serde(default)]
    pub audits: Vec<BundledAuditV3>,
    /// Moderations with their revisions, in moderation record schema 2 as in version 2.
    #[serde(default)]
    pub moderations: Vec<BundledModerationV2>,
}

/// One audit in a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledAuditV3 {
    /// Its revision on the device that exported it.
    pub revision: u64,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
    /// The audit, in audit record schema 4.
    pub audit: AuditRecordV4,
}
