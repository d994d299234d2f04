//! `lens validate FILE`: checks a Practice Lens document and lists every problem with its path.
//! The document's `format` says what it is: a template document or a bundle. In a bundle, every
//! audit past draft is also checked against its template as it stood when submitted.

use lens_core::AuditStatus;
use lens_store::bundle::{parse_bundle, FORMAT as BUNDLE_FORMAT};
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
        Some(BUNDLE_FORMAT) => match parse_bundle(text) {
            Ok(bundle) => check_bundle_audits(&bundle),
            Err(problems) => Verdict::Invalid(problems.iter().map(ToString::to_string).collect()),
        },
        Some(other) => Verdict::Invalid(vec![format!(
            "format: \"{other}\" is not a Practice Lens document this version can check (expected \"{TEMPLATE_FORMAT}\" or \"{BUNDLE_FORMAT}\")"
        )]),
    }
}

/// Every problem `lens validate` finds in a bundle that has been read: each audit past draft
/// against its template, and its amendments against its answers. Commands that write bundles
/// check the same, so nothing is written that validate refuses.
pub fn bundle_problems(bundle: &lens_store::bundle::Bundle) -> Vec<String> {
    let templates = crate::bundle_input::templates_for(bundle);
    let mut problems = Vec::new();
    for (index, versioned) in bundle.audits.iter().enumerate() {
        let audit = &versioned.value;
        if audit.status == AuditStatus::Draft {
            continue;
        }
        for problem in audit.amendment_record_problems() {
            problems.push(format!("audits[{index}]: audit {}: {problem}", audit.id));
        }
        let Some(template) = lens_core::find_template(&templates, &audit.template) else {
            problems.push(format!("audits[{index}]: audit {} was made with template {}, which is neither in the bundle nor built in", audit.id, audit.template));
            continue;
        };
        let as_of = audit.submitted_on.unwrap_or(audit.started_on);
        for problem in audit.check(template, as_of) {
            problems.push(format!("audits[{index}]: audit {}: {}", audit.id, problem.message));
        }
    }
    problems
}

/// Checks every submitted audit of a bundle.
fn check_bundle_audits(bundle: &lens_store::bundle::Bundle) -> Verdict {
    let problems = bundle_problems(bundle);
    if problems.is_empty() {
        Verdict::Valid(format!(
            "a valid bundle: {} audits, {} moderations, {} templates",
            bundle.audits.len(),
            bundle.moderations.len(),
            bundle.templates.len()
        ))
    } else {
        Verdict::Invalid(problems)
    }
}
