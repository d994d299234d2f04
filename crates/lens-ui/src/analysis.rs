//! Asking the analysis worker from a screen: where it should read the records from.

use lens_analysis::protocol::{DataSource, RecordMessage};
use lens_store::RecordKind;

use crate::app::Session;
use crate::ports::{OpenedStore, StorageKind};

/// Where the worker finds this store's records: the database it can open itself, or, when
/// the page runs on memory only, a copy of the audit, moderation and template records.
pub(crate) async fn data_source(store: &OpenedStore) -> DataSource {
    match store.kind {
        StorageKind::IndexedDb => DataSource::Database { name: store.db_name.clone() },
        StorageKind::Memory { .. } => {
            let mut records = Vec::new();
            for kind in
                [RecordKind::Audit, RecordKind::Moderation, RecordKind::Template, RecordKind::Codebook]
            {
                if let Ok(stored) = store.store.list(kind).await {
                    records.extend(stored.iter().map(RecordMessage::from));
                }
            }
            DataSource::Records { records }
        }
    }
}

/// Where the worker finds the session's records, named by a fingerprint of them when they are
/// in the database: a dashboard or report asked again over the same records is then answered
/// from what the worker decoded last time, and anything saved, imported or reloaded changes it.
pub(crate) async fn snapshot_source(session: &Session) -> DataSource {
    match session.store.kind {
        StorageKind::IndexedDb => {
            DataSource::Snapshot { name: session.store.db_name.clone(), snapshot: fingerprint(session) }
        }
        StorageKind::Memory { .. } => data_source(&session.store).await,
    }
}

/// A fingerprint of every audit and moderation record the session holds, and its codebook
/// record (kind, id, revision), the same whatever their order.
fn fingerprint(session: &Session) -> u64 {
    let audits = session.audits.iter().map(|audit| ("audit", audit.value.id.as_str(), audit.revision.get()));
    let moderations = session
        .moderations
        .iter()
        .map(|moderation| ("moderation", moderation.value.id.as_str(), moderation.revision.get()));
    // The codebook the narratives are read with is part of what the worker keeps.
    let codebook = session.codebook.iter().map(|kept| ("codebook", "council", kept.revision.get()));
    records_fingerprint(audits.chain(moderations).chain(codebook))
}

/// The order-free fingerprint of records given as (kind, id, revision).
fn records_fingerprint<'a>(records: impl Iterator<Item = (&'a str, &'a str, u64)>) -> u64 {
    let (mut sum, mut count) = (0_u64, 0_u64);
    for (kind, id, revision) in records {
        // FNV-1a over the kind, the id and the revision, each record on its own.
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        for byte in kind.bytes().chain([0]).chain(id.bytes()).chain([0]).chain(revision.to_le_bytes()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        sum = sum.wrapping_add(hash);
        count += 1;
    }
    sum ^ count.rotate_left(32)
}

#[cfg(test)]
mod tests {
    use super::records_fingerprint;

    #[test]
    fn the_fingerprint_changes_with_any_revision_id_or_record_and_not_with_order() {
        let base = [("audit", "a-1", 1), ("audit", "a-2", 3), ("moderation", "a-1", 1)];
        let of = |records: &[(&'static str, &'static str, u64)]| records_fingerprint(records.iter().copied());
        let first = of(&base);
        assert_eq!(first, of(&[base[2], base[0], base[1]]), "order does not matter");
        assert_ne!(first, of(&[base[0], ("audit", "a-2", 4), base[2]]), "a new revision");
        assert_ne!(first, of(&[base[0], base[1]]), "a record fewer");
        assert_ne!(first, of(&[base[0], base[1], ("audit", "a-1", 1)]), "a moderation is not an audit");
        assert_ne!(of(&[]), of(&[("audit", "", 1)]));
    }
}
