//! Scoring the tagger against narratives labelled by people.
//!
//! Per narrative, the predicted set of (theme, polarity) pairs is compared with the labelled set;
//! precision, recall and F1 are micro-averaged over all narratives. Also: theme-only F1 (polarity
//! ignored), polarity accuracy on the themes found (predicted themes the labels also have), and
//! the share of those whose first quoted sentence is one of the labelled evidence sentences.
//! Keyphrases are scored by F1 at 10 against the SemEval-2017 phrases, on stems.
//!
//! The estimate for unseen narratives ([`TagScores::estimate_unseen`]) guards against rules fitted
//! to single narratives. A rule (a cue or a judgement word) that matches one labelled narrative and
//! no other was probably written while reading it, so each narrative is tagged again without its
//! single-use rules, as if they had never been written, in the manner of leave-one-out
//! cross-validation. The estimate is pessimistic: domain words that simply happen to occur once
//! (a legal order, a condition) are left out too. `lens themes eval` prints it beside the scores
//! with the rules it left out.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{ThemeModel, TrainingSettings, XorShift};
use super::tagger::{Polarity, Rule, Tagger, Tagging};

/// A narrative with the themes people found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledNarrative {
    /// The narrative's identifier.
    pub id: String,
    /// The narrative.
    pub text: String,
    /// Each labelled theme, its polarity and the sentences that evidence it.
    pub labels: Vec<(String, Polarity, Vec<String>)>,
}

/// A narrative where the tagger and the labels differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The narrative's identifier.
    pub id: String,
    /// Labelled pairs the tagger did not find.
    pub missed: Vec<(String, Polarity)>,
    /// Pairs the tagger found that are not labelled.
    pub extra: Vec<(String, Polarity)>,
    /// For each extra pair, the words quoted as its evidence.
    pub extra_words: Vec<Vec<String>>,
}

/// Scores on a labelled set as if its narratives were unseen, and the rules that made the difference.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnseenEstimate {
    /// The scores with each narrative's single-use rules left out.
    pub scores: TagScores,
    /// Each rule that matches only one narrative: that narrative's id and the rule.
    pub single_use: Vec<(String, String)>,
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts {
    /// Found and labelled.
    pub true_positives: usize,
    /// Found, not labelled.
    pub false_positives: usize,
    /// Labelled, not found.
    pub false_negatives: usize,
}

impl Counts {
    /// True positives over everything found.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    /// True positives over everything labelled.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.true_positives, 2 * self.true_positives + self.false_positives + self.false_negatives)
    }

    fn add(&mut self, predicted: &BTreeSet<(String, Polarity)>, gold: &BTreeSet<(String, Polarity)>) {
        let found = predicted.intersection(gold).count();
        self.true_positives += found;
        self.false_positives += predicted.len() - found;
        self.false_negatives += gold.len() - found;
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// The tagger's scores on a labelled set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TagScores {
    /// Narratives scored.
    pub narratives: usize,
    /// (theme, polarity) pairs, micro-averaged.
    pub pairs: Counts,
    /// Themes with polarity ignored, micro-averaged.
    pub themes: Counts,
    /// Predicted themes the labels also have.
    pub themes_found: usize,
    /// Of those, how many have the labelled polarity.
    pub polarity_correct: usize,
    /// Of those, how many quote a labelled evidence sentence first.
    pub evidence_matched: usize,
    /// Per theme in codebook order: its (theme, polarity) counts.
    pub per_theme: Vec<(String, Counts)>,
    /// The narratives where tagger and labels differ.
    pub mismatches: Vec<Mismatch>,
}

impl TagScores {
    /// Tags every narrative and scores the result.
    pub fn score(tagger: &Tagger, narratives: &[LabelledNarrative]) -> Self {
        let mut scores = Self::empty(tagger);
        for narrative in narratives {
            scores.add(narrative, &tagger.tag(&narrative.text, None));
        }
        scores
    }

    /// Scores as if every narrative were unseen: each is tagged without the rules (cues and
    /// judgement words) that match it and no other narrative of the set. A rule written while
    /// reading one narrative matches that one; leaving it out estimates what the rules give on
    /// narratives they were not written against, as leave-one-out cross-validation would.
    pub fn estimate_unseen(tagger: &Tagger, narratives: &[LabelledNarrative]) -> UnseenEstimate {
        let found: Vec<Vec<Rule>> =
            narratives.iter().map(|narrative| tagger.rules_found(&narrative.text)).collect();
        let mut narratives_matched: BTreeMap<Rule, usize> = BTreeMap::new();
        for rule in found.iter().flatten() {
            *narratives_matched.entry(*rule).or_default() += 1;
        }
        let mut estimate = UnseenEstimate { scores: Self::empty(tagger), single_use: Vec::new() };
        for (narrative, rules) in narratives.iter().zip(&found) {
            let own: Vec<Rule> = rules.iter().copied().filter(|rule| narratives_matched[rule] == 1).collect();
            let tagging = if own.is_empty() {
                tagger.tag(&narrative.text, None)
            } else {
                tagger.without(&own).tag(&narrative.text, None)
            };
            estimate.scores.add(narrative, &tagging);
            estimate
                .single_use
                .extend(own.into_iter().map(|rule| (narrative.id.clone(), tagger.describe(rule))));
        }
        estimate
    }

    fn empty(tagger: &Tagger) -> Self {
        Self {
            per_theme: tagger
                .codebook()
                .themes
                .iter()
                .map(|theme| (theme.id.clone(), Counts::default()))
                .collect(),
            ..Self::default()
        }
    }

    /// Adds one narrative's tagging to the scores.
    fn add(&mut self, narrative: &LabelledNarrative, tagging: &Tagging) {
        let predicted: BTreeSet<(String, Polarity)> =
            tagging.themes.iter().map(|finding| (finding.theme.clone(), finding.polarity)).collect();
        let gold: BTreeSet<(String, Polarity)> =
            narrative.labels.iter().map(|(theme, polarity, _)| (theme.clone(), *polarity)).collect();
        self.narratives += 1;
        self.pairs.add(&predicted, &gold);
        let only_themes = |pairs: &BTreeSet<(String, Polarity)>| -> BTreeSet<(String, Polarity)> {
            pairs.iter().map(|(theme, _)| (theme.clone(), Polarity::Strength)).collect()
        };
        self.themes.add(&only_themes(&predicted), &only_themes(&gold));
        for (theme, counts) in &mut self.per_theme {
            let of_theme = |pairs: &BTreeSet<(String, Polarity)>| -> BTreeSet<(String, Polarity)> {
                pairs.iter().filter(|(id, _)| id == theme).cloned().collect()
            };
            counts.add(&of_theme(&predicted), &of_theme(&gold));
        }
        for finding in &tagging.themes {
            let Some((_, polarity, sentences)) =
                narrative.labels.iter().find(|(theme, _, _)| *theme == finding.theme)
            else {
                continue;
            };
            self.themes_found += 1;
            self.polarity_correct += usize::from(*polarity == finding.polarity);
            let first_quote = finding.evidence.first().map(|evidence| evidence.sentence.as_str());
            self.evidence_matched +=
                usize::from(first_quote.is_some_and(|quote| sentences.iter().any(|s| s == quote)));
        }
        if predicted != gold {
            let extra: Vec<(String, Polarity)> = predicted.difference(&gold).cloned().collect();
            let extra_words = extra
                .iter()
                .map(|(theme, _)| {
                    let finding = tagging.themes.iter().find(|finding| finding.theme == *theme);
                    finding
                        .map(|finding| {
                            finding
                                .evidence
                                .iter()
                                .map(|evidence| {
                                    narrative
                                        .text
                                        .chars()
                                        .skip(evidence.start)
                                        .take(evidence.end - evidence.start)
                                        .collect()
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect();
            self.mismatches.push(Mismatch {
                id: narrative.id.clone(),
                missed: gold.difference(&predicted).cloned().collect(),
                extra,
                extra_words,
            });
        }
    }

    /// Polarity accuracy on the themes found.
    pub fn polarity_accuracy(&self) -> f64 {
        ratio(self.polarity_correct, self.themes_found)
    }

    /// The share of found themes that quote a labelled evidence sentence.
    pub fn evidence_share(&self) -> f64 {
        ratio(self.evidence_matched, self.themes_found)
    }
}

/// Scores of a model on narratives it was not trained on, by k-fold cross-validation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CrossValidation {
    /// How many folds.
    pub folds: usize,
    /// Every narrative scored by the model trained without its fold.
    pub scores: TagScores,
    /// The same scores for each source of narratives (the part of the id before its first `-`).
    pub by_source: Vec<(String, TagScores)>,
}

/// The source of a labelled narrative: the part of its id before the first `-` ("qa", "dvr").
pub fn source_of(id: &str) -> &str {
    id.split_once('-').map_or(id, |(source, _)| source)
}

impl TagScores {
    /// Cross-validates the model by narrative: the narratives are put in `folds` folds, each
    /// source and first labelled theme spread evenly across them in an order `seed` fixes; each
    /// fold is tagged by a model trained on the others, with the codebook's cues as its signals.
    pub fn cross_validate(
        codebook: &super::Codebook,
        narratives: &[LabelledNarrative],
        folds: usize,
        settings: &TrainingSettings,
    ) -> CrossValidation {
        let folds = folds.max(2);
        let fold_of = assign_folds(narratives, folds, settings.seed);
        let rules = Tagger::rules_only(codebook);
        let mut sources: Vec<String> = narratives.iter().map(|n| source_of(&n.id).to_owned()).collect();
        sources.sort_unstable();
        sources.dedup();
        let mut validation = CrossValidation {
            folds,
            scores: Self::empty(&rules),
            by_source: sources.into_iter().map(|source| (source, Self::empty(&rules))).collect(),
        };
        for fold in 0..folds {
            let training: Vec<LabelledNarrative> = narratives
                .iter()
                .zip(&fold_of)
                .filter(|(_, of)| **of != fold)
                .map(|(narrative, _)| narrative.clone())
                .collect();
            let model = ThemeModel::train(&rules, &training, settings);
            let tagger = Tagger::rules_only(codebook).with_model(model);
            for (narrative, _) in narratives.iter().zip(&fold_of).filter(|(_, of)| **of == fold) {
                let tagging = tagger.tag(&narrative.text, None);
                validation.scores.add(narrative, &tagging);
                if let Some((_, scores)) =
                    validation.by_source.iter_mut().find(|(source, _)| source == source_of(&narrative.id))
                {
                    scores.add(narrative, &tagging);
                }
            }
        }
        validation
    }
}

/// Each narrative's fold: narratives are ordered by source, then first labelled theme, then a
/// seeded shuffle, and dealt round the folds in that order.
fn assign_folds(narratives: &[LabelledNarrative], folds: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..narratives.len()).collect();
    XorShift::new(seed).shuffle(&mut order);
    let stratum = |index: &usize| {
        let narrative = &narratives[*index];
        let first_theme = narrative.labels.first().map_or("", |(theme, _, _)| theme.as_str());
        (source_of(&narrative.id), first_theme)
    };
    // A stable sort keeps the shuffled order within each stratum.
    order.sort_by(|one, other| stratum(one).cmp(&stratum(other)));
    let mut fold_of = vec![0; narratives.len()];
    for (position, index) in order.into_iter().enumerate() {
        fold_of[index] = position % folds;
    }
    fold_of
}

/// Keyphrase precision, recall and F1 at `k`, macro-averaged over documents, as the SemEval
/// protocol scores them: phrases lower-cased and stemmed word by word, duplicates (by stems)
/// dropped keeping rank order, cut at `k`, exact matches with the stemmed gold phrases counted.
/// Each document is its predicted phrases, best first, and its gold phrases.
pub fn keyphrase_f1_at(documents: &[(Vec<String>, Vec<String>)], k: usize) -> (f64, f64, f64) {
    let analyser = super::text::Analyser::default();
    let stemmed = |phrase: &str| -> String {
        phrase.to_lowercase().split_whitespace().map(|word| analyser.stem(word)).collect::<Vec<_>>().join(" ")
    };
    let (mut precision, mut recall, mut f1) = (0.0, 0.0, 0.0);
    for (predicted, gold) in documents {
        let mut seen: Vec<String> = Vec::new();
        for phrase in predicted {
            let key = stemmed(phrase);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        seen.truncate(k);
        let gold: BTreeSet<String> = gold.iter().map(|phrase| stemmed(phrase)).collect();
        let hits = seen.iter().filter(|key| gold.contains(*key)).count();
        let p = hits as f64 / k as f64;
        let r = ratio(hits, gold.len());
        precision += p;
        recall += r;
        f1 += if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    }
    let n = documents.len().max(1) as f64;
    (precision / n, recall / n, f1 / n)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{LabelledNarrative, TagScores};
    use crate::{Codebook, CodebookTheme, Polarity, Tagger};

    fn chronology_strength(id: &str, text: &str) -> LabelledNarrative {
        LabelledNarrative {
            id: id.to_owned(),
            text: text.to_owned(),
            labels: vec![("chronology".to_owned(), Polarity::Strength, vec![text.to_owned()])],
        }
    }

    #[test]
    fn the_unseen_estimate_leaves_out_rules_only_one_narrative_uses() {
        let theme = CodebookTheme {
            id: "chronology".to_owned(),
            label: "Chronology".to_owned(),
            description: String::new(),
            cues: vec!["chronology".to_owned(), "genogram".to_owned()],
        };
        let tagger = Tagger::rules_only(&Codebook::new("test", vec![theme], Vec::new()).unwrap());
        let narratives = [
            chronology_strength("a", "The chronology is clear."),
            chronology_strength("b", "The chronology is clear and current."),
            chronology_strength("c", "The genogram is clear."),
        ];
        let seen = TagScores::score(&tagger, &narratives);
        assert_eq!((seen.pairs.true_positives, seen.pairs.false_negatives), (3, 0));

        let estimate = TagScores::estimate_unseen(&tagger, &narratives);
        assert_eq!((estimate.scores.pairs.true_positives, estimate.scores.pairs.false_negatives), (2, 1));
        assert_eq!(estimate.scores.mismatches[0].id, "c");
        assert_eq!(
            estimate.single_use,
            [
                ("b".to_owned(), "judgement word 'current'".to_owned()),
                ("c".to_owned(), "cue 'genogram' of chronology".to_owned()),
            ]
        );
    }
}
