//! The text pipeline: sentences and words with their places in the text, folded, spelt the
//! British way and stemmed, so that every later step compares normal forms and can still point
//! back at the exact characters a person wrote.
//!
//! Sentence and word boundaries are Unicode's (UAX #29, via unicode-segmentation). A word keeps
//! its byte span in the source; its `folded` form is lower case, with curly apostrophes made
//! straight, the possessive "'s" dropped and the British spelling; its `stem` is the Snowball
//! English stem of that. Both are remembered per written word, since narratives reuse a small
//! vocabulary and stemming is the pipeline's dearest step. `break_before` marks punctuation (other than a hyphen) between a word
//! and the one before it, or a sentence start: phrases never run across it.

use std::ops::Range;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::spelling::british;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where the word is in the source, in bytes.
    pub(crate) span: Range<usize>,
    /// Lower case, straight apostrophes, no possessive, British spelling.
    pub(crate) folded: Arc<str>,
    /// The Snowball English stem of `folded`.
    pub(crate) stem: Arc<str>,
    /// Index of the sentence the word belongs to.
    pub(crate) sentence: usize,
    /// Punctuation (not a hyphen) or a sentence boundary comes between this word and the last.
    pub(crate) break_before: bool,
    /// A semicolon, colon, dash or bracket comes between this word and the last.
    pub(crate) clause_break_before: bool,
    /// A hyphen and nothing else joins this word to the last ("four-dimensional").
    pub(crate) hyphen_before: bool,
}

/// A text cut into sentences and words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analysis {
    /// Each sentence's byte span, trimmed of surrounding white space.
    pub(crate) sentences: Vec<Range<usize>>,
    /// Every word, in order.
    pub(crate) words: Vec<Word>,
}

/// How many distinct written words the cache holds before it starts afresh.
const WORD_CACHE_SIZE: usize = 50_000;

/// A word's folded form and stem.
type Normalised = (Arc<str>, Arc<str>);

/// Cuts texts into sentences and words; holds the stemmer so it is made once, and remembers the
/// stems of words it has seen, since audit narratives reuse a small vocabulary and stemming is
/// the pipeline's dearest step.
pub(crate) struct Analyser {
    stemmer: Stemmer,
    /// A written word, and its folded form and stem: shared, so a repeated word costs no allocation.
    words: Mutex<FxHashMap<Box<str>, Normalised>>,
}

impl Default for Analyser {
    fn default() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English), words: Mutex::new(FxHashMap::default()) }
    }
}

impl Analyser {
    /// The Snowball English stem of an already folded word.
    pub(crate) fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }

    /// A written word's folded form and stem, from the cache when it has been seen.
    fn normalise(&self, word: &str) -> Normalised {
        let compute = || {
            let folded = self.fold(word);
            let stem: Arc<str> = self.stemmer.stem(&folded).into();
            (Arc::<str>::from(folded), stem)
        };
        let Ok(mut cache) = self.words.lock() else { return compute() };
        if let Some(found) = cache.get(word) {
            return found.clone();
        }
        let found = compute();
        if cache.len() >= WORD_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(word.into(), found.clone());
        found
    }

    /// Folds one word as the pipeline does: lower case, straight apostrophe, no possessive, British.
    fn fold(&self, word: &str) -> String {
        let mut folded = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).collect::<String>().to_lowercase()
        };
        if let Some(base) = folded.strip_suffix("'s").or_else(|| folded.strip_suffix('\'')) {
            folded.truncate(base.len());
        }
        british(&folded).unwrap_or(folded)
    }

    /// Sentences and words of `text`. Never fails: odd text gives fewer or no words.
    pub(crate) fn analyse(&self, text: &str) -> Analysis {
        let mut analysis = Analysis::default();
        for (sentence_start, sentence) in text.split_sentence_bound_indices() {
            let trimmed = sentence.trim();
            if trimmed.is_empty() {
                continue;
            }
            let offset = sentence_start + (sentence.len() - sentence.trim_start().len());
            let sentence_index = analysis.sentences.len();
            analysis.sentences.push(offset..offset + trimmed.len());
            let mut previous_end = None;
            for (word_start, word) in sentence.split_word_bound_indices() {
                if !word.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let start = sentence_start + word_start;
                let between = previous_end.map(|end| &text[end..start]);
                let break_before =
                    between.is_none_or(|gap| gap.chars().any(|c| !c.is_whitespace() && c != '-'));
                let clause_break_before = between.is_none_or(|gap| {
                    gap.chars().any(|c| matches!(c, ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}'))
                });
                let hyphen_before = between == Some("-");
                let (folded, stem) = self.normalise(word);
                analysis.words.push(Word {
                    span: start..start + word.len(),
                    folded,
                    stem,
                    sentence: sentence_index,
                    break_before,
                    clause_break_before,
                    hyphen_before,
                });
                previous_end = Some(start + word.len());
            }
        }
        analysis
    }
}

/// The number of characters (Unicode scalar values) before byte `offset` of `text`.
#[cfg(test)]
pub(crate) fn char_offset(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |before| before.chars().count())
}

/// Character offsets of byte offsets in one text, each found in logarithmic time, so a long
/// narrative with many mentions is not counted from its start for each one.
pub(crate) struct CharOffsets {
    /// The byte offset of each character, or `None` for ASCII text, where the two agree.
    starts: Option<Vec<usize>>,
    len: usize,
}

impl CharOffsets {
    pub(crate) fn new(text: &str) -> Self {
        let starts = (!text.is_ascii()).then(|| text.char_indices().map(|(at, _)| at).collect());
        Self { starts, len: text.len() }
    }

    /// The character offset of the byte offset `offset` (a character boundary).
    pub(crate) fn at(&self, offset: usize) -> usize {
        match &self.starts {
            None => offset.min(self.len),
            Some(starts) => starts.partition_point(|&start| start < offset),
        }
    }
}

/// The part of `sentence` (a byte range of `text`) shown as a mention's evidence: the whole
/// sentence, or for one longer than [`EVIDENCE_CHARS`] (a narrative with no full stops) a
/// window of about that many characters around the mention at bytes `mention`, cut at spaces
/// and marked with "…". The offsets say exactly where the words are.
pub(crate) fn evidence_excerpt(
    text: &str,
    sentence: std::ops::Range<usize>,
    mention: std::ops::Range<usize>,
) -> String {
    let whole = &text[sentence.clone()];
    if whole.len() <= EVIDENCE_CHARS {
        return whole.to_owned();
    }
    let reach = EVIDENCE_CHARS / 2;
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let from = floor(mention.start.saturating_sub(reach).max(sentence.start));
    let to = floor((mention.end + reach).min(sentence.end));
    let from = if from > sentence.start {
        text[from..mention.start].find(' ').map_or(from, |space| from + space + 1)
    } else {
        from
    };
    let to = if to < sentence.end {
        text[mention.end..to].rfind(' ').map_or(to, |space| mention.end + space)
    } else {
        to
    };
    let mut excerpt = String::new();
    if from > sentence.start {
        excerpt.push('…');
    }
    excerpt.push_str(&text[from..to]);
    if to < sentence.end {
        excerpt.push('…');
    }
    excerpt
}

/// The longest sentence kept whole as evidence, in bytes.
pub(crate) const EVIDENCE_CHARS: usize = 400;

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{char_offset, evidence_excerpt, Analyser, CharOffsets, EVIDENCE_CHARS};

    fn words(text: &str) -> Vec<(String, String, bool)> {
        Analyser::default()
            .analyse(text)
            .words
            .into_iter()
            .map(|word| (word.folded.to_string(), word.stem.to_string(), word.break_before))
            .collect()
    }

    #[test]
    fn words_are_folded_stemmed_and_keep_their_place() {
        let text = "The child\u{2019}s views: organization, behavior.";
        let analysis = Analyser::default().analyse(text);
        let folded: Vec<&str> = analysis.words.iter().map(|word| &*word.folded).collect();
        assert_eq!(folded, ["the", "child", "views", "organisation", "behaviour"]);
        assert_eq!(&text[analysis.words[1].span.clone()], "child\u{2019}s");
        assert_eq!(*analysis.words[3].stem, Analyser::default().stem("organisation"));
        assert!(analysis.words[3].clause_break_before, "a colon starts a clause");
        assert!(!analysis.words[2].break_before);
    }

    #[test]
    fn sentences_are_found_and_trimmed() {
        let text = "  Visits were late.  The plan is vague! Why?";
        let analysis = Analyser::default().analyse(text);
        let sentences: Vec<&str> = analysis.sentences.iter().map(|span| &text[span.clone()]).collect();
        assert_eq!(sentences, ["Visits were late.", "The plan is vague!", "Why?"]);
        assert_eq!(analysis.words[2].sentence, 0);
        assert_eq!(analysis.words[3].sentence, 1);
        assert!(analysis.words[3].break_before, "a new sentence is a break");
    }

    #[test]
    fn hyphens_join_and_commas_break() {
        let found = words("well-written, up-to-date");
        let breaks: Vec<bool> = found.iter().map(|(_, _, brk)| *brk).collect();
        assert_eq!(breaks, [true, false, true, false, false]);
    }

    #[test]
    fn odd_text_gives_no_words_and_no_panic() {
        for text in ["", "   ", "…!?", "\u{0}\u{feff}", "🙂🙂"] {
            assert!(words(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn character_offsets_agree_with_counting_from_the_start() {
        for text in ["plain ascii text", "Café visit — the child's «voice» was heard ✓ twice"] {
            let offsets = CharOffsets::new(text);
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(offsets.at(at), char_offset(text, at), "{text:?} at byte {at}");
            }
        }
    }

    #[test]
    fn evidence_from_a_sentence_with_no_full_stops_is_a_window_around_the_words() {
        let text = "word ".repeat(2_000) + "supervision was late " + &"word ".repeat(2_000);
        let start = text.find("supervision").unwrap();
        let excerpt = evidence_excerpt(&text, 0..text.len(), start..start + "supervision".len());
        assert!(excerpt.contains("supervision was late"), "{excerpt}");
        assert!(excerpt.starts_with('…') && excerpt.ends_with('…'), "{excerpt}");
        assert!(excerpt.len() <= EVIDENCE_CHARS + "supervision".len() + 6, "{} bytes", excerpt.len());
        let short = "Supervision was late.";
        assert_eq!(
            evidence_excerpt(short, 0..short.len(), 0..11),
            short,
            "a sentence of normal length is kept whole"
        );
        let leading = "supervision ".to_owned() + &"word ".repeat(200);
        let excerpt = evidence_excerpt(&leading, 0..leading.len(), 0..11);
        assert!(excerpt.starts_with("supervision"), "not cut before the sentence starts: {excerpt}");
    }
}
