//! Agreement weights between category positions: 1 on the diagonal, less for grades further apart.

use super::AgreementError;

/// How much partial credit two different grades earn.
#[derive(Debug, Clone, PartialEq)]
pub enum Weights {
    /// Only identical grades agree.
    Identity,
    /// `1 - |i - j| / (K - 1)`: equal steps between positions.
    Linear,
    /// `1 - (i - j)² / (K - 1)²`: grades two steps apart cost four times one step.
    Quadratic,
    /// A K × K matrix of agreement weights, row by row.
    Custom(Vec<f64>),
}

impl Weights {
    /// Agreement weights from a matrix of disagreement weights (0 on the diagonal), as Cohen
    /// (1968) wrote them. Chance-corrected statistics do not change when disagreement weights
    /// are rescaled, so they are divided by their largest entry.
    pub fn from_disagreement(rows: &[Vec<f64>]) -> Result<Self, AgreementError> {
        let n_categories = rows.len();
        if rows.iter().any(|row| row.len() != n_categories) {
            return Err(AgreementError::WeightsShape { n_categories });
        }
        let largest = rows.iter().flatten().copied().fold(0.0_f64, f64::max);
        let scale = if largest > 0.0 { largest } else { 1.0 };
        Ok(Self::Custom(rows.iter().flatten().map(|v| 1.0 - v / scale).collect()))
    }

    /// The K × K matrix, row by row.
    pub fn matrix(&self, n_categories: usize) -> Result<Vec<f64>, AgreementError> {
        let k = n_categories;
        let span = (k.max(2) - 1) as f64;
        let weight = |i: usize, j: usize| {
            let distance = i.abs_diff(j) as f64;
            match self {
                Self::Identity => f64::from(u8::from(i == j)),
                Self::Linear => 1.0 - distance / span,
                Self::Quadratic => 1.0 - (distance * distance) / (span * span),
                Self::Custom(_) => 0.0,
            }
        };
        match self {
            Self::Custom(matrix) if matrix.len() == k * k => Ok(matrix.clone()),
            Self::Custom(_) => Err(AgreementError::WeightsShape { n_categories: k }),
            _ => Ok((0..k * k).map(|cell| weight(cell / k, cell % k)).collect()),
        }
    }
}
