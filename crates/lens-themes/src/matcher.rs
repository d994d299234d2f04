//! Phrases compiled once into numbers, and found in a narrative's words by number.
//!
//! A [`Compiler`] folds, expands and stems every phrase of a codebook and of the judgement
//! lexicon into [`Element`]s over one vocabulary. A narrative becomes [`Token`]s: its words with
//! abbreviations expanded ("TM" is the two tokens "team manager", both pointing at "TM") and each
//! word's stem and exact form looked up in that vocabulary. A [`PhraseIndex`] then finds phrases
//! by their first element, so matching costs a lookup per word, not a scan of the codebook.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::stopwords::is_stopword;
use super::text::{Analyser, Analysis};
use super::word_classes::{class_named, ClassId, CHILD, CLASSES};

/// A number no word of the vocabulary has.
const UNKNOWN: u32 = u32::MAX;

/// One position of a compiled phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Element {
    /// Any word with this stem.
    Stem(u32),
    /// Only this exact folded word.
    Exact(u32),
    /// Any number, in digits or words ("45", "six"), written `_n_` in a phrase.
    Number,
    /// Any word of a class, written `<class>` in a phrase (see [`word_classes`](super::word_classes)).
    Class(ClassId),
}

/// Number words a cue's `_n_` stands for, beside digits.
const NUMBER_WORDS: [&str; 24] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "eighteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "several", "few",
];

/// Whether a written word is a name: capitalised, not an abbreviation, and not a word the
/// codebook or lexicon knows or a function word.
fn is_name(written: &str, known: bool, folded: &str) -> bool {
    let mut letters = written.chars();
    let capitalised = letters.next().is_some_and(char::is_uppercase);
    capitalised && letters.any(char::is_lowercase) && !known && !is_stopword(folded)
}

fn is_number(folded: &str) -> bool {
    folded.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&folded)
}

/// One token of a narrative: a word, or one word of an abbreviation's expansion.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    stem: u32,
    exact: u32,
    /// The word's stem as text, for features a vocabulary of its own reads.
    pub(crate) stem_text: Arc<str>,
    /// The byte span of the written word (the abbreviation, when expanded).
    pub(crate) span: Range<usize>,
    pub(crate) sentence: usize,
    pub(crate) break_before: bool,
    pub(crate) clause_break_before: bool,
    /// A function word ("the", "not", "was").
    pub(crate) stopword: bool,
    number: bool,
    /// The classes the word belongs to, one bit per class.
    classes: u8,
}

impl Token {
    /// Whether the word is a person's name.
    pub(crate) fn is_name(&self) -> bool {
        self.classes & (1 << CHILD) != 0
    }

    /// Whether the word is a number, in digits or words.
    pub(crate) fn is_number(&self) -> bool {
        self.number
    }

    fn matches(&self, element: Element) -> bool {
        match element {
            Element::Stem(id) => self.stem == id,
            Element::Exact(id) => self.exact == id,
            Element::Number => self.number,
            Element::Class(class) => self.classes & (1 << class) != 0,
        }
    }
}

/// Folds, expands and stems phrases into elements over one growing vocabulary.
pub(crate) struct Compiler {
    analyser: Analyser,
    /// Stems of phrase words, numbered.
    stems: HashMap<String, u32>,
    /// Exact folded words of phrase words (written `=word`), numbered.
    exact_words: HashMap<String, u32>,
    /// Abbreviation, and the (stem, folded word) of each word of its expansion.
    abbreviations: HashMap<String, Vec<(Arc<str>, String)>>,
    /// The classes of each stem in `stems`, one bit per class, by the stem's number.
    classes_of_stem: Vec<u8>,
}

impl Compiler {
    /// A compiler that expands these abbreviations (matched case-sensitively).
    pub(crate) fn new(abbreviations: &[(String, String)]) -> Self {
        let analyser = Analyser::default();
        let abbreviations = abbreviations
            .iter()
            .map(|(abbreviation, expansion)| {
                let keys = analyser
                    .analyse(expansion)
                    .words
                    .into_iter()
                    .map(|word| (word.stem.clone(), word.folded.to_string()))
                    .collect();
                (abbreviation.trim().to_owned(), keys)
            })
            .collect();
        // Class words are numbered first, so a token's classes are found by its stem's number.
        let mut stems = HashMap::default();
        let mut classes_of_stem: Vec<u8> = Vec::new();
        for (class, (_, words)) in CLASSES.iter().enumerate() {
            for word in *words {
                let id = Self::intern(&mut stems, analyser.stem(word)) as usize;
                classes_of_stem.resize(classes_of_stem.len().max(id + 1), 0);
                classes_of_stem[id] |= 1 << class;
            }
        }
        Self { analyser, stems, exact_words: HashMap::default(), abbreviations, classes_of_stem }
    }

    fn intern(map: &mut HashMap<String, u32>, key: String) -> u32 {
        let next = u32::try_from(map.len()).unwrap_or(UNKNOWN - 1);
        *map.entry(key).or_insert(next)
    }

    /// A phrase as elements. Words written `=word` must match exactly; others match by stem.
    pub(crate) fn compile(&mut self, phrase: &str) -> Vec<Element> {
        let analysis = self.analyser.analyse(phrase);
        let mut elements = Vec::new();
        for word in &analysis.words {
            let exact = phrase[..word.span.start].ends_with('=');
            let class = (phrase[..word.span.start].ends_with('<')
                && phrase[word.span.end..].starts_with('>'))
            .then(|| class_named(&word.folded))
            .flatten();
            let written = written_form(phrase, &word.span);
            if let Some(expansion) = self.abbreviations.get(written).cloned() {
                for (stem, _) in expansion {
                    elements.push(Element::Stem(Self::intern(&mut self.stems, stem.to_string())));
                }
            } else if let Some(class) = class {
                elements.push(Element::Class(class));
            } else if &*word.folded == "_n_" {
                elements.push(Element::Number);
            } else if exact {
                elements.push(Element::Exact(Self::intern(&mut self.exact_words, word.folded.to_string())));
            } else {
                elements.push(Element::Stem(Self::intern(&mut self.stems, word.stem.to_string())));
            }
        }
        elements
    }

    /// The analyser phrases and narratives are read with.
    pub(crate) fn analyser(&self) -> &Analyser {
        &self.analyser
    }

    /// A narrative's tokens, with its analysis (sentences and words).
    pub(crate) fn tokens(&self, text: &str) -> (Analysis, Vec<Token>) {
        let analysis = self.analyser.analyse(text);
        let stem_id = |stem: &str| self.stems.get(stem).copied().unwrap_or(UNKNOWN);
        let exact_id = |folded: &str| self.exact_words.get(folded).copied().unwrap_or(UNKNOWN);
        let mut tokens = Vec::with_capacity(analysis.words.len() + 4);
        for word in &analysis.words {
            let number = is_number(&word.folded);
            let stopword = is_stopword(&word.folded);
            let written = written_form(text, &word.span);
            let stem = stem_id(&word.stem);
            let token = |stem: u32, exact: u32, stem_text: &Arc<str>, first: bool| Token {
                number,
                stopword,
                classes: self.classes_of_stem.get(stem as usize).copied().unwrap_or(0),
                stem,
                exact,
                stem_text: stem_text.clone(),
                span: word.span.clone(),
                sentence: word.sentence,
                break_before: first && word.break_before,
                clause_break_before: first && word.clause_break_before,
            };
            match self.abbreviations.get(written) {
                Some(expansion) => {
                    for (index, (stem, exact)) in expansion.iter().enumerate() {
                        tokens.push(token(stem_id(stem), exact_id(exact), stem, index == 0));
                    }
                }
                None => {
                    // An expansion's words have their own classes; only a written word is a name.
                    let mut token = token(stem, exact_id(&word.folded), &word.stem, true);
                    token.classes |= u8::from(is_name(written, stem != UNKNOWN, &word.folded)) << CHILD;
                    tokens.push(token);
                }
            }
        }
        (analysis, tokens)
    }
}

/// A word as written, without a possessive ending: "TM's" is "TM".
fn written_form<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    let word = &text[span.clone()];
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

/// Phrases, each with a value, found by their first element.
pub(crate) struct PhraseIndex<T> {
    phrases: Vec<(Vec<Element>, T)>,
    by_first: HashMap<Element, Vec<usize>>,
}

/// A phrase found in a narrative.
#[derive(Debug, Clone)]
pub(crate) struct Found<'a, T> {
    /// The value the phrase was added with.
    pub(crate) value: &'a T,
    /// The tokens of the first and last word matched (a gapped match skips words between).
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// How many elements the phrase has.
    pub(crate) length: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        Self { phrases: Vec::new(), by_first: HashMap::default() }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a compiled phrase; an empty one is ignored.
    pub(crate) fn add(&mut self, elements: Vec<Element>, value: T) {
        if let Some(first) = elements.first().copied() {
            self.by_first.entry(first).or_default().push(self.phrases.len());
            self.phrases.push((elements, value));
        }
    }

    /// Every phrase starting at token `start`, allowing `max_gap` skipped words in all, never
    /// across punctuation or into another sentence.
    pub(crate) fn matches_at<'a>(
        &'a self,
        tokens: &[Token],
        start: usize,
        max_gap: usize,
    ) -> Vec<Found<'a, T>> {
        let mut found = Vec::new();
        let Some(token) = tokens.get(start) else { return found };
        let number = token.number.then_some(Element::Number);
        let classes = (0..CLASSES.len())
            .filter_map(|class| ClassId::try_from(class).ok())
            .filter(|&class| token.classes & (1 << class) != 0)
            .map(Element::Class);
        for first in
            [Element::Stem(token.stem), Element::Exact(token.exact)].into_iter().chain(number).chain(classes)
        {
            let Some(candidates) = self.by_first.get(&first) else { continue };
            for &index in candidates {
                let (elements, value) = &self.phrases[index];
                if let Some(last) = match_rest(tokens, start, &elements[1..], max_gap) {
                    found.push(Found { value, first: start, last, length: elements.len() });
                }
            }
        }
        found
    }
}

fn match_rest(tokens: &[Token], start: usize, rest: &[Element], max_gap: usize) -> Option<usize> {
    let mut position = start;
    let mut gap_left = max_gap;
    for &element in rest {
        let mut next = position + 1;
        loop {
            let token = tokens.get(next)?;
            if token.break_before || token.sentence != tokens[start].sentence {
                return None;
            }
            if token.matches(element) {
                break;
            }
            if gap_left == 0 {
                return None;
            }
            gap_left -= 1;
            next += 1;
        }
        position = next;
    }
    Some(position)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{Compiler, PhraseIndex};

    fn found(phrases: &[&str], text: &str, max_gap: usize) -> Vec<String> {
        let mut compiler = Compiler::new(&[("TM".to_owned(), "team manager".to_owned())]);
        let mut index = PhraseIndex::default();
        for phrase in phrases {
            let elements = compiler.compile(phrase);
            index.add(elements, (*phrase).to_owned());
        }
        let (_, tokens) = compiler.tokens(text);
        (0..tokens.len())
            .flat_map(|start| index.matches_at(&tokens, start, max_gap))
            .map(|found| {
                format!("{}@{}..{}", found.value, tokens[found.first].span.start, tokens[found.last].span.end)
            })
            .collect()
    }

    #[test]
    fn phrases_match_by_stem_across_spelling_and_inflection() {
        assert_eq!(
            found(&["analysis of risk"], "Analysis of risks was poor.", 0),
            ["analysis of risk@0..17"]
        );
        assert_eq!(found(&["organisation"], "The organization", 0), ["organisation@4..16"]);
    }

    #[test]
    fn exact_words_do_not_match_other_forms() {
        assert_eq!(
            found(&["=supervision"], "Contact is supervised. Supervision is monthly.", 0),
            ["=supervision@23..34"]
        );
    }

    #[test]
    fn abbreviations_expand_in_text_and_in_phrases() {
        assert_eq!(
            found(&["team manager oversight"], "The TM's oversight", 0),
            ["team manager oversight@4..18"]
        );
        assert_eq!(found(&["TM direction"], "clear team manager direction", 0), ["TM direction@6..28"]);
    }

    #[test]
    fn numbers_match_in_digits_or_words() {
        assert_eq!(
            found(&["within _n_ days"], "within 5 days, within five working days", 1),
            ["within _n_ days@0..13", "within _n_ days@15..39"]
        );
    }

    #[test]
    fn word_classes_stand_for_their_words_and_names_for_the_child() {
        let cue = ["explained to <child>"];
        assert_eq!(found(&cue, "It was explained to him.", 0), ["explained to <child>@7..23"]);
        assert_eq!(found(&cue, "It was explained to the twins.", 1), ["explained to <child>@7..29"]);
        assert_eq!(
            found(&cue, "The plan was explained to Connor's carers.", 0),
            ["explained to <child>@13..34"]
        );
        assert_eq!(found(&cue, "It was explained to mum.", 0), Vec::<String>::new());
        // A capitalised word the codebook knows is not a name.
        assert_eq!(found(&["explained to <child>", "team"], "explained to Team", 0), ["team@13..17"]);
        assert_eq!(
            found(&["_n_ <time> late"], "The review was three weeks late.", 0),
            ["_n_ <time> late@15..31"]
        );
    }

    #[test]
    fn gaps_are_bounded_and_never_cross_punctuation() {
        assert_eq!(found(&["seen alone"], "not seen on her own, alone", 2), Vec::<String>::new());
        assert_eq!(found(&["seen own"], "seen on her own", 2), ["seen own@0..15"]);
        assert_eq!(found(&["seen own"], "seen on her own", 1), Vec::<String>::new());
    }
}
