//! A QA report while it is being written: its findings, who is writing it and whether what is
//! on screen is kept. Held above the screen, so opening a quote's audit and coming back finds
//! the text as it was left; changes go through a reducer, so a save finishing after a newer
//! key never marks that key as kept.

use std::rc::Rc;

use chrono::NaiveDate;
use lens_analysis::protocol::themes::ThemePanelView;
use lens_store::qa_report::{Findings, FindingsHeading, QaReport, ReportTemplate, SignOff};
use lens_store::{Revision, Versioned};
use yew::Reducible;

use super::draft::drafted_findings;
use crate::screen::{QaReportOpen, ReportScope};

/// A report being written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QaDraft {
    /// The report's id.
    pub id: String,
    /// What it covers.
    pub scope: ReportScope,
    /// The revision kept on the device, once saved.
    pub base: Option<Revision>,
    /// The findings under each heading.
    pub findings: Vec<Findings>,
    /// Whether the findings have been drafted from the themes (or were kept already). Until
    /// then the themes fill only the headings still empty.
    pub drafted: bool,
    /// Who is writing it.
    pub author: String,
    /// Whether something on screen is not yet kept.
    pub unsaved: bool,
    /// Whether a save is under way. Held here, not in the screen, so that leaving and coming
    /// back mid-save never starts a second save from the old revision.
    pub saving: bool,
}

impl QaDraft {
    /// A new report, its findings still to be drafted.
    pub(crate) fn new(id: String, scope: ReportScope, author: String) -> Self {
        let findings = FindingsHeading::ALL
            .into_iter()
            .map(|heading| Findings { heading, text: String::new(), evidence: Vec::new() })
            .collect();
        Self { id, scope, base: None, findings, drafted: false, author, unsaved: false, saving: false }
    }

    /// A draft kept on the device, to carry on with.
    pub(crate) fn kept(kept: &Versioned<QaReport>) -> Self {
        let report = &kept.value;
        Self {
            id: report.id.clone(),
            scope: ReportScope {
                from: report.from,
                to: report.to,
                team: report.team.clone(),
                template: report.template.as_ref().map(|template| template.id.clone()),
            },
            base: Some(kept.revision),
            findings: report.findings.clone(),
            drafted: true,
            author: report.written_by.clone(),
            unsaved: false,
            saving: false,
        }
    }

    /// Where to open this report again: as kept once saved, else as a new one for its scope.
    pub(crate) fn reopen(&self) -> QaReportOpen {
        if self.base.is_some() {
            QaReportOpen::Kept(self.id.clone())
        } else {
            QaReportOpen::New(self.scope.clone())
        }
    }

    /// The text under `heading`.
    pub(crate) fn text(&self, heading: FindingsHeading) -> &str {
        self.findings.iter().find(|f| f.heading == heading).map_or("", |f| f.text.as_str())
    }

    /// The report to keep, signed off when `sign_off` is given.
    pub(crate) fn report(
        &self,
        organisation: Option<String>,
        template: Option<ReportTemplate>,
        today: NaiveDate,
        sign_off: Option<SignOff>,
    ) -> QaReport {
        QaReport {
            id: self.id.clone(),
            from: self.scope.from,
            to: self.scope.to,
            team: self.scope.team.clone(),
            template,
            organisation,
            findings: self.findings.clone(),
            written_by: self.author.trim().to_owned(),
            written_on: today,
            sign_off,
        }
    }

    /// What stops the report being signed off, each with the id of the field to fix.
    pub(crate) fn sign_off_problems(&self, figures: FiguresState) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        if self.author.trim().is_empty() {
            problems.push((
                "lens-qa-author".to_owned(),
                "Enter your name as the person signing the report off".to_owned(),
            ));
        }
        for empty in self.findings.iter().filter(|findings| findings.text.trim().is_empty()) {
            problems.push((
                field_id(empty.heading),
                format!("Enter the findings under “{}”, or say there are none", empty.heading.label()),
            ));
        }
        let figures_problem = match figures {
            FiguresState::Ready => None,
            FiguresState::Waiting => {
                Some("Wait for the report's figures before signing it off: they are kept as they are then")
            }
            FiguresState::Failed => Some(
                "The report's figures could not be made, so it cannot be signed off yet: reload the page and try again",
            ),
        };
        if let Some(message) = figures_problem {
            problems.push(("lens-qa-figures".to_owned(), message.to_owned()));
        }
        problems
    }

    /// Whether leaving the page now would lose what was written: something not yet kept, or
    /// anything at all when the store is the page's memory.
    pub(crate) fn would_be_lost(&self, durable: bool) -> bool {
        self.unsaved || (!durable && self.base.is_some())
    }

    /// What the person is told about saving. Over the page's memory nothing is ever "saved".
    pub(crate) fn status_text(&self, durable: bool) -> &'static str {
        match (self.saving, self.unsaved, self.base.is_some(), durable) {
            (true, ..) => "Saving…",
            (false, true, _, true) => "Not saved yet: save the draft to keep your changes on this device.",
            (false, false, true, true) => "Draft saved on this device.",
            (false, _, true, false) | (false, true, false, false) => {
                "Not saved on this device: this browser gives no storage, so the draft is kept in this page only and is lost when the page closes."
            }
            (false, false, false, _) => "Not saved yet.",
        }
    }
}

/// Where the report's figures have got to, as signing off needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FiguresState {
    Waiting,
    Ready,
    Failed,
}

/// The id of the text box for `heading`'s findings.
pub(crate) fn field_id(heading: FindingsHeading) -> String {
    let name = match heading {
        FindingsHeading::GoodPractice => "good-practice",
        FindingsHeading::AreasForImprovement => "areas-for-improvement",
        FindingsHeading::MultiAgencyLearning => "multi-agency",
    };
    format!("lens-qa-{name}")
}

/// The report being written, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct QaDrafts(pub Option<QaDraft>);

/// A change to the report being written.
#[derive(Debug, Clone)]
pub(crate) enum DraftChange {
    /// Start writing this report. Refused while another has changes not yet kept: the person
    /// is asked first, and sets that one aside with `Finished`.
    Start(QaDraft),
    /// The themes for report `id` arrived: draft its still-empty headings from them, once.
    Themes { id: String, panel: Rc<ThemePanelView> },
    /// The person typed under a heading.
    Text(FindingsHeading, String),
    /// The person typed their name.
    Author(String),
    /// A save of report `id` began.
    Saving { id: String },
    /// A save of report `id` was refused.
    NotSaved { id: String },
    /// A save of report `id` finished; `findings` and `author` are what it kept.
    Saved { id: String, revision: Revision, findings: Vec<Findings>, author: String },
    /// Nothing is being written: the report was signed off, or the person set it aside.
    Finished,
}

impl Reducible for QaDrafts {
    type Action = DraftChange;

    fn reduce(self: Rc<Self>, change: DraftChange) -> Rc<Self> {
        if let DraftChange::Start(draft) = change {
            if self.0.as_ref().is_some_and(|current| current.unsaved && current.id != draft.id) {
                return self;
            }
            return Rc::new(Self(Some(draft)));
        }
        if let DraftChange::Finished = change {
            return Rc::new(Self(None));
        }
        let Some(mut draft) = self.0.clone() else { return self };
        match change {
            DraftChange::Themes { id, panel } => {
                if draft.drafted || id != draft.id {
                    return self;
                }
                // What was typed before the themes arrived stays as typed.
                for (findings, drafted) in draft.findings.iter_mut().zip(drafted_findings(&panel)) {
                    if findings.text.trim().is_empty() && findings.heading == drafted.heading {
                        *findings = drafted;
                    }
                }
                draft.drafted = true;
            }
            DraftChange::Text(heading, text) => {
                if let Some(findings) = draft.findings.iter_mut().find(|f| f.heading == heading) {
                    findings.text = text;
                    draft.unsaved = true;
                }
            }
            DraftChange::Author(author) => {
                draft.author = author;
                draft.unsaved = true;
            }
            DraftChange::Saving { id } if id == draft.id => draft.saving = true,
            DraftChange::NotSaved { id } if id == draft.id => draft.saving = false,
            DraftChange::Saved { id, revision, findings, author } => {
                if id != draft.id {
                    return self;
                }
                draft.saving = false;
                draft.base = Some(revision);
                // Kept only if nothing was typed while it was written (the name is kept trimmed).
                draft.unsaved = draft.findings != findings || draft.author.trim() != author;
            }
            DraftChange::Saving { .. }
            | DraftChange::NotSaved { .. }
            | DraftChange::Start(_)
            | DraftChange::Finished => return self,
        }
        Rc::new(Self(Some(draft)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> ReportScope {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        ReportScope { from: day(7, 1), to: day(9, 30), team: None, template: None }
    }

    fn started() -> Rc<QaDrafts> {
        Rc::new(QaDrafts::default()).reduce(DraftChange::Start(QaDraft::new(
            "qa-1".into(),
            scope(),
            "Dana".into(),
        )))
    }

    #[test]
    fn typing_during_a_save_stays_unsaved_and_a_save_of_the_same_text_is_kept() {
        let typed = started()
            .reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans".into()))
            .reduce(DraftChange::Saving { id: "qa-1".into() });
        assert!(typed.0.as_ref().unwrap().saving);
        let saving = typed.0.clone().unwrap();
        let typed_more =
            typed.reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans were clear".into()));
        let saved = |state: Rc<QaDrafts>| {
            state.reduce(DraftChange::Saved {
                id: "qa-1".into(),
                revision: Revision::FIRST,
                findings: saving.findings.clone(),
                author: saving.author.clone(),
            })
        };
        let after_newer_key = saved(typed_more).0.clone().unwrap();
        assert!(after_newer_key.unsaved, "a key typed during the save is not kept by it");
        assert_eq!(after_newer_key.base, Some(Revision::FIRST));
        assert!(!after_newer_key.saving);
        assert_eq!(after_newer_key.text(FindingsHeading::GoodPractice), "Plans were clear");
        let typed = started().reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans".into()));
        assert!(!saved(typed).0.as_ref().unwrap().unsaved);
    }

    fn panel(audits: usize) -> Rc<ThemePanelView> {
        let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        Rc::new(ThemePanelView {
            from: day,
            to: day,
            audits,
            narratives: 0,
            months: Vec::new(),
            split: Default::default(),
            themes: Vec::new(),
            uncovered: Vec::new(),
            phrases_read: 0,
            earlier: lens_analysis::protocol::themes::PeriodCompared { from: day, to: day, narratives: 0 },
            changes: Vec::new(),
            codebook: Default::default(),
        })
    }

    fn themes(id: &str, audits: usize) -> DraftChange {
        DraftChange::Themes { id: id.into(), panel: panel(audits) }
    }

    #[test]
    fn themes_arriving_late_never_replace_what_was_typed_or_kept() {
        let drafted = started().reduce(themes("qa-1", 3));
        let good = drafted.0.as_ref().unwrap().text(FindingsHeading::GoodPractice).to_owned();
        assert!(good.starts_with("No theme was found"), "{good}");
        let edited = drafted.reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Mine".into()));
        let again = edited.reduce(themes("qa-1", 4));
        assert_eq!(again.0.as_ref().unwrap().text(FindingsHeading::GoodPractice), "Mine");
    }

    #[test]
    fn text_typed_before_the_themes_arrive_stays_and_only_empty_headings_are_drafted() {
        let typed = started().reduce(DraftChange::Text(FindingsHeading::AreasForImprovement, "Plans".into()));
        let drafted = typed.reduce(themes("qa-1", 3));
        let draft = drafted.0.as_ref().unwrap();
        assert_eq!(draft.text(FindingsHeading::AreasForImprovement), "Plans");
        assert!(draft.text(FindingsHeading::GoodPractice).starts_with("No theme was found"));
        assert!(draft.unsaved);
    }

    #[test]
    fn themes_made_for_another_report_are_not_drafted_into_this_one() {
        let late = started().reduce(themes("qa-0", 3));
        let draft = late.0.as_ref().unwrap();
        assert!(!draft.drafted);
        assert_eq!(draft.text(FindingsHeading::GoodPractice), "");
        let ours = late.reduce(themes("qa-1", 3));
        assert!(ours.0.as_ref().unwrap().drafted);
    }

    #[test]
    fn a_report_with_changes_not_yet_kept_is_only_replaced_once_set_aside() {
        let typed = started().reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans".into()));
        let other = QaDraft::new("qa-2".into(), scope(), "Dana".into());
        let refused = typed.reduce(DraftChange::Start(other.clone()));
        assert_eq!(refused.0.as_ref().unwrap().id, "qa-1");
        let started_other = refused.reduce(DraftChange::Finished).reduce(DraftChange::Start(other));
        assert_eq!(started_other.0.as_ref().unwrap().id, "qa-2");
    }

    #[test]
    fn a_name_typed_with_spaces_is_kept_trimmed_and_then_counts_as_saved() {
        let named = started().reduce(DraftChange::Author(" Dana Morgan ".into()));
        let kept = named.0.clone().unwrap().report(None, None, scope().to, None);
        let saved = named.reduce(DraftChange::Saved {
            id: "qa-1".into(),
            revision: Revision::FIRST,
            findings: kept.findings,
            author: kept.written_by,
        });
        assert!(!saved.0.as_ref().unwrap().unsaved);
    }

    #[test]
    fn over_the_pages_memory_a_draft_is_never_called_saved_and_leaving_warns() {
        let mut draft = QaDraft::new("qa-1".into(), scope(), "Dana".into());
        draft.base = Some(Revision::FIRST);
        assert_eq!(draft.status_text(true), "Draft saved on this device.");
        assert!(!draft.would_be_lost(true));
        assert!(draft.status_text(false).starts_with("Not saved on this device"));
        assert!(draft.would_be_lost(false));
    }

    #[test]
    fn signing_off_needs_a_name_every_heading_and_the_figures() {
        let mut draft = QaDraft::new("qa-1".into(), scope(), "  ".into());
        let fields: Vec<String> =
            draft.sign_off_problems(FiguresState::Waiting).into_iter().map(|(field, _)| field).collect();
        assert_eq!(
            fields,
            [
                "lens-qa-author",
                "lens-qa-good-practice",
                "lens-qa-areas-for-improvement",
                "lens-qa-multi-agency",
                "lens-qa-figures"
            ]
        );
        let failed = draft.sign_off_problems(FiguresState::Failed);
        assert!(failed.last().unwrap().1.contains("could not be made"), "{failed:?}");
        draft.author = "Dana".into();
        for findings in &mut draft.findings {
            findings.text = "None this quarter.".into();
        }
        assert!(draft.sign_off_problems(FiguresState::Ready).is_empty());
    }
}
