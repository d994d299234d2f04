//! The child's and the family's views on an audit's record, beside its grades: each view with
//! whose it is, when and how it was gathered, what they said and the worker's response. Printed
//! with the record. An audit of a child's case with none recorded says so, so the gap shows.

use lens_core::{Audit, Template};
use yew::prelude::*;

fn long(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// The section, or nothing for a template that is not of a child's case or a draft.
pub(crate) fn family_views(audit: &Audit, template: &Template) -> Html {
    if !template.asks_family_feedback() || audit.status == lens_core::AuditStatus::Draft {
        return html! {};
    }
    let views = audit.views();
    let rows = views.iter().map(|view| {
        html! {
            <div class="lens-summary-list__row">
                <dt class="lens-summary-list__key">
                    { view.from.label() }
                    <span class="lens-hint">{ format!(" {} ({})", long(view.gathered_on), view.how_gathered) }</span>
                </dt>
                <dd class="lens-summary-list__value">
                    <p class="lens-body lens-preserve-lines">{ view.what_they_said.clone() }</p>
                    if !view.worker_response.is_empty() {
                        <p class="lens-body lens-preserve-lines"><strong>{ "The worker's response: " }</strong>{ view.worker_response.clone() }</p>
                    }
                </dd>
            </div>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-views-title">
            <h3 class="lens-heading-m" id="lens-views-title">{ "The child's and family's views" }</h3>
            if views.is_empty() {
                <p class="lens-body">{ "No view from the child or family is recorded yet. Record one under “The findings, their answers and the family's views” below." }</p>
            } else {
                <dl class="lens-summary-list">{ for rows }</dl>
            }
        </section>
    }
}
