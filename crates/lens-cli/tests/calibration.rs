//! `lens calibration` run as a program on the moderation sample and on bad input.
//!
//! tests/fixtures/agreement/moderation-sample.json was generated so the answers are known:
//! every auditor grades standard 4 one grade more leniently than moderators on half the
//! cases, and Dev Singh grades harsher on more cases each quarter.

use serde_json::Value;

use crate::support;

const SAMPLE: &str = include_str!("../../../tests/fixtures/agreement/moderation-sample.json");

fn calibration(name: &str, input: &str) -> std::process::Output {
    support::run_on("calibration", name, input)
}

#[test]
fn the_sample_names_the_standard_and_the_auditor_to_calibrate() {
    let output = calibration("sample", SAMPLE);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["overall"]["n_gradings"], 288);

    let first_standard = &report["standards"][0];
    assert_eq!(first_standard["name"], "4 Assessments");
    assert_eq!(first_standard["needs_calibration"], true);
    assert_eq!(first_standard["auditor_more_lenient"], 16);
    assert_eq!(first_standard["auditor_harsher"], 0);
    assert!(first_standard["mean_signed_difference"].as_f64().unwrap() < 0.0);
    let codes: Vec<&str> =
        first_standard["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["below-target", "systematic-shift"]);

    let first_auditor = &report["auditors"][0];
    assert_eq!(first_auditor["name"], "Dev Singh");
    let periods: Vec<(&str, f64)> = first_auditor["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["mean_signed_difference"].as_f64().unwrap()))
        .collect();
    assert_eq!(periods.iter().map(|p| p.0).collect::<Vec<_>>(), ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]);
    assert!(periods[0].1 < periods[1].1 && periods[1].1 < periods[2].1, "{periods:?}");
    assert!(first_auditor["drift"]["slope_per_period"].as_f64().unwrap() > 0.3);
    let drift = first_auditor["findings"].as_array().unwrap().iter().find(|f| f["code"] == "drift").unwrap();
    assert!(drift["message"].as_str().unwrap().contains("harsher per period"));
    for steady in &report["auditors"].as_array().unwrap()[1..] {
        assert_eq!(steady["needs_calibration"], false, "{}", steady["name"]);
    }
}

#[test]
fn monthly_periods_and_a_stricter_policy_are_honoured() {
    let mut input: Value = serde_json::from_str(SAMPLE).unwrap();
    input["period"] = "month".into();
    input["policy"] = serde_json::json!({ "target_agreement": 0.95 });
    let output = calibration("monthly", &input.to_string());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["auditors"][0]["periods"].as_array().unwrap().len(), 7);
    assert_eq!(report["auditors"][0]["periods"][0]["period"], "2026-04");
    // Ben agrees on 96% of gradings: above 95%, so still no call to calibrate.
    let ben = report["auditors"].as_array().unwrap().iter().find(|a| a["name"] == "Ben Okafor").unwrap();
    assert_eq!(ben["needs_calibration"], false);
    let cara = report["auditors"].as_array().unwrap().iter().find(|a| a["name"] == "Cara Lewis").unwrap();
    assert_eq!(cara["findings"][0]["code"], "below-target");
}

#[test]
fn bad_input_gives_a_clear_message_and_exit_code_2() {
    let row = |fields: &str| format!(r#"{{"categories":["G","RI"],"gradings":[{{{fields}}}]}}"#);
    let good = r#""standard":"1 Risk","auditor":"Asha","auditor_grade":"G","moderator_grade":"RI""#;
    for (name, input, message) in [
        ("no-gradings", r#"{"categories":["G","RI"]}"#.to_owned(), "the file needs \"gradings\""),
        (
            "bad-date",
            row(&format!(r#"{good},"date":"2026-02-30""#)),
            "grading 1: the date \"2026-02-30\" is not a real date",
        ),
        ("no-date", row(good), "grading 1 needs \"date\" as text"),
        (
            "bad-grade",
            row(
                r#""standard":"1","auditor":"A","date":"2026-05-01","auditor_grade":"Good","moderator_grade":"G""#,
            ),
            "grading 1, auditor_grade: \"Good\" is not one of the categories",
        ),
        (
            "bad-period",
            r#"{"categories":["G","RI"],"gradings":[],"period":"week"}"#.to_owned(),
            "\"period\" is \"week\": use \"month\" or \"quarter\"",
        ),
        (
            "bad-policy",
            r#"{"categories":["G","RI"],"gradings":[],"policy":{"target_agreement":80}}"#.to_owned(),
            "policy \"target_agreement\" is 80: give a share between 0 and 1",
        ),
    ] {
        let output = calibration(name, &input);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
    }
}

#[test]
fn a_bundle_calibrates_from_its_moderations_against_the_agreed_grades() {
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bundles/golden.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lens"))
        .args(["calibration", golden])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let auditor = &report["auditors"][0];
    assert_eq!(auditor["name"], "Priya Shah");
    // Audit golden-03: twelve standards, two (diversity, plans) agreed one grade lower.
    assert_eq!(auditor["n_pairs"], 12);
    assert_eq!(auditor["auditor_more_lenient"], 2);
    assert_eq!(auditor["auditor_harsher"], 0);
}
