//! Stopwords: the words a phrase never starts, ends or runs through.
//!
//! The base is NLTK's English list (from the stop-words crate). Candidate phrases need a wider
//! net, as the classical keyphrase studies found with the SMART list: reporting verbs, vague
//! quantities and connecting adverbs ("shown", "several", "however") split phrases too. Those are
//! added here; content words are never added, so "risk" or "plan" can start a phrase.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Function words beyond NLTK's list that end a candidate phrase.
const EXTRA: &[&str] = &[
    "also",
    "although",
    "always",
    "among",
    "amongst",
    "another",
    "anyone",
    "anything",
    "around",
    "away",
    "based",
    "became",
    "become",
    "becomes",
    "besides",
    "beyond",
    "can",
    "cannot",
    "could",
    "currently",
    "despite",
    "due",
    "e.g",
    "eg",
    "either",
    "else",
    "enough",
    "especially",
    "et",
    "al",
    "etc",
    "even",
    "ever",
    "every",
    "everything",
    "far",
    "first",
    "found",
    "furthermore",
    "given",
    "gives",
    "however",
    "i.e",
    "ie",
    "instead",
    "itself",
    "just",
    "known",
    "less",
    "like",
    "likely",
    "made",
    "mainly",
    "make",
    "makes",
    "many",
    "may",
    "might",
    "moreover",
    "much",
    "must",
    "near",
    "nearly",
    "need",
    "needs",
    "never",
    "nevertheless",
    "often",
    "one",
    "ones",
    "onto",
    "otherwise",
    "overall",
    "perhaps",
    "possible",
    "rather",
    "really",
    "respectively",
    "said",
    "say",
    "see",
    "seem",
    "seems",
    "several",
    "shall",
    "shown",
    "shows",
    "show",
    "showed",
    "since",
    "something",
    "still",
    "thereby",
    "therefore",
    "thus",
    "toward",
    "towards",
    "two",
    "upon",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "usually",
    "via",
    "well",
    "whether",
    "within",
    "without",
    "would",
    "yet",
    "whose",
    "whereas",
    "whilst",
    "while",
    "according",
    "able",
    "already",
    "almost",
    "across",
    "although",
    "quite",
    "less",
    "least",
    "various",
    "obtained",
    "proposed",
    "presented",
    "described",
    "considered",
    "allows",
    "allow",
    "provide",
    "provides",
    "provided",
    "different",
    "new",
    "recent",
    "recently",
    "particular",
    "certain",
    "three",
    "four",
    "five",
    "way",
    "ways",
    "thereof",
    "herein",
    "hence",
    "whereby",
    "fig",
    "figure",
    "table",
    "paper",
];

/// Hashed with Fx: every word of every narrative is looked up here.
fn list() -> &'static FxHashSet<&'static str> {
    static LIST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| stop_words::get("en").iter().copied().chain(EXTRA.iter().copied()).collect())
}

/// Whether a folded word is a stopword.
pub(crate) fn is_stopword(folded: &str) -> bool {
    list().contains(folded)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::is_stopword;

    #[test]
    fn function_words_stop_and_content_words_do_not() {
        for word in ["the", "of", "however", "shown", "several", "would"] {
            assert!(is_stopword(word), "{word}");
        }
        for word in ["risk", "plan", "lattice", "chronology", "supervision"] {
            assert!(!is_stopword(word), "{word}");
        }
    }
}
