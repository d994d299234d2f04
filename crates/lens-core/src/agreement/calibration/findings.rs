//! What the calibration figures say, in words a moderator can act on, and the thresholds
//! that decide it.

use std::fmt;

use super::{Drift, PairSummary, ShareInterval};

/// The thresholds behind the findings. They are a QA team's choices, not laws: the defaults
/// are common conventions, and a council can set its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationPolicy {
    /// Fewer complete pairs than this are too few to judge a share by its point estimate.
    pub min_pairs: usize,
    /// The share of gradings where auditor and moderator should give the same grade.
    pub target_agreement: f64,
    /// A sign test or trend with a p-value below this counts as systematic.
    pub significance: f64,
}

impl Default for CalibrationPolicy {
    fn default() -> Self {
        Self { min_pairs: 10, target_agreement: 0.8, significance: 0.05 }
    }
}

/// One thing the figures say about a standard or an auditor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Finding {
    /// Too few moderated gradings to judge agreement yet.
    FewGradings {
        /// Complete pairs.
        n_pairs: u64,
        /// The policy's minimum.
        min_pairs: usize,
    },
    /// Auditor and moderator gave the same grade less often than the target.
    BelowTarget {
        /// The share graded the same, with its interval.
        agreement: ShareInterval,
        /// The target share.
        target: f64,
        /// Whether even the interval's upper bound is below the target.
        clearly: bool,
    },
    /// The auditor's grades lean one way against the moderator's more often than chance.
    SystematicShift {
        /// Whether the auditor is the harsher grader.
        auditor_harsher: bool,
        /// Disagreements in the leaning direction.
        n_leaning: u64,
        /// All disagreements.
        n_disagreements: u64,
        /// Mean of (auditor − moderator) in grades over all complete pairs.
        mean_signed_difference: f64,
        /// Sign test p-value.
        p_value: f64,
    },
    /// The auditor's difference from moderators changes steadily over the periods.
    Drifting {
        /// The fitted trend.
        drift: Drift,
    },
}

impl Finding {
    /// A stable code for tools: `few-gradings`, `below-target`, `systematic-shift`, `drift`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::FewGradings { .. } => "few-gradings",
            Self::BelowTarget { .. } => "below-target",
            Self::SystematicShift { .. } => "systematic-shift",
            Self::Drifting { .. } => "drift",
        }
    }

    /// Whether this finding is a reason to calibrate (rather than to moderate more).
    pub fn calls_for_calibration(&self) -> bool {
        !matches!(self, Self::FewGradings { .. })
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A p-value as a report prints it: three decimals, or "p < 0.001".
fn format_p(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else {
        format!("p = {p:.3}")
    }
}

fn grades(amount: f64) -> String {
    let amount = amount.abs();
    format!("{amount:.2} grade{}", if (amount - 1.0).abs() < 0.005 { "" } else { "s" })
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::FewGradings { n_pairs, min_pairs } => write!(
                f,
                "Only {n_pairs} moderated grading{}: too few to judge agreement. Moderate at least {min_pairs} before drawing conclusions.",
                if n_pairs == 1 { "" } else { "s" }
            ),
            Self::BelowTarget { agreement, target, clearly } => {
                write!(
                    f,
                    "Auditor and moderator gave the same grade in {} of {} gradings ({}; 95% interval {} to {}), below the {} target",
                    agreement.successes,
                    agreement.n,
                    percent(agreement.estimate),
                    percent(agreement.lower),
                    percent(agreement.upper),
                    percent(target),
                )?;
                if clearly {
                    f.write_str(". Even the top of the interval is below the target: calibrate.")
                } else {
                    f.write_str(", though the interval still reaches it: calibrate, and keep moderating to confirm.")
                }
            }
            Self::SystematicShift { auditor_harsher, n_leaning, n_disagreements, mean_signed_difference, p_value } => {
                write!(
                    f,
                    "The auditor's grade was {} than the moderator's in {n_leaning} of {n_disagreements} disagreements (on average {} {} over all gradings); chance alone would rarely do this (sign test {}).",
                    if auditor_harsher { "harsher" } else { "more lenient" },
                    grades(mean_signed_difference),
                    if auditor_harsher { "harsher" } else { "more lenient" },
                    format_p(p_value),
                )
            }
            Self::Drifting { drift } => write!(
                f,
                "Over {} periods the auditor's grades moved {} {} per period relative to moderators (trend {}): check whether the auditor's reading of the standards has changed.",
                drift.n_periods,
                grades(drift.slope_per_period),
                if drift.slope_per_period > 0.0 { "harsher" } else { "more lenient" },
                format_p(drift.p_value),
            ),
        }
    }
}

impl CalibrationPolicy {
    /// The findings for one group, most important first.
    pub fn assess(&self, summary: &PairSummary, drift: Option<&Drift>) -> Vec<Finding> {
        let mut findings = Vec::new();
        let n_pairs = summary.exact_agreement.map_or(0, |share| share.n);
        let enough = n_pairs >= self.min_pairs as u64;
        if let Some(agreement) = summary.exact_agreement {
            let clearly = agreement.upper < self.target_agreement;
            if clearly || (enough && agreement.estimate < self.target_agreement) {
                findings.push(Finding::BelowTarget { agreement, target: self.target_agreement, clearly });
            }
        }
        if let (Some(shift), Some(p_value)) = (summary.shift, summary.sign_test_p) {
            if p_value < self.significance {
                let auditor_harsher = shift.n_second_harsher > shift.n_second_more_lenient;
                findings.push(Finding::SystematicShift {
                    auditor_harsher,
                    n_leaning: shift.n_second_harsher.max(shift.n_second_more_lenient),
                    n_disagreements: shift.n_second_harsher + shift.n_second_more_lenient,
                    mean_signed_difference: shift.mean_signed_difference,
                    p_value,
                });
            }
        }
        if let Some(&drift) = drift.filter(|drift| drift.p_value < self.significance) {
            findings.push(Finding::Drifting { drift });
        }
        if !enough {
            findings.push(Finding::FewGradings { n_pairs, min_pairs: self.min_pairs });
        }
        findings
    }
}
