//! The JSON Schemas in docs/ describe what Practice Lens really reads and writes: every
//! shipped template and the golden and generated bundles pass their schema, and documents the
//! code refuses fail it too.

use std::path::Path;

use serde_json::{json, Value};

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ is inside the repository")
}

fn template_schema() -> jsonschema::Validator {
    jsonschema::validator_for(&read_json(&repo().join("docs/template.schema.json"))).expect("a valid schema")
}

#[test]
fn every_built_in_template_matches_the_template_schema() {
    let schema = template_schema();
    let mut checked = 0;
    // The current versions, the versions they replaced, and the example council template.
    for folder in ["crates/lens-store/templates", "crates/lens-store/templates/retired", "web/templates"] {
        for entry in std::fs::read_dir(repo().join(folder)).expect("templates folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|extension| extension != "json") {
                continue;
            }
            let document = read_json(&path);
            let errors: Vec<String> = schema.iter_errors(&document).map(|error| error.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 9 + 2 + 1);
}

/// A change that makes a valid document invalid.
type Mutation = fn(&mut Value);

#[test]
fn the_template_schema_refuses_what_the_reader_refuses() {
    let schema = template_schema();
    let valid = read_json(&repo().join("crates/lens-store/templates/supervision-audit.json"));
    assert!(schema.is_valid(&valid));
    let mutations: [(&str, Mutation); 5] = [
        ("newer format", |doc| doc["format_version"] = json!(3)),
        ("unknown field", |doc| doc["colour"] = json!("blue")),
        ("bad id", |doc| doc["id"] = json!("Supervision Audit")),
        ("one grade", |doc| doc["scale"]["grades"] = json!([doc["scale"]["grades"][0].clone()])),
        ("unknown rule", |doc| doc["sections"][0]["items"][0]["narrative"] = json!("sometimes")),
    ];
    for (name, mutate) in mutations {
        let mut document = valid.clone();
        mutate(&mut document);
        assert!(!schema.is_valid(&document), "{name} should fail the schema");
    }
}

fn bundle_schema() -> jsonschema::Validator {
    jsonschema::validator_for(&read_json(&repo().join("docs/bundle.schema.json"))).expect("a valid schema")
}

#[test]
fn the_golden_bundle_and_a_generated_one_match_the_bundle_schema() {
    let schema = bundle_schema();
    let golden = read_json(&repo().join("tests/fixtures/bundles/golden.json"));
    let errors: Vec<String> = schema.iter_errors(&golden).map(|error| error.to_string()).collect();
    assert!(errors.is_empty(), "golden: {errors:?}");
    let sample = lens_store::bundle::write_bundle(&lens_store::sample::generate_bundle(
        &lens_store::sample::SampleSpec::new(11, 5, 60, 6),
    ));
    let mut generated: Value = serde_json::from_str(&sample).expect("JSON");
    generated["templates"] = json!([]);
    let errors: Vec<String> = schema.iter_errors(&generated).map(|error| error.to_string()).collect();
    assert!(errors.is_empty(), "generated: {errors:?}");
}

#[test]
fn the_bundle_schema_refuses_what_the_reader_refuses() {
    let schema = bundle_schema();
    let valid = read_json(&repo().join("tests/fixtures/bundles/golden.json"));
    let mutations: [(&str, Mutation); 7] = [
        ("newer format", |doc| doc["format_version"] = json!(5)),
        ("unknown follow-up event", |doc| {
            doc["format_version"] = json!(4);
            doc["audits"][0]["audit"]["follow_up"] =
                json!({"events": [{"recorded_on": "2026-06-01", "by": "Dee", "what": {"kind": "archived"}}]});
        }),
        ("unknown field", |doc| doc["audits"][0]["audit"]["child_name"] = json!("x")),
        ("unknown status", |doc| doc["audits"][0]["audit"]["status"] = json!("approved")),
        ("revision 0", |doc| doc["audits"][0]["revision"] = json!(0)),
        ("not a date", |doc| doc["audits"][0]["audit"]["started_on"] = json!("14/04/2026")),
        ("unknown recipient role", |doc| {
            doc["format_version"] = json!(4);
            doc["audits"][0]["audit"]["follow_up"] = json!({"events": [{"recorded_on": "2026-06-01", "by": "Dee",
                "what": {"kind": "findings_shared", "shared_on": "2026-06-01", "recipients": [{"role": "chair", "name": "Jo"}]}}]});
        }),
    ];
    for (name, mutate) in mutations {
        let mut document = valid.clone();
        mutate(&mut document);
        assert!(!schema.is_valid(&document), "{name} should fail the schema");
        let refused = lens_store::bundle::parse_bundle(&document.to_string());
        assert!(refused.is_err(), "{name} should be refused by the reader too");
    }
}
