//! Every agreement statistic for one set of ratings, from one pass over the data.

use super::table::tables;
use super::{
    fleiss_kappa, gwet_ac, krippendorff_alpha, percent_agreement, weighted_kappa, AgreementError,
    AlphaMetric, ConfusionMatrix, CountTable, Estimate, Ratings, Undefined, Weights,
};

/// The statistics a moderator reads side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementReport {
    /// Units (rows).
    pub n_units: usize,
    /// Raters (columns).
    pub n_raters: usize,
    /// Share of agreeing pairs of ratings.
    pub percent_agreement: Estimate,
    /// Share of pairs of ratings no more than one grade apart.
    pub percent_within_one_grade: Estimate,
    /// Cohen's kappa (two raters, complete pairs).
    pub cohen_kappa: Estimate,
    /// Weighted kappa with linear weights.
    pub weighted_kappa_linear: Estimate,
    /// Weighted kappa with quadratic weights.
    pub weighted_kappa_quadratic: Estimate,
    /// Fleiss' kappa (Gwet's generalisation with missing ratings).
    pub fleiss_kappa: Estimate,
    /// Krippendorff's alpha, nominal metric.
    pub krippendorff_alpha_nominal: Estimate,
    /// Krippendorff's alpha, ordinal metric.
    pub krippendorff_alpha_ordinal: Estimate,
    /// Krippendorff's alpha, interval metric over the category values.
    pub krippendorff_alpha_interval: Estimate,
    /// Gwet's AC1.
    pub gwet_ac1: Estimate,
    /// Gwet's AC2 with linear weights.
    pub gwet_ac2_linear: Estimate,
    /// Gwet's AC2 with quadratic weights.
    pub gwet_ac2_quadratic: Estimate,
    /// The two raters' confusion matrix; `None` for more raters.
    pub confusion_matrix: Option<ConfusionMatrix>,
    /// The per-unit count patterns everything above was computed from, kept so that
    /// intervals, diagnostics and the bootstrap need no second pass over the ratings.
    pub count_table: CountTable,
}

impl AgreementReport {
    /// Computes every statistic. `category_values` are the numbers the interval metric uses
    /// (1..K when absent).
    pub fn compute(ratings: &Ratings, category_values: Option<&[f64]>) -> Result<Self, AgreementError> {
        let k = ratings.n_categories();
        let values: Vec<f64> = match category_values {
            Some(values) if values.len() != k => {
                return Err(AgreementError::CategoryValuesMismatch {
                    n_values: values.len(),
                    n_categories: k,
                })
            }
            Some(values) => values.to_vec(),
            None => (1..=k).map(|position| position as f64).collect(),
        };
        let identity = Weights::Identity.matrix(k)?;
        let linear = Weights::Linear.matrix(k)?;
        let quadratic = Weights::Quadratic.matrix(k)?;
        let within_one: Vec<f64> =
            (0..k * k).map(|cell| f64::from(u8::from((cell / k).abs_diff(cell % k) <= 1))).collect();

        let (table, confusion_matrix) = tables(ratings);
        let two_rater = |weights: &[f64]| match &confusion_matrix {
            Some(matrix) => weighted_kappa(matrix, weights),
            None => Estimate::Undefined(Undefined::NeedsTwoRaters { n_raters: ratings.n_raters() }),
        };
        Ok(Self {
            n_units: ratings.n_units(),
            n_raters: ratings.n_raters(),
            percent_agreement: percent_agreement(&table, &identity),
            percent_within_one_grade: percent_agreement(&table, &within_one),
            cohen_kappa: two_rater(&identity),
            weighted_kappa_linear: two_rater(&linear),
            weighted_kappa_quadratic: two_rater(&quadratic),
            fleiss_kappa: fleiss_kappa(&table, &identity),
            krippendorff_alpha_nominal: krippendorff_alpha(&table, &AlphaMetric::Nominal),
            krippendorff_alpha_ordinal: krippendorff_alpha(&table, &AlphaMetric::Ordinal),
            krippendorff_alpha_interval: krippendorff_alpha(&table, &AlphaMetric::Interval(values)),
            gwet_ac1: gwet_ac(&table, &identity),
            gwet_ac2_linear: gwet_ac(&table, &linear),
            gwet_ac2_quadratic: gwet_ac(&table, &quadratic),
            confusion_matrix,
            count_table: table,
        })
    }

    /// The statistics by their conventional names, in a fixed order.
    pub fn statistics(&self) -> [(&'static str, Estimate); 12] {
        [
            ("percent_agreement", self.percent_agreement),
            ("cohen_kappa", self.cohen_kappa),
            ("weighted_kappa_linear", self.weighted_kappa_linear),
            ("weighted_kappa_quadratic", self.weighted_kappa_quadratic),
            ("fleiss_kappa", self.fleiss_kappa),
            ("krippendorff_alpha_nominal", self.krippendorff_alpha_nominal),
            ("krippendorff_alpha_ordinal", self.krippendorff_alpha_ordinal),
            ("krippendorff_alpha_interval", self.krippendorff_alpha_interval),
            ("gwet_ac1", self.gwet_ac1),
            ("gwet_ac2_linear", self.gwet_ac2_linear),
            ("gwet_ac2_quadratic", self.gwet_ac2_quadratic),
            ("percent_within_one_grade", self.percent_within_one_grade),
        ]
    }
}
