//! `lens export-csv BUNDLE [--out DIR]`: the bundle's audits as three CSV files for a
//! spreadsheet (items, actions, amendments), never overwriting an existing file.

use std::path::{Path, PathBuf};

use lens_store::csv_export::write_audits_csv;
use lens_store::template_document::builtin_templates;

use crate::bundle_input::{load_bundle, write_new_files};
use crate::options::Options;

/// Runs the command, giving what to print or one line per problem.
pub fn run(args: &[String]) -> Result<String, Vec<String>> {
    let options = Options::parse(args, &["out"]).map_err(|message| vec![message])?;
    let [path] = options.positional.as_slice() else {
        return Err(vec!["export-csv takes one bundle: lens export-csv BUNDLE [--out DIR]".into()]);
    };
    let bundle = load_bundle(path)?;
    let directory = PathBuf::from(options.get("out").unwrap_or("."));
    let stem = Path::new(path).file_stem().and_then(|stem| stem.to_str()).unwrap_or("bundle");
    // The bundle's own templates first, then the built-in ones its audits may use.
    let templates: Vec<_> = bundle.templates.iter().cloned().chain(builtin_templates()).collect();
    let files = write_audits_csv(&bundle.audits, &templates);
    let outputs = [
        ("items", &files.items),
        ("actions", &files.actions),
        ("amendments", &files.amendments),
        ("follow-up", &files.follow_up),
    ]
    .map(|(name, contents)| (directory.join(format!("{stem}.{name}.csv")), contents));
    let existing: Vec<String> = outputs
        .iter()
        .filter(|(path, _)| path.exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(vec![format!(
            "{} already exist(s); nothing was written. Move them or choose another --out",
            existing.join(", ")
        )]);
    }
    let staged: Vec<(std::path::PathBuf, &str)> =
        outputs.iter().map(|(path, contents)| (path.clone(), contents.as_str())).collect();
    write_new_files(&staged).map_err(|message| vec![format!("{message}; nothing was written")])?;
    let written: Vec<String> = outputs.iter().map(|(path, _)| path.display().to_string()).collect();
    Ok(format!("{} audits written to {}\n", bundle.audits.len(), written.join(", ")))
}
