//! The follow-up panel's transitions and readings, natively.

use lens_core::{Action, AuditId, AuditStatus, FollowUpEventKind, ItemResponse, NewAudit};
use lens_store::template_document::builtin_templates;

use super::*;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, month, day).unwrap()
}

fn ofsted_template() -> Template {
    builtin_templates().into_iter().find(|template| template.id == "case-file-audit-ofsted").unwrap()
}

/// A submitted audit graded `overall` on 4 January 2027, with one action.
fn submitted(template: &Template, overall: &str) -> Audit {
    let typed = NewAudit { case_reference: "CF-88".into(), auditor: "Sam Patel".into() };
    let mut audit = typed.start(AuditId::new("a1"), template.reference(), day(1, 4)).unwrap();
    audit.set_header_value("audit-date", "2027-01-04");
    for item in template.items() {
        audit
            .responses
            .insert(item.id.clone(), ItemResponse { grade: Some(overall.into()), narrative: "Seen.".into() });
    }
    audit.overall = Some(overall.into());
    audit.actions.push(Action::new("act-1", "Update the plan", "Ama Mensah", Some(day(1, 31))));
    Audit { status: AuditStatus::Submitted, submitted_on: Some(day(1, 4)), ..audit }
}

fn typed(by: &str, on: &str, text: &str) -> Typed {
    Typed { by: by.into(), on: on.into(), text: text.into(), ..Typed::default() }
}

fn messages(outcome: Result<Audit, Vec<AuditProblem>>) -> Vec<String> {
    outcome.unwrap_err().into_iter().map(|problem| problem.message).collect()
}

#[test]
fn opening_a_form_starts_it_blank_but_keeps_the_name_and_recording_closes_it_and_says_so() {
    let state = PanelState::default()
        .apply(PanelChange::Open(FollowUpForm::Confirm, None))
        .apply(PanelChange::By("Dee Quinn".into()))
        .apply(PanelChange::Text("Plan rewritten".into()))
        .apply(PanelChange::Refused(vec![date_problem("Enter the day")]));
    assert_eq!((state.attempt, state.problems.len()), (1, 1));
    let progress =
        state.apply(PanelChange::Open(FollowUpForm::Progress, Some(("act-1".into(), ActionStatus::Open))));
    assert_eq!(
        progress.typed,
        Typed {
            by: "Dee Quinn".into(),
            action: "act-1".into(),
            status: Some(ActionStatus::Open),
            ..Typed::default()
        }
    );
    assert!(progress.problems.is_empty(), "a new form has no problems yet");
    let recorded = progress.apply(PanelChange::Status(ActionStatus::Done)).apply(PanelChange::Recorded);
    assert_eq!((recorded.open, recorded.recorded), (None, Some(FollowUpForm::Progress)));
    assert_eq!(recorded.typed.by, "Dee Quinn");
    assert_eq!(recorded.typed.status, None);
}

#[test]
fn a_date_that_is_not_a_date_is_named_in_its_place_with_every_other_problem() {
    let template = ofsted_template();
    let audit = submitted(&template, "RI");
    let attempt = Attempt { audit: &audit, template: &template, moderation: None, today: day(2, 10) };
    assert_eq!(
        messages(attempt.record(FollowUpForm::Confirm, &typed("", "2027-2-31", ""))),
        [
            "Enter your name: follow-up records who recorded it",
            "Enter the day the corrective action was confirmed as a real date, for example 27 3 2026",
            "Enter what was done"
        ]
    );
    assert_eq!(
        messages(attempt.record(FollowUpForm::Confirm, &typed("Dee Quinn", "", "Plan rewritten"))),
        ["Enter the day the corrective action was confirmed"]
    );
    let confirmed =
        attempt.record(FollowUpForm::Confirm, &typed("Dee Quinn", "2027-2-9", "Plan rewritten")).unwrap();
    assert_eq!(confirmed.follow_up.corrective_action_confirmed_on, Some(day(2, 9)));
}

#[test]
fn progress_done_without_a_day_is_done_today_and_a_status_must_be_chosen() {
    let template = ofsted_template();
    let audit = submitted(&template, "G");
    let attempt = Attempt { audit: &audit, template: &template, moderation: None, today: day(1, 20) };
    let none_chosen = Typed { action: "act-1".into(), ..typed("Ama Mensah", "", "") };
    assert_eq!(
        messages(attempt.record(FollowUpForm::Progress, &none_chosen)),
        ["Choose where the action stands"]
    );
    let done = Typed { status: Some(ActionStatus::Done), ..none_chosen.clone() };
    let recorded = attempt.record(FollowUpForm::Progress, &done).unwrap();
    assert_eq!(recorded.actions[0].completed_on, Some(day(1, 20)));
    // A day typed for an action not done is not recorded as its completion.
    let in_progress = Typed { status: Some(ActionStatus::InProgress), on: "2027-1-18".into(), ..none_chosen };
    let recorded = attempt.record(FollowUpForm::Progress, &in_progress).unwrap();
    assert_eq!(recorded.actions[0].completed_on, None);
    let closed = attempt.record(FollowUpForm::Close, &typed("Dee Quinn", "", ""));
    assert_eq!(messages(closed), ["Still to do: Update the plan. Owner: Ama Mensah"]);
}

#[test]
fn an_inadequate_audit_records_its_discussion_then_closes_and_reopens_with_a_reason() {
    let template = ofsted_template();
    let mut audit = submitted(&template, "I");
    audit.actions.clear();
    let at = |audit: &Audit, today, form, typed: &Typed| {
        Attempt { audit, template: &template, moderation: None, today }.record(form, typed)
    };
    let confirmed =
        at(&audit, day(2, 10), FollowUpForm::Confirm, &typed("Dee Quinn", "2027-2-9", "Plan rewritten"))
            .unwrap();
    let discussion = Typed {
        who_took_part: "Sam, Ama, Dee".into(),
        ..typed("Dee Quinn", "2027-2-10", "Weekly consultation")
    };
    let discussed = at(&confirmed, day(2, 10), FollowUpForm::Discussion, &discussion).unwrap();
    let closed = at(&discussed, day(2, 11), FollowUpForm::Close, &typed("Dee Quinn", "", "")).unwrap();
    assert_eq!(closed.status, AuditStatus::Closed);
    let no_reason = at(&closed, day(2, 12), FollowUpForm::Reopen, &typed("Dee Quinn", "", ""));
    assert_eq!(messages(no_reason), ["Enter why the audit is reopened"]);
    let reason =
        Typed { reason: "The plan was not shared with the family.".into(), ..typed("Dee Quinn", "", "") };
    let reopened = at(&closed, day(2, 12), FollowUpForm::Reopen, &reason).unwrap();
    assert_eq!(reopened.status, AuditStatus::Submitted);
    assert!(matches!(
        reopened.follow_up.events.last().map(|event| &event.what),
        Some(FollowUpEventKind::Reopened { .. })
    ));
}

#[test]
fn a_management_response_as_typed_drops_a_blank_last_direction_and_says_a_due_day_is_not_a_date() {
    let template = ofsted_template();
    let audit = submitted(&template, "RI");
    let attempt = Attempt { audit: &audit, template: &template, moderation: None, today: day(1, 20) };
    let state = PanelState::default()
        .apply(PanelChange::Open(FollowUpForm::Respond, None))
        .apply(PanelChange::By("Ama Mensah".into()))
        .apply(PanelChange::On("2027-1-18".into()))
        .apply(PanelChange::Text("Agree; the plan needs timescales.".into()))
        .apply(PanelChange::Direction(0, ActionField::What, "Visit the child alone".into()))
        .apply(PanelChange::Direction(0, ActionField::Owner, "Sam Okafor".into()))
        .apply(PanelChange::Direction(0, ActionField::DueOn, "2027-2-31".into()))
        .apply(PanelChange::AddDirection);
    assert_eq!(state.typed.directions.len(), 2);
    assert_eq!(
        messages(attempt.record(FollowUpForm::Respond, &state.typed)),
        ["Enter the day direction 1 is to be done by as a real date, for example 27 3 2026"]
    );
    let fixed = state.apply(PanelChange::Direction(0, ActionField::DueOn, "2027-2-28".into()));
    let answered = attempt.record(FollowUpForm::Respond, &fixed.typed).unwrap();
    assert_eq!(answered.actions.len(), 2, "the one direction given became an action");
    assert_eq!(answered.actions[1].due_on, Some(day(2, 28)));
    let removed = fixed.apply(PanelChange::RemoveDirection(1));
    assert_eq!(removed.typed.directions.len(), 1);
}

#[test]
fn findings_go_to_the_roles_ticked_in_form_order_with_the_names_typed() {
    let template = ofsted_template();
    let audit = submitted(&template, "G");
    let attempt = Attempt { audit: &audit, template: &template, moderation: None, today: day(1, 20) };
    let state = PanelState::default()
        .apply(PanelChange::Open(FollowUpForm::Share, None))
        .apply(PanelChange::By("Sam Patel".into()))
        .apply(PanelChange::On("2027-1-10".into()))
        .apply(PanelChange::Recipient(RecipientRole::IndependentChair, true))
        .apply(PanelChange::Recipient(RecipientRole::Practitioner, true))
        .apply(PanelChange::RecipientName(RecipientRole::Practitioner, "Sam Okafor".into()));
    assert_eq!(
        messages(attempt.record(FollowUpForm::Share, &state.typed)),
        ["Enter the name of the IRO or independent chair"]
    );
    let unticked = state.apply(PanelChange::Recipient(RecipientRole::IndependentChair, false));
    let shared = attempt.record(FollowUpForm::Share, &unticked.typed).unwrap();
    let Some(FollowUpEventKind::FindingsShared { recipients, .. }) =
        shared.follow_up.events.last().map(|e| &e.what)
    else {
        panic!("not shared");
    };
    assert_eq!((recipients.len(), recipients[0].role), (1, RecipientRole::Practitioner));
}
