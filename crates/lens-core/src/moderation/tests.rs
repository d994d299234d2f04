//! Tests for moderation records and the calibration data they give.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::test_fixtures::case_file_template;
use crate::{ItemResponse, NewAudit};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn submitted_audit(template: &Template) -> Audit {
    let typed = NewAudit { case_reference: "CF-7".into(), auditor: "Dev Singh".into() };
    let mut audit = typed.start(AuditId::new("a7"), template.reference(), day(2)).unwrap();
    for (item, grade) in [("risk", "G"), ("involvement", "O"), ("decisions", "G"), ("assessments", "RI")] {
        audit
            .responses
            .insert(item.into(), ItemResponse { grade: Some(grade.into()), narrative: "Seen.".into() });
    }
    Audit { status: AuditStatus::Submitted, submitted_on: Some(day(3)), ..audit }
}

fn moderated(grades: &[(&str, &str, &str, &str)]) -> Moderation {
    let items: BTreeMap<String, ModeratedItem> = grades
        .iter()
        .map(|(item, moderator, agreed, rationale)| {
            let item_grades = ModeratedItem {
                moderator_grade: Some((*moderator).into()),
                agreed_grade: Some((*agreed).into()),
                rationale: (*rationale).into(),
            };
            ((*item).to_owned(), item_grades)
        })
        .collect();
    Moderation {
        id: "m1".into(),
        audit: AuditId::new("a7"),
        moderator: "Priya Shah".into(),
        moderated_on: day(12),
        items,
        overall: ModeratedItem {
            moderator_grade: Some("G".into()),
            agreed_grade: Some("G".into()),
            rationale: String::new(),
        },
        feedback: String::new(),
    }
}

#[test]
fn a_complete_moderation_marks_the_audit_moderated_and_keeps_its_grades() {
    let template = case_file_template();
    let audit = submitted_audit(&template);
    let moderation = moderated(&[
        ("risk", "G", "G", ""),
        ("involvement", "G", "G", "Father not seen; good, not outstanding."),
        ("decisions", "G", "G", ""),
        ("assessments", "I", "RI", ""),
    ]);
    assert_eq!(moderation.check(&audit, &template), []);
    let marked = audit.mark_moderated(&moderation, &template).unwrap();
    assert_eq!(marked.status, AuditStatus::Moderated);
    assert_eq!(marked.responses, audit.responses, "the auditor's grades stay as they were");
    assert_eq!(moderation.agreed_grade("involvement"), Some("G"));
    // Involvement went from O to G; the other three agreed grades match the auditor's.
    assert_eq!(moderation.confirmed_grades(&audit), (3, 4));

    let calibration = moderation.calibration_gradings(&audit, &template);
    let pairs: Vec<(&str, Option<usize>, Option<usize>)> =
        calibration.iter().map(|g| (g.standard.as_str(), g.auditor_grade, g.moderator_grade)).collect();
    assert_eq!(
        pairs,
        [
            ("risk", Some(1), Some(1)),
            ("involvement", Some(0), Some(1)),
            ("decisions", Some(1), Some(1)),
            ("assessments", Some(2), Some(2))
        ]
    );
    assert!(calibration.iter().all(|g| g.auditor == "Dev Singh" && g.date == day(12)));
    let independent = moderation.independent_gradings(&audit, &template);
    assert_eq!(independent[3].moderator_grade, Some(3));
}

#[test]
fn missing_grades_and_unexplained_changes_are_reported_per_item() {
    let template = case_file_template();
    let audit = submitted_audit(&template);
    let mut moderation =
        moderated(&[("risk", "G", "RI", ""), ("involvement", "O", "O", ""), ("decisions", "Z", "G", "")]);
    moderation.moderator = " ".into();
    let messages: Vec<String> = moderation.check(&audit, &template).into_iter().map(|p| p.message).collect();
    assert_eq!(
        messages,
        [
            "Enter the moderator's name",
            "Give the rationale for the agreed grade of standard 1 \"Risk is identified, responded to and reduced\": it differs from the auditor's",
            "The moderator's grade \"Z\" for standard 3 \"Decision making is effective and timely\" is not on the scale",
            "Give the moderator's grade for standard 4 \"Assessments are timely, analytical and reflect…\"",
            "Give the agreed grade for standard 4 \"Assessments are timely, analytical and reflect…\"",
        ]
    );
    assert!(audit.mark_moderated(&moderation, &template).is_err());
    let draft = Audit { status: AuditStatus::Draft, ..audit };
    let complete = moderated(&[
        ("risk", "G", "G", ""),
        ("involvement", "O", "O", ""),
        ("decisions", "G", "G", ""),
        ("assessments", "RI", "RI", ""),
    ]);
    assert_eq!(complete.check(&draft, &template)[0].message, "Only a submitted audit can be moderated");
}

#[test]
fn the_audit_s_author_cannot_moderate_it_whatever_the_spacing_or_case() {
    let template = case_file_template();
    let audit = submitted_audit(&template);
    let mut moderation = moderated(&[
        ("risk", "G", "G", ""),
        ("involvement", "O", "O", ""),
        ("decisions", "G", "G", ""),
        ("assessments", "RI", "RI", ""),
    ]);
    moderation.moderator = "  dev   SINGH ".into();
    let problems: Vec<String> = moderation.check(&audit, &template).into_iter().map(|p| p.message).collect();
    assert_eq!(
        problems,
        ["Dev Singh wrote this audit, so cannot moderate it: a moderation is an independent grading. Ask another moderator"]
    );
    assert!(audit.mark_moderated(&moderation, &template).is_err(), "and the audit is not marked moderated");
}

#[test]
fn grade_gaps_are_measured_on_the_scale() {
    let template = case_file_template();
    let scale = template.scale.as_ref().unwrap();
    let codes: Vec<&str> = scale.grades.iter().map(|grade| grade.code.as_str()).collect();
    assert_eq!(GradeGap::between(scale, codes[0], codes[0]), Some(GradeGap::Same));
    assert_eq!(GradeGap::between(scale, codes[1], codes[0]), Some(GradeGap::OneApart));
    assert_eq!(GradeGap::between(scale, codes[0], codes[2]), Some(GradeGap::TwoOrMore));
    assert_eq!(GradeGap::between(scale, codes[0], "not a grade"), None);
    assert_eq!(GradeGap::OneApart.label(), "One grade apart");
}

#[test]
fn the_overall_judgement_is_moderated_and_an_agreed_one_that_differs_needs_its_rationale() {
    let template = case_file_template();
    let mut audit = submitted_audit(&template);
    audit.overall = Some("G".into());
    let mut moderation = moderated(&[
        ("risk", "G", "G", ""),
        ("involvement", "O", "O", ""),
        ("decisions", "G", "G", ""),
        ("assessments", "RI", "RI", ""),
    ]);
    moderation.overall = ModeratedItem::default();
    assert!(!moderation.own_grades_complete(&audit, &template), "the overall judgement is still to grade");
    let messages: Vec<String> = moderation.check(&audit, &template).into_iter().map(|p| p.message).collect();
    assert_eq!(messages, ["Give your overall judgement", "Give the agreed overall judgement"]);

    moderation.overall.moderator_grade = Some("RI".into());
    assert!(moderation.own_grades_complete(&audit, &template));
    moderation.overall.agreed_grade = Some("RI".into());
    let problems = moderation.check(&audit, &template);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].target, ProblemTarget::OverallRationale);
    moderation.overall.rationale = "Plans lack timescales across the file.".into();
    assert_eq!(moderation.check(&audit, &template), []);
    assert_eq!(audit.counted_overall(&template, Some(&moderation)).as_deref(), Some("RI"));
    assert_eq!(audit.counted_overall(&template, None).as_deref(), Some("G"), "the auditor's stays as it was");
    assert_eq!(audit.mark_moderated(&moderation, &template).unwrap().overall.as_deref(), Some("G"));
}

#[test]
fn the_comparison_waits_for_every_standard_the_auditor_graded() {
    let template = case_file_template();
    let audit = submitted_audit(&template);
    let mut moderation =
        moderated(&[("risk", "G", "G", ""), ("involvement", "O", "O", ""), ("decisions", "G", "G", "")]);
    assert!(!moderation.own_grades_complete(&audit, &template), "standard 4 is not graded yet");
    moderation.items.insert(
        "assessments".into(),
        ModeratedItem { moderator_grade: Some("I".into()), ..Default::default() },
    );
    assert!(moderation.own_grades_complete(&audit, &template), "agreed grades are not needed to compare");
}

#[test]
fn before_the_comparison_the_moderator_is_told_each_grade_still_to_give() {
    let template = case_file_template();
    let audit = submitted_audit(&template);
    let mut moderation = moderated(&[("risk", "G", "G", ""), ("decisions", "G", "G", "")]);
    moderation.overall = ModeratedItem::default();
    moderation.moderator = "Dev Singh".into();
    let messages: Vec<String> =
        moderation.own_grading_problems(&audit, &template).into_iter().map(|p| p.message).collect();
    assert_eq!(
        messages,
        [
            "Dev Singh wrote this audit, so cannot moderate it: a moderation is an independent grading. Ask another moderator",
            "Give your grade for standard 2 \"Children and families are involved\"",
            "Give your grade for standard 4 \"Assessments are timely, analytical and reflect…\"",
            "Give your overall judgement",
        ]
    );
}
