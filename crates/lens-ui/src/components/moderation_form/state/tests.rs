//! The moderation form's transitions, natively.

use lens_core::ProblemTarget;

use super::*;

fn applied(changes: Vec<ModerationChange>) -> ModerationState {
    let mut state = ModerationState::new("Jo Reed".into());
    for change in changes {
        state.apply(change);
    }
    state
}

#[test]
fn two_edits_before_a_render_are_both_kept() {
    let state = applied(vec![
        ModerationChange::Item(ItemEdit::Own(Graded::Standard("risk".into()), "G".into())),
        ModerationChange::Item(ItemEdit::Rationale(
            Graded::Standard("risk".into()),
            "Seen alone twice".into(),
        )),
        ModerationChange::Item(ItemEdit::Agreed(Graded::Standard("plans".into()), "RI".into())),
        ModerationChange::Item(ItemEdit::Own(Graded::Overall, "RI".into())),
    ]);
    let risk = &state.items["risk"];
    assert_eq!((risk.moderator_grade.as_deref(), risk.rationale.as_str()), (Some("G"), "Seen alone twice"));
    assert_eq!(state.items["plans"].agreed_grade.as_deref(), Some("RI"));
    assert_eq!(state.overall.moderator_grade.as_deref(), Some("RI"));
}

#[test]
fn once_compared_the_moderator_s_own_grades_are_fixed_and_the_agreed_ones_can_be_given() {
    let mut state = applied(vec![
        ModerationChange::Item(ItemEdit::Own(Graded::Standard("risk".into()), "G".into())),
        ModerationChange::Refused(vec![AuditProblem {
            target: ProblemTarget::Overall,
            message: "Give your overall judgement".into(),
        }]),
        ModerationChange::Item(ItemEdit::Own(Graded::Overall, "G".into())),
        ModerationChange::Compare,
    ]);
    assert!(state.comparing && state.problems.is_empty());
    state.apply(ModerationChange::Item(ItemEdit::Own(Graded::Standard("risk".into()), "O".into())));
    state.apply(ModerationChange::Item(ItemEdit::Own(Graded::Overall, "RI".into())));
    state.apply(ModerationChange::Item(ItemEdit::Agreed(Graded::Overall, "RI".into())));
    assert_eq!(state.items["risk"].moderator_grade.as_deref(), Some("G"), "the blind grade stays");
    assert_eq!(state.overall.moderator_grade.as_deref(), Some("G"));
    assert_eq!(state.overall.agreed_grade.as_deref(), Some("RI"));
}

#[test]
fn a_refused_completion_counts_and_a_save_clears_the_problems() {
    let problem = AuditProblem { target: ProblemTarget::Audit, message: "Enter the moderator's name".into() };
    let mut state = applied(vec![
        ModerationChange::Moderator(String::new()),
        ModerationChange::Refused(vec![problem.clone()]),
        ModerationChange::Refused(vec![problem.clone()]),
    ]);
    assert_eq!((state.problems.clone(), state.attempt), (vec![problem], 2));
    state.apply(ModerationChange::Moderator("Jo Reed".into()));
    state.apply(ModerationChange::SaveStarted);
    assert!(state.is_saving() && state.problems.is_empty());
    state.apply(ModerationChange::SaveFailed("the disk is full".into()));
    assert_eq!(state.progress, Progress::Failed("the disk is full".into()));
    assert!(!state.is_saving());
    state.apply(ModerationChange::Saved { confirmed: (3, 4), audit_problem: None });
    assert_eq!(state.progress, Progress::Saved { confirmed: (3, 4), audit_problem: None });
}
