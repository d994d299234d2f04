//! `lens`: the Practice Lens command line over the same core the browser app uses.
//!
//! The arguments are read once into a [`Command`]; running it writes to standard output and
//! gives a [`CliError`] when something is wrong. Errors go to standard error with a non-zero exit
//! status: 2 for a mistake in the command or its input file, 1 when the input was read but has
//! problems (a template that does not validate, lines that were skipped), so scripts can tell
//! each apart from success. Like other Unix tools, `lens` stops quietly with status 0 when
//! whatever reads its output closes the pipe (`lens report … | head -1`).

mod agreement_command;
mod bundle_commands;
mod bundle_input;
mod calibration_command;
mod error;
mod export_csv_command;
mod input;
mod options;
mod report_command;
mod text_file;
mod themes_command;
mod validate_command;

use std::io::{self, Write};
use std::process::ExitCode;

use error::CliError;

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
                   [--today DATE] [--per-quarter N | --per-month N] [--paused-months 8,12]
                   how much we did, how well, and whether anyone is better off, every
                   figure with the audits behind it
  export-csv BUNDLE [--out DIR]
                   the audits as BUNDLE.items.csv, BUNDLE.actions.csv and
                   BUNDLE.amendments.csv, safe to open in a spreadsheet
  import-csv ITEMS ACTIONS AMENDMENTS [FOLLOW-UP] --out FILE
                   read an export-csv export back into a bundle
  merge BUNDLE BUNDLE... --out FILE
                   merge bundles from several auditors by record and revision; conflicts
                   are listed and the newer or already-held record kept
  generate --out FILE [--seed N] [--auditors N] [--audits N] [--months N]
           [--today YYYY-MM-DD] [--template ID]
                   a realistic sample bundle, the same for the same seed and day, over
                   the months that end with --today (default today) and never after it
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
  themes eval [--narratives FILE] [--keyphrases FILE] [--development DIR]
              [--show N] [--single-use N] [training options]
                   the theme engine's figures on the repository's labelled data: the
                   public narratives, the development set cross-validated in five folds
                   (by source, per theme), the rules alone, and an estimate for unseen
                   narratives; --show lists narratives tagged differently from their
                   labels, --single-use the rules one narrative uses; the training options
                   (--epochs, --learning-rate, --l2, --positive-weight, --prune-below,
                   --averaged yes|no, --min-sentences) compare settings by cross-validation
                   (lines that cannot be read are reported and skipped: exit status 1)
  themes train [--out FILE]
                   trains the theme model on the labelled data and writes it where the
                   theme engine reads it (crates/lens-themes/model/themes.tsv)
  help             show this message
  version          show the Practice Lens version
";

/// What the command line asked for, read once from the arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// `lens help`, or no command at all.
    Help,
    /// `lens version`.
    Version,
    /// `lens agreement FILE`.
    Agreement { path: String },
    /// `lens calibration FILE`.
    Calibration { path: String },
    /// `lens validate FILE`.
    Validate { path: String },
    /// `lens report BUNDLE …`, with its arguments, read by `report_command`.
    Report { args: Vec<String> },
    /// `lens export-csv BUNDLE …`.
    ExportCsv { args: Vec<String> },
    /// `lens import-csv ITEMS ACTIONS AMENDMENTS [FOLLOW-UP] …`.
    ImportCsv { args: Vec<String> },
    /// `lens merge BUNDLE BUNDLE… …`.
    Merge { args: Vec<String> },
    /// `lens generate …`.
    Generate { args: Vec<String> },
    /// `lens themes SUBCOMMAND …`, read by `themes_command`.
    Themes { args: Vec<String> },
}

impl Command {
    /// Reads the arguments after the program's name.
    fn parse(args: &[String]) -> Result<Self, CliError> {
        let Some((name, rest)) = args.split_first() else { return Ok(Self::Help) };
        let one_file = |usage: &str| match rest {
            [path] => Ok(path.clone()),
            _ => Err(CliError::Usage(usage.to_owned())),
        };
        let args = rest.to_vec();
        Ok(match name.as_str() {
            "help" | "--help" | "-h" => Self::Help,
            "version" | "--version" | "-V" => Self::Version,
            "agreement" => {
                Self::Agreement { path: one_file("agreement takes one file: lens agreement FILE")? }
            }
            "calibration" => {
                Self::Calibration { path: one_file("calibration takes one file: lens calibration FILE")? }
            }
            "validate" => Self::Validate { path: one_file("validate takes one file: lens validate FILE")? },
            "report" => Self::Report { args },
            "export-csv" => Self::ExportCsv { args },
            "import-csv" => Self::ImportCsv { args },
            "merge" => Self::Merge { args },
            "generate" => Self::Generate { args },
            "themes" => Self::Themes { args },
            other => return Err(CliError::Usage(format!("there is no command '{other}'."))),
        })
    }

    /// Runs the command, writing what it prints to `out`.
    fn run(self, out: &mut impl Write) -> Result<(), CliError> {
        match self {
            Self::Help => write!(out, "{USAGE}")?,
            Self::Version => writeln!(out, "lens {}", env!("CARGO_PKG_VERSION"))?,
            Self::Agreement { path } => json_command(&path, agreement_command::run, out)?,
            Self::Calibration { path } => json_command(&path, calibration_command::run, out)?,
            Self::Validate { path } => validate(&path, out)?,
            Self::Report { args } => {
                write!(out, "{}", report_command::run(&args, chrono::Local::now().date_naive())?)?
            }
            Self::ExportCsv { args } => write!(out, "{}", export_csv_command::run(&args)?)?,
            Self::ImportCsv { args } => {
                write!(out, "{}", bundle_commands::import_csv(&args, chrono::Utc::now())?)?
            }
            Self::Merge { args } => write!(out, "{}", bundle_commands::merge(&args, chrono::Utc::now())?)?,
            Self::Generate { args } => {
                write!(out, "{}", bundle_commands::generate(&args, chrono::Local::now().date_naive())?)?
            }
            Self::Themes { args } => themes(&args, out)?,
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = Command::parse(&args).and_then(|command| {
        let mut out = io::stdout().lock();
        command.run(&mut out)?;
        out.flush()?;
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = error.report(&mut io::stderr().lock(), USAGE);
            ExitCode::from(error.exit_status())
        }
    }
}

fn read(path: &str) -> Result<String, CliError> {
    text_file::read_text(path).map_err(CliError::input)
}

/// Runs a command that reads one JSON file and prints one JSON value.
fn json_command(
    path: &str,
    command: fn(&str) -> Result<serde_json::Value, input::InputError>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let output = command(&read(path)?).map_err(|error| CliError::input(format!("{path}: {}", error.0)))?;
    writeln!(out, "{output}")?;
    Ok(())
}

fn validate(path: &str, out: &mut impl Write) -> Result<(), CliError> {
    match validate_command::run(&read(path)?) {
        validate_command::Verdict::Valid(summary) => writeln!(out, "{path}: {summary}")?,
        validate_command::Verdict::Invalid(problems) => {
            return Err(CliError::Invalid { subject: path.to_owned(), problems })
        }
    }
    Ok(())
}

/// Prints a themes command's output; skipped lines make the exit status 1, failure 2.
fn themes(args: &[String], out: &mut impl Write) -> Result<(), CliError> {
    let outcome = themes_command::run(args);
    write!(out, "{}", outcome.stdout)?;
    if outcome.failed {
        Err(CliError::Input(outcome.problems))
    } else if outcome.problems.is_empty() {
        Ok(())
    } else {
        Err(CliError::Skipped(outcome.problems))
    }
}
