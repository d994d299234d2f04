//! The theme engine's whole output on the repository's data, rendered as text and compared with
//! a checked-in golden file. The same test runs natively and in WebAssembly, so any difference
//! between the two (hash order, float functions) fails here.
//!
//! After a deliberate change, write the new output back with `UPDATE_EXPECT=1 cargo test -p
//! lens-themes golden` and review the difference.

use std::fmt::Write;

use serde_json::Value;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::{aggregate, discover, keyphrases, Codebook, DiscoveryInput, TaggedNarrative, Tagger};

const NARRATIVES: &str = include_str!("../../../tests/data/themes/qa_public.jsonl");
const PARAGRAPHS: &str = include_str!("../../../tests/data/themes/semeval2017.jsonl");
#[cfg(target_arch = "wasm32")]
const GOLDEN: &str = include_str!("../../../tests/fixtures/themes/golden.txt");
/// How many SemEval paragraphs the golden output covers.
const PARAGRAPHS_IN_GOLDEN: usize = 40;

fn records(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn field<'a>(record: &'a Value, name: &str) -> &'a str {
    record[name].as_str().unwrap_or_default()
}

fn render() -> String {
    let mut out = String::new();
    let tagger = Tagger::new(&Codebook::builtin());
    let narratives = records(NARRATIVES);
    let taggings: Vec<_> = narratives.iter().map(|record| tagger.tag(field(record, "text"), None)).collect();
    out.push_str("# tag\n");
    for (record, tagging) in narratives.iter().zip(&taggings) {
        let themes: Vec<String> = tagging
            .themes
            .iter()
            .map(|finding| {
                let spans: Vec<String> = finding
                    .evidence
                    .iter()
                    .map(|evidence| format!("{}..{}", evidence.start, evidence.end))
                    .collect();
                format!("{}/{}@{}", finding.theme, finding.polarity.as_str(), spans.join(","))
            })
            .collect();
        writeln!(
            out,
            "{} {} | {} diagnostics",
            field(record, "id"),
            themes.join(" "),
            tagging.diagnostics.len()
        )
        .unwrap();
    }
    out.push_str("# keyphrases\n");
    let paragraphs = records(PARAGRAPHS);
    let texts: Vec<&str> =
        paragraphs.iter().take(PARAGRAPHS_IN_GOLDEN).map(|record| field(record, "text")).collect();
    for (record, ranked) in paragraphs.iter().zip(keyphrases(&texts, 10)) {
        let phrases: Vec<String> =
            ranked.iter().map(|keyphrase| format!("{} {:.6}", keyphrase.phrase, keyphrase.score)).collect();
        writeln!(out, "{} | {}", field(record, "id"), phrases.join("; ")).unwrap();
    }
    out.push_str("# discover by team, 2024-04 against 2024-06\n");
    let inputs: Vec<DiscoveryInput<'_>> = narratives
        .iter()
        .map(|record| DiscoveryInput {
            id: field(record, "id"),
            text: field(record, "text"),
            group: field(record, "team"),
            period: field(record, "audit_month"),
        })
        .collect();
    let discovery = discover(&inputs, Some(tagger.codebook()), 5, Some(("2024-04", "2024-06")));
    for group in &discovery.groups {
        for phrase in &group.phrases {
            let quoted: Vec<&str> = phrase.quotes.iter().map(|quote| quote.id.as_str()).collect();
            writeln!(
                out,
                "{} | {} {:.6} in {} [{}] quotes {}",
                group.group,
                phrase.phrase,
                phrase.score,
                phrase.narratives,
                phrase.variants.join(", "),
                quoted.join(",")
            )
            .unwrap();
        }
    }
    for trend in &discovery.trends {
        writeln!(
            out,
            "trend {} {} -> {} G2 {:.6} {:?}",
            trend.phrase, trend.earlier, trend.later, trend.log_likelihood, trend.direction
        )
        .unwrap();
    }
    out.push_str("# aggregate by practice standard\n");
    let tagged: Vec<TaggedNarrative<'_>> = narratives
        .iter()
        .zip(&taggings)
        .map(|(record, tagging)| TaggedNarrative {
            id: field(record, "id"),
            audit: field(record, "id"),
            month: field(record, "audit_month"),
            split: field(record, "practice_standard"),
            tagging,
        })
        .collect();
    let order: Vec<&str> = tagger.codebook().themes.iter().map(|theme| theme.id.as_str()).collect();
    for row in aggregate(&tagged, &order, 2) {
        let quoted: Vec<&str> = row.quotes.iter().map(|(id, _)| id.as_str()).collect();
        writeln!(
            out,
            "{}/{} narratives {} audits {} share {:.6} months {:?} split {:?} quotes {}",
            row.theme,
            row.polarity.as_str(),
            row.narratives,
            row.audits,
            row.share,
            row.by_month,
            row.by_split,
            quoted.join(",")
        )
        .unwrap();
    }
    out
}

/// Natively the golden file is an expect-test snapshot: `UPDATE_EXPECT=1 cargo test -p lens-themes
/// golden` writes the new output back, for review in the diff.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_theme_engine_gives_the_golden_output() {
    expect_test::expect_file!["../../../tests/fixtures/themes/golden.txt"].assert_eq(&render());
}

/// WebAssembly has no file system, so the same file is compiled in and compared: a difference
/// between the targets (hash order, float functions) fails here.
#[cfg(target_arch = "wasm32")]
#[test]
fn the_theme_engine_gives_the_golden_output() {
    let rendered = render();
    if rendered != GOLDEN {
        let first_difference = rendered.lines().zip(GOLDEN.lines()).position(|(new, old)| new != old);
        panic!(
            "the theme engine's output in WebAssembly differs from tests/fixtures/themes/golden.txt \
             (first at line {:?}):\n{}",
            first_difference.map(|line| line + 1),
            first_difference.and_then(|line| rendered.lines().nth(line)).unwrap_or("(length differs)")
        );
    }
}
