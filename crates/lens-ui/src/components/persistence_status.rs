//! One sentence on whether the browser will keep what is saved here.

use crate::ports::{Persistence, StorageKind};

/// The sentence for a storage kind and persistence state.
pub(crate) fn persistence_sentence(kind: &StorageKind, persistence: &Persistence) -> &'static str {
    match (kind, persistence) {
        (StorageKind::Memory { .. }, _) => "Data is held in this page only and is lost when it closes.",
        (StorageKind::IndexedDb, Persistence::Persistent) => {
            "Saved on this device. The browser has agreed to keep it until you clear it."
        }
        (StorageKind::IndexedDb, Persistence::BestEffort) => {
            "Saved on this device. The browser may clear it if the device runs short of space, so export your work regularly."
        }
        (StorageKind::IndexedDb, Persistence::Unknown) => {
            "Saved on this device. This browser does not say whether it will keep it, so export your work regularly."
        }
    }
}
