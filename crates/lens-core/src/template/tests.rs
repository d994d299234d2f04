//! Template validation and the overall judgement suggestion.

use std::collections::BTreeMap;

use super::*;
use crate::ItemResponse;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn template() -> Template {
    crate::test_fixtures::case_file_template()
}

fn responses(grades: &[(&str, &str)]) -> BTreeMap<String, ItemResponse> {
    grades
        .iter()
        .map(|(id, code)| {
            ((*id).to_owned(), ItemResponse { grade: Some((*code).to_owned()), narrative: String::new() })
        })
        .collect()
}

#[test]
fn a_well_formed_template_is_valid() {
    assert_eq!(template().validate(), Ok(()));
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let mut broken = template();
    broken.id = "Case File".into();
    broken.version = 0;
    let scale = broken.scale.as_mut().expect("scale");
    scale.grades[2].code = "G".into();
    scale.grades.swap(0, 3);
    broken.header_fields[4].kind = FieldKind::Choice { options: vec!["Adoption".into(), "Adoption".into()] };
    broken.sections[0].items[1].id = "risk".into();
    broken.sections[0].items[2].prompt = "  ".into();
    broken.overall = OverallRule::LimitingMedian { limiting_items: vec!["missing".into()] };
    let problems = broken.validate().expect_err("broken template");
    let paths: Vec<&str> = problems.iter().map(|problem| problem.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "id",
            "version",
            "scale.grades[0].standing",
            "scale.grades[1].standing",
            "scale.grades[2].code",
            "scale.grades[3].standing",
            "header_fields[4].options[1]",
            "sections[0].items[1].id",
            "sections[0].items[2].prompt",
            "overall.limiting_items[0]",
        ],
        "{problems:#?}"
    );
    assert_eq!(problems[7].to_string(), "sections[0].items[1].id: the id \"risk\" is used twice");
    assert_eq!(problems[9].message, "there is no item \"missing\"");
}

#[test]
fn graded_items_need_a_scale_and_rules_need_graded_items() {
    let mut reflection = template();
    reflection.scale = None;
    let problems = reflection.validate().expect_err("graded items without a scale");
    assert!(problems.iter().any(|p| p.path == "sections[0].items[0].grade"), "{problems:#?}");
    assert!(problems.iter().any(|p| p.path == "overall"), "{problems:#?}");

    let mut ungraded = template();
    for item in &mut ungraded.sections[0].items {
        item.grade = GradeRule::None;
        item.narrative = NarrativeRule::Required;
    }
    let problems = ungraded.validate().expect_err("a rule with nothing to grade");
    assert!(problems.iter().any(|p| p.message.contains("at least one graded item")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.message.contains("cannot limit")), "{problems:#?}");
}

#[test]
fn the_limiting_standard_caps_the_median() {
    let template = template();
    let suggestion = suggest_overall(
        &template,
        &responses(&[("risk", "RI"), ("involvement", "G"), ("decisions", "O"), ("assessments", "G")]),
    )
    .expect("graded");
    assert_eq!(suggestion.code, "RI");
    assert_eq!(suggestion.graded_items, 4);
    assert!(
        suggestion.reason.contains("The middle grade of 4 graded items is Good."),
        "{}",
        suggestion.reason
    );
    assert!(suggestion
        .reason
        .contains("is graded Requires improvement, and the overall grade cannot be better"));

    let uncapped = suggest_overall(
        &template,
        &responses(&[("risk", "O"), ("involvement", "G"), ("decisions", "O"), ("assessments", "G")]),
    )
    .expect("graded");
    // Two middle grades (Outstanding, Good): the harsher is suggested.
    assert_eq!(uncapped.code, "G");
}

#[test]
fn suggestions_handle_partial_and_odd_input() {
    let template = template();
    assert_eq!(suggest_overall(&template, &BTreeMap::new()), None);
    let partial =
        suggest_overall(&template, &responses(&[("involvement", "O"), ("decisions", "NOT-A-GRADE")]))
            .expect("one grade");
    assert_eq!((partial.code.as_str(), partial.graded_items, partial.ungraded_items), ("O", 1, 3));
    assert!(partial.reason.contains("is not graded yet"), "{}", partial.reason);

    let mut worst = template.clone();
    worst.overall = OverallRule::Worst;
    let suggestion =
        suggest_overall(&worst, &responses(&[("risk", "G"), ("involvement", "I")])).expect("graded");
    assert_eq!(suggestion.code, "I");
    let mut none = template;
    none.overall = OverallRule::None;
    assert_eq!(suggest_overall(&none, &responses(&[("risk", "G")])), None);
}
