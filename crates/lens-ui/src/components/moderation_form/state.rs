//! What the moderation form holds and every change to it, applied one after another to the
//! latest state (never to a copy taken at render time), so two changes before a render are both
//! kept. No yew here: the transitions are tested natively.

use std::collections::BTreeMap;

use lens_core::{AuditProblem, ModeratedItem};

/// What is graded: a standard (by item id) or the overall judgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Graded {
    Standard(String),
    Overall,
}

/// What a change to one grading sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemEdit {
    Own(Graded, String),
    Agreed(Graded, String),
    Rationale(Graded, String),
}

/// Where saving the moderation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Progress {
    Editing,
    Saving,
    /// Saved; the audit is marked moderated unless the reason says otherwise.
    Saved {
        /// How many of the auditor's grades the agreed grades confirmed, of how many.
        confirmed: (usize, usize),
        audit_problem: Option<String>,
    },
    Failed(String),
}

/// A change to the moderation form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ModerationChange {
    Moderator(String),
    Feedback(String),
    Item(ItemEdit),
    /// Every grade of the moderator's own was given: the auditor's grades are shown beside
    /// them, and the moderator's own grades are fixed from here on.
    Compare,
    /// Completing was refused with these problems.
    Refused(Vec<AuditProblem>),
    SaveStarted,
    SaveFailed(String),
    Saved {
        confirmed: (usize, usize),
        audit_problem: Option<String>,
    },
}

/// Everything the moderation form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModerationState {
    pub moderator: String,
    pub feedback: String,
    pub items: BTreeMap<String, ModeratedItem>,
    pub overall: ModeratedItem,
    /// Whether the comparison is open: the blind grading is over.
    pub comparing: bool,
    pub problems: Vec<AuditProblem>,
    /// Counts refused attempts, so focus moves to the error summary each time.
    pub attempt: u32,
    pub progress: Progress,
}

impl ModerationState {
    /// A blank moderation by `moderator`.
    pub fn new(moderator: String) -> Self {
        Self {
            moderator,
            feedback: String::new(),
            items: BTreeMap::new(),
            overall: ModeratedItem::default(),
            comparing: false,
            problems: Vec::new(),
            attempt: 0,
            progress: Progress::Editing,
        }
    }

    /// Applies one change.
    pub fn apply(&mut self, change: ModerationChange) {
        match change {
            ModerationChange::Moderator(name) => self.moderator = name,
            ModerationChange::Feedback(text) => self.feedback = text,
            // The independent grading cannot change once the auditor's grades are seen.
            ModerationChange::Item(ItemEdit::Own(_, _)) if self.comparing => {}
            ModerationChange::Item(ItemEdit::Own(graded, code)) => {
                self.graded(graded).moderator_grade = Some(code)
            }
            ModerationChange::Item(ItemEdit::Agreed(graded, code)) => {
                self.graded(graded).agreed_grade = Some(code)
            }
            ModerationChange::Item(ItemEdit::Rationale(graded, text)) => self.graded(graded).rationale = text,
            ModerationChange::Compare => {
                self.comparing = true;
                self.problems.clear();
            }
            ModerationChange::Refused(problems) => {
                self.problems = problems;
                self.attempt += 1;
            }
            ModerationChange::SaveStarted => {
                self.problems.clear();
                self.progress = Progress::Saving;
            }
            ModerationChange::SaveFailed(reason) => self.progress = Progress::Failed(reason),
            ModerationChange::Saved { confirmed, audit_problem } => {
                self.progress = Progress::Saved { confirmed, audit_problem }
            }
        }
    }

    fn graded(&mut self, graded: Graded) -> &mut ModeratedItem {
        match graded {
            Graded::Standard(item) => self.items.entry(item).or_default(),
            Graded::Overall => &mut self.overall,
        }
    }

    /// The grading of a standard or of the overall judgement, as it stands.
    pub fn grading(&self, graded: &Graded) -> Option<&ModeratedItem> {
        match graded {
            Graded::Standard(item) => self.items.get(item),
            Graded::Overall => Some(&self.overall),
        }
    }

    /// Whether a save is under way, so completing again does nothing.
    pub fn is_saving(&self) -> bool {
        self.progress == Progress::Saving
    }
}

#[cfg(test)]
mod tests;
