//! Drawing the moderation sample: which submitted audits a moderator re-grades, by a rule a QA
//! manager states, so the draw can be repeated exactly from its seed.
//!
//! Eligible: submitted audits (not drafts, not reflections) submitted within the period and not
//! yet moderated. The rules:
//! - **per auditor**: up to N of each auditor's audits in each month or quarter;
//! - **below good** or **inadequate**: every audit whose overall judgement (or, without one,
//!   the template's suggestion) stands there;
//! - **a random share**: that percentage of the eligible audits, rounded up;
//! - **by hand**: the audits a person ticks among the eligible ones ([`sample_candidates`]).
//!
//! Random choices shuffle the eligible audits in id order with [`SplitMix64`] from the seed
//! (Fisher–Yates), so the same audits, rule and seed always give the same sample, natively and
//! in the browser.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::random::SplitMix64;
use crate::template::GradeStanding;
use crate::{find_template, is_reflection, Audit, AuditId, AuditStatus, Period, PeriodLength, Template};

/// How a sample is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SampleRule {
    /// Up to `per` audits of each auditor in each month or quarter, chosen at random.
    PerAuditor {
        /// How many of each auditor's audits in each period.
        per: usize,
        /// Months or quarters.
        period: PeriodLength,
    },
    /// Every audit judged below good (inadequate included).
    BelowGood,
    /// Every audit judged inadequate.
    Inadequate,
    /// This percentage of the eligible audits, chosen at random.
    RandomShare {
        /// From 1 to 100.
        percent: u32,
    },
    /// The audits a person chose from the eligible ones.
    ByHand,
}

impl SampleRule {
    /// The rule in words, e.g. "2 of each auditor's audits a quarter".
    pub fn describe(&self) -> String {
        match self {
            Self::PerAuditor { per, period } => {
                let audits = if *per == 1 {
                    "1 of each auditor's audits".to_owned()
                } else {
                    format!("{per} of each auditor's audits")
                };
                let each = match period {
                    PeriodLength::Month => "a month",
                    PeriodLength::Quarter => "a quarter",
                };
                format!("{audits} {each}, chosen at random")
            }
            Self::BelowGood => "Every audit judged below good".to_owned(),
            Self::Inadequate => "Every audit judged inadequate".to_owned(),
            Self::RandomShare { percent } => format!("{percent}% of the audits, chosen at random"),
            Self::ByHand => "Audits chosen by hand".to_owned(),
        }
    }

    /// Whether the draw uses the seed.
    pub fn is_random(&self) -> bool {
        matches!(self, Self::PerAuditor { .. } | Self::RandomShare { .. })
    }
}

/// A sample as drawn: who drew it and when, the rule and seed, and the audits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModerationSample {
    /// The sample's identity, made by the caller.
    pub id: String,
    /// Who drew it.
    pub drawn_by: String,
    /// The day it was drawn.
    pub drawn_on: NaiveDate,
    /// The first day of submission the draw looked at.
    pub from: NaiveDate,
    /// The last day of submission the draw looked at.
    pub to: NaiveDate,
    /// The rule.
    pub rule: SampleRule,
    /// The seed of its random choices.
    pub seed: u64,
    /// The audits drawn, in id order.
    pub audits: Vec<AuditId>,
}

/// Why a sample cannot be drawn as asked, in words.
pub fn sample_rule_problem(rule: &SampleRule) -> Option<String> {
    match rule {
        SampleRule::PerAuditor { per: 0, .. } => {
            Some("Enter how many of each auditor's audits to draw, 1 or more".into())
        }
        SampleRule::RandomShare { percent } if !(1..=100).contains(percent) => {
            Some("Enter the share to draw as a whole percentage from 1 to 100".into())
        }
        _ => None,
    }
}

/// The audits a sample may hold: submitted from `from` to `to`, not reflections, not yet
/// moderated (nor in `moderated`); in id order.
pub fn sample_candidates<'a>(
    audits: impl IntoIterator<Item = &'a Audit>,
    templates: &[Template],
    moderated: &BTreeSet<AuditId>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<&'a Audit> {
    let mut eligible: Vec<&Audit> = audits
        .into_iter()
        .filter(|audit| audit.status != AuditStatus::Draft && !is_reflection(audit, templates))
        .filter(|audit| audit.submitted_on.is_some_and(|on| from <= on && on <= to))
        .filter(|audit| !moderated.contains(&audit.id) && audit.status != AuditStatus::Moderated)
        .collect();
    eligible.sort_by(|a, b| a.id.cmp(&b.id));
    eligible
}

/// The audits `rule` draws from `audits` submitted from `from` to `to`, leaving out those in
/// `moderated`; in id order. By hand, that is every candidate, for a person to choose from.
pub fn draw_sample<'a>(
    audits: impl IntoIterator<Item = &'a Audit>,
    templates: &[Template],
    moderated: &BTreeSet<AuditId>,
    from: NaiveDate,
    to: NaiveDate,
    rule: &SampleRule,
    seed: u64,
) -> Vec<AuditId> {
    let mut eligible = sample_candidates(audits, templates, moderated, from, to);
    let mut random = SplitMix64::new(seed);
    let mut drawn: Vec<AuditId> = match rule {
        SampleRule::PerAuditor { per, period } => {
            let mut groups: BTreeMap<(String, Period), Vec<&Audit>> = BTreeMap::new();
            for audit in eligible {
                let on = audit.submitted_on.unwrap_or(from);
                // One auditor however the name is spaced or cased.
                let auditor =
                    audit.auditor.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
                groups.entry((auditor, Period::containing(on, *period))).or_default().push(audit);
            }
            groups
                .into_values()
                .flat_map(|mut group| {
                    shuffle(&mut group, &mut random);
                    group.into_iter().take(*per).map(|audit| audit.id.clone()).collect::<Vec<_>>()
                })
                .collect()
        }
        SampleRule::BelowGood | SampleRule::Inadequate => eligible
            .into_iter()
            .filter(|audit| {
                let standing = standing(audit, templates);
                match rule {
                    SampleRule::Inadequate => standing == Some(GradeStanding::Inadequate),
                    _ => standing.is_some_and(GradeStanding::is_below_good),
                }
            })
            .map(|audit| audit.id.clone())
            .collect(),
        SampleRule::ByHand => eligible.into_iter().map(|audit| audit.id.clone()).collect(),
        SampleRule::RandomShare { percent } => {
            let wanted = (eligible.len() * (*percent as usize)).div_ceil(100);
            shuffle(&mut eligible, &mut random);
            eligible.into_iter().take(wanted).map(|audit| audit.id.clone()).collect()
        }
    };
    drawn.sort();
    drawn
}

fn standing(audit: &Audit, templates: &[Template]) -> Option<GradeStanding> {
    let template = find_template(templates, &audit.template)?;
    let code = audit.overall_grade(template)?;
    Some(template.scale.as_ref()?.grade(&code)?.standing)
}

/// Fisher–Yates with the seeded sequence.
fn shuffle<T>(items: &mut [T], random: &mut SplitMix64) {
    for last in (1..items.len()).rev() {
        let pick = (random.next_u64() % (last as u64 + 1)) as usize;
        items.swap(last, pick);
    }
}

#[cfg(test)]
mod tests;
