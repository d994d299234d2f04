//! The serde layout of bundle version 4 (docs/bundle-format.md): version 3 with audits in audit
//! record schema 5, which adds the findings shared and answered as follow-up events. Version 1
//! to 3 documents are read with this layout too: they are the same but for those event kinds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::v2::BundledModerationV2;
use crate::audit_record::AuditRecordV5;

/// A bundle as version 4 writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleV4 {
    /// Always `practice-lens-bundle`.
    pub format: String,
    /// 4 (or 1 to 3, read with this layout).
    pub format_version: u32,
    /// When the bundle was made.
    pub exported_at: DateTime<Utc>,
    /// Template documents the audits were made with, as `docs/template-format.md` describes.
    #[serde(default)]
    pub templates: Vec<serde_json::Value>,
    /// Audits with their revisions.
    #[serde(default)]
    pub audits: Vec<BundledAuditV4>,
    /// Moderations with their revisions, in moderation record schema 2 as in version 2.
    #[serde(default)]
    pub moderations: Vec<BundledModerationV2>,
}

/// One audit in a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledAuditV4 {
    /// Its revision on the device that exported it.
    pub revision: u64,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
    /// The audit, in audit record schema 5.
    pub audit: AuditRecordV5,
}
