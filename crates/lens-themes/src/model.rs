//! The theme model: a linear model per theme for whether a sentence expresses it, and one for
//! its polarity there, over the features of [`features`], trained from labelled narratives by
//! [`train`] and shipped as data (`model/themes.tsv`, read once at start).
//!
//! The cues and judgement words are evidence for the decision, not the decision: each is a
//! signal with a weight learned beside the words'. For a theme, every sentence whose score is
//! above zero expresses it; the theme's polarity is the sign of the summed polarity scores of
//! those sentences (a tie is an area for improvement, as with the rules). The evidence in each
//! sentence is the theme's cue where there is one, else the words that weighed most.
//!
//! Scores are sums of `f32` weights in `f64`, in token order, so the same text gives the same
//! result natively and in WebAssembly. A theme the model was not trained on is decided by the
//! rules alone.

mod features;
mod file;
#[cfg(test)]
mod tests;
mod train;

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use self::features::{
    polarity_signals, presence_signals, sentence_features, theme_clause, Feature, RulesDecision,
    SentenceFeatures, SIGNALS,
};
use crate::tagger::{evidence_of, Evidence, Polarity, Reading, TagDiagnostic, ThemeFinding};
use crate::text::CharOffsets;

pub use self::train::TrainingSettings;
pub(crate) use self::train::XorShift;

/// The model file shipped with Practice Lens.
const SHIPPED: &str = include_str!("../model/themes.tsv");

/// Learned weights for deciding themes and their polarity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThemeModel {
    /// The themes it decides, by codebook identifier.
    themes: Vec<String>,
    /// The stems its features are made of.
    stems: FxHashMap<Box<str>, u32>,
    /// Per word feature, where its weights are in `presence_weights`.
    presence: FxHashMap<Feature, (u32, u32)>,
    /// Each word feature's weight for each theme it bears on (by position in `themes`), one
    /// feature after another: one array, so scoring a sentence does not chase a pointer per word.
    presence_weights: Vec<(u16, f32)>,
    /// Per theme, the weight of each signal for presence, by [`SIGNALS`] order.
    presence_signals: Vec<[f32; SIGNALS.len()]>,
    /// Per word feature, its weight towards good practice.
    polarity: FxHashMap<Feature, f32>,
    /// The weight of each signal towards good practice.
    polarity_signals: [f32; SIGNALS.len()],
    /// How many narratives it was trained on.
    narratives: usize,
}

/// A theme the model decides: its place in the model and in the codebook, and its identifier.
pub(crate) struct ModelTheme<'a> {
    pub(crate) position: usize,
    pub(crate) id: &'a str,
    pub(crate) index: usize,
}

/// A narrative as written and as read, for deciding and quoting.
pub(crate) struct Narrative<'a> {
    pub(crate) text: &'a str,
    pub(crate) reading: &'a Reading,
    pub(crate) offsets: &'a CharOffsets,
}

/// A narrative's sentences as the model reads them, scored once for every theme.
pub(crate) struct ScoredReading {
    sentences: Vec<SentenceFeatures>,
    /// Per sentence, the words' part of each theme's presence score (sentence by sentence, a
    /// score per model theme).
    presence: Vec<f64>,
    /// Per clause, the words' part of the polarity score.
    polarity_of_clause: Vec<f64>,
    /// Per sentence, the same for the whole sentence.
    polarity_of_sentence: Vec<f64>,
}

impl ThemeModel {
    /// The model shipped with Practice Lens, read once.
    pub fn shipped() -> &'static Self {
        Self::shipped_shared()
    }

    /// The shipped model, shared by every tagger rather than copied into each.
    pub(crate) fn shipped_shared() -> &'static Arc<Self> {
        static SHIPPED_MODEL: OnceLock<Arc<ThemeModel>> = OnceLock::new();
        // The shipped file is checked by the tests; were it ever unreadable, the rules decide.
        SHIPPED_MODEL.get_or_init(|| Arc::new(Self::parse(SHIPPED).unwrap_or_default()))
    }

    /// The themes it decides, by codebook identifier.
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    /// How many narratives it was trained on.
    pub fn narratives_trained_on(&self) -> usize {
        self.narratives
    }

    /// How many weights it holds.
    pub fn weights(&self) -> usize {
        let presence = self.presence_weights.len();
        let signals = |weights: &[f32]| weights.iter().filter(|weight| **weight != 0.0).count();
        presence
            + self.polarity.len()
            + self.presence_signals.iter().map(|weights| signals(weights)).sum::<usize>()
            + signals(&self.polarity_signals)
    }

    /// A word feature's weights for the themes it bears on.
    fn presence_of(&self, feature: &Feature) -> &[(u16, f32)] {
        self.presence
            .get(feature)
            .map_or(&[], |&(start, end)| &self.presence_weights[start as usize..end as usize])
    }

    /// The position of a theme in the model.
    pub(crate) fn theme_position(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme == id)
    }

    /// Reads a narrative's sentences and scores their words for every theme at once.
    pub(crate) fn score(&self, reading: &Reading) -> ScoredReading {
        let sentences = sentence_features(reading, &mut &self.stems);
        let themes = self.themes.len();
        let mut presence = vec![0.0; sentences.len() * themes];
        let mut polarity_of_clause = vec![0.0; reading.clauses.scores.len()];
        let mut polarity_of_sentence = Vec::with_capacity(sentences.len());
        for (sentence, features) in sentences.iter().enumerate() {
            let scores = &mut presence[sentence * themes..(sentence + 1) * themes];
            for located in &features.presence {
                for &(theme, weight) in self.presence_of(&located.feature) {
                    scores[usize::from(theme)] += f64::from(weight);
                }
            }
            let mut sentence_polarity = 0.0;
            for located in &features.polarity {
                if let Some(&weight) = self.polarity.get(&located.feature) {
                    polarity_of_clause[reading.clauses.of_token[located.last]] += f64::from(weight);
                    sentence_polarity += f64::from(weight);
                }
            }
            polarity_of_sentence.push(sentence_polarity);
        }
        ScoredReading { sentences, presence, polarity_of_clause, polarity_of_sentence }
    }

    /// Whether the narrative expresses a theme, with its polarity and evidence.
    pub(crate) fn decide(
        &self,
        theme: &ModelTheme<'_>,
        narrative: &Narrative<'_>,
        scored: &ScoredReading,
        by_rules: Option<&ThemeFinding>,
        diagnostics: &mut Vec<TagDiagnostic>,
    ) -> Option<ThemeFinding> {
        let reading = narrative.reading;
        let rules = RulesDecision { polarity: by_rules.map(|finding| finding.polarity) };
        let presence_weights = &self.presence_signals[theme.position];
        let mut expressed: Vec<(usize, f64)> = Vec::new();
        for sentence in 0..scored.sentences.len() {
            let signals = presence_signals(reading, theme.index, sentence, rules).weighed(presence_weights);
            if scored.presence[sentence * self.themes.len() + theme.position] + signals > 0.0 {
                let polarity =
                    polarity_signals(reading, theme.index, sentence, rules).weighed(&self.polarity_signals);
                let words = match theme_clause(reading, theme.index, sentence) {
                    Some(clause) => scored.polarity_of_clause[clause],
                    None => scored.polarity_of_sentence[sentence],
                };
                expressed.push((sentence, words + polarity));
            }
        }
        if expressed.is_empty() {
            return None;
        }
        let total: f64 = expressed.iter().map(|(_, score)| score).sum();
        let kept = if total > 0.0 { Polarity::Strength } else { Polarity::Concern };
        let strengths = expressed.iter().filter(|(_, score)| *score > 0.0).count();
        let concerns = expressed.len() - strengths;
        if strengths > 0 && concerns > 0 {
            diagnostics.push(TagDiagnostic::MixedPolarity {
                theme: theme.id.to_owned(),
                strengths,
                concerns,
                kept,
            });
        }
        let agrees = |score: f64| (score > 0.0) == (kept == Polarity::Strength);
        let evidence: Vec<Evidence> = expressed
            .iter()
            .filter(|(_, score)| agrees(*score))
            .map(|&(sentence, _)| {
                let (first, last) = self.words_that_weighed(theme, reading, scored, sentence);
                evidence_of(narrative.text, reading, narrative.offsets, first, last)
            })
            .collect();
        Some(ThemeFinding { theme: theme.id.to_owned(), polarity: kept, evidence })
    }

    /// The tokens that carried a theme in a sentence: its cue there, else the heaviest word feature.
    fn words_that_weighed(
        &self,
        theme: &ModelTheme<'_>,
        reading: &Reading,
        scored: &ScoredReading,
        sentence: usize,
    ) -> (usize, usize) {
        if let Some(found) = reading.mentions_in(theme.index, sentence).next() {
            return (found.mention.first, found.mention.last);
        }
        let weight_of = |feature: &Feature| {
            self.presence_of(feature)
                .iter()
                .find(|(of, _)| usize::from(*of) == theme.position)
                .map_or(0.0, |(_, weight)| *weight)
        };
        let mut best: Option<(f32, usize, usize)> = None;
        for located in &scored.sentences[sentence].presence {
            let weight = weight_of(&located.feature);
            if best.is_none_or(|(heaviest, _, _)| weight > heaviest) {
                best = Some((weight, located.first, located.last));
            }
        }
        let first_token = || reading.tokens.iter().position(|token| token.sentence == sentence).unwrap_or(0);
        best.map_or_else(|| (first_token(), first_token()), |(_, first, last)| (first, last))
    }
}
