//! Using a council's theme codebook: choose its file, see its themes or every problem with it,
//! then use it; or go back to the built-in codebook. Native tests drive the transitions.

use lens_analysis::protocol::codebook::{CodebookCheck, CodebookSummary};

/// Where changing the codebook is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CodebookStage {
    /// Choosing a file; `missing` once "Check" was pressed with none chosen.
    Choosing { missing: bool },
    /// Reading and checking the chosen file (the analysis worker checks it).
    Checking,
    /// The file makes this codebook, shown before it is used; `text` is what will be kept.
    Checked { file: String, text: String, summary: Box<CodebookSummary> },
    /// Being kept.
    Keeping { file: String, text: String, summary: Box<CodebookSummary> },
    /// Kept: in use from now on.
    Kept { summary: Box<CodebookSummary> },
    /// Being removed.
    Removing,
    /// Removed: the built-in codebook is in use again.
    Removed,
    /// The file could not be used; nothing was kept.
    Refused { file: String, problems: Vec<String> },
    /// Reading, checking or keeping failed for this reason; nothing was changed.
    Failed { reason: String },
}

/// A step in changing the codebook.
pub(crate) enum CodebookChange {
    /// "Check" pressed with no file chosen.
    NoFile,
    /// A file is being read and checked.
    Checking,
    /// The file `file`, holding `text`, was checked.
    Checked { file: String, text: String, check: CodebookCheck },
    /// Reading or checking the file failed.
    Unreadable(String),
    /// "Use this codebook" pressed.
    Keeping,
    /// The codebook was kept.
    Kept,
    /// "Remove" pressed.
    Removing,
    /// The codebook was removed.
    Removed,
    /// Keeping or removing failed.
    WriteFailed(String),
    /// Back to choosing a file.
    StartAgain,
}

impl CodebookStage {
    /// The stage after `change`. A change that does not fit the stage leaves it as it is.
    pub(crate) fn after(self, change: CodebookChange) -> Self {
        match (self, change) {
            (_, CodebookChange::StartAgain) => Self::Choosing { missing: false },
            // One step at a time: a press while a file is checked or a write is made changes nothing.
            (stage, CodebookChange::Checking | CodebookChange::Removing | CodebookChange::NoFile)
                if stage.busy() =>
            {
                stage
            }
            (_, CodebookChange::NoFile) => Self::Choosing { missing: true },
            (_, CodebookChange::Checking) => Self::Checking,
            (_, CodebookChange::Removing) => Self::Removing,
            (Self::Checking, CodebookChange::Checked { file, text, check }) => match check {
                CodebookCheck::Ready(summary) => Self::Checked { file, text, summary: Box::new(summary) },
                CodebookCheck::Problems(problems) => Self::Refused { file, problems },
            },
            (Self::Checking, CodebookChange::Unreadable(reason)) => Self::Failed { reason },
            (Self::Checked { file, text, summary }, CodebookChange::Keeping) => {
                Self::Keeping { file, text, summary }
            }
            (Self::Keeping { summary, .. }, CodebookChange::Kept) => Self::Kept { summary },
            (Self::Removing, CodebookChange::Removed) => Self::Removed,
            (Self::Keeping { .. }, CodebookChange::WriteFailed(reason)) => {
                Self::Failed { reason: format!("The codebook was not kept: {reason}") }
            }
            (Self::Removing, CodebookChange::WriteFailed(reason)) => {
                Self::Failed { reason: format!("The codebook was not removed: {reason}") }
            }
            (stage, _) => stage,
        }
    }

    /// Whether a file is being checked or the codebook written.
    pub(crate) fn busy(&self) -> bool {
        matches!(self, Self::Checking | Self::Keeping { .. } | Self::Removing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> CodebookSummary {
        CodebookSummary {
            name: "Ours".into(),
            council: true,
            themes: Vec::new(),
            abbreviations: 0,
            note: None,
        }
    }

    fn checked(check: CodebookCheck) -> CodebookChange {
        CodebookChange::Checked { file: "ours.json".into(), text: "{}".into(), check }
    }

    #[test]
    fn a_codebook_is_checked_then_kept_and_a_bad_one_lists_its_problems() {
        let stage = CodebookStage::Choosing { missing: false }.after(CodebookChange::NoFile);
        assert_eq!(stage, CodebookStage::Choosing { missing: true });
        let stage = stage.after(CodebookChange::Checking);
        assert!(stage.busy());
        assert_eq!(stage.clone().after(CodebookChange::Removing), stage, "one step at a time");
        let refused =
            stage.clone().after(checked(CodebookCheck::Problems(vec!["theme 1 has no \"id\"".into()])));
        assert_eq!(
            refused,
            CodebookStage::Refused {
                file: "ours.json".into(),
                problems: vec!["theme 1 has no \"id\"".into()]
            }
        );
        let kept = stage
            .after(checked(CodebookCheck::Ready(summary())))
            .after(CodebookChange::Keeping)
            .after(CodebookChange::Kept);
        assert_eq!(kept, CodebookStage::Kept { summary: Box::new(summary()) });
    }

    #[test]
    fn a_failed_write_says_what_was_not_done_and_keeping_needs_a_checked_file() {
        let failed = CodebookStage::Removing.after(CodebookChange::WriteFailed("the disk is full".into()));
        assert_eq!(
            failed,
            CodebookStage::Failed { reason: "The codebook was not removed: the disk is full".into() }
        );
        assert_eq!(
            CodebookStage::Choosing { missing: false }.after(CodebookChange::Keeping),
            CodebookStage::Choosing { missing: false }
        );
    }
}
