//! One theme as the panel shows it: what is going well beside what needs to improve, each with
//! its counts, its months, its split folded away, and quotes that open their audits.

use lens_analysis::protocol::themes::{ThemeQuote, ThemeSide, ThemeSides, ThemeSplit};
use lens_analysis::protocol::ThemePolarity;
use lens_core::AuditId;
use yew::prelude::*;

use crate::components::pagination::plural;
use crate::components::scroll_table::scroll_table;

/// Where a quote leads: the audit, at the standard.
pub(crate) type OpenQuote = Callback<(AuditId, String)>;

/// The theme `sides` at place `index` of the panel.
pub(crate) fn theme_sides(
    index: usize,
    sides: &ThemeSides,
    months: &[String],
    split: ThemeSplit,
    onopen: &OpenQuote,
) -> Html {
    let heading_id = format!("lens-theme-{index}");
    let side = |polarity: ThemePolarity, found: Option<&ThemeSide>| {
        let (name, title, none) = match polarity {
            ThemePolarity::Strength => {
                ("strength", "Going well", "Not found as going well in these narratives.")
            }
            ThemePolarity::Concern => {
                ("concern", "To improve", "Not found as needing to improve in these narratives.")
            }
        };
        let side_id = format!("{heading_id}-{name}");
        let modifier = format!("lens-theme__side--{name}");
        html! {
            <div class={classes!("lens-theme__side", modifier)} aria-labelledby={side_id.clone()} role="group">
                <h5 class="lens-heading-s lens-theme__polarity" id={side_id.clone()}>{ title }</h5>
                if let Some(found) = found {
                    { side_body(&side_id, &sides.label, title, found, months, split, onopen) }
                } else {
                    <p class="lens-body lens-body--secondary">{ none }</p>
                }
            </div>
        }
    };
    html! {
        <section class="lens-theme" aria-labelledby={heading_id.clone()}>
            <h4 class="lens-heading-m" id={heading_id.clone()}>{ sides.label.clone() }</h4>
            <div class="lens-theme__sides">
                { side(ThemePolarity::Strength, sides.strength.as_ref()) }
                { side(ThemePolarity::Concern, sides.concern.as_ref()) }
            </div>
        </section>
    }
}

fn side_body(
    id: &str,
    theme: &str,
    title: &str,
    side: &ThemeSide,
    months: &[String],
    split: ThemeSplit,
    onopen: &OpenQuote,
) -> Html {
    let counts = format!(
        "{} in {} ({} of audits)",
        plural(side.narratives, "narrative", "narratives"),
        plural(side.audits, "audit", "audits"),
        side.share_of_audits
    );
    let split_rows = side.by_split.iter().map(|split| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ split.value.clone() }</th>
                <td class="lens-table__cell lens-table__cell--numeric">{ split.narratives }</td>
            </tr>
        }
    });
    let split_table_id = format!("{id}-split");
    let split_word = split.label().to_lowercase();
    html! {
        <>
            <p class="lens-body"><strong>{ counts }</strong></p>
            if months.len() > 1 {
                { month_columns(&format!("{id}-months"), &format!("{theme}, {}", title.to_lowercase()), months, &side.by_month) }
            }
            <details class="lens-details">
                <summary class="lens-details__summary">{ format!("By {split_word}") }</summary>
                <div class="lens-details__text">
                    { scroll_table(&split_table_id, html! {
                        <table class="lens-table" id={split_table_id.clone()} aria-label={format!("{theme}, {}: narratives by {split_word}", title.to_lowercase())}>
                            <thead>
                                <tr>
                                    <th scope="col" class="lens-table__header">{ split.label() }</th>
                                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Narratives" }</th>
                                </tr>
                            </thead>
                            <tbody>{ for split_rows }</tbody>
                        </table>
                    }) }
                </div>
            </details>
            <ul class="lens-list lens-theme__quotes">
                { for side.quotes.iter().map(|quote| quoted(quote, onopen)) }
            </ul>
        </>
    }
}

/// A quote with its marked words, and the button that opens its audit at the standard.
pub(crate) fn quoted(quote: &ThemeQuote, onopen: &OpenQuote) -> Html {
    let onclick = {
        let (onopen, audit, item) = (onopen.clone(), AuditId::new(quote.audit.clone()), quote.item.clone());
        Callback::from(move |_: MouseEvent| onopen.emit((audit.clone(), item.clone())))
    };
    let case = if quote.case_reference.trim().is_empty() {
        quote.audit.clone()
    } else {
        quote.case_reference.clone()
    };
    html! {
        <li class="lens-theme__quote">
            <blockquote class="lens-quote">
                { quote.before.clone() }
                if !quote.marked.is_empty() { <mark class="lens-mark">{ quote.marked.clone() }</mark> }
                { quote.after.clone() }
            </blockquote>
            <button type="button" class="lens-link-button lens-theme__open" {onclick}>
                { format!("Open {case} at {}", quote.standard) }
            </button>
        </li>
    }
}

/// Narratives per month as small columns with their counts; the counts are also the image's
/// accessible name, so no figure is only a height.
fn month_columns(id: &str, what: &str, months: &[String], counts: &[usize]) -> Html {
    const WIDTH: f64 = 300.0;
    const HEIGHT: f64 = 90.0;
    const TOP: f64 = 18.0;
    const BOTTOM: f64 = 22.0;
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / months.len().max(1) as f64;
    let bar = (slot * 0.6).min(28.0);
    let plot = HEIGHT - TOP - BOTTOM;
    let named: Vec<String> =
        months.iter().zip(counts).map(|(month, count)| format!("{month} {count}")).collect();
    let label = format!("{what}, narratives by month: {}", named.join(", "));
    // Month names alone over more than a year would repeat; then only January and the first carry their year.
    let short = |index: usize, month: &str| {
        let name = month.split(' ').next().unwrap_or_default();
        if months.len() <= 12 {
            name.to_owned()
        } else if index == 0 || name == "Jan" {
            month.to_owned()
        } else {
            String::new()
        }
    };
    let columns = months.iter().zip(counts).enumerate().map(|(index, (month, count))| {
        let centre = slot * (index as f64 + 0.5);
        let height = *count as f64 / most * plot;
        let base = TOP + plot;
        html! {
            <g>
                <rect class="lens-chart__bar lens-chart__bar--theme" x={format!("{:.1}", centre - bar / 2.0)} y={format!("{:.1}", base - height)}
                    width={format!("{bar:.1}")} height={format!("{height:.1}")} />
                <text class="lens-chart__value lens-chart__value--small" x={format!("{centre:.1}")} y={format!("{:.1}", base - height - 4.0)} text-anchor="middle">{ *count }</text>
                <text class="lens-chart__label lens-chart__label--small" x={format!("{centre:.1}")} y={format!("{:.1}", HEIGHT - 6.0)} text-anchor="middle">{ short(index, month) }</text>
            </g>
        }
    });
    html! {
        <svg class="lens-chart__svg lens-theme__months" id={id.to_owned()} viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={label} focusable="false">
            <line class="lens-chart__axis" x1="0" x2={WIDTH.to_string()} y1={format!("{:.1}", TOP + plot)} y2={format!("{:.1}", TOP + plot)} />
            { for columns }
        </svg>
    }
}
