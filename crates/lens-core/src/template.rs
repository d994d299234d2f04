//! References to audit templates: an audit pins the template id and version it was made with.

/// Names one version of an audit template. Old audits keep the version they were made with,
/// so they stay readable when a council changes the template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TemplateRef {
    /// Stable identifier, e.g. `case-file-audit`.
    pub id: String,
    /// Version of the template, counting from 1.
    pub version: u32,
}

impl TemplateRef {
    /// A reference to `id` at `version`.
    pub fn new(id: impl Into<String>, version: u32) -> Self {
        Self { id: id.into(), version }
    }
}

/// The built-in case file audit (twelve practice standards).
pub const CASE_FILE_AUDIT: &str = "case-file-audit";
