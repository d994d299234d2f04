//! The one pass over the ratings: a histogram of each unit's ratings read as one number, from
//! which come the per-unit count patterns and the two-rater confusion matrix.

use std::collections::BTreeMap;

use super::AgreementError;

/// The most categories a scale may declare: each rating is stored in one byte.
pub const MAX_CATEGORIES: usize = 255;

/// A units × raters matrix of category positions (0-based, best grade first), some missing.
/// Each rating is one byte, with the value K standing for "no rating": the statistics are
/// bound by memory bandwidth, so the smaller the cells the faster the pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings {
    n_categories: usize,
    n_raters: usize,
    cells: Vec<u8>,
}

impl Ratings {
    /// Ratings from rows of positions. Every row has one entry per rater; every position is
    /// below `n_categories`.
    pub fn from_rows(n_categories: usize, rows: &[Vec<Option<usize>>]) -> Result<Self, AgreementError> {
        if n_categories < 2 {
            return Err(AgreementError::TooFewCategories { n_categories });
        }
        if n_categories > MAX_CATEGORIES {
            return Err(AgreementError::TooManyCategories { n_categories });
        }
        let missing = n_categories as u8;
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
                match *rating {
                    None => cells.push(missing),
                    Some(position) if position < n_categories => cells.push(position as u8),
                    Some(position) => {
                        return Err(AgreementError::UnknownCategory {
                            unit: unit_idx + 1,
                            rater: rater_idx + 1,
                            label: format!("position {position}"),
                        })
                    }
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

    /// One unit's ratings as positions, `None` where missing.
    pub fn unit(&self, unit_idx: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        let row = &self.cells[unit_idx * self.n_raters..(unit_idx + 1) * self.n_raters];
        row.iter().map(|&cell| (usize::from(cell) < self.n_categories).then_some(usize::from(cell)))
    }

    fn raw_rows(&self) -> impl Iterator<Item = &[u8]> {
        self.cells.chunks_exact(self.n_raters.max(1))
    }
}

/// The largest histogram of rating codes worth allocating (entries of 8 bytes: 4 MiB).
const MAX_HISTOGRAM: usize = 1 << 19;

/// How many units have each combination of ratings, a unit's ratings read as one number in
/// base K + 1 (first rater lowest). `None` when there are too many combinations to tally.
fn histogram(ratings: &Ratings) -> Option<Vec<u64>> {
    let radix = ratings.n_categories + 1;
    let n_codes = radix.checked_pow(u32::try_from(ratings.n_raters).ok()?)?;
    if n_codes > MAX_HISTOGRAM {
        return None;
    }
    let mut counts = vec![0_u64; n_codes];
    if ratings.n_raters == 2 {
        // The common case, an auditor and a moderator: one increment per unit.
        for pair in ratings.cells.chunks_exact(2) {
            counts[usize::from(pair[0]) + radix * usize::from(pair[1])] += 1;
        }
    } else {
        for row in ratings.raw_rows() {
            let code = row.iter().rev().fold(0, |code, &cell| code * radix + usize::from(cell));
            counts[code] += 1;
        }
    }
    Some(counts)
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
    /// Counts the patterns in `ratings` in one pass.
    pub fn from_ratings(ratings: &Ratings) -> Self {
        match histogram(ratings) {
            Some(histogram) => Self::from_histogram(ratings, &histogram),
            None => Self::by_unit(ratings),
        }
    }

    fn from_histogram(ratings: &Ratings, histogram: &[u64]) -> Self {
        let k = ratings.n_categories;
        let radix = k + 1;
        let mut patterns = BTreeMap::new();
        let mut counts = vec![0_u32; k];
        for (mut code, &n_units) in histogram.iter().enumerate().filter(|(_, &n_units)| n_units > 0) {
            counts.iter_mut().for_each(|count| *count = 0);
            for _ in 0..ratings.n_raters {
                if code % radix < k {
                    counts[code % radix] += 1;
                }
                code /= radix;
            }
            *patterns.entry(counts.clone()).or_insert(0) += n_units;
        }
        Self { n_categories: k, patterns }
    }

    /// For many raters on a long scale, where a histogram of combinations would be too big.
    fn by_unit(ratings: &Ratings) -> Self {
        let k = ratings.n_categories;
        let mut patterns = BTreeMap::new();
        let mut counts = vec![0_u32; k];
        for row in ratings.raw_rows() {
            counts.iter_mut().for_each(|count| *count = 0);
            for &cell in row.iter().filter(|&&cell| usize::from(cell) < k) {
                counts[usize::from(cell)] += 1;
            }
            *patterns.entry(counts.clone()).or_insert(0) += 1;
        }
        Self { n_categories: k, patterns }
    }

    /// How many categories the scale declares.
    pub fn n_categories(&self) -> usize {
        self.n_categories
    }

    /// The same patterns with other unit counts (in pattern order), for resampling.
    pub(super) fn with_unit_counts(&self, unit_counts: &[u64]) -> Self {
        let patterns = self
            .patterns
            .keys()
            .zip(unit_counts)
            .filter(|(_, &n_units)| n_units > 0)
            .map(|(counts, &n_units)| (counts.clone(), n_units))
            .collect();
        Self { n_categories: self.n_categories, patterns }
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
    /// The matrix for two raters; `None` unless there are exactly two.
    pub fn from_ratings(ratings: &Ratings) -> Option<Self> {
        Self::from_histogram(ratings, &histogram(ratings)?)
    }

    fn from_histogram(ratings: &Ratings, histogram: &[u64]) -> Option<Self> {
        if ratings.n_raters != 2 {
            return None;
        }
        let k = ratings.n_categories;
        let radix = k + 1;
        let mut counts = vec![0_u64; k * k];
        for (code, &n_units) in histogram.iter().enumerate() {
            let (first, second) = (code % radix, code / radix);
            if first < k && second < k {
                counts[first * k + second] += n_units;
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

/// The count table and (for two raters) the confusion matrix from one pass over the ratings.
pub(super) fn tables(ratings: &Ratings) -> (CountTable, Option<ConfusionMatrix>) {
    match histogram(ratings) {
        Some(histogram) => (
            CountTable::from_histogram(ratings, &histogram),
            ConfusionMatrix::from_histogram(ratings, &histogram),
        ),
        None => (CountTable::by_unit(ratings), None),
    }
}
