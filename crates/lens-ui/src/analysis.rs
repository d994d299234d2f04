//! Asking the analysis worker from a screen: where it should read the records from.

use lens_analysis::protocol::{DataSource, RecordMessage};
use lens_store::RecordKind;

use crate::ports::{OpenedStore, StorageKind};

/// Where the worker finds this store's records: the database it can open itself, or, when
/// the page runs on memory only, a copy of the audit and moderation records.
pub(crate) async fn data_source(store: &OpenedStore) -> DataSource {
    match store.kind {
        StorageKind::IndexedDb => DataSource::Database { name: store.db_name.clone() },
        StorageKind::Memory { .. } => {
            let mut records = Vec::new();
            for kind in [RecordKind::Audit, RecordKind::Moderation] {
                if let Ok(stored) = store.store.list(kind).await {
                    records.extend(stored.iter().map(RecordMessage::from));
                }
            }
            DataSource::Records { records }
        }
    }
}
