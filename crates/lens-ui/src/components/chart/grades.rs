//! How the grades of one standard fell, as horizontal bars: one per grade of the scale, best
//! first, each named by its grade and labelled with its count and share, so neither colour nor
//! length alone carries the figure.

use lens_analysis::protocol::{BarStanding, GradeChart};
use yew::prelude::*;

// Narrow enough to be drawn near its own size in a column of the chart grid, so its text
// stays readable; each grade's name sits above its bar, so long names need no room beside it.
const WIDTH: f64 = 420.0;
const ROW: f64 = 46.0;
const LEFT: f64 = 4.0;
const BAR_ROOM: f64 = 330.0;

/// `count` as a whole percentage of `total`, rounded; 0 of nothing is 0.
pub(crate) fn percent(count: usize, total: usize) -> usize {
    (count * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// "3 of 12 gradings were good or better (25%)".
pub(crate) fn grade_summary(chart: &GradeChart) -> String {
    let share = percent(chart.good_or_better, chart.total);
    let gradings = if chart.total == 1 { "grading was" } else { "gradings were" };
    format!("{} of {} {gradings} good or better ({share}%).", chart.good_or_better, chart.total)
}

/// The chart of `chart`; `id` stems the id of its caption, which names it.
pub(crate) fn grade_distribution_chart(id: &str, chart: &GradeChart) -> Html {
    let height = ROW * chart.bars.len() as f64 + 6.0;
    let largest = chart.bars.iter().map(|bar| bar.count).max().unwrap_or(0).max(1) as f64;
    let rows = chart.bars.iter().enumerate().map(|(index, bar)| {
        let top = ROW * index as f64;
        let length = (bar.count as f64 / largest * BAR_ROOM).max(if bar.count > 0 { 2.0 } else { 0.0 });
        let share = percent(bar.count, chart.total);
        let class = match bar.standing {
            BarStanding::GoodOrBetter => "lens-chart__bar lens-chart__bar--good",
            BarStanding::BelowGood => "lens-chart__bar lens-chart__bar--below-good",
            BarStanding::Inadequate => "lens-chart__bar lens-chart__bar--inadequate",
        };
        html! {
            <g>
                <text class="lens-chart__label" x={LEFT.to_string()} y={format!("{:.1}", top + 14.0)}>{ bar.grade.clone() }</text>
                <rect class={class} x={LEFT.to_string()} y={format!("{:.1}", top + 20.0)}
                    width={format!("{length:.1}")} height="18" />
                <text class="lens-chart__value" x={format!("{:.1}", LEFT + length + 8.0)} y={format!("{:.1}", top + 34.0)}>
                    { format!("{} ({share}%)", bar.count) }
                </text>
            </g>
        }
    });
    html! {
        <figure class="lens-chart lens-chart--grades">
            <figcaption class="lens-body" id={format!("{id}-summary")}>
                <strong>{ chart.title.clone() }</strong><br />{ grade_summary(chart) }
            </figcaption>
            <svg class="lens-chart__svg" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                aria-labelledby={format!("{id}-summary")} focusable="false">
                { for rows }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use lens_analysis::protocol::GradeBar;

    use super::*;

    #[test]
    fn the_summary_says_how_many_were_good_or_better() {
        let bar = |grade: &str, standing, count| GradeBar { grade: grade.into(), standing, count };
        let chart = GradeChart {
            title: "Risk".into(),
            bars: vec![
                bar("Good", BarStanding::GoodOrBetter, 1),
                bar("Inadequate", BarStanding::Inadequate, 2),
            ],
            total: 3,
            good_or_better: 1,
        };
        assert_eq!(grade_summary(&chart), "1 of 3 gradings were good or better (33%).");
        let one = GradeChart { total: 1, good_or_better: 1, ..chart };
        assert_eq!(grade_summary(&one), "1 of 1 grading was good or better (100%).");
    }
}
