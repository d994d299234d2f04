//! Tests for the findings shared and answered: sharing, the management response whose
//! directions become actions, the case-holder discussion, and the findings summary.

use super::lifecycle_tests::{complete_draft, day};
use super::*;
use crate::test_fixtures::case_file_template;
use crate::Template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn targets(problems: &[AuditProblem]) -> Vec<ProblemTarget> {
    problems.iter().map(|problem| problem.target.clone()).collect()
}

/// An audit graded requires improvement overall, submitted on 3 November 2026, with one action.
fn submitted() -> (Template, Audit) {
    let template = case_file_template();
    let mut draft = complete_draft(&template);
    draft.overall = Some("RI".into());
    draft.actions.push(Action::new("act-1", "Update the plan", "Team manager", Some(day(11, 30))));
    let submitted = draft.submit(&template, day(11, 3)).unwrap();
    (template, submitted)
}

fn direction(what: &str, owner: &str, due_on: Option<NaiveDate>) -> TypedDirection {
    TypedDirection { what: what.into(), owner: owner.into(), due_on }
}

#[test]
fn a_management_responses_directions_become_open_actions_that_keep_the_audit_open_until_done() {
    let (template, audit) = submitted();
    let response = ManagementResponse {
        responded_on: day(11, 12),
        oversight: "  Agree with the findings; the plan needs timescales.  ".into(),
        directions: vec![
            direction("Visit the child alone", "Sam Okafor", Some(day(11, 26))),
            direction("Chronology brought up to date", "Sam Okafor", Some(day(12, 10))),
        ],
    };
    let answered = audit.record_management_response(&response, "Ama Mensah", day(11, 13)).unwrap();
    let ids: Vec<&str> = answered.actions.iter().map(|action| action.id.as_str()).collect();
    assert_eq!(ids, ["act-1", "direction-1", "direction-2"]);
    assert_eq!(answered.actions[1].due_on, Some(day(11, 26)));
    assert_eq!(answered.actions[1].status, ActionStatus::Open);
    let Some(FollowUpEvent {
        by,
        what: FollowUpEventKind::ManagementResponse { oversight, directions, .. },
        ..
    }) = answered.follow_up.events.last()
    else {
        panic!("no management response recorded");
    };
    assert_eq!(
        (by.as_str(), oversight.as_str(), directions.len()),
        ("Ama Mensah", "Agree with the findings; the plan needs timescales.", 2)
    );
    // The answers stay locked: the held copy accepts the later one with no amendment.
    assert!(audit.unrecorded_changes(&answered).is_empty(), "{:?}", audit.unrecorded_changes(&answered));
    // A direction not yet done keeps the audit open, and is listed in words.
    let follow_ups = answered.follow_ups(&template, None, day(11, 27));
    let overdue =
        follow_ups.iter().find(|follow_up| follow_up.kind == FollowUpKind::Action("direction-1".into()));
    assert_eq!(overdue.map(|follow_up| follow_up.state), Some(FollowUpState::Overdue));
    assert!(answered.close(&template, None, "Ama Mensah", day(11, 27)).is_err());
    // A second response numbers its directions after the first.
    let again = ManagementResponse {
        responded_on: day(11, 20),
        oversight: "Further direction.".into(),
        directions: vec![direction("Share the plan with the family", "Sam Okafor", Some(day(11, 30)))],
    };
    let twice = answered.record_management_response(&again, "Ama Mensah", day(11, 20)).unwrap();
    assert_eq!(twice.actions.last().map(|action| action.id.as_str()), Some("direction-3"));
}

#[test]
fn an_action_added_by_hand_without_a_response_is_still_an_unrecorded_change() {
    let (_, audit) = submitted();
    let mut forged = audit.clone();
    forged.actions.push(Action::new("direction-1", "Invented", "Nobody", Some(day(12, 1))));
    let problems = audit.unrecorded_changes(&forged);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems.iter().all(|problem| problem.ends_with("with no amendment recording it")),
        "{problems:?}"
    );
}

#[test]
fn a_management_response_is_refused_with_every_problem_pointed_at_its_direction() {
    let (_, audit) = submitted();
    let response = ManagementResponse {
        responded_on: day(11, 12),
        oversight: " ".into(),
        directions: vec![
            direction("Visit the child", "", None),
            direction("", "Sam Okafor", Some(day(11, 1))),
        ],
    };
    let problems = audit.record_management_response(&response, "", day(11, 13)).unwrap_err();
    assert_eq!(
        targets(&problems),
        [
            ProblemTarget::FollowUp(FollowUpField::By),
            ProblemTarget::FollowUp(FollowUpField::Text),
            ProblemTarget::FollowUp(FollowUpField::Direction(0, ActionField::Owner)),
            ProblemTarget::FollowUp(FollowUpField::Direction(0, ActionField::DueOn)),
            ProblemTarget::FollowUp(FollowUpField::Direction(1, ActionField::What)),
            ProblemTarget::FollowUp(FollowUpField::Direction(1, ActionField::DueOn)),
        ]
    );
    assert_eq!(problems[5].message, "Direction 2 cannot be due before the response is given");
}

#[test]
fn findings_are_shared_with_named_recipients_and_refused_without_any() {
    let (_, audit) = submitted();
    let none = FindingsSharing { shared_on: day(11, 5), recipients: Vec::new() };
    let problems = audit.share_findings(&none, "Sam Patel", day(11, 5)).unwrap_err();
    assert_eq!(targets(&problems), [ProblemTarget::FollowUp(FollowUpField::Recipients)]);
    let unnamed = FindingsSharing {
        shared_on: day(11, 5),
        recipients: vec![FindingsRecipient { role: RecipientRole::IndependentChair, name: " ".into() }],
    };
    let problems = audit.share_findings(&unnamed, "Sam Patel", day(11, 5)).unwrap_err();
    assert_eq!(problems[0].message, "Enter the name of the IRO or independent chair");
    let sharing = FindingsSharing {
        shared_on: day(11, 5),
        recipients: vec![
            FindingsRecipient { role: RecipientRole::Practitioner, name: " Sam Okafor ".into() },
            FindingsRecipient { role: RecipientRole::LineManager, name: "Ama Mensah".into() },
        ],
    };
    let shared = audit.share_findings(&sharing, "Sam Patel", day(11, 6)).unwrap();
    let Some(FollowUpEventKind::FindingsShared { shared_on, recipients }) =
        shared.follow_up.events.last().map(|event| &event.what)
    else {
        panic!("no sharing recorded");
    };
    assert_eq!((*shared_on, recipients[0].name.as_str(), recipients.len()), (day(11, 5), "Sam Okafor", 2));
    assert_eq!(shared.actions, audit.actions);
}

#[test]
fn the_case_holder_discussion_needs_an_answer_on_the_grades() {
    let (_, audit) = submitted();
    let unanswered =
        CaseHolderDiscussion { held_on: day(11, 4), grades_discussed: None, comment: String::new() };
    let problems = audit.record_case_holder_discussion(&unanswered, "Sam Patel", day(11, 4)).unwrap_err();
    assert_eq!(targets(&problems), [ProblemTarget::FollowUp(FollowUpField::GradesDiscussed)]);
    let before_submission =
        CaseHolderDiscussion { held_on: day(11, 1), grades_discussed: Some(true), comment: String::new() };
    assert!(audit.record_case_holder_discussion(&before_submission, "Sam Patel", day(11, 4)).is_err());
    let held = CaseHolderDiscussion {
        held_on: day(11, 4),
        grades_discussed: Some(true),
        comment: " Agreed the plan lacked timescales. ".into(),
    };
    let recorded = audit.record_case_holder_discussion(&held, "Sam Patel", day(11, 4)).unwrap();
    assert_eq!(
        recorded.follow_up.events.last().map(|event| &event.what),
        Some(&FollowUpEventKind::CaseHolderDiscussion {
            held_on: day(11, 4),
            grades_discussed: true,
            comment: "Agreed the plan lacked timescales.".into()
        })
    );
}

#[test]
fn a_closed_audit_takes_no_findings_until_reopened() {
    let (template, audit) = submitted();
    let mut graded_good = audit.clone();
    graded_good.overall = Some("G".into());
    graded_good.actions[0].status = ActionStatus::Done;
    graded_good.actions[0].completed_on = Some(day(11, 4));
    let closed = graded_good.close(&template, None, "Sam Patel", day(11, 5)).unwrap();
    let held =
        CaseHolderDiscussion { held_on: day(11, 5), grades_discussed: Some(false), comment: String::new() };
    let problems = closed.record_case_holder_discussion(&held, "Sam Patel", day(11, 5)).unwrap_err();
    assert_eq!(problems[0].message, "This audit is closed: reopen it to record more follow-up");
}

#[test]
fn replaying_findings_events_recreates_the_directions_actions() {
    let (template, audit) = submitted();
    let response = ManagementResponse {
        responded_on: day(11, 12),
        oversight: "Oversight.".into(),
        directions: vec![direction("Visit the child alone", "Sam Okafor", Some(day(11, 26)))],
    };
    let answered = audit.record_management_response(&response, "Ama Mensah", day(11, 13)).unwrap();
    let replayed = audit.replay_follow_up(&answered.follow_up.events, &template, None).unwrap();
    assert_eq!(replayed, answered);
}

#[test]
fn the_findings_summary_counts_the_agreed_grades_and_reads_as_text() {
    let (template, audit) = submitted();
    let summary = audit.findings_summary(&template, None);
    assert_eq!(summary.heading(), "Findings of the case file audit of case CF-1042");
    assert_eq!(summary.overall.as_deref(), Some("Requires improvement"));
    let text = summary.to_text();
    assert!(text.contains("Audited by Sam Patel on 2 November 2026."), "{text}");
    assert!(text.contains("Evidence for risk."), "{text}");
    assert!(
        text.contains("- Update the plan. Owner: Team manager, due by 30 November 2026 (not started)"),
        "{text}"
    );
    assert!(!summary.agreed_at_moderation);
}

#[test]
fn the_childs_and_a_parents_views_are_recorded_and_listed_by_whose_they_are() {
    let (template, audit) = submitted();
    let typed = |from| FamilyFeedback {
        from,
        gathered_on: day(11, 5),
        how_gathered: "Seen alone at school".into(),
        what_they_said: "I want to see my dad more.".into(),
        worker_response: String::new(),
    };
    let problems =
        audit.record_family_feedback(&template, &typed(None), "Sam Patel", day(11, 6)).unwrap_err();
    assert_eq!(targets(&problems), [ProblemTarget::FollowUp(FollowUpField::FeedbackFrom)]);
    let heard = audit
        .record_family_feedback(&template, &typed(Some(FeedbackFrom::Child)), "Sam Patel", day(11, 6))
        .unwrap();
    assert_eq!(heard.family_feedback(FeedbackFrom::Child).count(), 1);
    assert_eq!(heard.family_feedback(FeedbackFrom::ParentOrCarer).count(), 0);
    assert_eq!(heard.views()[0].what_they_said, "I want to see my dad more.");
    assert!(heard.findings_summary(&template, None).to_text().contains(
        "The child's and family's views\n\nThe child or young person, 5 November 2026 (Seen alone at school)\nI want to see my dad more.\n"
    ));
    let mut supervision = template.clone();
    supervision.kind = crate::TemplateKind::SupervisionAudit;
    assert!(audit
        .record_family_feedback(&supervision, &typed(Some(FeedbackFrom::Child)), "Sam Patel", day(11, 6))
        .is_err());
}
