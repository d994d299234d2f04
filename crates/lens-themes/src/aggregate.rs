//! Aggregates for reports: per theme and polarity, how many narratives and audits, what share,
//! the trend by month, the split by any metadata field, and quotes that say different things,
//! chosen among at most [`QUOTE_POOL`] narratives spread evenly through each theme's.
//!
//! Everything is ordered explicitly (most narratives first, then theme order, then polarity;
//! months and field values in text order), so the same tagged narratives always give the same
//! report, natively and in WebAssembly.

use std::collections::{BTreeMap, BTreeSet};

use super::quotes::{diverse, QuoteCandidate};
use super::tagger::{Polarity, Tagging};
use super::text::Analyser;

/// A tagged narrative with what a report groups it by.
#[derive(Debug, Clone, Copy)]
pub struct TaggedNarrative<'a> {
    /// The narrative's identifier.
    pub id: &'a str,
    /// The audit it belongs to (several narratives can share one).
    pub audit: &'a str,
    /// Its month, `YYYY-MM` ("" when unknown).
    pub month: &'a str,
    /// The value of the field the report is split by ("" when not split).
    pub split: &'a str,
    /// What the tagger found.
    pub tagging: &'a Tagging,
}

/// One theme and polarity across a set of narratives.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeAggregate {
    /// The theme's identifier.
    pub theme: String,
    /// Strength or concern.
    pub polarity: Polarity,
    /// Narratives expressing it.
    pub narratives: usize,
    /// Distinct audits among them.
    pub audits: usize,
    /// `narratives` over all narratives aggregated.
    pub share: f64,
    /// Narratives per month, in month order.
    pub by_month: Vec<(String, usize)>,
    /// Narratives per value of the split field, in value order.
    pub by_split: Vec<(String, usize)>,
    /// Diverse evidence sentences: (narrative id, sentence).
    pub quotes: Vec<(String, String)>,
}

/// The most narratives of one theme and polarity whose sentences are considered as quotes.
pub const QUOTE_POOL: usize = 256;

/// A theme's place in the codebook, its id and a polarity.
type GroupKey = (usize, String, Polarity);
/// A narrative's index and its evidence sentences for one theme.
type Member<'a> = (usize, Vec<&'a str>);

/// Aggregates tagged narratives, in the order given by `theme_order` (codebook ids), with up to
/// `quotes` quotes each.
pub fn aggregate(
    narratives: &[TaggedNarrative<'_>],
    theme_order: &[&str],
    quotes: usize,
) -> Vec<ThemeAggregate> {
    let analyser = Analyser::default();
    let position = |theme: &str| theme_order.iter().position(|id| *id == theme).unwrap_or(theme_order.len());
    let mut groups: BTreeMap<GroupKey, Vec<Member<'_>>> = BTreeMap::new();
    for (index, narrative) in narratives.iter().enumerate() {
        for finding in &narrative.tagging.themes {
            let sentences = finding.evidence.iter().map(|evidence| evidence.sentence.as_str()).collect();
            groups
                .entry((position(&finding.theme), finding.theme.clone(), finding.polarity))
                .or_default()
                .push((index, sentences));
        }
    }
    let total = narratives.len().max(1) as f64;
    let mut aggregates: Vec<ThemeAggregate> = groups
        .into_iter()
        .map(|((_, theme, polarity), members)| {
            let audits: BTreeSet<&str> = members.iter().map(|(index, _)| narratives[*index].audit).collect();
            let mut by_month: BTreeMap<String, usize> = BTreeMap::new();
            let mut by_split: BTreeMap<String, usize> = BTreeMap::new();
            let mut candidates: Vec<QuoteCandidate> = Vec::new();
            // Quotes are chosen from members spread evenly through the group, at most
            // QUOTE_POOL of them: choosing among every sentence of a theme found in tens of
            // thousands of narratives would cost more than all the counting.
            let stride = members.len().div_ceil(QUOTE_POOL).max(1);
            for (position, (index, sentences)) in members.iter().enumerate() {
                let narrative = &narratives[*index];
                *by_month.entry(narrative.month.to_owned()).or_default() += 1;
                *by_split.entry(narrative.split.to_owned()).or_default() += 1;
                if position % stride != 0 {
                    continue;
                }
                for sentence in sentences {
                    let stems = analyser.analyse(sentence).words.into_iter().map(|word| word.stem).collect();
                    candidates.push(QuoteCandidate {
                        narrative: *index,
                        sentence: (*sentence).to_owned(),
                        stems,
                        relevance: 1.0,
                    });
                }
            }
            let picked = diverse(&candidates, quotes);
            ThemeAggregate {
                theme,
                polarity,
                narratives: members.len(),
                audits: audits.len(),
                share: members.len() as f64 / total,
                by_month: by_month.into_iter().collect(),
                by_split: by_split.into_iter().collect(),
                quotes: picked
                    .into_iter()
                    .map(|index| {
                        (
                            narratives[candidates[index].narrative].id.to_owned(),
                            candidates[index].sentence.clone(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    // Most narratives first; the map's order (theme order, then polarity) breaks ties.
    aggregates.sort_by_key(|aggregate| std::cmp::Reverse(aggregate.narratives));
    aggregates
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{aggregate, TaggedNarrative};
    use crate::{Codebook, Polarity, Tagger};

    #[test]
    fn counts_shares_months_splits_and_quotes() {
        let tagger = Tagger::new(&Codebook::builtin());
        let rows = [
            ("n1", "a1", "2024-04", "CIN", "There is no chronology on file."),
            ("n2", "a1", "2024-04", "CIN", "The chronology is out of date."),
            ("n3", "a2", "2024-05", "CP", "No chronology on file."),
            ("n4", "a3", "2024-05", "CP", "An excellent, up-to-date chronology."),
        ];
        let taggings: Vec<_> = rows.iter().map(|row| tagger.tag(row.4, None)).collect();
        let narratives: Vec<TaggedNarrative<'_>> = rows
            .iter()
            .zip(&taggings)
            .map(|(row, tagging)| TaggedNarrative {
                id: row.0,
                audit: row.1,
                month: row.2,
                split: row.3,
                tagging,
            })
            .collect();
        let order: Vec<&str> = tagger.codebook().themes.iter().map(|theme| theme.id.as_str()).collect();
        let aggregates = aggregate(&narratives, &order, 2);
        let summary: Vec<(&str, Polarity, usize, usize)> = aggregates
            .iter()
            .map(|aggregate| {
                (aggregate.theme.as_str(), aggregate.polarity, aggregate.narratives, aggregate.audits)
            })
            .collect();
        assert_eq!(
            summary,
            [("chronology", Polarity::Concern, 3, 2), ("chronology", Polarity::Strength, 1, 1)]
        );
        let concern = &aggregates[0];
        assert_eq!(concern.share, 0.75);
        assert_eq!(concern.by_month, [("2024-04".to_owned(), 2), ("2024-05".to_owned(), 1)]);
        assert_eq!(concern.by_split, [("CIN".to_owned(), 2), ("CP".to_owned(), 1)]);
        let quoted: Vec<&str> = concern.quotes.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            quoted,
            ["n1", "n2"],
            "the near-identical n3 sentence is passed over for n2's different one"
        );
    }
}
