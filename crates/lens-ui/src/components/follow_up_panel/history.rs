//! Everything recorded about an audit's follow-up, oldest first, in words: the table on its
//! record, printed with it.

use lens_core::{Audit, FollowUpEvent, FollowUpEventKind};
use yew::prelude::*;

use crate::components::scroll_table::scroll_table;

fn long(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// What `event` recorded, in a sentence; an action is named by what it is.
pub(crate) fn event_words(event: &FollowUpEvent, audit: &Audit) -> String {
    match &event.what {
        FollowUpEventKind::ActionProgress { action, status, completed_on, note } => {
            let what = audit.actions.iter().find(|held| &held.id == action).map_or_else(
                || "An action no longer on the audit".to_owned(),
                |held| format!("\"{}\"", held.what.trim().trim_end_matches('.')),
            );
            let stands = match completed_on {
                Some(on) => format!("done on {}", long(*on)),
                None => status.label().to_lowercase(),
            };
            let note = note.trim();
            if note.is_empty() {
                format!("{what}: {stands}.")
            } else {
                format!("{what}: {stands}. {note}")
            }
        }
        FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done } => {
            format!("Corrective action confirmed on {}: {what_was_done}", long(*confirmed_on))
        }
        FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed } => {
            format!("Reflective discussion held on {} with {who_took_part}. Agreed: {agreed}", long(*held_on))
        }
        FollowUpEventKind::FindingsShared { shared_on, recipients } => {
            let names: Vec<String> = recipients
                .iter()
                .map(|recipient| format!("{} ({})", recipient.name, recipient.role.in_sentence()))
                .collect();
            format!("Findings shared on {} with {}.", long(*shared_on), names.join(", "))
        }
        FollowUpEventKind::ManagementResponse { responded_on, oversight, directions } => {
            let given = match directions.len() {
                0 => "no directions".to_owned(),
                1 => "1 direction, now an action".to_owned(),
                count => format!("{count} directions, now actions"),
            };
            format!("Management response on {} ({given}): {oversight}", long(*responded_on))
        }
        FollowUpEventKind::CaseHolderDiscussion { held_on, grades_discussed, comment } => {
            let grades =
                if *grades_discussed { "the grades were discussed" } else { "the grades were not discussed" };
            let comment = comment.trim();
            if comment.is_empty() {
                format!("Discussed with the case holder on {}: {grades}.", long(*held_on))
            } else {
                format!(
                    "Discussed with the case holder on {}: {grades}. The case holder said: {comment}",
                    long(*held_on)
                )
            }
        }
        FollowUpEventKind::FamilyFeedback { from, gathered_on, how_gathered, .. } => {
            format!(
                "{} gathered on {} ({how_gathered}); shown with the grades.",
                capitalised(from.view()),
                long(*gathered_on)
            )
        }
        FollowUpEventKind::Closed { .. } => "Audit closed: every follow-up done.".to_owned(),
        FollowUpEventKind::Reopened { reason } => format!("Audit reopened: {reason}"),
    }
}

fn capitalised(words: &str) -> String {
    let mut letters = words.chars();
    letters.next().map(|first| first.to_uppercase().chain(letters).collect()).unwrap_or_default()
}

/// The table of what was recorded, or nothing when nothing was.
pub(crate) fn follow_up_history(audit: &Audit) -> Html {
    if audit.follow_up.events.is_empty() {
        return html! {};
    }
    let rows = audit.follow_up.events.iter().map(|event| {
        html! {
            <tr class="lens-table__row">
                <td class="lens-table__cell">{ long(event.recorded_on) }</td>
                <td class="lens-table__cell">{ event.by.clone() }</td>
                <td class="lens-table__cell">{ event_words(event, audit) }</td>
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-follow-up-history-title">
            <h3 class="lens-heading-m" id="lens-follow-up-history-title">{ "Follow-up recorded" }</h3>
            { scroll_table("lens-follow-up-history-title", html! {
                <table class="lens-table" aria-labelledby="lens-follow-up-history-title">
                    <thead><tr>
                        <th scope="col" class="lens-table__header">{ "Recorded" }</th>
                        <th scope="col" class="lens-table__header">{ "By" }</th>
                        <th scope="col" class="lens-table__header">{ "What" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use lens_core::{Action, ActionStatus, AuditId, AuditStatus, NewAudit, TemplateRef};

    use super::*;

    #[test]
    fn each_event_reads_as_a_sentence_naming_the_action_by_what_it_is() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam".into() };
        let mut audit = typed.start(AuditId::new("a"), TemplateRef::new("t", 1), day(2)).unwrap();
        audit.actions.push(Action::new("act-1", "Update the plan.", "Ama", None));
        let event = |what| FollowUpEvent { recorded_on: day(20), by: "Dee".into(), what };
        let words = |what| event_words(&event(what), &audit);
        assert_eq!(
            words(FollowUpEventKind::ActionProgress {
                action: "act-1".into(),
                status: ActionStatus::Done,
                completed_on: Some(day(18)),
                note: "Shared with the family.".into()
            }),
            "\"Update the plan\": done on 18 January 2027. Shared with the family."
        );
        assert_eq!(
            words(FollowUpEventKind::ActionProgress {
                action: "act-9".into(),
                status: ActionStatus::InProgress,
                completed_on: None,
                note: String::new()
            }),
            "An action no longer on the audit: in progress."
        );
        assert_eq!(
            words(FollowUpEventKind::ReflectiveDiscussion {
                held_on: day(19),
                who_took_part: "Sam and Ama".into(),
                agreed: "Weekly consultation.".into()
            }),
            "Reflective discussion held on 19 January 2027 with Sam and Ama. Agreed: Weekly consultation."
        );
        assert_eq!(
            words(FollowUpEventKind::Closed { was: AuditStatus::Submitted }),
            "Audit closed: every follow-up done."
        );
    }
}
