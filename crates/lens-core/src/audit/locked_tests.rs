//! The lock on a submitted audit: changes between copies must be recorded amendments.

use super::lifecycle_tests::{complete_draft, day};
use super::*;
use crate::test_fixtures::case_file_template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn submitted() -> (Audit, crate::Template) {
    let template = case_file_template();
    let audit = complete_draft(&template).submit(&template, day(11, 21)).unwrap();
    (audit, template)
}

#[test]
fn an_amended_copy_is_explained_by_its_amendment() {
    let (held, template) = submitted();
    let mut revised = held.clone();
    revised.responses.get_mut("risk").unwrap().grade = Some("RI".into());
    let later = held.amend(&revised, &template, "Priya Shah", "Agreed at moderation", day(11, 25)).unwrap();
    assert_eq!(held.unrecorded_changes(&later), Vec::<String>::new());
    assert_eq!(later.amendment_record_problems(), Vec::<String>::new());
}

#[test]
fn grades_a_narrative_and_the_judgement_rewritten_without_an_amendment_are_each_named() {
    let (held, _) = submitted();
    let mut forged = held.clone();
    forged.responses.get_mut("risk").unwrap().grade = Some("I".into());
    forged.responses.get_mut("risk").unwrap().narrative = "Rewritten afterwards.".into();
    forged.overall = Some("I".into());
    let problems = held.unrecorded_changes(&forged);
    assert_eq!(problems, [
        "the grade of standard \"risk\" changed from \"G\" to \"I\" with no amendment recording it",
        "the narrative of standard \"risk\" changed from \"Evidence for risk.\" to \"Rewritten afterwards.\" with no amendment recording it",
        "the overall judgement changed from \"G\" to \"I\" with no amendment recording it",
    ]);
}

#[test]
fn an_amendment_that_does_not_match_the_answers_or_removes_an_earlier_one_is_refused() {
    let (held, template) = submitted();
    let mut revised = held.clone();
    revised.set_header_value("team", "Assessment North");
    let amended = held.amend(&revised, &template, "Priya Shah", "The case moved team", day(11, 25)).unwrap();
    // The amendment says North, the answers say South.
    let mut wrong = amended.clone();
    wrong.set_header_value("team", "Assessment South");
    let problems = held.unrecorded_changes(&wrong);
    assert_eq!(problems, ["the header field \"team\" is \"Assessment South\", not \"Assessment North\" as its last amendment records"]);
    assert_eq!(wrong.amendment_record_problems(), problems, "validate finds it in the copy alone");
    // A later copy that drops the recorded amendment.
    let mut dropped = amended.clone();
    dropped.amendments.clear();
    assert_eq!(amended.unrecorded_changes(&dropped), ["amendments already recorded were changed or removed"]);
}

#[test]
fn follow_up_and_drafts_change_without_amendments() {
    let template = case_file_template();
    let draft = complete_draft(&template);
    let mut edited = draft.clone();
    edited.overall = Some("RI".into());
    assert!(draft.unrecorded_changes(&edited).is_empty(), "a draft changes freely");
    let (held, _) = submitted();
    let mut moderated = held.clone();
    moderated.status = AuditStatus::Moderated;
    assert!(held.unrecorded_changes(&moderated).is_empty());
    let mut reopened = held.clone();
    reopened.status = AuditStatus::Draft;
    assert_eq!(
        held.unrecorded_changes(&reopened),
        ["it is a draft again, though the copy held was submitted"]
    );
}
