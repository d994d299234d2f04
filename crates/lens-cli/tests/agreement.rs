//! `lens agreement` run as a program on every reference case, and on bad input.

use std::process::{Command, Output};

use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../../tests/fixtures/agreement/vectors.json");

use crate::support;

fn run_on(name: &str, input: &str) -> Output {
    support::run_on("agreement", name, input)
}

#[test]
fn every_reference_case_gives_the_expected_values() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    for case in vectors["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let mut input = json!({ "categories": case["categories"], "ratings": case["ratings"] });
        if let Some(values) = case.get("category_values") {
            input["category_values"] = values.clone();
        }
        let output = run_on(name, &input.to_string());
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let result: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(result["n_units"], case["n_units"], "{name}");
        assert_eq!(result["n_raters"], case["n_raters"], "{name}");
        for (statistic, expected) in case["expected"].as_object().unwrap() {
            let computed = &result[statistic];
            match expected.as_f64() {
                Some(expected) => {
                    let value =
                        computed.as_f64().unwrap_or_else(|| panic!("{name}: {statistic} is {computed}"));
                    assert!((value - expected).abs() <= 1e-9, "{name}: {statistic} {value} vs {expected}");
                }
                None => {
                    assert!(computed.is_null(), "{name}: {statistic} should be null, is {computed}");
                    let reason = result["undefined"][statistic].as_str().unwrap_or_default();
                    assert!(
                        reason.starts_with("undefined, because"),
                        "{name}: {statistic} reason '{reason}'"
                    );
                }
            }
        }
        if case["n_raters"] == 2 {
            assert_eq!(result["confusion_matrix"]["counts"], case["confusion_matrix"]["counts"], "{name}");
        } else {
            assert!(result.get("cohen_kappa").is_none(), "{name}: two-rater kappas are left out");
            assert!(result["confusion_matrix"].is_null());
        }
        assert!(result["intervals"].is_object() && result["diagnostics"].is_array(), "{name}");
    }
}

#[test]
fn intervals_and_diagnostics_are_reported() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let case = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "audit4_n100_heavy_skew_good")
        .unwrap();
    let input = json!({ "categories": case["categories"], "ratings": case["ratings"] });
    let result: Value = serde_json::from_slice(&run_on("skew", &input.to_string()).stdout).unwrap();
    let kappa = &result["intervals"]["cohen_kappa"];
    let (lower, estimate, upper) = (
        kappa["lower"].as_f64().unwrap(),
        kappa["estimate"].as_f64().unwrap(),
        kappa["upper"].as_f64().unwrap(),
    );
    assert!(lower < estimate && estimate < upper && upper <= 1.0);
    assert_eq!(estimate, result["cohen_kappa"].as_f64().unwrap());
    let alpha = &result["intervals"]["krippendorff_alpha_ordinal"];
    assert_eq!((alpha["method"].as_str(), alpha["replicates"].as_u64()), (Some("bootstrap"), Some(1000)));
    assert!(alpha["lower"].as_f64().unwrap() < alpha["upper"].as_f64().unwrap());
    let codes: Vec<&str> =
        result["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"prevalence-skew"), "{codes:?}");
}

#[test]
fn bad_input_gives_a_clear_message_and_exit_code_2() {
    for (name, input, message) in [
        (
            "ragged",
            r#"{"categories":["G","RI"],"ratings":[["G","RI"],["G"]]}"#,
            "unit 2 has 1 ratings, but the first unit has 2",
        ),
        (
            "unknown",
            r#"{"categories":["G","RI"],"ratings":[["G","Outstanding"]]}"#,
            "unit 1, rater 2: \"Outstanding\" is not one of the categories [\"G\",\"RI\"]",
        ),
        (
            "one-category",
            r#"{"categories":["G"],"ratings":[["G","G"]]}"#,
            "the scale needs at least two categories, but 1 were given",
        ),
        ("not-json", "{oops", "the file is not valid JSON"),
        ("no-ratings", r#"{"categories":["G","RI"]}"#, "the file needs \"ratings\""),
        (
            "values",
            r#"{"categories":["G","RI"],"ratings":[["G","RI"]],"category_values":[1]}"#,
            "there are 1 category values for 2 categories",
        ),
        ("twice", r#"{"categories":["G","G"],"ratings":[]}"#, "the category \"G\" is listed twice"),
    ] {
        let output = run_on(name, input);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
    }
    let missing = Command::new(env!("CARGO_BIN_EXE_lens"))
        .args(["agreement", "/nonexistent/file.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("lens: cannot read /nonexistent/file.json"));
}
