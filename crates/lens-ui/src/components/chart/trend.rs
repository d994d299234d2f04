//! Audits completed month by month, as columns: each month's column is split into the audits
//! judged good or better (filled) and the rest (outlined), with the count above it and the
//! share good or better below its month, so neither colour nor height alone carries a figure.

use lens_analysis::protocol::TrendMonth;
use yew::prelude::*;

use super::grades::percent;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 56.0;
const LEFT: f64 = 4.0;

/// "312 audits completed from Apr 2026 to Mar 2027, 18 to 34 a month; 71% of those judged
/// were good or better."
pub(crate) fn trend_summary(months: &[TrendMonth]) -> String {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return "No months to show.".to_owned();
    };
    let completed: usize = months.iter().map(|month| month.completed).sum();
    let fewest = months.iter().map(|month| month.completed).min().unwrap_or(0);
    let most = months.iter().map(|month| month.completed).max().unwrap_or(0);
    let audits = if completed == 1 { "1 audit".to_owned() } else { format!("{completed} audits") };
    let span = if months.len() == 1 {
        format!("in {}", first.month)
    } else {
        format!("from {} to {}", first.month, last.month)
    };
    let spread = if months.len() > 1 { format!(", {fewest} to {most} a month") } else { String::new() };
    let judged: usize = months.iter().map(|month| month.judged).sum();
    let good: usize = months.iter().map(|month| month.good_or_better).sum();
    let share = if judged > 0 {
        format!("; {}% of those judged were good or better", percent(good, judged))
    } else {
        String::new()
    };
    format!("{audits} completed {span}{spread}{share}.")
}

/// The label under a month's column: its short name within a year; over more than twelve
/// months, where a name alone would repeat, the first month and each January with its year
/// and the rest unlabelled, so no label is ambiguous or crowds its neighbours.
fn column_label(index: usize, month: &str, months: usize) -> String {
    let name = month.split(' ').next().unwrap_or_default();
    match (months > 12, index == 0 || name == "Jan") {
        (false, _) => name.to_owned(),
        (true, true) => month.to_owned(),
        (true, false) => String::new(),
    }
}

/// The chart of `months`; `id` stems the id of its caption, which names it.
pub(crate) fn trend_chart(id: &str, months: &[TrendMonth]) -> Html {
    let most = months.iter().map(|month| month.completed).max().unwrap_or(0).max(1) as f64;
    let plot = HEIGHT - TOP - BOTTOM;
    let slot = (WIDTH - LEFT * 2.0) / months.len().max(1) as f64;
    let bar = (slot * 0.6).min(60.0);
    let columns = months.iter().enumerate().map(|(index, month)| {
        let centre = LEFT + slot * (index as f64 + 0.5);
        let x = centre - bar / 2.0;
        let height = |count: usize| count as f64 / most * plot;
        let total = height(month.completed);
        let good = height(month.good_or_better);
        let base = TOP + plot;
        let share = if month.judged > 0 { format!("{}%", percent(month.good_or_better, month.judged)) } else { "–".to_owned() };
        html! {
            <g>
                <rect class="lens-chart__bar lens-chart__bar--other" x={format!("{x:.1}")} y={format!("{:.1}", base - total)}
                    width={format!("{bar:.1}")} height={format!("{:.1}", total - good)} />
                <rect class="lens-chart__bar lens-chart__bar--good" x={format!("{x:.1}")} y={format!("{:.1}", base - good)}
                    width={format!("{bar:.1}")} height={format!("{good:.1}")} />
                <text class="lens-chart__value" x={format!("{centre:.1}")} y={format!("{:.1}", base - total - 6.0)} text-anchor="middle">
                    { month.completed }
                </text>
                <text class="lens-chart__label" x={format!("{centre:.1}")} y={format!("{:.1}", base + 18.0)} text-anchor="middle">
                    { column_label(index, &month.month, months.len()) }
                </text>
                <text class="lens-chart__label" x={format!("{centre:.1}")} y={format!("{:.1}", base + 38.0)} text-anchor="middle">
                    { share }
                </text>
            </g>
        }
    });
    html! {
        <figure class="lens-chart">
            <figcaption class="lens-body" id={format!("{id}-summary")}>
                <strong>{ "Audits completed each month" }</strong><br />
                { trend_summary(months) }
                <br /><span class="lens-body--secondary">{ "Each column is a month's audits, the filled part those judged good or better, with that share below the month." }</span>
            </figcaption>
            <svg class="lens-chart__svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby={format!("{id}-summary")} focusable="false">
                <line class="lens-chart__axis" x1="0" x2={WIDTH.to_string()} y1={format!("{:.1}", TOP + plot)} y2={format!("{:.1}", TOP + plot)} />
                { for columns }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(name: &str, completed: usize, good: usize, judged: usize) -> TrendMonth {
        TrendMonth { month: name.into(), completed, good_or_better: good, judged }
    }

    #[test]
    fn the_summary_says_the_total_the_spread_and_the_share_good_or_better() {
        let months =
            [month("Apr 2026", 20, 14, 20), month("May 2026", 34, 20, 30), month("Jun 2026", 18, 12, 18)];
        assert_eq!(
            trend_summary(&months),
            "72 audits completed from Apr 2026 to Jun 2026, 18 to 34 a month; 68% of those judged were good or better."
        );
        assert_eq!(trend_summary(&[month("Apr 2026", 1, 0, 0)]), "1 audit completed in Apr 2026.");
        assert_eq!(trend_summary(&[]), "No months to show.");
    }

    #[test]
    fn over_more_than_a_year_only_the_first_month_and_each_january_are_labelled_with_the_year() {
        assert_eq!(column_label(3, "Jul 2026", 12), "Jul");
        assert_eq!(column_label(0, "Apr 2026", 18), "Apr 2026");
        assert_eq!(column_label(9, "Jan 2027", 18), "Jan 2027");
        assert_eq!(column_label(10, "Feb 2027", 18), "");
    }
}
