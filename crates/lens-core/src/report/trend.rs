//! Trends: audits completed and the share good or better, month by month and quarter by
//! quarter, every period of the report listed even when it had no audits.

use std::collections::BTreeMap;

use super::scope::{count_figure, Scope, Tally};
use super::{Dimension, Figure, Measure, Question};
use crate::template::GradeStanding;
use crate::{AuditId, Period, PeriodLength};

pub(super) fn figures(scope: &Scope, figures: &mut Vec<Figure>) {
    for (length, dimension) in
        [(PeriodLength::Month, Dimension::Month), (PeriodLength::Quarter, Dimension::Quarter)]
    {
        let mut by_period: BTreeMap<Period, (Vec<&AuditId>, Tally)> = BTreeMap::new();
        for dated in scope.completed() {
            let (completed, good) = by_period
                .entry(Period::containing(dated.on, length))
                .or_insert_with(|| (Vec::new(), Tally::new()));
            completed.push(&dated.audit.id);
            if let Some(grade) = dated.overall {
                good.add(grade.standing == GradeStanding::GoodOrBetter, &dated.audit.id);
            }
        }
        for period in Period::span(scope.filter.from, scope.filter.to, length) {
            let (completed, good) = by_period.remove(&period).unwrap_or_else(|| (Vec::new(), Tally::new()));
            let group = vec![(dimension, period.to_string())];
            figures.push(count_figure(Question::Trend, Measure::AuditsCompleted, group.clone(), completed));
            figures.push(good.figure(Question::Trend, Measure::GoodOrBetter, group, true));
        }
    }
}
