//! Cohen's kappa and weighted kappa for two raters, over complete pairs.

use super::{ConfusionMatrix, Estimate, Undefined};

/// What weighted kappa and its variance are built from: each rater's marginal shares and the
/// weighted observed and chance agreement, over the complete pairs.
pub(super) struct KappaParts {
    /// How many complete pairs.
    pub n_pairs: u64,
    /// The first rater's share of each category.
    pub rows: Vec<f64>,
    /// The second rater's share of each category.
    pub columns: Vec<f64>,
    /// `Σ w_ij p_ij`.
    pub observed: f64,
    /// `Σ w_ij p_i. p_.j`.
    pub chance: f64,
}

/// The parts of weighted kappa; `None` with no complete pair.
pub(super) fn kappa_parts(matrix: &ConfusionMatrix, weights: &[f64]) -> Option<KappaParts> {
    let k = matrix.n_categories();
    let n_pairs = matrix.n_pairs();
    if n_pairs == 0 {
        return None;
    }
    let n = n_pairs as f64;
    let mut rows = vec![0.0; k];
    let mut columns = vec![0.0; k];
    let mut observed = 0.0;
    for (i, row) in matrix.rows().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            let share = count as f64 / n;
            rows[i] += share;
            columns[j] += share;
            observed += weights[i * k + j] * share;
        }
    }
    let mut chance = 0.0;
    for (i, row_share) in rows.iter().enumerate() {
        for (j, column_share) in columns.iter().enumerate() {
            chance += weights[i * k + j] * row_share * column_share;
        }
    }
    Some(KappaParts { n_pairs, rows, columns, observed, chance })
}

/// Weighted kappa `(p_o - p_e) / (1 - p_e)` from the confusion matrix; identity weights give
/// Cohen's kappa. Each rater's marginals come from the complete pairs only.
pub fn weighted_kappa(matrix: &ConfusionMatrix, weights: &[f64]) -> Estimate {
    match kappa_parts(matrix, weights) {
        Some(parts) => Estimate::chance_corrected(parts.observed, parts.chance),
        None => Estimate::Undefined(Undefined::NoCompletePair),
    }
}
