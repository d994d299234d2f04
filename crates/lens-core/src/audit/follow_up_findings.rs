//! The findings shared and answered, once an audit is submitted. Seed 002: the findings go to
//! the practitioner, their line manager, the service manager and the independent chair, and the
//! line manager responds with management oversight and directions with timescales. Seed 003 §3:
//! the auditor discusses the audit with the case holder. Each is a follow-up event with who
//! recorded it and when; the audit's answers stay locked.
//!
//! A direction becomes a tracked action of the audit (owner, due day, open), followed and
//! completed like any agreed action, so an audit with a direction still to do cannot close.
//! Sharing the findings and the case-holder discussion are recorded, not required: councils
//! differ on whether every audit needs them.

use chrono::NaiveDate;

use super::follow_up_events::{audit_problem, problem, text_problems};
use super::{Action, ActionField, Audit, AuditProblem, FollowUpEventKind, FollowUpField};
use super::{MAX_AUDITOR_CHARS, MAX_FOLLOW_UP_TEXT_CHARS};

/// The most directions one management response gives.
pub const MAX_DIRECTIONS: usize = 20;

/// Who the findings go to (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecipientRole {
    /// The practitioner who holds the case.
    Practitioner,
    /// The practitioner's line manager.
    LineManager,
    /// The service manager.
    ServiceManager,
    /// The independent reviewing officer or independent chair.
    IndependentChair,
}

impl RecipientRole {
    /// Every role, in the order a form lists them.
    pub const ALL: [RecipientRole; 4] =
        [Self::Practitioner, Self::LineManager, Self::ServiceManager, Self::IndependentChair];

    /// The role as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Practitioner => "Practitioner",
            Self::LineManager => "Line manager",
            Self::ServiceManager => "Service manager",
            Self::IndependentChair => "IRO or independent chair",
        }
    }

    /// The role inside a sentence: "the line manager", "the IRO or independent chair".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Self::Practitioner => "practitioner",
            Self::LineManager => "line manager",
            Self::ServiceManager => "service manager",
            Self::IndependentChair => "IRO or independent chair",
        }
    }
}

/// One person the findings went to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingsRecipient {
    /// Their part in the case.
    pub role: RecipientRole,
    /// Their name.
    pub name: String,
}

/// The findings shared, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingsSharing {
    /// The day they were shared.
    pub shared_on: NaiveDate,
    /// Who they went to.
    pub recipients: Vec<FindingsRecipient>,
}

/// One direction of a management response, as recorded: the action it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Direction {
    /// The id of the action it became.
    pub action: String,
    /// What is to be done.
    pub what: String,
    /// Who is to do it.
    pub owner: String,
    /// The day it is to be done by.
    pub due_on: NaiveDate,
}

impl Direction {
    /// The direction as it was typed.
    pub fn as_typed(&self) -> TypedDirection {
        TypedDirection { what: self.what.clone(), owner: self.owner.clone(), due_on: Some(self.due_on) }
    }

    /// The tracked action it becomes.
    pub fn as_action(&self) -> Action {
        Action::new(self.action.clone(), self.what.clone(), self.owner.clone(), Some(self.due_on))
    }
}

/// One direction as the line manager types it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedDirection {
    /// What is to be done.
    pub what: String,
    /// Who is to do it.
    pub owner: String,
    /// The day it is to be done by (its timescale).
    pub due_on: Option<NaiveDate>,
}

/// The line manager's management response, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagementResponse {
    /// The day it was given.
    pub responded_on: NaiveDate,
    /// The management oversight.
    pub oversight: String,
    /// The directions given to the practitioner.
    pub directions: Vec<TypedDirection>,
}

/// The discussion with the case holder, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseHolderDiscussion {
    /// The day it was held.
    pub held_on: NaiveDate,
    /// Whether the grades were discussed; `None` until answered.
    pub grades_discussed: Option<bool>,
    /// The case holder's comment (may be empty).
    pub comment: String,
}

/// An id for a new direction's action that no action of `audit` has.
fn new_action_id(audit: &Audit, taken: &[Action]) -> String {
    (1..)
        .map(|number| format!("direction-{number}"))
        .find(|id| !audit.actions.iter().chain(taken).any(|action| action.id == *id))
        .unwrap_or_default()
}

impl Audit {
    /// Records who the findings were shared with and when.
    pub fn share_findings(
        &self,
        sharing: &FindingsSharing,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        let mut problems = self.who_and_when_problems(by, sharing.shared_on, today);
        if sharing.recipients.is_empty() {
            problems.push(problem(FollowUpField::Recipients, "Choose who the findings were shared with"));
        }
        for recipient in &sharing.recipients {
            let field = FollowUpField::RecipientName(recipient.role);
            let role = recipient.role.in_sentence();
            if recipient.name.trim().is_empty() {
                problems.push(problem(field, format!("Enter the name of the {role}")));
            } else if recipient.name.chars().count() > MAX_AUDITOR_CHARS {
                problems.push(problem(
                    field,
                    format!("Keep the {role}'s name to {MAX_AUDITOR_CHARS} characters or fewer"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let recipients = sharing
            .recipients
            .iter()
            .map(|recipient| FindingsRecipient {
                role: recipient.role,
                name: recipient.name.trim().to_owned(),
            })
            .collect();
        Ok(self.with_event(
            by,
            today,
            FollowUpEventKind::FindingsShared { shared_on: sharing.shared_on, recipients },
        ))
    }

    /// Records the line manager's management response; each direction becomes an open action
    /// with its owner and due day.
    pub fn record_management_response(
        &self,
        response: &ManagementResponse,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        let mut problems = self.who_and_when_problems(by, response.responded_on, today);
        text_problems(
            &mut problems,
            FollowUpField::Text,
            &response.oversight,
            "Enter the management oversight",
        );
        if response.directions.len() > MAX_DIRECTIONS {
            return Err(audit_problem(format!("Give {MAX_DIRECTIONS} directions or fewer in one response")));
        }
        let mut directions = Vec::new();
        let mut actions: Vec<Action> = Vec::new();
        for (position, typed) in response.directions.iter().enumerate() {
            let number = position + 1;
            let at = |part| FollowUpField::Direction(position, part);
            if typed.what.trim().is_empty() {
                problems
                    .push(problem(at(ActionField::What), format!("Enter what direction {number} asks for")));
            } else if typed.what.chars().count() > MAX_FOLLOW_UP_TEXT_CHARS {
                problems.push(problem(
                    at(ActionField::What),
                    format!("Keep direction {number} to {MAX_FOLLOW_UP_TEXT_CHARS} characters or fewer"),
                ));
            }
            if typed.owner.trim().is_empty() {
                problems.push(problem(
                    at(ActionField::Owner),
                    format!("Enter who is to carry out direction {number}"),
                ));
            } else if typed.owner.chars().count() > MAX_AUDITOR_CHARS {
                problems.push(problem(
                    at(ActionField::Owner),
                    format!(
                        "Keep the owner of direction {number} to {MAX_AUDITOR_CHARS} characters or fewer"
                    ),
                ));
            }
            match typed.due_on {
                None => problems.push(problem(
                    at(ActionField::DueOn),
                    format!("Enter the day direction {number} is to be done by"),
                )),
                Some(due) if due < response.responded_on => problems.push(problem(
                    at(ActionField::DueOn),
                    format!("Direction {number} cannot be due before the response is given"),
                )),
                Some(due) => {
                    let direction = Direction {
                        action: new_action_id(self, &actions),
                        what: typed.what.trim().to_owned(),
                        owner: typed.owner.trim().to_owned(),
                        due_on: due,
                    };
                    actions.push(direction.as_action());
                    directions.push(direction);
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut updated = self.with_event(
            by,
            today,
            FollowUpEventKind::ManagementResponse {
                responded_on: response.responded_on,
                oversight: response.oversight.trim().to_owned(),
                directions,
            },
        );
        updated.actions.extend(actions);
        Ok(updated)
    }

    /// Records the auditor's discussion of the audit with the case holder.
    pub fn record_case_holder_discussion(
        &self,
        discussion: &CaseHolderDiscussion,
        by: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if let Some(problems) = self.follow_up_closed_to_recording() {
            return Err(problems);
        }
        let mut problems = self.who_and_when_problems(by, discussion.held_on, today);
        if discussion.grades_discussed.is_none() {
            problems.push(problem(
                FollowUpField::GradesDiscussed,
                "Say whether the grades were discussed with the case holder",
            ));
        }
        if discussion.comment.chars().count() > MAX_FOLLOW_UP_TEXT_CHARS {
            problems.push(problem(
                FollowUpField::Text,
                format!("Keep the comment to {MAX_FOLLOW_UP_TEXT_CHARS} characters or fewer"),
            ));
        }
        let Some(grades_discussed) = discussion.grades_discussed.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        Ok(self.with_event(
            by,
            today,
            FollowUpEventKind::CaseHolderDiscussion {
                held_on: discussion.held_on,
                grades_discussed,
                comment: discussion.comment.trim().to_owned(),
            },
        ))
    }

    /// The actions that directions recorded in `events` became: what a later copy of this
    /// audit holds without an amendment.
    pub(super) fn with_directions_of(&self, events: &[super::FollowUpEvent]) -> Audit {
        let mut audit = self.clone();
        for event in events {
            if let FollowUpEventKind::ManagementResponse { directions, .. } = &event.what {
                audit.actions.extend(directions.iter().map(Direction::as_action));
            }
        }
        audit
    }
}
