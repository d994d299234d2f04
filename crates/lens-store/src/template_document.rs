//! Template documents: the versioned JSON in which templates are shipped, written by councils,
//! stored and exported (see docs/template-format.md). Reading one checks everything at once
//! and names each problem's path in the document.

mod builtin;
mod convert;
mod v1;

use lens_core::{Template, TemplateProblem};

pub use builtin::builtin_templates;

/// The `format` every template document declares.
pub const FORMAT: &str = "practice-lens-template";
/// The newest document version this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;
/// The largest template document accepted. The built-in ones are under 20 KiB.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

fn problem(path: &str, message: impl Into<String>) -> Vec<TemplateProblem> {
    vec![TemplateProblem { path: path.into(), message: message.into() }]
}

/// Reads and checks a template document. Decoding stops at a value of the wrong type (its
/// path is given); otherwise every missing field, unknown code and broken rule is reported.
pub fn parse_template(text: &str) -> Result<Template, Vec<TemplateProblem>> {
    if text.len() > MAX_TEMPLATE_BYTES {
        return Err(problem(
            "document",
            format!(
                "is {} KiB; a template may be at most {} KiB",
                text.len() / 1024,
                MAX_TEMPLATE_BYTES / 1024
            ),
        ));
    }
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|error| problem("document", format!("is not valid JSON ({error})")))?;
    match value.get("format_version").and_then(serde_json::Value::as_u64) {
        None => return Err(problem("format_version", "is missing: a template document declares its version")),
        Some(version) if version > u64::from(FORMAT_VERSION) => {
            return Err(problem(
                "format_version",
                format!(
                    "is {version}, made by a newer Practice Lens; this one reads up to version {FORMAT_VERSION}. Update Practice Lens to use this template"
                ),
            ))
        }
        Some(0) => return Err(problem("format_version", "must be 1 or more")),
        Some(_) => {}
    }
    let document: v1::TemplateDocumentV1 = serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        problem(if path == "." { "document" } else { &path }, error.into_inner().to_string())
    })?;
    convert::to_template(&document)
}

/// The document for a template, as pretty-printed JSON.
pub fn write_template(template: &Template) -> String {
    // Serialising plain structs of strings, numbers and vectors cannot fail.
    serde_json::to_string_pretty(&convert::to_document(template)).unwrap_or_default()
}

#[cfg(test)]
mod tests;
