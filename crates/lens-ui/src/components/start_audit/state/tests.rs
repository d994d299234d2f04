//! The start form's transitions.

use lens_core::{AuditError, NewAudit};

use super::{SaveState, StartChange, StartState};

fn applied(changes: impl IntoIterator<Item = StartChange>) -> StartState {
    let mut state = StartState::new("Jo Bloggs".into(), None);
    for change in changes {
        state.apply(change);
    }
    state
}

#[test]
fn a_keystroke_in_each_field_before_a_render_keeps_both() {
    let state = applied([StartChange::CaseReference("CF-1".into()), StartChange::Auditor("Jo".into())]);
    assert_eq!(state.typed, NewAudit { case_reference: "CF-1".into(), auditor: "Jo".into() });
}

#[test]
fn one_template_on_offer_is_chosen_already() {
    assert_eq!(StartState::new(String::new(), Some("reflection".into())).chosen, "reflection");
    assert_eq!(StartState::new(String::new(), None).chosen, "");
}

#[test]
fn a_refused_submit_shows_its_problems_and_counts_the_attempt() {
    let problems = NewAudit::default().validate();
    assert!(!problems.is_empty());
    let refused = |errors: Vec<AuditError>| StartChange::Refused { errors, template_missing: true };
    let state = applied([refused(problems.clone()), refused(problems.clone())]);
    assert_eq!((state.errors, state.template_missing, state.attempt), (problems, true, 2));
}

#[test]
fn a_save_clears_the_problems_then_the_case_but_keeps_the_author_and_template() {
    let state = applied([
        StartChange::Refused { errors: NewAudit::default().validate(), template_missing: true },
        StartChange::CaseReference("CF-1".into()),
        StartChange::Chose("case-file-audit".into()),
        StartChange::SaveStarted,
    ]);
    assert_eq!((state.errors.len(), state.template_missing, &state.saving), (0, false, &SaveState::Saving));
    let mut saved = state.clone();
    saved.apply(StartChange::Saved);
    assert_eq!(saved.typed, NewAudit { case_reference: String::new(), auditor: "Jo Bloggs".into() });
    assert_eq!((saved.chosen.as_str(), &saved.saving), ("case-file-audit", &SaveState::Idle));
    let mut failed = state;
    failed.apply(StartChange::SaveFailed("The disk is full".into()));
    assert_eq!(failed.saving, SaveState::Failed("The disk is full".into()));
    assert_eq!(failed.typed.case_reference, "CF-1", "nothing typed is lost when a save fails");
}
