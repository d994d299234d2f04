//! An amendment of a submitted audit while it is being written: the changed copy, who is
//! amending and why. It is kept apart from the audit, which changes only when the amendment is
//! saved whole, so that a reload or a closed tab loses none of the typing.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: who, why, and the revised audit in audit record schema 3, or nothing once the
//!   amendment is saved or cancelled.
//! - 2: the same with the revised audit in audit record schema 4, which carries the follow-up
//!   events. A version 1 draft opens with none.
//! - 3 (current): the revised audit in audit record schema 5, which adds the findings events.
//!   A version 2 draft opens unchanged.

use chrono::{DateTime, Utc};
use lens_core::{Audit, AuditId};
use serde::{Deserialize, Serialize};

use crate::audit_record::{audit_from_record, audit_to_record, AuditRecordV3, AuditRecordV4, AuditRecordV5};
use crate::error::StoreError;
use crate::latest::{not_newer, put_latest};
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
use crate::store::Store;

/// The schema version amendment drafts are written in.
pub const CURRENT_AMENDMENT_DRAFT_SCHEMA: u32 = 3;

/// An amendment being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentDraft {
    /// The audit as the amender has changed it so far.
    pub revised: Audit,
    /// Who is amending.
    pub by: String,
    /// Why.
    pub reason: String,
}

/// The draft as schema version 1 stores it; `revised` is empty once the draft is finished with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmendmentDraftV1 {
    #[serde(default)]
    by: String,
    #[serde(default)]
    reason: String,
    revised: Option<AuditRecordV3>,
}

/// The draft as schema version 2 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmendmentDraftV2 {
    #[serde(default)]
    by: String,
    #[serde(default)]
    reason: String,
    revised: Option<AuditRecordV4>,
}

/// The draft as schema version 3 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmendmentDraftV3 {
    #[serde(default)]
    by: String,
    #[serde(default)]
    reason: String,
    revised: Option<AuditRecordV5>,
}

impl From<AmendmentDraftV1> for AmendmentDraftV2 {
    fn from(old: AmendmentDraftV1) -> Self {
        Self { by: old.by, reason: old.reason, revised: old.revised.map(AuditRecordV4::from) }
    }
}

impl From<AmendmentDraftV2> for AmendmentDraftV3 {
    fn from(old: AmendmentDraftV2) -> Self {
        Self { by: old.by, reason: old.reason, revised: old.revised.map(AuditRecordV5::from) }
    }
}

fn draft_key(audit: &AuditId) -> RecordKey {
    RecordKey::new(RecordKind::AmendmentDraft, audit.as_str())
}

fn decode(record: &StoredRecord, audit: &AuditId) -> Result<Option<AmendmentDraft>, StoreError> {
    not_newer(CURRENT_AMENDMENT_DRAFT_SCHEMA)(record)?;
    let corrupt = |reason: String| StoreError::Corrupt { key: record.key.clone(), reason };
    let stored: AmendmentDraftV3 = match record.schema_version {
        1 => serde_json::from_str::<AmendmentDraftV1>(&record.body)
            .map(|v1| AmendmentDraftV3::from(AmendmentDraftV2::from(v1))),
        2 => serde_json::from_str::<AmendmentDraftV2>(&record.body).map(AmendmentDraftV3::from),
        _ => serde_json::from_str(&record.body),
    }
    .map_err(|error| corrupt(error.to_string()))?;
    let Some(revised) = stored.revised else { return Ok(None) };
    let revised = audit_from_record(revised).map_err(corrupt)?;
    if &revised.id != audit {
        return Err(corrupt(format!("it holds an amendment of audit {}", revised.id)));
    }
    Ok(Some(AmendmentDraft { revised, by: stored.by, reason: stored.reason }))
}

/// The amendment-draft record of an audit: the amendment being written, if any, and the
/// revision the record is at (also when it was cleared), which the next save is based on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftSlot {
    /// The amendment being written, if there is one.
    pub draft: Option<AmendmentDraft>,
    /// The record's revision; `None` when no draft was ever written for the audit.
    pub revision: Option<Revision>,
}

/// The amendment-draft record of `audit`.
pub async fn load_amendment_draft(store: &dyn Store, audit: &AuditId) -> Result<DraftSlot, StoreError> {
    match store.get(&draft_key(audit)).await? {
        Some(record) => Ok(DraftSlot { draft: decode(&record, audit)?, revision: Some(record.revision) }),
        None => Ok(DraftSlot::default()),
    }
}

/// Keeps the amendment as written so far, if the record is still at `base` (the revision this
/// tab last read or wrote). Another tab writing an amendment of the same audit meanwhile makes
/// it [`StoreError::Conflict`], and nothing is overwritten.
pub async fn save_amendment_draft(
    store: &dyn Store,
    draft: &AmendmentDraft,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> Result<Revision, StoreError> {
    let stored = AmendmentDraftV3 {
        by: draft.by.clone(),
        reason: draft.reason.clone(),
        revised: Some(audit_to_record(&draft.revised)),
    };
    // No read first: a record written since `base` (a newer version's included) is a conflict.
    let body = serde_json::to_string(&stored).unwrap_or_default();
    let write = RecordWrite {
        key: draft_key(&draft.revised.id),
        expected: Expected::from_base(base),
        schema_version: CURRENT_AMENDMENT_DRAFT_SCHEMA,
        updated_at: now,
        body,
        carried: None,
    };
    store.put(write).await
}

/// Forgets the amendment of `audit` once it is saved or cancelled.
pub async fn clear_amendment_draft(
    store: &dyn Store,
    audit: &AuditId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let cleared = AmendmentDraftV2 { by: String::new(), reason: String::new(), revised: None };
    let body = serde_json::to_string(&cleared).unwrap_or_default();
    let schema = CURRENT_AMENDMENT_DRAFT_SCHEMA;
    put_latest(store, draft_key(audit), schema, now, &body, not_newer(schema)).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use futures::executor::block_on;
    use lens_core::{NewAudit, TemplateRef};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::MemoryStore;

    fn audit(id: &str) -> Audit {
        let typed = NewAudit { case_reference: "CF-9".into(), auditor: "Sam Patel".into() };
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        typed.start(AuditId::new(id), TemplateRef::new("case-file-audit", 1), day).unwrap()
    }

    #[test]
    fn a_draft_is_kept_until_cleared_and_belongs_to_its_audit_only() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let id = AuditId::new("a1");
        assert_eq!(block_on(load_amendment_draft(&store, &id)).unwrap(), DraftSlot::default());
        let mut revised = audit("a1");
        revised.set_header_value("team", "Assessment East\n\"quoted\"");
        let draft = AmendmentDraft { revised, by: "Jo Bloggs".into(), reason: "Team was wrong".into() };
        let first = block_on(save_amendment_draft(&store, &draft, None, now)).unwrap();
        let slot = block_on(load_amendment_draft(&store, &id)).unwrap();
        assert_eq!(slot, DraftSlot { draft: Some(draft.clone()), revision: Some(first) });
        assert_eq!(block_on(load_amendment_draft(&store, &AuditId::new("a2"))).unwrap().draft, None);
        block_on(clear_amendment_draft(&store, &id, now)).unwrap();
        let cleared = block_on(load_amendment_draft(&store, &id)).unwrap();
        assert_eq!((cleared.draft, cleared.revision.map(Revision::get)), (None, Some(2)));
    }

    #[test]
    fn a_second_tab_writing_the_same_amendment_is_refused_not_overwritten() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let mine = AmendmentDraft { revised: audit("a1"), by: "Jo Bloggs".into(), reason: "Mine".into() };
        let theirs = AmendmentDraft { reason: "Theirs".into(), ..mine.clone() };
        // Both tabs opened the audit with no draft stored; the first to save wins.
        let saved = block_on(save_amendment_draft(&store, &mine, None, now)).unwrap();
        let refused = block_on(save_amendment_draft(&store, &theirs, None, now));
        assert!(matches!(refused, Err(StoreError::Conflict { .. })), "{refused:?}");
        assert_eq!(
            block_on(load_amendment_draft(&store, &AuditId::new("a1"))).unwrap().draft,
            Some(mine.clone())
        );
        // Taking over on purpose is based on the revision now stored.
        block_on(save_amendment_draft(&store, &theirs, Some(saved), now)).unwrap();
    }

    #[test]
    fn a_version_1_draft_opens_and_is_written_again_as_version_2() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let revised = audit("a1");
        let old = AmendmentDraftV1 {
            by: "Jo Bloggs".into(),
            reason: "Team was wrong".into(),
            revised: Some(crate::audit_record::AuditRecordV3 {
                id: "a1".into(),
                template: crate::audit_record::TemplateRefV3 { id: "case-file-audit".into(), version: 1 },
                status: "draft".into(),
                case_reference: "CF-9".into(),
                auditor: "Sam Patel".into(),
                started_on: revised.started_on,
                submitted_on: None,
                header: Default::default(),
                responses: Default::default(),
                overall: None,
                actions: Vec::new(),
                amendments: Vec::new(),
                follow_up: Default::default(),
            }),
        };
        let write = RecordWrite {
            key: draft_key(&revised.id),
            expected: Expected::from_base(None),
            schema_version: 1,
            updated_at: now,
            body: serde_json::to_string(&old).unwrap(),
            carried: None,
        };
        block_on(store.put(write)).unwrap();
        let slot = block_on(load_amendment_draft(&store, &revised.id)).unwrap();
        let draft = slot.draft.clone().expect("the version 1 draft");
        assert_eq!((draft.by.as_str(), &draft.revised), ("Jo Bloggs", &revised));
        block_on(save_amendment_draft(&store, &draft, slot.revision, now)).unwrap();
        let stored = block_on(store.get(&draft_key(&revised.id))).unwrap().unwrap();
        assert_eq!(stored.schema_version, CURRENT_AMENDMENT_DRAFT_SCHEMA);
    }
}
