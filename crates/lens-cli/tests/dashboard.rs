//! The browser's agreement dashboard against `lens agreement` and `lens calibration` on one
//! generated bundle: every figure the dashboard shows is the command's.

use chrono::NaiveDate;
use lens_analysis::protocol::agreement::{AgreementRequest, GroupView};
use lens_analysis::protocol::DataSource;
use lens_store::bundle::write_bundle;
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::template_document::builtin_templates;
use serde_json::Value;

use crate::support;

fn close(a: f64, b: &Value, what: &str) {
    let b = b.as_f64().unwrap_or_else(|| panic!("{what}: the command gives {b}"));
    assert!((a - b).abs() < 1e-12, "{what}: dashboard {a}, command {b}");
}

fn group_matches(view: &GroupView, command: &Value) {
    let what = &view.id;
    assert_eq!(command["name"], view.id.as_str());
    assert_eq!(command["n_pairs"], view.pairs as u64, "{what}");
    assert_eq!(command["needs_calibration"], view.needs_calibration, "{what}");
    let (share, lower, upper) = view.exact.unwrap();
    close(share, &command["exact_agreement"]["estimate"], what);
    close(lower, &command["exact_agreement"]["lower"], what);
    close(upper, &command["exact_agreement"]["upper"], what);
    close(view.mean_difference.unwrap(), &command["mean_signed_difference"], what);
    let findings: Vec<&str> =
        command["findings"].as_array().unwrap().iter().map(|f| f["message"].as_str().unwrap()).collect();
    assert_eq!(findings, view.findings, "{what}");
}

#[test]
fn the_dashboard_s_figures_are_the_commands_figures_on_the_same_bundle() {
    let bundle = generate_bundle(&SampleSpec::new(11, 6, 240, 12));
    assert!(bundle.moderations.len() > 20, "enough moderations to compare");
    let text = write_bundle(&bundle);
    let agreement = support::run_on("agreement", "dashboard-bundle", &text);
    assert!(agreement.status.success(), "{}", String::from_utf8_lossy(&agreement.stderr));
    let agreement: Value = serde_json::from_slice(&agreement.stdout).unwrap();
    let calibration = support::run_on("calibration", "dashboard-bundle", &text);
    assert!(calibration.status.success(), "{}", String::from_utf8_lossy(&calibration.stderr));
    let calibration: Value = serde_json::from_slice(&calibration.stdout).unwrap();

    let audits: Vec<_> = bundle.audits.iter().map(|a| a.value.clone()).collect();
    let moderations: Vec<_> = bundle.moderations.iter().map(|m| m.value.clone()).collect();
    let request = AgreementRequest {
        source: DataSource::Records { records: Vec::new() },
        from: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        team: None,
        template: None,
        auditor: None,
        moderator: None,
    };
    let view = lens_analysis::agreement_view(&audits, &moderations, &builtin_templates(), &request).unwrap();
    assert_eq!(view.moderations, bundle.moderations.len());
    assert_eq!(agreement["n_units"], view.pairs as u64);
    for statistic in &view.statistics {
        match statistic.value {
            Some(value) => close(value, &agreement[statistic.code.as_str()], &statistic.code),
            None => assert!(agreement[statistic.code.as_str()].is_null(), "{}", statistic.code),
        }
        if let Some((lower, upper)) = statistic.interval {
            let interval = &agreement["intervals"][statistic.code.as_str()];
            close(lower, &interval["lower"], &statistic.code);
            close(upper, &interval["upper"], &statistic.code);
        }
    }
    assert!(view.statistics.iter().filter(|s| s.interval.is_some()).count() >= 8, "intervals are shown");
    let matrix: Vec<Vec<u64>> =
        serde_json::from_value(agreement["confusion_matrix"]["counts"].clone()).unwrap();
    assert_eq!(view.confusion, matrix);
    let diagnostics: Vec<&str> =
        agreement["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert_eq!(diagnostics, view.diagnostics);

    let standards = calibration["standards"].as_array().unwrap();
    assert_eq!(standards.len(), view.standards.len());
    for standard in &view.standards {
        let command = standards.iter().find(|s| s["name"] == standard.id.as_str()).unwrap();
        group_matches(standard, command);
    }
    let auditors = calibration["auditors"].as_array().unwrap();
    assert_eq!(auditors.len(), view.auditors.len());
    for (auditor, command) in view.auditors.iter().zip(auditors) {
        group_matches(&auditor.overall, command);
        let periods = command["periods"].as_array().unwrap();
        assert_eq!(periods.len(), auditor.periods.len());
        for (period, command) in auditor.periods.iter().zip(periods) {
            assert_eq!(command["period"], period.label.as_str());
            close(period.mean_difference.unwrap(), &command["mean_signed_difference"], &period.label);
        }
    }
    // The standards to calibrate come first.
    let flags: Vec<bool> = view.standards.iter().map(|s| s.needs_calibration).collect();
    assert!(flags.windows(2).all(|pair| pair[0] >= pair[1]), "{flags:?}");
}

#[test]
fn the_browser_test_s_expected_agreement_is_what_lens_agreement_says_today() {
    // tests/e2e/agreement.test.mjs reads these figures off the dashboard: they must stay the
    // command's own.
    let desk = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bundles/desk.json");
    let expected = include_str!("../../../tests/fixtures/bundles/desk-agreement.json");
    let output =
        std::process::Command::new(env!("CARGO_BIN_EXE_lens")).args(["agreement", desk]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let now: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        now,
        serde_json::from_str::<Value>(expected).unwrap(),
        "regenerate desk-agreement.json with lens agreement"
    );
}
