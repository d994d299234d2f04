//! `lens themes eval`: the theme engine's figures on the repository's labelled data.

use lens_themes::{
    keyphrase_f1_at, keyphrases, CrossValidation, LabelledNarrative, Polarity, TagScores, Tagger, ThemeModel,
    TrainingSettings, UnseenEstimate,
};

use super::jsonl::{self, text_of};
use super::Outcome;
use crate::options::Options;

/// Where the repository keeps its labelled theme data.
const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/themes");

/// Runs the evaluation and writes the report.
pub fn run(options: &Options, tagger: &Tagger) -> Outcome {
    let (show, single_use) = match (count(options, "show"), count(options, "single-use")) {
        (Ok(show), Ok(single_use)) => (show, single_use),
        (Err(message), _) | (_, Err(message)) => return Outcome::failure(message),
    };
    let narratives_path =
        options.get("narratives").map_or_else(|| format!("{DATA_DIR}/qa_public.jsonl"), str::to_owned);
    let mut outcome = Outcome::default();
    let narratives = match read_labelled(&narratives_path, &mut outcome.problems) {
        Ok(narratives) => narratives,
        Err(message) => return Outcome::failure(message),
    };
    let scores = TagScores::score(tagger, &narratives);
    outcome.stdout = report(&narratives_path, &tagger.codebook().name, &scores, show);
    if let Some(model) = tagger.model() {
        outcome.stdout.push_str(&format!(
            "  (the shipped model learned from these narratives among its {}: an in-sample figure; the \
             cross-validated figures below are the measure)\n",
            model.narratives_trained_on()
        ));
    }
    let development_dir = options.get("development").unwrap_or(DEVELOPMENT_DIR);
    let development = match development_set(development_dir, &mut outcome.problems) {
        Ok(development) => development,
        Err(message) => return Outcome::failure(message),
    };
    let settings = match training_settings(options) {
        Ok(settings) => settings,
        Err(message) => return Outcome::failure(message),
    };
    let validation = TagScores::cross_validate(tagger.codebook(), &development, FOLDS, &settings);
    outcome.stdout.push_str(&cross_validation_report(&validation, show));
    let unseen_by_rules: Vec<LabelledNarrative> =
        development.iter().filter(|narrative| !narrative.id.starts_with("qa-")).cloned().collect();
    let rules = Tagger::rules_only(tagger.codebook());
    outcome.stdout.push_str(&format!(
        "The cues and judgement words alone on the {} development narratives they were not written against\n",
        unseen_by_rules.len()
    ));
    outcome.stdout.push_str(&figures(&TagScores::score(&rules, &unseen_by_rules), None));
    outcome.stdout.push_str(&unseen_report(&TagScores::estimate_unseen(&rules, &narratives), single_use));
    let keyphrases_path =
        options.get("keyphrases").map_or_else(|| format!("{DATA_DIR}/semeval2017.jsonl"), str::to_owned);
    match std::fs::read_to_string(&keyphrases_path) {
        Ok(text) => {
            let lines = jsonl::read(&keyphrases_path, &text, &["id", "text"]);
            outcome.problems.extend(lines.problems);
            outcome.stdout.push_str(&keyphrase_report(&keyphrases_path, &lines.good));
        }
        Err(error) => outcome.problems.push(format!("cannot read {keyphrases_path}: {error}")),
    }
    outcome
}

/// How many folds the development set is cross-validated in.
pub const FOLDS: usize = 5;

/// Where the labelled development narratives are kept, beside the public ones.
const DEVELOPMENT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/themes/dev");

/// The labelled narratives of a JSON Lines file; lines that cannot be read are skipped and said.
fn read_labelled(path: &str, problems: &mut Vec<String>) -> Result<Vec<LabelledNarrative>, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    let lines = jsonl::read(path, &text, &["id", "text"]);
    problems.extend(lines.problems);
    let mut narratives = Vec::new();
    for line in &lines.good {
        match labelled(&line.object) {
            Ok(narrative) => narratives.push(narrative),
            Err(problem) => problems.push(format!("{path}:{}: {problem}; it was skipped", line.number)),
        }
    }
    Ok(narratives)
}

/// The development set: the public narratives and every `.jsonl` file of a folder (by default
/// `tests/data/themes/dev`), in file-name order.
pub fn development_set(folder: &str, problems: &mut Vec<String>) -> Result<Vec<LabelledNarrative>, String> {
    let mut narratives = read_labelled(&format!("{DATA_DIR}/qa_public.jsonl"), problems)?;
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(folder)
        .map_err(|error| format!("cannot read the development folder {folder}: {error}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        narratives.extend(read_labelled(&file.to_string_lossy(), problems)?);
    }
    Ok(narratives)
}

/// Trains the model on the development set and writes it where the theme engine reads it.
pub fn train(options: &Options) -> Outcome {
    let mut outcome = Outcome::default();
    let development = match development_set(DEVELOPMENT_DIR, &mut outcome.problems) {
        Ok(development) => development,
        Err(message) => return Outcome::failure(message),
    };
    let rules = Tagger::rules_only(&lens_themes::Codebook::builtin());
    let model = ThemeModel::train(&rules, &development, &TrainingSettings::default());
    let path = options.get("out").map_or_else(|| MODEL_PATH.to_owned(), str::to_owned);
    if let Err(error) = std::fs::write(&path, model.to_file()) {
        return Outcome::failure(format!("cannot write the model to {path}: {error}"));
    }
    outcome.stdout = format!(
        "Trained on {} narratives: {} themes, {} weights, written to {path}\n",
        model.narratives_trained_on(),
        model.themes().len(),
        model.weights()
    );
    outcome
}

/// The training settings, each default unless an option gives it (to compare settings by their
/// cross-validated figures).
fn training_settings(options: &Options) -> Result<TrainingSettings, String> {
    let mut settings = TrainingSettings::default();
    let decimal = |name: &str, value: &mut f64| -> Result<(), String> {
        if let Some(text) = options.get(name) {
            *value = text
                .parse::<f64>()
                .ok()
                .filter(|number| number.is_finite() && *number >= 0.0)
                .ok_or_else(|| format!("--{name} must be a number of zero or more, such as 0.5"))?;
        }
        Ok(())
    };
    decimal("learning-rate", &mut settings.learning_rate)?;
    decimal("l2", &mut settings.l2)?;
    decimal("positive-weight", &mut settings.positive_weight)?;
    decimal("prune-below", &mut settings.prune_below)?;
    if let Some(epochs) = options.number("epochs")? {
        settings.epochs = usize::try_from(epochs).unwrap_or(usize::MAX).min(1_000);
    }
    if let Some(averaged) = options.get("averaged") {
        settings.averaged = match averaged {
            "yes" => true,
            "no" => false,
            _ => return Err("--averaged must be yes or no".to_owned()),
        };
    }
    if let Some(min) = options.number("min-sentences")? {
        settings.min_sentences = usize::try_from(min).unwrap_or(usize::MAX);
    }
    Ok(settings)
}

/// Where the shipped model is kept.
pub const MODEL_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../lens-themes/model/themes.tsv");

/// The cross-validated figures, overall and by source, with per-theme precision and recall.
fn cross_validation_report(validation: &CrossValidation, show: usize) -> String {
    let scores = &validation.scores;
    let mut out = format!(
        "Cross-validated on the development set: {} narratives in {} folds, each fold tagged by the model \
         trained on the others\n",
        scores.narratives, validation.folds
    );
    out.push_str(&figures(scores, Some("0.80")));
    out.push_str(&format!(
        "  evidence: first quote is a labelled evidence sentence  {:.3}\n",
        scores.evidence_share()
    ));
    out.push_str("  by source: theme+polarity F1, theme F1, polarity accuracy\n");
    for (source, scores) in &validation.by_source {
        out.push_str(&format!(
            "    {:<32} {:>4} narratives  {:.3}  {:.3}  {:.3}\n",
            source_name(source),
            scores.narratives,
            scores.pairs.f1(),
            scores.themes.f1(),
            scores.polarity_accuracy()
        ));
    }
    let real: Vec<&TagScores> = validation
        .by_source
        .iter()
        .filter(|(source, _)| REAL_SOURCES.contains(&source.as_str()))
        .map(|(_, scores)| scores)
        .collect();
    if !real.is_empty() {
        let sum = |count: fn(&TagScores) -> usize| real.iter().map(|scores| count(scores)).sum::<usize>();
        let pairs = lens_themes::Counts {
            true_positives: sum(|scores| scores.pairs.true_positives),
            false_positives: sum(|scores| scores.pairs.false_positives),
            false_negatives: sum(|scores| scores.pairs.false_negatives),
        };
        let themes = lens_themes::Counts {
            true_positives: sum(|scores| scores.themes.true_positives),
            false_positives: sum(|scores| scores.themes.false_positives),
            false_negatives: sum(|scores| scores.themes.false_negatives),
        };
        let (correct, found) = (sum(|scores| scores.polarity_correct), sum(|scores| scores.themes_found));
        out.push_str(&format!(
            "    {:<32} {:>4} narratives  {:.3}  {:.3}  {:.3}   (target F1 >= 0.70)\n",
            "all real text",
            sum(|scores| scores.narratives),
            pairs.f1(),
            themes.f1(),
            if found == 0 { 0.0 } else { correct as f64 / found as f64 }
        ));
    }
    out.push_str(&per_theme(scores));
    out.push_str(&mismatches(scores, show));
    out
}

/// The sources of real public text (inspection findings and council papers), by id prefix.
const REAL_SOURCES: [&str; 2] = ["dvr", "dvq"];

/// What a source of labelled narratives is, by its id prefix.
fn source_name(source: &str) -> String {
    match source {
        "qa" => "public narratives (qa)".to_owned(),
        "dva" => "narratives in other voices (dva)".to_owned(),
        "dvb" => "narratives by other auditors (dvb)".to_owned(),
        "dvc" => "answers, moderators, CP (dvc)".to_owned(),
        "dvd" => "QA reports, learning, logs (dvd)".to_owned(),
        "dve" => "narratives in twenty roles (dve)".to_owned(),
        "dvf" => "managers, QA leads, PSWs (dvf)".to_owned(),
        "dvr" => "real inspection findings (dvr)".to_owned(),
        "dvq" => "real findings, second set (dvq)".to_owned(),
        other => other.to_owned(),
    }
}

/// How many of something an option asks to list; none when it is not given.
fn count(options: &Options, name: &str) -> Result<usize, String> {
    Ok(options.number(name)?.map_or(0, |count| usize::try_from(count).unwrap_or(usize::MAX)))
}

/// F1@10 and friends on keyphrase data (`{"id", "text", "keyphrases": [..]}` per line).
fn keyphrase_report(path: &str, lines: &[jsonl::Line]) -> String {
    let texts: Vec<String> = lines.iter().map(|line| text_of(&line.object, "text")).collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let ranked = keyphrases(&text_refs, 20);
    let documents: Vec<(Vec<String>, Vec<String>)> = lines
        .iter()
        .zip(ranked)
        .map(|(line, ranked)| {
            let gold = line
                .object
                .get("keyphrases")
                .and_then(|gold| gold.as_array())
                .map_or_else(Vec::new, |gold| {
                    gold.iter().filter_map(|phrase| phrase.as_str().map(str::to_owned)).collect()
                });
            (ranked.into_iter().map(|keyphrase| keyphrase.phrase).collect(), gold)
        })
        .collect();
    let (precision, recall, f1) = keyphrase_f1_at(&documents, 10);
    let file = path.rsplit('/').next().unwrap_or(path);
    format!(
        "Keyphrases: {file}, {} texts\n  P@10 {:.1}  R@10 {:.1}  F1@10 {:.1}   (target F1@10 >= 31)\n",
        documents.len(),
        precision * 100.0,
        recall * 100.0,
        f1 * 100.0
    )
}

fn labelled(object: &serde_json::Map<String, serde_json::Value>) -> Result<LabelledNarrative, String> {
    let mut labels = Vec::new();
    for label in
        object.get("labels").and_then(|labels| labels.as_array()).ok_or("it has no \"labels\" list")?
    {
        let theme = label.get("theme").and_then(|theme| theme.as_str()).ok_or("a label has no \"theme\"")?;
        let polarity = label
            .get("polarity")
            .and_then(|polarity| polarity.as_str())
            .and_then(Polarity::parse)
            .ok_or("a label's \"polarity\" is not \"strength\" or \"concern\"")?;
        let evidence = label
            .get("evidence")
            .and_then(|evidence| evidence.as_array())
            .map(|sentences| sentences.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        labels.push((theme.to_owned(), polarity, evidence));
    }
    Ok(LabelledNarrative { id: text_of(object, "id"), text: text_of(object, "text"), labels })
}

/// The headline figures of a set of scores, with the targets when there is an F1 target.
fn figures(scores: &TagScores, f1_target: Option<&str>) -> String {
    let (pairs, themes) = (&scores.pairs, &scores.themes);
    let (f1_target, polarity_target) = match f1_target {
        Some(f1) => (format!("   (target F1 >= {f1})"), "   (target >= 0.95)"),
        None => (String::new(), ""),
    };
    format!(
        "  theme+polarity micro  P {:.3}  R {:.3}  F1 {:.3}{f1_target}\n\
         \x20 theme only     micro  P {:.3}  R {:.3}  F1 {:.3}\n\
         \x20 polarity accuracy on themes found  {:.3}  ({} of {}){polarity_target}\n",
        pairs.precision(),
        pairs.recall(),
        pairs.f1(),
        themes.precision(),
        themes.recall(),
        themes.f1(),
        scores.polarity_accuracy(),
        scores.polarity_correct,
        scores.themes_found
    )
}

/// One line per theme: F1 and the counts behind it.
fn per_theme(scores: &TagScores) -> String {
    let mut out = String::from(
        "  per theme (theme+polarity): P, R, F1, found and labelled, found not labelled, labelled not found\n",
    );
    for (theme, counts) in &scores.per_theme {
        out.push_str(&format!(
            "    {theme:<22} {:.3} {:.3} {:.3}  {:>3} {:>3} {:>3}\n",
            counts.precision(),
            counts.recall(),
            counts.f1(),
            counts.true_positives,
            counts.false_positives,
            counts.false_negatives
        ));
    }
    out
}

/// The figures with each narrative's single-use rules left out, and up to `show` of those rules.
fn unseen_report(estimate: &UnseenEstimate, show: usize) -> String {
    let cues = estimate.single_use.iter().filter(|(_, rule)| rule.starts_with("cue")).count();
    let words = estimate.single_use.len() - cues;
    let mut out = format!(
        "Estimate for unseen narratives (pessimistic): each narrative tagged without the rules that match\n\
         it and no other narrative here ({cues} cues, {words} judgement words)\n"
    );
    out.push_str(&figures(&estimate.scores, None));
    out.push_str(&per_theme(&estimate.scores));
    for (id, rule) in estimate.single_use.iter().take(show) {
        out.push_str(&format!("  {id}: {rule}\n"));
    }
    out.push_str(&mismatches(&estimate.scores, show));
    out
}

fn report(path: &str, codebook: &str, scores: &TagScores, show: usize) -> String {
    let mut out = String::new();
    let file = path.rsplit('/').next().unwrap_or(path);
    out.push_str(&format!(
        "Theme tagging: {file}, {} narratives, codebook \"{codebook}\"\n",
        scores.narratives
    ));
    out.push_str(&figures(scores, Some("0.85")));
    out.push_str(&format!(
        "  evidence: first quote is a labelled evidence sentence  {:.3}  ({} of {})\n",
        scores.evidence_share(),
        scores.evidence_matched,
        scores.themes_found
    ));
    out.push_str(&per_theme(scores));
    out.push_str(&mismatches(scores, show));
    out
}

/// Up to `show` narratives where tagger and labels differ, with the words behind each extra theme.
fn mismatches(scores: &TagScores, show: usize) -> String {
    let mut out = String::new();
    for mismatch in scores.mismatches.iter().take(show) {
        let list = |pairs: &[(String, Polarity)]| -> String {
            pairs
                .iter()
                .map(|(theme, polarity)| format!("{theme}/{}", polarity.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let words: Vec<String> = mismatch.extra_words.iter().map(|words| words.join("|")).collect();
        out.push_str(&format!(
            "  {}: missed [{}] extra [{}] from [{}]\n",
            mismatch.id,
            list(&mismatch.missed),
            list(&mismatch.extra),
            words.join("; ")
        ));
    }
    out
}
