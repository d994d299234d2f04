//! The templates Practice Lens ships, taken from the source frameworks. They are template
//! documents like any council's own, read by the same code.

use std::sync::OnceLock;

use lens_core::Template;

use super::parse_template;

/// The built-in documents, in the order a person choosing a template sees them, then the
/// versions they replaced, kept so that audits pinned to those still open. Never remove one.
const DOCUMENTS: [(&str, &str); 11] = [
    ("case-file-audit", include_str!("../../templates/case-file-audit.json")),
    ("case-file-audit-ofsted", include_str!("../../templates/case-file-audit-ofsted.json")),
    ("collaborative-practice-review", include_str!("../../templates/collaborative-practice-review.json")),
    ("supervision-audit", include_str!("../../templates/supervision-audit.json")),
    ("practice-observation", include_str!("../../templates/practice-observation.json")),
    ("service-performance-review", include_str!("../../templates/service-performance-review.json")),
    ("iro-plan-rating", include_str!("../../templates/iro-plan-rating.json")),
    ("adoption-panel-evaluation", include_str!("../../templates/adoption-panel-evaluation.json")),
    ("practitioner-reflection", include_str!("../../templates/practitioner-reflection.json")),
    // Version 1 offered the strand "Local safeguarding children board", replaced by
    // safeguarding partnerships in 2019.
    ("case-file-audit version 1", include_str!("../../templates/retired/case-file-audit-v1.json")),
    (
        "case-file-audit-ofsted version 1",
        include_str!("../../templates/retired/case-file-audit-ofsted-v1.json"),
    ),
];

/// Every built-in template version, checked: the current ones first. New audits are offered
/// only the newest version of each (`lens_core::newest_versions`).
///
/// # Panics
/// If a shipped document is invalid: a build defect that the crate's tests catch first.
pub fn builtin_templates() -> Vec<Template> {
    // Read once: screens, checks and every worker request ask for them.
    static PARSED: OnceLock<Vec<Template>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            DOCUMENTS
                .iter()
                .map(|(name, text)| match parse_template(text) {
                    Ok(template) => template,
                    Err(problems) => panic!("the built-in template {name} is invalid: {problems:?}"),
                })
                .collect()
        })
        .clone()
}
