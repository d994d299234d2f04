//! The audits kept on this device, as a table, each with a button that opens it.

use std::rc::Rc;

use lens_core::{Audit, AuditId, Template};
use lens_store::Versioned;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct AuditListProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub templates: Rc<Vec<Template>>,
    pub onopen: Callback<AuditId>,
}

#[component]
pub(crate) fn AuditList(props: &AuditListProps) -> Html {
    let rows = props.audits.iter().map(|audit| {
        let audit = &audit.value;
        let title = props
            .templates
            .iter()
            .find(|template| template.reference() == audit.template)
            .map_or_else(|| audit.template.to_string(), |template| template.title.clone());
        let case =
            if audit.case_reference.is_empty() { "No case".to_owned() } else { audit.case_reference.clone() };
        let onclick = {
            let (onopen, id) = (props.onopen.clone(), audit.id.clone());
            Callback::from(move |_: MouseEvent| onopen.emit(id.clone()))
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ case.clone() }</th>
                <td class="lens-table__cell">{ title }</td>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.started_on.format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell"><strong class="lens-tag">{ audit.status.label() }</strong></td>
                <td class="lens-table__cell">
                    <button type="button" class="lens-link-button" {onclick}>
                        { "Open" }<span class="lens-visually-hidden">{ format!(" {case}") }</span>
                    </button>
                </td>
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
                            <th scope="col" class="lens-table__header">{ "Template" }</th>
                            <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                            <th scope="col" class="lens-table__header">{ "Started" }</th>
                            <th scope="col" class="lens-table__header">{ "Status" }</th>
                            <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Action" }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
