//! The form's transitions while a submitted audit is amended: the amendment draft is saved as
//! it is typed, one save at a time, each based on the revision of the audit's draft record the
//! last one read or wrote, so a second tab amending the same audit is refused and told.

use lens_core::AmendmentField;
use lens_store::Revision;

use super::{AmendDraft, FormState, SaveStatus};

impl FormState {
    /// Starts amending the submitted audit.
    pub fn amend(&mut self) {
        let revised = self.audit.clone();
        self.amending = Some(AmendDraft { revised, by: String::new(), reason: String::new() });
        self.restored_amendment = false;
        self.problems.clear();
    }

    /// The audit's draft record was read at `revision` and held no amendment.
    pub fn draft_slot_read(&mut self, revision: Option<Revision>) {
        if !self.draft_in_flight {
            self.draft_base = revision.or(self.draft_base);
        }
    }

    /// Opens the amendment left unfinished earlier (its record at `revision`), unless one is
    /// already being written.
    pub fn amendment_restored(&mut self, draft: AmendDraft, revision: Option<Revision>) -> bool {
        self.draft_slot_read(revision);
        if self.amending.is_some() {
            return false;
        }
        self.amending = Some(draft);
        self.restored_amendment = true;
        true
    }

    /// Types the amender's name or reason; false when no amendment is being written.
    pub fn edit_amendment(&mut self, field: AmendmentField, value: String) -> bool {
        let Some(draft) = self.amending.as_mut() else { return false };
        match field {
            AmendmentField::By => draft.by = value,
            AmendmentField::Reason => draft.reason = value,
        }
        self.generation += 1;
        if !self.status.holds_saving() {
            self.status = SaveStatus::Saving;
        }
        true
    }

    /// The amendment draft is to be saved now: the draft, the generation it is at and the
    /// revision it is based on. `None` when none may start: another tab's amendment stands,
    /// or a draft save is under way (this one then follows it).
    pub fn draft_save_started(&mut self) -> Option<(AmendDraft, u64, Option<Revision>)> {
        if self.status.holds_saving() {
            return None;
        }
        let draft = self.amending.clone()?;
        if self.draft_in_flight {
            self.draft_again = true;
            return None;
        }
        self.draft_in_flight = true;
        self.draft_writing = self.generation;
        Some((draft, self.generation, self.draft_base))
    }

    /// The draft save that began at `generation` wrote `revision` at local time `at`, or
    /// failed for a reason. It says "Saved" only if nothing changed meanwhile. True when a
    /// save was asked for meanwhile and must follow.
    pub fn draft_saved(&mut self, generation: u64, outcome: Result<(Revision, String), String>) -> bool {
        self.draft_in_flight = false;
        let again = std::mem::take(&mut self.draft_again);
        if let Ok((revision, _)) = &outcome {
            self.draft_base = Some(*revision);
        }
        if self.amending.is_none() || self.status.holds_saving() {
            return false;
        }
        if self.generation == generation {
            self.status = match outcome {
                Ok((_, at)) => SaveStatus::Saved(at),
                Err(reason) => SaveStatus::Failed(reason),
            };
        }
        again
    }

    /// Another tab saved an amendment of this audit since this one was read: nothing more is
    /// saved until the person chooses.
    pub fn draft_refused_by_other_tab(&mut self) {
        self.draft_in_flight = false;
        self.draft_again = false;
        self.status = SaveStatus::Conflict;
    }

    /// After a draft conflict, takes the amendment the other tab saved (at `revision`).
    pub fn took_other_amendment(&mut self, draft: AmendDraft, revision: Option<Revision>) {
        self.amending = Some(draft);
        self.draft_base = revision;
        self.status = SaveStatus::Idle;
        self.generation += 1;
    }

    /// After a draft conflict, keeps this tab's amendment: the next save replaces the other
    /// tab's, stored at `revision`, on purpose.
    pub fn kept_my_amendment(&mut self, revision: Option<Revision>) {
        self.draft_base = revision;
        self.status = SaveStatus::Idle;
        self.generation += 1;
    }

    /// Cancels the amendment: the audit stays as it was saved.
    pub fn cancel_amendment(&mut self) {
        self.amending = None;
        self.problems.clear();
        self.generation += 1;
        self.status = SaveStatus::Idle;
    }
}

impl FormState {
    /// A draft save was refused, but the record holds no amendment (this tab's own earlier one
    /// was saved or cancelled): the next save is based on `revision` instead.
    pub fn draft_base_moved(&mut self, revision: Option<Revision>) {
        self.draft_in_flight = false;
        self.draft_again = false;
        self.draft_base = revision;
    }
}
