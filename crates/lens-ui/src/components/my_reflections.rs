//! The practitioner's own reflections, apart from the audits: only the person named in `config`
//! sees theirs here (every reflection on the device when no one is named), and nothing else
//! lists, counts or moderates them.

use std::rc::Rc;

use lens_core::{find_template, reflections_of, Audit, AuditId, Template};
use lens_store::Versioned;
use yew::prelude::*;

use super::audit_cells::open_cell;
use super::scroll_table::scroll_table;

#[derive(Properties, PartialEq)]
pub(crate) struct MyReflectionsProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub templates: Rc<Vec<Template>>,
    pub author: Option<String>,
    pub onopen: Callback<AuditId>,
}

#[component]
pub(crate) fn MyReflections(props: &MyReflectionsProps) -> Html {
    let mine = reflections_of(
        props.audits.iter().map(|audit| &audit.value),
        &props.templates,
        props.author.as_deref(),
    );
    if mine.is_empty() {
        return html! {};
    }
    let rows = mine.iter().map(|reflection| {
        let about = if reflection.case_reference.is_empty() {
            "No particular case".to_owned()
        } else {
            format!("Case {}", reflection.case_reference)
        };
        let dated = reflection.audited_on(find_template(&props.templates, &reflection.template));
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ dated.format("%-d %B %Y").to_string() }</th>
                <td class="lens-table__cell">{ about }</td>
                <td class="lens-table__cell"><strong class="lens-tag">{ reflection.status.label() }</strong></td>
                { open_cell(reflection, &props.onopen) }
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-reflections-title">
            <h3 class="lens-heading-m" id="lens-reflections-title">{ "My reflections" }</h3>
            <p class="lens-body lens-body--secondary">
                { "Only you see these. They are not listed with the audits, counted in reports or moderated, and leave this device only if you download one to share it." }
            </p>
            { scroll_table("lens-reflections-title", html! {
                <table class="lens-table" aria-labelledby="lens-reflections-title">
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Date" }</th>
                            <th scope="col" class="lens-table__header">{ "About" }</th>
                            <th scope="col" class="lens-table__header">{ "Status" }</th>
                            <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Action" }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}
