//! The one pass over the ratings: per-unit count patterns and the two-rater confusion matrix.

use std::collections::BTreeMap;

use super::AgreementError;

/// A units × raters matrix of category positions (0-based, in scale order); `None` where a
/// rater gave no rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings {
    n_categories: usize,
    n_raters: usize,
    cells: Vec<Option<u16>>,
}

impl Ratings {
    /// Ratings from rows of positions. Every row has one entry per rater; every position is
    /// below `n_categories`.
    pub fn from_rows(n_categories: usize, rows: &[Vec<Option<usize>>]) -> Result<Self, AgreementError> {
        if n_categories < 2 {
            return Err(AgreementError::TooFewCategories { n_categories });
        }
        let n_raters = rows.first().map_or(0, Vec::len);
        let mut cells = Vec::with_capacity(rows.len() * n_raters);
        for (unit_idx, row) in rows.iter().enumerate() {
            if row.len() != n_raters {
                return Err(AgreementError::RaggedRow {
                    unit: unit_idx + 1,
                    found: row.len(),
                    expected: n_raters,
                });
            }
            for (rater_idx, rating) in row.iter().enumerate() {
                match rating {
                    Some(position) if *position >= n_categories || *position > usize::from(u16::MAX) => {
                        return Err(AgreementError::UnknownCategory {
                            unit: unit_idx + 1,
                            rater: rater_idx + 1,
                            label: format!("position {position}"),
                        });
                    }
                    Some(position) => cells.push(u16::try_from(*position).ok()),
                    None => cells.push(None),
                }
            }
        }
        Ok(Self { n_categories, n_raters, cells })
    }

    /// How many categories the scale declares.
    pub fn n_categories(&self) -> usize {
        self.n_categories
    }

    /// How many raters (columns).
    pub fn n_raters(&self) -> usize {
        self.n_raters
    }

    /// How many units (rows).
    pub fn n_units(&self) -> usize {
        self.cells.len().checked_div(self.n_raters).unwrap_or(0)
    }

    /// The rows, one slice of ratings per unit.
    pub fn rows(&self) -> impl Iterator<Item = &[Option<u16>]> {
        self.cells.chunks(self.n_raters.max(1))
    }
}

/// How many units show each pattern of per-category counts. Every statistic built on
/// per-unit counts (percent agreement, Fleiss, Gwet, Krippendorff) is a sum over units of a
/// function of the unit's counts, so this table is all they need. Patterns are kept in a
/// sorted map: sums always run in the same order, so results do not depend on hashing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    n_categories: usize,
    patterns: BTreeMap<Vec<u32>, u64>,
}

impl CountTable {
    /// Counts the patterns in `ratings`.
    pub fn from_ratings(ratings: &Ratings) -> Self {
        let mut patterns = BTreeMap::new();
        let mut counts = vec![0_u32; ratings.n_categories];
        for row in ratings.rows() {
            counts.iter_mut().for_each(|count| *count = 0);
            for position in row.iter().flatten() {
                counts[usize::from(*position)] += 1;
            }
            *patterns.entry(counts.clone()).or_insert(0) += 1;
        }
        Self { n_categories: ratings.n_categories, patterns }
    }

    /// How many categories the scale declares.
    pub fn n_categories(&self) -> usize {
        self.n_categories
    }

    /// Each distinct count pattern with its number of units and its number of ratings.
    pub fn patterns(&self) -> impl Iterator<Item = (&[u32], u64, u32)> {
        self.patterns.iter().map(|(counts, n_units)| (counts.as_slice(), *n_units, counts.iter().sum()))
    }
}

/// Two raters' complete pairs: `counts[i][j]` units rated `i` by the first and `j` by the
/// second. Units missing either rating are left out (listwise deletion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfusionMatrix {
    n_categories: usize,
    counts: Vec<u64>,
}

impl ConfusionMatrix {
    /// The matrix for the first two raters' columns; `None` unless there are exactly two.
    pub fn from_ratings(ratings: &Ratings) -> Option<Self> {
        if ratings.n_raters != 2 {
            return None;
        }
        let k = ratings.n_categories;
        let mut counts = vec![0_u64; k * k];
        for row in ratings.rows() {
            if let [Some(first), Some(second)] = row {
                counts[usize::from(*first) * k + usize::from(*second)] += 1;
            }
        }
        Some(Self { n_categories: k, counts })
    }

    /// How many categories the scale declares.
    pub fn n_categories(&self) -> usize {
        self.n_categories
    }

    /// Units rated `first` by the first rater and `second` by the second.
    pub fn count(&self, first: usize, second: usize) -> u64 {
        self.counts[first * self.n_categories + second]
    }

    /// The rows of counts, first rater's categories down the side.
    pub fn rows(&self) -> impl Iterator<Item = &[u64]> {
        self.counts.chunks(self.n_categories)
    }

    /// How many complete pairs.
    pub fn n_pairs(&self) -> u64 {
        self.counts.iter().sum()
    }
}
