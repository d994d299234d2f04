//! The audits kept on this device, as a table.

use std::rc::Rc;

use lens_core::Audit;
use lens_store::Versioned;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct AuditListProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
}

#[component]
pub(crate) fn AuditList(props: &AuditListProps) -> Html {
    let rows = props.audits.iter().map(|audit| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ audit.value.case_reference.clone() }</th>
                <td class="lens-table__cell">{ audit.value.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.value.started_on.format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell"><strong class="lens-tag">{ audit.value.status.label() }</strong></td>
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-audits-title">
            <h3 class="lens-heading-m" id="lens-audits-title">{ "Audits on this device" }</h3>
            if props.audits.is_empty() {
                <p class="lens-body">{ "No audits have been started on this device yet." }</p>
            } else {
                <table class="lens-table">
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                            <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                            <th scope="col" class="lens-table__header">{ "Started" }</th>
                            <th scope="col" class="lens-table__header">{ "Status" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
