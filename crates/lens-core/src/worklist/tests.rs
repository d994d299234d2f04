//! Tests for what waits across a device's audits: moderation, follow-up and the list's filter.

use chrono::NaiveDate;

use super::*;
use crate::audit::{Action, ActionStatus, AuditId, NewAudit};
use crate::test_fixtures::case_file_template;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn audit(case: &str, template: &Template, started: NaiveDate, status: AuditStatus) -> Audit {
    let typed = NewAudit { case_reference: case.into(), auditor: "Sam Patel".into() };
    let mut audit = typed.start(AuditId::new(case), template.reference(), started).unwrap();
    audit.status = status;
    audit
}

fn moderation_of(audit: &Audit) -> Moderation {
    Moderation {
        id: format!("m-{}", audit.id),
        audit: audit.id.clone(),
        moderator: "Jo Reed".into(),
        moderated_on: day(11, 20),
        items: Default::default(),
        overall: Default::default(),
        feedback: String::new(),
    }
}

#[test]
fn an_audit_s_template_is_found_by_id_and_version() {
    let template = case_file_template();
    let newer = Template { version: 2, ..template.clone() };
    let templates = [template.clone(), newer];
    assert_eq!(find_template(&templates, &template.reference()).map(|found| found.version), Some(1));
    assert_eq!(
        find_template(&templates, &TemplateRef::new(template.id.clone(), 2)).map(|t| t.version),
        Some(2)
    );
    assert!(find_template(&templates, &TemplateRef::new(template.id.clone(), 3)).is_none());
}

#[test]
fn only_submitted_graded_unmoderated_audits_await_moderation_oldest_first() {
    let graded = case_file_template();
    let reflection =
        Template { id: "reflection".into(), kind: TemplateKind::Reflection, ..case_file_template() };
    let templates = [graded.clone(), reflection.clone()];
    let later = audit("CF-later", &graded, day(11, 9), AuditStatus::Submitted);
    let earlier = audit("CF-earlier", &graded, day(11, 2), AuditStatus::Submitted);
    let draft = audit("CF-draft", &graded, day(11, 1), AuditStatus::Draft);
    let moderated = audit("CF-moderated", &graded, day(11, 1), AuditStatus::Submitted);
    let reflected = audit("CF-reflection", &reflection, day(11, 1), AuditStatus::Submitted);
    let unknown =
        audit("CF-unknown", &Template { version: 9, ..graded.clone() }, day(11, 1), AuditStatus::Submitted);
    let audits = [later, earlier, draft, moderated.clone(), reflected, unknown];
    let moderations = [moderation_of(&moderated)];
    let waiting = awaiting_moderation(&audits, &moderations, &templates);
    let cases: Vec<&str> = waiting.iter().map(|audit| audit.case_reference.as_str()).collect();
    assert_eq!(cases, ["CF-earlier", "CF-later"]);
}

#[test]
fn open_follow_up_comes_overdue_first_then_by_due_day_undated_last_then_by_case() {
    let template = case_file_template();
    let with_actions = |case: &str, actions: &[(&str, Option<NaiveDate>, ActionStatus)]| {
        let mut audit = audit(case, &template, day(11, 2), AuditStatus::Submitted);
        for (id, due, status) in actions {
            let mut action = Action::new(*id, format!("Action {id}"), "Team manager", *due);
            action.status = *status;
            audit.actions.push(action);
        }
        audit
    };
    let audits = [
        with_actions(
            "CF-3",
            &[
                ("late", Some(day(11, 10)), ActionStatus::Open),
                ("soon", Some(day(11, 30)), ActionStatus::Open),
            ],
        ),
        with_actions(
            "CF-1",
            &[("soon", Some(day(11, 30)), ActionStatus::InProgress), ("any", None, ActionStatus::Open)],
        ),
        with_actions(
            "CF-2",
            &[
                ("later", Some(day(11, 15)), ActionStatus::Open),
                ("done", Some(day(11, 1)), ActionStatus::Done),
            ],
        ),
        with_actions("CF-0", &[("draft", Some(day(11, 1)), ActionStatus::Open)]),
    ];
    let mut audits = audits.to_vec();
    audits[3].status = AuditStatus::Draft;
    let open = open_follow_ups(&audits, &BTreeMap::new(), std::slice::from_ref(&template), day(11, 21));
    let rows: Vec<(&str, Option<NaiveDate>, bool)> = open
        .iter()
        .map(|open| (open.audit.case_reference.as_str(), open.follow_up.due_on, open.is_overdue()))
        .collect();
    assert_eq!(
        rows,
        [
            ("CF-3", Some(day(11, 10)), true),
            ("CF-2", Some(day(11, 15)), true),
            ("CF-1", Some(day(11, 30)), false),
            ("CF-3", Some(day(11, 30)), false),
            ("CF-1", None, false),
        ]
    );
    assert!(
        open_follow_ups(&audits, &BTreeMap::new(), &[], day(11, 21)).is_empty(),
        "audits of unknown templates are left out"
    );
}

#[test]
fn each_filter_narrows_and_empty_ones_show_everything() {
    let template = case_file_template();
    let with_team = |case: &str, auditor: &str, team: &str, started: NaiveDate| {
        let mut audit = audit(case, &template, started, AuditStatus::Draft);
        audit.auditor = auditor.into();
        audit.set_header_value("team", team);
        audit
    };
    let east = with_team("CF-1", "Sam Patel", "Assessment East", day(11, 3));
    let west = with_team("CF-22", "Priya Shah", "Assessment West", day(11, 20));
    let all = AuditFilter::default();
    assert!(all.shows(&east, None) && all.shows(&west, None) && !all.is_active());
    let search = AuditFilter { search: " priya ".into(), ..all.clone() };
    assert!(!search.shows(&east, None) && search.shows(&west, None));
    let by_case = AuditFilter { search: "cf-2".into(), ..all.clone() };
    assert!(!by_case.shows(&east, None) && by_case.shows(&west, None));
    let team = AuditFilter { team: "assessment east".into(), ..all.clone() };
    assert!(team.shows(&east, None) && !team.shows(&west, None));
    let period = AuditFilter { from: Some(day(11, 10)), ..all.clone() };
    assert!(!period.shows(&east, None) && period.shows(&west, None));
    let until = AuditFilter { to: Some(day(11, 10)), ..all.clone() };
    assert!(until.shows(&east, None) && !until.shows(&west, None));
    let submitted = AuditFilter { status: Some(AuditStatus::Submitted), ..all.clone() };
    assert!(!submitted.shows(&east, None) && submitted.is_active());
    let other_template = AuditFilter { template: "supervision-audit".into(), ..all };
    assert!(!other_template.shows(&east, None));
}

#[test]
fn a_person_s_reflections_are_theirs_alone_newest_first() {
    let graded = case_file_template();
    let reflection =
        Template { id: "reflection".into(), kind: TemplateKind::Reflection, ..case_file_template() };
    let templates = [graded.clone(), reflection.clone()];
    let mut older = audit("R-older", &reflection, day(10, 1), AuditStatus::Submitted);
    older.auditor = " sam patel ".into();
    let newer = audit("R-newer", &reflection, day(11, 1), AuditStatus::Draft);
    let mut someone_else = audit("R-other", &reflection, day(11, 5), AuditStatus::Submitted);
    someone_else.auditor = "Jo Reed".into();
    let case_audit = audit("CF-1", &graded, day(11, 9), AuditStatus::Submitted);
    let audits = [older, case_audit.clone(), newer, someone_else];
    assert!(is_reflection(&audits[0], &templates) && !is_reflection(&case_audit, &templates));
    let mut later_version = audits[0].clone();
    later_version.template.version += 1;
    assert!(is_reflection(&later_version, &templates), "a version this build lacks is still a reflection");
    let cases = |author| -> Vec<String> {
        reflections_of(&audits, &templates, author).iter().map(|audit| audit.case_reference.clone()).collect()
    };
    assert_eq!(cases(Some("Sam Patel")), ["R-newer", "R-older"]);
    assert_eq!(cases(Some("  ")), ["R-other", "R-newer", "R-older"], "no name known: every reflection");
    assert_eq!(cases(None), ["R-other", "R-newer", "R-older"]);
}

#[test]
fn the_follow_up_list_filters_by_owner_team_and_due_this_month_and_says_what_each_waits_for() {
    let template = case_file_template();
    let mut west = audit("CF-7", &template, day(11, 2), AuditStatus::Submitted);
    west.set_header_value("team", "Assessment West");
    west.set_header_value("audit-date", "2026-11-02");
    west.overall = Some("RI".into());
    west.actions.push(Action::new(
        "a",
        "Visit the child alone",
        "Ama Mensah (social worker)",
        Some(day(11, 27)),
    ));
    west.actions.push(Action::new("b", "Update the chronology", "Dee Quinn", Some(day(12, 15))));
    let mut east = audit("CF-8", &template, day(11, 2), AuditStatus::Submitted);
    east.set_header_value("team", "Assessment East");
    east.actions.push(Action::new("c", "Strategy discussion", "ama mensah", None));
    let audits = [west, east];
    let today = day(11, 21);
    let open = open_follow_ups(&audits, &BTreeMap::new(), std::slice::from_ref(&template), today);
    let shown = |filter: FollowUpFilter| -> Vec<String> {
        open.iter().filter(|open| filter.shows(open, today)).map(|open| open.follow_up.waits_for()).collect()
    };
    assert_eq!(
        shown(FollowUpFilter::default()),
        [
            "Visit the child alone. Owner: Ama Mensah (social worker)",
            "Update the chronology. Owner: Dee Quinn",
            "Confirm the corrective action by 31 December 2026",
            "Strategy discussion. Owner: ama mensah"
        ]
    );
    let ama = FollowUpFilter { owner: " AMA mensah".into(), ..FollowUpFilter::default() };
    assert_eq!(shown(ama.clone()).len(), 2, "the owner is found in any case, the confirmation names no one");
    assert_eq!(
        shown(FollowUpFilter { team: "assessment west".into(), ..ama }),
        ["Visit the child alone. Owner: Ama Mensah (social worker)"]
    );
    assert_eq!(
        shown(FollowUpFilter { due_this_month: true, ..FollowUpFilter::default() }),
        ["Visit the child alone. Owner: Ama Mensah (social worker)"],
        "due by 30 November; a December date and no date are not"
    );
    assert!(FollowUpFilter { due_this_month: true, ..FollowUpFilter::default() }.is_active());
}
