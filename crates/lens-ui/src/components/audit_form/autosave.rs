//! Autosave of the audit form.
//!
//! - Each change that alters the draft counts one more generation and shows "Saving…". After
//!   [`AUTOSAVE_PAUSE_MS`] (500 ms) with no newer change, the audit is saved; a change during
//!   the pause starts the pause again, so typing saves once, half a second after the last key.
//! - One save at a time: a save asked for while one is under way is not started beside it;
//!   instead the latest audit is saved again as soon as the first finishes.
//! - Each save is based on the revision the last save wrote. When the store refuses it because
//!   another tab saved a newer revision, the form says so and autosaving stops (no retry, no
//!   overwrite) until the person reloads the saved version or keeps theirs as a copy.
//! - A save that fails otherwise says why, sends `lens-error` with `save-failed`, and the next
//!   change or "Try again" saves again. A saved audit sends `lens-saved` and is handed up.
//! - Submitting or saving an amendment saves at once, without the pause.
//! - While a submitted audit is being amended, changes go to the amendment draft, which is
//!   saved after the same pause as an amendment-draft record (never over the audit) and is
//!   forgotten when the amendment is saved or cancelled.

use std::cell::RefCell;
use std::rc::Rc;

use lens_core::{Audit, AuditProblem};
use lens_store::amendment_draft::{clear_amendment_draft, save_amendment_draft, AmendmentDraft};
use lens_store::{save_audit, RecordKind, Revision, StoreError, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle};

/// The pause after the last change before saving. Short enough that a crash or closed tab
/// loses at most about a second of typing.
pub(crate) const AUTOSAVE_PAUSE_MS: u32 = 500;

/// What the person is told about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SaveStatus {
    /// Nothing changed since the audit was opened.
    Idle,
    Saving,
    /// Saved, at this local time (HH:MM).
    Saved(String),
    Failed(String),
    /// Another tab or window saved this audit since it was opened here.
    Conflict,
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            Self::Idle => String::new(),
            Self::Saving => "Saving…".to_owned(),
            Self::Saved(at) => format!("Saved at {at}"),
            Self::Failed(reason) => format!("Not saved: {reason}"),
            Self::Conflict => "Not saved: this audit was changed in another tab or window".to_owned(),
        }
    }
}

/// A submitted audit being amended: the changed copy, who is amending and why. It is kept apart
/// from the saved audit until the amendment is saved whole, and saved as a draft as it is typed.
pub(crate) type AmendDraft = AmendmentDraft;

/// Everything the form holds between renders.
pub(crate) struct FormState {
    pub audit: Audit,
    /// The revision the next save is based on; `None` for an audit not yet saved.
    pub base: Option<Revision>,
    pub status: SaveStatus,
    /// Counts changes, so a pause that ends after a newer change does not save early.
    pub generation: u64,
    in_flight: bool,
    again: bool,
    /// Problems found when the person last tried to submit.
    pub problems: Vec<AuditProblem>,
    /// Counts attempts to submit, so focus moves to the error summary each time.
    pub attempt: u32,
    /// The amendment being written, if any.
    pub amending: Option<AmendDraft>,
    /// Whether that amendment was left unfinished earlier and opened again.
    pub restored_amendment: bool,
}

impl FormState {
    pub fn new(opened: &Versioned<Audit>) -> Self {
        Self {
            audit: opened.value.clone(),
            base: Some(opened.revision),
            status: SaveStatus::Idle,
            generation: 0,
            in_flight: false,
            again: false,
            problems: Vec::new(),
            attempt: 0,
            amending: None,
            restored_amendment: false,
        }
    }
}

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
    /// Saves after the pause, unless another change comes first.
    pub fn save_after_pause(&self) {
        let generation = self.state.borrow().generation;
        let saver = self.clone();
        spawn_local(async move {
            saver.platform.pause(AUTOSAVE_PAUSE_MS).await;
            if saver.state.borrow().generation == generation {
                saver.save_now();
            }
        });
    }

    /// Saves the amendment being written after the pause, unless another change comes first or
    /// the amendment is saved or cancelled in the meantime.
    pub fn save_draft_after_pause(&self) {
        let generation = self.state.borrow().generation;
        let saver = self.clone();
        spawn_local(async move {
            saver.platform.pause(AUTOSAVE_PAUSE_MS).await;
            let draft = {
                let state = saver.state.borrow();
                match &state.amending {
                    Some(draft) if state.generation == generation => draft.clone(),
                    _ => return,
                }
            };
            let now = saver.platform.now();
            let result = save_amendment_draft(&*saver.store.store, &draft, now.to_utc()).await;
            {
                let mut state = saver.state.borrow_mut();
                if state.amending.is_none() || state.generation != generation {
                    return;
                }
                state.status = match result {
                    Ok(()) => SaveStatus::Saved(now.format("%H:%M").to_string()),
                    Err(error) => SaveStatus::Failed(error.to_string()),
                };
            }
            saver.rerender.force_update();
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
                let (audit, base) = {
                    let mut state = saver.state.borrow_mut();
                    if state.status == SaveStatus::Conflict {
                        return;
                    }
                    if state.in_flight {
                        state.again = true;
                        return;
                    }
                    state.in_flight = true;
                    state.status = SaveStatus::Saving;
                    (state.audit.clone(), state.base)
                };
                saver.rerender.force_update();
                let now = saver.platform.now();
                let result = save_audit(&*saver.store.store, &audit, base, now.to_utc()).await;
                let again = {
                    let mut state = saver.state.borrow_mut();
                    state.in_flight = false;
                    match result {
                        Ok(saved) => {
                            state.base = Some(saved.revision);
                            state.status = SaveStatus::Saved(now.format("%H:%M").to_string());
                            saver.platform.emit(LensEvent::Saved {
                                kind: RecordKind::Audit,
                                id: saved.value.id.to_string(),
                                revision: saved.revision.get(),
                            });
                            saver.onsaved.emit(saved);
                        }
                        Err(StoreError::Conflict { .. }) => {
                            state.status = SaveStatus::Conflict;
                            state.again = false;
                        }
                        Err(error) => {
                            let message = error.to_string();
                            saver.platform.emit(LensEvent::Error {
                                code: ErrorCode::SaveFailed,
                                message: message.clone(),
                            });
                            state.status = SaveStatus::Failed(message);
                        }
                    }
                    std::mem::take(&mut state.again)
                };
                saver.rerender.force_update();
                if !again {
                    return;
                }
            }
        });
    }
}
