//! The form's transitions, natively: edits, the steps of a save, a conflict, submitting and
//! amending.

use chrono::{NaiveDate, TimeZone, Utc};
use lens_core::{AmendmentField, AuditStatus, NewAudit, ProblemTarget, TemplateRef};

use super::*;

fn revision(number: u64) -> Revision {
    Revision::new(number).unwrap()
}

fn opened() -> FormState {
    opened_on(true)
}

/// The form over a durable store (`true`) or the page's memory.
fn opened_on(durable: bool) -> FormState {
    let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam Patel".into() };
    let started = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let audit = typed.start(AuditId::new("a1"), TemplateRef::new("case-file-audit", 1), started).unwrap();
    let updated_at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    FormState::new(&Versioned { value: audit, revision: revision(1), updated_at }, durable)
}

fn grade(item: &str, code: &str) -> Edit {
    Edit::Grade(item.into(), code.into())
}

#[test]
fn an_edit_changes_the_audit_counts_a_generation_and_says_saving() {
    let mut form = opened();
    assert_eq!(form.edit(grade("risk", "G")), Edited::Audit);
    assert_eq!((form.generation, &form.status), (1, &SaveStatus::Saving));
    assert_eq!(form.audit.responses["risk"].grade.as_deref(), Some("G"));
    assert_eq!(form.edit(grade("risk", "G")), Edited::Nothing, "the same value again changes nothing");
    assert_eq!(form.generation, 1);
}

#[test]
fn a_save_is_based_on_the_last_revision_and_one_runs_at_a_time() {
    let mut form = opened();
    form.edit(grade("risk", "G"));
    let (audit, base) = form.save_started().expect("nothing under way");
    assert_eq!((audit.responses["risk"].grade.as_deref(), base), (Some("G"), Some(revision(1))));
    form.edit(grade("risk", "RI"));
    assert_eq!(form.save_started(), None, "a second save waits for the first");
    assert!(form.saved(revision(2), "09:01".into()), "the waiting save follows");
    assert_eq!(form.status, SaveStatus::Saving, "the newer grade is not stored yet");
    let (audit, base) = form.save_started().expect("the follow-up save");
    assert_eq!((audit.responses["risk"].grade.as_deref(), base), (Some("RI"), Some(revision(2))));
    assert!(!form.saved(revision(3), "09:02".into()), "nothing more to save");
    assert_eq!((form.base, form.status_text()), (Some(revision(3)), "Saved at 09:02".to_owned()));
}

#[test]
fn a_save_refused_by_another_tab_stops_autosave_until_the_person_chooses() {
    let mut form = opened();
    form.edit(grade("risk", "G"));
    form.save_started().unwrap();
    form.edit(grade("risk", "RI"));
    assert_eq!(form.save_started(), None);
    form.refused_by_other_tab();
    assert_eq!(form.status, SaveStatus::Conflict);
    assert_eq!(form.edit(grade("risk", "O")), Edited::Audit);
    assert_eq!(form.status, SaveStatus::Conflict, "an edit does not hide the conflict");
    assert_eq!(form.save_started(), None, "no save while the conflict stands");
    form.kept_as_copy(AuditId::new("a2"));
    assert_eq!((form.status.clone(), form.base), (SaveStatus::Idle, None));
    let (audit, base) = form.save_started().expect("the copy is saved as new");
    assert_eq!((audit.id, base), (AuditId::new("a2"), None));
}

#[test]
fn a_failed_save_says_why_and_the_next_one_may_start() {
    let mut form = opened();
    form.edit(grade("risk", "G"));
    form.save_started().unwrap();
    assert!(!form.save_failed("the disk is full".into()));
    assert_eq!(form.status_text(), "Not saved: the disk is full");
    assert!(form.unsaved(), "leaving now would lose the grade");
    assert!(form.save_started().is_some());
}

#[test]
fn submitting_with_problems_keeps_the_audit_and_counts_the_attempt() {
    let mut form = opened();
    let problems =
        vec![AuditProblem { target: ProblemTarget::Overall, message: "Give the overall judgement".into() }];
    assert!(!form.submitted(Err(problems.clone())));
    assert!(!form.submitted(Err(problems.clone())));
    assert_eq!((form.problems.clone(), form.attempt, form.audit.status), (problems, 2, AuditStatus::Draft));
    let submitted = Audit { status: AuditStatus::Submitted, ..form.audit.clone() };
    assert!(form.submitted(Ok(submitted)));
    assert_eq!((form.audit.status, form.problems.len()), (AuditStatus::Submitted, 0));
}

#[test]
fn answers_are_checked_before_anything_locks_and_a_change_goes_back_to_its_field() {
    let mut form = opened();
    let problems =
        vec![AuditProblem { target: ProblemTarget::Overall, message: "Give the overall judgement".into() }];
    assert!(!form.answers_checked(problems));
    assert_eq!((form.stage, form.attempt, form.take_focus()), (Stage::Editing, 1, None));
    assert!(form.answers_checked(Vec::new()));
    assert_eq!((form.stage, form.problems.len()), (Stage::Checking, 0));
    assert_eq!(form.take_focus().as_deref(), Some(CHECK_TITLE_ID));
    assert_eq!(form.take_focus(), None, "focus moves once");
    assert_eq!(form.audit.status, AuditStatus::Draft, "checking locks nothing");
    form.change_answer("lens-i-risk-grade-0");
    assert_eq!((form.stage, form.take_focus().as_deref()), (Stage::Editing, Some("lens-i-risk-grade-0")));
    assert!(form.answers_checked(Vec::new()));
    // Submitting can still be refused (a date now in the future): back to the form.
    let late = vec![AuditProblem { target: ProblemTarget::Audit, message: "Check the date".into() }];
    assert!(!form.submitted(Err(late)));
    assert_eq!(form.stage, Stage::Editing);
    assert!(form.answers_checked(Vec::new()));
    form.take_focus();
    assert!(form.submitted(Ok(Audit { status: AuditStatus::Submitted, ..form.audit.clone() })));
    assert_eq!((form.stage, form.take_focus().as_deref()), (Stage::JustSubmitted, Some(SUBMITTED_TITLE_ID)));
}

#[test]
fn an_amendment_collects_edits_apart_from_the_audit_until_cancelled() {
    let mut form = opened();
    form.audit.status = AuditStatus::Submitted;
    form.amend();
    assert_eq!(form.edit(grade("risk", "RI")), Edited::AmendmentDraft);
    assert!(form.edit_amendment(AmendmentField::Reason, "Agreed at moderation".into()));
    let draft = form.amending.clone().unwrap();
    assert_eq!(draft.revised.responses["risk"].grade.as_deref(), Some("RI"));
    assert_eq!(draft.reason, "Agreed at moderation");
    assert!(form.audit.responses.is_empty(), "the audit changes only when the amendment is saved");
    let (_, generation, base) = form.draft_save_started().unwrap();
    assert_eq!(base, None, "no draft record was read");
    assert!(!form.draft_saved(generation, Ok((revision(1), "10:00".into()))));
    assert_eq!(form.status_text(), "Amendment draft saved at 10:00");
    let (_, _, base) = form.draft_save_started().unwrap();
    assert_eq!(base, Some(revision(1)), "the next draft save is based on the last");
    form.edit_amendment(AmendmentField::Reason, "Agreed at moderation on 3 May".into());
    form.draft_saved(generation, Ok((revision(2), "10:01".into())));
    assert_eq!(form.status, SaveStatus::Saving, "a draft save older than the last key does not say Saved");
    assert!(!form.amendment_restored(draft.clone(), None), "the amendment being written is kept");
    form.cancel_amendment();
    assert_eq!((form.amending.is_none(), &form.status), (true, &SaveStatus::Idle));
    assert!(!form.edit_amendment(AmendmentField::By, "Priya".into()));
    assert!(
        !form.draft_saved(form.generation, Ok((revision(3), "10:02".into()))),
        "a cancelled draft's save is ignored"
    );
    assert_eq!(form.status, SaveStatus::Idle);
    assert!(form.amendment_restored(draft, Some(revision(3))));
    assert!(form.restored_amendment);
}

#[test]
fn a_save_that_finishes_after_a_newer_keystroke_does_not_say_saved() {
    let mut form = opened();
    form.edit(Edit::Narrative("risk".into(), "Risk was assesse".into()));
    form.save_started().unwrap();
    // The last key lands while the save commits; its own pause has not ended yet.
    form.edit(Edit::Narrative("risk".into(), "Risk was assessed".into()));
    assert!(!form.saved(revision(2), "09:01".into()), "no save was asked for during the commit");
    assert_eq!(form.status_text(), "Saving…");
    assert!(form.unsaved(), "the last character is on screen only");
    let (audit, base) = form.save_started().expect("the pause's save");
    assert_eq!((audit.responses["risk"].narrative.as_str(), base), ("Risk was assessed", Some(revision(2))));
    form.saved(revision(3), "09:01".into());
    assert_eq!((form.status_text(), form.unsaved()), ("Saved at 09:01".to_owned(), false));
}

#[test]
fn typing_that_never_pauses_is_saved_at_the_longest_wait() {
    let mut form = opened();
    form.edit(Edit::Narrative("risk".into(), "R".into()));
    assert!(form.arm_deadline(), "the first change sets the deadline");
    form.edit(Edit::Narrative("risk".into(), "Ri".into()));
    assert!(!form.arm_deadline(), "later keys keep the same deadline");
    assert!(form.deadline_reached(), "keys typed without a pause are due at the deadline");
    form.save_started().unwrap();
    assert!(form.arm_deadline(), "the next key after the deadline sets a new one");
    assert!(!form.deadline_reached(), "nothing typed since the save started");
    form.edit(Edit::Narrative("risk".into(), "Ris".into()));
    assert!(form.arm_deadline());
    assert!(form.deadline_reached(), "a key typed during the save is due, and follows it");
    assert_eq!(form.save_started(), None, "it waits for the save under way");
    assert!(form.saved(revision(2), "09:00".into()), "then it follows at once");
}

#[test]
fn the_deadline_saves_an_amendment_draft_typed_without_a_pause() {
    let mut form = opened();
    form.audit.status = AuditStatus::Submitted;
    form.amend();
    form.edit(grade("risk", "RI"));
    assert!(form.arm_deadline());
    assert!(form.deadline_reached());
    let (draft, generation, _) = form.draft_save_started().unwrap();
    assert_eq!(draft.revised.responses["risk"].grade.as_deref(), Some("RI"));
    assert!(form.arm_deadline());
    assert!(!form.deadline_reached(), "the draft sent is the latest");
    assert!(!form.draft_saved(generation, Ok((revision(1), "10:00".into()))));
    assert_eq!(form.status_text(), "Amendment draft saved at 10:00");
}

#[test]
fn memory_only_mode_never_says_saved() {
    let mut form = opened_on(false);
    form.edit(grade("risk", "G"));
    form.save_started().unwrap();
    form.saved(revision(2), "09:00".into());
    let text = form.status_text();
    assert!(!text.starts_with("Saved"), "{text}");
    assert!(text.contains("kept in this page only"), "{text}");
    assert!(form.unsaved(), "closing the page would lose it, so leaving is warned");
}

#[test]
fn stored_data_deleted_under_the_page_holds_saving_until_the_person_saves_again() {
    let mut form = opened();
    form.edit(grade("risk", "G"));
    form.save_started().unwrap();
    form.storage_deleted();
    assert_eq!(form.status, SaveStatus::Deleted);
    assert_eq!(form.edit(grade("risk", "RI")), Edited::Audit);
    assert_eq!(form.status, SaveStatus::Deleted, "an edit does not hide what happened");
    assert_eq!(form.save_started(), None, "nothing is saved on its own");
    assert!(!form.deadline_reached());
    assert!(form.unsaved());
    assert_eq!(form.audit.responses["risk"].grade.as_deref(), Some("RI"), "the page keeps the audit");
    form.save_again_here();
    let (audit, base) = form.save_started().expect("saved again when asked");
    assert_eq!((audit.responses["risk"].grade.as_deref(), base), (Some("RI"), None));
}

#[test]
fn a_second_tab_s_amendment_stops_draft_saves_until_the_person_chooses() {
    let mut form = opened();
    form.audit.status = AuditStatus::Submitted;
    form.amend();
    form.edit(grade("risk", "RI"));
    let (_, generation, _) = form.draft_save_started().unwrap();
    form.edit(grade("risk", "I"));
    assert!(form.draft_save_started().is_none(), "one draft save at a time");
    form.draft_refused_by_other_tab();
    assert_eq!(
        form.status_text(),
        "Not saved: this amendment is also being written in another tab or window"
    );
    assert!(form.draft_save_started().is_none(), "nothing is saved over the other tab's amendment");
    assert!(!form.draft_saved(generation, Err("late".into())));
    form.kept_my_amendment(Some(revision(4)));
    let (draft, _, base) = form.draft_save_started().expect("saved again when asked");
    assert_eq!((draft.revised.responses["risk"].grade.as_deref(), base), (Some("I"), Some(revision(4))));
}

#[test]
fn a_due_date_being_typed_is_kept_as_typed_and_never_called_saved() {
    let mut form = opened();
    form.edit(Edit::AddAction("act-1".into()));
    let typed = || Edit::Action(0, ActionPart::DueOn, "-1-5".into());
    assert_eq!(form.edit(typed()), Edited::Shown, "shown again, nothing stored");
    assert_eq!(form.edit(typed()), Edited::Nothing);
    assert_eq!(form.due_typed["act-1"], "-1-5", "what was typed stays on screen");
    let (audit, _) = form.save_started().unwrap();
    assert_eq!(audit.actions[0].due_on, None);
    form.saved(revision(2), "10:00".into());
    assert_eq!(form.status_text(), "Saved at 10:00, except a due date that is not yet a real date");
    assert!(form.unsaved(), "leaving would lose the part typed");
    let problems = form.with_unfinished_dates(vec![AuditProblem {
        target: ProblemTarget::Action(0, ActionField::DueOn),
        message: "Enter when action 1 is due".into(),
    }]);
    assert_eq!(problems[0].message, "When action 1 is due must be a real date, for example 27 3 2026");
    assert_eq!(form.edit(Edit::Action(0, ActionPart::DueOn, "2027-1-5".into())), Edited::Audit);
    assert_eq!(form.audit.actions[0].due_on, NaiveDate::from_ymd_opt(2027, 1, 5));
    assert!(form.unfinished_due_dates().is_empty());
    assert_eq!(form.with_unfinished_dates(Vec::new()), []);
}
