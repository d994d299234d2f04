//! Drawing moderation samples: the same seed gives the same sample, each rule draws what it says.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::test_fixtures::case_file_template;
use crate::NewAudit;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

/// 30 submitted audits by three auditors over April to June; every fifth judged inadequate,
/// every third (not fifth) requires improvement; one draft and one already moderated.
fn audits(template: &Template) -> Vec<Audit> {
    let mut audits = Vec::new();
    for n in 0..32_u32 {
        let auditor = ["Sam Patel", "Priya Shah", "Dev Singh"][n as usize % 3];
        let typed = NewAudit { case_reference: format!("CF-{n}"), auditor: auditor.into() };
        let mut audit =
            typed.start(AuditId::new(format!("a{n:02}")), template.reference(), day(4, 1)).unwrap();
        audit.status = AuditStatus::Submitted;
        audit.submitted_on = Some(day(4 + (n / 3) % 3, 1 + n % 28));
        audit.overall = Some(
            if n % 5 == 0 {
                "I"
            } else if n % 3 == 0 {
                "RI"
            } else {
                "G"
            }
            .into(),
        );
        if n == 30 {
            audit.status = AuditStatus::Draft;
        }
        if n == 31 {
            audit.status = AuditStatus::Moderated;
        }
        audits.push(audit);
    }
    audits
}

#[test]
fn the_same_seed_draws_the_same_sample_and_another_seed_another() {
    let template = case_file_template();
    let templates = [template.clone()];
    let all = audits(&template);
    let rule = SampleRule::RandomShare { percent: 20 };
    let draw = |seed| draw_sample(&all, &templates, &BTreeSet::new(), day(4, 1), day(6, 30), &rule, seed);
    let first = draw(2027);
    assert_eq!(first.len(), 6, "20% of the 30 eligible, rounded up");
    assert_eq!(first, draw(2027), "repeatable from its seed");
    assert_ne!(first, draw(2028), "another seed draws other audits");
    assert!(first.windows(2).all(|pair| pair[0] < pair[1]), "in id order");
    assert!(
        !first.contains(&AuditId::new("a30")) && !first.contains(&AuditId::new("a31")),
        "no draft, nothing moderated"
    );
}

#[test]
fn per_auditor_takes_up_to_n_of_each_auditor_each_period_and_the_grade_rules_take_every_one() {
    let template = case_file_template();
    let templates = [template.clone()];
    let all = audits(&template);
    let moderated: BTreeSet<AuditId> = [AuditId::new("a00")].into();
    let draw = |rule: &SampleRule| draw_sample(&all, &templates, &moderated, day(4, 1), day(6, 30), rule, 7);
    let per_month = draw(&SampleRule::PerAuditor { per: 1, period: PeriodLength::Month });
    // Each of three auditors submits in each of three months.
    assert_eq!(per_month.len(), 9);
    let per_quarter = draw(&SampleRule::PerAuditor { per: 2, period: PeriodLength::Quarter });
    assert_eq!(per_quarter.len(), 6);
    let inadequate = draw(&SampleRule::Inadequate);
    assert_eq!(inadequate, ["a05", "a10", "a15", "a20", "a25"].map(AuditId::new), "a00 is already moderated");
    let below = draw(&SampleRule::BelowGood);
    assert_eq!(below.len(), 5 + 8, "inadequate and requires improvement");
    assert_eq!(
        SampleRule::PerAuditor { per: 2, period: PeriodLength::Quarter }.describe(),
        "2 of each auditor's audits a quarter, chosen at random"
    );
    assert_eq!(
        sample_rule_problem(&SampleRule::RandomShare { percent: 0 }).as_deref(),
        Some("Enter the share to draw as a whole percentage from 1 to 100")
    );
}

#[test]
fn by_hand_offers_every_eligible_audit_of_the_period_to_choose_from() {
    let template = case_file_template();
    let templates = [template.clone()];
    let all = audits(&template);
    let moderated = BTreeSet::from([AuditId::new("a00")]);
    let candidates = sample_candidates(&all, &templates, &moderated, day(4, 1), day(4, 30));
    let ids: Vec<&str> = candidates.iter().map(|audit| audit.id.as_str()).collect();
    // April holds the audits whose (n / 3) % 3 is 0; a00 is already moderated.
    assert!(!ids.is_empty() && !ids.contains(&"a00"));
    assert!(candidates.iter().all(|audit| audit.submitted_on.is_some_and(|on| on.month() == 4)));
    let drawn = draw_sample(&all, &templates, &moderated, day(4, 1), day(4, 30), &SampleRule::ByHand, 0);
    assert_eq!(
        drawn.iter().map(AuditId::as_str).collect::<Vec<_>>(),
        ids,
        "every candidate, for a person to choose"
    );
    assert!(!SampleRule::ByHand.is_random());
    assert_eq!(SampleRule::ByHand.describe(), "Audits chosen by hand");
}
