//! Autosave of the audit form.
//!
//! - Each change that alters the draft counts one more generation and shows "Saving…". After
//!   [`AUTOSAVE_PAUSE_MS`] (500 ms) with no newer change, the audit is saved; a change during
//!   the pause starts the pause again. Typing that never pauses is still saved: the first change
//!   after a save sets a deadline, and [`AUTOSAVE_LONGEST_WAIT_MS`] (2 s) later whatever is
//!   typed by then is saved, so a crash loses at most about two seconds of typing.
//! - When the page is hidden (another tab, the window minimised, the page closing) anything
//!   unsaved is saved at once, and while anything is unsaved the browser asks before the page
//!   is left.
//! - One save at a time: a save asked for while one is under way is not started beside it;
//!   instead the latest audit is saved again as soon as the first finishes.
//! - "Saved at" means what is on screen is what is stored: a save that finishes after a newer
//!   change leaves "Saving…" until that change is saved too. In memory-only mode the form
//!   never says "Saved".
//! - Each save is based on the revision the last save wrote. When the store refuses it because
//!   another tab saved a newer revision, the form says so and autosaving stops (no retry, no
//!   overwrite) until the person reloads the saved version or keeps theirs as a copy. When the
//!   browser's stored data was deleted under the page, the form says so, offers the audit's
//!   download first, and saves it again only when asked.
//! - A save that fails otherwise says why and what to do (`saving::why_not_saved`), offers the
//!   download, sends `lens-error` with `save-failed`, and the next change or "Try saving
//!   again" saves again; the store reopens a connection the browser closed. A saved audit
//!   sends `lens-saved` and is handed up.
//! - Submitting or saving an amendment saves at once, without the pause.
//! - While a submitted audit is being amended, changes go to the amendment draft, which is
//!   saved after the same pause (and deadline) as an amendment-draft record (never over the
//!   audit) and is forgotten when the amendment is saved or cancelled.

use std::cell::RefCell;
use std::rc::Rc;

use lens_core::Audit;
use lens_store::amendment_draft::{
    clear_amendment_draft, load_amendment_draft, save_amendment_draft, DraftSlot,
};
use lens_store::{StoreError, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub(crate) use super::form_state::{AmendDraft, FormState, SaveStatus};
use crate::components::saving::{save_and_announce, why_not_saved};
use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle};

/// The pause after the last change before saving. Short enough that a crash or closed tab
/// loses at most about a second of typing.
pub(crate) const AUTOSAVE_PAUSE_MS: u32 = 500;

/// The longest typing goes unsaved while it carries on without a pause.
pub(crate) const AUTOSAVE_LONGEST_WAIT_MS: u32 = 2_000;

/// What a save needs from the component.
#[derive(Clone)]
pub(crate) struct Saver {
    pub state: Rc<RefCell<FormState>>,
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    pub rerender: UseForceUpdateHandle,
    pub onsaved: Callback<Versioned<Audit>>,
}

impl Saver {
    /// Saves after the pause, unless another change comes first, and at the longest wait
    /// however fast the typing goes on.
    pub fn save_after_pause(&self) {
        let generation = self.state.borrow().generation;
        let saver = self.clone();
        spawn_local(async move {
            saver.platform.pause(AUTOSAVE_PAUSE_MS).await;
            if saver.state.borrow().generation == generation {
                saver.save_now();
            }
        });
        self.arm_deadline();
    }

    /// Saves the amendment being written after the pause, unless another change comes first or
    /// the amendment is saved or cancelled in the meantime.
    pub fn save_draft_after_pause(&self) {
        let generation = self.state.borrow().generation;
        let saver = self.clone();
        spawn_local(async move {
            saver.platform.pause(AUTOSAVE_PAUSE_MS).await;
            if saver.state.borrow().generation == generation {
                saver.save_draft_now();
            }
        });
        self.arm_deadline();
    }

    fn arm_deadline(&self) {
        if !self.state.borrow_mut().arm_deadline() {
            return;
        }
        let saver = self.clone();
        spawn_local(async move {
            saver.platform.pause(AUTOSAVE_LONGEST_WAIT_MS).await;
            if saver.state.borrow_mut().deadline_reached() {
                saver.save_pending();
            }
        });
    }

    /// Saves whatever is unsaved at once: the page is being hidden or closed.
    pub fn flush(&self) {
        // A save that may not start (a conflict, deleted data) is refused by the save itself.
        let pending = self.state.borrow().status.unsaved();
        if pending {
            self.save_pending();
        }
    }

    /// Saves what is waiting now: the amendment draft while amending, else the audit.
    pub fn save_pending(&self) {
        if self.state.borrow().amending.is_some() {
            self.save_draft_now();
        } else {
            self.save_now();
        }
    }

    fn save_draft_now(&self) {
        let Some((draft, generation, base)) = self.state.borrow_mut().draft_save_started() else { return };
        let saver = self.clone();
        spawn_local(async move {
            let now = saver.platform.now();
            let store = &*saver.store.store;
            let again = match save_amendment_draft(store, &draft, base, now.to_utc()).await {
                Ok(revision) => {
                    let at = now.format("%H:%M").to_string();
                    saver.state.borrow_mut().draft_saved(generation, Ok((revision, at)))
                }
                Err(StoreError::Conflict { .. }) => {
                    match load_amendment_draft(store, &draft.revised.id).await {
                        // Only this tab's finished amendment was there: save on top of it.
                        Ok(DraftSlot { draft: None, revision }) => {
                            saver.state.borrow_mut().draft_base_moved(revision);
                            true
                        }
                        _ => {
                            saver.state.borrow_mut().draft_refused_by_other_tab();
                            false
                        }
                    }
                }
                Err(error) => saver.state.borrow_mut().draft_saved(generation, Err(why_not_saved(&error))),
            };
            saver.rerender.force_update();
            if again {
                saver.save_draft_now();
            }
        });
    }

    /// Forgets the amendment draft of this audit, once the amendment is saved or cancelled.
    pub fn clear_draft(&self) {
        let saver = self.clone();
        spawn_local(async move {
            let id = saver.state.borrow().audit.id.clone();
            let now = saver.platform.now().to_utc();
            if let Err(error) = clear_amendment_draft(&*saver.store.store, &id, now).await {
                saver
                    .platform
                    .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: error.to_string() });
            }
        });
    }

    /// Saves the current audit now, or right after the save under way.
    pub fn save_now(&self) {
        let saver = self.clone();
        spawn_local(async move {
            loop {
                let Some((audit, base)) = saver.state.borrow_mut().save_started() else { return };
                saver.rerender.force_update();
                let now = saver.platform.now();
                let result = save_and_announce(
                    &saver.store,
                    &saver.platform,
                    &audit,
                    base,
                    now.to_utc(),
                    &saver.onsaved,
                )
                .await;
                let again = match result {
                    Ok(saved) => {
                        saver.state.borrow_mut().saved(saved.revision, now.format("%H:%M").to_string())
                    }
                    Err(StoreError::Conflict { .. }) => {
                        saver.state.borrow_mut().refused_by_other_tab();
                        false
                    }
                    Err(error @ StoreError::Deleted { .. }) => {
                        saver.platform.emit(LensEvent::Error {
                            code: ErrorCode::SaveFailed,
                            message: error.to_string(),
                        });
                        saver.state.borrow_mut().storage_deleted();
                        false
                    }
                    Err(error) => {
                        let message = why_not_saved(&error);
                        saver
                            .platform
                            .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: message.clone() });
                        saver.state.borrow_mut().save_failed(message)
                    }
                };
                saver.rerender.force_update();
                if !again {
                    return;
                }
            }
        });
    }
}
