//! Keyphrases: the phrases that say what a text is about, with no codebook and no model.
//!
//! Candidates are maximal runs of words between stopwords and punctuation, of at most
//! [`MAX_PHRASE_WORDS`] words, grouped by their stems ("care plans" and "care plan" are one).
//! A candidate's frequency counts its occurrences as a whole run, and, at [`PART_WEIGHT`], inside
//! longer runs ("sign problem" inside "severe sign problem"). Its score is that frequency times
//! its inverse document frequency over the batch, so phrases every text uses sink; a phrase of
//! several words gains, as it names a thing more exactly, and so does one made of rarer words; a
//! phrase ending in an adjective or adverb form ("-ly", "-ous", "-ive", "-ed" …) loses, as
//! keyphrases are mostly noun phrases. Ties break on first occurrence, then on the stems, so the
//! ranking never depends on hash order.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::stopwords::is_stopword;
use super::text::{Analyser, Analysis};

/// The longest candidate phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 4;
/// What an occurrence inside a longer run counts, beside a whole run's 1.
const PART_WEIGHT: f64 = 0.7;
/// The gain per extra word of a phrase.
const LENGTH_GAIN: f64 = 0.4;
/// The gain per unit of the phrase's words' mean inverse document frequency.
const RARE_WORD_GAIN: f64 = 0.2;
/// The factor for a phrase whose last word looks like an adjective, adverb or participle.
const NOT_A_NOUN: f64 = 0.4;
/// Endings of words that rarely end a noun phrase.
const NON_NOUN_ENDINGS: [&str; 9] = ["ly", "al", "ive", "ous", "ible", "able", "ic", "ful", "ed"];

/// Which parts of longer runs a text's candidates include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parts {
    /// Every run of up to four words inside a longer run (keyphrases: they count across texts).
    All,
    /// Only parts that are also a whole run of the same text (discovery ranks whole runs only).
    OfWholeOnly,
}

/// A candidate phrase of one text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The stems, space-separated: the phrase's identity.
    pub(crate) key: String,
    /// Where the phrase was first written, in bytes: see [`Candidate::surface`].
    pub(crate) first_span: (usize, usize),
    /// Whole-run occurrences plus [`PART_WEIGHT`] per occurrence inside a longer run.
    pub(crate) frequency: f64,
    /// Whether it occurs at least once as a whole run (only those are ranked).
    pub(crate) whole: bool,
    /// The word position of its first occurrence.
    pub(crate) first_word: usize,
    /// Its stems, one per word.
    pub(crate) stems: Vec<Arc<str>>,
    /// Its last word, folded.
    pub(crate) last_word: Arc<str>,
    /// Byte spans of its whole-run occurrences.
    pub(crate) spans: Vec<(usize, usize)>,
}

impl Candidate {
    /// The phrase as first written in `text` (the text it was found in), lower case, single-spaced.
    pub(crate) fn surface(&self, text: &str) -> String {
        let (start, end) = self.first_span;
        text.get(start..end)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }
}

/// One ranked keyphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyphrase {
    /// The phrase as written (lower case).
    pub phrase: String,
    /// Its score: higher is more characteristic.
    pub score: f64,
}

/// The candidates of one analysed text (whole runs and their parts), in order of first occurrence.
pub(crate) fn candidates(analysis: &Analysis, parts: Parts) -> Vec<Candidate> {
    let words = &analysis.words;
    let runs = runs(analysis);
    let pieces = runs.iter().flat_map(|run| pieces_of(run));
    // Whole runs first when only they are wanted, so their parts elsewhere can find them.
    let pieces: Vec<(&[usize], bool)> = match parts {
        Parts::All => pieces.collect(),
        Parts::OfWholeOnly => {
            let (whole, part): (Vec<_>, Vec<_>) = pieces.partition(|(_, whole)| *whole);
            whole.into_iter().chain(part).collect()
        }
    };
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut found: Vec<Candidate> = Vec::new();
    // One buffer for every piece's key: a key is only copied when the phrase is new.
    let mut key = String::new();
    for (piece, whole) in pieces {
        key.clear();
        for (position, &index) in piece.iter().enumerate() {
            if position > 0 {
                key.push(' ');
            }
            key.push_str(&words[index].stem);
        }
        let (first, last) = (piece[0], piece[piece.len() - 1]);
        let span = (words[first].span.start, words[last].span.end);
        let index = match by_key.get(key.as_str()) {
            Some(&index) => index,
            None if parts == Parts::OfWholeOnly && !whole => continue,
            None => {
                by_key.insert(key.clone(), found.len());
                found.push(Candidate {
                    key: key.clone(),
                    first_span: span,
                    frequency: 0.0,
                    whole: false,
                    first_word: first,
                    stems: piece.iter().map(|&index| words[index].stem.clone()).collect(),
                    last_word: words[last].folded.clone(),
                    spans: Vec::new(),
                });
                found.len() - 1
            }
        };
        let candidate = &mut found[index];
        if whole {
            candidate.frequency += 1.0;
            candidate.whole = true;
            candidate.spans.push(span);
        } else {
            candidate.frequency += PART_WEIGHT;
        }
    }
    found
}

/// Every piece of a run of at most [`MAX_PHRASE_WORDS`] words, in order, each with whether it is
/// the whole run.
fn pieces_of(run: &[usize]) -> impl Iterator<Item = (&[usize], bool)> {
    (0..run.len()).flat_map(move |first| {
        (first..run.len().min(first + MAX_PHRASE_WORDS))
            .map(move |last| (&run[first..=last], last + 1 - first == run.len()))
    })
}

/// Maximal runs of words with no stopword or punctuation in them, as word indices.
fn runs(analysis: &Analysis) -> Vec<Vec<usize>> {
    let mut runs = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let words = &analysis.words;
    for (index, word) in words.iter().enumerate() {
        if word.break_before && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        // A stopword inside a hyphenated compound ("four-dimensional") is part of a word.
        let in_compound = word.hyphen_before || words.get(index + 1).is_some_and(|next| next.hyphen_before);
        if ends_phrases(&word.folded) && !(in_compound && word.folded.chars().any(char::is_alphabetic)) {
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        } else {
            run.push(index);
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Whether a folded word cannot be part of a phrase: a stopword, a single letter or a bare number.
fn ends_phrases(folded: &str) -> bool {
    is_stopword(folded) || folded.chars().count() < 2 || !folded.chars().any(char::is_alphabetic)
}

/// Whether a folded word has an ending that rarely ends a noun phrase ("-ly", "-ous", "-ed" …).
pub(crate) fn looks_like_modifier(folded: &str) -> bool {
    NON_NOUN_ENDINGS.iter().any(|ending| folded.ends_with(ending))
}

/// Document frequencies over a batch: of each phrase key, and of each word stem.
pub(crate) struct Frequencies {
    texts: f64,
    phrases: BTreeMap<String, usize>,
    stems: BTreeMap<String, usize>,
}

impl Frequencies {
    pub(crate) fn new(per_text: &[Vec<Candidate>]) -> Self {
        let mut phrases: BTreeMap<String, usize> = BTreeMap::new();
        let mut stems: BTreeMap<String, usize> = BTreeMap::new();
        for candidates in per_text {
            let mut text_stems: Vec<&str> = Vec::new();
            for candidate in candidates {
                *phrases.entry(candidate.key.clone()).or_default() += 1;
                text_stems.extend(candidate.stems.iter().map(|stem| &**stem));
            }
            text_stems.sort_unstable();
            text_stems.dedup();
            for stem in text_stems {
                *stems.entry(stem.to_owned()).or_default() += 1;
            }
        }
        Self { texts: per_text.len() as f64, phrases, stems }
    }

    fn inverse(&self, count: Option<&usize>) -> f64 {
        libm::log(self.texts / count.copied().unwrap_or(1).max(1) as f64)
    }

    /// A candidate's score in its text.
    pub(crate) fn score(&self, candidate: &Candidate) -> f64 {
        let phrase_rarity = self.inverse(self.phrases.get(&candidate.key));
        let word_rarity =
            candidate.stems.iter().map(|stem| self.inverse(self.stems.get(&**stem))).sum::<f64>()
                / candidate.stems.len().max(1) as f64;
        let length = 1.0 + LENGTH_GAIN * (candidate.stems.len() as f64 - 1.0);
        let noun_like = if looks_like_modifier(&candidate.last_word) { NOT_A_NOUN } else { 1.0 };
        candidate.frequency * phrase_rarity * length * (1.0 + RARE_WORD_GAIN * word_rarity) * noun_like
    }
}

/// Ranks whole-run candidates of one text, best first, ties by first occurrence then stems.
pub(crate) fn rank<'a>(frequencies: &Frequencies, candidates: &'a [Candidate]) -> Vec<(f64, &'a Candidate)> {
    let mut ranked: Vec<(f64, &Candidate)> = candidates
        .iter()
        .filter(|candidate| candidate.whole)
        .map(|candidate| (frequencies.score(candidate), candidate))
        .collect();
    ranked.sort_by(|(a_score, a), (b_score, b)| {
        b_score.total_cmp(a_score).then(a.first_word.cmp(&b.first_word)).then_with(|| a.key.cmp(&b.key))
    });
    ranked
}

/// Ranks each text's candidates against the batch; returns up to `top` per text.
pub fn keyphrases(texts: &[&str], top: usize) -> Vec<Vec<Keyphrase>> {
    let analyser = Analyser::default();
    let per_text: Vec<Vec<Candidate>> =
        texts.iter().map(|text| candidates(&analyser.analyse(text), Parts::All)).collect();
    let frequencies = Frequencies::new(&per_text);
    per_text
        .iter()
        .zip(texts)
        .map(|(candidates, text)| {
            rank(&frequencies, candidates)
                .into_iter()
                .take(top)
                .map(|(score, candidate)| Keyphrase { phrase: candidate.surface(text), score })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{candidates, keyphrases, Parts};
    use crate::text::Analyser;

    #[test]
    fn candidates_are_runs_between_stopwords_and_punctuation() {
        let text = "The care plans were vague, and the care plan had no contingency plan for weekends.";
        let found: Vec<(String, f64, bool)> = candidates(&Analyser::default().analyse(text), Parts::All)
            .into_iter()
            .map(|candidate| {
                (candidate.surface(text), (candidate.frequency * 100.0).round() / 100.0, candidate.whole)
            })
            .collect();
        let expected = [
            ("care", 1.4, false),
            ("care plans", 2.0, true),
            ("plans", 2.1, false),
            ("vague", 1.0, true),
            ("contingency", 0.7, false),
            ("contingency plan", 1.0, true),
            ("weekends", 1.0, true),
        ];
        let expected: Vec<(String, f64, bool)> = expected
            .iter()
            .map(|(phrase, frequency, whole)| ((*phrase).to_owned(), *frequency, *whole))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn runs_longer_than_four_words_only_lend_their_parts() {
        let text = "large scale lattice field theory simulation results";
        let found = candidates(&Analyser::default().analyse(text), Parts::All);
        assert!(!found.is_empty());
        assert!(found.iter().all(|candidate| !candidate.whole && candidate.stems.len() <= 4));
    }

    #[test]
    fn phrases_common_to_every_text_sink() {
        let texts = [
            "Lattice gauge theory and sign problem.",
            "Lattice gauge theory with cooling.",
            "Lattice gauge theory.",
        ];
        let first = &keyphrases(&texts, 3)[0];
        assert_eq!(first[0].phrase, "sign problem");
    }
}
