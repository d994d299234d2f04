//! Reporting periods: calendar months and the quarters of the UK financial year (April to
//! March), which is how councils report.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// How long a reporting period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodLength {
    /// A calendar month.
    Month,
    /// A quarter of the financial year: Q1 is April to June, Q4 is January to March.
    Quarter,
}

/// One month or one financial quarter. Periods of the same length order by time, and
/// [`Period::ordinal`] counts them without gaps so that trends see missing periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    length: PeriodLength,
    /// Months or quarters since the start of year 0 (quarters counted from April of year 0).
    ordinal: i64,
}

impl Period {
    /// The period of `length` that holds `date`.
    pub fn containing(date: NaiveDate, length: PeriodLength) -> Self {
        let months = i64::from(date.year()) * 12 + i64::from(date.month0());
        let ordinal = match length {
            PeriodLength::Month => months,
            // Shift so April is month 0 of its financial year, then count whole quarters.
            PeriodLength::Quarter => (months - 3).div_euclid(3),
        };
        Self { length, ordinal }
    }

    /// How long the period is.
    pub fn length(self) -> PeriodLength {
        self.length
    }

    /// A count of periods that increases by one from each period to the next.
    pub fn ordinal(self) -> i64 {
        self.ordinal
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        let months = match self.length {
            PeriodLength::Month => self.ordinal,
            PeriodLength::Quarter => self.ordinal * 3 + 3,
        };
        let (year, month0) = (months.div_euclid(12), months.rem_euclid(12));
        // Every year representable by chrono's dates round-trips through this arithmetic.
        NaiveDate::from_ymd_opt(year as i32, month0 as u32 + 1, 1).unwrap_or(NaiveDate::MIN)
    }
}

impl Period {
    /// The period after this one.
    pub fn next(self) -> Self {
        Self { length: self.length, ordinal: self.ordinal + 1 }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// Every period of this length from the one containing `from` to the one containing `to`.
    pub fn span(from: NaiveDate, to: NaiveDate, length: PeriodLength) -> Vec<Period> {
        let last = Period::containing(to, length);
        std::iter::successors(Some(Period::containing(from, length)), |period| Some(period.next()))
            .take_while(|period| *period <= last)
            .collect()
    }
}

impl fmt::Display for Period {
    /// `2026-03` for a month; `2025/26 Q4` for a financial quarter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.length {
            PeriodLength::Month => {
                let first = self.first_day();
                write!(f, "{:04}-{:02}", first.year(), first.month())
            }
            PeriodLength::Quarter => {
                let start_year = self.ordinal.div_euclid(4);
                let quarter = self.ordinal.rem_euclid(4) + 1;
                write!(f, "{start_year}/{:02} Q{quarter}", (start_year + 1).rem_euclid(100))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn months_are_labelled_and_counted_without_gaps() {
        let march = Period::containing(date("2026-03-31"), PeriodLength::Month);
        let april = Period::containing(date("2026-04-01"), PeriodLength::Month);
        assert_eq!(march.to_string(), "2026-03");
        assert_eq!(april.ordinal() - march.ordinal(), 1);
        let next_january = Period::containing(date("2027-01-15"), PeriodLength::Month);
        assert_eq!(next_january.ordinal() - march.ordinal(), 10);
        assert_eq!(april.first_day(), date("2026-04-01"));
    }

    #[test]
    fn quarters_follow_the_financial_year() {
        let label = |text| Period::containing(date(text), PeriodLength::Quarter).to_string();
        assert_eq!(label("2026-04-01"), "2026/27 Q1");
        assert_eq!(label("2026-06-30"), "2026/27 Q1");
        assert_eq!(label("2026-07-01"), "2026/27 Q2");
        assert_eq!(label("2026-12-31"), "2026/27 Q3");
        assert_eq!(label("2027-01-01"), "2026/27 Q4");
        assert_eq!(label("2027-03-31"), "2026/27 Q4");
        assert_eq!(label("1999-05-01"), "1999/00 Q1");
        let q4 = Period::containing(date("2027-02-10"), PeriodLength::Quarter);
        let q1 = Period::containing(date("2027-04-10"), PeriodLength::Quarter);
        assert_eq!(q1.ordinal() - q4.ordinal(), 1);
        assert_eq!(q4.first_day(), date("2027-01-01"));
        assert_eq!(q4.last_day(), date("2027-03-31"));
        let quarters = Period::span(date("2026-05-20"), date("2027-01-02"), PeriodLength::Quarter);
        let labels: Vec<String> = quarters.iter().map(ToString::to_string).collect();
        assert_eq!(labels, ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3", "2026/27 Q4"]);
        assert!(q4 < q1);
    }
}
