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

/// Why a save failed and what to do, in words a person can act on. The browser's own message
/// is kept only where it adds something.
pub(crate) fn why_not_saved(error: &StoreError) -> String {
    match error {
        StoreError::Backend { name, .. } if name == "QuotaExceededError" => {
            "this device has no space left for Practice Lens's data. Free some space (for example, delete files you no longer need), then choose \"Try saving again\". What you typed stays on this page until then, and you can download it now to keep a copy.".to_owned()
        }
        StoreError::Backend { name, .. } if name == "VersionError" => {
            "Practice Lens was updated in another tab or window, so this page can no longer save. Download this audit to keep what you typed, then reload the page and open it again.".to_owned()
        }
        StoreError::Backend { name, .. } if name == "InvalidStateError" || name == "UnknownError" => {
            "the browser closed its storage for this page and Practice Lens could not open it again. Choose \"Try saving again\". If that fails too, download this audit to keep what you typed, then reload the page.".to_owned()
        }
        StoreError::Backend { message, .. } => format!(
            "the browser could not save ({message}). Choose \"Try saving again\". If that fails too, download this audit to keep what you typed."
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_save_says_what_to_do_in_words_without_the_browser_s_error_names() {
        let full = why_not_saved(&StoreError::backend("QuotaExceededError", "The quota has been exceeded"));
        assert!(full.contains("no space left") && full.contains("Try saving again"), "{full}");
        let closed =
            why_not_saved(&StoreError::backend("InvalidStateError", "The database connection is closing"));
        assert!(closed.contains("download this audit"), "{closed}");
        for words in [full, closed] {
            assert!(!words.contains("Error"), "{words}");
        }
    }
}
