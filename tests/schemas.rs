//! The JSON Schemas in docs/ describe what Practice Lens really reads and writes: every
//! shipped template passes its schema, and documents the code refuses fail it too.

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
    let dir = repo().join("crates/lens-store/templates");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("templates folder") {
        let path = entry.expect("entry").path();
        let document = read_json(&path);
        let errors: Vec<String> = schema.iter_errors(&document).map(|error| error.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 6);
}

/// A change that makes a valid document invalid.
type Mutation = fn(&mut Value);

#[test]
fn the_template_schema_refuses_what_the_reader_refuses() {
    let schema = template_schema();
    let valid = read_json(&repo().join("crates/lens-store/templates/supervision-audit.json"));
    assert!(schema.is_valid(&valid));
    let mutations: [(&str, Mutation); 5] = [
        ("newer format", |doc| doc["format_version"] = json!(2)),
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
