//! Cohen's kappa and weighted kappa for two raters, over complete pairs.

use super::{ConfusionMatrix, Estimate, Undefined};

/// Weighted kappa `(p_o - p_e) / (1 - p_e)` from the confusion matrix; identity weights give
/// Cohen's kappa. Each rater's marginals come from the complete pairs only.
pub fn weighted_kappa(matrix: &ConfusionMatrix, weights: &[f64]) -> Estimate {
    let k = matrix.n_categories();
    let n_pairs = matrix.n_pairs();
    if n_pairs == 0 {
        return Estimate::Undefined(Undefined::NoCompletePair);
    }
    let n = n_pairs as f64;
    let mut row_totals = vec![0_u64; k];
    let mut column_totals = vec![0_u64; k];
    let mut observed = 0.0;
    for (i, row) in matrix.rows().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            row_totals[i] += count;
            column_totals[j] += count;
            observed += weights[i * k + j] * count as f64;
        }
    }
    let mut chance = 0.0;
    for (i, &row_total) in row_totals.iter().enumerate() {
        for (j, &column_total) in column_totals.iter().enumerate() {
            chance += weights[i * k + j] * row_total as f64 * column_total as f64;
        }
    }
    Estimate::chance_corrected(observed / n, chance / (n * n))
}
