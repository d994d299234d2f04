//! Adding a council template: choose its file, see what it holds or every problem with it,
//! then keep it. Native tests drive the transitions.

use lens_core::{Template, TemplateProblem};
use lens_store::council_templates::TemplateCheck;

/// Where adding a template is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum AddStage {
    /// Choosing a file; `missing` once "Check" was pressed with none chosen.
    Choosing { missing: bool },
    /// Reading and checking the chosen file.
    Checking,
    /// The file holds this template, new to this device, shown before it is kept.
    Checked { file: String, template: Box<Template> },
    /// Being kept.
    Keeping { file: String, template: Box<Template> },
    /// Kept: offered for new audits.
    Kept { template: Box<Template> },
    /// The very same template version is here already.
    AlreadyHere { template: Box<Template> },
    /// The file could not be used; nothing was kept.
    Refused { file: String, problems: Vec<TemplateProblem> },
    /// Reading the file or keeping the template failed for this reason; nothing was kept.
    Failed { reason: String },
}

/// A step in adding a template.
pub(crate) enum AddChange {
    /// "Check" pressed with no file chosen.
    NoFile,
    /// A file is being read and checked.
    Checking,
    /// The file `file` was read and checked.
    Checked { file: String, check: Box<Result<TemplateCheck, Vec<TemplateProblem>>> },
    /// The file could not be read.
    Unreadable(String),
    /// "Add this template" pressed.
    Keeping,
    /// The template was kept.
    Kept,
    /// Keeping it failed.
    KeepFailed(String),
    /// Back to choosing a file.
    StartAgain,
}

impl AddStage {
    /// The stage after `change`. A change that does not fit the stage leaves it as it is.
    pub fn after(self, change: AddChange) -> Self {
        match (self, change) {
            (_, AddChange::StartAgain) => Self::Choosing { missing: false },
            (Self::Choosing { .. } | Self::Refused { .. } | Self::Failed { .. }, AddChange::NoFile) => {
                Self::Choosing { missing: true }
            }
            // One step at a time: a press while a file is read or a template kept changes nothing.
            (stage, AddChange::Checking) if stage.busy() => stage,
            (_, AddChange::Checking) => Self::Checking,
            (Self::Checking, AddChange::Checked { file, check }) => match *check {
                Ok(TemplateCheck::New(template)) => Self::Checked { file, template: Box::new(template) },
                Ok(TemplateCheck::AlreadyHeld(template)) => {
                    Self::AlreadyHere { template: Box::new(template) }
                }
                Err(problems) => Self::Refused { file, problems },
            },
            (Self::Checking, AddChange::Unreadable(reason)) => Self::Failed { reason },
            (Self::Checked { file, template }, AddChange::Keeping) => Self::Keeping { file, template },
            (Self::Keeping { template, .. }, AddChange::Kept) => Self::Kept { template },
            (Self::Keeping { .. }, AddChange::KeepFailed(reason)) => {
                Self::Failed { reason: format!("The template was not kept: {reason}") }
            }
            (stage, _) => stage,
        }
    }

    /// Whether a file is being read or a template kept.
    pub fn busy(&self) -> bool {
        matches!(self, Self::Checking | Self::Keeping { .. })
    }
}

#[cfg(test)]
mod tests {
    use lens_store::council_templates::{check_council_template, device_templates};

    use super::*;

    const EARLY_HELP: &str = include_str!("../../../../../web/templates/early-help-audit.json");

    #[test]
    fn a_good_file_is_shown_then_kept() {
        let check = check_council_template(EARLY_HELP, &device_templates(&[]));
        let stage = AddStage::Choosing { missing: false }
            .after(AddChange::Checking)
            .after(AddChange::Checked { file: "early-help.json".into(), check: Box::new(check) });
        let AddStage::Checked { template, .. } = &stage else { panic!("{stage:?}") };
        assert_eq!(template.id, "northshire-early-help-audit");
        let stage = stage.after(AddChange::Keeping);
        assert!(stage.busy());
        assert!(matches!(stage.after(AddChange::Kept), AddStage::Kept { .. }));
    }

    #[test]
    fn a_broken_file_lists_its_problems_and_nothing_is_kept() {
        let broken = include_str!("../../../../../tests/fixtures/templates/early-help-audit-broken.json");
        let check = check_council_template(broken, &[]);
        let stage = AddStage::Checking
            .after(AddChange::Checked { file: "broken.json".into(), check: Box::new(check) });
        let AddStage::Refused { file, problems } = &stage else { panic!("{stage:?}") };
        assert_eq!(file, "broken.json");
        assert!(problems.len() > 1, "every problem at once: {problems:?}");
        // "Add this template" is not on offer: pressing it changes nothing.
        assert_eq!(stage.clone().after(AddChange::Keeping), stage);
        assert_eq!(stage.after(AddChange::NoFile), AddStage::Choosing { missing: true });
    }

    #[test]
    fn a_failed_keep_says_so_and_a_version_here_already_is_not_kept_twice() {
        let template = check_council_template(EARLY_HELP, &[]);
        let Ok(TemplateCheck::New(template)) = template else { panic!() };
        let keeping = AddStage::Keeping { file: "a.json".into(), template: Box::new(template.clone()) };
        let failed = keeping.after(AddChange::KeepFailed("This device has no space left.".into()));
        assert_eq!(
            failed,
            AddStage::Failed { reason: "The template was not kept: This device has no space left.".into() }
        );
        let again = check_council_template(EARLY_HELP, &device_templates(std::slice::from_ref(&template)));
        let stage =
            AddStage::Checking.after(AddChange::Checked { file: "a.json".into(), check: Box::new(again) });
        assert_eq!(stage, AddStage::AlreadyHere { template: Box::new(template) });
    }
}
