//! Moderation: the submitted audits waiting for a moderator, and the moderations done on this
//! device with how many of the auditor's grades each confirmed.

use std::rc::Rc;

use std::collections::BTreeMap;

use lens_core::{awaiting_moderation, find_template, Audit, AuditId, Template};
use yew::prelude::*;

use super::agreement_dashboard::opening_request;
use super::audit_cells::{case_cell, case_label, moderate_button};
use super::focus::use_focus_on_mount;
use super::pagination::{pagination, showing, use_pages};
use super::sample_list::samples_section;
use lens_analysis::protocol::{AnalysisRequest, WarmRequest};
use wasm_bindgen_futures::spawn_local;

use crate::analysis::snapshot_source;
use crate::app::Session;
use crate::components::scroll_table::scroll_table;
use crate::ports::{PlatformHandle, StorageKind};
use crate::screen::Screen;

/// The audits waiting for a moderator, oldest first.
pub(crate) fn waiting_for_moderation<'a>(session: &'a Session, templates: &[Template]) -> Vec<&'a Audit> {
    awaiting_moderation(
        session.audits.iter().map(|audit| &audit.value),
        session.moderations.iter().map(|moderation| &moderation.value),
        templates,
    )
}

#[derive(Properties, PartialEq)]
pub(crate) struct ModerationListProps {
    pub session: Session,
    pub templates: Rc<Vec<Template>>,
    pub onnavigate: Callback<Screen>,
    pub platform: PlatformHandle,
}

#[component]
pub(crate) fn ModerationList(props: &ModerationListProps) -> Html {
    let heading = use_node_ref();
    {
        // The agreement dashboard is a click away: have the worker read the records and work
        // out the dashboard as it opens, now.
        let (session, platform, templates) =
            (props.session.clone(), props.platform.clone(), props.templates.clone());
        use_effect_with((), move |_| {
            if session.store.kind == StorageKind::IndexedDb {
                spawn_local(async move {
                    let source = snapshot_source(&session).await;
                    let today = platform.now().date_naive();
                    let agreement = Some(opening_request(&session, &templates, today, source.clone()));
                    let _ = platform.analyse(AnalysisRequest::Warm(WarmRequest { source, agreement })).await;
                });
            }
        });
    }
    use_focus_on_mount(heading.clone());
    let session = &props.session;
    let template_of = |audit: &Audit| find_template(&props.templates, &audit.template);
    let waiting = waiting_for_moderation(session, &props.templates);
    let waiting_pages = use_pages(waiting.len(), ());
    let waiting_rows = waiting[waiting_pages.range.clone()].iter().map(|audit| {
        let template = template_of(audit);
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">{ template.map(|t| t.title.clone()).unwrap_or_default() }</td>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.audited_on(template).format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell">{ moderate_button(audit, &props.onnavigate) }</td>
            </tr>
        }
    });
    let by_id: BTreeMap<&AuditId, &Audit> =
        session.audits.iter().map(|audit| (&audit.value.id, &audit.value)).collect();
    let done_pages = use_pages(session.moderations.len(), ());
    let newest_first: Vec<_> = session.moderations.iter().rev().collect();
    let done_rows = newest_first[done_pages.range.clone()].iter().map(|moderation| {
        let moderation = &moderation.value;
        let audit = by_id.get(&moderation.audit).copied();
        let case = audit.map_or_else(|| "Audit not on this device".to_owned(), case_label);
        let confirmed = audit
            .map(|audit| {
                let (same, of) = moderation.confirmed_grades(audit);
                format!("{same} of {of}")
            })
            .unwrap_or_default();
        let case = match audit {
            Some(audit) => {
                let (id, onnavigate) = (audit.id.clone(), props.onnavigate.clone());
                let onclick = Callback::from(move |_: MouseEvent| onnavigate.emit(Screen::Audit(id.clone())));
                html! {
                    <button type="button" class="lens-link-button" {onclick}>
                        { case }<span class="lens-visually-hidden">{ ": open the audit and its moderation" }</span>
                    </button>
                }
            }
            None => html! { { case } },
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ case }</th>
                <td class="lens-table__cell">{ moderation.moderator.clone() }</td>
                <td class="lens-table__cell">{ moderation.moderated_on.format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell">{ confirmed }</td>
            </tr>
        }
    });
    let onback = {
        let onnavigate = props.onnavigate.clone();
        Callback::from(move |_: MouseEvent| onnavigate.emit(Screen::Home))
    };
    let open_agreement = {
        let onnavigate = props.onnavigate.clone();
        Callback::from(move |_: MouseEvent| onnavigate.emit(Screen::Agreement))
    };
    html! {
        <section class="lens-section" aria-labelledby="lens-moderate-title">
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to home" }</button>
            <h3 class="lens-heading-m" id="lens-moderate-title" tabindex="-1" ref={heading}>{ "Moderate an audit" }</h3>
            <p class="lens-body">
                { "Grade each standard from the case file yourself before you compare with the auditor, then agree a grade with them. The auditor's grades are never changed: both gradings are kept." }
            </p>
            { samples_section(session, &props.onnavigate) }
            <h4 class="lens-heading-s" id="lens-waiting-title">{ "Waiting for moderation" }</h4>
            if waiting.is_empty() {
                <p class="lens-body">{ "No submitted audits on this device are waiting for moderation." }</p>
            } else {
                <p class="lens-body">{ showing(&waiting_pages.range, waiting.len(), waiting.len(), "audits waiting") }</p>
                { scroll_table("lens-waiting-title", html! {
                    <table class="lens-table" aria-labelledby="lens-waiting-title">
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                                <th scope="col" class="lens-table__header">{ "Template" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                                <th scope="col" class="lens-table__header">{ "Date of audit" }</th>
                                <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Action" }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for waiting_rows }</tbody>
                    </table>
                }) }
                { pagination("Pages of audits waiting for moderation", &waiting_pages) }
            }
            if !session.moderations.is_empty() {
                <h4 class="lens-heading-s" id="lens-moderated-title">{ "Moderations on this device" }</h4>
                <p class="lens-body">
                    <button type="button" class="lens-link-button" id="lens-open-agreement" onclick={open_agreement}>
                        { "See how far auditors and moderators agree" }
                    </button>
                </p>
                { scroll_table("lens-moderated-title", html! {
                    <table class="lens-table" aria-labelledby="lens-moderated-title">
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                                <th scope="col" class="lens-table__header">{ "Moderator" }</th>
                                <th scope="col" class="lens-table__header">{ "Moderated on" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor's grades confirmed" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for done_rows }</tbody>
                    </table>
                }) }
                { pagination("Pages of moderations", &done_pages) }
            }
        </section>
    }
}
