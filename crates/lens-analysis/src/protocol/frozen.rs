//! A report's figures fixed for a signed QA report, and shown again from what was fixed: the
//! page keeps what the worker sent, so a signed report never asks the worker again.

use chrono::NaiveDate;
use lens_core::GradeStanding;
use lens_store::qa_report::{
    Evidence, FrozenAuditor, FrozenBar, FrozenChart, FrozenCycle, FrozenCycleMonth, FrozenFigures,
    FrozenMonth, FrozenRow, FrozenSection,
};

use super::cycle::{AuditorVolume, CycleMonth, CycleView};
use super::themes::ThemeQuote;
use super::{BarStanding, FigureRow, GradeBar, GradeChart, ReportSection, ReportView, TrendMonth};

/// The report's figures as a signed report keeps them.
pub fn freeze(view: &ReportView) -> FrozenFigures {
    FrozenFigures {
        audits_completed: view.audits_completed,
        notes: view.notes.clone(),
        sections: view
            .sections
            .iter()
            .map(|section| FrozenSection {
                anchor: section.anchor.clone(),
                heading: section.heading.clone(),
                rows: section
                    .rows
                    .iter()
                    .map(|row| FrozenRow {
                        measure: row.measure.clone(),
                        breakdown: row.breakdown.clone(),
                        overall: row.overall,
                        count: row.count,
                        of: row.of,
                        share: row.share.clone(),
                    })
                    .collect(),
            })
            .collect(),
        charts: view
            .grade_charts
            .iter()
            .map(|chart| FrozenChart {
                title: chart.title.clone(),
                bars: chart
                    .bars
                    .iter()
                    .map(|bar| FrozenBar {
                        grade: bar.grade.clone(),
                        standing: match bar.standing {
                            BarStanding::GoodOrBetter => GradeStanding::GoodOrBetter,
                            BarStanding::BelowGood => GradeStanding::BelowGood,
                            BarStanding::Inadequate => GradeStanding::Inadequate,
                        },
                        count: bar.count,
                    })
                    .collect(),
                total: chart.total,
                good_or_better: chart.good_or_better,
            })
            .collect(),
        trend: view
            .trend
            .iter()
            .map(|month| FrozenMonth {
                month: month.month.clone(),
                completed: month.completed,
                good_or_better: month.good_or_better,
                judged: month.judged,
            })
            .collect(),
        cycle: view.cycle.as_ref().map(freeze_cycle),
    }
}

fn freeze_cycle(cycle: &CycleView) -> FrozenCycle {
    FrozenCycle {
        months: cycle
            .months
            .iter()
            .map(|month| FrozenCycleMonth {
                month: month.month.clone(),
                reflection: month.reflection,
                completed: month.completed,
            })
            .collect(),
        auditors: cycle
            .auditors
            .iter()
            .map(|auditor| FrozenAuditor {
                auditor: auditor.auditor.clone(),
                completed: auditor.completed,
                expected: auditor.expected,
            })
            .collect(),
    }
}

fn thaw_cycle(cycle: &FrozenCycle) -> CycleView {
    CycleView {
        months: cycle
            .months
            .iter()
            .map(|month| CycleMonth {
                month: month.month.clone(),
                reflection: month.reflection,
                completed: month.completed,
            })
            .collect(),
        auditors: cycle
            .auditors
            .iter()
            .map(|auditor| AuditorVolume {
                auditor: auditor.auditor.clone(),
                completed: auditor.completed,
                expected: auditor.expected,
            })
            .collect(),
    }
}

/// The report a signed report's figures show, as the screen draws a report.
pub fn thaw(figures: &FrozenFigures, from: NaiveDate, to: NaiveDate) -> ReportView {
    ReportView {
        from,
        to,
        audits_completed: figures.audits_completed,
        notes: figures.notes.clone(),
        sections: figures
            .sections
            .iter()
            .map(|section| ReportSection {
                anchor: section.anchor.clone(),
                heading: section.heading.clone(),
                rows: section
                    .rows
                    .iter()
                    .map(|row| FigureRow {
                        measure: row.measure.clone(),
                        breakdown: row.breakdown.clone(),
                        overall: row.overall,
                        figure: None,
                        count: row.count,
                        of: row.of,
                        share: row.share.clone(),
                    })
                    .collect(),
            })
            .collect(),
        grade_charts: figures
            .charts
            .iter()
            .map(|chart| GradeChart {
                title: chart.title.clone(),
                bars: chart
                    .bars
                    .iter()
                    .map(|bar| GradeBar {
                        grade: bar.grade.clone(),
                        standing: match bar.standing {
                            GradeStanding::GoodOrBetter => BarStanding::GoodOrBetter,
                            GradeStanding::BelowGood => BarStanding::BelowGood,
                            GradeStanding::Inadequate => BarStanding::Inadequate,
                        },
                        count: bar.count,
                    })
                    .collect(),
                total: chart.total,
                good_or_better: chart.good_or_better,
            })
            .collect(),
        trend: figures
            .trend
            .iter()
            .map(|month| TrendMonth {
                month: month.month.clone(),
                completed: month.completed,
                good_or_better: month.good_or_better,
                judged: month.judged,
            })
            .collect(),
        cycle: figures.cycle.as_ref().map(thaw_cycle),
    }
}

/// A quote from the themes as a report's evidence for `theme`.
pub fn evidence(theme: &str, quote: &ThemeQuote) -> Evidence {
    Evidence {
        theme: theme.to_owned(),
        audit: quote.audit.clone(),
        case_reference: quote.case_reference.clone(),
        item: quote.item.clone(),
        standard: quote.standard.clone(),
        before: quote.before.clone(),
        marked: quote.marked.clone(),
        after: quote.after.clone(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn figures_frozen_and_shown_again_are_the_report_as_it_was() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).unwrap();
        let view = ReportView {
            from: day(1),
            to: day(30),
            audits_completed: 3,
            notes: vec!["A note.".into()],
            sections: vec![ReportSection {
                anchor: "how-much".into(),
                heading: "How much did we do?".into(),
                rows: vec![FigureRow {
                    measure: "Audits completed".into(),
                    breakdown: "All".into(),
                    overall: true,
                    figure: None,
                    count: 3,
                    of: Some(5),
                    share: "60%".into(),
                }],
            }],
            grade_charts: vec![GradeChart {
                title: "Overall".into(),
                bars: [BarStanding::GoodOrBetter, BarStanding::BelowGood, BarStanding::Inadequate]
                    .into_iter()
                    .enumerate()
                    .map(|(count, standing)| GradeBar { grade: format!("{standing:?}"), standing, count })
                    .collect(),
                total: 3,
                good_or_better: 0,
            }],
            trend: vec![TrendMonth { month: "Sep 2026".into(), completed: 3, good_or_better: 1, judged: 2 }],
            cycle: Some(CycleView {
                months: vec![
                    CycleMonth { month: "Aug 2026".into(), reflection: true, completed: 1 },
                    CycleMonth { month: "Sep 2026".into(), reflection: false, completed: 3 },
                ],
                auditors: vec![AuditorVolume { auditor: "Sam Patel".into(), completed: 3, expected: 2 }],
            }),
        };
        assert_eq!(thaw(&freeze(&view), day(1), day(30)), view);
        // A report signed before the cycle was kept shows none.
        let kept_without = FrozenFigures { cycle: None, ..freeze(&view) };
        assert_eq!(thaw(&kept_without, day(1), day(30)).cycle, None);
    }
}
