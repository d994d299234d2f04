//! Standard errors and 95% confidence intervals by Gwet's variance formulas (Gwet 2014; the
//! irrCAC package): the two-rater table formula for Cohen's and weighted kappa, and the
//! per-unit linearisation for Fleiss' kappa and AC1/AC2 over raw ratings (any number of
//! raters, missing ratings allowed).

use super::chance::{fleiss_chance, gwet_chance, gwet_scale, observed, prevalence, unit_agreement};
use super::kappa::{kappa_parts, KappaParts};
use super::{student_t, AgreementError, ConfusionMatrix, CountTable, Weights};

/// A statistic with its standard error and two-sided 95% confidence interval
/// (`estimate ± t(0.975, n - 1) × se`, the upper bound capped at 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The statistic.
    pub estimate: f64,
    /// Its standard error.
    pub standard_error: f64,
    /// Lower bound of the 95% interval.
    pub lower: f64,
    /// Upper bound of the 95% interval, at most 1.
    pub upper: f64,
}

impl Interval {
    fn new(estimate: f64, variance: f64, n: u64) -> Option<Self> {
        if n < 2 || !variance.is_finite() {
            return None;
        }
        let standard_error = variance.max(0.0).sqrt();
        let half_width = standard_error * student_t::quantile(0.975, (n - 1) as f64);
        Some(Self {
            estimate,
            standard_error,
            lower: estimate - half_width,
            upper: (estimate + half_width).min(1.0),
        })
    }
}

/// Cohen's (weighted) kappa over complete pairs, with the two-rater variance formula.
/// `None` when kappa is undefined or there are fewer than two pairs.
pub fn kappa_interval(matrix: &ConfusionMatrix, weights: &[f64]) -> Option<Interval> {
    let k = matrix.n_categories();
    let KappaParts { n_pairs, rows, columns, observed, chance } = kappa_parts(matrix, weights)?;
    if 1.0 - chance <= 1e-12 {
        return None;
    }
    let n = n_pairs as f64;
    let p = |i: usize, j: usize| matrix.count(i, j) as f64 / n;
    let w = |i: usize, j: usize| weights[i * k + j];
    let kappa = (observed - chance) / (1.0 - chance);
    // Weighted margins: the second rater's column shares seen through row i's weights, and so on.
    let weighted_columns: Vec<f64> = (0..k).map(|i| (0..k).map(|j| w(i, j) * columns[j]).sum()).collect();
    let weighted_rows: Vec<f64> = (0..k).map(|j| (0..k).map(|i| w(i, j) * rows[i]).sum()).collect();
    let mut sum = 0.0;
    for (i, weighted_column) in weighted_columns.iter().enumerate() {
        for (j, weighted_row) in weighted_rows.iter().enumerate() {
            let term = w(i, j) - (1.0 - kappa) * (weighted_column + weighted_row);
            sum += p(i, j) * term * term;
        }
    }
    let centre = observed - 2.0 * (1.0 - kappa) * chance;
    let variance = (sum - centre * centre) / (n * (1.0 - chance) * (1.0 - chance));
    Interval::new(kappa, variance, n_pairs)
}

/// How chance agreement is built from the pooled category shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChanceModel {
    /// Fleiss: `Σ w_kl π_k π_l`.
    Fleiss,
    /// Gwet: `T_w / (K (K - 1)) Σ π_k (1 - π_k)`.
    Gwet,
}

/// Fleiss' kappa or Gwet's AC over raw ratings, with Gwet's linearised variance over rated
/// units. `None` when the statistic is undefined or fewer than two units were rated.
pub fn raw_interval(table: &CountTable, weights: &[f64], model: ChanceModel) -> Option<Interval> {
    let k = table.n_categories();
    let observed = observed(table, weights)?;
    let n_paired: u64 =
        table.patterns().filter(|(_, _, n_ratings)| *n_ratings >= 2).map(|(_, n_units, _)| n_units).sum();
    let (shares, n_rated) = prevalence(table);
    // pe_i = Σ_k n_ik c_k / r_i for the model's per-category chance contribution c_k.
    let (chance, contribution): (f64, Vec<f64>) = match model {
        ChanceModel::Fleiss => {
            let contribution = (0..k)
                .map(|c| {
                    let by_row: f64 = (0..k).map(|l| weights[c * k + l] * shares[l]).sum();
                    let by_column: f64 = (0..k).map(|l| weights[l * k + c] * shares[l]).sum();
                    (by_row + by_column) / 2.0
                })
                .collect();
            (fleiss_chance(&shares, weights), contribution)
        }
        ChanceModel::Gwet => {
            let scale = gwet_scale(weights, k);
            (gwet_chance(&shares, weights), shares.iter().map(|share| scale * (1.0 - share)).collect())
        }
    };
    if 1.0 - chance <= 1e-12 {
        return None;
    }
    let estimate = (observed - chance) / (1.0 - chance);
    let n = n_rated as f64;
    let mut squares = 0.0;
    for (counts, n_units, n_ratings) in table.patterns().filter(|(_, _, n_ratings)| *n_ratings > 0) {
        let paired = n_ratings >= 2;
        let unit_observed = if paired { unit_agreement(counts, weights, n_ratings) } else { 0.0 };
        let unit_chance_for_pairs = if paired { chance } else { 0.0 };
        let unit_estimate = (n / n_paired as f64) * (unit_observed - unit_chance_for_pairs) / (1.0 - chance);
        let unit_chance: f64 =
            counts.iter().zip(&contribution).map(|(&count, c)| f64::from(count) * c).sum::<f64>()
                / f64::from(n_ratings);
        let linearised = unit_estimate - 2.0 * (1.0 - estimate) * (unit_chance - chance) / (1.0 - chance);
        squares += n_units as f64 * (linearised - estimate) * (linearised - estimate);
    }
    let variance = squares / (n * (n - 1.0));
    Interval::new(estimate, variance, n_rated)
}

/// Every interval this module can give, by statistic name: the kappas (when there is a
/// two-rater confusion matrix), Fleiss' kappa and Gwet's AC1/AC2. `None` where the statistic
/// is undefined or fewer than two units could be used. Takes the tables an
/// [`AgreementReport`](super::AgreementReport) already holds, so the ratings are not read again.
pub fn all_intervals(
    table: &CountTable,
    confusion_matrix: Option<&ConfusionMatrix>,
) -> Result<Vec<(&'static str, Option<Interval>)>, AgreementError> {
    let k = table.n_categories();
    let (identity, linear, quadratic) =
        (Weights::Identity.matrix(k)?, Weights::Linear.matrix(k)?, Weights::Quadratic.matrix(k)?);
    let mut intervals = Vec::new();
    if let Some(matrix) = confusion_matrix {
        intervals.push(("cohen_kappa", kappa_interval(matrix, &identity)));
        intervals.push(("weighted_kappa_linear", kappa_interval(matrix, &linear)));
        intervals.push(("weighted_kappa_quadratic", kappa_interval(matrix, &quadratic)));
    }
    intervals.push(("fleiss_kappa", raw_interval(table, &identity, ChanceModel::Fleiss)));
    intervals.push(("gwet_ac1", raw_interval(table, &identity, ChanceModel::Gwet)));
    intervals.push(("gwet_ac2_linear", raw_interval(table, &linear, ChanceModel::Gwet)));
    intervals.push(("gwet_ac2_quadratic", raw_interval(table, &quadratic, ChanceModel::Gwet)));
    Ok(intervals)
}

#[cfg(test)]
mod tests;
