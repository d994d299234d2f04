//! Amending a submitted audit: who is amending and why, and the record of every amendment
//! with each changed field's value before and after.

use lens_core::{AmendmentField, Audit, AuditProblem, ProblemTarget, Template};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::anchors::Anchors;
use super::autosave::AmendDraft;
use crate::components::form::error_message;

fn problem(problems: &[AuditProblem], field: AmendmentField) -> Option<&str> {
    problems.iter().find_map(|problem| match problem.target {
        ProblemTarget::Amendment(of) if of == field => Some(problem.message.as_str()),
        _ => None,
    })
}

/// The amendment's own fields and its buttons, at the end of the form.
pub(crate) fn amend_fields(
    draft: &AmendDraft,
    problems: &[AuditProblem],
    anchors: &Anchors,
    on_by: Callback<String>,
    on_reason: Callback<String>,
    on_cancel: Callback<MouseEvent>,
    restored: bool,
) -> Html {
    let (by_error, reason_error) =
        (problem(problems, AmendmentField::By), problem(problems, AmendmentField::Reason));
    let group = |error: Option<&str>| {
        if error.is_some() {
            "lens-form-group lens-form-group--error"
        } else {
            "lens-form-group"
        }
    };
    let by_input = Callback::from(move |event: InputEvent| {
        on_by.emit(event.target_unchecked_into::<HtmlInputElement>().value())
    });
    let reason_input = Callback::from(move |event: InputEvent| {
        on_reason.emit(event.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-amend-title">
            <h3 class="lens-heading-m" id="lens-amend-title">{ "Why are you amending this audit?" }</h3>
            <p class="lens-body">{ "The audit was submitted, so every change is recorded with your name and reason. The audit changes only when you save the amendment; until then your amendment is kept on this device as you type." }</p>
            if restored {
                <div class="lens-inset" id="lens-amend-restored">
                    <p class="lens-body">{ "This is the amendment you started earlier, as you left it. Save it, or cancel it to leave the audit as it is." }</p>
                </div>
            }
            <div class={group(by_error)}>
                <label class="lens-label" for="lens-amend-by">{ "Your name" }</label>
                { error_message("lens-amend-by", by_error) }
                <input class="lens-input lens-input--width-20" id="lens-amend-by" name="lens-amend-by" type="text"
                    autocomplete="name" value={draft.by.clone()} ref={anchors.node("lens-amend-by")} oninput={by_input}
                    aria-describedby={by_error.map(|_| "lens-amend-by-error")} />
            </div>
            <div class={group(reason_error)}>
                <label class="lens-label" for="lens-amend-reason">{ "Reason for the amendment" }</label>
                { error_message("lens-amend-reason", reason_error) }
                <textarea class="lens-textarea" id="lens-amend-reason" name="lens-amend-reason" rows="3"
                    value={draft.reason.clone()} ref={anchors.node("lens-amend-reason")} oninput={reason_input}
                    aria-describedby={reason_error.map(|_| "lens-amend-reason-error")} />
            </div>
            <div class="lens-button-group">
                <button type="submit" class="lens-button">{ "Save amendment" }</button>
                <button type="button" class="lens-link-button" onclick={on_cancel}>{ "Cancel the amendment" }</button>
            </div>
        </section>
    }
}

/// Every amendment made, newest last.
pub(crate) fn amendments_list(audit: &Audit, template: &Template) -> Html {
    if audit.amendments.is_empty() {
        return html! {};
    }
    let entries = audit.amendments.iter().map(|amendment| {
        // Amendments recorded before changes were kept in form order are shown in it too.
        let mut in_order: Vec<_> = amendment.changes.iter().collect();
        in_order.sort_by_cached_key(|change| change.field.form_position(template, audit));
        let changes = in_order.into_iter().map(|change| {
            let show = |value: &str| if value.is_empty() { "(empty)".to_owned() } else { value.to_owned() };
            html! {
                <li>{ format!("{}: {} → {}", change.field.describe(template), show(&change.before), show(&change.after)) }</li>
            }
        });
        html! {
            <li>
                <p class="lens-body">
                    <strong>{ format!("{} by {}", amendment.on.format("%-d %B %Y"), amendment.by) }</strong>
                    { format!(": {}", amendment.reason) }
                </p>
                <ul class="lens-list lens-list--bullet">{ for changes }</ul>
            </li>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-amendments-title">
            <h3 class="lens-heading-m" id="lens-amendments-title">{ "Amendments" }</h3>
            <ol class="lens-list">{ for entries }</ol>
        </section>
    }
}
