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
use crate::screen::ReportScope;

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
    /// Whether the findings have been drafted from the themes (or were kept already).
    pub drafted: bool,
    /// Who is writing it.
    pub author: String,
    /// Whether something on screen is not yet kept.
    pub unsaved: bool,
}

impl QaDraft {
    /// A new report, its findings still to be drafted.
    pub(crate) fn new(id: String, scope: ReportScope, author: String) -> Self {
        let findings = FindingsHeading::ALL
            .into_iter()
            .map(|heading| Findings { heading, text: String::new(), evidence: Vec::new() })
            .collect();
        Self { id, scope, base: None, findings, drafted: false, author, unsaved: false }
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
    pub(crate) fn sign_off_problems(&self, figures_ready: bool) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        if self.author.trim().is_empty() {
            problems.push(("lens-qa-author".to_owned(), "Enter your name to sign the report off".to_owned()));
        }
        if let Some(first) = self.findings.iter().find(|findings| findings.text.trim().is_empty()) {
            problems.push((
                field_id(first.heading),
                format!("Enter the findings under “{}”, or say there are none", first.heading.label()),
            ));
        }
        if !figures_ready {
            problems.push((
                "lens-qa-figures".to_owned(),
                "Wait for the report's figures before signing it off: they are kept as they are then"
                    .to_owned(),
            ));
        }
        problems
    }
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
    /// Start writing this report, setting aside any other.
    Start(QaDraft),
    /// The themes arrived: draft the findings from them, unless they already are.
    Themes(Rc<ThemePanelView>),
    /// The person typed under a heading.
    Text(FindingsHeading, String),
    /// The person typed their name.
    Author(String),
    /// A save of report `id` finished; `findings` and `author` are what it kept.
    Saved { id: String, revision: Revision, findings: Vec<Findings>, author: String },
    /// The report was signed off: nothing is being written.
    Finished,
}

impl Reducible for QaDrafts {
    type Action = DraftChange;

    fn reduce(self: Rc<Self>, change: DraftChange) -> Rc<Self> {
        if let DraftChange::Start(draft) = change {
            return Rc::new(Self(Some(draft)));
        }
        if let DraftChange::Finished = change {
            return Rc::new(Self(None));
        }
        let Some(mut draft) = self.0.clone() else { return self };
        match change {
            DraftChange::Themes(panel) => {
                if draft.drafted {
                    return self;
                }
                draft.findings = drafted_findings(&panel);
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
            DraftChange::Saved { id, revision, findings, author } => {
                if id != draft.id {
                    return self;
                }
                draft.base = Some(revision);
                // Kept only if nothing was typed while it was written.
                draft.unsaved = draft.findings != findings || draft.author != author;
            }
            DraftChange::Start(_) | DraftChange::Finished => {}
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
        let typed = started().reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans".into()));
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
        assert_eq!(after_newer_key.text(FindingsHeading::GoodPractice), "Plans were clear");
        let typed = started().reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Plans".into()));
        assert!(!saved(typed).0.as_ref().unwrap().unsaved);
    }

    #[test]
    fn themes_arriving_late_never_replace_what_was_typed_or_kept() {
        let panel = |audits| {
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
                earlier: lens_analysis::protocol::themes::PeriodCompared {
                    from: day,
                    to: day,
                    narratives: 0,
                },
                changes: Vec::new(),
            })
        };
        let drafted = started().reduce(DraftChange::Themes(panel(3)));
        let good = drafted.0.as_ref().unwrap().text(FindingsHeading::GoodPractice).to_owned();
        assert!(good.starts_with("No theme was found"), "{good}");
        let edited = drafted.reduce(DraftChange::Text(FindingsHeading::GoodPractice, "Mine".into()));
        let again = edited.reduce(DraftChange::Themes(panel(4)));
        assert_eq!(again.0.as_ref().unwrap().text(FindingsHeading::GoodPractice), "Mine");
    }

    #[test]
    fn signing_off_needs_a_name_every_heading_and_the_figures() {
        let mut draft = QaDraft::new("qa-1".into(), scope(), "  ".into());
        let fields: Vec<String> =
            draft.sign_off_problems(false).into_iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ["lens-qa-author", "lens-qa-good-practice", "lens-qa-figures"]);
        draft.author = "Dana".into();
        for findings in &mut draft.findings {
            findings.text = "None this quarter.".into();
        }
        assert!(draft.sign_off_problems(true).is_empty());
    }
}
