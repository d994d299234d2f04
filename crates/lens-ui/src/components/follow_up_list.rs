//! The follow-up still to do across the audits on this device, overdue first: corrective
//! action to confirm, reflective discussions to hold, and agreed actions.

use std::rc::Rc;

use chrono::NaiveDate;
use std::collections::BTreeMap;

use lens_core::{open_follow_ups, Audit, AuditId, Moderation, Template};
use lens_store::Versioned;
use yew::prelude::*;

use super::audit_cells::{case_cell, open_cell};
use super::pagination::{pagination, showing, use_pages, with_commas, PAGE_SIZE};
use super::tags::follow_up_tag;
use crate::components::scroll_table::scroll_table;

#[derive(Properties, PartialEq)]
pub(crate) struct FollowUpListProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub moderations: Rc<Vec<Versioned<Moderation>>>,
    pub templates: Rc<Vec<Template>>,
    pub today: NaiveDate,
    pub onopen: Callback<AuditId>,
}

/// "3 to do, 1 overdue.", or with the rows shown when the list has pages.
fn follow_up_count(range: &std::ops::Range<usize>, total: usize, overdue: usize) -> String {
    let late = if overdue > 0 { format!(", {} overdue", with_commas(overdue)) } else { String::new() };
    if total > PAGE_SIZE {
        format!("{}{late}.", showing(range, total, total, "to do"))
    } else {
        format!("{} to do{late}.", with_commas(total))
    }
}

#[component]
pub(crate) fn FollowUpList(props: &FollowUpListProps) -> Html {
    let moderations: BTreeMap<&AuditId, &Moderation> =
        props.moderations.iter().map(|moderation| (&moderation.value.audit, &moderation.value)).collect();
    let open = open_follow_ups(
        props.audits.iter().map(|audit| &audit.value),
        &moderations,
        &props.templates,
        props.today,
    );
    let paged = use_pages(open.len(), ());
    if open.is_empty() {
        return html! {};
    }
    let overdue = open.iter().filter(|open| open.is_overdue()).count();
    let rows = open[paged.range.clone()].iter().map(|open| {
        let (audit, message, due) = (open.audit, &open.follow_up.message, &open.follow_up.due_on);
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">{ message.clone() }</td>
                <td class="lens-table__cell">{ due.map(|day| day.format("%-d %B %Y").to_string()).unwrap_or_else(|| "No date set".into()) }</td>
                <td class="lens-table__cell">{ follow_up_tag(audit, &open.follow_up) }</td>
                { open_cell(audit, &props.onopen) }
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-follow-ups-title">
            <h3 class="lens-heading-m" id="lens-follow-ups-title">{ "Follow-up to do" }</h3>
            <p class="lens-body">{ follow_up_count(&paged.range, open.len(), overdue) }</p>
            { scroll_table("lens-follow-ups-title", html! {
                <table class="lens-table" aria-labelledby="lens-follow-ups-title">
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Case" }</th>
                            <th scope="col" class="lens-table__header">{ "What" }</th>
                            <th scope="col" class="lens-table__header">{ "Due" }</th>
                            <th scope="col" class="lens-table__header">{ "Where it stands" }</th>
                            <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Action" }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            { pagination("Pages of follow-up", &paged) }
        </section>
    }
}
