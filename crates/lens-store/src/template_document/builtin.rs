//! The templates Practice Lens ships, taken from the source frameworks. They are template
//! documents like any council's own, read by the same code.

use lens_core::Template;

use super::parse_template;

/// The built-in documents, in the order a person choosing a template sees them.
const DOCUMENTS: [(&str, &str); 7] = [
    ("case-file-audit", include_str!("../../templates/case-file-audit.json")),
    ("case-file-audit-ofsted", include_str!("../../templates/case-file-audit-ofsted.json")),
    ("collaborative-practice-review", include_str!("../../templates/collaborative-practice-review.json")),
    ("supervision-audit", include_str!("../../templates/supervision-audit.json")),
    ("practice-observation", include_str!("../../templates/practice-observation.json")),
    ("service-performance-review", include_str!("../../templates/service-performance-review.json")),
    ("practitioner-reflection", include_str!("../../templates/practitioner-reflection.json")),
];

/// Every built-in template, checked.
///
/// # Panics
/// If a shipped document is invalid: a build defect that the crate's tests catch first.
pub fn builtin_templates() -> Vec<Template> {
    DOCUMENTS
        .iter()
        .map(|(name, text)| match parse_template(text) {
            Ok(template) => template,
            Err(problems) => panic!("the built-in template {name} is invalid: {problems:?}"),
        })
        .collect()
}
