//! The moderation samples on this device: each open one with its rule, who drew it and when,
//! its seed, how many of its audits are moderated, and the ones still waiting.

use std::collections::{BTreeMap, BTreeSet};

use lens_core::{Audit, AuditId, AuditStatus};
use yew::prelude::*;

use super::audit_cells::{case_label, moderate_button};
use super::scroll_table::scroll_table;
use crate::app::Session;
use crate::screen::Screen;

/// Every sample drawn on this device, open ones with their waiting audits.
pub(crate) fn samples_section(session: &Session, onnavigate: &Callback<Screen>) -> Html {
    let moderated: BTreeSet<&AuditId> = session.moderations.iter().map(|m| &m.value.audit).collect();
    let by_id: BTreeMap<&AuditId, &Audit> = session.audits.iter().map(|a| (&a.value.id, &a.value)).collect();
    let done = |id: &AuditId| {
        moderated.contains(id) || by_id.get(id).is_some_and(|audit| audit.status == AuditStatus::Moderated)
    };
    let draw = {
        let onnavigate = onnavigate.clone();
        Callback::from(move |_: MouseEvent| onnavigate.emit(Screen::DrawSample))
    };
    let samples = session.samples.iter().enumerate().map(|(index, sample)| {
        let sample = &sample.value;
        let finished = sample.audits.iter().filter(|id| done(id)).count();
        let waiting: Vec<&Audit> =
            sample.audits.iter().filter(|id| !done(id)).filter_map(|id| by_id.get(id).copied()).collect();
        let id = format!("lens-sample-{index}");
        let seed = if sample.rule.is_random() { format!(", seed {}", sample.seed) } else { String::new() };
        let rows = waiting.iter().map(|audit| {
            html! {
                <tr class="lens-table__row">
                    <th scope="row" class="lens-table__header">{ case_label(audit) }</th>
                    <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                    <td class="lens-table__cell">{ moderate_button(audit, onnavigate) }</td>
                </tr>
            }
        });
        html! {
            <section class="lens-sample" aria-labelledby={format!("{id}-title")}>
                <h5 class="lens-heading-s" id={format!("{id}-title")}>{ sample.rule.describe() }</h5>
                <p class="lens-body">
                    { format!(
                        "Submitted {} to {}. Drawn by {} on {}{seed}. {finished} of {} moderated.",
                        long(sample.from), long(sample.to), sample.drawn_by, long(sample.drawn_on), sample.audits.len()
                    ) }
                </p>
                if !waiting.is_empty() {
                    { scroll_table(&format!("{id}-table"), html! {
                        <table class="lens-table">
                            <caption class="lens-visually-hidden" id={format!("{id}-table")}>{ format!("Still to moderate: {}", sample.rule.describe()) }</caption>
                            <thead><tr class="lens-table__row">
                                <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                                <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Action" }</span></th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }) }
                }
            </section>
        }
    });
    html! {
        <>
            <h4 class="lens-heading-s" id="lens-samples-title">{ "Moderation samples" }</h4>
            if session.samples.is_empty() {
                <p class="lens-body">{ "No sample has been drawn on this device. Draw one to choose which audits are moderated by a rule." }</p>
            }
            { for samples }
            <button type="button" class="lens-button lens-button--secondary" id="lens-draw-sample" onclick={draw}>{ "Draw a moderation sample" }</button>
        </>
    }
}

fn long(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}
