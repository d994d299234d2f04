//! Training the theme model: logistic regression by stochastic gradient descent, one model per
//! theme for whether a sentence expresses it and one for polarity, from labelled narratives.
//!
//! A sentence expresses a theme when the labels quote it as that theme's evidence; every other
//! sentence of the set is an example of not expressing it. Each quoted sentence is an example of
//! its label's polarity. Word features seen in fewer than [`TrainingSettings::min_sentences`]
//! sentences are left out (most are names and slips). Examples are visited in an order shuffled
//! by a seeded generator, the learning rate falls with each pass, and a small L2 penalty keeps
//! weights modest, so the same data and settings give the same weights on every machine.

use rustc_hash::FxHashMap;

use super::features::{
    in_clause, polarity_signals, presence_signals, sentence_features, theme_clause, Feature, RulesDecision,
    Signals, StemInterner, SIGNALS,
};
use super::file::{rounded, write, Entry, Key};
use super::ThemeModel;
use crate::evaluation::LabelledNarrative;
use crate::tagger::{Polarity, Tagger};
use crate::text::CharOffsets;

/// How the model is trained.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingSettings {
    /// Passes over the examples.
    pub epochs: usize,
    /// The first pass's step; pass `n` takes `learning_rate / (1 + n / 2)`.
    pub learning_rate: f64,
    /// The L2 penalty on each weight a step touches.
    pub l2: f64,
    /// How much more a sentence that expresses a theme counts than one that does not.
    pub positive_weight: f64,
    /// A word feature is kept when at least this many sentences have it.
    pub min_sentences: usize,
    /// Weights smaller than this are left out of the model.
    pub prune_below: f64,
    /// Seeds the order examples are visited in.
    pub seed: u64,
    /// Keep the average of the weights over every step rather than the last (steadier on little data).
    pub averaged: bool,
}

impl Default for TrainingSettings {
    fn default() -> Self {
        Self {
            epochs: 24,
            learning_rate: 0.2,
            l2: 1e-4,
            positive_weight: 2.0,
            min_sentences: 2,
            prune_below: 0.05,
            seed: 19,
            averaged: true,
        }
    }
}

/// One example: the numbers of its word features, its signals and its answer.
struct Example {
    words: Vec<u32>,
    signals: Signals,
    answer: bool,
}

/// A sentence of the training set, read.
struct TrainingSentence {
    presence: Vec<Feature>,
    /// Per model theme: the presence signals, and whether the labels quote this sentence for it
    /// (none when the theme is labelled but its evidence could not be found).
    themes: Vec<(Signals, Option<bool>)>,
    /// Labelled themes quoting this sentence: the polarity features of the theme's clause, its
    /// polarity signals and its polarity.
    polarities: Vec<(Vec<Feature>, Signals, Polarity)>,
}

impl ThemeModel {
    /// Trains a model for the codebook themes the narratives are labelled with, reading them with
    /// `tagger`'s cues and judgement words (its own model, if any, is not used).
    pub fn train(tagger: &Tagger, narratives: &[LabelledNarrative], settings: &TrainingSettings) -> Self {
        let codebook = tagger.codebook();
        let themes: Vec<(usize, String)> = codebook
            .themes
            .iter()
            .enumerate()
            .filter(|(_, theme)| narratives.iter().any(|n| n.labels.iter().any(|(id, _, _)| *id == theme.id)))
            .map(|(index, theme)| (index, theme.id.clone()))
            .collect();
        let mut stems = StemInterner::default();
        let mut sentences: Vec<TrainingSentence> = Vec::new();
        for narrative in narratives {
            let Some(reading) = tagger.read(&narrative.text, None) else { continue };
            let offsets = CharOffsets::new(&narrative.text);
            let by_rules = tagger.decide_by_rules(&narrative.text, &reading, &offsets, &mut Vec::new());
            let features = sentence_features(&reading, &mut stems);
            let quoted: Vec<Option<(Polarity, Vec<usize>)>> = themes
                .iter()
                .map(|(_, id)| {
                    narrative.labels.iter().find(|(theme, _, _)| theme == id).map(
                        |(_, polarity, evidence)| {
                            (
                                *polarity,
                                evidence_sentences(&narrative.text, &reading.analysis.sentences, evidence),
                            )
                        },
                    )
                })
                .collect();
            for (sentence, words) in features.into_iter().enumerate() {
                let mut training = TrainingSentence {
                    presence: words.presence.iter().map(|located| located.feature).collect(),
                    themes: Vec::with_capacity(themes.len()),
                    polarities: Vec::new(),
                };
                for ((index, _), quoted) in themes.iter().zip(&quoted) {
                    let rules =
                        RulesDecision { polarity: by_rules[*index].as_ref().map(|finding| finding.polarity) };
                    let answer = match quoted {
                        None => Some(false),
                        Some((_, sentences)) if sentences.is_empty() => None,
                        Some((polarity, sentences)) => {
                            let here = sentences.contains(&sentence);
                            if here {
                                let signals = polarity_signals(&reading, *index, sentence, rules);
                                let clause = theme_clause(&reading, *index, sentence);
                                let features = words
                                    .polarity
                                    .iter()
                                    .filter(|located| in_clause(&reading, located, clause))
                                    .map(|located| located.feature)
                                    .collect();
                                training.polarities.push((features, signals, *polarity));
                            }
                            Some(here)
                        }
                    };
                    training.themes.push((presence_signals(&reading, *index, sentence, rules), answer));
                }
                sentences.push(training);
            }
        }
        let presence_numbers = numbered(sentences.iter().map(|s| &s.presence), settings.min_sentences);
        let polarity_numbers = numbered(
            sentences.iter().flat_map(|s| s.polarities.iter().map(|(features, _, _)| features)),
            settings.min_sentences,
        );
        let presence_lookup: FxHashMap<Feature, u32> = presence_numbers.iter().copied().collect();
        let polarity_lookup: FxHashMap<Feature, u32> = polarity_numbers.iter().copied().collect();
        let presence_words: Vec<Vec<u32>> =
            sentences.iter().map(|sentence| numbers_of(&sentence.presence, &presence_lookup)).collect();
        let mut generator = XorShift::new(settings.seed);
        let mut entries = Vec::new();
        for position in 0..themes.len() {
            let examples: Vec<Example> = sentences
                .iter()
                .zip(&presence_words)
                .filter_map(|(sentence, words)| {
                    let (signals, answer) = &sentence.themes[position];
                    Some(Example { words: words.clone(), signals: *signals, answer: (*answer)? })
                })
                .collect();
            let weights =
                fit(&examples, presence_numbers.len(), settings, settings.positive_weight, &mut generator);
            entries.extend(entries_of(&weights, &presence_numbers, &stems, Some(position), settings));
        }
        let examples: Vec<Example> = sentences
            .iter()
            .flat_map(|sentence| {
                sentence.polarities.iter().map(|(features, signals, polarity)| Example {
                    words: numbers_of(features, &polarity_lookup),
                    signals: *signals,
                    answer: *polarity == Polarity::Strength,
                })
            })
            .collect();
        let weights = fit(&examples, polarity_numbers.len(), settings, 1.0, &mut generator);
        entries.extend(entries_of(&weights, &polarity_numbers, &stems, None, settings));
        let ids: Vec<String> = themes.into_iter().map(|(_, id)| id).collect();
        let file = write(narratives.len(), &ids, &mut entries);
        // The model is what its file says, so a trained model and the shipped file agree exactly.
        Self::parse(&file).unwrap_or_default()
    }
}

/// The sentences the labels quote as evidence, by the analysed sentence each is or contains.
fn evidence_sentences(text: &str, sentences: &[std::ops::Range<usize>], evidence: &[String]) -> Vec<usize> {
    let normalise = |words: &str| words.split_whitespace().collect::<Vec<_>>().join(" ");
    let quoted: Vec<String> = evidence.iter().map(|sentence| normalise(sentence)).collect();
    sentences
        .iter()
        .enumerate()
        .filter(|(_, range)| {
            let sentence = normalise(text.get((*range).clone()).unwrap_or(""));
            !sentence.is_empty()
                && quoted.iter().any(|quote| quote.contains(&sentence) || sentence.contains(quote))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Numbers for the features at least `min_sentences` sentences have, in order of first sight.
fn numbered<'a>(bags: impl Iterator<Item = &'a Vec<Feature>>, min_sentences: usize) -> Vec<(Feature, u32)> {
    let mut counts: FxHashMap<Feature, (usize, usize)> = FxHashMap::default();
    for (order, feature) in bags.flatten().enumerate() {
        counts.entry(*feature).or_insert((0, order)).0 += 1;
    }
    let mut kept: Vec<(Feature, usize)> = counts
        .into_iter()
        .filter(|(_, (count, _))| *count >= min_sentences)
        .map(|(f, (_, order))| (f, order))
        .collect();
    kept.sort_unstable_by_key(|(_, order)| *order);
    kept.into_iter().enumerate().map(|(number, (feature, _))| (feature, number as u32)).collect()
}

/// The numbers of the features kept, in the sentence's order (the map only looks up).
fn numbers_of(features: &[Feature], numbers: &FxHashMap<Feature, u32>) -> Vec<u32> {
    features.iter().filter_map(|feature| numbers.get(feature).copied()).collect()
}

/// Logistic regression weights: one per word feature, then one per signal.
fn fit(
    examples: &[Example],
    words: usize,
    settings: &TrainingSettings,
    positive_weight: f64,
    generator: &mut XorShift,
) -> Vec<f64> {
    let mut weights = vec![0.0; words + SIGNALS.len()];
    // For the average: the sum of each weight over the steps, kept lazily by when it last changed.
    let mut sums = vec![0.0; weights.len()];
    let mut changed_at = vec![0usize; weights.len()];
    let mut steps = 0usize;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..settings.epochs {
        generator.shuffle(&mut order);
        let step = settings.learning_rate / (1.0 + epoch as f64 / 2.0);
        for &index in &order {
            let example = &examples[index];
            let inputs = || {
                example
                    .words
                    .iter()
                    .map(|&number| number as usize)
                    .chain(example.signals.iter().map(|signal| words + signal.index()))
            };
            let score: f64 = inputs().map(|input| weights[input]).sum();
            let probability = 1.0 / (1.0 + libm::exp(-score));
            let (target, weight) = if example.answer { (1.0, positive_weight) } else { (0.0, 1.0) };
            let gradient = weight * (probability - target);
            steps += 1;
            for input in inputs() {
                sums[input] += weights[input] * (steps - changed_at[input]) as f64;
                changed_at[input] = steps;
                weights[input] -= step * (gradient + settings.l2 * weights[input]);
            }
        }
    }
    if !settings.averaged || steps == 0 {
        return weights;
    }
    // Each weight held its last value from its last change to the end.
    weights
        .iter()
        .zip(sums)
        .zip(changed_at)
        .map(|((weight, sum), changed)| (sum + weight * (steps + 1 - changed) as f64) / (steps + 1) as f64)
        .collect()
}

/// The weights worth keeping, as model file entries.
fn entries_of(
    weights: &[f64],
    numbers: &[(Feature, u32)],
    stems: &StemInterner,
    theme: Option<usize>,
    settings: &TrainingSettings,
) -> Vec<Entry> {
    let stem = |number: u32| stems.texts[number as usize].clone();
    let words = numbers.iter().map(|(feature, number)| {
        let key = match *feature {
            Feature::Word(word) => Key::Word(stem(word)),
            Feature::Negated(word) => Key::Negated(stem(word)),
            Feature::Pair(first, second) => Key::Pair(stem(first), stem(second)),
        };
        (key, weights[*number as usize])
    });
    let signals =
        SIGNALS.iter().map(|(signal, _)| (Key::Signal(*signal), weights[numbers.len() + signal.index()]));
    words
        .chain(signals)
        .filter(|(_, weight)| weight.abs() >= settings.prune_below)
        .map(|(key, weight)| Entry { theme, key, weight: rounded(weight) })
        .filter(|entry| entry.weight != 0.0)
        .collect()
}

/// A small seeded generator for the order of examples (xorshift64*).
pub(crate) struct XorShift(u64);

impl XorShift {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Fisher–Yates.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for last in (1..items.len()).rev() {
            let other = (self.next() % (last as u64 + 1)) as usize;
            items.swap(last, other);
        }
    }
}
