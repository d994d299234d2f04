//! The sample form as typed, read into a rule, a period and a seed, with every problem in the
//! words the form shows. Yew-free, so it is tested natively.

use chrono::NaiveDate;
use lens_core::{sample_rule_problem, PeriodLength, SampleRule};

use crate::components::form::TypedDate;

/// Which rule is chosen on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleKind {
    PerAuditor,
    BelowGood,
    Inadequate,
    RandomShare,
    ByHand,
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SampleChoice {
    pub drawn_by: String,
    pub from: String,
    pub to: String,
    pub kind: RuleKind,
    pub per: String,
    pub quarterly: bool,
    pub percent: String,
    pub seed: String,
}

/// Where a problem belongs on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    DrawnBy,
    From,
    To,
    Per,
    Percent,
    Seed,
}

/// What the form asks for, once every field reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SampleAsk {
    pub drawn_by: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rule: SampleRule,
    pub seed: u64,
}

impl SampleChoice {
    /// The request, or every problem with its place.
    pub(crate) fn read(&self) -> Result<SampleAsk, Vec<(Place, String)>> {
        let mut problems = Vec::new();
        let drawn_by = self.drawn_by.trim().to_owned();
        if drawn_by.is_empty() {
            problems.push((Place::DrawnBy, "Enter your name: a sample records who drew it".to_owned()));
        }
        let from = TypedDate::read(&self.from).day();
        let to = TypedDate::read(&self.to).day();
        if from.is_none() {
            problems.push((
                Place::From,
                "Enter the first day of submission as a real date, for example 1 1 2027".to_owned(),
            ));
        }
        match (from, to) {
            (_, None) => problems.push((
                Place::To,
                "Enter the last day of submission as a real date, for example 31 3 2027".to_owned(),
            )),
            (Some(from), Some(to)) if to < from => {
                problems.push((Place::To, "The last day is before the first: check the dates".to_owned()))
            }
            _ => {}
        }
        let whole = |text: &str| text.trim().parse::<u32>().ok();
        let rule = match self.kind {
            RuleKind::PerAuditor => {
                let period = if self.quarterly { PeriodLength::Quarter } else { PeriodLength::Month };
                SampleRule::PerAuditor { per: whole(&self.per).unwrap_or(0) as usize, period }
            }
            RuleKind::BelowGood => SampleRule::BelowGood,
            RuleKind::Inadequate => SampleRule::Inadequate,
            RuleKind::RandomShare => SampleRule::RandomShare { percent: whole(&self.percent).unwrap_or(0) },
            RuleKind::ByHand => SampleRule::ByHand,
        };
        if let Some(problem) = sample_rule_problem(&rule) {
            let place = if self.kind == RuleKind::PerAuditor { Place::Per } else { Place::Percent };
            problems.push((place, problem));
        }
        let seed = self.seed.trim().parse::<u64>().ok();
        if rule.is_random() && seed.is_none() {
            problems.push((Place::Seed, "Enter the seed as a whole number, for example 4821".to_owned()));
        }
        match (from, to, problems.is_empty()) {
            (Some(from), Some(to), true) => {
                Ok(SampleAsk { drawn_by, from, to, rule, seed: seed.unwrap_or(0) })
            }
            _ => Err(problems),
        }
    }
}

/// A seed a person can read and type again, from a fresh id.
pub(crate) fn seed_from(id: &str) -> u64 {
    let digits: u64 = id.bytes().fold(0_u64, |sum, byte| sum.wrapping_mul(31).wrapping_add(u64::from(byte)));
    1_000 + digits % 9_000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> SampleChoice {
        SampleChoice {
            drawn_by: "Amira Hussain".into(),
            from: "2027-1-1".into(),
            to: "2027-3-31".into(),
            kind: RuleKind::PerAuditor,
            per: "2".into(),
            quarterly: true,
            percent: "10".into(),
            seed: "4821".into(),
        }
    }

    #[test]
    fn a_complete_form_reads_as_its_rule_period_and_seed() {
        let ask = choice().read().unwrap();
        assert_eq!(ask.rule, SampleRule::PerAuditor { per: 2, period: PeriodLength::Quarter });
        assert_eq!((ask.seed, ask.from.to_string().as_str()), (4821, "2027-01-01"));
    }

    #[test]
    fn every_problem_is_placed_at_its_field() {
        let bad = SampleChoice {
            drawn_by: " ".into(),
            to: "2026-12-1".into(),
            per: "0".into(),
            seed: "x".into(),
            ..choice()
        };
        let places: Vec<Place> = bad.read().unwrap_err().into_iter().map(|(place, _)| place).collect();
        assert_eq!(places, [Place::DrawnBy, Place::To, Place::Per, Place::Seed]);
        let share = SampleChoice { kind: RuleKind::RandomShare, percent: "150".into(), ..choice() };
        assert_eq!(share.read().unwrap_err()[0].0, Place::Percent);
        let below = SampleChoice { kind: RuleKind::BelowGood, seed: String::new(), ..choice() };
        assert!(below.read().is_ok(), "a rule with no random choice needs no seed");
        let by_hand =
            SampleChoice { kind: RuleKind::ByHand, seed: String::new(), per: "0".into(), ..choice() };
        assert_eq!(
            by_hand.read().unwrap().rule,
            SampleRule::ByHand,
            "choosing by hand needs no number and no seed"
        );
        assert!((1_000..10_000).contains(&seed_from("3f2a-11")));
    }
}
