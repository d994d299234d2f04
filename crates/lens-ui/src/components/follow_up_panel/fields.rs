//! The fields of the follow-up forms: who is recording, which action and where it stands, a
//! day, and free text; each with its inline error, tied to the panel's error summary.

use lens_core::{ActionStatus, Audit, FollowUpField};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{PanelChange, Typed};
use crate::components::audit_form::anchors::{option_id, Anchors};
use crate::components::form::{
    date_input, described_by, error_message, group_class, DateInputView, TextInput,
};

/// What every field is drawn from.
pub(super) struct FieldView<'a> {
    pub typed: &'a Typed,
    pub anchors: &'a Anchors,
    pub change: &'a Callback<PanelChange>,
    pub error_at: &'a dyn Fn(FollowUpField) -> Option<String>,
}

/// Who is recording.
pub(super) fn name_field(view: &FieldView, label: &'static str) -> Html {
    let change = view.change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        change.emit(PanelChange::By(event.target_unchecked_into::<HtmlInputElement>().value()));
    });
    html! {
        <TextInput id="lens-fu-by" {label} value={view.typed.by.clone()}
            error={(view.error_at)(FollowUpField::By).map(AttrValue::from)} node={view.anchors.node("lens-fu-by")}
            {oninput} width_class="lens-input--width-20" no_spellcheck=true />
    }
}

/// The day it happened, as the GOV.UK date input.
pub(super) fn date_field(view: &FieldView, legend: &'static str, hint: Option<&'static str>) -> Html {
    let change = view.change.clone();
    let error = (view.error_at)(FollowUpField::On);
    date_input(DateInputView {
        id: "lens-fu-on",
        legend,
        hint,
        value: &view.typed.on,
        error: error.as_deref(),
        day_node: view.anchors.node("lens-fu-on-day"),
        oninput: Callback::from(move |value: String| change.emit(PanelChange::On(value))),
    })
}

/// A free-text answer.
pub(super) fn text_area(
    view: &FieldView,
    id: &'static str,
    field: FollowUpField,
    label: &'static str,
    hint: Option<&'static str>,
) -> Html {
    let error = (view.error_at)(field);
    let value = match field {
        FollowUpField::WhoTookPart => view.typed.who_took_part.clone(),
        FollowUpField::Reason => view.typed.reason.clone(),
        FollowUpField::HowGathered => view.typed.how_gathered.clone(),
        FollowUpField::WorkerResponse => view.typed.worker_response.clone(),
        _ => view.typed.text.clone(),
    };
    let change = view.change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        change.emit(match field {
            FollowUpField::WhoTookPart => PanelChange::WhoTookPart(value),
            FollowUpField::Reason => PanelChange::Reason(value),
            FollowUpField::HowGathered => PanelChange::HowGathered(value),
            FollowUpField::WorkerResponse => PanelChange::WorkerResponse(value),
            _ => PanelChange::Text(value),
        });
    });
    html! {
        <div class={group_class(error.as_deref())}>
            <label class="lens-label" for={id}>{ label }</label>
            if let Some(hint) = hint {
                <div class="lens-hint" id={format!("{id}-hint")}>{ hint }</div>
            }
            { error_message(id, error.as_deref()) }
            <textarea class={classes!("lens-textarea", error.as_ref().map(|_| "lens-textarea--error"))} {id} name={id}
                rows="3" {value} ref={view.anchors.node(id)} {oninput}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
        </div>
    }
}

/// Which action, when the audit has more than one; its name alone when it has one.
pub(super) fn action_choice(view: &FieldView, audit: &Audit) -> Html {
    let actions: Vec<_> =
        audit.actions.iter().filter(|action| action.status != ActionStatus::Cancelled).collect();
    if let [only] = actions.as_slice() {
        return html! { <p class="lens-body"><strong>{ "Action: " }</strong>{ only.what_and_owner() }</p> };
    }
    let options = actions.iter().enumerate().map(|(index, action)| {
        let option = option_id("lens-fu-action", index);
        let (change, id, status) = (view.change.clone(), action.id.clone(), action.status);
        let onchange = Callback::from(move |_: Event| change.emit(PanelChange::Action(id.clone(), status)));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name="lens-fu-action" type="radio"
                    checked={view.typed.action == action.id} {onchange} />
                <label class="lens-radios__label" for={option}>
                    { format!("{} ({})", action.what_and_owner(), action.status.label().to_lowercase()) }
                </label>
            </div>
        }
    });
    html! {
        <fieldset class="lens-fieldset lens-form-group">
            <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ "Which action?" }</legend>
            <div class="lens-radios">{ for options }</div>
        </fieldset>
    }
}

/// Where the action stands from now on.
pub(super) fn status_choice(view: &FieldView) -> Html {
    let error = (view.error_at)(FollowUpField::Status);
    let options = ActionStatus::ALL.iter().enumerate().map(|(index, status)| {
        let option = option_id("lens-fu-status", index);
        let (change, status) = (view.change.clone(), *status);
        let onchange = Callback::from(move |_: Event| change.emit(PanelChange::Status(status)));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name="lens-fu-status" type="radio"
                    checked={view.typed.status == Some(status)} ref={view.anchors.node(&option)}
                    aria-describedby={error.as_ref().map(|_| "lens-fu-status-error")} {onchange} />
                <label class="lens-radios__label" for={option}>{ status.label() }</label>
            </div>
        }
    });
    html! {
        <fieldset class={classes!("lens-fieldset", group_class(error.as_deref()))}>
            <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ "Where does the action stand?" }</legend>
            { error_message("lens-fu-status", error.as_deref()) }
            <div class="lens-radios">{ for options }</div>
        </fieldset>
    }
}
