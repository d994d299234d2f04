//! The periods a QA manager reports on most, offered with one press beside a period's two date
//! inputs: this month, this quarter, last quarter and this financial year, each seen from today;
//! and for a six-monthly service review, the half-years of the council's year (April to
//! September, October to March).

use chrono::{Datelike, NaiveDate};
use lens_core::{Period, PeriodLength};
use yew::prelude::*;

use super::period_days;

/// The periods offered with one press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuickPeriod {
    ThisMonth,
    ThisQuarter,
    LastQuarter,
    ThisFinancialYear,
    ThisHalfYear,
    LastHalfYear,
}

impl QuickPeriod {
    /// The periods a report offers.
    pub const ALL: [Self; 4] =
        [Self::ThisMonth, Self::ThisQuarter, Self::LastQuarter, Self::ThisFinancialYear];
    /// The periods a six-monthly review offers.
    pub const HALF_YEARS: [Self; 3] = [Self::LastHalfYear, Self::ThisHalfYear, Self::ThisFinancialYear];

    pub fn label(self) -> &'static str {
        match self {
            Self::ThisMonth => "This month",
            Self::ThisQuarter => "This quarter",
            Self::LastQuarter => "Last quarter",
            Self::ThisFinancialYear => "This financial year",
            Self::ThisHalfYear => "This half-year",
            Self::LastHalfYear => "Last half-year",
        }
    }

    /// Its first and last day, seen from `today`: a period still under way ends today.
    pub fn days(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            Self::ThisMonth => (Period::containing(today, PeriodLength::Month).first_day(), today),
            Self::ThisQuarter => (Period::containing(today, PeriodLength::Quarter).first_day(), today),
            Self::LastQuarter => {
                let this = Period::containing(today, PeriodLength::Quarter).first_day();
                let last = Period::containing(this.pred_opt().unwrap_or(this), PeriodLength::Quarter);
                (last.first_day(), last.last_day())
            }
            Self::ThisFinancialYear => {
                // A council's year starts on 1 April.
                let year = if today.month() >= 4 { today.year() } else { today.year() - 1 };
                (NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(today), today)
            }
            Self::ThisHalfYear => (half_year_start(today), today),
            Self::LastHalfYear => {
                let this = half_year_start(today);
                let last_day = this.pred_opt().unwrap_or(this);
                (half_year_start(last_day), last_day)
            }
        }
    }

    /// Its days as the date input's boxes take them, e.g. ("2026-4-1", "2026-6-30").
    pub fn typed_days(self, today: NaiveDate) -> (String, String) {
        let (from, to) = self.days(today);
        (typed(from), typed(to))
    }

    /// The quick period the typed dates are, if any.
    pub fn of(from: &str, to: &str, today: NaiveDate) -> Option<Self> {
        Self::of_among(&Self::ALL, from, to, today)
    }

    /// The one of `periods` the typed dates are, if any.
    pub fn of_among(periods: &[Self], from: &str, to: &str, today: NaiveDate) -> Option<Self> {
        let days = period_days(from, to)?;
        periods.iter().copied().find(|period| period.days(today) == days)
    }
}

/// The first day of the half of the council's year (from 1 April or 1 October) holding `day`.
fn half_year_start(day: NaiveDate) -> NaiveDate {
    let (year, month) = match day.month() {
        4..=9 => (day.year(), 4),
        10..=12 => (day.year(), 10),
        _ => (day.year() - 1, 10),
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(day)
}

/// A date as the date input's boxes take it, e.g. "2026-4-1".
fn typed(day: NaiveDate) -> String {
    day.format("%Y-%-m-%-d").to_string()
}

/// The row of a report's quick-period buttons, the one the dates now are marked as pressed.
pub(crate) fn quick_periods(current: Option<QuickPeriod>, onpick: &Callback<QuickPeriod>) -> Html {
    quick_periods_of(&QuickPeriod::ALL, current, onpick)
}

/// The row of buttons for `periods`, the one the dates now are marked as pressed.
pub(crate) fn quick_periods_of(
    periods: &[QuickPeriod],
    current: Option<QuickPeriod>,
    onpick: &Callback<QuickPeriod>,
) -> Html {
    let buttons = periods.iter().copied().map(|period| {
        let onclick = onpick.reform(move |_: MouseEvent| period);
        html! {
            <button type="button" class="lens-button lens-button--secondary lens-button--small"
                aria-pressed={(current == Some(period)).to_string()} {onclick}>
                { period.label() }
            </button>
        }
    });
    html! {
        <div class="lens-button-group lens-quick-periods" role="group" aria-label="Quick periods">{ for buttons }</div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn quick_periods_follow_the_council_s_year_and_are_recognised_when_typed() {
        let today = day(2027, 2, 10);
        assert_eq!(QuickPeriod::ThisMonth.days(today), (day(2027, 2, 1), today));
        assert_eq!(QuickPeriod::ThisQuarter.days(today), (day(2027, 1, 1), today));
        assert_eq!(QuickPeriod::LastQuarter.days(today), (day(2026, 10, 1), day(2026, 12, 31)));
        assert_eq!(QuickPeriod::ThisFinancialYear.days(today), (day(2026, 4, 1), today));
        assert_eq!(QuickPeriod::ThisFinancialYear.days(day(2026, 4, 1)), (day(2026, 4, 1), day(2026, 4, 1)));
        let (from, to) = QuickPeriod::LastQuarter.typed_days(today);
        assert_eq!((from.as_str(), to.as_str()), ("2026-10-1", "2026-12-31"));
        assert_eq!(QuickPeriod::of(&from, &to, today), Some(QuickPeriod::LastQuarter));
        assert_eq!(QuickPeriod::of("2026-11-3", &to, today), None);
    }

    #[test]
    fn half_years_run_april_to_september_and_october_to_march() {
        assert_eq!(QuickPeriod::ThisHalfYear.days(day(2027, 2, 10)), (day(2026, 10, 1), day(2027, 2, 10)));
        assert_eq!(QuickPeriod::LastHalfYear.days(day(2027, 2, 10)), (day(2026, 4, 1), day(2026, 9, 30)));
        assert_eq!(QuickPeriod::LastHalfYear.days(day(2026, 12, 1)), (day(2026, 4, 1), day(2026, 9, 30)));
        assert_eq!(QuickPeriod::LastHalfYear.days(day(2026, 4, 1)), (day(2025, 10, 1), day(2026, 3, 31)));
        assert_eq!(QuickPeriod::ThisHalfYear.days(day(2026, 9, 30)), (day(2026, 4, 1), day(2026, 9, 30)));
        let (from, to) = QuickPeriod::LastHalfYear.typed_days(day(2026, 12, 1));
        assert_eq!(
            QuickPeriod::of_among(&QuickPeriod::HALF_YEARS, &from, &to, day(2026, 12, 1)),
            Some(QuickPeriod::LastHalfYear)
        );
        assert_eq!(QuickPeriod::of(&from, &to, day(2026, 12, 1)), None, "a report does not offer it");
    }
}
