//! Template documents: the built-in ones, round trips, and bad documents.

use lens_core::{suggest_overall, GradeStanding, ItemResponse, TemplateKind};

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn paths(problems: &[TemplateProblem]) -> Vec<&str> {
    problems.iter().map(|problem| problem.path.as_str()).collect()
}

#[test]
fn the_built_in_templates_are_valid_and_cover_every_instrument() {
    let templates = builtin_templates();
    let ids: Vec<&str> = templates.iter().map(|template| template.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "case-file-audit",
            "case-file-audit-ofsted",
            "collaborative-practice-review",
            "supervision-audit",
            "practice-observation",
            "service-performance-review",
            "iro-plan-rating",
            "adoption-panel-evaluation",
            "practitioner-reflection",
            "case-file-audit",
            "case-file-audit-ofsted"
        ]
    );
    let versions: Vec<u32> = templates.iter().map(|template| template.version).collect();
    assert_eq!(versions, [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1], "the replaced versions last");
    let case_file = &templates[0];
    assert_eq!(case_file.items().count(), 12, "the twelve standards of the case file audit");
    let grades: Vec<&str> =
        case_file.scale.as_ref().expect("scale").grades.iter().map(|grade| grade.label.as_str()).collect();
    assert_eq!(grades, ["Exceeds good", "Meets good", "Does not meet good"]);
    let ofsted = &templates[1];
    let ofsted_scale = ofsted.scale.as_ref().expect("scale");
    assert_eq!(ofsted_scale.grades[3].standing, GradeStanding::Inadequate);
    let standards = |template: &Template| template.items().map(|item| item.id.clone()).collect::<Vec<_>>();
    assert_eq!(standards(case_file), standards(ofsted), "the same standards on both scales");
    let practice_review = &templates[2];
    assert_eq!(practice_review.kind, TemplateKind::PracticeReview);
    let parts: Vec<&str> = practice_review.sections.iter().map(|section| section.title.as_str()).collect();
    assert_eq!(parts, ["The practitioner's reflection", "The child's records review"]);
    assert!(
        practice_review.asks_family_feedback(),
        "its third part, the family's feedback, is recorded on it"
    );
    let review = &templates[5];
    assert_eq!(review.sections.len(), 5, "four lenses and the summary");
    let rag = &templates[6];
    let rag_grades: Vec<&str> = rag.scale.as_ref().unwrap().grades.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(rag_grades, ["Green", "Amber", "Red"], "seed 003's RAG rating of plans");
    assert_eq!(rag.scale.as_ref().unwrap().grades[2].standing, GradeStanding::Inadequate);
    let panel = &templates[7];
    let parts: Vec<&str> = panel.sections.iter().map(|section| section.title.as_str()).collect();
    assert_eq!(parts, ["The information provided", "The social worker's presentation"], "seed 000");
    let reflection = &templates[8];
    assert_eq!(reflection.kind, TemplateKind::Reflection);
    assert!(reflection.scale.is_none());
    assert_eq!(reflection.items().count(), 6);
}

#[test]
fn the_strands_are_todays_and_audits_of_the_replaced_version_still_open() {
    let templates = builtin_templates();
    let strands =
        |template: &Template| match &template.header_fields.iter().find(|f| f.id == "strand").unwrap().kind {
            lens_core::FieldKind::Choice { options } => options.clone(),
            other => panic!("{other:?}"),
        };
    assert!(strands(&templates[0]).contains(&"Safeguarding partnership".to_owned()));
    assert!(!strands(&templates[0]).iter().any(|strand| strand.contains("children board")));
    // Everything but the strands is as version 1 had it.
    let replaced = &templates[9];
    assert_eq!((replaced.id.as_str(), replaced.version), ("case-file-audit", 1));
    assert!(strands(replaced).contains(&"Local safeguarding children board".to_owned()));
    assert_eq!(replaced.sections, templates[0].sections);
    assert_eq!(templates[10].sections, templates[1].sections);
    let offered: Vec<(&str, u32)> =
        lens_core::newest_versions(&templates).iter().map(|t| (t.id.as_str(), t.version)).collect();
    assert_eq!(offered.len(), 9);
    assert!(offered.contains(&("case-file-audit", 2)) && !offered.contains(&("case-file-audit", 1)));
}

#[test]
fn the_case_file_audit_suggests_no_better_than_risk() {
    let template = &builtin_templates()[1];
    let mut responses: std::collections::BTreeMap<String, ItemResponse> = template
        .items()
        .map(|item| (item.id.clone(), ItemResponse { grade: Some("G".into()), narrative: String::new() }))
        .collect();
    responses.insert("risk".into(), ItemResponse { grade: Some("I".into()), narrative: String::new() });
    let suggestion = suggest_overall(template, &responses).expect("graded");
    assert_eq!(suggestion.code, "I");
    assert!(suggestion.reason.contains("1. Risk is identified"), "{}", suggestion.reason);
}

#[test]
fn every_built_in_template_round_trips_through_its_document() {
    for template in builtin_templates() {
        let written = write_template(&template);
        assert_eq!(parse_template(&written), Ok(template.clone()), "{}", template.id);
    }
}

#[test]
fn a_document_with_many_mistakes_lists_them_all_with_paths() {
    let text = r#"{
        "format": "practice-lens-template", "format_version": 1,
        "id": "our-audit", "title": "Our audit", "kind": "case_file_review",
        "scale": {"grades": [
            {"code": "G", "label": "Good", "standing": "good"},
            {"code": "G", "label": "Not good", "standing": "below_good"}
        ]},
        "header_fields": [{"id": "when", "label": "When", "type": "datetime"}],
        "sections": [{"id": "s", "title": "Standards", "items": [
            {"id": "a", "prompt": "A", "grade": "required", "narrative": "sometimes"},
            {"id": "a", "prompt": "B", "grade": "none", "narrative": "required_below_good"}
        ]}],
        "overall": {"asked": true, "rule": "limiting_median", "limiting_items": ["z"]}
    }"#;
    let problems = parse_template(text).expect_err("many mistakes");
    assert_eq!(
        paths(&problems),
        [
            "kind",
            "scale.grades[0].standing",
            "header_fields[0].type",
            "sections[0].items[0].narrative",
            "version",
            "scale.grades[1].code",
            "sections[0].items[1].id",
            "sections[0].items[1].narrative",
            "overall.limiting_items[0]",
        ],
        "{problems:#?}"
    );
    assert!(problems[0].message.contains("\"case_file_review\" is not one of \"case_file_audit\""));
    assert_eq!(problems[4].message, "is missing");
}

#[test]
fn wrong_types_unknown_fields_and_other_versions_are_refused_with_their_path() {
    let wrong_type = r#"{"format": "practice-lens-template", "format_version": 1, "id": "x", "version": 1,
        "title": "T", "kind": "reflection", "sections": [{"id": "s", "title": "S", "items": [
        {"id": "a", "prompt": 3, "grade": "none", "narrative": "optional"}]}]}"#;
    let problems = parse_template(wrong_type).expect_err("a number for a prompt");
    assert_eq!(paths(&problems), ["sections[0].items[0].prompt"]);
    assert!(problems[0].message.contains("expected a string"), "{problems:?}");

    let unknown = r#"{"format": "practice-lens-template", "format_version": 1, "colour": "blue"}"#;
    let problems = parse_template(unknown).expect_err("unknown field");
    assert!(problems[0].message.contains("unknown field `colour`"), "{problems:?}");

    let newer = r#"{"format": "practice-lens-template", "format_version": 2}"#;
    let problems = parse_template(newer).expect_err("newer version");
    assert_eq!(paths(&problems), ["format_version"]);
    assert!(problems[0].message.contains("made by a newer Practice Lens"));

    let problems = parse_template("{not json").expect_err("not JSON");
    assert_eq!(paths(&problems), ["document"]);
    let huge = format!("{{\"padding\": \"{}\"}}", "x".repeat(MAX_TEMPLATE_BYTES));
    let problems = parse_template(&huge).expect_err("too large");
    assert!(problems[0].message.contains("may be at most 1024 KiB"), "{problems:?}");
}

#[test]
fn template_kinds_are_written_with_the_codes_documents_have_always_used() {
    let expected = [
        (TemplateKind::CaseFileAudit, "case_file_audit"),
        (TemplateKind::PracticeReview, "practice_review"),
        (TemplateKind::ServiceReview, "service_review"),
        (TemplateKind::SupervisionAudit, "supervision_audit"),
        (TemplateKind::PracticeObservation, "practice_observation"),
        (TemplateKind::Reflection, "reflection"),
    ];
    assert_eq!(expected.len(), TemplateKind::ALL.len());
    for (kind, code) in expected {
        let template = Template { kind, ..builtin_templates()[0].clone() };
        let written = write_template(&template);
        let document: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(document["kind"], code);
        assert_eq!(parse_template(&written).map(|read| read.kind), Ok(kind));
    }
}
