//! Commands that make bundles: `lens generate` (a realistic sample), `lens merge` (bundles
//! from several auditors) and `lens import-csv` (a spreadsheet export read back). Each writes
//! a new file and never overwrites one.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use lens_core::TemplateKind;
use lens_store::bundle::{merge_bundles, write_bundle, Bundle};
use lens_store::csv_export::{read_audits_csv, AuditCsv};
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::template_document::builtin_templates;

use crate::bundle_input::{load_bundle, write_new_file};
use crate::options::Options;
use crate::validate_command::bundle_problems;

fn out_path(options: &Options, command: &str) -> Result<String, Vec<String>> {
    options
        .get("out")
        .map(str::to_owned)
        .ok_or_else(|| vec![format!("{command} needs --out FILE for the new bundle")])
}

/// Writes the bundle as a new file, only if `lens validate` would accept it.
fn save(path: &str, bundle: &Bundle) -> Result<(), Vec<String>> {
    let problems = bundle_problems(bundle);
    if !problems.is_empty() {
        let mut lines = vec![format!("the bundle for {path} would not be valid, so nothing was written:")];
        lines.extend(problems.into_iter().map(|problem| format!("  {problem}")));
        return Err(lines);
    }
    write_new_file(Path::new(path), &write_bundle(bundle))
        .map_err(|message| vec![format!("{message}; nothing was written")])
}

/// `lens generate --out FILE [--seed N] [--auditors N] [--audits N] [--months N] [--today DAY]
/// [--template ID]`: the months end with `--today` (default `today`), and nothing is dated after it.
pub fn generate(args: &[String], today: NaiveDate) -> Result<String, Vec<String>> {
    let options = Options::parse(args, &["out", "seed", "auditors", "audits", "months", "today", "template"])
        .map_err(|m| vec![m])?;
    let today = options.date("today").map_err(|m| vec![m])?.unwrap_or(today);
    let number = |name: &str, default: u64| {
        options.number(name).map(|value| value.unwrap_or(default)).map_err(|m| vec![m])
    };
    let (seed, auditors, audits, months) =
        (number("seed", 1)?, number("auditors", 12)?, number("audits", 600)?, number("months", 12)?);
    if auditors == 0 || months == 0 {
        return Err(vec!["--auditors and --months must be 1 or more".into()]);
    }
    let mut spec =
        SampleSpec::new(seed, auditors as usize, audits as usize, months.min(240) as u32).ending_on(today);
    if let Some(template) = options.get("template") {
        if !builtin_templates()
            .iter()
            .any(|builtin| builtin.id == template && builtin.kind != TemplateKind::Reflection)
        {
            let known: Vec<String> = builtin_templates()
                .into_iter()
                .filter(|builtin| builtin.kind != TemplateKind::Reflection)
                .map(|builtin| builtin.id)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            return Err(vec![format!(
                "--template {template} is not a built-in template to audit with: use one of {}",
                known.join(", ")
            )]);
        }
        spec.template_id = template.to_owned();
    }
    let path = out_path(&options, "generate")?;
    let bundle = generate_bundle(&spec);
    save(&path, &bundle)?;
    Ok(format!(
        "{} audits and {} moderations written to {path}\n",
        bundle.audits.len(),
        bundle.moderations.len()
    ))
}

/// `lens merge BUNDLE BUNDLE... --out FILE`.
pub fn merge(args: &[String], now: DateTime<Utc>) -> Result<String, Vec<String>> {
    let options = Options::parse(args, &["out"]).map_err(|m| vec![m])?;
    let [first, rest @ ..] = options.positional.as_slice() else {
        return Err(vec![
            "merge takes two or more bundles: lens merge A.json B.json --out MERGED.json".into()
        ]);
    };
    if rest.is_empty() {
        return Err(vec![
            "merge takes two or more bundles: lens merge A.json B.json --out MERGED.json".into()
        ]);
    }
    let path = out_path(&options, "merge")?;
    let mut merged = load_bundle(first)?;
    let mut summary = String::new();
    for other in rest {
        let (next, report) = merge_bundles(&merged, &load_bundle(other)?, now);
        merged = next;
        summary.push_str(&format!(
            "{other}: {} added, {} updated, {} unchanged, {} conflict(s)\n",
            report.added.len(),
            report.updated.len(),
            report.unchanged.len(),
            report.conflicts.len()
        ));
        for conflict in &report.conflicts {
            summary.push_str(&format!("  conflict: {}\n", conflict.message));
        }
    }
    save(&path, &merged)?;
    summary.push_str(&format!("{} audits written to {path}\n", merged.audits.len()));
    Ok(summary)
}

/// `lens import-csv ITEMS.csv ACTIONS.csv AMENDMENTS.csv [FOLLOW-UP.csv] --out FILE`; an export
/// made before follow-up was recorded as events has no follow-up file.
pub fn import_csv(args: &[String], now: DateTime<Utc>) -> Result<String, Vec<String>> {
    let options = Options::parse(args, &["out"]).map_err(|m| vec![m])?;
    let (items, actions, amendments, follow_up) = match options.positional.as_slice() {
        [items, actions, amendments] => (items, actions, amendments, None),
        [items, actions, amendments, follow_up] => (items, actions, amendments, Some(follow_up)),
        _ => {
            return Err(vec![
                "import-csv takes the files of an export: ITEMS.csv ACTIONS.csv AMENDMENTS.csv [FOLLOW-UP.csv] --out FILE"
                    .into(),
            ])
        }
    };
    let read = |path: &String| crate::text_file::read_text(path).map_err(|message| vec![message]);
    let files = AuditCsv {
        items: read(items)?,
        actions: read(actions)?,
        amendments: read(amendments)?,
        follow_up: follow_up.map(read).transpose()?.unwrap_or_default(),
    };
    let audits = read_audits_csv(&files).map_err(|problems| {
        let mut lines = vec!["the CSV files cannot be imported; nothing was written:".to_owned()];
        lines.extend(problems.iter().map(|problem| format!("  {problem}")));
        lines
    })?;
    let path = out_path(&options, "import-csv")?;
    let count = audits.len();
    save(&path, &Bundle { exported_at: now, templates: Vec::new(), audits, moderations: Vec::new() })?;
    Ok(format!("{count} audits written to {path}\n"))
}
