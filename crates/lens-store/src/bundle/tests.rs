//! Bundles: reading, writing, refusing bad files whole, and merging.

use chrono::{TimeZone, Utc};
use expect_test::{expect, Expect};

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

pub(crate) const GOLDEN: &str = include_str!("../../../../tests/fixtures/bundles/golden.json");

/// The one place the refusal tests read a bundle: `document` must be refused, and `expected`
/// is every problem, one per line, each starting with its path in the document.
fn check(document: &str, expected: Expect) {
    let problems = parse_bundle(document).expect_err("a bad bundle");
    let lines: String = problems.iter().map(|problem| format!("{problem}\n")).collect();
    expected.assert_eq(&lines);
}

#[test]
fn the_golden_bundle_reads_and_round_trips_exactly() {
    let bundle = parse_bundle(GOLDEN).unwrap();
    assert_eq!((bundle.audits.len(), bundle.moderations.len(), bundle.templates.len()), (9, 1, 0));
    assert_eq!(bundle.audits[1].value.actions[0].what, "@Team manager to review the safety plan");
    assert_eq!(parse_bundle(&write_bundle(&bundle)), Ok(bundle));
}

#[test]
fn a_version_1_bundle_opens_and_is_written_again_as_version_4() {
    // The golden bundle is version 1: moderations without an overall judgement.
    assert!(GOLDEN.contains("\"format_version\": 1"));
    let bundle = parse_bundle(GOLDEN).unwrap();
    assert_eq!(bundle.moderations[0].value.overall, lens_core::ModeratedItem::default());
    let written = write_bundle(&bundle);
    assert!(written.contains("\"format_version\": 4"));
    let mut moderated = bundle.clone();
    moderated.moderations[0].value.overall.agreed_grade = Some("RI".into());
    let again = parse_bundle(&write_bundle(&moderated)).unwrap();
    assert_eq!(again.moderations[0].value.agreed_overall(), Some("RI"));
    // A version 1 bundle cannot carry what only version 2 has.
    let mislabelled = write_bundle(&moderated).replacen("\"format_version\": 4", "\"format_version\": 1", 1);
    check(
        &mislabelled,
        expect![[r#"
        moderations[0].moderation.overall: is not part of bundle version 1: a bundle with moderated overall judgements declares format_version 2
    "#]],
    );
}

#[test]
fn follow_up_events_travel_and_a_version_2_bundle_cannot_carry_them() {
    let mut bundle = parse_bundle(GOLDEN).unwrap();
    let audit = &mut bundle.audits[1].value;
    audit.follow_up.events.push(lens_core::FollowUpEvent {
        recorded_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        by: "Dee Quinn".into(),
        what: lens_core::FollowUpEventKind::Reopened { reason: "The plan was not updated.".into() },
    });
    let written = write_bundle(&bundle);
    assert!(written.contains("\"kind\": \"reopened\""), "events are tagged by kind");
    assert_eq!(parse_bundle(&written), Ok(bundle));
    check(
        &written.replacen("\"format_version\": 4", "\"format_version\": 2", 1),
        expect![[r#"
        audits[1].audit.follow_up.events: is not part of bundle version 2: a bundle with follow-up events declares format_version 3
    "#]],
    );
}

#[test]
fn findings_shared_and_answered_travel_in_version_4_and_a_version_3_bundle_cannot_carry_them() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
    let mut bundle = parse_bundle(GOLDEN).unwrap();
    let audit = &mut bundle.audits[1].value;
    let direction = lens_core::Direction {
        action: "direction-1".into(),
        what: "Visit the child alone".into(),
        owner: "Sam Okafor".into(),
        due_on: day(30),
    };
    audit.actions.push(direction.as_action());
    let event = |what| lens_core::FollowUpEvent { recorded_on: day(20), by: "Ama Mensah".into(), what };
    audit.follow_up.events = vec![
        event(lens_core::FollowUpEventKind::FindingsShared {
            shared_on: day(14),
            recipients: vec![lens_core::FindingsRecipient {
                role: lens_core::RecipientRole::IndependentChair,
                name: "Jo Reid".into(),
            }],
        }),
        event(lens_core::FollowUpEventKind::ManagementResponse {
            responded_on: day(18),
            oversight: "Agreed.".into(),
            directions: vec![direction],
        }),
        event(lens_core::FollowUpEventKind::CaseHolderDiscussion {
            held_on: day(15),
            grades_discussed: true,
            comment: String::new(),
        }),
    ];
    let written = write_bundle(&bundle);
    assert!(written.contains("\"role\": \"independent_chair\""), "roles are stored as codes");
    assert_eq!(parse_bundle(&written), Ok(bundle));
    check(
        &written.replacen("\"format_version\": 4", "\"format_version\": 3", 1),
        expect![[r#"
        audits[1].audit.follow_up.events: holds findings shared or answered, which are not part of bundle version 3: such a bundle declares format_version 4
    "#]],
    );
    check(
        &written.replacen("\"independent_chair\"", "\"chair\"", 1),
        expect![[r#"
        audits[1].audit: follow-up event 1 shares the findings with an unknown role 'chair': use practitioner, line_manager, service_manager or independent_chair
    "#]],
    );
}

#[test]
fn templates_travel_in_a_bundle() {
    let mut bundle = parse_bundle(GOLDEN).unwrap();
    bundle.templates = crate::template_document::builtin_templates();
    let again = parse_bundle(&write_bundle(&bundle)).unwrap();
    assert_eq!(again.templates, bundle.templates);
}

#[test]
fn files_that_are_not_bundles_of_this_version_are_refused_with_a_reason() {
    check(
        "{",
        expect![[r#"
        document: is not valid JSON (EOF while parsing an object at line 1 column 1)
    "#]],
    );
    check(
        r#"{"format": "practice-lens-template", "format_version": 1}"#,
        expect![[r#"
        format: must be "practice-lens-bundle": this is not a Practice Lens bundle
    "#]],
    );
    check(
        &GOLDEN.replacen("\"format_version\": 1", "\"format_version\": 5", 1),
        expect![[r#"
        format_version: is 5, made by a newer Practice Lens; this one reads up to version 4. Update Practice Lens to open this bundle
    "#]],
    );
}

#[test]
fn a_field_the_format_does_not_have_is_refused_with_its_path() {
    let unknown = GOLDEN.replacen(
        "\"case_reference\": \"CF-1\"",
        "\"case_reference\": \"CF-1\", \"child_name\": \"x\"",
        1,
    );
    check(
        &unknown,
        expect![[r#"
        audits[0].audit.child_name: unknown field `child_name`, expected one of `id`, `template`, `status`, `case_reference`, `auditor`, `started_on`, `submitted_on`, `header`, `responses`, `overall`, `actions`, `amendments`, `follow_up` at line 17 column 46
    "#]],
    );
}

#[test]
fn every_record_problem_is_reported_together_and_nothing_is_returned() {
    let broken = GOLDEN
        .replacen("\"status\": \"moderated\"", "\"status\": \"approved\"", 1)
        .replacen("\"id\": \"golden-02\"", "\"id\": \"golden-01\"", 1)
        .replacen("\"revision\": 2", "\"revision\": 0", 1);
    check(
        &broken,
        expect![[r#"
        audits[1].audit.id: audit "golden-01" appears twice
        audits[2].audit: unknown status 'approved'
        audits[8].revision: must be 1 or more
    "#]],
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    check(
        &" ".repeat(MAX_BUNDLE_BYTES + 1),
        expect![[r#"
        document: is 64 MiB; a bundle may be at most 64 MiB. Export fewer audits at a time
    "#]],
    );
}

#[test]
fn merging_adds_new_records_takes_newer_revisions_and_reports_conflicts() {
    let base = parse_bundle(GOLDEN).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let mut incoming = base.clone();
    incoming.audits.truncate(4);
    // Audit 0: a newer revision, amended. Audit 1: changed without a newer revision. Audit 2:
    // older. Audit 3: a newer revision rewritten with no amendment, as a forger would.
    let templates = crate::template_document::builtin_templates();
    let template = lens_core::find_template(&templates, &base.audits[0].value.template).unwrap();
    let mut revised = base.audits[0].value.clone();
    revised.overall = Some("EG".into());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    incoming.audits[0].value =
        base.audits[0].value.amend(&revised, template, "Priya Shah", "Agreed at moderation", day).unwrap();
    incoming.audits[0].revision = incoming.audits[0].revision.next();
    incoming.audits[3].revision = incoming.audits[3].revision.next();
    incoming.audits[3].value.overall = Some("I".into());
    incoming.audits[1].value.case_reference = "CF-2 (other device)".into();
    let mut older = base.clone();
    older.audits[2].revision = older.audits[2].revision.next();
    incoming.audits[2].value.auditor = "Someone else".into();
    let mut new_audit = base.audits[0].clone();
    new_audit.value.id = lens_core::AuditId::new("golden-10");
    incoming.audits.push(new_audit);

    let (merged, report) = merge_bundles(&older, &incoming, now);
    assert_eq!(report.added, ["audit golden-10"]);
    assert_eq!(report.updated, ["audit golden-01"]);
    assert_eq!(report.unchanged, ["moderation golden-moderation-03"]);
    let conflicts: Vec<&str> = report.conflicts.iter().map(|conflict| conflict.message.as_str()).collect();
    assert_eq!(
        conflicts,
        [
            "audit golden-02 was changed in two places from the same revision (1). The copy already held is kept; compare the two and amend it by hand",
            "audit golden-03 in this bundle is revision 1, older than revision 2 already held. The newer one is kept",
            "audit golden-04 was submitted, and this bundle's newer revision changes it without recorded amendments (the overall judgement changed from \"EG\" to \"I\" with no amendment recording it). The copy already held is kept",
        ]
    );
    assert_eq!(merged.audits.len(), 10);
    let find = |id: &str| merged.audits.iter().find(|audit| audit.value.id.as_str() == id).unwrap();
    assert_eq!(find("golden-01").value.overall.as_deref(), Some("EG"));
    assert_eq!(find("golden-02").value.case_reference, "CF-2");
    assert_eq!(find("golden-03").value.auditor, "Priya Shah");
    assert_eq!(find("golden-04").revision, base.audits[3].revision, "the forged revision is not taken");
    assert_eq!(merged.exported_at, now);
}

#[test]
fn a_changed_template_with_the_same_version_is_a_conflict() {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let mut base = parse_bundle(GOLDEN).unwrap();
    base.templates = crate::template_document::builtin_templates();
    let mut incoming = base.clone();
    incoming.templates[0].title = "Changed".into();
    let (merged, report) = merge_bundles(&base, &incoming, now);
    assert_eq!(report.conflicts.len(), 1);
    assert!(report.conflicts[0].message.contains("must be given a new version number"));
    assert_ne!(merged.templates.iter().find(|t| t.id == "case-file-audit").unwrap().title, "Changed");
}

#[test]
fn decoding_problems_are_said_without_the_layout_s_type_names() {
    let mut bundle: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    bundle["audits"][0]["audit"]["responses"]["risk"] = serde_json::json!("Good");
    bundle["audits"][1]["revision"] = serde_json::json!("two");
    let problems = parse_bundle(&bundle.to_string()).unwrap_err();
    let message = problems[0].to_string();
    assert!(message.starts_with("audits[0].audit.responses.risk: "), "{message}");
    assert!(message.contains("expected an object"), "{message}");
    for internal in ["struct", "V3", "V1", "u64"] {
        assert!(!message.contains(internal), "{message}");
    }
    bundle["audits"][0]["audit"]["responses"]["risk"] = serde_json::json!({"grade": "G", "narrative": ""});
    let problems = parse_bundle(&bundle.to_string()).unwrap_err();
    let message = problems[0].to_string();
    assert!(
        message.starts_with("audits[1].revision: invalid type: string \"two\", expected a whole number"),
        "{message}"
    );
}

#[test]
fn a_version_written_as_text_is_named_not_called_missing() {
    check(
        &GOLDEN.replacen("\"format_version\": 1", "\"format_version\": \"1\"", 1),
        expect![[r#"
            format_version: is "1": it must be a whole number such as 4, without quotes
        "#]],
    );
}
