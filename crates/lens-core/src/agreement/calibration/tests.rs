//! Calibration on a small moderation sample whose answers are known by construction.

use chrono::NaiveDate;

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Outstanding, Good, Requires improvement, Inadequate.
const GRADES: usize = 4;

fn grading(
    standard: &str,
    auditor: &str,
    date: &str,
    auditor_grade: usize,
    moderator_grade: usize,
) -> ModeratedGrade {
    ModeratedGrade {
        standard: standard.into(),
        auditor: auditor.into(),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("test date"),
        auditor_grade: Some(auditor_grade),
        moderator_grade: Some(moderator_grade),
    }
}

/// Risk: 20 gradings, all agreed. Assessments: 20 gradings, 10 agreed and 10 where the
/// auditor was one grade more lenient. Plans: 4 gradings, all agreed.
fn sample() -> Vec<ModeratedGrade> {
    let auditors = ["Asha", "Ben"];
    let mut gradings = Vec::new();
    for unit in 0..20 {
        let auditor = auditors[unit % 2];
        let date = if unit < 10 { "2026-05-10" } else { "2026-08-10" };
        let grade = unit % 3;
        gradings.push(grading("1 Risk", auditor, date, grade, grade));
        let lenient = unit % 2 == 1;
        gradings.push(grading("4 Assessments", auditor, date, grade, grade + usize::from(lenient)));
    }
    for _ in 0..4 {
        gradings.push(grading("7 Plans", "Asha", "2026-05-12", 1, 1));
    }
    gradings
}

fn codes(group: &GroupCalibration) -> Vec<&'static str> {
    group.findings.iter().map(Finding::code).collect()
}

#[test]
fn standards_needing_calibration_come_first_with_reasons() {
    let report =
        CalibrationReport::compute(GRADES, &sample(), PeriodLength::Quarter, &CalibrationPolicy::default())
            .expect("valid gradings");
    let names: Vec<&str> = report.standards.iter().map(|group| group.name.as_str()).collect();
    assert_eq!(names, ["4 Assessments", "1 Risk", "7 Plans"]);

    let assessments = &report.standards[0];
    assert!(assessments.needs_calibration());
    assert_eq!(codes(assessments), ["below-target", "systematic-shift"]);
    let agreement = assessments.summary.exact_agreement.expect("pairs");
    assert_eq!((agreement.successes, agreement.n), (10, 20));
    let shift = assessments.summary.shift.expect("pairs");
    // The moderator is the first rater, so a lenient auditor shows as a negative shift.
    assert_eq!((shift.n_second_harsher, shift.n_second_more_lenient), (0, 10));
    assert!((shift.mean_signed_difference + 0.5).abs() < 1e-12);
    assert!((assessments.summary.sign_test_p.expect("pairs") - 2.0 / 1024.0).abs() < 1e-15);
    let message = assessments.findings[1].to_string();
    assert!(message.contains("more lenient than the moderator's in 10 of 10 disagreements"), "{message}");
    let message = assessments.findings[0].to_string();
    assert!(message.contains("10 of 20 gradings (50%"), "{message}");

    assert!(report.standards[1].findings.is_empty());
    assert_eq!(codes(&report.standards[2]), ["few-gradings"]);
    assert!(!report.standards[2].needs_calibration());
    assert_eq!(report.overall.n_gradings, 44);
}

#[test]
fn auditors_are_ranked_and_split_by_period() {
    let report =
        CalibrationReport::compute(GRADES, &sample(), PeriodLength::Quarter, &CalibrationPolicy::default())
            .expect("valid gradings");
    // Ben made every lenient grading; Asha agreed throughout.
    let names: Vec<&str> = report.auditors.iter().map(|auditor| auditor.overall.name.as_str()).collect();
    assert_eq!(names, ["Ben", "Asha"]);
    let ben = &report.auditors[0];
    assert_eq!(codes(&ben.overall), ["below-target", "systematic-shift"]);
    let periods: Vec<String> = ben.periods.iter().map(|(period, _)| period.to_string()).collect();
    assert_eq!(periods, ["2026/27 Q1", "2026/27 Q2"]);
    assert_eq!(ben.periods[0].1.n_gradings, 10);
    let drift = ben.drift.expect("two periods");
    assert!(drift.slope_per_period.abs() < 1e-12, "Ben is equally lenient in both quarters");
    assert!(report.auditors[1].overall.findings.is_empty());
}

#[test]
fn an_auditor_drifting_harsher_is_flagged() {
    let mut gradings = Vec::new();
    for (month, harsher_share) in [("2026-04-15", 0), ("2026-07-15", 4), ("2026-10-15", 8)] {
        for unit in 0..8 {
            gradings.push(grading("2 Voice", "Cara", month, 1 + usize::from(unit < harsher_share), 1));
        }
    }
    let report =
        CalibrationReport::compute(GRADES, &gradings, PeriodLength::Quarter, &CalibrationPolicy::default())
            .expect("valid gradings");
    let cara = &report.auditors[0];
    let drift = cara.drift.expect("three periods");
    assert!((drift.slope_per_period - 0.5).abs() < 1e-12);
    assert_eq!(drift.n_periods, 3);
    assert!(codes(&cara.overall).contains(&"drift"));
    let message =
        cara.overall.findings.iter().find(|finding| finding.code() == "drift").expect("drift").to_string();
    assert!(message.contains("0.50 grades harsher per period"), "{message}");
}

#[test]
fn the_report_does_not_depend_on_input_order() {
    let policy = CalibrationPolicy::default();
    let forward = CalibrationReport::compute(GRADES, &sample(), PeriodLength::Month, &policy).expect("valid");
    let mut reversed = sample();
    reversed.reverse();
    let backward =
        CalibrationReport::compute(GRADES, &reversed, PeriodLength::Month, &policy).expect("valid");
    let names = |report: &CalibrationReport| {
        report.standards.iter().map(|group| (group.name.clone(), group.findings.clone())).collect::<Vec<_>>()
    };
    assert_eq!(names(&forward), names(&backward));
    assert_eq!(forward.overall.exact_agreement, backward.overall.exact_agreement);
}

#[test]
fn missing_grades_and_empty_samples_are_reported_not_fatal() {
    let mut gradings = sample();
    gradings[0].moderator_grade = None;
    let report =
        CalibrationReport::compute(GRADES, &gradings, PeriodLength::Month, &CalibrationPolicy::default())
            .expect("valid gradings");
    let risk = report.standards.iter().find(|group| group.name == "1 Risk").expect("risk");
    assert_eq!(risk.summary.n_gradings, 20);
    assert_eq!(risk.summary.exact_agreement.expect("pairs").n, 19);

    let empty = CalibrationReport::compute(GRADES, &[], PeriodLength::Month, &CalibrationPolicy::default())
        .expect("no gradings is valid");
    assert!(empty.standards.is_empty() && empty.auditors.is_empty());
    assert_eq!(empty.overall.exact_agreement, None);
    assert!(empty.overall.report.cohen_kappa.value().is_none());
}

#[test]
fn a_grade_off_the_scale_is_an_error() {
    let gradings = [grading("1 Risk", "Asha", "2026-05-10", 4, 1)];
    let error =
        CalibrationReport::compute(GRADES, &gradings, PeriodLength::Month, &CalibrationPolicy::default())
            .expect_err("grade 5 of 4");
    assert!(matches!(error, AgreementError::UnknownCategory { unit: 1, rater: 2, .. }), "{error:?}");
}
