//! `lens themes eval`: the theme engine's figures on the repository's labelled data.

use lens_themes::{
    keyphrase_f1_at, keyphrases, LabelledNarrative, Polarity, TagScores, Tagger, UnseenEstimate,
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
    let text = match std::fs::read_to_string(&narratives_path) {
        Ok(text) => text,
        Err(error) => return Outcome::failure(format!("cannot read {narratives_path}: {error}")),
    };
    let lines = jsonl::read(&narratives_path, &text, &["id", "text"]);
    outcome.problems.extend(lines.problems);
    let mut narratives = Vec::new();
    for line in &lines.good {
        match labelled(&line.object) {
            Ok(narrative) => narratives.push(narrative),
            Err(problem) => {
                outcome.problems.push(format!("{narratives_path}:{}: {problem}; it was skipped", line.number))
            }
        }
    }
    let scores = TagScores::score(tagger, &narratives);
    outcome.stdout = report(&narratives_path, &tagger.codebook().name, &scores, show);
    outcome.stdout.push_str(&unseen_report(&TagScores::estimate_unseen(tagger, &narratives), single_use));
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

/// The headline figures of a set of scores, with the targets when `targets` is set.
fn figures(scores: &TagScores, targets: bool) -> String {
    let (pairs, themes) = (&scores.pairs, &scores.themes);
    let (f1_target, polarity_target) =
        if targets { ("   (target F1 >= 0.85)", "   (target >= 0.95)") } else { ("", "") };
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
        "  per theme (theme+polarity): F1, found and labelled, found not labelled, labelled not found\n",
    );
    for (theme, counts) in &scores.per_theme {
        out.push_str(&format!(
            "    {theme:<22} {:.3}  {:>3} {:>3} {:>3}\n",
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
    out.push_str(&figures(&estimate.scores, false));
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
    out.push_str(&figures(scores, true));
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
