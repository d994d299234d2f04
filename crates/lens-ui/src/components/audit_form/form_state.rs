//! What the audit form holds between renders, and every change to it as a plain transition:
//! edits, the steps of a save, submitting, amending. No yew here, so each is tested natively;
//! `autosave.rs` runs the saves and renders after each transition.

use std::collections::BTreeMap;

use lens_core::{ActionField, Audit, AuditId, AuditProblem, ProblemTarget};
use lens_store::amendment_draft::AmendmentDraft;
use lens_store::{Revision, Versioned};

use super::edit::{apply, ActionPart, Edit};
use crate::components::form::TypedDate;

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
    /// The browser's stored data was deleted while the audit was open: only this page holds it.
    Deleted,
}

impl SaveStatus {
    /// Whether autosave waits for the person to choose what to do (no save starts on its own).
    pub fn holds_saving(&self) -> bool {
        matches!(self, Self::Conflict | Self::Deleted)
    }

    /// Whether something on screen is not yet stored: leaving now would lose it.
    pub fn unsaved(&self) -> bool {
        !matches!(self, Self::Idle | Self::Saved(_))
    }
}

/// Where the person is in finishing a draft: writing it, checking every answer before it locks
/// (the GOV.UK "Check your answers" pattern), or just past submitting it in this page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Editing,
    Checking,
    JustSubmitted,
}

/// The element ids focused when the form moves on: the check page's heading, the panel saying
/// the audit was submitted.
pub(crate) const CHECK_TITLE_ID: &str = "lens-check-title";
pub(crate) const SUBMITTED_TITLE_ID: &str = "lens-submitted-title";

/// A submitted audit being amended: the changed copy, who is amending and why. It is kept apart
/// from the saved audit until the amendment is saved whole, and saved as a draft as it is typed.
pub(crate) type AmendDraft = AmendmentDraft;

/// What an edit changed, and so what is to be saved after the pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edited {
    /// Nothing: the value was already so.
    Nothing,
    /// The audit.
    Audit,
    /// The amendment being written.
    AmendmentDraft,
    /// Only what is shown: a due date typed in part, which stores nothing until it is a date.
    Shown,
}

/// Everything the form holds between renders.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormState {
    pub audit: Audit,
    /// The revision the next save is based on; `None` for an audit not yet saved.
    pub base: Option<Revision>,
    pub status: SaveStatus,
    /// Counts changes, so a pause that ends after a newer change does not save early.
    pub generation: u64,
    /// The generation of the copy the save under way (or the last save) is writing.
    writing: u64,
    /// The generation of the amendment draft last sent to be saved.
    draft_writing: u64,
    /// The revision of the audit's amendment-draft record the next draft save is based on.
    draft_base: Option<Revision>,
    draft_in_flight: bool,
    draft_again: bool,
    /// Whether a save is due at the longest wait, however fast the typing goes on.
    deadline_armed: bool,
    /// False when the store is the page's memory: then nothing is ever "Saved".
    durable: bool,
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
    pub stage: Stage,
    /// The element to focus once the next render is on screen.
    focus_next: Option<String>,
    /// Due dates as typed, by action id. An action stores only a real date, so a date being
    /// typed is held here until it is one, and "Saved" says it is not saved yet.
    pub due_typed: BTreeMap<String, String>,
}

impl FormState {
    /// The form for `opened`; `durable` is false when the store is the page's memory.
    pub fn new(opened: &Versioned<Audit>, durable: bool) -> Self {
        Self {
            audit: opened.value.clone(),
            base: Some(opened.revision),
            status: SaveStatus::Idle,
            generation: 0,
            writing: 0,
            draft_writing: 0,
            draft_base: None,
            draft_in_flight: false,
            draft_again: false,
            deadline_armed: false,
            durable,
            in_flight: false,
            again: false,
            problems: Vec::new(),
            attempt: 0,
            amending: None,
            restored_amendment: false,
            stage: Stage::Editing,
            focus_next: None,
            due_typed: BTreeMap::new(),
        }
    }

    /// The audit edits go to: the amendment being written, or the draft.
    fn edited(&self) -> &Audit {
        self.amending.as_ref().map_or(&self.audit, |draft| &draft.revised)
    }

    /// The positions of actions whose due date, as typed, is not yet a real date.
    pub fn unfinished_due_dates(&self) -> Vec<usize> {
        let audit = self.edited();
        audit
            .actions
            .iter()
            .enumerate()
            .filter(|(_, action)| {
                self.due_typed
                    .get(&action.id)
                    .is_some_and(|typed| TypedDate::read(typed) == TypedDate::NotADate)
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// `problems` with each due date typed but not a real date said as such (the audit itself
    /// only knows that no date is stored).
    pub fn with_unfinished_dates(&self, mut problems: Vec<AuditProblem>) -> Vec<AuditProblem> {
        for index in self.unfinished_due_dates() {
            let target = ProblemTarget::Action(index, ActionField::DueOn);
            let message =
                format!("When action {} is due must be a real date, for example 27 3 2026", index + 1);
            match problems.iter_mut().find(|problem| problem.target == target) {
                Some(problem) => problem.message = message,
                None => problems.push(AuditProblem { target, message }),
            }
        }
        problems
    }

    /// The person asked to go on to check their answers; `problems` are what stops the draft
    /// being submitted. With none, the check page opens; otherwise they go to the error
    /// summary. True when the check page opens.
    pub fn answers_checked(&mut self, problems: Vec<AuditProblem>) -> bool {
        if problems.is_empty() {
            self.problems.clear();
            self.stage = Stage::Checking;
            self.focus_next = Some(CHECK_TITLE_ID.to_owned());
            true
        } else {
            self.problems = problems;
            self.attempt += 1;
            false
        }
    }

    /// From the check page, back to the form at the element `element_id` to change it.
    pub fn change_answer(&mut self, element_id: &str) {
        self.stage = Stage::Editing;
        self.focus_next = Some(element_id.to_owned());
    }

    /// The element to focus now that the render asked for is on screen, once.
    pub fn take_focus(&mut self) -> Option<String> {
        self.focus_next.take()
    }

    /// Applies a change the person made. While amending, it goes to the amendment draft: the
    /// audit changes only when the amendment is saved whole.
    pub fn edit(&mut self, edit: Edit) -> Edited {
        let mut shown_changed = false;
        if let Edit::Action(index, ActionPart::DueOn, typed) = &edit {
            if let Some(action) = self.edited().actions.get(*index) {
                let id = action.id.clone();
                shown_changed = self.due_typed.insert(id, typed.clone()).as_ref() != Some(typed);
            }
        }
        if let Some(draft) = self.amending.as_mut() {
            apply(&mut draft.revised, edit);
            self.generation += 1;
            self.status = SaveStatus::Saving;
            return Edited::AmendmentDraft;
        }
        if !apply(&mut self.audit, edit) {
            return if shown_changed { Edited::Shown } else { Edited::Nothing };
        }
        self.generation += 1;
        // "Saved at" only ever means that everything typed so far is saved.
        if !self.status.holds_saving() {
            self.status = SaveStatus::Saving;
        }
        Edited::Audit
    }

    /// What the person is told about saving, in words.
    pub fn status_text(&self) -> String {
        let what = if self.amending.is_some() { "Amendment draft" } else { "Saved" };
        match (&self.status, self.durable) {
            (SaveStatus::Idle, _) => String::new(),
            (SaveStatus::Saving, _) => "Saving…".to_owned(),
            (SaveStatus::Saved(at), true) if self.amending.is_some() => format!("{what} saved at {at}"),
            (SaveStatus::Saved(at), true) if !self.unfinished_due_dates().is_empty() => {
                format!("Saved at {at}, except a due date that is not yet a real date")
            }
            (SaveStatus::Saved(at), true) => format!("Saved at {at}"),
            (SaveStatus::Saved(at), false) => format!(
                "Not saved on this device: kept in this page only (last at {at}). Download it before you close the page."
            ),
            (SaveStatus::Failed(reason), _) => format!("Not saved: {reason}"),
            (SaveStatus::Conflict, _) if self.amending.is_some() => {
                "Not saved: this amendment is also being written in another tab or window".to_owned()
            }
            (SaveStatus::Conflict, _) => "Not saved: this audit was changed in another tab or window".to_owned(),
            (SaveStatus::Deleted, _) => {
                "Not saved: the data kept in this browser was deleted. This page still holds the audit.".to_owned()
            }
        }
    }

    /// Whether something on screen is not yet stored, so leaving the page would lose it.
    pub fn unsaved(&self) -> bool {
        self.status.unsaved()
            || (!self.durable && self.generation > 0)
            || !self.unfinished_due_dates().is_empty()
    }

    /// Asks for a save at the longest wait after this change; false when one is already due.
    pub fn arm_deadline(&mut self) -> bool {
        !std::mem::replace(&mut self.deadline_armed, true)
    }

    /// The longest wait has passed: true when changes since the last save started are still
    /// waiting for their pause, so they are to be saved now.
    pub fn deadline_reached(&mut self) -> bool {
        self.deadline_armed = false;
        if self.status.holds_saving() {
            return false;
        }
        match self.amending {
            Some(_) => self.generation != self.draft_writing,
            None => self.generation != self.writing,
        }
    }

    /// A save is to start: the audit and the revision it is based on, or `None` when none may
    /// start (another tab's save stands, or a save is under way and this one will follow it).
    pub fn save_started(&mut self) -> Option<(Audit, Option<Revision>)> {
        if self.status.holds_saving() {
            return None;
        }
        if self.in_flight {
            self.again = true;
            return None;
        }
        self.in_flight = true;
        self.writing = self.generation;
        self.status = SaveStatus::Saving;
        Some((self.audit.clone(), self.base))
    }

    /// The save finished and wrote `revision` at local time `at`. True when a save was asked
    /// for meanwhile and must follow. It says "Saved" only if nothing changed while it was
    /// written: otherwise the newest change is still to be saved.
    pub fn saved(&mut self, revision: Revision, at: String) -> bool {
        self.base = Some(revision);
        if self.writing == self.generation {
            self.status = SaveStatus::Saved(at);
        }
        self.save_finished()
    }

    /// The stored data was deleted under the page: autosave waits until the person saves the
    /// audit again here (or downloads it).
    pub fn storage_deleted(&mut self) {
        self.status = SaveStatus::Deleted;
        self.again = false;
        self.in_flight = false;
    }

    /// After the stored data was deleted, saves this page's audit again as a new record.
    pub fn save_again_here(&mut self) {
        self.base = None;
        self.status = SaveStatus::Idle;
        self.generation += 1;
    }

    /// The store refused the save: another tab saved a newer revision. Autosave stops.
    pub fn refused_by_other_tab(&mut self) {
        self.status = SaveStatus::Conflict;
        self.again = false;
        self.in_flight = false;
    }

    /// The save failed for `reason`. True when a save was asked for meanwhile and must follow.
    pub fn save_failed(&mut self, reason: String) -> bool {
        self.status = SaveStatus::Failed(reason);
        self.save_finished()
    }

    fn save_finished(&mut self) -> bool {
        self.in_flight = false;
        std::mem::take(&mut self.again)
    }

    /// Takes the result of submitting or amending: the new audit (to be saved at once), or the
    /// problems for the error summary. True when the new audit was taken.
    pub fn submitted(&mut self, outcome: Result<Audit, Vec<AuditProblem>>) -> bool {
        match outcome {
            Ok(audit) => {
                if self.amending.is_none() {
                    self.stage = Stage::JustSubmitted;
                    self.focus_next = Some(SUBMITTED_TITLE_ID.to_owned());
                }
                self.audit = audit;
                self.amending = None;
                self.problems.clear();
                self.generation += 1;
                true
            }
            Err(problems) => {
                self.problems = problems;
                self.attempt += 1;
                self.stage = Stage::Editing;
                false
            }
        }
    }

    /// Takes a submitted audit with follow-up newly recorded (progress, a confirmation, a
    /// discussion, closing or reopening): it is saved at once like any other change.
    pub fn followed_up(&mut self, audit: Audit) {
        self.audit = audit;
        self.stage = Stage::Editing;
        self.generation += 1;
    }

    /// After a conflict, takes the version another tab saved.
    pub fn reloaded(&mut self, stored: Versioned<Audit>) {
        self.audit = stored.value;
        self.base = Some(stored.revision);
        self.status = SaveStatus::Idle;
        self.generation += 1;
    }

    /// After a conflict, the saved version was loaded but the follow-up recorded here could not
    /// be recorded on it (another tab had recorded the same): says so, in the error summary.
    pub fn follow_up_not_replayed(&mut self, problems: &[AuditProblem]) {
        self.problems = problems
            .iter()
            .map(|problem| AuditProblem {
                target: ProblemTarget::Audit,
                message: format!(
                    "The follow-up you recorded here was not recorded on the saved version: {}",
                    problem.message
                ),
            })
            .collect();
        self.attempt += 1;
    }

    /// After a conflict, keeps this tab's version as a new audit with the id `id`.
    pub fn kept_as_copy(&mut self, id: AuditId) {
        self.audit.id = id;
        self.base = None;
        self.status = SaveStatus::Idle;
        self.generation += 1;
    }
}

mod amending;
#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
