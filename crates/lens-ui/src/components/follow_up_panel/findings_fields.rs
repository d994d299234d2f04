//! The fields of the findings forms: who the findings went to (a box per role, its name revealed
//! under it), the directions of a management response (what, owner, due day; added and removed),
//! and whether the grades were discussed with the case holder.

use lens_core::{ActionField, FeedbackFrom, FollowUpField, RecipientRole};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::fields::FieldView;
use super::state::PanelChange;
use crate::components::audit_form::anchors::option_id;
use crate::components::form::{
    date_input, described_by, error_message, group_class, DateInputView, TextInput,
};

/// The id stem of a role's box and name field.
pub(super) fn recipient_id(role: RecipientRole) -> String {
    let code = match role {
        RecipientRole::Practitioner => "practitioner",
        RecipientRole::LineManager => "line-manager",
        RecipientRole::ServiceManager => "service-manager",
        RecipientRole::IndependentChair => "independent-chair",
    };
    format!("lens-fu-recipient-{code}")
}

/// The id of a direction's field (`-day` follows for its due day's first box).
pub(super) fn direction_id(position: usize, part: ActionField) -> String {
    let part = match part {
        ActionField::What => "what",
        ActionField::Owner => "owner",
        ActionField::DueOn => "due",
    };
    format!("lens-fu-direction-{position}-{part}")
}

/// A box per role; a ticked box reveals the field for that person's name.
pub(super) fn recipients_choice(view: &FieldView) -> Html {
    let error = (view.error_at)(FollowUpField::Recipients);
    let boxes = RecipientRole::ALL.iter().map(|role| {
        let (role, id) = (*role, recipient_id(*role));
        let ticked = view.typed.recipients.contains(&role);
        let change = view.change.clone();
        let onchange = Callback::from(move |event: Event| {
            change.emit(PanelChange::Recipient(role, event.target_unchecked_into::<HtmlInputElement>().checked()));
        });
        let name_id = format!("{id}-name");
        let name_error = (view.error_at)(FollowUpField::RecipientName(role));
        let change = view.change.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            change.emit(PanelChange::RecipientName(role, event.target_unchecked_into::<HtmlInputElement>().value()));
        });
        let name = view.typed.recipient_names.get(&role).cloned().unwrap_or_default();
        html! {
            <>
                <div class="lens-checkboxes__item">
                    <input class="lens-checkboxes__input" id={id.clone()} type="checkbox" checked={ticked}
                        ref={view.anchors.node(&id)} aria-describedby={error.as_ref().map(|_| "lens-fu-recipients-error")}
                        {onchange} />
                    <label class="lens-label lens-checkboxes__label" for={id.clone()}>{ role.label() }</label>
                </div>
                if ticked {
                    <div class="lens-checkboxes__conditional">
                        <TextInput id={name_id.clone()} label={format!("Name of the {}", role.in_sentence())} value={name}
                            error={name_error.map(AttrValue::from)} node={view.anchors.node(&name_id)}
                            {oninput} width_class="lens-input--width-20" no_spellcheck=true />
                    </div>
                }
            </>
        }
    });
    html! {
        <fieldset class={classes!("lens-fieldset", group_class(error.as_deref()))} aria-describedby="lens-fu-recipients-hint">
            <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ "Who were the findings shared with?" }</legend>
            <div class="lens-hint" id="lens-fu-recipients-hint">{ "Select all that apply." }</div>
            { error_message("lens-fu-recipients", error.as_deref()) }
            <div class="lens-checkboxes">{ for boxes }</div>
        </fieldset>
    }
}

/// Each direction in its own box: what, who, by when; with "Add another direction" and, where
/// there is more than one, "Remove".
pub(super) fn directions_fields(view: &FieldView) -> Html {
    let count = view.typed.directions.len();
    let rows = view.typed.directions.iter().enumerate().map(|(position, direction)| {
        let number = position + 1;
        let (what_id, owner_id, due_id) = (
            direction_id(position, ActionField::What),
            direction_id(position, ActionField::Owner),
            direction_id(position, ActionField::DueOn),
        );
        let error = |part| (view.error_at)(FollowUpField::Direction(position, part));
        let emit = |part: ActionField| {
            let change = view.change.clone();
            move |value: String| change.emit(PanelChange::Direction(position, part, value))
        };
        let on_what = {
            let emit = emit(ActionField::What);
            Callback::from(move |event: InputEvent| emit(event.target_unchecked_into::<HtmlTextAreaElement>().value()))
        };
        let on_owner = {
            let emit = emit(ActionField::Owner);
            Callback::from(move |event: InputEvent| emit(event.target_unchecked_into::<HtmlInputElement>().value()))
        };
        let on_due = Callback::from(emit(ActionField::DueOn));
        let what_error = error(ActionField::What);
        let on_remove = {
            let change = view.change.clone();
            Callback::from(move |_: MouseEvent| change.emit(PanelChange::RemoveDirection(position)))
        };
        let due_legend = format!("Direction {number}: to be done by");
        html! {
            <fieldset class="lens-fieldset lens-direction">
                <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ format!("Direction {number}") }</legend>
                <div class={group_class(what_error.as_deref())}>
                    <label class="lens-label" for={what_id.clone()}>{ "What is to be done" }</label>
                    { error_message(&what_id, what_error.as_deref()) }
                    <textarea class={classes!("lens-textarea", what_error.as_ref().map(|_| "lens-textarea--error"))}
                        id={what_id.clone()} name={what_id.clone()} rows="2" value={direction.what.clone()}
                        ref={view.anchors.node(&what_id)} oninput={on_what}
                        aria-describedby={described_by(&what_id, false, what_error.is_some())} />
                </div>
                <TextInput id={owner_id.clone()} label="Who is to do it" value={direction.owner.clone()}
                    error={error(ActionField::Owner).map(AttrValue::from)} node={view.anchors.node(&owner_id)}
                    oninput={on_owner} width_class="lens-input--width-20" no_spellcheck=true />
                { date_input(DateInputView {
                    id: &due_id,
                    legend: &due_legend,
                    hint: Some("The timescale for completion. For example, 27 3 2027"),
                    value: &direction.due_on,
                    error: error(ActionField::DueOn).as_deref(),
                    day_node: view.anchors.node(&format!("{due_id}-day")),
                    oninput: on_due,
                }) }
                if count > 1 {
                    <p class="lens-body">
                        <button type="button" class="lens-link-button" onclick={on_remove}>
                            { format!("Remove direction {number}") }
                        </button>
                    </p>
                }
            </fieldset>
        }
    });
    let on_add = {
        let change = view.change.clone();
        Callback::from(move |_: MouseEvent| change.emit(PanelChange::AddDirection))
    };
    html! {
        <>
            <h5 class="lens-heading-s">{ "Directions to the practitioner" }</h5>
            <p class="lens-body">{ "Each direction becomes an action on this audit, followed up until it is done. Leave the last one blank if there are no more." }</p>
            { for rows }
            if count < lens_core::MAX_DIRECTIONS {
                <p class="lens-body">
                    <button type="button" class="lens-button lens-button--secondary" onclick={on_add}>{ "Add another direction" }</button>
                </p>
            }
        </>
    }
}

/// Whose view the feedback is: the child's, or a parent's or carer's.
pub(super) fn feedback_from_choice(view: &FieldView) -> Html {
    let error = (view.error_at)(FollowUpField::FeedbackFrom);
    let options = FeedbackFrom::ALL.into_iter().enumerate().map(|(index, from)| {
        let option = option_id("lens-fu-from", index);
        let change = view.change.clone();
        let onchange = Callback::from(move |_: Event| change.emit(PanelChange::FeedbackFrom(from)));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name="lens-fu-from" type="radio"
                    checked={view.typed.feedback_from == Some(from)} ref={view.anchors.node(&option)}
                    aria-describedby={error.as_ref().map(|_| "lens-fu-from-error")} {onchange} />
                <label class="lens-radios__label" for={option}>{ from.label() }</label>
            </div>
        }
    });
    html! {
        <fieldset class={classes!("lens-fieldset", group_class(error.as_deref()))}>
            <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ "Whose view is it?" }</legend>
            { error_message("lens-fu-from", error.as_deref()) }
            <div class="lens-radios">{ for options }</div>
        </fieldset>
    }
}

/// Whether the grades were discussed with the case holder: yes or no.
pub(super) fn grades_discussed_choice(view: &FieldView) -> Html {
    let error = (view.error_at)(FollowUpField::GradesDiscussed);
    let options = [(true, "Yes"), (false, "No")].into_iter().enumerate().map(|(index, (answer, label))| {
        let option = option_id("lens-fu-grades", index);
        let change = view.change.clone();
        let onchange = Callback::from(move |_: Event| change.emit(PanelChange::GradesDiscussed(answer)));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name="lens-fu-grades" type="radio"
                    checked={view.typed.grades_discussed == Some(answer)} ref={view.anchors.node(&option)}
                    aria-describedby={error.as_ref().map(|_| "lens-fu-grades-error")} {onchange} />
                <label class="lens-radios__label" for={option}>{ label }</label>
            </div>
        }
    });
    html! {
        <fieldset class={classes!("lens-fieldset", group_class(error.as_deref()))}>
            <legend class="lens-fieldset__legend lens-fieldset__legend--s">{ "Were the grades discussed with the case holder?" }</legend>
            { error_message("lens-fu-grades", error.as_deref()) }
            <div class="lens-radios lens-radios--inline">{ for options }</div>
        </fieldset>
    }
}
