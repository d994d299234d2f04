//! The QA cycle: audits expected of each auditor in each quarter (set per quarter or per month)
//! against those completed, with
//! no activity expected in paused months (August and December in the ten-month cycle).

use std::collections::BTreeMap;

use chrono::Datelike;

use super::scope::{count_figure, Scope};
use super::{Dimension, ExpectedAudits, Figure, Measure, Question, ReportSettings};
use crate::{AuditId, Period, PeriodLength};

const Q: Question = Question::Cycle;

pub(super) fn figures(scope: &Scope, settings: &ReportSettings, figures: &mut Vec<Figure>) {
    let is_active = |month: Period| !settings.paused_months.contains(&month.first_day().month());
    let quarters = Period::span(scope.filter.from, scope.filter.to, PeriodLength::Quarter);
    let mut completed_by: BTreeMap<(&str, Period), Vec<&AuditId>> = BTreeMap::new();
    for dated in scope.completed() {
        let quarter = Period::containing(dated.on, PeriodLength::Quarter);
        completed_by.entry((dated.audit.auditor.trim(), quarter)).or_default().push(&dated.audit.id);
    }
    for auditor in &scope.auditors {
        let (mut expected_total, mut completed_total) = (0, Vec::new());
        for quarter in &quarters {
            let months = Period::span(quarter.first_day(), quarter.last_day(), PeriodLength::Month);
            let active = months.iter().filter(|month| is_active(**month)).count();
            let active_in_range = months
                .iter()
                .filter(|month| is_active(**month))
                .filter(|month| month.last_day() >= scope.filter.from && month.first_day() <= scope.filter.to)
                .count();
            let expected = match settings.expected {
                // A quarter only partly in the report expects its share of the active months, rounded.
                ExpectedAudits::PerQuarter(per_quarter) => {
                    let per_quarter = per_quarter as usize;
                    if active == 0 {
                        0
                    } else {
                        (per_quarter * active_in_range * 2 + active) / (2 * active)
                    }
                }
                ExpectedAudits::PerMonth(per_month) => per_month as usize * active_in_range,
            };
            let completed = completed_by.remove(&(auditor.as_str(), *quarter)).unwrap_or_default();
            expected_total += expected;
            completed_total.extend(completed.iter().copied());
            let group =
                vec![(Dimension::Auditor, auditor.clone()), (Dimension::Quarter, quarter.to_string())];
            let mut figure = count_figure(Q, Measure::AuditsExpectedCompleted, group, completed);
            figure.of = Some(expected);
            figures.push(figure);
        }
        let mut total = count_figure(
            Q,
            Measure::AuditsExpectedCompleted,
            vec![(Dimension::Auditor, auditor.clone())],
            completed_total,
        );
        total.of = Some(expected_total);
        figures.push(total);
    }
    for month in Period::span(scope.filter.from, scope.filter.to, PeriodLength::Month)
        .into_iter()
        .filter(|m| !is_active(*m))
    {
        let in_month =
            scope.completed().filter(|dated| Period::containing(dated.on, PeriodLength::Month) == month);
        let audits: Vec<_> = in_month.map(|dated| &dated.audit.id).collect();
        if !audits.is_empty() {
            figures.push(count_figure(
                Q,
                Measure::AuditsInPausedMonth,
                vec![(Dimension::Month, month.to_string())],
                audits,
            ));
        }
    }
}
