//! Recording what was done about an audit's follow-up, once it is submitted: an action's
//! progress, the service manager's confirmation of corrective action, the post-audit reflective
//! discussion, closing the audit and reopening it (the findings shared and answered are in
//! `follow_up_findings`). Each is kept as its own event (who recorded
//! it, on which day, and what) beside the audit's answers, which stay locked: none of this is an
//! amendment.
//!
//! Each step returns the new audit or every reason it cannot happen, each pointed at the part
//! of the form it is about; the old value is untouched. Nothing is recorded on a closed audit
//! until it is reopened with a reason. A day recorded (done on, confirmed on, held on) may not be
//! after the day it is recorded nor before the audit was submitted.

use chrono::NaiveDate;

use super::family_feedback::FamilyFeedback;
use super::follow_up::FollowUpState;
use super::follow_up_findings::{
    CaseHolderDiscussion, Direction, FindingsRecipient, FindingsSharing, ManagementResponse,
};
use super::{ActionStatus, Audit, AuditProblem, AuditStatus, ProblemTarget};
use crate::template::{GradeStanding, Template};
use crate::Moderation;

/// The longest note, account or reason accepted, in characters.
pub const MAX_FOLLOW_UP_TEXT_CHARS: usize = 4_000;

/// One thing recorded about an audit's follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpEvent {
    /// The day it was recorded.
    pub recorded_on: NaiveDate,
    /// Who recorded it (for a confirmation, the service manager who confirms).
    pub by: String,
    /// What was recorded.
    pub what: FollowUpEventKind,
}

/// What a follow-up event records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUpEventKind {
    /// An agreed action's progress: its status, the day it was done, and a note.
    ActionProgress {
        /// The action's id.
        action: String,
        /// Its status from then on.
        status: ActionStatus,
        /// The day it was done, when it is done.
        completed_on: Option<NaiveDate>,
        /// What happened, in the recorder's words (may be empty).
        note: String,
    },
    /// The service manager confirmed the corrective action was completed.
    CorrectiveActionConfirmed {
        /// The day it was confirmed.
        confirmed_on: NaiveDate,
        /// What was done.
        what_was_done: String,
    },
    /// The post-audit reflective discussion took place.
    ReflectiveDiscussion {
        /// The day it was held.
        held_on: NaiveDate,
        /// Who took part.
        who_took_part: String,
        /// What was agreed.
        agreed: String,
    },
    /// The findings were shared with these people.
    FindingsShared {
        /// The day they were shared.
        shared_on: NaiveDate,
        /// Who they went to, in the order chosen.
        recipients: Vec<FindingsRecipient>,
    },
    /// The line manager's management response to the findings.
    ManagementResponse {
        /// The day it was given.
        responded_on: NaiveDate,
        /// The management oversight, in the line manager's words.
        oversight: String,
        /// The directions given; each became a tracked action.
        directions: Vec<Direction>,
    },
    /// The auditor discussed the audit with the case holder.
    CaseHolderDiscussion {
        /// The day it was held.
        held_on: NaiveDate,
        /// Whether the grades were discussed.
        grades_discussed: bool,
        /// The case holder's comment.
        comment: String,
    },
    /// Feedback from the child or young person, or from a parent or carer.
    FamilyFeedback {
        /// Whose view it is.
        from: super::FeedbackFrom,
        /// The day it was gathered.
        gathered_on: NaiveDate,
        /// How it was gathered.
        how_gathered: String,
        /// What they said.
        what_they_said: String,
        /// The worker's response.
        worker_response: String,
    },
    /// The audit was closed, every follow-up done; it had this status before.
    Closed {
        /// The status it returns to if reopened.
        was: AuditStatus,
    },
    /// The audit was reopened.
    Reopened {
        /// Why.
        reason: String,
    },
}

/// The part of a follow-up form a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FollowUpField {
    /// Who is recording (or confirming).
    By,
    /// The action's status.
    Status,
    /// The day it happened.
    On,
    /// The note, what was done or what was agreed.
    Text,
    /// Who took part in the discussion.
    WhoTookPart,
    /// Why the audit is reopened.
    Reason,
    /// Who the findings go to, as a whole.
    Recipients,
    /// The name of one recipient.
    RecipientName(super::RecipientRole),
    /// A part of one direction of a management response, by its position (from 0).
    Direction(usize, super::ActionField),
    /// Whether the grades were discussed with the case holder.
    GradesDiscussed,
    /// Whose view the feedback is.
    FeedbackFrom,
    /// How the feedback was gathered.
    HowGathered,
    /// The worker's response to the feedback.
    WorkerResponse,
}

/// An action's progress as a person records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionProgress {
    /// The action's id.
    pub action: String,
    /// Its status from now on.
    pub status: ActionStatus,
    /// The day it was done; when it is done and none is given, the day it is recorded.
    pub completed_on: Option<NaiveDate>,
    /// What happened.
    pub note: String,
}

/// The service manager's confirmation of corrective action, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectiveActionConfirmation {
    /// The day it was confirmed.
    pub confirmed_on: NaiveDate,
    /// What was done.
    pub what_was_done: String,
}

/// The post-audit reflective discussion, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReflectiveDiscussion {
    /// The day it was held.
    pub held_on: NaiveDate,
    /// Who took part.
    pub who_took_part: String,
    /// What was agreed.
    pub agreed: String,
}

pub(super) fn problem(field: FollowUpField, message: impl Into<String>) -> AuditProblem {
    AuditProblem::new(ProblemTarget::FollowUp(field), message)
}

pub(super) fn audit_problem(message: impl Into<String>) -> Vec<AuditProblem> {
    vec![AuditProblem::new(ProblemTarget::Audit, message)]
}

/// Problems with a required piece of text.
pub(super) fn text_problems(
    problems: &mut Vec<AuditProblem>,
    field: FollowUpField,
    text: &str,
    missing: &str,
) {
    if text.trim().is_empty() {
        problems.push(problem(field, missing));
    } else if text.chars().count() > MAX_FOLLOW_UP_TEXT_CHARS {
        problems.push(problem(field, format!("Keep it to {MAX_FOLLOW_UP_TEXT_CHARS} characters or fewer")));
    }
}

impl Audit {
    /// Why nothing can be recorded on this audit now, if so.
    pub(super) fn follow_up_closed_to_recording(&self) -> Option<Vec<AuditProblem>> {
        match self.status {
            AuditStatus::Draft => Some(audit_problem("Follow-up is recorded once the audit is submitted")),
            AuditStatus::Closed => {
                Some(audit_problem("This audit is closed: reopen it to record more follow-up"))
            }
            AuditStatus::Submitted | AuditStatus::Moderated => None,
        }
    }

    /// Problems with who is recording and the day recorded.
    pub(super) fn who_and_when_problems(
        &self,
        by: &str,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Vec<AuditProblem> {
        let mut problems = Vec::new();
        if by.trim().is_empty() {
            problems.push(problem(FollowUpField::By, "Enter your name: follow-up records who recorded it"));
        }
        if on > today {
            problems.push(problem(FollowUpField::On, "The date must be today or in the past"));
        } else if let Some(submitted) = self.submitted_on.filter(|submitted| on < *submitted) {
            problems.push(problem(
                FollowUpField::On,
                format!(
                    "The date must be on or after the audit was submitted ({})",
                    submitted.format("%-d %B %Y")
                ),
            ));
        }
        problems
    }

    pub(super) fn with_event(&self, by: &str, today: NaiveDate, what: FollowUpEventKind) -> Audit {
        let mut updated = self.clone();
        updated.follow_up.events.push(FollowUpEvent { recorded_on: today, by: by.trim().to_owned(), what });
        updated
    }

    /// Records progress on an agreed action of a submitted audit: its status, the day it was
    /// done and a note. A status unchanged with no note records nothing and is refused.
    pub fn record_action_progress(
        &self,
        progress: &ActionProgress,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        let Some(position) = self.actions.iter().position(|action| action.id == progress.action) else {
            return Err(audit_problem(
                "That action is no longer on this audit: go back to the audit and choose again",
            ));
        };
        let action = &self.actions[position];
        // Done with no day given: the day already recorded, else the day it is recorded now.
        let already_done = action.completed_on.filter(|_| action.status == ActionStatus::Done);
        let completed_on = (progress.status == ActionStatus::Done)
            .then(|| progress.completed_on.or(already_done).unwrap_or(today));
        let mut problems = self.who_and_when_problems(by, completed_on.unwrap_or(today), today);
        let note = progress.note.trim();
        if note.chars().count() > MAX_FOLLOW_UP_TEXT_CHARS {
            problems.push(problem(
                FollowUpField::Text,
                format!("Keep the note to {MAX_FOLLOW_UP_TEXT_CHARS} characters or fewer"),
            ));
        }
        let unchanged = action.status == progress.status && action.completed_on == completed_on;
        if unchanged && note.is_empty() {
            problems.push(problem(
                FollowUpField::Status,
                format!(
                    "The action is already {}: choose another status or write a note",
                    progress.status.label().to_lowercase()
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut updated = self.with_event(
            by,
            today,
            FollowUpEventKind::ActionProgress {
                action: progress.action.clone(),
                status: progress.status,
                completed_on,
                note: note.to_owned(),
            },
        );
        let action = &mut updated.actions[position];
        action.status = progress.status;
        action.completed_on = completed_on;
        Ok(updated)
    }

    /// Records the service manager's confirmation that the corrective action was completed,
    /// where the overall grade counted (agreed at `moderation` where there is one) needs it.
    pub fn confirm_corrective_action(
        &self,
        template: &Template,
        moderation: Option<&Moderation>,
        confirmation: &CorrectiveActionConfirmation,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        if self.corrective_action_due(template, moderation).is_none() {
            return Err(audit_problem(
                "This audit's overall grade is not below good: it needs no corrective action",
            ));
        }
        if let Some(on) = self.follow_up.corrective_action_confirmed_on {
            return Err(audit_problem(format!(
                "The corrective action was already confirmed on {}",
                on.format("%-d %B %Y")
            )));
        }
        let mut problems = self.who_and_when_problems(by, confirmation.confirmed_on, today);
        text_problems(&mut problems, FollowUpField::Text, &confirmation.what_was_done, "Enter what was done");
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut updated = self.with_event(
            by,
            today,
            FollowUpEventKind::CorrectiveActionConfirmed {
                confirmed_on: confirmation.confirmed_on,
                what_was_done: confirmation.what_was_done.trim().to_owned(),
            },
        );
        updated.follow_up.corrective_action_confirmed_on = Some(confirmation.confirmed_on);
        Ok(updated)
    }

    /// Records the post-audit reflective discussion an inadequate audit needs.
    pub fn record_reflective_discussion(
        &self,
        template: &Template,
        moderation: Option<&Moderation>,
        discussion: &ReflectiveDiscussion,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        let counted = self
            .counted_overall(template, moderation)
            .and_then(|code| template.scale.as_ref()?.grade(&code).cloned());
        if counted.is_none_or(|grade| grade.standing != GradeStanding::Inadequate) {
            return Err(audit_problem(
                "Only an audit graded inadequate overall needs a reflective discussion",
            ));
        }
        if let Some(on) = self.follow_up.reflective_discussion_on {
            return Err(audit_problem(format!(
                "The reflective discussion was already recorded, held on {}",
                on.format("%-d %B %Y")
            )));
        }
        let mut problems = self.who_and_when_problems(by, discussion.held_on, today);
        text_problems(
            &mut problems,
            FollowUpField::WhoTookPart,
            &discussion.who_took_part,
            "Enter who took part",
        );
        text_problems(&mut problems, FollowUpField::Text, &discussion.agreed, "Enter what was agreed");
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut updated = self.with_event(
            by,
            today,
            FollowUpEventKind::ReflectiveDiscussion {
                held_on: discussion.held_on,
                who_took_part: discussion.who_took_part.trim().to_owned(),
                agreed: discussion.agreed.trim().to_owned(),
            },
        );
        updated.follow_up.reflective_discussion_on = Some(discussion.held_on);
        Ok(updated)
    }

    /// Closes a submitted or moderated audit once every follow-up is done, counting the
    /// overall grade agreed at its `moderation`.
    pub fn close(
        &self,
        template: &Template,
        moderation: Option<&Moderation>,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if !matches!(self.status, AuditStatus::Submitted | AuditStatus::Moderated) {
            return Err(audit_problem(format!(
                "Only a submitted or moderated audit can be closed; this one is {}",
                self.status.described()
            )));
        }
        let mut problems: Vec<AuditProblem> = self
            .follow_ups(template, moderation, today)
            .into_iter()
            .filter(|follow_up| !matches!(follow_up.state, FollowUpState::Done(_)))
            .map(|follow_up| {
                AuditProblem::new(ProblemTarget::Audit, format!("Still to do: {}", follow_up.message))
            })
            .collect();
        if by.trim().is_empty() {
            problems.push(problem(FollowUpField::By, "Enter your name: closing records who closed it"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut closed = self.with_event(by, today, FollowUpEventKind::Closed { was: self.status });
        closed.status = AuditStatus::Closed;
        Ok(closed)
    }

    /// Reopens a closed audit, with the reason, to the status it had before it was closed.
    pub fn reopen(&self, by: &str, reason: &str, today: NaiveDate) -> Result<Audit, Vec<AuditProblem>> {
        if self.status != AuditStatus::Closed {
            return Err(audit_problem(format!(
                "Only a closed audit can be reopened; this one is {}",
                self.status.described()
            )));
        }
        let mut problems = Vec::new();
        if by.trim().is_empty() {
            problems.push(problem(FollowUpField::By, "Enter your name: reopening records who reopened it"));
        }
        text_problems(&mut problems, FollowUpField::Reason, reason, "Enter why the audit is reopened");
        if !problems.is_empty() {
            return Err(problems);
        }
        let was = self
            .follow_up
            .events
            .iter()
            .rev()
            .find_map(|event| match event.what {
                FollowUpEventKind::Closed { was } => Some(was),
                _ => None,
            })
            // Closed before closing was recorded as an event: a moderation would have said so.
            .filter(|was| matches!(was, AuditStatus::Submitted | AuditStatus::Moderated))
            .unwrap_or(AuditStatus::Submitted);
        let mut reopened =
            self.with_event(by, today, FollowUpEventKind::Reopened { reason: reason.trim().to_owned() });
        reopened.status = was;
        Ok(reopened)
    }

    /// Records `events`, made on another copy of this audit, on this one, each by who recorded
    /// it on the day they did, with the same checks as when it was first recorded: how a tab
    /// whose save met another tab's keeps the follow-up it recorded.
    pub fn replay_follow_up(
        &self,
        events: &[FollowUpEvent],
        template: &Template,
        moderation: Option<&Moderation>,
    ) -> Result<Audit, Vec<AuditProblem>> {
        let mut audit = self.clone();
        for event in events {
            let (by, on) = (event.by.as_str(), event.recorded_on);
            audit = match &event.what {
                FollowUpEventKind::ActionProgress { action, status, completed_on, note } => {
                    let progress = ActionProgress {
                        action: action.clone(),
                        status: *status,
                        completed_on: *completed_on,
                        note: note.clone(),
                    };
                    audit.record_action_progress(&progress, by, on)?
                }
                FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
                    let confirmation = CorrectiveActionConfirmation {
                        confirmed_on: *confirmed_on,
                        what_was_done: what_was_done.clone(),
                    };
                    audit.confirm_corrective_action(template, moderation, &confirmation, by, on)?
                }
                FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
                    let discussion = ReflectiveDiscussion {
                        held_on: *held_on,
                        who_took_part: who_took_part.clone(),
                        agreed: agreed.clone(),
                    };
                    audit.record_reflective_discussion(template, moderation, &discussion, by, on)?
                }
                FollowUpEventKind::FindingsShared { shared_on, recipients } => {
                    let sharing = FindingsSharing { shared_on: *shared_on, recipients: recipients.clone() };
                    audit.share_findings(&sharing, by, on)?
                }
                FollowUpEventKind::ManagementResponse { responded_on, oversight, directions } => {
                    let response = ManagementResponse {
                        responded_on: *responded_on,
                        oversight: oversight.clone(),
                        directions: directions.iter().map(Direction::as_typed).collect(),
                    };
                    audit.record_management_response(&response, by, on)?
                }
                FollowUpEventKind::CaseHolderDiscussion { held_on, grades_discussed, comment } => {
                    let discussion = CaseHolderDiscussion {
                        held_on: *held_on,
                        grades_discussed: Some(*grades_discussed),
                        comment: comment.clone(),
                    };
                    audit.record_case_holder_discussion(&discussion, by, on)?
                }
                FollowUpEventKind::FamilyFeedback {
                    from,
                    gathered_on,
                    how_gathered,
                    what_they_said,
                    worker_response,
                } => {
                    let feedback = FamilyFeedback {
                        from: Some(*from),
                        gathered_on: *gathered_on,
                        how_gathered: how_gathered.clone(),
                        what_they_said: what_they_said.clone(),
                        worker_response: worker_response.clone(),
                    };
                    audit.record_family_feedback(template, &feedback, by, on)?
                }
                FollowUpEventKind::Closed { .. } => audit.close(template, moderation, by, on)?,
                FollowUpEventKind::Reopened { reason } => audit.reopen(by, reason, on)?,
            };
        }
        Ok(audit)
    }
}
