//! Tests for recording follow-up on a submitted audit, closing it and reopening it.

use super::lifecycle_tests::{complete_draft, day};
use super::*;
use crate::test_fixtures::case_file_template;
use crate::Template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn messages(problems: &[AuditProblem]) -> Vec<&str> {
    problems.iter().map(|problem| problem.message.as_str()).collect()
}

fn targets(problems: &[AuditProblem]) -> Vec<ProblemTarget> {
    problems.iter().map(|problem| problem.target.clone()).collect()
}

/// A submitted audit graded `overall`, submitted on 3 November 2026, with one action due on
/// 30 November.
fn submitted_graded(overall: &str) -> (Template, Audit) {
    let template = case_file_template();
    let mut draft = complete_draft(&template);
    draft.overall = Some(overall.into());
    draft.responses.get_mut("risk").unwrap().grade = Some(overall.into());
    draft.actions.push(Action::new("act-1", "Update the plan", "Team manager", Some(day(11, 30))));
    let submitted = draft.submit(&template, day(11, 3)).unwrap();
    (template, submitted)
}

fn progress(status: ActionStatus, completed_on: Option<NaiveDate>, note: &str) -> ActionProgress {
    ActionProgress { action: "act-1".into(), status, completed_on, note: note.into() }
}

#[test]
fn a_below_good_audit_goes_from_submitted_to_closed_with_each_step_recorded_and_its_answers_untouched() {
    let (template, submitted) = submitted_graded("RI");
    let problems = submitted.close(&template, None, "Dee Quinn", day(11, 20)).unwrap_err();
    assert_eq!(
        messages(&problems),
        [
            "Still to do: Graded Requires improvement overall: the service manager confirms corrective action was completed by 31 December 2026",
            "Still to do: Update the plan. Owner: Team manager"
        ]
    );

    let started = submitted
        .record_action_progress(
            &progress(ActionStatus::InProgress, None, "Plan review booked."),
            "Ama Mensah",
            day(11, 10),
        )
        .unwrap();
    assert_eq!(started.actions[0].status, ActionStatus::InProgress);
    let done = started
        .record_action_progress(
            &progress(ActionStatus::Done, Some(day(11, 24)), ""),
            "Ama Mensah",
            day(11, 25),
        )
        .unwrap();
    assert_eq!(
        (done.actions[0].completed_on, done.actions[0].completed_on_time()),
        (Some(day(11, 24)), Some(true))
    );

    let confirmation = CorrectiveActionConfirmation {
        confirmed_on: day(12, 2),
        what_was_done: "  Plan rewritten with timescales; visits weekly.  ".into(),
    };
    let confirmed =
        done.confirm_corrective_action(&template, None, &confirmation, "Dee Quinn", day(12, 3)).unwrap();
    assert_eq!(confirmed.follow_up.corrective_action_confirmed_on, Some(day(12, 2)));
    let closed = confirmed.close(&template, None, "Dee Quinn", day(12, 3)).unwrap();
    assert_eq!(closed.status, AuditStatus::Closed);

    let events: Vec<(&str, NaiveDate, &FollowUpEventKind)> = closed
        .follow_up
        .events
        .iter()
        .map(|event| (event.by.as_str(), event.recorded_on, &event.what))
        .collect();
    assert_eq!(
        events,
        [
            (
                "Ama Mensah",
                day(11, 10),
                &FollowUpEventKind::ActionProgress {
                    action: "act-1".into(),
                    status: ActionStatus::InProgress,
                    completed_on: None,
                    note: "Plan review booked.".into()
                }
            ),
            (
                "Ama Mensah",
                day(11, 25),
                &FollowUpEventKind::ActionProgress {
                    action: "act-1".into(),
                    status: ActionStatus::Done,
                    completed_on: Some(day(11, 24)),
                    note: String::new()
                }
            ),
            (
                "Dee Quinn",
                day(12, 3),
                &FollowUpEventKind::CorrectiveActionConfirmed {
                    confirmed_on: day(12, 2),
                    what_was_done: "Plan rewritten with timescales; visits weekly.".into()
                }
            ),
            ("Dee Quinn", day(12, 3), &FollowUpEventKind::Closed { was: AuditStatus::Submitted }),
        ]
    );
    // Follow-up is not an amendment: the answers and the amendment record are as submitted.
    assert_eq!(closed.amendments, []);
    assert_eq!((&closed.responses, &closed.overall), (&submitted.responses, &submitted.overall));
    assert_eq!(submitted.unrecorded_changes(&closed), Vec::<String>::new());
}

#[test]
fn an_inadequate_audit_needs_its_reflective_discussion_recorded_in_full_before_it_closes() {
    let (template, submitted) = submitted_graded("I");
    let empty =
        ReflectiveDiscussion { held_on: day(12, 9), who_took_part: " ".into(), agreed: String::new() };
    let problems =
        submitted.record_reflective_discussion(&template, None, &empty, "", day(12, 8)).unwrap_err();
    assert_eq!(
        messages(&problems),
        [
            "Enter your name: follow-up records who recorded it",
            "The date must be today or in the past",
            "Enter who took part",
            "Enter what was agreed"
        ]
    );
    assert_eq!(
        targets(&problems),
        [FollowUpField::By, FollowUpField::On, FollowUpField::WhoTookPart, FollowUpField::Text]
            .map(ProblemTarget::FollowUp)
    );
    let discussion = ReflectiveDiscussion {
        held_on: day(12, 8),
        who_took_part: "Sam Patel (auditor), Ama Mensah (social worker), Dee Quinn".into(),
        agreed: "A fortnightly case consultation until the plan is reviewed.".into(),
    };
    let discussed = submitted
        .record_reflective_discussion(&template, None, &discussion, "Dee Quinn", day(12, 8))
        .unwrap();
    assert_eq!(discussed.follow_up.reflective_discussion_on, Some(day(12, 8)));
    let again = discussed.record_reflective_discussion(&template, None, &discussion, "Dee Quinn", day(12, 9));
    assert_eq!(
        messages(&again.unwrap_err()),
        ["The reflective discussion was already recorded, held on 8 December 2026"]
    );
    let problems = discussed.close(&template, None, "Dee Quinn", day(12, 9)).unwrap_err();
    assert_eq!(problems.len(), 2, "the corrective action and the action are still to do: {problems:?}");

    // A good audit needs neither.
    let (template, good) = submitted_graded("G");
    assert!(good
        .record_reflective_discussion(&template, None, &discussion, "Dee Quinn", day(12, 8))
        .is_err());
    let confirmation = CorrectiveActionConfirmation { confirmed_on: day(12, 2), what_was_done: "x".into() };
    assert_eq!(
        messages(
            &good
                .confirm_corrective_action(&template, None, &confirmation, "Dee Quinn", day(12, 3))
                .unwrap_err()
        ),
        ["This audit's overall grade is not below good: it needs no corrective action"]
    );
}

#[test]
fn progress_is_refused_in_words_when_it_would_record_nothing_or_a_day_that_cannot_be() {
    let (template, submitted) = submitted_graded("G");
    let unchanged =
        submitted.record_action_progress(&progress(ActionStatus::Open, None, " "), "Ama", day(11, 10));
    assert_eq!(
        messages(&unchanged.unwrap_err()),
        ["The action is already not started: choose another status or write a note"]
    );
    let a_note_alone = submitted
        .record_action_progress(
            &progress(ActionStatus::Open, None, "Family away until the 20th."),
            "Ama",
            day(11, 10),
        )
        .unwrap();
    assert_eq!(a_note_alone.follow_up.events.len(), 1);
    let early = submitted.record_action_progress(
        &progress(ActionStatus::Done, Some(day(11, 1)), ""),
        "Ama",
        day(11, 10),
    );
    assert_eq!(
        messages(&early.unwrap_err()),
        ["The date must be on or after the audit was submitted (3 November 2026)"]
    );
    let unknown = ActionProgress { action: "act-9".into(), ..progress(ActionStatus::Done, None, "") };
    assert!(submitted.record_action_progress(&unknown, "Ama", day(11, 10)).is_err());
    // Done with no day given is done on the day it is recorded.
    let done = submitted
        .record_action_progress(&progress(ActionStatus::Done, None, ""), "Ama", day(11, 12))
        .unwrap();
    assert_eq!(done.actions[0].completed_on, Some(day(11, 12)));

    let draft = complete_draft(&template);
    assert_eq!(
        messages(&draft.close(&template, None, "Dee", day(12, 1)).unwrap_err()),
        ["Only a submitted or moderated audit can be closed; this one is a draft"]
    );
}

#[test]
fn a_closed_audit_takes_no_more_follow_up_until_it_is_reopened_with_a_reason_to_its_earlier_status() {
    let (template, submitted) = submitted_graded("G");
    let moderated = Audit { status: AuditStatus::Moderated, ..submitted };
    let done = moderated
        .record_action_progress(&progress(ActionStatus::Done, None, ""), "Ama", day(11, 12))
        .unwrap();
    let closed = done.close(&template, None, "Dee Quinn", day(11, 13)).unwrap();
    let refused =
        closed.record_action_progress(&progress(ActionStatus::InProgress, None, ""), "Ama", day(11, 14));
    assert_eq!(messages(&refused.unwrap_err()), ["This audit is closed: reopen it to record more follow-up"]);

    let problems = closed.reopen("Dee Quinn", "  ", day(11, 14)).unwrap_err();
    assert_eq!(targets(&problems), [ProblemTarget::FollowUp(FollowUpField::Reason)]);
    let reopened = closed.reopen("Dee Quinn", "The plan was not in fact updated.", day(11, 14)).unwrap();
    assert_eq!(reopened.status, AuditStatus::Moderated);
    assert_eq!(
        reopened.follow_up.events.last().map(|event| &event.what),
        Some(&FollowUpEventKind::Reopened { reason: "The plan was not in fact updated.".into() })
    );
    let again = reopened
        .record_action_progress(
            &progress(ActionStatus::InProgress, None, "Reopened: plan to be redone."),
            "Ama",
            day(11, 14),
        )
        .unwrap();
    assert_eq!(again.actions[0].status, ActionStatus::InProgress);
    assert!(reopened.reopen("Dee Quinn", "Twice", day(11, 15)).is_err(), "only a closed audit reopens");
}

#[test]
fn recorded_follow_up_cannot_be_undone_by_an_amendment_or_a_later_copy_and_a_closed_audit_is_not_amended() {
    let (template, submitted) = submitted_graded("G");
    let done = submitted
        .record_action_progress(&progress(ActionStatus::Done, Some(day(11, 20)), ""), "Ama", day(11, 21))
        .unwrap();
    // A note on a done action keeps the day it was done.
    let noted = done
        .record_action_progress(
            &progress(ActionStatus::Done, None, "Shared with the family."),
            "Ama",
            day(11, 28),
        )
        .unwrap();
    assert_eq!(noted.actions[0].completed_on, Some(day(11, 20)));

    // An amendment written from a copy taken before the progress keeps the progress as held.
    let mut revised = submitted.clone();
    revised.actions[0].what = "Update the child's plan".into();
    let amended = noted.amend(&revised, &template, "Dee", "Clearer action", day(11, 29)).unwrap();
    assert_eq!(
        (amended.actions[0].status, amended.actions[0].completed_on),
        (ActionStatus::Done, Some(day(11, 20)))
    );
    assert_eq!(amended.follow_up.events, noted.follow_up.events);

    // A later copy that drops what was recorded is not a later revision of it.
    let mut forgetful = noted.clone();
    forgetful.follow_up.events.remove(0);
    assert_eq!(noted.unrecorded_changes(&forgetful), ["follow-up already recorded was changed or removed"]);
    assert_eq!(done.unrecorded_changes(&noted), Vec::<String>::new(), "adding to it is fine");

    let closed = noted.close(&template, None, "Dee", day(11, 29)).unwrap();
    assert_eq!(
        messages(&closed.amend(&revised, &template, "Dee", "Typo", day(11, 30)).unwrap_err()),
        ["This audit is closed: reopen it to amend it"]
    );
}

#[test]
fn follow_up_recorded_on_one_copy_is_recorded_again_on_another_with_the_same_checks() {
    let (template, submitted) = submitted_graded("RI");
    // Two tabs: one records the action done, the other confirms the corrective action.
    let here = submitted
        .record_action_progress(
            &progress(ActionStatus::Done, Some(day(11, 20)), "Plan shared."),
            "Ama",
            day(11, 21),
        )
        .unwrap();
    let confirmation =
        CorrectiveActionConfirmation { confirmed_on: day(11, 22), what_was_done: "Plan rewritten".into() };
    let there =
        submitted.confirm_corrective_action(&template, None, &confirmation, "Dee", day(11, 22)).unwrap();
    let merged = there.replay_follow_up(&here.follow_up.events, &template, None).unwrap();
    assert_eq!(merged.follow_up.events.len(), 2);
    assert_eq!(
        (merged.actions[0].status, merged.follow_up.corrective_action_confirmed_on),
        (ActionStatus::Done, Some(day(11, 22)))
    );
    assert_eq!(merged.follow_up.events[1], here.follow_up.events[0], "who and when as first recorded");
    // What the other copy already holds is refused in words, not recorded twice.
    let twice = merged.replay_follow_up(&there.follow_up.events, &template, None).unwrap_err();
    assert_eq!(messages(&twice), ["The corrective action was already confirmed on 22 November 2026"]);
}
