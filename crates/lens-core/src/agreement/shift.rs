//! Marginal shift between two raters: who grades harsher, how often, and by how much.

use super::ConfusionMatrix;

/// How the second rater's grades sit against the first's over complete pairs. Scales are
/// ordered best grade first, so a higher position is a harsher grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarginalShift {
    /// Complete pairs compared.
    pub n_pairs: u64,
    /// Mean of (second − first) in scale positions: positive means the second rater is harsher.
    pub mean_signed_difference: f64,
    /// Pairs where the second rater gave a harsher grade.
    pub n_second_harsher: u64,
    /// Pairs where the second rater gave a more lenient grade.
    pub n_second_more_lenient: u64,
    /// Share of pairs where the second rater gave a harsher grade.
    pub share_second_harsher: f64,
    /// Share of pairs where the second rater gave a more lenient grade.
    pub share_second_more_lenient: f64,
}

impl MarginalShift {
    /// The shift in a confusion matrix (first rater down the side); `None` with no pairs.
    pub fn from_matrix(matrix: &ConfusionMatrix) -> Option<Self> {
        let n_pairs = matrix.n_pairs();
        if n_pairs == 0 {
            return None;
        }
        let (mut difference, mut harsher, mut more_lenient) = (0_i64, 0_u64, 0_u64);
        for (first, row) in matrix.rows().enumerate() {
            for (second, &count) in row.iter().enumerate() {
                let steps = second as i64 - first as i64;
                difference += steps * count as i64;
                if steps > 0 {
                    harsher += count;
                } else if steps < 0 {
                    more_lenient += count;
                }
            }
        }
        let n = n_pairs as f64;
        Some(Self {
            n_pairs,
            mean_signed_difference: difference as f64 / n,
            n_second_harsher: harsher,
            n_second_more_lenient: more_lenient,
            share_second_harsher: harsher as f64 / n,
            share_second_more_lenient: more_lenient as f64 / n,
        })
    }
}
