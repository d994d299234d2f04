//! Every standard against every grade in one table: the grid a QA manager reads across to see
//! where practice is strong and where it falls short, beside the charts that show one standard
//! each. Its cells are the grade charts' counts, so the two never disagree.

use lens_analysis::protocol::{GradeChart, ReportView};
use yew::prelude::*;

use crate::components::chart::percent;
use crate::components::heading_level::{small_heading, HeadingLevel};
use crate::components::scroll_table::scroll_table;

/// The grid's columns and rows, worked out apart from drawing them.
#[derive(Debug, PartialEq)]
pub(crate) struct GradeGrid {
    /// Each grade that any chart has, best first as the scales list them.
    pub grades: Vec<String>,
    /// One row per chart: what was graded, its count under each grade (none where its scale
    /// has no such grade), and the share good or better.
    pub rows: Vec<GridRow>,
}

#[derive(Debug, PartialEq)]
pub(crate) struct GridRow {
    pub title: String,
    pub counts: Vec<Option<usize>>,
    pub good_or_better: String,
}

impl GradeGrid {
    pub(crate) fn of(charts: &[GradeChart]) -> Self {
        let mut grades: Vec<String> = Vec::new();
        for bar in charts.iter().flat_map(|chart| &chart.bars) {
            if !grades.contains(&bar.grade) {
                grades.push(bar.grade.clone());
            }
        }
        let rows = charts
            .iter()
            .map(|chart| GridRow {
                title: chart.title.clone(),
                counts: grades
                    .iter()
                    .map(|grade| chart.bars.iter().find(|bar| bar.grade == *grade).map(|bar| bar.count))
                    .collect(),
                good_or_better: format!("{}%", percent(chart.good_or_better, chart.total)),
            })
            .collect();
        Self { grades, rows }
    }
}

/// The grid as a table, or nothing when no grade was given.
pub(crate) fn grade_grid(view: &ReportView, level: HeadingLevel) -> Html {
    const HEADING_ID: &str = "lens-report-grade-grid";
    if view.grade_charts.is_empty() {
        return Html::default();
    }
    let grid = GradeGrid::of(&view.grade_charts);
    let columns = grid.grades.iter().map(|grade| {
        html! { <th scope="col" class="lens-table__header lens-table__header--numeric">{ grade.clone() }</th> }
    });
    let rows = grid.rows.iter().map(|row| {
        let cells = row.counts.iter().map(|count| match count {
            Some(count) => html! { <td class="lens-table__cell lens-table__cell--numeric">{ count }</td> },
            None => html! {
                <td class="lens-table__cell lens-table__cell--numeric">
                    <span aria-hidden="true">{ "–" }</span><span class="lens-visually-hidden">{ "not on this scale" }</span>
                </td>
            },
        });
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ row.title.clone() }</th>
                { for cells }
                <td class="lens-table__cell lens-table__cell--numeric">{ row.good_or_better.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="lens-grade-grid" aria-labelledby={HEADING_ID}>
            { small_heading(level, HEADING_ID, "Every standard by grade") }
            <p class="lens-body lens-body--secondary">{ "How many gradings each standard had under each grade, and the share good or better. Where an audit was moderated, its agreed grades count." }</p>
            { scroll_table(HEADING_ID, html! {
                <table class="lens-table" aria-labelledby={HEADING_ID}>
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Standard" }</th>
                            { for columns }
                            <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Good or better" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use lens_analysis::protocol::{BarStanding, GradeBar};

    use super::*;

    fn chart(title: &str, bars: &[(&str, BarStanding, usize)], good: usize) -> GradeChart {
        GradeChart {
            title: title.into(),
            bars: bars
                .iter()
                .map(|(grade, standing, count)| GradeBar {
                    grade: (*grade).into(),
                    standing: *standing,
                    count: *count,
                })
                .collect(),
            total: bars.iter().map(|(_, _, count)| count).sum(),
            good_or_better: good,
        }
    }

    #[test]
    fn each_standard_is_a_row_of_its_counts_under_every_grade_with_gaps_where_its_scale_differs() {
        use BarStanding::{BelowGood, GoodOrBetter, Inadequate};
        let charts = [
            chart(
                "Overall judgement",
                &[("Good", GoodOrBetter, 2), ("Requires improvement", BelowGood, 1)],
                2,
            ),
            chart("Voice of the child", &[("Good", GoodOrBetter, 0), ("Inadequate", Inadequate, 3)], 0),
        ];
        let grid = GradeGrid::of(&charts);
        assert_eq!(grid.grades, ["Good", "Requires improvement", "Inadequate"]);
        assert_eq!(grid.rows[0].counts, [Some(2), Some(1), None]);
        assert_eq!(grid.rows[0].good_or_better, "67%");
        assert_eq!(grid.rows[1].counts, [Some(0), None, Some(3)]);
        assert_eq!(grid.rows[1].good_or_better, "0%");
    }
}
