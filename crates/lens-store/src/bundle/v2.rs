//! The serde layout of bundle version 2 (docs/bundle-format.md): version 1 with moderations in
//! moderation record schema 2, which adds the moderated overall judgement. A version 1
//! document is read with this layout too: it is the same but for that one optional field.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::v1::BundledAuditV1;
use crate::moderation_record::ModerationRecordV2;

/// A bundle as version 2 writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleV2 {
    /// Always `practice-lens-bundle`.
    pub format: String,
    /// 2 (or 1, read with this layout).
    pub format_version: u32,
    /// When the bundle was made.
    pub exported_at: DateTime<Utc>,
    /// Template documents the audits were made with, as `docs/template-format.md` describes.
    #[serde(default)]
    pub templates: Vec<serde_json::Value>,
    /// Audits with their revisions, in audit record schema 3 as in version 1.
    #[serde(default)]
    pub audits: Vec<BundledAuditV1>,
    /// Moderations with their revisions.
    #[serde(default)]
    pub moderations: Vec<BundledModerationV2>,
}

/// One moderation in a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledModerationV2 {
    /// Its revision on the device that exported it.
    pub revision: u64,
    /// When that revision was saved.
    pub updated_at: DateTime<Utc>,
    /// The moderation, in moderation record schema 2.
    pub moderation: ModerationRecordV2,
}
