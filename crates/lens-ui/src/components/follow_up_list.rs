//! The follow-up still to do across the audits on this device, overdue first: corrective
//! action to confirm, reflective discussions to hold, and agreed actions; each as what it waits
//! for, filtered by owner, team and what is due by the end of this month.

use std::rc::Rc;

use chrono::NaiveDate;
use std::collections::BTreeMap;

use std::collections::BTreeSet;

use lens_core::{open_follow_ups, Audit, AuditId, FollowUpFilter, FollowUpKind, Moderation, Template};
use lens_store::Versioned;
use web_sys::{HtmlInputElement, HtmlSelectElement};
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
    let filter = use_state(FollowUpFilter::default);
    let shown: Vec<_> = open.iter().filter(|open| filter.shows(open, props.today)).collect();
    let paged = use_pages(shown.len(), (*filter).clone());
    if open.is_empty() {
        return html! {};
    }
    let overdue = shown.iter().filter(|open| open.is_overdue()).count();
    let rows = shown[paged.range.clone()].iter().map(|open| {
        let (audit, follow_up) = (open.audit, &open.follow_up);
        // The confirmation and the discussion say why they are needed under what they wait for.
        let why = (!matches!(follow_up.kind, FollowUpKind::Action(_))).then(|| follow_up.message.clone());
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">
                    { follow_up.waits_for() }
                    if let Some(why) = why {
                        <br /><span class="lens-body--secondary">{ why }</span>
                    }
                </td>
                <td class="lens-table__cell">{ follow_up.due_on.map(|day| day.format("%-d %B %Y").to_string()).unwrap_or_else(|| "No date set".into()) }</td>
                <td class="lens-table__cell">{ follow_up_tag(audit, follow_up) }</td>
                { open_cell(audit, &props.onopen) }
            </tr>
        }
    });
    let teams: BTreeSet<String> =
        open.iter().map(|open| open.audit.team().trim().to_owned()).filter(|team| !team.is_empty()).collect();
    html! {
        <section class="lens-section" aria-labelledby="lens-follow-ups-title">
            <h3 class="lens-heading-m" id="lens-follow-ups-title">{ "Follow-up to do" }</h3>
            { follow_up_filters(&filter, &teams) }
            if shown.is_empty() {
                <p class="lens-body" role="status">{ format!("None of the {} to do matches these filters.", with_commas(open.len())) }</p>
            } else {
                <p class="lens-body" role="status">
                    { follow_up_count(&paged.range, shown.len(), overdue) }
                    if filter.is_active() {
                        { format!(" Filtered from {} to do in all.", with_commas(open.len())) }
                    }
                </p>
            }
            { scroll_table("lens-follow-ups-title", html! {
                <table class="lens-table" aria-labelledby="lens-follow-ups-title">
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Case" }</th>
                            <th scope="col" class="lens-table__header">{ "Waits for" }</th>
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

/// The owner, team and due-this-month filters; each change narrows the list at once.
fn follow_up_filters(filter: &UseStateHandle<FollowUpFilter>, teams: &BTreeSet<String>) -> Html {
    let on_owner = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            let owner = event.target_unchecked_into::<HtmlInputElement>().value();
            filter.set(FollowUpFilter { owner, ..(*filter).clone() });
        })
    };
    let on_team = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let team = event.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(FollowUpFilter { team, ..(*filter).clone() });
        })
    };
    let on_due = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let due_this_month = event.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(FollowUpFilter { due_this_month, ..(*filter).clone() });
        })
    };
    let on_clear = {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| filter.set(FollowUpFilter::default()))
    };
    let team_options = teams.iter().map(|team| {
        html! { <option value={team.clone()} selected={filter.team == *team}>{ team.clone() }</option> }
    });
    html! {
        <div class="lens-filters" role="search" aria-label="Find follow-up">
            <div class="lens-filters__row">
                <div class="lens-form-group">
                    <label class="lens-label" for="lens-fu-filter-owner">{ "Owner" }</label>
                    <div class="lens-hint" id="lens-fu-filter-owner-hint">{ "Finds agreed actions by who owns them. The confirmation of corrective action and the reflective discussion name no owner." }</div>
                    <input class="lens-input lens-input--width-20" id="lens-fu-filter-owner" type="search" autocomplete="off"
                        spellcheck="false" value={filter.owner.clone()} oninput={on_owner} aria-describedby="lens-fu-filter-owner-hint" />
                </div>
                <div class="lens-form-group">
                    <label class="lens-label" for="lens-fu-filter-team">{ "Team" }</label>
                    <select class="lens-select" id="lens-fu-filter-team" onchange={on_team}>
                        <option value="" selected={filter.team.is_empty()}>{ "All teams" }</option>
                        { for team_options }
                    </select>
                </div>
            </div>
            <div class="lens-checkboxes">
                <div class="lens-checkboxes__item">
                    <input class="lens-checkboxes__input" id="lens-fu-filter-due" type="checkbox"
                        checked={filter.due_this_month} onchange={on_due} />
                    <label class="lens-label lens-checkboxes__label" for="lens-fu-filter-due">{ "Due by the end of this month, overdue included" }</label>
                </div>
            </div>
            if filter.is_active() {
                <button type="button" class="lens-link-button" onclick={on_clear}>{ "Clear the follow-up filters" }</button>
            }
        </div>
    }
}
