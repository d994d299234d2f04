//! The agreed actions: what, by whom, by when, and where each stands.

use std::collections::BTreeMap;

use lens_core::{Action, ActionField, ActionStatus, AuditProblem, ProblemTarget};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::anchors::{action_field_id, action_id, Anchors, ADD_ACTION_ID};
use super::edit::{ActionPart, Edit};
use crate::components::form::{date_input, error_message, DateInputView};

pub(crate) struct ActionsView<'a> {
    pub title: &'a str,
    pub actions: &'a [Action],
    pub problems: &'a [AuditProblem],
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<Edit>,
    /// Makes the id of a new action.
    pub new_id: Callback<(), String>,
    /// Due dates as typed, by action id, until each is a real date.
    pub due_typed: &'a BTreeMap<String, String>,
    /// Whether a submitted audit is being amended: then an action's progress is follow-up,
    /// recorded on the audit's record, and the amendment shows it without changing it.
    pub amending: bool,
}

/// A due date as the person sees it: as they typed it, or as stored.
pub(crate) fn due_shown(due_typed: &BTreeMap<String, String>, action: &Action) -> String {
    due_typed
        .get(&action.id)
        .cloned()
        .unwrap_or_else(|| action.due_on.map(|day| day.format("%Y-%-m-%-d").to_string()).unwrap_or_default())
}

fn problem_for(problems: &[AuditProblem], index: usize, part: ActionField) -> Option<&str> {
    problems.iter().find_map(|problem| match &problem.target {
        ProblemTarget::Action(at, of) if *at == index && *of == part => Some(problem.message.as_str()),
        _ => None,
    })
}

pub(crate) fn actions_editor(view: ActionsView) -> Html {
    let rows = view.actions.iter().enumerate().map(|(index, action)| action_row(&view, index, action));
    let (edit, new_id) = (view.edit.clone(), view.new_id.clone());
    let onadd = Callback::from(move |_: MouseEvent| edit.emit(Edit::AddAction(new_id.emit(()))));
    let none_yet = view.actions.is_empty();
    let add_error = if none_yet { problem_for(view.problems, 0, ActionField::What) } else { None };
    html! {
        <section class="lens-section" aria-labelledby="lens-actions-title">
            <h3 class="lens-heading-m" id="lens-actions-title">{ view.title.to_owned() }</h3>
            if none_yet {
                <p class="lens-body">{ "No actions have been agreed yet." }</p>
            }
            { for rows }
            <div class={if add_error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" }}>
                { error_message(ADD_ACTION_ID, add_error) }
                <button type="button" class="lens-button lens-button--secondary" id={ADD_ACTION_ID}
                    ref={view.anchors.node(ADD_ACTION_ID)} onclick={onadd}>
                    { if none_yet { "Add an action" } else { "Add another action" } }
                </button>
            </div>
        </section>
    }
}

fn action_row(view: &ActionsView, index: usize, action: &Action) -> Html {
    let number = index + 1;
    let change = |part: ActionPart| {
        let edit = view.edit.clone();
        Callback::from(move |value: String| edit.emit(Edit::Action(index, part, value)))
    };
    let text_input = |field: ActionField, label: String, value: String, part: ActionPart, multiline: bool| {
        let id = action_field_id(index, field);
        let error = problem_for(view.problems, index, field);
        let change = change(part);
        let class_group =
            if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
        let field = if multiline {
            let oninput = Callback::from(move |event: InputEvent| {
                change.emit(event.target_unchecked_into::<HtmlTextAreaElement>().value())
            });
            html! { <textarea class="lens-textarea" id={id.clone()} name={id.clone()} rows="2" {value}
            ref={view.anchors.node(&id)} {oninput}
            aria-describedby={error.map(|_| format!("{id}-error"))} /> }
        } else {
            let oninput = Callback::from(move |event: InputEvent| {
                change.emit(event.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! { <input class="lens-input lens-input--width-20" id={id.clone()} name={id.clone()} type="text"
            autocomplete="off" {value} ref={view.anchors.node(&id)} {oninput}
            aria-describedby={error.map(|_| format!("{id}-error"))} /> }
        };
        html! {
            <div class={class_group}>
                <label class="lens-label" for={id.clone()}>{ label }</label>
                { error_message(&id, error) }
                { field }
            </div>
        }
    };
    let due_id = action_field_id(index, ActionField::DueOn);
    let due_error = problem_for(view.problems, index, ActionField::DueOn);
    let due = date_input(DateInputView {
        id: &due_id,
        legend: "When it is due",
        hint: None,
        value: &due_shown(view.due_typed, action),
        error: due_error,
        day_node: view.anchors.node(&format!("{due_id}-day")),
        oninput: change(ActionPart::DueOn),
    });
    let status_id = action_id(index, "status");
    let on_status = {
        let change = change(ActionPart::Status);
        Callback::from(move |event: Event| {
            change.emit(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let statuses = ActionStatus::ALL.iter().map(|status| {
        html! { <option value={lens_store::audit_record::action_status_code(*status)} selected={*status == action.status}>{ status.label() }</option> }
    });
    let onremove = {
        let edit = view.edit.clone();
        Callback::from(move |_: MouseEvent| edit.emit(Edit::RemoveAction(index)))
    };
    html! {
        <div class="lens-action" role="group" aria-labelledby={format!("lens-a-{index}-title")}>
            <h4 class="lens-heading-s" id={format!("lens-a-{index}-title")}>{ format!("Action {number}") }</h4>
            { text_input(ActionField::What, "What will be done".into(), action.what.clone(), ActionPart::What, true) }
            { text_input(ActionField::Owner, "Who will do it".into(), action.owner.clone(), ActionPart::Owner, false) }
            { due }
            if view.amending {
                <p class="lens-body">
                    <strong>{ "Where it stands: " }</strong>{ action.status.label() }
                    <br /><span class="lens-hint">{ "Its progress is recorded on the audit's record, under Record follow-up, not in an amendment." }</span>
                </p>
            } else {
                <div class="lens-form-group">
                    <label class="lens-label" for={status_id.clone()}>{ "Where it stands" }</label>
                    <select class="lens-select" id={status_id.clone()} name={status_id} onchange={on_status}>
                        { for statuses }
                    </select>
                </div>
            }
            <button type="button" class="lens-link-button" onclick={onremove}>
                { "Remove" }<span class="lens-visually-hidden">{ format!(" action {number}") }</span>
            </button>
        </div>
    }
}
