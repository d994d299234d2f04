//! Reading a bundle file for a command, with every problem worded for the person who made it.

use lens_core::Template;
use lens_store::bundle::{parse_bundle, Bundle};
use lens_store::template_document::builtin_templates;

/// The bundle at `path`, or one line per problem.
pub fn load_bundle(path: &str) -> Result<Bundle, Vec<String>> {
    let text = std::fs::read_to_string(path).map_err(|error| vec![format!("cannot read {path}: {error}")])?;
    parse_bundle(&text).map_err(|problems| {
        let mut lines = vec![format!("{path} is not a bundle this version can read; nothing was done:")];
        lines.extend(problems.iter().map(|problem| format!("  {problem}")));
        lines
    })
}

/// The bundle's templates, then every built-in template the bundle does not carry.
pub fn templates_for(bundle: &Bundle) -> Vec<Template> {
    let mut templates = bundle.templates.clone();
    for builtin in builtin_templates() {
        if !templates.iter().any(|template| template.reference() == builtin.reference()) {
            templates.push(builtin);
        }
    }
    templates
}

/// Writes a file only if it does not exist yet, so an export never overwrites work.
pub fn write_new_file(path: &std::path::Path, contents: &str) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| format!("cannot create {}: {error}", path.display()))?;
    file.write_all(contents.as_bytes()).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
