//! The audits kept on this device, as a table, each with a button that opens it, with a search
//! and filters above it and an export of the audits they choose below. Practitioners' reflections are never listed here: they are their
//! authors' own, in "My reflections".

use std::collections::BTreeSet;
use std::rc::Rc;

use lens_core::{find_template, is_reflection, Audit, AuditFilter, AuditId, AuditStatus, Template};
use lens_store::device_log::DeviceLog;
use lens_store::Versioned;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::audit_cells::{case_cell, open_cell};
use super::export_audits::ExportAudits;
use super::form::{date_input, date_parts, DateInputView, TypedDate};
use super::pagination::{pagination, showing, use_pages};
use crate::app::teams_of;
use crate::components::scroll_table::scroll_table;
use crate::ports::{OpenedStore, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct AuditListProps {
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub templates: Rc<Vec<Template>>,
    pub onopen: Callback<AuditId>,
    /// Where the listed audits are exported from.
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    pub onexported: Callback<DeviceLog>,
}

#[component]
pub(crate) fn AuditList(props: &AuditListProps) -> Html {
    let filter = use_state(AuditFilter::default);
    // The period's dates as typed: the filter takes each once it is a real date.
    let typed = use_state(TypedPeriod::default);
    let template_of = |audit: &Audit| find_template(&props.templates, &audit.template);
    let audits: Vec<&Versioned<Audit>> =
        props.audits.iter().filter(|audit| !is_reflection(&audit.value, &props.templates)).collect();
    let shown: Vec<&Versioned<Audit>> = audits
        .iter()
        .copied()
        .filter(|audit| filter.shows(&audit.value, template_of(&audit.value)))
        .collect();
    // A page of rows at a time: a council's 10,000 audits in one table would stop the page.
    let paged = use_pages(shown.len(), (*filter).clone());
    let rows = shown[paged.range.clone()].iter().map(|audit| {
        let audit = &audit.value;
        let title =
            template_of(audit).map_or_else(|| audit.template.to_string(), |template| template.title.clone());
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">{ title }</td>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.started_on.format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell"><strong class="lens-tag">{ audit.status.label() }</strong></td>
                { open_cell(audit, &props.onopen) }
            </tr>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-audits-title">
            <h3 class="lens-heading-m" id="lens-audits-title">{ "Audits on this device" }</h3>
            if audits.is_empty() {
                <p class="lens-body">{ "No audits have been started on this device yet." }</p>
            } else {
                { filters(&filter, &typed, &audits, &props.templates) }
                <p class="lens-body" role="status">
                    { showing(&paged.range, shown.len(), audits.len(), "audits") }
                </p>
                { scroll_table("lens-audits-title", html! {
                    <table class="lens-table" aria-labelledby="lens-audits-title">
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
                }) }
                { pagination("Pages of audits", &paged) }
                if !shown.is_empty() {
                    <ExportAudits store={props.store.clone()} platform={props.platform.clone()}
                        templates={props.templates.clone()} filter={(*filter).clone()} shown={shown.len()}
                        onexported={props.onexported.clone()} />
                }
            }
        </section>
    }
}

/// The "Dated from" and "Dated to" dates as typed, `year-month-day`.
#[derive(Debug, Clone, Default, PartialEq)]
struct TypedPeriod {
    from: String,
    to: String,
}

/// Why a typed filter date is not used yet, once it looks finished (a four-digit year).
fn date_problem(label: &str, typed: &str) -> Option<String> {
    let [_, _, year] = date_parts(typed);
    let finished = year.trim().len() == 4;
    (finished && TypedDate::read(typed) == TypedDate::NotADate)
        .then(|| format!("\"{label}\" must be a real date, for example 27 3 2026"))
}

/// The search and filter controls; each change narrows the list at once.
fn filters(
    filter: &UseStateHandle<AuditFilter>,
    typed: &UseStateHandle<TypedPeriod>,
    audits: &[&Versioned<Audit>],
    templates: &[Template],
) -> Html {
    let update = |change: fn(&mut AuditFilter, String)| {
        let filter = filter.clone();
        move |value: String| {
            let mut next = (*filter).clone();
            change(&mut next, value);
            filter.set(next);
        }
    };
    let on_input = |change: fn(&mut AuditFilter, String)| {
        let update = update(change);
        Callback::from(move |event: InputEvent| {
            update(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_date = |from: bool| {
        let (filter, typed) = (filter.clone(), typed.clone());
        Callback::from(move |value: String| {
            let mut period = (*typed).clone();
            let day = TypedDate::read(&value).day();
            let mut next = (*filter).clone();
            if from {
                (period.from, next.from) = (value, day);
            } else {
                (period.to, next.to) = (value, day);
            }
            typed.set(period);
            filter.set(next);
        })
    };
    let on_select = |change: fn(&mut AuditFilter, String)| {
        let update = update(change);
        Callback::from(move |event: Event| update(event.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let teams = teams_of(audits.iter().copied());
    let used: BTreeSet<&str> = audits.iter().map(|audit| audit.value.template.id.as_str()).collect();
    let template_options = lens_core::newest_versions(templates).into_iter().filter(|template| used.contains(template.id.as_str())).map(|template| {
        html! { <option value={template.id.clone()} selected={filter.template == template.id}>{ template.title.clone() }</option> }
    });
    let status_options = AuditStatus::ALL.iter().map(|status| {
        html! { <option value={status.label()} selected={filter.status == Some(*status)}>{ status.label() }</option> }
    });
    let team_options = teams.iter().map(|team| {
        html! { <option value={team.clone()} selected={filter.team == *team}>{ team.clone() }</option> }
    });
    let on_clear = {
        let (filter, typed) = (filter.clone(), typed.clone());
        Callback::from(move |_: MouseEvent| {
            filter.set(AuditFilter::default());
            typed.set(TypedPeriod::default());
        })
    };
    let reversed = matches!((filter.from, filter.to), (Some(from), Some(to)) if to < from);
    let to_problem = date_problem("Dated to", &typed.to)
        .or_else(|| reversed.then(|| "\"Dated to\" must be the same as or after \"Dated from\"".to_owned()));
    let from_problem = date_problem("Dated from", &typed.from);
    html! {
        <div class="lens-filters" role="search" aria-label="Find audits">
            <div class="lens-form-group">
                <label class="lens-label" for="lens-filter-search">{ "Search by case reference or auditor" }</label>
                <input class="lens-input lens-input--width-20" id="lens-filter-search" type="search" autocomplete="off"
                    value={filter.search.clone()} oninput={on_input(|f, v| f.search = v)} />
            </div>
            <div class="lens-filters__row">
                <div class="lens-form-group">
                    <label class="lens-label" for="lens-filter-status">{ "Status" }</label>
                    <select class="lens-select" id="lens-filter-status"
                        onchange={on_select(|f, v| f.status = AuditStatus::ALL.into_iter().find(|s| s.label() == v))}>
                        <option value="" selected={filter.status.is_none()}>{ "All statuses" }</option>
                        { for status_options }
                    </select>
                </div>
                <div class="lens-form-group">
                    <label class="lens-label" for="lens-filter-template">{ "Template" }</label>
                    <select class="lens-select" id="lens-filter-template" onchange={on_select(|f, v| f.template = v)}>
                        <option value="" selected={filter.template.is_empty()}>{ "All templates" }</option>
                        { for template_options }
                    </select>
                </div>
                <div class="lens-form-group">
                    <label class="lens-label" for="lens-filter-team">{ "Team" }</label>
                    <select class="lens-select" id="lens-filter-team" onchange={on_select(|f, v| f.team = v)}>
                        <option value="" selected={filter.team.is_empty()}>{ "All teams" }</option>
                        { for team_options }
                    </select>
                </div>
                { date_input(DateInputView { id: "lens-filter-from", legend: "Dated from", hint: None, value: &typed.from,
                    error: from_problem.as_deref(), day_node: NodeRef::default(), oninput: on_date(true) }) }
                { date_input(DateInputView { id: "lens-filter-to", legend: "Dated to", hint: None, value: &typed.to,
                    error: to_problem.as_deref(), day_node: NodeRef::default(), oninput: on_date(false) }) }
            </div>
            if filter.is_active() {
                <button type="button" class="lens-link-button" onclick={on_clear}>{ "Clear the search and filters" }</button>
            }
        </div>
    }
}
