//! Start an audit or a reflection: the case reference, the author's name and the template,
//! checked by the core, saved as a draft and then opened. The draft is opened only once the store
//! reports the save complete. Its state and transitions are in `state.rs`, tested natively.

mod state;

use std::rc::Rc;

use lens_core::{newest_versions, Audit, AuditId, FieldKind, NewAuditField, Template, TemplateKind};
use lens_store::Versioned;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::state::{SaveState, StartChange, StartState};
use super::focus::use_focus_on_mount;
use super::form::TextInput;
use super::saving::save_and_announce;
use super::{ErrorSummary, FieldError};
use crate::ports::{ErrorCode, LensEvent, OpenedStore, Persistence, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct StartAuditProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    /// The auditor's name to start with.
    pub auditor: String,
    pub persistence: Persistence,
    /// The templates on this device; those of the kind being started are offered.
    pub templates: Rc<Vec<Template>>,
    /// Starting a practitioner's reflection rather than an audit.
    pub reflection: bool,
    pub onsaved: Callback<Versioned<Audit>>,
    /// Opens the audit once it is saved.
    pub onopen: Callback<AuditId>,
    pub onback: Callback<()>,
    pub onpersistence: Callback<Persistence>,
}

/// The message when no template is chosen.
const CHOOSE_TEMPLATE: &str = "Select what you are auditing";

impl Reducible for StartState {
    type Action = StartChange;

    fn reduce(self: Rc<Self>, change: StartChange) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(change);
        Rc::new(next)
    }
}

#[component]
pub(crate) fn StartAudit(props: &StartAuditProps) -> Html {
    // Older versions are kept for the audits that pinned them; a new one uses the newest.
    let offered: Vec<Template> = newest_versions(&props.templates)
        .into_iter()
        .filter(|template| (template.kind == TemplateKind::Reflection) == props.reflection)
        .cloned()
        .collect();
    // With only one template to offer, it is chosen already and no question is asked.
    let only_choice = if offered.len() == 1 { Some(offered[0].id.clone()) } else { None };
    let state = use_reducer(|| StartState::new(props.auditor.clone(), only_choice.clone()));
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let case_reference_ref = use_node_ref();
    let auditor_ref = use_node_ref();
    let template_ref = use_node_ref();

    let on_text = |change: fn(String) -> StartChange| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.dispatch(change(event.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };

    let onsubmit = {
        let state = state.clone();
        let store = props.store.clone();
        let platform = props.platform.clone();
        let onsaved = props.onsaved.clone();
        let onopen = props.onopen.clone();
        let onpersistence = props.onpersistence.clone();
        let templates = offered.clone();
        let ask_persistence = props.persistence == Persistence::BestEffort;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.saving == SaveState::Saving {
                return;
            }
            let now = platform.now();
            let id = AuditId::new(platform.new_id());
            let template = templates.iter().find(|template| template.id == state.chosen);
            let started = match template {
                Some(template) => state.typed.start_with(id, template, now.date_naive()),
                // Without a template, check what was typed as for a case file audit.
                None => Err(state.typed.validate()),
            };
            let mut audit = match (started, template) {
                (Ok(audit), Some(_)) => audit,
                (result, _) => {
                    let errors = result.err().unwrap_or_default();
                    state.dispatch(StartChange::Refused { errors, template_missing: template.is_none() });
                    return;
                }
            };
            // The date of the audit starts as today; the auditor can change it.
            if let Some(first_date) =
                template.and_then(|t| t.header_fields.iter().find(|f| f.kind == FieldKind::Date))
            {
                audit.set_header_value(&first_date.id, &now.date_naive().to_string());
            }
            state.dispatch(StartChange::SaveStarted);
            let (state, store, platform) = (state.clone(), store.clone(), platform.clone());
            let (onsaved, onopen, onpersistence) = (onsaved.clone(), onopen.clone(), onpersistence.clone());
            spawn_local(async move {
                let saved = save_and_announce(&store, &platform, &audit, None, now.to_utc(), &onsaved).await;
                match saved {
                    Ok(saved) => {
                        state.dispatch(StartChange::Saved);
                        onopen.emit(saved.value.id);
                        // The first save is a user gesture: the moment to ask the browser to keep data.
                        if ask_persistence {
                            onpersistence.emit(platform.request_persistence().await);
                        }
                    }
                    Err(error) => {
                        let message = error.to_string();
                        platform
                            .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: message.clone() });
                        state.dispatch(StartChange::SaveFailed(message));
                    }
                }
            });
        })
    };

    let error_for = |field: NewAuditField| {
        state.errors.iter().find(|error| error.field() == field).map(ToString::to_string)
    };
    let case_reference_error = error_for(NewAuditField::CaseReference);
    let auditor_error = error_for(NewAuditField::Auditor);
    let mut summary_errors: Vec<FieldError> = state
        .errors
        .iter()
        .map(|error| {
            let (field, field_id) = match error.field() {
                NewAuditField::CaseReference => (case_reference_ref.clone(), "lens-case-reference"),
                NewAuditField::Auditor => (auditor_ref.clone(), "lens-auditor"),
            };
            FieldError { message: error.to_string(), field, field_id: field_id.to_owned() }
        })
        .collect();
    if state.template_missing {
        summary_errors.push(FieldError {
            message: CHOOSE_TEMPLATE.to_owned(),
            field: template_ref.clone(),
            field_id: "lens-template-0".to_owned(),
        });
    }
    let template_options = offered.iter().enumerate().map(|(index, template)| {
        let id = format!("lens-template-{index}");
        let onchange = {
            let (state, template_id) = (state.clone(), template.id.clone());
            Callback::from(move |_: Event| state.dispatch(StartChange::Chose(template_id.clone())))
        };
        let node = if index == 0 { template_ref.clone() } else { NodeRef::default() };
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={id.clone()} name="lens-template" type="radio"
                    value={template.id.clone()} checked={state.chosen == template.id} ref={node} {onchange} />
                <label class="lens-radios__label" for={id}>{ template.title.clone() }</label>
            </div>
        }
    });
    let template_group_class =
        if state.template_missing { "lens-form-group lens-form-group--error" } else { "lens-form-group" };

    let status = match &state.saving {
        SaveState::Idle => String::new(),
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::Failed(reason) => format!("Not saved: {reason}"),
    };
    let status_class = match &state.saving {
        SaveState::Failed(_) => "lens-save-status lens-save-status--failed",
        _ => "lens-save-status",
    };

    let (title, case_label, case_hint, start) = if props.reflection {
        (
            "Reflect on my practice",
            "Case this reflection is about (optional)",
            "The tracked case number, if you are reflecting on an audited case. Do not use the child's name.",
            "Start reflection",
        )
    } else {
        (
            "Start an audit",
            "Case reference",
            "The tracked case number from the child's record. Do not use the child's name.",
            "Start audit",
        )
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    html! {
        <section class="lens-section" aria-labelledby="lens-start-title">
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to home" }</button>
            <ErrorSummary errors={summary_errors} attempt={state.attempt} />
            <h3 class="lens-heading-m" id="lens-start-title" tabindex="-1" ref={heading}>{ title }</h3>
            if props.reflection {
                <div class="lens-inset">
                    <p class="lens-body">
                        { "A reflection is yours. It stays on this device, is not counted in anyone's reports, and leaves the device only if you download it to share it." }
                    </p>
                </div>
            }
            <form {onsubmit} novalidate=true>
                <TextInput id="lens-case-reference" label={case_label} hint={Some(AttrValue::from(case_hint))}
                    value={state.typed.case_reference.clone()} error={case_reference_error.map(AttrValue::from)}
                    node={case_reference_ref.clone()} oninput={on_text(StartChange::CaseReference)}
                    width_class="lens-input--width-10" no_spellcheck=true />
                <TextInput id="lens-auditor" label="Your name" value={state.typed.auditor.clone()}
                    error={auditor_error.map(AttrValue::from)} node={auditor_ref.clone()}
                    oninput={on_text(StartChange::Auditor)} width_class="lens-input--width-20" no_spellcheck=true />
                if only_choice.is_none() {
                    <div class={template_group_class}>
                        <fieldset class="lens-fieldset" aria-describedby={state.template_missing.then_some("lens-template-error")}>
                            <legend class="lens-fieldset__legend">{ "What are you auditing?" }</legend>
                            if state.template_missing {
                                <p class="lens-error-message" id="lens-template-error">
                                    <span class="lens-visually-hidden">{ "Error: " }</span>{ CHOOSE_TEMPLATE }
                                </p>
                            }
                            <div class="lens-radios">{ for template_options }</div>
                        </fieldset>
                    </div>
                }
                <button type="submit" class="lens-button">{ start }</button>
            </form>
            <p class={status_class} role="status">{ status }</p>
        </section>
    }
}
