//! Themes: what auditors keep saying, good practice and areas for improvement, traced to the words.
//!
//! Everything here runs the same natively and in WebAssembly, needs no server (its model is data
//! shipped in the crate), and never fails on odd text. The text pipeline cuts narratives into sentences and words,
//! folds case and spelling, and stems. A [`Tagger`] compiles a [`Codebook`] once and finds the
//! themes each narrative expresses, each with its polarity and evidence. Keyphrases and
//! discovery find what the codebook does not name; aggregates turn tagged narratives into
//! report figures; evaluation scores all of it against labelled data.
//!
//! # Why a crate of its own
//!
//! The theme engine is a text-analysis library that happens to read audit narratives. Of the
//! domain it needs one thing, [`GradeStanding`](lens_core::GradeStanding), the standard's grade
//! against good, which [`Tagger::tag`] takes as a further signal. Everything else it brings is its
//! own: Unicode segmentation, Snowball stemming, NLTK's stopwords and fast hashing. Keeping it
//! apart keeps those dependencies out of `lens-core` and of every crate that needs only the
//! domain, lets the engine build and test on its own, and lets the UI or the command line take it
//! only where themes are shown. It depends on `lens-core` and on no web, IO or async crate
//! (`tests/tidy.rs` checks this).
//!
//! # Invariants
//!
//! - It never fails on odd text. Empty, unusual or hostile input gives what was found (often
//!   nothing) and [`TagDiagnostic`]s that say why; no function here panics on text or returns an
//!   error for it. Only a council's own codebook can be refused, by [`Codebook::new`], with every
//!   problem listed.
//! - Its output never depends on hash order. Hash maps only count or look up; every ranking sorts
//!   with an explicit tie-break (first occurrence, then text). Floats go through `libm`, so the same
//!   input gives bit-identical output natively and in WebAssembly. `golden_tests.rs` renders
//!   tagging, keyphrases, discovery and aggregates on the repository's data and compares them with
//!   `tests/fixtures/themes/golden.txt` on both targets.
//! - Evidence points at what was written: every [`Evidence`] span is a character range of the
//!   narrative as given, not of its folded or stemmed form.
//!
//! # Where things are
//!
//! - `text.rs` and `spelling.rs`: sentences, words, folding, British spelling and stems.
//! - `codebook.rs`, `builtin.rs` and `word_classes.rs`: themes, their cues and the classes a cue
//!   may name.
//! - `matcher.rs`: cues and lexicon phrases compiled into numbered elements and found by number.
//! - `lexicon.rs` and `polarity.rs`: judgement words, negation, hedges and clauses.
//! - `tagger.rs`: mentions, their polarity and the diagnostics.
//! - `model.rs` and `model/`: the linear model per theme and for polarity, its features
//!   (`features.rs`), its training (`train.rs`) and its file (`file.rs`, shipped as
//!   `model/themes.tsv`, written by `lens themes train`).
//! - `keyphrases.rs` and `stopwords.rs`: keyphrases with no codebook.
//! - `discovery.rs` and `quotes.rs`: what the codebook does not name, with quotes that differ.
//! - `aggregate.rs`: report figures per theme and polarity.
//! - `evaluation.rs`: scores against labelled narratives, cross-validation by narrative, and the
//!   leave-one-rule-out estimate for unseen ones.

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
mod model;
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
pub use evaluation::{
    keyphrase_f1_at, source_of, Counts, CrossValidation, LabelledNarrative, Mismatch, TagScores,
    UnseenEstimate,
};
pub use keyphrases::{keyphrases, Keyphrase, MAX_PHRASE_WORDS};
pub use model::{ThemeModel, TrainingSettings};
pub use tagger::{Evidence, Polarity, TagDiagnostic, Tagger, Tagging, ThemeFinding};
