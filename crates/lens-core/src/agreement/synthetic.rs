//! The `splitmix64-audit-v1` generator: bit-exact synthetic moderation data (an auditor and
//! moderators grading the same audits) for tests and benchmarks, as defined in
//! shared/data/agreement/README.md §4.

use super::{AgreementError, Ratings};
use crate::random::SplitMix64;

/// How each rater behaves, in thousandths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaterProfile {
    /// Chance of giving no rating.
    pub missing_permille: u64,
    /// Chance of giving the true grade.
    pub stay_permille: u64,
    /// Chance of grading one step harsher (otherwise one step more lenient).
    pub harsher_permille: u64,
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticSpec {
    /// The seed.
    pub seed: u64,
    /// How many units.
    pub n_units: usize,
    /// How often each true grade occurs, in thousandths, best grade first (sums to 1000).
    pub true_permille: Vec<u64>,
    /// One profile per rater.
    pub raters: Vec<RaterProfile>,
}

impl SyntheticSpec {
    /// The 1,000,000 × 2 timing data set of PYTHON-TIMINGS.md (seed 20240605).
    pub fn two_raters_1m() -> Self {
        let rater = |stay, harsher| RaterProfile {
            missing_permille: 0,
            stay_permille: stay,
            harsher_permille: harsher,
        };
        Self {
            seed: 20_240_605,
            n_units: 1_000_000,
            true_permille: vec![120, 550, 250, 80],
            raters: vec![rater(750, 150), rater(700, 200)],
        }
    }

    /// The 100,000 × 5 panel of PYTHON-TIMINGS.md (seed 20240604).
    pub fn five_raters_100k() -> Self {
        let rater = |stay, harsher| RaterProfile {
            missing_permille: 0,
            stay_permille: stay,
            harsher_permille: harsher,
        };
        Self {
            seed: 20_240_604,
            n_units: 100_000,
            true_permille: vec![120, 550, 250, 80],
            raters: vec![rater(800, 100), rater(750, 150), rater(750, 100), rater(700, 200), rater(800, 100)],
        }
    }

    /// Generates the ratings.
    pub fn generate(&self) -> Result<Ratings, AgreementError> {
        let n_categories = self.true_permille.len();
        let mut random = SplitMix64::new(self.seed);
        let mut rows = Vec::with_capacity(self.n_units);
        for _ in 0..self.n_units {
            let draw = random.next_u64() % 1000;
            let mut cumulative = 0;
            let truth = self
                .true_permille
                .iter()
                .position(|permille| {
                    cumulative += permille;
                    draw < cumulative
                })
                .unwrap_or(n_categories - 1);
            let row = self
                .raters
                .iter()
                .map(|rater| {
                    let missing = random.next_u64() % 1000;
                    let direction = random.next_u64() % 1000;
                    if missing < rater.missing_permille {
                        None
                    } else if direction < rater.stay_permille {
                        Some(truth)
                    } else if direction < rater.stay_permille + rater.harsher_permille {
                        Some((truth + 1).min(n_categories - 1))
                    } else {
                        Some(truth.saturating_sub(1))
                    }
                })
                .collect();
            rows.push(row);
        }
        Ratings::from_rows(n_categories, &rows)
    }
}
