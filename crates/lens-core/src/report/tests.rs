//! Report rules that the golden bundle does not reach: bad settings, missing templates, partial
//! quarters and the cycle's paused months.

use chrono::NaiveDate;

use super::*;
use crate::test_fixtures::case_file_template;
use crate::{AuditStatus, ItemResponse, NewAudit};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn submitted(id: &str, auditor: &str, on: NaiveDate, grade: &str, template: &Template) -> Audit {
    let typed = NewAudit { case_reference: format!("CF-{id}"), auditor: auditor.into() };
    let mut audit = typed.start(AuditId::new(id), template.reference(), on).unwrap();
    audit.set_header_value("audit-date", &on.to_string());
    for item in template.items() {
        audit
            .responses
            .insert(item.id.clone(), ItemResponse { grade: Some(grade.into()), narrative: "Seen.".into() });
    }
    Audit { status: AuditStatus::Submitted, submitted_on: Some(on), ..audit }
}

#[test]
fn impossible_periods_and_settings_are_refused_in_words() {
    let settings = ReportSettings::new(day(2026, 11, 1));
    let backwards = ReportFilter::between(day(2026, 10, 1), day(2026, 9, 30));
    let error = build_report(&[], &[], &[], &backwards, &settings).unwrap_err();
    assert_eq!(
        error.to_string(),
        "The report period ends (2026-09-30) before it starts (2026-10-01): check the dates"
    );
    let odd = ReportSettings { paused_months: vec![8, 13], ..settings };
    let error = build_report(&[], &[], &[], &ReportFilter::between(day(2026, 4, 1), day(2026, 4, 30)), &odd)
        .unwrap_err();
    assert_eq!(error, ReportError::NotAMonth(13));
}

#[test]
fn audits_whose_template_is_missing_are_counted_but_not_graded_and_the_reader_is_told() {
    let template = case_file_template();
    let mut stranger = submitted("b", "Sam", day(2026, 5, 1), "G", &template);
    stranger.template = crate::TemplateRef::new("our-own-audit", 3);
    let audits = [submitted("a", "Sam", day(2026, 5, 1), "RI", &template), stranger];
    let report = build_report(
        &audits,
        &[],
        &[template],
        &ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30)),
        &ReportSettings::new(day(2026, 7, 1)),
    )
    .unwrap();
    assert_eq!(report.figure(Measure::AuditsCompleted, &[]).unwrap().count, 2);
    let good = report.figure(Measure::GoodOrBetter, &[]).unwrap();
    assert_eq!((good.count, good.of), (0, Some(1)));
    assert_eq!(
        report.notes,
        ["Audits made with template our-own-audit version 3 are counted, but their grades are left out: import that template to include them"]
    );
}

#[test]
fn a_partial_quarter_expects_its_share_and_paused_months_expect_nothing() {
    let template = case_file_template();
    let audits = [
        submitted("a", "Sam", day(2026, 4, 10), "G", &template),
        submitted("b", "Sam", day(2026, 12, 3), "G", &template),
    ];
    let settings = ReportSettings::new(day(2027, 1, 10));
    let expected = |from, to, auditor: &str| {
        let report = build_report(
            &audits,
            &[],
            std::slice::from_ref(&template),
            &ReportFilter::between(from, to),
            &settings,
        )
        .unwrap();
        let figure = report
            .figure(Measure::AuditsExpectedCompleted, &[(Dimension::Auditor, auditor)])
            .unwrap()
            .clone();
        (figure.count, figure.of, report)
    };
    // April and May of the three active months of Q1: 5 × 2/3, rounded.
    assert_eq!(expected(day(2026, 4, 1), day(2026, 5, 31), "Sam").1, Some(3));
    // Q3 is October, November and a paused December: October alone expects half of five, 3.
    assert_eq!(expected(day(2026, 10, 1), day(2026, 10, 31), "Sam").1, Some(3));
    // December alone expects nothing, and the audit done in it is flagged.
    let (count, of, report) = expected(day(2026, 12, 1), day(2026, 12, 31), "Sam");
    assert_eq!((count, of), (1, Some(0)));
    assert_eq!(
        report.figure(Measure::AuditsInPausedMonth, &[(Dimension::Month, "2026-12")]).unwrap().count,
        1
    );
    // A different target and no paused months.
    let custom = ReportSettings {
        expected: ExpectedAudits::PerQuarter(6),
        paused_months: Vec::new(),
        ..settings.clone()
    };
    let report = build_report(
        &audits,
        &[],
        std::slice::from_ref(&template),
        &ReportFilter::between(day(2026, 10, 1), day(2026, 12, 31)),
        &custom,
    )
    .unwrap();
    assert_eq!(
        report.figure(Measure::AuditsExpectedCompleted, &[(Dimension::Auditor, "Sam")]).unwrap().of,
        Some(6)
    );
    assert!(report.figure(Measure::AuditsInPausedMonth, &[(Dimension::Month, "2026-12")]).is_none());
    // One a month (seed 002), over October to December with December paused: two.
    let monthly = ReportSettings { expected: ExpectedAudits::PerMonth(1), ..settings.clone() };
    let report = build_report(
        &audits,
        &[],
        std::slice::from_ref(&template),
        &ReportFilter::between(day(2026, 10, 1), day(2026, 12, 31)),
        &monthly,
    )
    .unwrap();
    assert_eq!(
        report.figure(Measure::AuditsExpectedCompleted, &[(Dimension::Auditor, "Sam")]).unwrap().of,
        Some(2)
    );
}

#[test]
fn audits_completed_are_counted_by_the_auditors_role() {
    let template = case_file_template();
    let mut by_manager = submitted("a", "Sam", day(2026, 4, 10), "G", &template);
    by_manager.set_header_value(crate::AUDITOR_ROLE_FIELD, "Team manager");
    let unrecorded = submitted("b", "Sam", day(2026, 4, 11), "G", &template);
    let report = build_report(
        &[by_manager, unrecorded],
        &[],
        &[template],
        &ReportFilter::between(day(2026, 4, 1), day(2026, 4, 30)),
        &ReportSettings::new(day(2026, 5, 1)),
    )
    .unwrap();
    let by_role = |role: &str| {
        report.figure(Measure::AuditsCompleted, &[(Dimension::AuditorRole, role)]).map(|figure| figure.count)
    };
    assert_eq!(by_role("Team manager"), Some(1));
    assert_eq!(by_role("(role not recorded)"), Some(1));
}

#[test]
fn every_month_of_the_period_is_listed_even_without_audits() {
    let template = case_file_template();
    let audits = [submitted("a", "Sam", day(2026, 4, 10), "G", &template)];
    let report = build_report(
        &audits,
        &[],
        &[template],
        &ReportFilter::between(day(2026, 3, 15), day(2026, 6, 2)),
        &ReportSettings::new(day(2026, 7, 1)),
    )
    .unwrap();
    let months: Vec<String> = report
        .figures
        .iter()
        .filter(|figure| figure.question == Question::Trend && figure.measure == Measure::AuditsCompleted)
        .map(|figure| {
            format!("{}={}:{}", figure.group[0].0.label().to_lowercase(), figure.group[0].1, figure.count)
        })
        .collect();
    assert_eq!(
        months,
        [
            "month=2026-03:0",
            "month=2026-04:1",
            "month=2026-05:0",
            "month=2026-06:0",
            "quarter=2025/26 Q4:0",
            "quarter=2026/27 Q1:1"
        ]
    );
    assert_eq!(
        Measure::CorrectiveActionConfirmedInTime.label(),
        "Corrective action confirmed by the end of the following month"
    );
}

#[test]
fn a_moderated_audit_counts_its_agreed_overall_judgement_and_the_report_says_so() {
    let template = case_file_template();
    let audits = [
        submitted("a", "Sam", day(2026, 5, 1), "G", &template),
        submitted("b", "Sam", day(2026, 5, 2), "G", &template),
    ];
    let moderated_down = crate::Moderation {
        id: "a".into(),
        audit: AuditId::new("a"),
        moderator: "Priya Shah".into(),
        moderated_on: day(2026, 5, 20),
        items: Default::default(),
        overall: crate::ModeratedItem {
            moderator_grade: Some("RI".into()),
            agreed_grade: Some("RI".into()),
            rationale: "No plan for the younger child.".into(),
        },
        feedback: String::new(),
    };
    let report_with = |moderations: &[crate::Moderation]| {
        build_report(
            &audits,
            moderations,
            std::slice::from_ref(&template),
            &ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30)),
            &ReportSettings::new(day(2026, 7, 1)),
        )
        .unwrap()
    };
    let report = report_with(std::slice::from_ref(&moderated_down));
    let good = report.figure(Measure::GoodOrBetter, &[]).unwrap();
    assert_eq!((good.count, good.of, good.audits.clone()), (1, Some(2), vec![AuditId::new("b")]));
    assert_eq!(
        report.notes,
        ["1 audit was moderated: a moderated audit counts the agreed grade of each standard and of its overall judgement, not the auditor's."]
    );

    // A moderation from before overall judgements were moderated leaves the auditor's.
    let older = crate::Moderation { overall: Default::default(), ..moderated_down };
    let report = report_with(&[older]);
    assert_eq!(report.figure(Measure::GoodOrBetter, &[]).unwrap().count, 2);
    assert!(
        report.notes[0].ends_with(" 1 moderation made before overall judgements were moderated keeps the auditor's overall judgement."),
        "{:?}",
        report.notes
    );
}

#[test]
fn corrective_action_after_a_moderation_down_is_due_when_the_follow_up_says() {
    let template = case_file_template();
    let mut audit = submitted("a", "Sam", day(2026, 4, 10), "G", &template);
    // Moderated down in May: nobody knew corrective action was needed until then, so it is due
    // by the end of June, not of May as for an audit graded below good by its auditor.
    audit.follow_up.corrective_action_confirmed_on = Some(day(2026, 6, 12));
    let moderation = crate::Moderation {
        id: "a".into(),
        audit: AuditId::new("a"),
        moderator: "Priya Shah".into(),
        moderated_on: day(2026, 5, 20),
        items: Default::default(),
        overall: crate::ModeratedItem {
            moderator_grade: Some("RI".into()),
            agreed_grade: Some("RI".into()),
            rationale: "No plan for the younger child.".into(),
        },
        feedback: String::new(),
    };
    let report = build_report(
        std::slice::from_ref(&audit),
        std::slice::from_ref(&moderation),
        std::slice::from_ref(&template),
        &ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30)),
        &ReportSettings::new(day(2026, 7, 1)),
    )
    .unwrap();
    let confirmed = report.figure(Measure::CorrectiveActionConfirmedInTime, &[]).unwrap();
    assert_eq!((confirmed.count, confirmed.of), (1, Some(1)));
    let due = audit.corrective_action_due(&template, Some(&moderation));
    assert_eq!(due, Some(day(2026, 6, 30)));
    assert_eq!(audit.corrective_action_due(&template, None), None);
}

#[test]
fn audits_with_the_childs_and_a_familys_view_recorded_are_counted_out_of_audits_of_a_childs_case() {
    let template = case_file_template();
    let mut heard = submitted("a", "Sam", day(2026, 5, 1), "G", &template);
    heard.follow_up.events.push(crate::FollowUpEvent {
        recorded_on: day(2026, 5, 3),
        by: "Sam".into(),
        what: crate::FollowUpEventKind::FamilyFeedback {
            from: crate::FeedbackFrom::Child,
            gathered_on: day(2026, 5, 2),
            how_gathered: "Seen alone".into(),
            what_they_said: "I like my school.".into(),
            worker_response: String::new(),
        },
    });
    let mut supervision = case_file_template();
    supervision.id = "supervision".into();
    supervision.kind = crate::TemplateKind::SupervisionAudit;
    let not_of_a_case = submitted("c", "Sam", day(2026, 5, 4), "G", &supervision);
    let audits = [heard, submitted("b", "Sam", day(2026, 5, 2), "G", &template), not_of_a_case];
    let report = build_report(
        &audits,
        &[],
        &[template, supervision],
        &ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30)),
        &ReportSettings::new(day(2026, 7, 1)),
    )
    .unwrap();
    let child = report.figure(Measure::ChildViewRecorded, &[]).unwrap();
    assert_eq!((child.count, child.of, child.audits.clone()), (1, Some(2), vec![AuditId::new("a")]));
    let family = report.figure(Measure::FamilyViewRecorded, &[]).unwrap();
    assert_eq!((family.count, family.of), (0, Some(2)));
}

#[test]
fn each_months_overall_grades_are_shares_of_that_months_graded_audits() {
    let template = case_file_template();
    let audits = [
        submitted("a", "Sam", day(2026, 4, 10), "G", &template),
        submitted("b", "Sam", day(2026, 4, 20), "RI", &template),
        submitted("c", "Sam", day(2026, 6, 2), "G", &template),
    ];
    let report = build_report(
        &audits,
        &[],
        std::slice::from_ref(&template),
        &ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30)),
        &ReportSettings::new(day(2026, 7, 1)),
    )
    .unwrap();
    let month = |month: &str, grade: &str| {
        report
            .figure(
                Measure::OverallGrade,
                &[
                    (Dimension::Template, template.id.as_str()),
                    (Dimension::Month, month),
                    (Dimension::Grade, grade),
                ],
            )
            .map(|figure| (figure.count, figure.of))
    };
    assert_eq!(month("2026-04", "G"), Some((1, Some(2))));
    assert_eq!(month("2026-04", "RI"), Some((1, Some(2))));
    assert_eq!(month("2026-06", "G"), Some((1, Some(1))));
    assert_eq!(month("2026-05", "G"), None, "a month without graded audits is left out");
}

#[test]
fn a_templates_versions_are_counted_together_once() {
    let first = case_file_template();
    let second = Template { version: first.version + 1, ..first.clone() };
    let audits = [
        submitted("a", "Sam", day(2026, 4, 10), "G", &first),
        submitted("b", "Sam", day(2026, 4, 20), "G", &second),
    ];
    let report = build_report(
        &audits,
        &[],
        &[first.clone(), second],
        &ReportFilter::between(day(2026, 4, 1), day(2026, 4, 30)),
        &ReportSettings::new(day(2026, 5, 1)),
    )
    .unwrap();
    let group = [(Dimension::Template, first.id.as_str()), (Dimension::Grade, "G")];
    let matching: Vec<_> = report
        .figures
        .iter()
        .filter(|figure| figure.measure == Measure::OverallGrade && figure.is_group(&group))
        .collect();
    assert_eq!(matching.len(), 1, "{matching:?}");
    assert_eq!((matching[0].count, matching[0].of), (2, Some(2)));
}

#[test]
fn the_completed_audits_are_those_the_report_counts() {
    let template = case_file_template();
    let mut draft = submitted("c", "Sam", day(2026, 5, 2), "G", &template);
    draft.status = AuditStatus::Draft;
    let audits = [
        submitted("b", "Sam", day(2026, 5, 1), "G", &template),
        submitted("a", "Ali", day(2026, 4, 9), "RI", &template),
        draft,
        submitted("d", "Ali", day(2026, 7, 1), "G", &template),
    ];
    let templates = [template];
    let filter = ReportFilter::between(day(2026, 4, 1), day(2026, 6, 30));
    let report =
        build_report(&audits, &[], &templates, &filter, &ReportSettings::new(day(2026, 7, 1))).unwrap();
    let counted = &report.figure(Measure::AuditsCompleted, &[]).unwrap().audits;
    let completed: Vec<&AuditId> =
        completed_audits(&audits, &templates, &filter).iter().map(|audit| &audit.id).collect();
    assert_eq!(completed, counted.iter().collect::<Vec<_>>());
    assert_eq!(
        completed,
        [&AuditId::new("a"), &AuditId::new("b")],
        "no draft, nothing after the period, in id order"
    );
}
