//! Agreement between raters who graded the same units on one ordered scale: how consistently
//! auditors and moderators grade.
//!
//! Input is a units × raters matrix of category positions ([`Ratings`]). One pass turns it into
//! a [`CountTable`] (how many units show each pattern of per-category counts) and, for two
//! raters, a [`ConfusionMatrix`]; every statistic then works on those small tables.
//! Definitions follow the published formulas exactly (declared categories, not only those
//! used; listwise deletion for two-rater kappa; Gwet's conventions for missing ratings).
//! A statistic that has no value for some data says why in an [`Estimate::Undefined`]: never
//! NaN, never a panic.

mod alpha;
mod bootstrap;
mod calibration;
mod chance;
mod diagnostics;
mod kappa;
mod precision;
mod report;
mod shift;
mod student_t;
mod synthetic;
mod table;
mod weights;

pub use alpha::{krippendorff_alpha, AlphaMetric};
pub use bootstrap::{bootstrap_alpha, bootstrap_alphas, BootstrapInterval, DEFAULT_REPLICATES, DEFAULT_SEED};
pub use calibration::{
    AuditorCalibration, CalibrationPolicy, CalibrationReport, Drift, Finding, GroupCalibration,
    ModeratedGrade, PairSummary, ShareInterval,
};
pub use chance::{fleiss_kappa, gwet_ac, percent_agreement};
pub use diagnostics::{diagnose, landis_koch_band, Diagnostic, FEW_UNITS};
pub use kappa::weighted_kappa;
pub use precision::{all_intervals, kappa_interval, raw_interval, ChanceModel, Interval};
pub use report::AgreementReport;
pub use shift::MarginalShift;
pub use synthetic::{RaterProfile, SyntheticSpec};
pub use table::{ConfusionMatrix, CountTable, Ratings, MAX_CATEGORIES};
pub use weights::Weights;

use std::fmt;

/// A statistic's value, or why it has none for these data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Estimate {
    /// The value.
    Defined(f64),
    /// No value exists for these data.
    Undefined(Undefined),
}

impl Estimate {
    /// The value, if defined.
    pub fn value(self) -> Option<f64> {
        match self {
            Self::Defined(value) => Some(value),
            Self::Undefined(_) => None,
        }
    }

    /// `(numerator) / (1 - chance)`, undefined when chance agreement is total.
    fn chance_corrected(observed: f64, chance: f64) -> Self {
        // Chance agreement is a sum of products of proportions: when every rating is in one
        // category it is 1 up to rounding, and the ratio is 0/0.
        if 1.0 - chance <= 1e-12 {
            Self::Undefined(Undefined::ChanceAgreementIsTotal)
        } else {
            Self::Defined((observed - chance) / (1.0 - chance))
        }
    }
}

/// Why a statistic has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// No unit has two or more ratings.
    NoUnitWithTwoRatings,
    /// No unit was rated by both of two raters.
    NoCompletePair,
    /// Every rating is in one category, so chance alone predicts total agreement.
    ChanceAgreementIsTotal,
    /// The pairable ratings hold a single value: there is no variation to agree about.
    NoVariation,
    /// The statistic compares exactly two raters.
    NeedsTwoRaters {
        /// How many raters there are.
        n_raters: usize,
    },
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoUnitWithTwoRatings => f.write_str("undefined, because no unit has two ratings to compare"),
            Self::NoCompletePair => f.write_str("undefined, because no unit was graded by both raters"),
            Self::ChanceAgreementIsTotal => f.write_str(
                "undefined, because every rating is in one category, so chance alone would predict total agreement",
            ),
            Self::NoVariation => f.write_str(
                "undefined, because the ratings that can be paired all have one value, so there is no variation to agree about",
            ),
            Self::NeedsTwoRaters { n_raters } => {
                write!(f, "undefined, because it compares exactly two raters and there are {n_raters}")
            }
        }
    }
}

/// Why ratings could not be taken in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    /// Fewer than two categories were declared.
    #[error("the scale needs at least two categories, but {n_categories} were given")]
    TooFewCategories {
        /// How many were declared.
        n_categories: usize,
    },
    /// More categories were declared than ratings can hold.
    #[error("the scale has {n_categories} categories; Practice Lens handles up to 255")]
    TooManyCategories {
        /// How many were declared.
        n_categories: usize,
    },
    /// A row has a different number of ratings from the first.
    #[error("unit {unit} has {found} ratings, but the first unit has {expected}: every row needs one entry per rater")]
    RaggedRow {
        /// The unit's position, counting from 1.
        unit: usize,
        /// How many it has.
        found: usize,
        /// How many the first has.
        expected: usize,
    },
    /// A rating is not a declared category.
    #[error("unit {unit}, rater {rater}: '{label}' is not one of the declared categories")]
    UnknownCategory {
        /// The unit's position, counting from 1.
        unit: usize,
        /// The rater's position, counting from 1.
        rater: usize,
        /// The rating as given.
        label: String,
    },
    /// Category values do not match the categories.
    #[error("there are {n_values} category values for {n_categories} categories")]
    CategoryValuesMismatch {
        /// How many values.
        n_values: usize,
        /// How many categories.
        n_categories: usize,
    },
    /// A weight matrix has the wrong shape.
    #[error("the weights must be a {n_categories} × {n_categories} matrix")]
    WeightsShape {
        /// How many categories.
        n_categories: usize,
    },
}

#[cfg(test)]
mod tests;
