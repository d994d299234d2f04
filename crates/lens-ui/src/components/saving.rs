//! Saving an audit the way every screen does: save it, tell the host page with `lens-saved`,
//! and hand the saved copy up. What a failure means differs by screen, so callers handle it.

use chrono::{DateTime, Utc};
use lens_core::Audit;
use lens_store::{save_audit, RecordKind, Revision, StoreError, Versioned};
use yew::Callback;

use crate::ports::{LensEvent, OpenedStore, PlatformHandle};

/// Saves `audit` on `base`; once saved, announces it and emits it on `onsaved`.
pub(crate) async fn save_and_announce(
    store: &OpenedStore,
    platform: &PlatformHandle,
    audit: &Audit,
    base: Option<Revision>,
    now: DateTime<Utc>,
    onsaved: &Callback<Versioned<Audit>>,
) -> Result<Versioned<Audit>, StoreError> {
    let saved = save_audit(&*store.store, audit, base, now).await?;
    platform.emit(LensEvent::Saved {
        kind: RecordKind::Audit,
        id: saved.value.id.to_string(),
        revision: saved.revision.get(),
    });
    onsaved.emit(saved.clone());
    Ok(saved)
}
