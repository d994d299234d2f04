//! `lens validate FILE`: checks a Practice Lens document and lists every problem with its path.
//! The document's `format` says what it is; today that is a template document.

use lens_store::template_document::{parse_template, FORMAT as TEMPLATE_FORMAT};
use serde_json::Value;

/// What checking found: a summary for a valid document, or every problem.
pub enum Verdict {
    /// The document is valid; the summary says what it is.
    Valid(String),
    /// The document has problems, one line each.
    Invalid(Vec<String>),
}

/// Checks the text of one document.
pub fn run(text: &str) -> Verdict {
    let format = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|value| value.get("format").and_then(Value::as_str).map(str::to_owned));
    match format.as_deref() {
        Some(TEMPLATE_FORMAT) | None => match parse_template(text) {
            Ok(template) => {
                let items = template.items().count();
                Verdict::Valid(format!(
                    "a valid template: \"{}\" ({} version {}), {} section{}, {items} item{}",
                    template.title,
                    template.id,
                    template.version,
                    template.sections.len(),
                    if template.sections.len() == 1 { "" } else { "s" },
                    if items == 1 { "" } else { "s" },
                ))
            }
            Err(problems) => Verdict::Invalid(problems.iter().map(ToString::to_string).collect()),
        },
        Some(other) => Verdict::Invalid(vec![format!(
            "format: \"{other}\" is not a Practice Lens document this version can check (expected \"{TEMPLATE_FORMAT}\")"
        )]),
    }
}
