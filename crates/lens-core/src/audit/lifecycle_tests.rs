//! Tests for checking an audit against its template, submitting, amending and closing.

use chrono::NaiveDate;

use super::*;
use crate::test_fixtures::case_file_template;
use crate::Template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

pub(super) fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

/// A draft of the test template with every required answer given.
pub(super) fn complete_draft(template: &Template) -> Audit {
    let typed = NewAudit { case_reference: "CF-1042".into(), auditor: "Sam Patel".into() };
    let mut audit = typed.start(AuditId::new("a1"), template.reference(), day(11, 2)).unwrap();
    audit.set_header_value("audit-date", "2026-11-02");
    audit.set_header_value("team", "Assessment East");
    audit.set_header_value("strand", "Help and protection");
    for (item, grade) in [("risk", "G"), ("involvement", "G"), ("decisions", "O"), ("assessments", "G")] {
        let response = ItemResponse { grade: Some(grade.into()), narrative: format!("Evidence for {item}.") };
        audit.responses.insert(item.into(), response);
    }
    audit.overall = Some("G".into());
    audit
}

fn messages(problems: &[AuditProblem]) -> Vec<&str> {
    problems.iter().map(|problem| problem.message.as_str()).collect()
}

#[test]
fn a_complete_draft_has_no_problems_and_submits_locked() {
    let template = case_file_template();
    let mut draft = complete_draft(&template);
    draft.set_header_value("audit-date", "2026-11-2");
    assert_eq!(draft.check(&template, day(11, 21)), []);
    let submitted = draft.submit(&template, day(11, 21)).unwrap();
    assert_eq!((submitted.status, submitted.submitted_on), (AuditStatus::Submitted, Some(day(11, 21))));
    assert!(!submitted.is_editable());
    assert_eq!(submitted.header_value("audit-date"), "2026-11-02", "dates are kept in ISO form");
    let again = submitted.submit(&template, day(11, 22)).unwrap_err();
    assert_eq!(messages(&again), ["This audit is already submitted: change it through an amendment"]);
}

#[test]
fn every_problem_is_given_with_its_field_in_form_order() {
    let template = case_file_template();
    let mut audit = complete_draft(&template);
    audit.set_header_value("team", "");
    audit.set_header_value("audit-date", "2026-02-30");
    audit.set_header_value("strand", "Fostering");
    audit.responses.remove("assessments");
    audit.responses.get_mut("risk").unwrap().grade = Some("RI".into());
    audit.responses.get_mut("risk").unwrap().narrative = "  ".into();
    audit.responses.get_mut("decisions").unwrap().grade = Some("X".into());
    audit.overall = None;
    audit.actions.push(Action::new("act-1", "", "", None));
    let problems = audit.check(&template, day(11, 21));
    assert_eq!(
        messages(&problems),
        [
            "Date of audit must be a real date",
            "Enter team",
            "Select one of the options for \"Strand\"",
            "Give a narrative for standard 1 \"Risk is identified, responded to and reduced\": it is graded Requires improvement",
            "The grade \"X\" for standard 3 \"Decision making is effective and timely\" is not on this template's scale: choose a grade",
            "Grade standard 4 \"Assessments are timely, analytical and reflect…\"",
            "Give the overall judgement",
            "Enter what action 1 is",
            "Enter who will do action 1",
            "Enter when action 1 is due",
        ]
    );
    let targets: Vec<&ProblemTarget> = problems.iter().map(|problem| &problem.target).collect();
    assert_eq!(targets[0], &ProblemTarget::Header("audit-date".into()));
    assert_eq!(targets[3], &ProblemTarget::ItemNarrative("risk".into()));
    assert_eq!(targets[5], &ProblemTarget::ItemGrade("assessments".into()));
    assert_eq!(targets[9], &ProblemTarget::Action(0, crate::ActionField::DueOn));
    assert_eq!(audit.submit(&template, day(11, 21)).unwrap_err(), problems);
}

/// A change to a complete draft, and every problem checking it must give, in order.
struct Case {
    name: &'static str,
    change: fn(&mut Audit),
    problems: Vec<(ProblemTarget, &'static str)>,
}

/// Checks each case's changed draft on 21 November and compares targets and messages.
fn check(cases: Vec<Case>) {
    let template = case_file_template();
    for case in cases {
        let mut audit = complete_draft(&template);
        (case.change)(&mut audit);
        let problems = audit.check(&template, day(11, 21));
        let found: Vec<(ProblemTarget, &str)> =
            problems.iter().map(|problem| (problem.target.clone(), problem.message.as_str())).collect();
        assert_eq!(found, case.problems, "{}", case.name);
    }
}

#[test]
fn each_rule_gives_its_problem_on_its_field() {
    check(vec![
        Case { name: "complete", change: |_| {}, problems: vec![] },
        Case {
            name: "future date and missing bound field",
            change: |audit| {
                audit.set_header_value("audit-date", "2026-12-01");
                audit.set_header_value("case-reference", "");
            },
            problems: vec![
                (ProblemTarget::Header("case-reference".into()), "Enter tracked case number"),
                (ProblemTarget::Header("audit-date".into()), "Date of audit must be today or in the past"),
            ],
        },
        Case {
            name: "below good without an action",
            change: |audit| audit.overall = Some("RI".into()),
            problems: vec![(
                ProblemTarget::Action(0, ActionField::What),
                "Agree at least one action: the case is graded Requires improvement overall",
            )],
        },
        Case {
            name: "below good with an action",
            change: |audit| {
                audit.overall = Some("RI".into());
                audit.actions.push(Action::new("act-1", "Update the plan", "Team manager", Some(day(12, 1))));
            },
            problems: vec![],
        },
        Case {
            name: "an action too long and without an owner",
            change: |audit| audit.actions.push(Action::new("act-1", "x".repeat(1_001), " ", Some(day(12, 1)))),
            problems: vec![
                (ProblemTarget::Action(0, ActionField::What), "Action 1 must be 1000 characters or fewer"),
                (ProblemTarget::Action(0, ActionField::Owner), "Enter who will do action 1"),
            ],
        },
        Case {
            name: "another template",
            change: |audit| audit.template = crate::TemplateRef::new("case-file-audit-test", 2),
            problems: vec![(
                ProblemTarget::Audit,
                "This audit was made with template case-file-audit-test version 2, not case-file-audit-test version 1",
            )],
        },
    ]);
}

#[test]
fn an_amendment_records_who_changed_what_and_why() {
    let template = case_file_template();
    let submitted = complete_draft(&template).submit(&template, day(11, 3)).unwrap();
    let mut revised = submitted.clone();
    revised.responses.get_mut("decisions").unwrap().grade = Some("G".into());
    revised.set_header_value("team", "Assessment West");
    revised.status = AuditStatus::Draft;
    let amended = submitted
        .amend(
            &revised,
            &template,
            " Priya Shah ",
            "Agreed at moderation that decisions were good, not outstanding",
            day(11, 10),
        )
        .unwrap();
    assert_eq!(amended.status, AuditStatus::Submitted, "the status comes from the submitted audit");
    assert_eq!(amended.amendments.len(), 1);
    let amendment = &amended.amendments[0];
    assert_eq!((amendment.on, amendment.by.as_str()), (day(11, 10), "Priya Shah"));
    let changes: Vec<(&FieldPath, &str, &str)> =
        amendment.changes.iter().map(|c| (&c.field, c.before.as_str(), c.after.as_str())).collect();
    assert_eq!(
        changes,
        [
            (&FieldPath::Header("team".into()), "Assessment East", "Assessment West"),
            (&FieldPath::Grade("decisions".into()), "O", "G")
        ]
    );
    assert_eq!(submitted.amendments, [], "the submitted value is untouched");
}

#[test]
fn an_amendment_needs_a_name_a_reason_a_change_and_a_valid_result() {
    let template = case_file_template();
    let submitted = complete_draft(&template).submit(&template, day(11, 3)).unwrap();
    let problems = submitted.amend(&submitted, &template, "", " ", day(11, 10)).unwrap_err();
    assert_eq!(
        messages(&problems),
        [
            "Enter your name to amend the audit",
            "Enter why the audit is being amended",
            "Nothing was changed: there is nothing to amend"
        ]
    );
    assert_eq!(problems[0].target, ProblemTarget::Amendment(crate::AmendmentField::By));
    assert_eq!(problems[1].target, ProblemTarget::Amendment(crate::AmendmentField::Reason));
    let mut revised = submitted.clone();
    revised.responses.remove("risk");
    let problems = submitted.amend(&revised, &template, "Priya", "Typo", day(11, 10)).unwrap_err();
    assert_eq!(messages(&problems), ["Grade standard 1 \"Risk is identified, responded to and reduced\""]);
    let draft = complete_draft(&template);
    assert!(draft.amend(&revised, &template, "Priya", "Typo", day(11, 10)).is_err());
}

#[test]
fn a_changed_field_is_described_in_the_template_s_words() {
    let template = case_file_template();
    let described = |path: FieldPath| path.describe(&template);
    assert_eq!(described(FieldPath::Header("team".into())), "Team");
    assert_eq!(
        described(FieldPath::Header("gone".into())),
        "gone",
        "a field the template lost is named by id"
    );
    assert!(described(FieldPath::Grade("risk".into())).starts_with("Grade for standard 1 "));
    assert!(described(FieldPath::Narrative("risk".into())).starts_with("Narrative for standard 1 "));
    assert_eq!(described(FieldPath::Grade("gone".into())), "Grade for \"gone\"");
    assert_eq!(described(FieldPath::Overall), "Overall judgement");
    assert_eq!(described(FieldPath::Action("a".into(), ActionField::DueOn)), "Action: due on");
}

#[test]
fn a_reflection_with_no_answer_cannot_be_submitted_and_one_answer_is_enough() {
    let mut template = case_file_template();
    template.kind = crate::TemplateKind::Reflection;
    template.scale = None;
    template.asks_overall_judgement = false;
    template.actions = None;
    for item in template.sections.iter_mut().flat_map(|section| section.items.iter_mut()) {
        (item.grade, item.narrative) = (crate::GradeRule::None, crate::NarrativeRule::Optional);
    }
    let mut draft = complete_draft(&template);
    draft.responses.clear();
    draft.overall = None;
    draft.responses.insert("risk".into(), ItemResponse { grade: None, narrative: "  \n ".into() });
    let problems = draft.check(&template, day(11, 21));
    assert_eq!(messages(&problems), ["Answer at least one of the prompts before you submit your reflection"]);
    let first = template.items().next().unwrap().id.clone();
    assert_eq!(problems[0].target, ProblemTarget::ItemNarrative(first));
    draft.responses.insert("decisions".into(), ItemResponse { grade: None, narrative: "I listened.".into() });
    assert_eq!(draft.check(&template, day(11, 21)), []);
}

#[test]
fn an_amendment_lists_its_changes_in_the_order_of_the_form() {
    let template = case_file_template();
    let submitted = complete_draft(&template).submit(&template, day(11, 21)).unwrap();
    let mut revised = submitted.clone();
    // Alphabetically "assessments" comes before "risk"; on the form standard 1 (risk) is first.
    for item in ["assessments", "risk"] {
        revised.responses.get_mut(item).unwrap().narrative = format!("Rewritten for {item}.");
    }
    revised.responses.get_mut("assessments").unwrap().grade = Some("RI".into());
    revised.set_header_value("team", "Assessment West");
    let amended =
        submitted.amend(&revised, &template, "Jo Reed", "Evidence found later", day(11, 24)).unwrap();
    let fields: Vec<FieldPath> =
        amended.amendments[0].changes.iter().map(|change| change.field.clone()).collect();
    assert_eq!(
        fields,
        [
            FieldPath::Header("team".into()),
            FieldPath::Narrative("risk".into()),
            FieldPath::Grade("assessments".into()),
            FieldPath::Narrative("assessments".into()),
        ]
    );
}
