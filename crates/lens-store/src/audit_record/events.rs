//! Follow-up events between their stored layout (schema 5) and [`FollowUpEvent`].

use lens_core::{
    AuditStatus, Direction, FeedbackFrom, FindingsRecipient, FollowUpEvent, FollowUpEventKind, RecipientRole,
};

use super::convert::{action_status_code, parse_action_status, parse_status, status_name};
use super::v5::{DirectionV5, FollowUpEventV5, FollowUpWhatV5, RecipientV5};

/// The stored code of a recipient's role. Stored data depends on it: never rename one.
pub fn recipient_role_code(role: RecipientRole) -> &'static str {
    match role {
        RecipientRole::Practitioner => "practitioner",
        RecipientRole::LineManager => "line_manager",
        RecipientRole::ServiceManager => "service_manager",
        RecipientRole::IndependentChair => "independent_chair",
    }
}

/// The role with this stored code.
pub fn parse_recipient_role(code: &str) -> Option<RecipientRole> {
    RecipientRole::ALL.into_iter().find(|role| recipient_role_code(*role) == code)
}

/// The stored code of whose view feedback is. Stored data depends on it: never rename one.
pub fn feedback_from_code(from: FeedbackFrom) -> &'static str {
    match from {
        FeedbackFrom::Child => "child",
        FeedbackFrom::ParentOrCarer => "parent_or_carer",
    }
}

/// Whose view this stored code names.
pub fn parse_feedback_from(code: &str) -> Option<FeedbackFrom> {
    FeedbackFrom::ALL.into_iter().find(|from| feedback_from_code(*from) == code)
}

/// An event as stored.
pub(crate) fn event_to_record(event: &FollowUpEvent) -> FollowUpEventV5 {
    let what = match &event.what {
        FollowUpEventKind::ActionProgress { action, status, completed_on, note } => {
            FollowUpWhatV5::ActionProgress {
                action: action.clone(),
                status: action_status_code(*status).to_owned(),
                completed_on: *completed_on,
                note: note.clone(),
            }
        }
        FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
            FollowUpWhatV5::CorrectiveActionConfirmed {
                confirmed_on: *confirmed_on,
                what_was_done: what_was_done.clone(),
            }
        }
        FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
            FollowUpWhatV5::ReflectiveDiscussion {
                held_on: *held_on,
                who_took_part: who_took_part.clone(),
                agreed: agreed.clone(),
            }
        }
        FollowUpEventKind::FindingsShared { shared_on, recipients } => FollowUpWhatV5::FindingsShared {
            shared_on: *shared_on,
            recipients: recipients
                .iter()
                .map(|recipient| RecipientV5 {
                    role: recipient_role_code(recipient.role).to_owned(),
                    name: recipient.name.clone(),
                })
                .collect(),
        },
        FollowUpEventKind::ManagementResponse { responded_on, oversight, directions } => {
            FollowUpWhatV5::ManagementResponse {
                responded_on: *responded_on,
                oversight: oversight.clone(),
                directions: directions
                    .iter()
                    .map(|direction| DirectionV5 {
                        action: direction.action.clone(),
                        what: direction.what.clone(),
                        owner: direction.owner.clone(),
                        due_on: direction.due_on,
                    })
                    .collect(),
            }
        }
        FollowUpEventKind::CaseHolderDiscussion { held_on, grades_discussed, comment } => {
            FollowUpWhatV5::CaseHolderDiscussion {
                held_on: *held_on,
                grades_discussed: *grades_discussed,
                comment: comment.clone(),
            }
        }
        FollowUpEventKind::FamilyFeedback {
            from,
            gathered_on,
            how_gathered,
            what_they_said,
            worker_response,
        } => FollowUpWhatV5::FamilyFeedback {
            from: feedback_from_code(*from).to_owned(),
            gathered_on: *gathered_on,
            how_gathered: how_gathered.clone(),
            what_they_said: what_they_said.clone(),
            worker_response: worker_response.clone(),
        },
        FollowUpEventKind::Closed { was } => FollowUpWhatV5::Closed { was: status_name(*was).to_owned() },
        FollowUpEventKind::Reopened { reason } => FollowUpWhatV5::Reopened { reason: reason.clone() },
    };
    FollowUpEventV5 { recorded_on: event.recorded_on, by: event.by.clone(), what }
}

/// The event a stored one holds, or what is wrong with it (`index` counts from 1 for people).
pub(super) fn event_from_record(index: usize, stored: FollowUpEventV5) -> Result<FollowUpEvent, String> {
    let what = match stored.what {
        FollowUpWhatV5::ActionProgress { action, status, completed_on, note } => {
            let status = parse_action_status(&status).ok_or_else(|| {
                format!("follow-up event {index} gives action {action} an unknown status '{status}'")
            })?;
            FollowUpEventKind::ActionProgress { action, status, completed_on, note }
        }
        FollowUpWhatV5::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
            FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done }
        }
        FollowUpWhatV5::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
            FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed }
        }
        FollowUpWhatV5::FindingsShared { shared_on, recipients } => {
            let recipients = recipients
                .into_iter()
                .map(|recipient| {
                    let role = parse_recipient_role(&recipient.role).ok_or_else(|| {
                        format!(
                            "follow-up event {index} shares the findings with an unknown role '{}': use practitioner, line_manager, service_manager or independent_chair",
                            recipient.role
                        )
                    })?;
                    Ok(FindingsRecipient { role, name: recipient.name })
                })
                .collect::<Result<Vec<_>, String>>()?;
            FollowUpEventKind::FindingsShared { shared_on, recipients }
        }
        FollowUpWhatV5::ManagementResponse { responded_on, oversight, directions } => {
            let directions = directions
                .into_iter()
                .map(|direction| Direction {
                    action: direction.action,
                    what: direction.what,
                    owner: direction.owner,
                    due_on: direction.due_on,
                })
                .collect();
            FollowUpEventKind::ManagementResponse { responded_on, oversight, directions }
        }
        FollowUpWhatV5::CaseHolderDiscussion { held_on, grades_discussed, comment } => {
            FollowUpEventKind::CaseHolderDiscussion { held_on, grades_discussed, comment }
        }
        FollowUpWhatV5::FamilyFeedback {
            from,
            gathered_on,
            how_gathered,
            what_they_said,
            worker_response,
        } => {
            let from = parse_feedback_from(&from).ok_or_else(|| {
                format!(
                    "follow-up event {index} records feedback from '{from}': use child or parent_or_carer"
                )
            })?;
            FollowUpEventKind::FamilyFeedback {
                from,
                gathered_on,
                how_gathered,
                what_they_said,
                worker_response,
            }
        }
        FollowUpWhatV5::Closed { was } => {
            let was = parse_status(&was)
                .filter(|was| matches!(was, AuditStatus::Submitted | AuditStatus::Moderated))
                .ok_or_else(|| {
                    format!("follow-up event {index} closes from '{was}': only a submitted or moderated audit closes")
                })?;
            FollowUpEventKind::Closed { was }
        }
        FollowUpWhatV5::Reopened { reason } => FollowUpEventKind::Reopened { reason },
    };
    Ok(FollowUpEvent { recorded_on: stored.recorded_on, by: stored.by, what })
}
