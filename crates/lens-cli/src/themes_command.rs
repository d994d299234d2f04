//! `lens themes`: tag narratives with codebook themes, discover phrases, extract keyphrases and
//! evaluate all of it, over JSON Lines files.

#[path = "themes/batch.rs"]
mod batch;
#[path = "themes/codebook_file.rs"]
mod codebook_file;
#[path = "themes/eval.rs"]
mod eval;
#[path = "themes/jsonl.rs"]
mod jsonl;

use lens_themes::{Codebook, Tagger};

use crate::options::Options;

/// What a themes command printed, and whether anything went wrong.
#[derive(Default)]
pub struct Outcome {
    /// Standard output.
    pub stdout: String,
    /// Messages for standard error: skipped lines, or why nothing could be done.
    pub problems: Vec<String>,
    /// Nothing could be done (as opposed to some lines skipped).
    pub failed: bool,
}

impl Outcome {
    pub(crate) fn failure(message: String) -> Self {
        Self { stdout: String::new(), problems: vec![message], failed: true }
    }
}

/// Runs `lens themes SUBCOMMAND …`.
pub fn run(args: &[String]) -> Outcome {
    let Some((subcommand, rest)) = args.split_first() else {
        return Outcome::failure(
            "themes needs a subcommand: tag, keyphrases, discover, report, eval or train".to_owned(),
        );
    };
    let known: &[&str] = match subcommand.as_str() {
        "eval" => &[
            "narratives",
            "keyphrases",
            "codebook",
            "show",
            "single-use",
            "epochs",
            "learning-rate",
            "l2",
            "positive-weight",
            "min-sentences",
            "development",
            "averaged",
            "prune-below",
        ],
        "train" => &["out"],
        "tag" => &["codebook"],
        "keyphrases" => &["top"],
        "discover" => &["codebook", "group-by", "top", "period-field", "compare"],
        "report" => &["codebook", "split-by"],
        _ => {
            return Outcome::failure(format!(
                "there is no themes subcommand '{subcommand}': use eval, train, tag, discover, report or keyphrases"
            ))
        }
    };
    let options = match Options::parse(rest, known) {
        Ok(options) => options,
        Err(message) => return Outcome::failure(message),
    };
    let codebook = match options.get("codebook") {
        None => Codebook::builtin(),
        Some(path) => match crate::text_file::read_text(path) {
            Ok(text) => match codebook_file::parse(path, &text) {
                Ok(codebook) => codebook,
                Err(problems) => return Outcome { stdout: String::new(), problems, failed: true },
            },
            Err(message) => return Outcome::failure(format!("the codebook: {message}")),
        },
    };
    let tagger = Tagger::new(&codebook);
    match subcommand.as_str() {
        "eval" => eval::run(&options, &tagger),
        "train" => eval::train(&options),
        "tag" => batch::tag(&options, &tagger),
        "keyphrases" => batch::keyphrase_lines(&options),
        "discover" => batch::discover_phrases(&options, &tagger),
        _ => batch::report(&options, &tagger),
    }
}
