//! What the model reads in a sentence.
//!
//! Two bags of features per sentence, each feature with the tokens it came from so evidence can
//! point at them:
//! - for whether a theme is there: the stems of its content words (names left out, numbers as
//!   one word) and each pair of neighbouring content words within a clause;
//! - for its polarity: every word's stem, marked when a negation reaches it, and each pair of
//!   neighbouring words ("not consistently", "ensure that", "too many").
//!
//! Beside the words come [`Signal`]s from the cues and judgement words: a cue of the theme in
//! the sentence, judged or bare; what the rules decided; the judgement next to the cue, in the
//! sentence, in the sentence before and in the whole narrative. The cues of any codebook,
//! a council's own included, feed these signals, so its cues still count.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::tagger::{Polarity, Reading};

/// A fact about a sentence and a theme that the rules establish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Signal {
    /// Always on: the model's starting point.
    Bias,
    /// A cue of the theme is in the sentence.
    Cue,
    /// That cue has a judgement next to it or in its clause.
    CueJudged,
    /// That cue has no judgement anywhere.
    CueBare,
    /// A cue of the theme is in another sentence, none in this one.
    CueElsewhere,
    /// The rules find the theme and quote this sentence.
    RulesHere,
    /// The rules find the theme but quote other sentences.
    RulesElsewhere,
    /// One word of the theme's label or description is in the sentence.
    DescribedOnce,
    /// Two or more are.
    DescribedMore,
    /// The sentence recommends ("Ensure that…").
    Recommends,
    /// The judgement next to the theme's cue is for or against.
    NearFor,
    NearAgainst,
    /// The sentence's judgement is for or against.
    SentenceFor,
    SentenceAgainst,
    /// The sentence before judges for or against ("However, …" follows it).
    PreviousFor,
    PreviousAgainst,
    /// The clauses after the theme's in its sentence, naming no other theme, judge for or
    /// against ("permanence planning is improving, but it is not yet embedded").
    LaterFor,
    LaterAgainst,
    /// The narrative's judgement is for or against.
    NarrativeFor,
    NarrativeAgainst,
    /// The rules judge the theme good practice or an area for improvement.
    RulesStrength,
    RulesConcern,
}

/// Every signal with its name in the model file.
pub(crate) const SIGNALS: [(Signal, &str); 22] = [
    (Signal::Bias, "bias"),
    (Signal::Cue, "cue"),
    (Signal::CueJudged, "cue-judged"),
    (Signal::CueBare, "cue-bare"),
    (Signal::CueElsewhere, "cue-elsewhere"),
    (Signal::RulesHere, "rules-here"),
    (Signal::RulesElsewhere, "rules-elsewhere"),
    (Signal::DescribedOnce, "described-once"),
    (Signal::DescribedMore, "described-more"),
    (Signal::Recommends, "recommends"),
    (Signal::NearFor, "near-for"),
    (Signal::NearAgainst, "near-against"),
    (Signal::SentenceFor, "sentence-for"),
    (Signal::SentenceAgainst, "sentence-against"),
    (Signal::PreviousFor, "previous-for"),
    (Signal::PreviousAgainst, "previous-against"),
    (Signal::LaterFor, "later-for"),
    (Signal::LaterAgainst, "later-against"),
    (Signal::NarrativeFor, "narrative-for"),
    (Signal::NarrativeAgainst, "narrative-against"),
    (Signal::RulesStrength, "rules-strength"),
    (Signal::RulesConcern, "rules-concern"),
];

impl Signal {
    /// Its place in [`SIGNALS`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Signals that hold, as one bit each: made for every theme and sentence, so never allocated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Signals(u32);

impl Signals {
    /// The set with only `signal`.
    fn of(signal: Signal) -> Self {
        let mut signals = Self::default();
        signals.push(signal);
        signals
    }

    /// Adds a signal.
    pub(crate) fn push(&mut self, signal: Signal) {
        self.0 |= 1 << signal.index();
    }

    /// The signals in [`SIGNALS`] order.
    pub(crate) fn iter(self) -> impl Iterator<Item = Signal> {
        SIGNALS.iter().map(|(signal, _)| *signal).filter(move |signal| self.0 & (1 << signal.index()) != 0)
    }

    /// The summed weights of the signals.
    pub(crate) fn weighed(self, weights: &[f32; SIGNALS.len()]) -> f64 {
        self.iter().map(|signal| f64::from(weights[signal.index()])).sum()
    }
}

impl Extend<Signal> for Signals {
    fn extend<T: IntoIterator<Item = Signal>>(&mut self, signals: T) {
        for signal in signals {
            self.push(signal);
        }
    }
}

/// A theme's bit in the per-sentence theme sets; none beyond the 64th theme.
fn theme_bit(theme: usize) -> Option<u64> {
    u32::try_from(theme).ok().and_then(|shift| 1_u64.checked_shl(shift))
}

/// A feature made of words, by the numbers of their stems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Feature {
    /// A word's stem.
    Word(u32),
    /// A word's stem within a negation's reach.
    Negated(u32),
    /// Two neighbouring words' stems.
    Pair(u32, u32),
}

/// A feature and the tokens it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Located {
    pub(crate) feature: Feature,
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// The features of one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceFeatures {
    /// For whether a theme is there.
    pub(crate) presence: Vec<Located>,
    /// For its polarity.
    pub(crate) polarity: Vec<Located>,
}

/// Numbers for stems: a trainer adds every stem it meets, a trained model knows its own.
pub(crate) trait Stems {
    /// The stem's number, if it has one.
    fn number(&mut self, stem: &str) -> Option<u32>;
}

/// The stems a model knows.
impl Stems for &FxHashMap<Box<str>, u32> {
    fn number(&mut self, stem: &str) -> Option<u32> {
        self.get(stem).copied()
    }
}

/// Stems numbered as they are met, for training.
#[derive(Debug, Default)]
pub(crate) struct StemInterner {
    pub(crate) numbers: FxHashMap<Box<str>, u32>,
    pub(crate) texts: Vec<Box<str>>,
}

impl Stems for StemInterner {
    fn number(&mut self, stem: &str) -> Option<u32> {
        if let Some(&number) = self.numbers.get(stem) {
            return Some(number);
        }
        let number = u32::try_from(self.texts.len()).ok()?;
        self.numbers.insert(stem.into(), number);
        self.texts.push(stem.into());
        Some(number)
    }
}

/// The stem that stands for every number.
const NUMBER_STEM: &str = "#";

/// The features of each sentence of a reading, in sentence order.
pub(crate) fn sentence_features(reading: &Reading, stems: &mut impl Stems) -> Vec<SentenceFeatures> {
    let tokens = &reading.tokens;
    let numbers: Vec<Option<u32>> = tokens
        .iter()
        .map(|token| {
            if token.is_name() {
                None
            } else if token.is_number() {
                stems.number(NUMBER_STEM)
            } else {
                stems.number(&token.stem_text)
            }
        })
        .collect();
    let mut words_in = vec![0_usize; reading.analysis.sentences.len()];
    for token in tokens {
        if let Some(count) = words_in.get_mut(token.sentence) {
            *count += 1;
        }
    }
    let mut sentences: Vec<SentenceFeatures> = words_in
        .iter()
        .map(|&words| SentenceFeatures {
            presence: Vec::with_capacity(2 * words),
            polarity: Vec::with_capacity(2 * words),
        })
        .collect();
    // Each feature once per sentence, at its first place.
    let (mut seen_presence, mut seen_polarity) = (FxHashSet::default(), FxHashSet::default());
    let mut previous_content: Option<usize> = None;
    for (index, token) in tokens.iter().enumerate() {
        let Some(sentence) = sentences.get_mut(token.sentence) else { continue };
        let starts_sentence = index == 0 || tokens[index - 1].sentence != token.sentence;
        if starts_sentence {
            previous_content = None;
            for seen in [&mut seen_presence, &mut seen_polarity] {
                if !seen.is_empty() {
                    seen.clear();
                }
            }
        }
        let mut polarity = |located: Located| push_first(&mut sentence.polarity, &mut seen_polarity, located);
        let Some(number) = numbers[index] else {
            previous_content = None;
            continue;
        };
        let negated = reading.clauses.negated.get(index).copied().unwrap_or(false);
        let polarity_word = if negated { Feature::Negated(number) } else { Feature::Word(number) };
        polarity(Located { feature: polarity_word, first: index, last: index });
        if !starts_sentence && !token.break_before {
            if let Some(before) = numbers[index - 1] {
                let pair = Feature::Pair(before, number);
                polarity(Located { feature: pair, first: index - 1, last: index });
            }
        }
        if token.stopword {
            continue;
        }
        let mut presence = |located: Located| push_first(&mut sentence.presence, &mut seen_presence, located);
        presence(Located { feature: Feature::Word(number), first: index, last: index });
        if let Some(before) = previous_content {
            let unbroken = (before + 1..=index).all(|between| !tokens[between].break_before);
            if let (true, Some(before_number)) = (unbroken, numbers[before]) {
                presence(Located {
                    feature: Feature::Pair(before_number, number),
                    first: before,
                    last: index,
                });
            }
        }
        previous_content = Some(index);
    }
    sentences
}

/// Adds a feature unless the sentence has it already. Short sentences are scanned; a long one
/// (a narrative with no full stops) is kept in `seen` so its cost stays linear.
fn push_first(features: &mut Vec<Located>, seen: &mut FxHashSet<Feature>, located: Located) {
    const SCANNED_UP_TO: usize = 64;
    if features.len() < SCANNED_UP_TO {
        if !features.iter().any(|other| other.feature == located.feature) {
            features.push(located);
        }
        return;
    }
    if seen.is_empty() {
        seen.extend(features.iter().map(|other| other.feature));
    }
    if seen.insert(located.feature) {
        features.push(located);
    }
}

/// What the rules decided for one theme: its polarity, if they found it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RulesDecision {
    pub(crate) polarity: Option<Polarity>,
}

/// The signals of one sentence for whether a theme is there.
pub(crate) fn presence_signals(
    reading: &Reading,
    theme: usize,
    sentence: usize,
    rules: RulesDecision,
) -> Signals {
    let mut signals = Signals::of(Signal::Bias);
    let here = || reading.mentions_in(theme, sentence);
    if here().next().is_none() {
        if reading.mentions.iter().any(|found| found.mention.theme == theme) {
            signals.push(Signal::CueElsewhere);
        }
    } else {
        signals.push(Signal::Cue);
        if here().any(|found| found.judgement.is_some_and(|(_, weight)| weight >= 3)) {
            signals.push(Signal::CueJudged);
        }
        if here().all(|found| found.judgement.is_none()) {
            signals.push(Signal::CueBare);
        }
    }
    if let (Some(described), Some(bit)) = (reading.described.get(sentence), theme_bit(theme)) {
        if described.more & bit != 0 {
            signals.push(Signal::DescribedMore);
        } else if described.once & bit != 0 {
            signals.push(Signal::DescribedOnce);
        }
    }
    if let Some(polarity) = rules.polarity {
        let quoted = here().any(|found| found.judgement.is_some_and(|(judged, _)| judged == polarity));
        signals.push(if quoted { Signal::RulesHere } else { Signal::RulesElsewhere });
    }
    signals
}

/// The signals of one sentence for a theme's polarity there.
pub(crate) fn polarity_signals(
    reading: &Reading,
    theme: usize,
    sentence: usize,
    rules: RulesDecision,
) -> Signals {
    let mut signals = Signals::of(Signal::Bias);
    let sign = |score: i32, for_it: Signal, against: Signal| match score.signum() {
        1 => Some(for_it),
        -1 => Some(against),
        _ => None,
    };
    let nearest = reading
        .mentions_in(theme, sentence)
        .filter_map(|found| found.judgement)
        .filter(|(_, weight)| *weight >= 3)
        .max_by_key(|(_, weight)| *weight);
    if let Some((polarity, _)) = nearest {
        signals.push(if polarity == Polarity::Strength { Signal::NearFor } else { Signal::NearAgainst });
    }
    let clauses = &reading.clauses;
    signals.extend(sign(clauses.sentence_score(sentence), Signal::SentenceFor, Signal::SentenceAgainst));
    if sentence > 0 {
        signals.extend(sign(
            clauses.sentence_score(sentence - 1),
            Signal::PreviousFor,
            Signal::PreviousAgainst,
        ));
    }
    if let Some(clause) = theme_clause(reading, theme, sentence) {
        signals.extend(sign(later_score(reading, theme, clause), Signal::LaterFor, Signal::LaterAgainst));
    }
    signals.extend(sign(reading.narrative_score, Signal::NarrativeFor, Signal::NarrativeAgainst));
    if reading.recommends.get(sentence).copied().unwrap_or(false) {
        signals.push(Signal::Recommends);
    }
    match rules.polarity {
        Some(Polarity::Strength) => signals.push(Signal::RulesStrength),
        Some(Polarity::Concern) => signals.push(Signal::RulesConcern),
        None => {}
    }
    signals
}

/// The clause a theme is judged in within a sentence: that of its cue with the nearest judgement
/// there, else of its first cue there; none when no cue of the theme is in the sentence.
pub(crate) fn theme_clause(reading: &Reading, theme: usize, sentence: usize) -> Option<usize> {
    let here = reading.mentions_in(theme, sentence);
    let judged = here.clone().filter(|found| found.judgement.is_some()).max_by_key(|found| {
        (found.judgement.map_or(0, |(_, weight)| weight), std::cmp::Reverse(found.mention.first))
    });
    judged.or_else(|| here.clone().next()).map(|found| reading.clauses.of_token[found.mention.first])
}

/// The summed judgement of the clauses after `clause` in its sentence, up to the first that
/// names another theme.
fn later_score(reading: &Reading, theme: usize, clause: usize) -> i32 {
    let clauses = &reading.clauses;
    let names_other = |later: usize| {
        reading
            .mentions
            .iter()
            .any(|found| found.mention.theme != theme && clauses.of_token[found.mention.first] == later)
    };
    (clause + 1..clauses.scores.len())
        .take_while(|&later| clauses.sentence[later] == clauses.sentence[clause] && !names_other(later))
        .map(|later| clauses.scores[later])
        .sum()
}

/// Whether a feature belongs to a clause (a pair, by its last word), or to the sentence when no clause is given.
pub(crate) fn in_clause(reading: &Reading, located: &Located, clause: Option<usize>) -> bool {
    clause.is_none_or(|clause| reading.clauses.of_token[located.last] == clause)
}
