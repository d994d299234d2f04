//! `lens themes tag`, `keyphrases`, `discover` and `report`: JSON Lines in, JSON out.

use lens_core::GradeStanding;
use lens_themes::{aggregate, discover, keyphrases, Direction, DiscoveryInput, TaggedNarrative, Tagger};
use serde_json::{json, Map, Value};

use super::jsonl::{self, text_of, Line};
use super::Outcome;
use crate::options::Options;

/// The default number of phrases per group or text.
const DEFAULT_TOP: usize = 10;

/// Reads the input file's good lines, with the skipped lines' messages in `outcome`.
fn read_lines(options: &Options, outcome: &mut Outcome) -> Option<Vec<Line>> {
    let [path] = options.positional.as_slice() else {
        outcome.failed = true;
        outcome
            .problems
            .push("give one JSON Lines file: one object per line with \"id\" and \"text\"".to_owned());
        return None;
    };
    let text = match crate::text_file::read_text(path) {
        Ok(text) => text,
        Err(message) => {
            outcome.failed = true;
            outcome.problems.push(message);
            return None;
        }
    };
    let lines = jsonl::read(path, &text, &["id", "text"]);
    outcome.problems.extend(lines.problems);
    Some(lines.good)
}

fn top(options: &Options, outcome: &mut Outcome) -> Option<usize> {
    match options.number("top") {
        Ok(Some(0)) => {
            outcome.failed = true;
            outcome.problems.push("--top 0 asks for nothing: give 1 or more".to_owned());
            None
        }
        Ok(top) => Some(top.map_or(DEFAULT_TOP, |top| usize::try_from(top).unwrap_or(usize::MAX))),
        Err(message) => {
            outcome.failed = true;
            outcome.problems.push(message);
            None
        }
    }
}

/// The standing of a grade written in a line's `grade` field, if it names one.
fn grade(object: &Map<String, Value>) -> Option<GradeStanding> {
    let grade = text_of(object, "grade").to_lowercase();
    if grade.contains("inadequate") {
        Some(GradeStanding::Inadequate)
    } else if grade.contains("requires improvement")
        || grade.contains("not good")
        || grade.contains("does not meet")
    {
        Some(GradeStanding::BelowGood)
    } else if grade.contains("good") || grade.contains("outstanding") {
        Some(GradeStanding::GoodOrBetter)
    } else {
        None
    }
}

fn id_of(object: &Map<String, Value>) -> Value {
    object.get("id").cloned().unwrap_or(Value::Null)
}

/// `lens themes tag`: one line per narrative with its themes, polarity and evidence.
pub fn tag(options: &Options, tagger: &Tagger) -> Outcome {
    let mut outcome = Outcome::default();
    let Some(lines) = read_lines(options, &mut outcome) else { return outcome };
    for line in &lines {
        let tagging = tagger.tag(&text_of(&line.object, "text"), grade(&line.object));
        let themes: Vec<Value> = tagging
            .themes
            .iter()
            .map(|finding| {
                let evidence: Vec<Value> = finding
                    .evidence
                    .iter()
                    .map(|evidence| json!({"sentence": evidence.sentence, "start": evidence.start, "end": evidence.end}))
                    .collect();
                json!({"theme": finding.theme, "polarity": finding.polarity.as_str(), "evidence": evidence})
            })
            .collect();
        let mut record = json!({"id": id_of(&line.object), "themes": themes});
        if !tagging.diagnostics.is_empty() {
            let notes: Vec<String> = tagging.diagnostics.iter().map(ToString::to_string).collect();
            record["diagnostics"] = json!(notes);
        }
        outcome.stdout.push_str(&format!("{record}\n"));
    }
    outcome
}

/// `lens themes keyphrases`: one line per text with its best phrases.
pub fn keyphrase_lines(options: &Options) -> Outcome {
    let mut outcome = Outcome::default();
    let Some(top) = top(options, &mut outcome) else { return outcome };
    let Some(lines) = read_lines(options, &mut outcome) else { return outcome };
    let texts: Vec<String> = lines.iter().map(|line| text_of(&line.object, "text")).collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    for (line, ranked) in lines.iter().zip(keyphrases(&text_refs, top)) {
        let phrases: Vec<&str> = ranked.iter().map(|keyphrase| keyphrase.phrase.as_str()).collect();
        outcome.stdout.push_str(&format!("{}\n", json!({"id": id_of(&line.object), "keyphrases": phrases})));
    }
    outcome
}

/// `lens themes discover`: each group's characteristic phrases, and trends between two periods.
pub fn discover_phrases(options: &Options, tagger: &Tagger) -> Outcome {
    let mut outcome = Outcome::default();
    let Some(top) = top(options, &mut outcome) else { return outcome };
    let compare = match options.get("compare").map(|periods| periods.split_once(',')) {
        None => None,
        Some(Some((earlier, later))) => Some((earlier.trim().to_owned(), later.trim().to_owned())),
        Some(None) => {
            return Outcome::failure(
                "--compare takes two periods separated by a comma, e.g. 2024-04,2024-05".to_owned(),
            )
        }
    };
    let Some(lines) = read_lines(options, &mut outcome) else { return outcome };
    let group_field = options.get("group-by");
    let period_field = options.get("period-field").unwrap_or("audit_month");
    let fields: Vec<(String, String, String, String)> = lines
        .iter()
        .map(|line| {
            let group = group_field.map(|field| text_of(&line.object, field)).unwrap_or_default();
            (
                text_of(&line.object, "id"),
                text_of(&line.object, "text"),
                group,
                text_of(&line.object, period_field),
            )
        })
        .collect();
    let inputs: Vec<DiscoveryInput<'_>> =
        fields.iter().map(|(id, text, group, period)| DiscoveryInput { id, text, group, period }).collect();
    let compare_refs = compare.as_ref().map(|(earlier, later)| (earlier.as_str(), later.as_str()));
    let discovery = discover(&inputs, Some(tagger.codebook()), top, compare_refs);
    let groups: Vec<Value> = discovery
        .groups
        .iter()
        .map(|group| {
            let phrases: Vec<Value> = group
                .phrases
                .iter()
                .map(|phrase| {
                    let quotes: Vec<Value> =
                        phrase.quotes.iter().map(|quote| json!({"id": quote.id, "sentence": quote.sentence})).collect();
                    json!({"phrase": phrase.phrase, "score": round(phrase.score), "narratives": phrase.narratives,
                           "variants": phrase.variants, "quotes": quotes})
                })
                .collect();
            json!({"group": group.group, "narratives": group.narratives, "phrases": phrases})
        })
        .collect();
    let trends: Vec<Value> = discovery
        .trends
        .iter()
        .map(|trend| {
            let direction = match trend.direction {
                Direction::Rising => "rising",
                Direction::Falling => "falling",
            };
            json!({"phrase": trend.phrase, "earlier": trend.earlier, "later": trend.later,
                   "log_likelihood": round(trend.log_likelihood), "direction": direction})
        })
        .collect();
    let mut result = json!({"group_by": group_field, "groups": groups});
    if let Some((earlier, later)) = &compare {
        result["compare"] =
            json!({"field": period_field, "earlier": earlier, "later": later, "trends": trends});
    }
    outcome.stdout = format!("{}\n", serde_json::to_string_pretty(&result).unwrap_or_default());
    outcome
}

/// `lens themes report`: per theme and polarity, counts, share, months, a split and quotes.
pub fn report(options: &Options, tagger: &Tagger) -> Outcome {
    let mut outcome = Outcome::default();
    let Some(lines) = read_lines(options, &mut outcome) else { return outcome };
    let split_field = options.get("split-by");
    let taggings: Vec<_> =
        lines.iter().map(|line| tagger.tag(&text_of(&line.object, "text"), grade(&line.object))).collect();
    let fields: Vec<(String, String, String, String)> = lines
        .iter()
        .map(|line| {
            let object = &line.object;
            let audit = Some(text_of(object, "audit"))
                .filter(|audit| !audit.is_empty())
                .unwrap_or_else(|| text_of(object, "id"));
            let month: String = text_of(object, "audit_month").chars().take(7).collect();
            let split = split_field.map(|field| text_of(object, field)).unwrap_or_default();
            (text_of(object, "id"), audit, month, split)
        })
        .collect();
    let narratives: Vec<TaggedNarrative<'_>> = fields
        .iter()
        .zip(&taggings)
        .map(|((id, audit, month, split), tagging)| TaggedNarrative { id, audit, month, split, tagging })
        .collect();
    let order: Vec<&str> = tagger.codebook().themes.iter().map(|theme| theme.id.as_str()).collect();
    let rows: Vec<Value> = aggregate(&narratives, &order, 3)
        .iter()
        .map(|row| {
            let pairs = |pairs: &[(String, usize)]| -> Value {
                Value::Array(pairs.iter().map(|(key, count)| json!([key, count])).collect())
            };
            let quotes: Vec<Value> =
                row.quotes.iter().map(|(id, sentence)| json!({"id": id, "sentence": sentence})).collect();
            json!({"theme": row.theme, "polarity": row.polarity.as_str(), "narratives": row.narratives,
                   "audits": row.audits, "share": round(row.share), "by_month": pairs(&row.by_month),
                   "by_split": pairs(&row.by_split), "quotes": quotes})
        })
        .collect();
    let result = json!({"narratives": lines.len(), "split_by": split_field, "themes": rows});
    outcome.stdout = format!("{}\n", serde_json::to_string_pretty(&result).unwrap_or_default());
    outcome
}

/// Six decimal places: enough for any report, and the same on every platform.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}
