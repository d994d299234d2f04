//! Follow-up events between their stored layout (schema 4) and [`FollowUpEvent`].

use lens_core::{AuditStatus, FollowUpEvent, FollowUpEventKind};

use super::convert::{action_status_code, parse_action_status, parse_status, status_name};
use super::v4::{FollowUpEventV4, FollowUpWhatV4};

/// An event as stored.
pub(crate) fn event_to_record(event: &FollowUpEvent) -> FollowUpEventV4 {
    let what = match &event.what {
        FollowUpEventKind::ActionProgress { action, status, completed_on, note } => {
            FollowUpWhatV4::ActionProgress {
                action: action.clone(),
                status: action_status_code(*status).to_owned(),
                completed_on: *completed_on,
                note: note.clone(),
            }
        }
        FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
            FollowUpWhatV4::CorrectiveActionConfirmed {
                confirmed_on: *confirmed_on,
                what_was_done: what_was_done.clone(),
            }
        }
        FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
            FollowUpWhatV4::ReflectiveDiscussion {
                held_on: *held_on,
                who_took_part: who_took_part.clone(),
                agreed: agreed.clone(),
            }
        }
        FollowUpEventKind::Closed { was } => FollowUpWhatV4::Closed { was: status_name(*was).to_owned() },
        FollowUpEventKind::Reopened { reason } => FollowUpWhatV4::Reopened { reason: reason.clone() },
    };
    FollowUpEventV4 { recorded_on: event.recorded_on, by: event.by.clone(), what }
}

/// The event a stored one holds, or what is wrong with it (`index` counts from 1 for people).
pub(super) fn event_from_record(index: usize, stored: FollowUpEventV4) -> Result<FollowUpEvent, String> {
    let what = match stored.what {
        FollowUpWhatV4::ActionProgress { action, status, completed_on, note } => {
            let status = parse_action_status(&status).ok_or_else(|| {
                format!("follow-up event {index} gives action {action} an unknown status '{status}'")
            })?;
            FollowUpEventKind::ActionProgress { action, status, completed_on, note }
        }
        FollowUpWhatV4::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
            FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done }
        }
        FollowUpWhatV4::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
            FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed }
        }
        FollowUpWhatV4::Closed { was } => {
            let was = parse_status(&was)
                .filter(|was| matches!(was, AuditStatus::Submitted | AuditStatus::Moderated))
                .ok_or_else(|| {
                    format!("follow-up event {index} closes from '{was}': only a submitted or moderated audit closes")
                })?;
            FollowUpEventKind::Closed { was }
        }
        FollowUpWhatV4::Reopened { reason } => FollowUpEventKind::Reopened { reason },
    };
    Ok(FollowUpEvent { recorded_on: stored.recorded_on, by: stored.by, what })
}
