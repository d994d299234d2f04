//! The voices of the child and the family beside the grades (seed 001: feedback gathered from
//! families and young people through the audit; seed 002: a conversation with the family of an
//! audited case, its findings shared alongside the audit's; seed 003 §3: the child's voice heard
//! in their case). Once an audit of a child's case is submitted, feedback from the child or young
//! person and from parents or carers is recorded on it: how it was gathered, what they said and
//! the worker's response, each a follow-up event with who recorded it and when. Reports count the
//! audits with each view recorded.

use chrono::NaiveDate;

use super::follow_up_events::{problem, text_problems};
use super::{Audit, AuditProblem, FollowUpEvent, FollowUpEventKind, FollowUpField};
use crate::template::{Template, TemplateKind};

/// Whose view the feedback is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedbackFrom {
    /// The child or young person.
    Child,
    /// A parent or carer.
    ParentOrCarer,
}

impl FeedbackFrom {
    /// Both, in the order a form lists them.
    pub const ALL: [FeedbackFrom; 2] = [Self::Child, Self::ParentOrCarer];

    /// Whose view, as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Child => "The child or young person",
            Self::ParentOrCarer => "A parent or carer",
        }
    }

    /// Whose view, inside a sentence: "the child's view".
    pub fn view(self) -> &'static str {
        match self {
            Self::Child => "the child's view",
            Self::ParentOrCarer => "a parent's or carer's view",
        }
    }
}

/// Feedback as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyFeedback {
    /// Whose view; `None` until chosen.
    pub from: Option<FeedbackFrom>,
    /// The day it was gathered.
    pub gathered_on: NaiveDate,
    /// How it was gathered (a visit, a call, a feedback form).
    pub how_gathered: String,
    /// What they said.
    pub what_they_said: String,
    /// The worker's response (may be empty).
    pub worker_response: String,
}

impl Template {
    /// Whether audits made with it are of a child's case, and so record the child's and the
    /// family's views.
    pub fn asks_family_feedback(&self) -> bool {
        matches!(
            self.kind,
            TemplateKind::CaseFileAudit | TemplateKind::PracticeReview | TemplateKind::PracticeObservation
        )
    }
}

impl Audit {
    /// Records feedback from the child or from a parent or carer.
    pub fn record_family_feedback(
        &self,
        template: &Template,
        feedback: &FamilyFeedback,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        if !template.asks_family_feedback() {
            return Err(vec![AuditProblem::new(
                super::ProblemTarget::Audit,
                format!(
                    "A {} is not of a child's case: it records no family feedback",
                    template.title.to_lowercase()
                ),
            )]);
        }
        let mut problems = self.who_and_when_problems(by, feedback.gathered_on, today);
        if feedback.from.is_none() {
            problems.push(problem(FollowUpField::FeedbackFrom, "Choose whose view this is"));
        }
        text_problems(
            &mut problems,
            FollowUpField::HowGathered,
            &feedback.how_gathered,
            "Enter how the view was gathered",
        );
        text_problems(&mut problems, FollowUpField::Text, &feedback.what_they_said, "Enter what they said");
        if feedback.worker_response.chars().count() > super::MAX_FOLLOW_UP_TEXT_CHARS {
            problems.push(problem(
                FollowUpField::WorkerResponse,
                format!("Keep the response to {} characters or fewer", super::MAX_FOLLOW_UP_TEXT_CHARS),
            ));
        }
        let Some(from) = feedback.from.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        Ok(self.with_event(
            by,
            today,
            FollowUpEventKind::FamilyFeedback {
                from,
                gathered_on: feedback.gathered_on,
                how_gathered: feedback.how_gathered.trim().to_owned(),
                what_they_said: feedback.what_they_said.trim().to_owned(),
                worker_response: feedback.worker_response.trim().to_owned(),
            },
        ))
    }

    /// The feedback recorded from `from`, oldest first.
    pub fn family_feedback(&self, from: FeedbackFrom) -> impl Iterator<Item = &FollowUpEvent> {
        self.follow_up.events.iter().filter(move |event| {
            matches!(&event.what, FollowUpEventKind::FamilyFeedback { from: recorded, .. } if *recorded == from)
        })
    }
}
