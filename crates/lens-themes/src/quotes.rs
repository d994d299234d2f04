//! Choosing quotes that say different things: maximal marginal relevance over sentences.
//!
//! Each pick maximises `LAMBDA × relevance − (1 − LAMBDA) × the highest similarity to a quote
//! already picked`, with `LAMBDA` 0.6 and similarity the Jaccard overlap of the sentences' stems.
//! A narrative is quoted at most once and a sentence never twice, so the quotes of a theme or a
//! phrase come from different narratives. Ties go to the earlier candidate, so the same input
//! always gives the same quotes.

use std::collections::BTreeSet;
use std::sync::Arc;

/// The weight of relevance against novelty.
const LAMBDA: f64 = 0.6;

/// A sentence that may be quoted.
#[derive(Debug, Clone)]
pub(crate) struct QuoteCandidate {
    /// The narrative it comes from.
    pub(crate) narrative: usize,
    /// The sentence.
    pub(crate) sentence: String,
    /// Its stems, for similarity.
    pub(crate) stems: BTreeSet<Arc<str>>,
    /// How well it represents what is being quoted, from 0 to 1.
    pub(crate) relevance: f64,
}

fn similarity(one: &BTreeSet<Arc<str>>, other: &BTreeSet<Arc<str>>) -> f64 {
    let union = one.union(other).count();
    if union == 0 {
        return 0.0;
    }
    one.intersection(other).count() as f64 / union as f64
}

/// Up to `count` candidates, by maximal marginal relevance, at most one per narrative.
pub(crate) fn diverse(candidates: &[QuoteCandidate], count: usize) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < count {
        let mut best: Option<(f64, usize)> = None;
        for (index, candidate) in candidates.iter().enumerate() {
            // One quote per narrative, and never the same sentence twice.
            let repeats = picked.iter().any(|&chosen| {
                candidates[chosen].narrative == candidate.narrative
                    || candidates[chosen].sentence == candidate.sentence
            });
            if repeats {
                continue;
            }
            let redundancy = picked
                .iter()
                .map(|&chosen| similarity(&candidates[chosen].stems, &candidate.stems))
                .fold(0.0, f64::max);
            let value = LAMBDA * candidate.relevance - (1.0 - LAMBDA) * redundancy;
            if best.is_none_or(|(best_value, _)| value > best_value) {
                best = Some((value, index));
            }
        }
        match best {
            Some((_, index)) => picked.push(index),
            None => break,
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{diverse, QuoteCandidate};

    fn candidate(narrative: usize, sentence: &str, relevance: f64) -> QuoteCandidate {
        QuoteCandidate {
            narrative,
            sentence: sentence.to_owned(),
            stems: sentence.split_whitespace().map(Into::into).collect(),
            relevance,
        }
    }

    #[test]
    fn the_second_quote_says_something_else() {
        let candidates = [
            candidate(0, "no chronology on file", 1.0),
            candidate(1, "no chronology on file again", 0.95),
            candidate(2, "chronology not updated since May", 0.9),
            candidate(2, "chronology is a list", 1.0),
        ];
        assert_eq!(diverse(&candidates, 2), [0, 3]);
        assert_eq!(diverse(&candidates, 5), [0, 3, 1], "narrative 2 is quoted once");
        assert!(diverse(&[], 3).is_empty());
    }
}
