//! The periods a QA manager reports on most, offered with one press beside a period's two date
//! inputs: this month, this quarter, last quarter and this financial year, each seen from today.

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
}

impl QuickPeriod {
    pub const ALL: [Self; 4] =
        [Self::ThisMonth, Self::ThisQuarter, Self::LastQuarter, Self::ThisFinancialYear];

    pub fn label(self) -> &'static str {
        match self {
            Self::ThisMonth => "This month",
            Self::ThisQuarter => "This quarter",
            Self::LastQuarter => "Last quarter",
            Self::ThisFinancialYear => "This financial year",
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
        }
    }

    /// Its days as the date input's boxes take them, e.g. ("2026-4-1", "2026-6-30").
    pub fn typed_days(self, today: NaiveDate) -> (String, String) {
        let (from, to) = self.days(today);
        (typed(from), typed(to))
    }

    /// The quick period the typed dates are, if any.
    pub fn of(from: &str, to: &str, today: NaiveDate) -> Option<Self> {
        let days = period_days(from, to)?;
        Self::ALL.into_iter().find(|period| period.days(today) == days)
    }
}

/// A date as the date input's boxes take it, e.g. "2026-4-1".
fn typed(day: NaiveDate) -> String {
    day.format("%Y-%-m-%-d").to_string()
}

/// The row of quick-period buttons, the one the dates now are marked as pressed.
pub(crate) fn quick_periods(current: Option<QuickPeriod>, onpick: &Callback<QuickPeriod>) -> Html {
    let buttons = QuickPeriod::ALL.into_iter().map(|period| {
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
}
