//! `lens`: the Practice Lens command line over the same core the browser app uses.
//!
//! Errors go to standard error with a non-zero exit status: 2 for a mistake in the command
//! or its input file, so scripts can tell it apart from success.

mod agreement_command;
mod bundle_commands;
mod bundle_input;
mod calibration_command;
mod export_csv_command;
mod input;
mod options;
mod report_command;
mod themes_command;
mod validate_command;

use std::process::ExitCode;

const USAGE: &str = "\
Usage: lens <command> [arguments]

Commands:
  agreement FILE   agreement statistics for one set of gradings (JSON in, JSON out):
                   {\"categories\": [best grade first, ...], \"ratings\": [[rater 1, rater 2, ...], ...]}
  calibration FILE which standards and auditors to calibrate, from moderated gradings (JSON):
                   {\"categories\": [...], \"gradings\": [{\"standard\", \"auditor\", \"date\",
                   \"auditor_grade\", \"moderator_grade\"}, ...], \"period\": \"month\"|\"quarter\"}
  validate FILE    check a template document or a bundle and list every problem with its
                   path (exit status 1 when there are problems)
  report BUNDLE --from DATE --to DATE [--team T] [--strand S] [--auditor A]
                   [--template ID] [--standard ITEM] [--format json|csv|text]
                   [--today DATE] [--per-quarter N] [--paused-months 8,12]
                   how much we did, how well, and whether anyone is better off, every
                   figure with the audits behind it
  export-csv BUNDLE [--out DIR]
                   the audits as BUNDLE.items.csv, BUNDLE.actions.csv and
                   BUNDLE.amendments.csv, safe to open in a spreadsheet
  import-csv ITEMS ACTIONS AMENDMENTS --out FILE
                   read an export-csv export back into a bundle
  merge BUNDLE BUNDLE... --out FILE
                   merge bundles from several auditors by record and revision; conflicts
                   are listed and the newer or already-held record kept
  generate --out FILE [--seed N] [--auditors N] [--audits N] [--months N]
                   a realistic sample bundle, the same for the same seed
  themes tag FILE.jsonl [--codebook CODEBOOK.json]
                   the codebook themes of each narrative ({\"id\", \"text\"} per line), with
                   polarity (strength or concern) and the evidence sentence and offsets
  themes keyphrases FILE.jsonl [--top N]
                   each text's keyphrases, scored against the whole file
  themes discover FILE.jsonl [--group-by FIELD] [--top N] [--codebook C]
                   [--period-field FIELD --compare EARLIER,LATER]
                   phrases the codebook does not cover, characteristic of each group,
                   with quotes; phrases that rose or fell between two periods
  themes report FILE.jsonl [--split-by FIELD] [--codebook C]
                   per theme and polarity: narratives, audits, share, months, quotes
  themes eval [--narratives FILE] [--keyphrases FILE] [--show N] [--single-use N]
                   the theme engine's figures on the repository's labelled data, and an
                   estimate for unseen narratives; --show lists narratives tagged
                   differently from their labels, --single-use the rules one narrative uses
                   (lines that cannot be read are reported and skipped: exit status 1)
  help             show this message
  version          show the Practice Lens version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("version" | "--version" | "-V") => {
            println!("lens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("agreement") => match &args[1..] {
            [path] => json_command(path, agreement_command::run),
            _ => usage_error("agreement takes one file: lens agreement FILE"),
        },
        Some("calibration") => match &args[1..] {
            [path] => json_command(path, calibration_command::run),
            _ => usage_error("calibration takes one file: lens calibration FILE"),
        },
        Some("validate") => match &args[1..] {
            [path] => validate(path),
            _ => usage_error("validate takes one file: lens validate FILE"),
        },
        Some("report") => output(report_command::run(&args[1..], chrono::Local::now().date_naive())),
        Some("export-csv") => output(export_csv_command::run(&args[1..])),
        Some("import-csv") => output(bundle_commands::import_csv(&args[1..], chrono::Utc::now())),
        Some("merge") => output(bundle_commands::merge(&args[1..], chrono::Utc::now())),
        Some("generate") => output(bundle_commands::generate(&args[1..])),
        Some("themes") => themes(&args[1..]),
        Some(other) => usage_error(&format!("there is no command '{other}'.")),
    }
}

/// Runs a command that reads one JSON file and prints one JSON value.
fn json_command(path: &str, command: fn(&str) -> Result<serde_json::Value, input::InputError>) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => return input_error(&format!("cannot read {path}: {error}")),
    };
    match command(&text) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(error) => input_error(&format!("{path}: {}", error.0)),
    }
}

fn validate(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => return input_error(&format!("cannot read {path}: {error}")),
    };
    match validate_command::run(&text) {
        validate_command::Verdict::Valid(summary) => {
            println!("{path}: {summary}");
            ExitCode::SUCCESS
        }
        validate_command::Verdict::Invalid(problems) => {
            eprintln!(
                "{path}: {} problem{} found",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            for problem in problems {
                eprintln!("  {problem}");
            }
            ExitCode::from(1)
        }
    }
}

/// Prints a command's output, or its problems on stderr with exit status 2.
fn output(result: Result<String, Vec<String>>) -> ExitCode {
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for line in lines {
                eprintln!("lens: {line}");
            }
            ExitCode::from(2)
        }
    }
}

/// Prints a themes command's output; skipped lines make the exit status 1, failure 2.
fn themes(args: &[String]) -> ExitCode {
    let outcome = themes_command::run(args);
    print!("{}", outcome.stdout);
    for problem in &outcome.problems {
        eprintln!("lens: {problem}");
    }
    if outcome.failed {
        ExitCode::from(2)
    } else if outcome.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("lens: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn input_error(message: &str) -> ExitCode {
    eprintln!("lens: {message}");
    ExitCode::from(2)
}
