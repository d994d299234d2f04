//! Open discovery: what auditors keep writing that the codebook does not name.
//!
//! Candidates are the keyphrase candidates (maximal runs between stopwords, at most four words,
//! grouped by stem), without those a codebook cue already covers. Within each group of
//! narratives (a team, a standard, a grade, a quarter, a polarity…) phrases are scored by
//! class-based TF-IDF: the phrase's share of the group's phrases, times how rare it is across
//! groups, so each group shows what sets it apart. A phrase must occur in at least
//! [`MIN_NARRATIVES`] narratives of the group to be a pattern. Near-duplicates (one phrase's stems
//! inside another's) are merged into the better-ranked one; each phrase comes with quotes chosen
//! for diversity, each linked to its narrative. Between two periods, phrases whose use rose or
//! fell are flagged by the log-likelihood keyness test.
//!
//! A single word that looks like a modifier ("requested", "analytical") is never a pattern on its
//! own, as it names nothing. Two phrases merge only when one's stems lie inside the other's and
//! they share at least half of all their stems, so "transport" and "unreliable transport" merge
//! but a short phrase is not swallowed by every longer one that contains it. Quotes come from
//! `quotes.rs` by maximal marginal relevance, at most one per narrative, gathered in narrative
//! order so that the choice never depends on the order of variants. Equal scores are ordered by
//! the phrase's stems, and keyness by the phrase.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::codebook::Codebook;
use super::keyphrases::{candidates, looks_like_modifier, Candidate, Parts};
use super::quotes::{diverse, QuoteCandidate};
use super::text::{Analyser, Analysis};

/// The fewest narratives a phrase must occur in, within a group, to be reported.
pub const MIN_NARRATIVES: usize = 2;
/// Quotes per phrase.
const QUOTES_PER_PHRASE: usize = 3;
/// The log-likelihood above which a change between periods is flagged (p < 0.05, one degree of freedom).
pub const KEYNESS_THRESHOLD: f64 = 3.84;

/// A narrative to discover phrases in.
#[derive(Debug, Clone, Copy)]
pub struct DiscoveryInput<'a> {
    /// The narrative's identifier.
    pub id: &'a str,
    /// The narrative.
    pub text: &'a str,
    /// The group it belongs to ("" when not grouped).
    pub group: &'a str,
    /// The period it belongs to, for rising and falling phrases ("" when unknown).
    pub period: &'a str,
}

/// A quote: a sentence and the narrative it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The narrative's identifier.
    pub id: String,
    /// The sentence.
    pub sentence: String,
}

/// A phrase found characteristic of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscoveredPhrase {
    /// The phrase as most often written, lower case.
    pub phrase: String,
    /// Its class-based TF-IDF score in the group.
    pub score: f64,
    /// How many narratives of the group use it (or a merged variant).
    pub narratives: usize,
    /// Near-duplicate phrases merged into it.
    pub variants: Vec<String>,
    /// Diverse sentences that use it.
    pub quotes: Vec<Quote>,
}

/// The characteristic phrases of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPhrases {
    /// The group's name.
    pub group: String,
    /// How many narratives it has.
    pub narratives: usize,
    /// The phrases, best first.
    pub phrases: Vec<DiscoveredPhrase>,
}

/// Whether a phrase's use rose or fell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Used by a larger share of narratives in the later period.
    Rising,
    /// Used by a smaller share.
    Falling,
}

/// A phrase whose use changed between two periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The phrase.
    pub phrase: String,
    /// Narratives of the earlier period using it.
    pub earlier: usize,
    /// Narratives of the later period using it.
    pub later: usize,
    /// The log-likelihood (G²) of the difference.
    pub log_likelihood: f64,
    /// Rising or falling.
    pub direction: Direction,
}

/// Discovery's result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Discovery {
    /// Groups in name order.
    pub groups: Vec<GroupPhrases>,
    /// Phrases that rose or fell between the two periods compared, strongest change first.
    pub trends: Vec<Trend>,
}

struct Prepared<'a> {
    input: DiscoveryInput<'a>,
    analysis: Analysis,
    candidates: Vec<Candidate>,
}

/// Finds each group's characteristic phrases (up to `top`) that `codebook` does not cover, and
/// the phrases that rose or fell from period `compare.0` to `compare.1`.
pub fn discover(
    narratives: &[DiscoveryInput<'_>],
    codebook: Option<&Codebook>,
    top: usize,
    compare: Option<(&str, &str)>,
) -> Discovery {
    let analyser = Analyser::default();
    let covered = codebook.map(|codebook| covered_stems(&analyser, codebook)).unwrap_or_default();
    // Whether each distinct phrase is kept, decided once: narratives repeat phrases.
    let mut kept: FxHashMap<String, bool> = FxHashMap::default();
    let prepared: Vec<Prepared<'_>> = narratives
        .iter()
        .map(|input| {
            let analysis = analyser.analyse(input.text);
            let mut found = candidates(&analysis, Parts::OfWholeOnly);
            found.retain(|candidate| {
                candidate.whole
                    && *kept.entry(candidate.key.clone()).or_insert_with(|| {
                        names_something(candidate) && !is_covered(&candidate.stems, &covered)
                    })
            });
            Prepared { input: *input, analysis, candidates: found }
        })
        .collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, narrative) in prepared.iter().enumerate() {
        groups.entry(narrative.input.group).or_default().push(index);
    }
    // Phrase frequency per group, and over all groups. Hash maps only count; every ranking
    // below sorts with explicit tie-breaks.
    let mut per_group: BTreeMap<&str, FxHashMap<&str, f64>> = BTreeMap::new();
    let mut overall: FxHashMap<&str, f64> = FxHashMap::default();
    for (group, members) in &groups {
        let counts = per_group.entry(group).or_default();
        for &member in members {
            for candidate in &prepared[member].candidates {
                *counts.entry(candidate.key.as_str()).or_default() += candidate.frequency;
                *overall.entry(candidate.key.as_str()).or_default() += candidate.frequency;
            }
        }
    }
    // Sums run in key order, so the floating-point result is the same on every platform.
    let per_group: BTreeMap<&str, BTreeMap<&str, f64>> =
        per_group.into_iter().map(|(group, counts)| (group, counts.into_iter().collect())).collect();
    let average_group_size =
        per_group.values().map(|counts| counts.values().copied().sum::<f64>()).sum::<f64>()
            / per_group.len().max(1) as f64;
    let group_phrases = groups
        .iter()
        .map(|(group, members)| {
            let counts = &per_group[group];
            let group_total: f64 = counts.values().sum::<f64>().max(1.0);
            let mut scored: Vec<(f64, &str)> = counts
                .iter()
                .map(|(key, count)| {
                    let rarity = libm::log(1.0 + average_group_size / overall[key]);
                    (count / group_total * rarity, *key)
                })
                .collect();
            scored.sort_by(|(a_score, a_key), (b_score, b_key)| {
                b_score.total_cmp(a_score).then(a_key.cmp(b_key))
            });
            GroupPhrases {
                group: (*group).to_owned(),
                narratives: members.len(),
                phrases: merge_and_quote(&prepared, members, &scored, top),
            }
        })
        .collect();
    let trends = compare.map(|(earlier, later)| trends(&prepared, earlier, later)).unwrap_or_default();
    Discovery { groups: group_phrases, trends }
}

/// Each codebook cue's stems, without marks, and each abbreviation whose expansion a cue covers.
fn covered_stems(analyser: &Analyser, codebook: &Codebook) -> Vec<Vec<Arc<str>>> {
    let stems_of = |text: &str| -> Vec<Arc<str>> {
        analyser
            .analyse(text.trim_start_matches(['~', '?']))
            .words
            .into_iter()
            .map(|word| word.stem)
            .collect()
    };
    let mut covered: Vec<Vec<Arc<str>>> = codebook
        .themes
        .iter()
        .flat_map(|theme| &theme.cues)
        .map(|cue| stems_of(cue))
        .filter(|stems| !stems.is_empty())
        .collect();
    for (abbreviation, expansion) in &codebook.abbreviations {
        if is_covered(&stems_of(expansion), &covered) {
            covered.push(stems_of(abbreviation));
        }
    }
    covered
}

/// Whether a cue's stems appear, in order and together, within the phrase's stems, or the phrase
/// is itself part of a cue ("plan" of "care plan").
fn is_covered(stems: &[Arc<str>], covered: &[Vec<Arc<str>>]) -> bool {
    let within = |outer: &[Arc<str>], inner: &[Arc<str>]| {
        inner.len() <= outer.len() && outer.windows(inner.len()).any(|window| window == inner)
    };
    covered.iter().any(|cue| within(stems, cue) || within(cue, stems))
}

/// Whether a candidate can name a pattern: a single word must look like a noun, since "requested"
/// or "analytical" alone say nothing about what was found.
fn names_something(candidate: &Candidate) -> bool {
    candidate.stems.len() > 1 || !looks_like_modifier(&candidate.last_word)
}

/// Merges near-duplicates into the better-ranked phrase, keeps those used in enough narratives,
/// and picks quotes, up to `top` phrases.
fn merge_and_quote<'a>(
    prepared: &'a [Prepared<'_>],
    members: &[usize],
    scored: &[(f64, &'a str)],
    top: usize,
) -> Vec<DiscoveredPhrase> {
    // Which of the group's narratives use each phrase, in narrative order.
    let mut uses: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &member in members {
        for candidate in &prepared[member].candidates {
            uses.entry(candidate.key.as_str()).or_default().push(member);
        }
    }
    // Near-duplicates: one's stems inside the other's, sharing at least half of them all.
    let near = |one: &BTreeSet<&str>, other: &BTreeSet<&str>| {
        let nested = one.is_subset(other) || other.is_subset(one);
        let union = one.union(other).count().max(1);
        nested && one.intersection(other).count() as f64 / union as f64 >= 0.5
    };
    // Heads, best first: phrases used in enough narratives and not close to a better one.
    let mut heads: Vec<(f64, BTreeSet<&str>, Vec<&str>)> = Vec::new();
    for &(score, key) in scored {
        if heads.len() == top {
            break;
        }
        let stems: BTreeSet<&str> = key.split(' ').collect();
        let used = uses.get(key).map_or(0, Vec::len);
        if used >= MIN_NARRATIVES && !heads.iter().any(|(_, head, _)| near(head, &stems)) {
            heads.push((score, stems, vec![key]));
        }
    }
    // Every other phrase joins the first head it nearly duplicates.
    for &(_, key) in scored {
        if heads.iter().any(|(_, _, keys)| keys[0] == key) {
            continue;
        }
        let stems: BTreeSet<&str> = key.split(' ').collect();
        if let Some((_, _, keys)) = heads.iter_mut().find(|(_, head, _)| near(head, &stems)) {
            keys.push(key);
        }
    }
    heads
        .into_iter()
        .map(|(score, _, keys)| {
            let mut surfaces: Vec<String> = Vec::new();
            let mut using: BTreeSet<usize> = BTreeSet::new();
            let mut quotes: Vec<QuoteCandidate> = Vec::new();
            for key in &keys {
                for &member in uses.get(key).map_or(&[][..], Vec::as_slice) {
                    let narrative = &prepared[member];
                    let Some(candidate) = narrative.candidates.iter().find(|candidate| candidate.key == *key)
                    else {
                        continue;
                    };
                    let surface = candidate.surface(narrative.input.text);
                    if !surfaces.contains(&surface) {
                        surfaces.push(surface);
                    }
                    using.insert(member);
                    for &(start, _) in &candidate.spans {
                        if let Some(quote) = sentence_at(narrative, member, start) {
                            quotes.push(quote);
                        }
                    }
                }
            }
            // Quotes in narrative order, so the choice does not depend on the order of variants.
            quotes.sort_by_key(|quote| quote.narrative);
            let picked = diverse(&quotes, QUOTES_PER_PHRASE);
            DiscoveredPhrase {
                phrase: surfaces.first().cloned().unwrap_or_default(),
                score,
                narratives: using.len(),
                variants: surfaces.into_iter().skip(1).collect(),
                quotes: picked
                    .into_iter()
                    .map(|index| Quote {
                        id: prepared[quotes[index].narrative].input.id.to_owned(),
                        sentence: quotes[index].sentence.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The sentence holding byte `start`, as a quote candidate. Shorter sentences are more quotable.
fn sentence_at(narrative: &Prepared<'_>, member: usize, start: usize) -> Option<QuoteCandidate> {
    let (index, span) =
        narrative.analysis.sentences.iter().enumerate().find(|(_, span)| span.contains(&start))?;
    let stems: BTreeSet<Arc<str>> = narrative
        .analysis
        .words
        .iter()
        .filter(|word| word.sentence == index)
        .map(|word| word.stem.clone())
        .collect();
    let relevance = 1.0 / (1.0 + stems.len() as f64 / 20.0);
    Some(QuoteCandidate {
        narrative: member,
        sentence: narrative.input.text[span.clone()].to_owned(),
        stems,
        relevance,
    })
}

/// Log-likelihood keyness of each phrase between the narratives of two periods.
fn trends(prepared: &[Prepared<'_>], earlier: &str, later: &str) -> Vec<Trend> {
    let in_period =
        |period: &str| prepared.iter().filter(|narrative| narrative.input.period == period).count();
    let (earlier_total, later_total) = (in_period(earlier) as f64, in_period(later) as f64);
    if earlier_total == 0.0 || later_total == 0.0 {
        return Vec::new();
    }
    let mut uses: BTreeMap<&str, (usize, usize, &Candidate, &str)> = BTreeMap::new();
    for narrative in prepared {
        let period = narrative.input.period;
        if period != earlier && period != later {
            continue;
        }
        for candidate in &narrative.candidates {
            let entry = uses.entry(candidate.key.as_str()).or_insert((0, 0, candidate, narrative.input.text));
            if period == earlier {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut found: Vec<Trend> = uses
        .into_values()
        .filter_map(|(before, after, candidate, text)| {
            let log_likelihood = log_likelihood(before as f64, after as f64, earlier_total, later_total);
            (log_likelihood >= KEYNESS_THRESHOLD).then(|| Trend {
                phrase: candidate.surface(text),
                earlier: before,
                later: after,
                log_likelihood,
                direction: if after as f64 / later_total > before as f64 / earlier_total {
                    Direction::Rising
                } else {
                    Direction::Falling
                },
            })
        })
        .collect();
    found.sort_by(|a, b| b.log_likelihood.total_cmp(&a.log_likelihood).then_with(|| a.phrase.cmp(&b.phrase)));
    found
}

/// Dunning's log-likelihood G² for a count in two corpora of the given sizes.
fn log_likelihood(in_first: f64, in_second: f64, first_size: f64, second_size: f64) -> f64 {
    let combined = (in_first + in_second) / (first_size + second_size);
    let term = |observed: f64, expected: f64| {
        if observed > 0.0 {
            observed * libm::log(observed / expected)
        } else {
            0.0
        }
    };
    2.0 * (term(in_first, first_size * combined) + term(in_second, second_size * combined))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{discover, log_likelihood, Direction, DiscoveryInput};
    use crate::Codebook;

    fn input<'a>(id: &'a str, text: &'a str, group: &'a str, period: &'a str) -> DiscoveryInput<'a> {
        DiscoveryInput { id, text, group, period }
    }

    #[test]
    fn log_likelihood_matches_a_worked_example() {
        // 10 in 100 against 30 in 100: G² = 10.465 (Rayson and Garside's formula).
        assert!((log_likelihood(10.0, 30.0, 100.0, 100.0) - 10.465).abs() < 0.001);
        assert_eq!(log_likelihood(5.0, 5.0, 50.0, 50.0), 0.0);
    }

    #[test]
    fn groups_show_uncovered_phrases_with_diverse_quotes() {
        let narratives = [
            input("a", "Transport to school was unreliable. The chronology is missing.", "CIN", "2024-Q1"),
            input("b", "Transport was late again.", "CIN", "2024-Q1"),
            input("c", "Unreliable transport, again.", "CIN", "2024-Q2"),
            input("d", "Respite care was arranged quickly.", "CiC", "2024-Q2"),
            input("e", "Respite care has given the carers a break.", "CiC", "2024-Q2"),
        ];
        let discovery = discover(&narratives, Some(&Codebook::builtin()), 5, None);
        let groups: Vec<(&str, Vec<&str>)> = discovery
            .groups
            .iter()
            .map(|group| {
                (group.group.as_str(), group.phrases.iter().map(|phrase| phrase.phrase.as_str()).collect())
            })
            .collect();
        assert_eq!(groups, [("CIN", vec!["transport"]), ("CiC", vec!["respite care"])]);
        let transport = &discovery.groups[0].phrases[0];
        assert_eq!(transport.narratives, 3);
        assert_eq!(transport.variants, ["unreliable transport"]);
        let quoted: Vec<&str> = transport.quotes.iter().map(|quote| quote.id.as_str()).collect();
        assert_eq!(quoted.len(), 3, "every narrative using it can be quoted once: {quoted:?}");
        assert!(discovery.trends.is_empty());
    }

    #[test]
    fn rising_phrases_are_flagged_between_periods() {
        let mut narratives = Vec::new();
        let ids: Vec<String> = (0..40).map(|index| format!("n{index}")).collect();
        for (index, id) in ids.iter().enumerate() {
            let (text, period) = match index {
                0..=19 => ("Routine visit completed.", "Q1"),
                _ => ("Cost of living pressures noted.", "Q2"),
            };
            narratives.push(input(id, text, "", period));
        }
        let discovery = discover(&narratives, None, 5, Some(("Q1", "Q2")));
        let rising: Vec<&str> = discovery
            .trends
            .iter()
            .filter(|trend| trend.direction == Direction::Rising)
            .map(|trend| trend.phrase.as_str())
            .collect();
        assert_eq!(rising, ["cost", "living pressures noted"]);
        assert!(discovery
            .trends
            .iter()
            .any(|trend| trend.phrase == "routine visit completed" && trend.direction == Direction::Falling));
    }
}
