//! What the codebook does not cover: phrases auditors keep writing that no theme names, and
//! those whose use rose or fell since the period before.

use lens_analysis::protocol::themes::ThemePanelView;
use yew::prelude::*;

use super::sides::{quoted, OpenQuote};
use crate::components::pagination::{plural, with_commas};
use crate::components::scroll_table::scroll_table;

const UNCOVERED_ID: &str = "lens-themes-uncovered";
const CHANGES_ID: &str = "lens-themes-changes";

fn day(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// The uncovered phrases, each with a quote.
pub(crate) fn uncovered_phrases(view: &ThemePanelView, onopen: &OpenQuote) -> Html {
    let phrases = view.uncovered.iter().map(|phrase| {
        html! {
            <li class="lens-phrase">
                <p class="lens-body lens-phrase__name">
                    <strong>{ format!("\u{201c}{}\u{201d}", phrase.phrase) }</strong>
                    { format!(", in {}", plural(phrase.narratives, "narrative", "narratives")) }
                </p>
                if let Some(quote) = &phrase.quote {
                    <ul class="lens-list lens-theme__quotes">{ quoted(quote, onopen) }</ul>
                }
            </li>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby={UNCOVERED_ID}>
            <h4 class="lens-heading-m" id={UNCOVERED_ID}>{ "What the codebook does not cover" }</h4>
            <p class="lens-body">
                { "Phrases used in at least two of these narratives that no theme names. A phrase that keeps coming up may be a theme the codebook is missing." }
            </p>
            if view.phrases_read < view.narratives {
                <p class="lens-body">{ format!("Counted in {} spread evenly through the {}.", plural(view.phrases_read, "narrative", "narratives"), plural(view.narratives, "narrative", "narratives")) }</p>
            }
            if view.uncovered.is_empty() {
                <p class="lens-body">{ "No such phrase is used in more than one narrative." }</p>
            } else {
                <ul class="lens-list">{ for phrases }</ul>
            }
        </section>
    }
}

/// The phrases that rose or fell against the period before, as a table.
pub(crate) fn phrase_changes(view: &ThemePanelView) -> Html {
    let earlier = &view.earlier;
    let intro = format!(
        "Against the period before, {} to {} ({}): phrases no theme names whose share of narratives changed by more than chance would explain.",
        day(earlier.from),
        day(earlier.to),
        plural(earlier.narratives, "narrative", "narratives"),
    );
    let rows = view.changes.iter().map(|change| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ change.phrase.clone() }</th>
                <td class="lens-table__cell">
                    <strong class={classes!("lens-tag", if change.rising { "lens-tag--orange" } else { "lens-tag--blue" })}>
                        { if change.rising { "Rising" } else { "Falling" } }
                    </strong>
                </td>
                <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(change.earlier) }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(change.later) }</td>
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby={CHANGES_ID}>
            <h4 class="lens-heading-m" id={CHANGES_ID}>{ "Phrases rising or falling" }</h4>
            if earlier.narratives == 0 {
                <p class="lens-body">{ format!("There are no narratives from the period before, {} to {}, to compare with.", day(earlier.from), day(earlier.to)) }</p>
            } else {
                <p class="lens-body">{ intro }</p>
                if view.changes.is_empty() {
                    <p class="lens-body">{ "No phrase rose or fell by more than chance would explain." }</p>
                } else {
                    { scroll_table(CHANGES_ID, html! {
                        <table class="lens-table" aria-labelledby={CHANGES_ID}>
                            <thead>
                                <tr>
                                    <th scope="col" class="lens-table__header">{ "Phrase" }</th>
                                    <th scope="col" class="lens-table__header">{ "Change" }</th>
                                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Narratives before" }</th>
                                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Narratives now" }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }) }
                }
            }
        </section>
    }
}
