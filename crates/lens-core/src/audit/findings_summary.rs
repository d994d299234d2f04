//! The findings summary of a submitted audit: what goes to the practitioner, their line
//! manager, the service manager and the independent chair (seed 002). It holds the grades that
//! count (agreed at moderation where there is one), what the auditor found against each
//! standard, the actions with their owners and due days, the child's and the family's views,
//! and the moderator's feedback. The page
//! prints it; [`FindingsSummary::to_text`] is the file a person downloads to send on.

use chrono::NaiveDate;

use super::{ActionStatus, Audit};
use crate::template::Template;
use crate::Moderation;

/// What was found against one standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardFinding {
    /// The standard.
    pub prompt: String,
    /// The grade that counts, in words, when it is graded.
    pub grade: Option<String>,
    /// What the auditor wrote.
    pub narrative: String,
}

/// One action as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFinding {
    /// What, and who owns it.
    pub what_and_owner: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Where it stands, in words.
    pub status: &'static str,
}

/// The child's or a family member's view, as the summary gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewFinding {
    /// Whose view.
    pub from: super::FeedbackFrom,
    /// The day it was gathered.
    pub gathered_on: NaiveDate,
    /// How it was gathered.
    pub how_gathered: String,
    /// What they said.
    pub what_they_said: String,
    /// The worker's response (may be empty).
    pub worker_response: String,
}

/// The findings summary of one audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingsSummary {
    /// The template's title, e.g. "Case file audit".
    pub title: String,
    /// The case reference.
    pub case_reference: String,
    /// Who audited.
    pub auditor: String,
    /// The day the audit is dated.
    pub audited_on: NaiveDate,
    /// The overall grade that counts, in words.
    pub overall: Option<String>,
    /// Whether the grades shown are the ones agreed at moderation.
    pub agreed_at_moderation: bool,
    /// Each standard, in form order (those with neither a grade nor a narrative left out).
    pub standards: Vec<StandardFinding>,
    /// The agreed actions and directions, cancelled ones left out.
    pub actions: Vec<ActionFinding>,
    /// The moderator's feedback, when there is some.
    pub moderation_feedback: Option<String>,
    /// The child's and the family's views, oldest first.
    pub views: Vec<ViewFinding>,
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

impl Audit {
    /// The findings summary, counting the grades agreed at `moderation` where there is one.
    pub fn findings_summary(&self, template: &Template, moderation: Option<&Moderation>) -> FindingsSummary {
        let label = |code: &str| {
            template
                .scale
                .as_ref()
                .and_then(|scale| scale.grade(code))
                .map_or_else(|| code.to_owned(), |grade| grade.label.clone())
        };
        let standards = template
            .items()
            .filter_map(|item| {
                let response = self.responses.get(&item.id);
                let own = response.and_then(|response| response.grade.as_deref());
                let grade = moderation.and_then(|moderation| moderation.agreed_grade(&item.id)).or(own);
                let narrative =
                    response.map(|response| response.narrative.trim().to_owned()).unwrap_or_default();
                (grade.is_some() || !narrative.is_empty()).then(|| StandardFinding {
                    prompt: item.prompt.clone(),
                    grade: grade.map(label),
                    narrative,
                })
            })
            .collect();
        let actions = self
            .actions
            .iter()
            .filter(|action| action.status != ActionStatus::Cancelled)
            .map(|action| ActionFinding {
                what_and_owner: action.what_and_owner(),
                due_on: action.due_on,
                status: action.status.label(),
            })
            .collect();
        FindingsSummary {
            title: template.title.clone(),
            case_reference: self.case_reference.clone(),
            auditor: self.auditor.clone(),
            audited_on: self.audited_on(Some(template)),
            overall: self.counted_overall(template, moderation).as_deref().map(label),
            agreed_at_moderation: moderation.is_some(),
            standards,
            actions,
            moderation_feedback: moderation
                .map(|moderation| moderation.feedback.trim().to_owned())
                .filter(|feedback| !feedback.is_empty()),
            views: self.views(),
        }
    }

    /// The child's and the family's views recorded on the audit, oldest first.
    pub fn views(&self) -> Vec<ViewFinding> {
        self.follow_up
            .events
            .iter()
            .filter_map(|event| match &event.what {
                super::FollowUpEventKind::FamilyFeedback {
                    from,
                    gathered_on,
                    how_gathered,
                    what_they_said,
                    worker_response,
                } => Some(ViewFinding {
                    from: *from,
                    gathered_on: *gathered_on,
                    how_gathered: how_gathered.clone(),
                    what_they_said: what_they_said.clone(),
                    worker_response: worker_response.clone(),
                }),
                _ => None,
            })
            .collect()
    }
}

impl FindingsSummary {
    /// The heading: "Findings of the case file audit of case 123456".
    pub fn heading(&self) -> String {
        let title = self.title.to_lowercase();
        match self.case_reference.trim() {
            "" => format!("Findings of the {title}"),
            case => format!("Findings of the {title} of case {case}"),
        }
    }

    /// The summary as plain text, to send on by email or keep on file.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let mut line = |value: &str| {
            text.push_str(value);
            text.push('\n');
        };
        line(&self.heading());
        line("");
        line(&format!("Audited by {} on {}.", self.auditor, long_date(self.audited_on)));
        if let Some(overall) = &self.overall {
            let agreed = if self.agreed_at_moderation { " (agreed at moderation)" } else { "" };
            line(&format!("Overall: {overall}{agreed}."));
        }
        line("");
        line("What was found");
        for standard in &self.standards {
            line("");
            match &standard.grade {
                Some(grade) => line(&format!("{}: {grade}", standard.prompt)),
                None => line(&standard.prompt),
            }
            if !standard.narrative.is_empty() {
                line(&standard.narrative);
            }
        }
        line("");
        line("Actions");
        if self.actions.is_empty() {
            line("No actions were agreed.");
        }
        for action in &self.actions {
            let due = action.due_on.map(|due| format!(", due by {}", long_date(due))).unwrap_or_default();
            line(&format!("- {}{due} ({})", action.what_and_owner, action.status.to_lowercase()));
        }
        if !self.views.is_empty() {
            line("");
            line("The child's and family's views");
        }
        for view in &self.views {
            line("");
            line(&format!("{}, {} ({})", view.from.label(), long_date(view.gathered_on), view.how_gathered));
            line(&view.what_they_said);
            if !view.worker_response.is_empty() {
                line(&format!("The worker's response: {}", view.worker_response));
            }
        }
        if let Some(feedback) = &self.moderation_feedback {
            line("");
            line("The moderator's feedback");
            line(feedback);
        }
        text
    }
}
