//! The hand-checked golden bundle: its report figures, asserted exactly, and the whole report
//! document, which must be the same natively and in WebAssembly.

use chrono::NaiveDate;
use lens_core::{build_report, Figure, Report, ReportFilter, ReportSettings};

use crate::bundle::parse_bundle;
use crate::report_export::{group_code, measure_code, report_json};
use crate::template_document::builtin_templates;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const GOLDEN: &str = include_str!("../../../tests/fixtures/bundles/golden.json");
#[cfg(target_arch = "wasm32")]
const GOLDEN_REPORT: &str = include_str!("../../../tests/fixtures/bundles/golden-report.json");

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn golden_report(filter: ReportFilter) -> Report {
    let bundle = parse_bundle(GOLDEN).unwrap();
    let audits: Vec<_> = bundle.audits.into_iter().map(|audit| audit.value).collect();
    let moderations: Vec<_> = bundle.moderations.into_iter().map(|moderation| moderation.value).collect();
    build_report(&audits, &moderations, &builtin_templates(), &filter, &ReportSettings::new(day(11, 1)))
        .unwrap()
}

/// A figure by its exported measure code and breakdown text.
fn find<'r>(report: &'r Report, measure: &str, group: &str) -> &'r Figure {
    report
        .figures
        .iter()
        .find(|figure| measure_code(figure.measure) == measure && group_code(figure) == group)
        .unwrap_or_else(|| panic!("no figure {measure} [{group}]"))
}

/// (count, of) of a figure.
fn figure(report: &Report, measure: &str, group: &str) -> (usize, Option<usize>) {
    let figure = find(report, measure, group);
    (figure.count, figure.of)
}

#[test]
fn the_golden_report_has_the_hand_checked_figures() {
    let report = golden_report(ReportFilter::between(day(4, 1), day(9, 30)));
    // How much: audits 01–05 and 07 are finished and dated in the half year; 06 is a draft,
    // 08 is dated in October, 09 is a practitioner's reflection.
    assert_eq!(figure(&report, "audits_completed", ""), (6, None));
    assert_eq!(figure(&report, "audits_completed", "team=Assessment East"), (3, None));
    assert_eq!(figure(&report, "audits_completed", "auditor=Dev Singh"), (1, None));
    assert_eq!(figure(&report, "audits_in_draft", ""), (1, None));
    // The reflection (09) is its author's: no figure counts it.
    assert!(report
        .figures
        .iter()
        .all(|figure| !figure.audits.contains(&lens_core::AuditId::new("golden-09"))));
    assert_eq!(figure(&report, "moderations", ""), (1, None));
    assert_eq!(figure(&report, "actions_agreed", ""), (3, None));
    // How well: MG, DNMG, MG, EG, DNMG, MG overall.
    assert_eq!(figure(&report, "good_or_better", ""), (4, Some(6)));
    assert_eq!(figure(&report, "overall_grade", "template=case-file-audit; grade=DNMG"), (2, Some(6)));
    assert_eq!(
        figure(&report, "standard_grade", "template=case-file-audit; standard=risk; grade=EG"),
        (1, Some(6))
    );
    // Moderation of audit 03 agreed a different grade for diversity and plans.
    assert_eq!(figure(&report, "moderation_exact_agreement", ""), (10, Some(12)));
    // Better off: CF-2 went from DNMG (02) to EG (04); CF-1 stayed MG (01, 07).
    assert_eq!(figure(&report, "reaudit_improved", ""), (1, Some(2)));
    assert_eq!(find(&report, "reaudit_improved", "").audits, [lens_core::AuditId::new("golden-04")]);
    // 02's action was done two days early; 05's was due on 1 September and is still open;
    // 07's is not due until December and is not counted yet.
    assert_eq!(figure(&report, "actions_completed_on_time", ""), (1, Some(2)));
    // 02 confirmed on 20 June (due 30 June); 05 was due by 30 September and is not confirmed.
    assert_eq!(figure(&report, "corrective_action_confirmed_in_time", ""), (1, Some(2)));
    // The QA cycle: five a quarter each; 05 was done in August, a paused month.
    assert_eq!(
        figure(&report, "audits_expected_completed", "auditor=Sam Patel; quarter=2026/27 Q1"),
        (2, Some(5))
    );
    assert_eq!(figure(&report, "audits_expected_completed", "auditor=Sam Patel"), (3, Some(10)));
    assert_eq!(figure(&report, "audits_in_paused_month", "month=2026-08"), (1, None));
    assert_eq!(figure(&report, "good_or_better", "quarter=2026/27 Q2"), (2, Some(3)));
}

#[test]
fn filters_narrow_every_figure() {
    let report = golden_report(ReportFilter {
        team: Some(" assessment west ".into()),
        standard: Some("plans".into()),
        ..ReportFilter::between(day(4, 1), day(9, 30))
    });
    assert_eq!(figure(&report, "audits_completed", ""), (3, None));
    assert_eq!(figure(&report, "good_or_better", ""), (2, Some(3)));
    assert!(!report.figures.iter().any(|figure| measure_code(figure.measure) == "standard_good_or_better"
        && group_code(figure) == "template=case-file-audit; standard=risk"));
    // Golden-03's moderation agreed plans one grade lower, below good: the agreed grade counts.
    assert_eq!(
        figure(&report, "standard_good_or_better", "template=case-file-audit; standard=plans"),
        (1, Some(3))
    );
    // Only the plans item of the moderation counts, and its grade was changed.
    assert_eq!(figure(&report, "moderation_exact_agreement", ""), (0, Some(1)));
}

/// Natively the report document is an expect-test snapshot of `lens report`'s JSON output:
/// `UPDATE_EXPECT=1 cargo test -p lens-store golden` writes a deliberate change back.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_whole_golden_report_document_is_unchanged() {
    let report = golden_report(ReportFilter::between(day(4, 1), day(9, 30)));
    expect_test::expect_file!["../../../tests/fixtures/bundles/golden-report.json"]
        .assert_eq(&format!("{:#}\n", report_json(&report)));
}

/// WebAssembly has no file system: the same document is compiled in and compared as JSON.
#[cfg(target_arch = "wasm32")]
#[test]
fn the_whole_golden_report_document_is_unchanged() {
    let report = golden_report(ReportFilter::between(day(4, 1), day(9, 30)));
    let expected: serde_json::Value = serde_json::from_str(GOLDEN_REPORT).unwrap();
    assert_eq!(report_json(&report), expected);
}
