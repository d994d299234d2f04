//! Themes: what auditors keep saying, good practice and areas for improvement, traced to the words.
//!
//! Everything here runs the same natively and in WebAssembly, needs no model and no server, and
//! never fails on odd text. The text pipeline cuts narratives into sentences and words,
//! folds case and spelling, and stems. A [`Tagger`] compiles a [`Codebook`] once and finds the
//! themes each narrative expresses, each with its polarity and evidence. Keyphrases and
//! discovery find what the codebook does not name; aggregates turn tagged narratives into
//! report figures; evaluation scores all of it against labelled data.

mod aggregate;
mod builtin;
mod codebook;
mod discovery;
mod evaluation;
#[cfg(test)]
mod golden_tests;
mod keyphrases;
mod lexicon;
mod matcher;
mod polarity;
mod quotes;
mod spelling;
mod stopwords;
mod tagger;
mod text;
mod word_classes;

pub use aggregate::{aggregate, TaggedNarrative, ThemeAggregate};
pub use codebook::{Codebook, CodebookProblem, CodebookTheme, MAX_THEME_ID_CHARS};
pub use discovery::{
    discover, Direction, DiscoveredPhrase, Discovery, DiscoveryInput, GroupPhrases, Quote, Trend,
    KEYNESS_THRESHOLD, MIN_NARRATIVES,
};
pub use evaluation::{keyphrase_f1_at, Counts, LabelledNarrative, Mismatch, TagScores, UnseenEstimate};
pub use keyphrases::{keyphrases, Keyphrase, MAX_PHRASE_WORDS};
pub use tagger::{Evidence, Polarity, TagDiagnostic, Tagger, Tagging, ThemeFinding};
