//! Reading and saving moderations through any [`Store`].

use chrono::{DateTime, Utc};
use lens_core::Moderation;

use crate::audits::Versioned;
use crate::error::StoreError;
use crate::moderation_record::{decode_moderation, encode_moderation, CURRENT_MODERATION_SCHEMA};
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision};
use crate::store::Store;

/// Every moderation in the store, by moderation day then id, with a problem for each record that
/// could not be read.
pub async fn list_moderations(
    store: &dyn Store,
) -> Result<(Vec<Versioned<Moderation>>, Vec<StoreError>), StoreError> {
    let mut moderations = Vec::new();
    let mut problems = Vec::new();
    for record in store.list(RecordKind::Moderation).await? {
        match decode_moderation(&record) {
            Ok(value) => moderations.push(Versioned {
                value,
                revision: record.revision,
                updated_at: record.updated_at,
            }),
            Err(problem) => problems.push(problem),
        }
    }
    moderations.sort_by(|a, b| (a.value.moderated_on, &a.value.id).cmp(&(b.value.moderated_on, &b.value.id)));
    Ok((moderations, problems))
}

/// Saves a moderation in the current format; `base` is the revision it was read at (`None` for a
/// new one). A moderation changed elsewhere since is not overwritten: [`StoreError::Conflict`].
pub async fn save_moderation(
    store: &dyn Store,
    moderation: &Moderation,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> Result<Versioned<Moderation>, StoreError> {
    let write = RecordWrite {
        key: RecordKey::new(RecordKind::Moderation, moderation.id.as_str()),
        expected: Expected::from_base(base),
        schema_version: CURRENT_MODERATION_SCHEMA,
        updated_at: now,
        body: encode_moderation(moderation),
        carried: None,
    };
    let revision = store.put(write).await?;
    Ok(Versioned { value: moderation.clone(), revision, updated_at: now })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{NaiveDate, TimeZone};
    use futures::executor::block_on;
    use lens_core::{AuditId, ModeratedItem};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::MemoryStore;

    fn moderation(id: &str, day: u32) -> Moderation {
        let graded = ModeratedItem {
            moderator_grade: Some("RI".into()),
            agreed_grade: Some("RI".into()),
            rationale: "Risk assessed late".into(),
        };
        Moderation {
            id: id.into(),
            audit: AuditId::new(format!("audit-{id}")),
            moderator: "M. Moderator".into(),
            moderated_on: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            items: BTreeMap::from([("risk".to_owned(), graded.clone())]),
            overall: graded,
            feedback: "Clear narrative".into(),
        }
    }

    #[test]
    fn saved_moderations_list_by_day_and_a_stale_save_changes_nothing() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let later = block_on(save_moderation(&store, &moderation("b", 9), None, now)).unwrap();
        block_on(save_moderation(&store, &moderation("a", 12), None, now)).unwrap();
        let (listed, problems) = block_on(list_moderations(&store)).unwrap();
        assert!(problems.is_empty());
        let ids: Vec<&str> = listed.iter().map(|saved| saved.value.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(listed[0].value, later.value);

        let mut changed = moderation("b", 9);
        changed.feedback = "Changed".into();
        let stale = block_on(save_moderation(&store, &changed, None, now));
        assert!(matches!(stale, Err(StoreError::Conflict { .. })));
        let (listed, _) = block_on(list_moderations(&store)).unwrap();
        assert_eq!(listed[0].value.feedback, "Clear narrative");
    }
}
