//! Charts drawn as SVG by Practice Lens itself: each has a title, a one-sentence summary that
//! says what it shows, and its figures in a table beside it, so no chart is the only way to
//! read a number. Shapes and labels carry the meaning, never colour alone; colours come from
//! classes, so forced colours and print keep them readable.

mod grades;
mod trend;

pub(crate) use grades::{grade_distribution_chart, percent};
pub(crate) use trend::trend_chart;
use yew::prelude::*;

/// One point of a chart of signed differences.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignedPoint {
    /// The period, e.g. "2026-27 Q1".
    pub label: String,
    /// Auditor minus agreed grade, in grade steps; none when nothing was compared.
    pub value: Option<f64>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 20.0;
/// Room inside the plot so the first and last points' labels stay clear of the axis labels.
const INSET: f64 = 45.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 50.0;

/// A number with two decimals and its sign, e.g. "+0.25".
pub(crate) fn signed(value: f64) -> String {
    if value.abs() < 0.005 {
        "0.00".to_owned()
    } else {
        format!("{value:+.2}")
    }
}

/// The signed difference between an auditor and the agreed grades, period by period: above
/// the line the auditor graded harsher, below it more leniently. `id` stems the ids of its
/// title and summary, which name the chart for assistive technology.
pub(crate) fn signed_difference_chart(id: &str, title: &str, summary: &str, points: &[SignedPoint]) -> Html {
    let largest = points.iter().filter_map(|point| point.value).fold(1.0_f64, |most, v| most.max(v.abs()));
    let limit = (largest * 2.0).ceil() / 2.0;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |value: f64| TOP + plot_height / 2.0 - value / limit * plot_height / 2.0;
    let (first, last) = (LEFT + INSET, WIDTH - RIGHT - INSET);
    let step = if points.len() > 1 { (last - first) / (points.len() - 1) as f64 } else { 0.0 };
    let x = |index: usize| {
        if points.len() > 1 {
            first + step * index as f64
        } else {
            (first + last) / 2.0
        }
    };
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(index, point)| point.value.map(|value| format!("{:.1},{:.1}", x(index), y(value))))
        .collect();
    let marks = points.iter().enumerate().map(|(index, point)| {
        let (cx, label_y) = (x(index), HEIGHT - BOTTOM + 22.0);
        html! {
            <g>
                if let Some(value) = point.value {
                    <circle class="lens-chart__point" cx={format!("{cx:.1}")} cy={format!("{:.1}", y(value))} r="5" />
                    <text class="lens-chart__value" x={format!("{cx:.1}")} y={format!("{:.1}", y(value) - 10.0)} text-anchor="middle">{ signed(value) }</text>
                }
                <text class="lens-chart__label" x={format!("{cx:.1}")} y={format!("{label_y:.1}")} text-anchor="middle">{ point.label.clone() }</text>
            </g>
        }
    });
    let zero = y(0.0);
    html! {
        <figure class="lens-chart">
            <svg class="lens-chart__svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby={format!("{id}-title {id}-summary")} focusable="false">
                <title id={format!("{id}-title")}>{ title }</title>
                <line class="lens-chart__axis" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                    y1={format!("{zero:.1}")} y2={format!("{zero:.1}")} />
                <text class="lens-chart__label" x={(LEFT - 10.0).to_string()} y={format!("{:.1}", TOP + 12.0)} text-anchor="end">{ format!("Harsher +{limit:.1}") }</text>
                <text class="lens-chart__label" x={(LEFT - 10.0).to_string()} y={format!("{:.1}", zero + 5.0)} text-anchor="end">{ "As agreed 0" }</text>
                <text class="lens-chart__label" x={(LEFT - 10.0).to_string()} y={format!("{:.1}", HEIGHT - BOTTOM)} text-anchor="end">{ format!("More lenient −{limit:.1}") }</text>
                if line.len() > 1 {
                    <polyline class="lens-chart__line" points={line.join(" ")} />
                }
                { for marks }
            </svg>
            <figcaption class="lens-body" id={format!("{id}-summary")}>{ summary }</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_values_read_as_harsher_or_more_lenient() {
        assert_eq!(signed(0.254), "+0.25");
        assert_eq!(signed(-1.0), "-1.00");
        assert_eq!(signed(0.001), "0.00");
    }
}
