//! Tagging: which codebook themes a narrative expresses, good practice or area for improvement,
//! and the words that show it.
//!
//! A [`Tagger`] is built once from a codebook. For each narrative it finds the codebook's cues
//! (up to two words may come between the words of a cue: "seen on her own" matches "seen own"),
//! then gives each mention the polarity of its clause; when the clause has no judgement in it, the
//! sentence's; then the narrative's, with the standard's grade as a further signal. A mention with
//! no judgement anywhere is a bare fact ("Jayden is on a CP plan"), not a theme: it is left out and
//! said so in the diagnostics. A cue marked `?` counts only when a judgement word is within a few
//! words of it.
//!
//! When a theme's mentions disagree they are weighed by how near each one's judgement was: 4 for a
//! judgement next to the mention, 3 for its clause's, 2 for its sentence's, 1 for the narrative's.
//! The heavier side is kept; a tie goes to the area for improvement, since missing one costs a
//! child more. The disagreement is said in the diagnostics, and the evidence is the mentions of
//! the side kept, each with its sentence and character span.
//!
//! That is the rules' reading. [`Tagger::new`] adds the model shipped with Practice Lens
//! (`model.rs`), which decides the themes it was trained on from the same reading: the cues and
//! judgements become signals weighed beside the words, so a theme can be found without its cue
//! and a cue can be outweighed. Themes the model does not know, such as those of a council's own
//! codebook, are decided by the rules; [`Tagger::rules_only`] decides every theme by them.

use std::fmt;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use lens_core::GradeStanding;

use super::codebook::Codebook;
use super::lexicon::{self, LexiconEntry};
use super::matcher::{Compiler, PhraseIndex, Token};
use super::model::{ModelTheme, Narrative, ThemeModel};
use super::polarity::{Clauses, Judgement};
use super::stopwords::is_stopword;
use super::text::{evidence_excerpt, Analysis, CharOffsets};

/// How many words may come between the words of a multi-word cue.
const MAX_CUE_GAP: usize = 2;
/// How many words either side of a cue count as near it.
const NEAR: usize = 3;
/// How far a judgement may be from a cue that needs one.
const JUDGEMENT_REACH: usize = 4;
/// The weight of the standard's grade beside the narrative's own judgement.
const GRADE_WEIGHT: i32 = 2;

/// Whether a theme is good practice or an area for improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// Good practice: present, timely, effective or of good quality.
    Strength,
    /// Area for improvement: absent, late, weak, unclear or not evidenced.
    Concern,
}

impl Polarity {
    /// `strength` or `concern`, as in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strength => "strength",
            Self::Concern => "concern",
        }
    }

    /// The polarity named `strength` or `concern`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "strength" => Some(Self::Strength),
            "concern" => Some(Self::Concern),
            _ => None,
        }
    }
}

/// The words that show a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The sentence the words are in; for a sentence of more than 400 bytes, about 400 around
    /// the words, marked "…" where cut.
    pub sentence: String,
    /// Where the words start in the narrative, in characters (Unicode scalar values).
    pub start: usize,
    /// Where they end, in characters, exclusive.
    pub end: usize,
}

/// One theme a narrative expresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeFinding {
    /// The theme's codebook identifier.
    pub theme: String,
    /// Good practice or area for improvement.
    pub polarity: Polarity,
    /// The words that gave the theme that polarity, in text order.
    pub evidence: Vec<Evidence>,
}

/// Something the tagger noticed while tagging, for whoever checks its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagDiagnostic {
    /// The narrative has no words.
    NoWords,
    /// A theme is named with no judgement anywhere in the narrative, so it was not counted.
    BareMention {
        /// The theme.
        theme: String,
        /// Where the cue starts, in characters.
        start: usize,
        /// Where it ends, in characters.
        end: usize,
    },
    /// A theme's mentions disagree; the side whose judgements were nearer was kept.
    MixedPolarity {
        /// The theme.
        theme: String,
        /// Mentions judging it good practice.
        strengths: usize,
        /// Mentions judging it an area for improvement.
        concerns: usize,
        /// The polarity kept.
        kept: Polarity,
    },
}

impl fmt::Display for TagDiagnostic {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoWords => write!(formatter, "the narrative has no words"),
            Self::BareMention { theme, start, end } => {
                write!(formatter, "{theme} is mentioned at {start}..{end} without a judgement, so it is not counted")
            }
            Self::MixedPolarity { theme, strengths, concerns, kept } => write!(
                formatter,
                "{theme} is judged good practice {strengths} time(s) and an area for improvement {concerns} time(s); {} kept",
                kept.as_str()
            ),
        }
    }
}

/// What the tagger found in one narrative.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tagging {
    /// The themes, in codebook order.
    pub themes: Vec<ThemeFinding>,
    /// What was left out or decided, and why.
    pub diagnostics: Vec<TagDiagnostic>,
}

#[derive(Debug, Clone, Copy)]
struct CueTarget {
    theme: usize,
    /// The cue's position in its theme.
    cue: usize,
    /// Gives way to a longer cue of another theme.
    weak: bool,
    /// Counts only with a judgement word within [`JUDGEMENT_REACH`] words in its clause.
    needs_judgement: bool,
}

/// A mention of a theme: a cue found in the narrative.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) theme: usize,
    weak: bool,
    needs_judgement: bool,
    /// The tokens of its first and last word.
    pub(crate) first: usize,
    pub(crate) last: usize,
    length: usize,
}

/// A mention with the polarity its judgement gave it and how near that judgement was (see
/// [`mention_polarity`]); none for a bare mention.
#[derive(Debug, Clone)]
pub(crate) struct JudgedMention {
    pub(crate) mention: Mention,
    pub(crate) judgement: Option<(Polarity, i32)>,
}

/// A narrative read once: its words, clauses and the cues found, each judged. Both the rules and
/// the model decide from it.
pub(crate) struct Reading {
    pub(crate) analysis: Analysis,
    pub(crate) tokens: Vec<Token>,
    pub(crate) clauses: Clauses,
    /// The narrative's own judgement with the grade's.
    pub(crate) narrative_score: i32,
    /// Every mention kept, in text order; one that needs a judgement near it and has none is left out.
    pub(crate) mentions: Vec<JudgedMention>,
    /// Per sentence, the themes whose label or description words it has.
    pub(crate) described: Vec<Described>,
    /// Per sentence, whether it recommends ("Ensure that…", "Improve…", "leaders should ensure").
    pub(crate) recommends: Vec<bool>,
}

impl Reading {
    /// A theme's mentions in one sentence, in text order.
    pub(crate) fn mentions_in(
        &self,
        theme: usize,
        sentence: usize,
    ) -> impl Iterator<Item = &JudgedMention> + Clone {
        self.mentions.iter().filter(move |found| {
            found.mention.theme == theme && self.tokens[found.mention.first].sentence == sentence
        })
    }
}

/// The themes a sentence names by their label's or description's words, one bit per theme.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Described {
    /// Themes with exactly one of their words in the sentence.
    pub(crate) once: u64,
    /// Themes with two or more different ones.
    pub(crate) more: u64,
}

/// Whether each sentence recommends: it opens with a verb of recommendation or asks to ensure.
fn recommending_sentences(analysis: &Analysis) -> Vec<bool> {
    let mut recommends = vec![false; analysis.sentences.len()];
    let mut previous_sentence = usize::MAX;
    for word in &analysis.words {
        let opens = word.sentence != previous_sentence;
        previous_sentence = word.sentence;
        let asks = (opens && lexicon::RECOMMENDATION_OPENERS.contains(&&*word.folded))
            || lexicon::RECOMMENDATION_WORDS.contains(&&*word.folded);
        if let Some(recommending) = recommends.get_mut(word.sentence) {
            *recommending |= asks;
        }
    }
    recommends
}

/// One rule a tagger applies: a codebook cue or a judgement lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Rule {
    /// A cue, by its theme's position and its position in that theme.
    Cue { theme: usize, cue: usize },
    /// A judgement lexicon entry, by its position.
    Judgement(usize),
}

/// A codebook compiled for tagging.
pub struct Tagger {
    codebook: Codebook,
    lexicon: Vec<LexiconEntry>,
    compiler: Compiler,
    cues: PhraseIndex<CueTarget>,
    judgement: Judgement,
    /// The model that decides the themes it was trained on, by the codebook's position of each.
    model: Option<(Arc<ThemeModel>, Vec<Option<usize>>)>,
    /// The stems of each theme's label and description, as one bit per theme (the first 64).
    described: FxHashMap<Arc<str>, u64>,
}

impl Tagger {
    /// Compiles a codebook with the model shipped with Practice Lens, which decides the themes it
    /// was trained on; the codebook's other themes are decided by its cues alone. Costs a few
    /// milliseconds: build one and reuse it.
    pub fn new(codebook: &Codebook) -> Self {
        Self::rules_only(codebook).with_shared_model(Arc::clone(ThemeModel::shipped_shared()))
    }

    /// Compiles a codebook whose cues and judgement words alone decide every theme.
    pub fn rules_only(codebook: &Codebook) -> Self {
        Self::with_lexicon(codebook, lexicon::builtin())
    }

    /// This tagger with a model deciding the themes it knows.
    pub fn with_model(self, model: ThemeModel) -> Self {
        self.with_shared_model(Arc::new(model))
    }

    fn with_shared_model(mut self, model: Arc<ThemeModel>) -> Self {
        let positions = self.codebook.themes.iter().map(|theme| model.theme_position(&theme.id)).collect();
        self.model = Some((model, positions));
        self
    }

    fn with_lexicon(codebook: &Codebook, lexicon: Vec<LexiconEntry>) -> Self {
        let mut compiler = Compiler::new(&codebook.abbreviations);
        let judgement = Judgement::new(&mut compiler, &lexicon);
        let mut cues = PhraseIndex::default();
        for (theme_index, theme) in codebook.themes.iter().enumerate() {
            for (cue_index, cue) in theme.cues.iter().enumerate() {
                let (phrase, weak, needs_judgement) = cue_marks(cue);
                let target = CueTarget { theme: theme_index, cue: cue_index, weak, needs_judgement };
                cues.add(compiler.compile(phrase), target);
            }
        }
        let mut described: FxHashMap<Arc<str>, u64> = FxHashMap::default();
        for (theme_index, theme) in codebook.themes.iter().enumerate().take(64) {
            let words = format!("{} {}", theme.label, theme.description);
            for word in compiler.analyser().analyse(&words).words {
                if !is_stopword(&word.folded) && word.stem.chars().count() > 2 {
                    *described.entry(word.stem).or_default() |= 1 << theme_index;
                }
            }
        }
        Self { codebook: codebook.clone(), lexicon, compiler, cues, judgement, model: None, described }
    }

    /// Every rule that matches somewhere in the text, each once, in order.
    pub(crate) fn rules_found(&self, text: &str) -> Vec<Rule> {
        let (_, tokens) = self.compiler.tokens(text);
        let mut rules: Vec<Rule> = (0..tokens.len())
            .flat_map(|start| self.cues.matches_at(&tokens, start, MAX_CUE_GAP))
            .map(|found| Rule::Cue { theme: found.value.theme, cue: found.value.cue })
            .chain(self.judgement.entries_found(&tokens).into_iter().map(Rule::Judgement))
            .collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// This tagger without some of its rules.
    pub(crate) fn without(&self, rules: &[Rule]) -> Self {
        let mut codebook = self.codebook.clone();
        for (theme_index, theme) in codebook.themes.iter_mut().enumerate() {
            let mut cue_index = 0;
            theme.cues.retain(|_| {
                let kept = !rules.contains(&Rule::Cue { theme: theme_index, cue: cue_index });
                cue_index += 1;
                kept
            });
        }
        let lexicon = self
            .lexicon
            .iter()
            .enumerate()
            .filter(|(position, _)| !rules.contains(&Rule::Judgement(*position)))
            .map(|(_, entry)| *entry)
            .collect();
        let rules = Self::with_lexicon(&codebook, lexicon);
        match &self.model {
            Some((model, _)) => rules.with_shared_model(Arc::clone(model)),
            None => rules,
        }
    }

    /// A rule as people read it: "cue 'seen alone' of child_seen_alone", "judgement word 'poor'".
    pub(crate) fn describe(&self, rule: Rule) -> String {
        match rule {
            Rule::Cue { theme, cue } => {
                let theme = &self.codebook.themes[theme];
                format!("cue '{}' of {}", theme.cues[cue], theme.id)
            }
            Rule::Judgement(position) => format!("judgement word '{}'", self.lexicon[position].phrase),
        }
    }

    /// The model deciding the themes it knows, if this tagger has one.
    pub fn model(&self) -> Option<&ThemeModel> {
        self.model.as_ref().map(|(model, _)| &**model)
    }

    /// The codebook this tagger was built from.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// The themes of one narrative. `grade` is the grade of the standard the narrative belongs
    /// to, if any. Never fails: odd text gives no themes and a diagnostic.
    pub fn tag(&self, text: &str, grade: Option<GradeStanding>) -> Tagging {
        let Some(reading) = self.read(text, grade) else {
            return Tagging { themes: Vec::new(), diagnostics: vec![TagDiagnostic::NoWords] };
        };
        let offsets = CharOffsets::new(text);
        let mut tagging = Tagging::default();
        let by_rules = self.decide_by_rules(text, &reading, &offsets, &mut tagging.diagnostics);
        let Some((model, positions)) = &self.model else {
            tagging.themes = by_rules.into_iter().flatten().collect();
            return tagging;
        };
        // The model weighs the bare and disagreeing mentions of the themes it decides, so the
        // rules' words about those themes would contradict what it found.
        let decided_by_model = |theme: &str| {
            self.codebook
                .themes
                .iter()
                .zip(positions)
                .any(|(known, position)| known.id == theme && position.is_some())
        };
        tagging.diagnostics.retain(|diagnostic| match diagnostic {
            TagDiagnostic::NoWords => true,
            TagDiagnostic::BareMention { theme, .. } | TagDiagnostic::MixedPolarity { theme, .. } => {
                !decided_by_model(theme)
            }
        });
        let scored = model.score(&reading);
        for (theme_index, by_rules) in by_rules.into_iter().enumerate() {
            let finding = match positions[theme_index] {
                Some(position) => model.decide(
                    &ModelTheme { position, index: theme_index, id: &self.codebook.themes[theme_index].id },
                    &Narrative { text, reading: &reading, offsets: &offsets },
                    &scored,
                    by_rules.as_ref(),
                    &mut tagging.diagnostics,
                ),
                None => by_rules,
            };
            tagging.themes.extend(finding);
        }
        tagging
    }

    /// Reads a narrative: its words, clauses, cues and their judgements; none when it has no words.
    pub(crate) fn read(&self, text: &str, grade: Option<GradeStanding>) -> Option<Reading> {
        let (analysis, tokens) = self.compiler.tokens(text);
        if tokens.is_empty() {
            return None;
        }
        let clauses = self.judgement.judge(&tokens);
        let grade_signal = match grade {
            Some(GradeStanding::GoodOrBetter) => GRADE_WEIGHT,
            Some(_) => -GRADE_WEIGHT,
            None => 0,
        };
        // The narrative's own judgement with the grade; the grade is a further signal, never the
        // only one, so a narrative that judges nothing scores nothing.
        let judged_anywhere = clauses.scores.iter().any(|&score| score != 0);
        let narrative_score = if judged_anywhere { clauses.total() + grade_signal } else { 0 };
        let mentions = self
            .mentions(&tokens)
            .into_iter()
            .filter(|mention| {
                let window = (mention.first.saturating_sub(JUDGEMENT_REACH), mention.last + JUDGEMENT_REACH);
                !mention.needs_judgement || clauses.judged_near(mention.first, window.0, window.1)
            })
            .map(|mention| JudgedMention {
                judgement: mention_polarity(&clauses, &tokens, &mention, narrative_score),
                mention,
            })
            .collect();
        let described = self.described_in_sentences(&analysis, &tokens);
        let recommends = recommending_sentences(&analysis);
        Some(Reading { analysis, tokens, clauses, narrative_score, mentions, described, recommends })
    }

    /// Per sentence, the themes whose label or description words it has, each stem counted once.
    fn described_in_sentences(&self, analysis: &Analysis, tokens: &[Token]) -> Vec<Described> {
        let mut described = vec![Described::default(); analysis.sentences.len()];
        let mut stems: Vec<(&str, u64)> = Vec::new();
        let mut sentence_start = 0;
        while sentence_start < tokens.len() {
            let sentence = tokens[sentence_start].sentence;
            let sentence_end = tokens[sentence_start..]
                .iter()
                .position(|token| token.sentence != sentence)
                .map_or(tokens.len(), |length| sentence_start + length);
            stems.clear();
            for token in tokens[sentence_start..sentence_end].iter().filter(|token| !token.is_name()) {
                if let Some(&themes) = self.described.get(&token.stem_text) {
                    stems.push((&token.stem_text, themes));
                }
            }
            stems.sort_unstable();
            stems.dedup();
            if let Some(summary) = described.get_mut(sentence) {
                let mut seen = 0;
                for &(_, themes) in &stems {
                    summary.more |= seen & themes;
                    seen |= themes;
                }
                summary.once = seen & !summary.more;
            }
            sentence_start = sentence_end;
        }
        described
    }

    /// What the cues and judgement words decide for each theme, in codebook order; bare mentions
    /// and disagreements go in the diagnostics.
    pub(crate) fn decide_by_rules(
        &self,
        text: &str,
        reading: &Reading,
        offsets: &CharOffsets,
        diagnostics: &mut Vec<TagDiagnostic>,
    ) -> Vec<Option<ThemeFinding>> {
        let mut findings = Vec::with_capacity(self.codebook.themes.len());
        for theme_index in 0..self.codebook.themes.len() {
            let theme = &self.codebook.themes[theme_index].id;
            let mut judged: Vec<(Polarity, i32, &Mention)> = Vec::new();
            for found in reading.mentions.iter().filter(|found| found.mention.theme == theme_index) {
                match found.judgement {
                    Some((polarity, weight)) => judged.push((polarity, weight, &found.mention)),
                    None => {
                        let (start, end) = char_span(offsets, &reading.tokens, &found.mention);
                        diagnostics.push(TagDiagnostic::BareMention { theme: theme.clone(), start, end });
                    }
                }
            }
            if judged.is_empty() {
                findings.push(None);
                continue;
            }
            let strengths = judged.iter().filter(|(polarity, _, _)| *polarity == Polarity::Strength).count();
            let concerns = judged.len() - strengths;
            let weight_of = |wanted: Polarity| -> i32 {
                judged
                    .iter()
                    .filter(|(polarity, _, _)| *polarity == wanted)
                    .map(|(_, weight, _)| weight)
                    .sum()
            };
            // Judgements next to the theme outweigh those further away. A tie goes to the area
            // for improvement: missing one costs a child more.
            let kept = if weight_of(Polarity::Strength) > weight_of(Polarity::Concern) {
                Polarity::Strength
            } else {
                Polarity::Concern
            };
            if strengths > 0 && concerns > 0 {
                diagnostics.push(TagDiagnostic::MixedPolarity {
                    theme: theme.clone(),
                    strengths,
                    concerns,
                    kept,
                });
            }
            let evidence = judged
                .iter()
                .filter(|(polarity, _, _)| *polarity == kept)
                .map(|(_, _, mention)| evidence_of(text, reading, offsets, mention.first, mention.last))
                .collect();
            findings.push(Some(ThemeFinding { theme: theme.clone(), polarity: kept, evidence }));
        }
        findings
    }

    /// Every cue found, without those covered by a longer one of the same theme, and generic
    /// ones covered by another theme's cue.
    fn mentions(&self, tokens: &[Token]) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        for start in 0..tokens.len() {
            for cue in self.cues.matches_at(tokens, start, MAX_CUE_GAP) {
                found.push(Mention {
                    theme: cue.value.theme,
                    weak: cue.value.weak,
                    needs_judgement: cue.value.needs_judgement,
                    first: cue.first,
                    last: cue.last,
                    length: cue.length,
                });
            }
        }
        // Widest first at each place, so a same-theme overlap keeps the longer cue.
        found.sort_by_key(|mention| {
            (mention.first, std::cmp::Reverse(mention.last), std::cmp::Reverse(mention.length))
        });
        let overlaps = |one: &Mention, other: &Mention| one.first <= other.last && other.first <= one.last;
        let mut kept: Vec<Mention> = Vec::new();
        for mention in &found {
            let repeats = kept.iter().any(|other| other.theme == mention.theme && overlaps(other, mention));
            let gives_way = mention.weak
                && found
                    .iter()
                    .any(|other| !other.weak && other.theme != mention.theme && overlaps(other, mention));
            if !repeats && !gives_way {
                kept.push(mention.clone());
            }
        }
        kept
    }
}

/// A cue without its marks: `~` (generic, gives way to longer cues) and `?` (needs a judgement
/// near it), in either order.
fn cue_marks(cue: &str) -> (&str, bool, bool) {
    let mut phrase = cue.trim();
    let (mut weak, mut needs_judgement) = (false, false);
    loop {
        if let Some(rest) = phrase.strip_prefix('~') {
            weak = true;
            phrase = rest;
        } else if let Some(rest) = phrase.strip_prefix('?') {
            needs_judgement = true;
            phrase = rest;
        } else {
            return (phrase, weak, needs_judgement);
        }
    }
}

/// The mention's polarity and how near its judgement was (4 next to it, 3 in its clause, 2 in its
/// sentence, 1 in the narrative): the judgement near it, else its clause's, else its sentence's,
/// else the narrative's with the grade (`narrative_score`).
fn mention_polarity(
    clauses: &Clauses,
    tokens: &[Token],
    mention: &Mention,
    narrative_score: i32,
) -> Option<(Polarity, i32)> {
    let near = clauses.near(mention.first, mention.first.saturating_sub(NEAR), mention.last + NEAR);
    let clause = clauses.scores[clauses.of_token[mention.first]];
    let sentence = clauses.sentence_score(tokens[mention.first].sentence);
    let (score, weight) = [(near, 4), (clause, 3), (sentence, 2), (narrative_score, 1)]
        .into_iter()
        .find(|(score, _)| *score != 0)?;
    let polarity = if score > 0 { Polarity::Strength } else { Polarity::Concern };
    Some((polarity, weight))
}

fn char_span(offsets: &CharOffsets, tokens: &[Token], mention: &Mention) -> (usize, usize) {
    (offsets.at(tokens[mention.first].span.start), offsets.at(tokens[mention.last].span.end))
}

/// The evidence of the words from token `first` to token `last`: their sentence and character span.
pub(crate) fn evidence_of(
    text: &str,
    reading: &Reading,
    offsets: &CharOffsets,
    first: usize,
    last: usize,
) -> Evidence {
    let tokens = &reading.tokens;
    let sentence = reading.analysis.sentences[tokens[first].sentence].clone();
    let words = tokens[first].span.start..tokens[last].span.end;
    Evidence {
        sentence: evidence_excerpt(text, sentence, words),
        start: offsets.at(tokens[first].span.start),
        end: offsets.at(tokens[last].span.end),
    }
}

#[cfg(test)]
mod tests;
