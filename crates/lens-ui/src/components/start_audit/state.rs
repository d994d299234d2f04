//! The start form's state and its transitions, as plain data with no yew in it, so each step is
//! tested natively. The component applies changes through a reducer, so two changes that arrive
//! before a render (a keystroke in each field) are both kept.

use lens_core::{AuditError, NewAudit};

/// Where saving the new draft is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SaveState {
    /// Nothing is being saved.
    Idle,
    /// The draft is being saved; another submit is ignored.
    Saving,
    /// The save failed, with the store's reason.
    Failed(String),
}

/// What has been typed and chosen, and what the last submit found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StartState {
    /// The case reference and the author's name as typed.
    pub typed: NewAudit,
    /// The chosen template's id, empty while none is.
    pub chosen: String,
    /// The problems the core found at the last submit.
    pub errors: Vec<AuditError>,
    /// The last submit had no template chosen.
    pub template_missing: bool,
    /// Submits refused so far: a new number moves focus to the error summary again.
    pub attempt: u32,
    /// Saving the draft.
    pub saving: SaveState,
}

/// One change to the start form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StartChange {
    /// The case reference was typed.
    CaseReference(String),
    /// The author's name was typed.
    Auditor(String),
    /// A template was chosen.
    Chose(String),
    /// Submit found problems.
    Refused {
        /// What the core found.
        errors: Vec<AuditError>,
        /// No template was chosen.
        template_missing: bool,
    },
    /// Submit found none, and the draft is being saved.
    SaveStarted,
    /// The draft is saved: the form is ready for the next audit.
    Saved,
    /// The draft could not be saved.
    SaveFailed(String),
}

impl StartState {
    /// A blank form for `auditor`, with `only_choice` chosen when there is one template to offer.
    pub fn new(auditor: String, only_choice: Option<String>) -> Self {
        Self {
            typed: NewAudit { case_reference: String::new(), auditor },
            chosen: only_choice.unwrap_or_default(),
            errors: Vec::new(),
            template_missing: false,
            attempt: 0,
            saving: SaveState::Idle,
        }
    }

    /// Applies one change.
    pub fn apply(&mut self, change: StartChange) {
        match change {
            StartChange::CaseReference(text) => self.typed.case_reference = text,
            StartChange::Auditor(text) => self.typed.auditor = text,
            StartChange::Chose(template) => self.chosen = template,
            StartChange::Refused { errors, template_missing } => {
                self.errors = errors;
                self.template_missing = template_missing;
                self.attempt += 1;
            }
            StartChange::SaveStarted => {
                self.errors.clear();
                self.template_missing = false;
                self.saving = SaveState::Saving;
            }
            StartChange::Saved => {
                self.typed.case_reference.clear();
                self.saving = SaveState::Idle;
            }
            StartChange::SaveFailed(reason) => self.saving = SaveState::Failed(reason),
        }
    }
}

#[cfg(test)]
mod tests;
