//! Choosing a sample's audits by hand: every audit the period allows, a page at a time, each
//! with a box to tick, and how many are chosen so far.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use lens_core::{find_template, Audit, AuditId, Template};
use lens_store::Versioned;
use yew::prelude::*;

use crate::components::audit_cells::case_label;
use crate::components::pagination::{pagination, showing, use_pages, with_commas};
use crate::components::scroll_table::scroll_table;
use crate::components::tags::grade_tag;

const TABLE_ID: &str = "lens-sample-choose-table";

#[derive(Properties, PartialEq)]
pub(crate) struct ChooseByHandProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub templates: Rc<Vec<Template>>,
    /// The audits that may be chosen, in id order as the core lists them.
    pub candidates: Rc<Vec<AuditId>>,
    pub chosen: Rc<BTreeSet<AuditId>>,
    pub ontoggle: Callback<AuditId>,
}

/// "3 audits chosen", "No audit chosen yet".
pub(crate) fn chosen_count(chosen: usize) -> String {
    match chosen {
        0 => "No audit chosen yet".to_owned(),
        1 => "1 audit chosen".to_owned(),
        n => format!("{} audits chosen", with_commas(n)),
    }
}

#[component]
pub(crate) fn ChooseByHand(props: &ChooseByHandProps) -> Html {
    let paged = use_pages(props.candidates.len(), props.candidates.clone());
    let by_id: BTreeMap<&AuditId, &Audit> =
        props.audits.iter().map(|audit| (&audit.value.id, &audit.value)).collect();
    let rows = props.candidates[paged.range.clone()].iter().filter_map(|id| by_id.get(id)).map(|audit| {
        let box_id = format!("lens-sample-choose-{}", audit.id);
        let ontoggle = props.ontoggle.clone();
        let id = audit.id.clone();
        let onchange = Callback::from(move |_: Event| ontoggle.emit(id.clone()));
        let overall = find_template(&props.templates, &audit.template).and_then(|template| {
            let code = audit.overall_grade(template)?;
            template.scale.as_ref()?.grade(&code).map(grade_tag)
        });
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">
                    <div class="lens-checkboxes__item">
                        <input class="lens-checkboxes__input" id={box_id.clone()} type="checkbox"
                            checked={props.chosen.contains(&audit.id)} {onchange} />
                        <label class="lens-label lens-checkboxes__label" for={box_id}>
                            <span class="lens-visually-hidden">{ "Choose " }</span>{ case_label(audit) }
                        </label>
                    </div>
                </th>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.submitted_on.map(|day| day.format("%-d %B %Y").to_string()).unwrap_or_default() }</td>
                <td class="lens-table__cell">{ overall.unwrap_or_else(|| html! { "Not judged" }) }</td>
            </tr>
        }
    });
    html! {
        <>
            <p class="lens-body">{ showing(&paged.range, props.candidates.len(), props.candidates.len(), "audits you can choose") }</p>
            <p class="lens-body" role="status"><strong>{ chosen_count(props.chosen.len()) }</strong></p>
            { scroll_table(TABLE_ID, html! {
                <table class="lens-table">
                    <caption class="lens-visually-hidden" id={TABLE_ID}>{ "Audits you can choose" }</caption>
                    <thead><tr class="lens-table__row">
                        <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                        <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                        <th scope="col" class="lens-table__header">{ "Submitted" }</th>
                        <th scope="col" class="lens-table__header">{ "Overall judgement" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            { pagination("Pages of audits you can choose", &paged) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::chosen_count;

    #[test]
    fn the_count_chosen_is_said_in_words() {
        assert_eq!(chosen_count(0), "No audit chosen yet");
        assert_eq!(chosen_count(1), "1 audit chosen");
        assert_eq!(chosen_count(1_204), "1,204 audits chosen");
    }
}
