//! Tests for the follow-up rules of the seeds.

use super::lifecycle_tests::{complete_draft, day};
use super::*;
use crate::test_fixtures::case_file_template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn the_following_month_ends_on_its_last_day() {
    assert_eq!(end_of_following_month(day(11, 2)), day(12, 31));
    assert_eq!(end_of_following_month(day(1, 31)), day(2, 28));
    assert_eq!(
        end_of_following_month(NaiveDate::from_ymd_opt(2027, 12, 15).unwrap()),
        NaiveDate::from_ymd_opt(2028, 1, 31).unwrap()
    );
}

#[test]
fn a_good_case_with_no_actions_needs_no_follow_up() {
    let template = case_file_template();
    let submitted = complete_draft(&template).submit(&template, day(11, 3)).unwrap();
    assert_eq!(submitted.follow_ups(&template, None, day(11, 3)), []);
    assert_eq!(complete_draft(&template).follow_ups(&template, None, day(11, 3)), [], "drafts need none");
}

#[test]
fn below_good_needs_corrective_action_confirmed_in_the_following_month() {
    let template = case_file_template();
    let mut draft = complete_draft(&template);
    draft.overall = Some("RI".into());
    draft.actions.push(Action::new("act-1", "Update the plan", "Team manager", Some(day(11, 20))));
    let submitted = draft.submit(&template, day(11, 3)).unwrap();
    let follow_ups = submitted.follow_ups(&template, None, day(11, 21));
    assert_eq!(follow_ups.len(), 2);
    assert_eq!(follow_ups[0].kind, FollowUpKind::CorrectiveActionConfirmation);
    assert_eq!((follow_ups[0].due_on, follow_ups[0].state), (Some(day(12, 31)), FollowUpState::Due));
    assert_eq!(
        follow_ups[0].message,
        "Graded Requires improvement overall: the service manager confirms corrective action was completed by 31 December 2026"
    );
    assert_eq!(follow_ups[1].state, FollowUpState::Overdue, "the action was due on 20 November");
    assert!(submitted.actions[0].is_overdue(day(11, 21)));

    let late = submitted.follow_ups(&template, None, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    assert_eq!(late[0].state, FollowUpState::Overdue);
    let mut confirmed = submitted.clone();
    confirmed.follow_up.corrective_action_confirmed_on = Some(day(12, 10));
    let follow_ups = confirmed.follow_ups(&template, None, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    assert_eq!(follow_ups[0].state, FollowUpState::Done(day(12, 10)));
}

#[test]
fn inadequate_needs_a_reflective_discussion_and_the_suggestion_counts_when_no_judgement_is_given() {
    let mut template = case_file_template();
    template.asks_overall_judgement = false;
    let mut draft = complete_draft(&template);
    draft.overall = None;
    draft.responses.get_mut("risk").unwrap().grade = Some("I".into());
    draft.actions.push(Action::new("act-1", "Strategy discussion", "Team manager", Some(day(11, 5))));
    let submitted = draft.submit(&template, day(11, 3)).unwrap();
    let kinds: Vec<FollowUpKind> =
        submitted.follow_ups(&template, None, day(11, 4)).into_iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FollowUpKind::CorrectiveActionConfirmation,
            FollowUpKind::ReflectiveDiscussion,
            FollowUpKind::Action("act-1".into())
        ]
    );
}

#[test]
fn an_action_names_its_owner_once_even_when_the_owner_has_brackets() {
    let template = case_file_template();
    let mut submitted = complete_draft(&template).submit(&template, day(11, 3)).unwrap();
    // An imported record may carry an action with no owner; it is named as such, not blank.
    submitted.actions.push(Action::new("a", "Visit the child alone.", "Sam Okafor (social worker)", None));
    submitted.actions.push(Action::new("b", "Update the chronology", " ", None));
    let messages: Vec<String> = submitted
        .follow_ups(&template, None, day(11, 4))
        .into_iter()
        .map(|follow_up| follow_up.message)
        .collect();
    assert_eq!(
        messages,
        ["Visit the child alone. Owner: Sam Okafor (social worker)", "Update the chronology. No owner named"]
    );
}

#[test]
fn an_audit_moderated_down_to_below_good_needs_corrective_action_after_its_moderation() {
    let template = case_file_template();
    let submitted = complete_draft(&template).submit(&template, day(11, 3)).unwrap();
    let mut moderation = crate::Moderation {
        id: "a1".into(),
        audit: submitted.id.clone(),
        moderator: "Priya Shah".into(),
        moderated_on: day(12, 5),
        items: Default::default(),
        overall: crate::ModeratedItem {
            moderator_grade: Some("RI".into()),
            agreed_grade: Some("RI".into()),
            rationale: "The plan has no timescales.".into(),
        },
        feedback: String::new(),
    };
    let follow_ups = submitted.follow_ups(&template, Some(&moderation), day(12, 6));
    assert_eq!(follow_ups.len(), 1);
    assert_eq!(follow_ups[0].kind, FollowUpKind::CorrectiveActionConfirmation);
    let end_of_january = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    assert_eq!((follow_ups[0].due_on, follow_ups[0].state), (Some(end_of_january), FollowUpState::Due));
    assert_eq!(
        follow_ups[0].message,
        "Agreed at moderation as Requires improvement overall (the auditor graded Good): the service manager confirms corrective action was completed by 31 January 2027"
    );
    assert!(
        submitted.close(&template, Some(&moderation), "Dee Quinn", day(12, 6)).is_err(),
        "it cannot close yet"
    );
    assert!(
        submitted.close(&template, None, "Dee Quinn", day(12, 6)).is_ok(),
        "without the moderation it could"
    );

    // Agreed down to inadequate: the reflective discussion says how the grade came about too.
    moderation.overall.agreed_grade = Some("I".into());
    let messages: Vec<String> = submitted
        .follow_ups(&template, Some(&moderation), day(12, 6))
        .into_iter()
        .map(|follow_up| follow_up.message)
        .collect();
    assert_eq!(
        messages[1],
        "Agreed at moderation as Inadequate overall (the auditor graded Good): hold a post-audit reflective discussion"
    );

    // Agreed as the auditor graded it: nothing more to do.
    moderation.overall.agreed_grade = Some("G".into());
    assert_eq!(submitted.follow_ups(&template, Some(&moderation), day(12, 6)), []);
}
