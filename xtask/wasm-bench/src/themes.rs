//! The theme engine's cases: tagging a thousand narratives, discovery over ten thousand, and
//! keyphrases for the SemEval paragraphs, on the repository's data.

use std::hint::black_box;

use lens_themes::{discover, keyphrases, Codebook, DiscoveryInput, Tagger};
use serde_json::Value;

const NARRATIVES: &str = include_str!("../../../tests/data/themes/qa_public.jsonl");
const PARAGRAPHS: &str = include_str!("../../../tests/data/themes/semeval2017.jsonl");

/// Narratives per tagging call.
pub const TAG_BATCH: usize = 1_000;
/// Narratives per discovery call.
pub const DISCOVERY_BATCH: usize = 10_000;

/// (text, team, month) of each line.
fn rows(jsonl: &str) -> Vec<(String, String, String)> {
    jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .map(|record| {
            let field = |name: &str| record[name].as_str().unwrap_or_default().to_owned();
            (field("text"), field("team"), field("audit_month"))
        })
        .collect()
}

/// The labelled narratives repeated to `count`, each copy numbered so no two texts are equal.
pub fn narratives(count: usize) -> Vec<(String, String, String)> {
    let base = rows(NARRATIVES);
    (0..count)
        .map(|index| {
            let (text, team, month) = &base[index % base.len()];
            (format!("{text} Audit {}.", index / base.len() + 1), team.clone(), month.clone())
        })
        .collect()
}

/// The SemEval paragraphs.
pub fn paragraphs() -> Vec<String> {
    rows(PARAGRAPHS).into_iter().map(|(text, _, _)| text).collect()
}

/// Prepared data, made once, outside the timed work.
pub struct ThemeData {
    tagger: Tagger,
    to_tag: Vec<(String, String, String)>,
    to_discover: Vec<(String, String, String)>,
    paragraphs: Vec<String>,
}

impl ThemeData {
    /// Compiles the built-in codebook and builds the inputs.
    pub fn new() -> Self {
        Self {
            tagger: Tagger::new(&Codebook::builtin()),
            to_tag: narratives(TAG_BATCH),
            to_discover: narratives(DISCOVERY_BATCH),
            paragraphs: paragraphs(),
        }
    }

    /// Tags the thousand narratives.
    pub fn tag(&self) {
        for (text, _, _) in &self.to_tag {
            black_box(self.tagger.tag(black_box(text), None));
        }
    }

    /// Discovery over ten thousand narratives, grouped by team, comparing two months.
    pub fn discover(&self) {
        let ids: Vec<String> = (0..self.to_discover.len()).map(|index| format!("n{index}")).collect();
        let inputs: Vec<DiscoveryInput<'_>> = self
            .to_discover
            .iter()
            .zip(&ids)
            .map(|((text, team, month), id)| DiscoveryInput { id, text, group: team, period: month })
            .collect();
        black_box(discover(&inputs, Some(self.tagger.codebook()), 10, Some(("2024-04", "2024-06"))));
    }

    /// Keyphrases for every SemEval paragraph.
    pub fn keyphrases(&self) {
        let texts: Vec<&str> = self.paragraphs.iter().map(String::as_str).collect();
        black_box(keyphrases(&texts, 10));
    }
}

impl Default for ThemeData {
    fn default() -> Self {
        Self::new()
    }
}
