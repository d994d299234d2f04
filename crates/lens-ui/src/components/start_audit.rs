//! Start a case file audit: the case reference and the auditor's name, checked by the core,
//! saved as a draft. "Saved" is shown only once the store reports the save complete.

use lens_core::{Audit, AuditError, AuditId, NewAudit, TemplateRef, CASE_FILE_AUDIT};
use lens_store::{save_audit, Versioned};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{ErrorSummary, FieldError};
use crate::ports::{LensEvent, OpenedStore, Persistence, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct StartAuditProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    /// The auditor's name to start with.
    pub auditor: String,
    pub persistence: Persistence,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onpersistence: Callback<Persistence>,
}

#[derive(Clone, PartialEq)]
enum SaveState {
    Idle,
    Saving,
    Saved { case_reference: String, at: String },
    Failed(String),
}

#[component]
pub(crate) fn StartAudit(props: &StartAuditProps) -> Html {
    let typed = use_state(|| NewAudit { case_reference: String::new(), auditor: props.auditor.clone() });
    let errors = use_state(Vec::<AuditError>::new);
    let attempt = use_state(|| 0_u32);
    let save_state = use_state(|| SaveState::Idle);
    let case_reference_ref = use_node_ref();
    let auditor_ref = use_node_ref();

    let on_case_reference = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            typed.set(NewAudit { case_reference: value, ..(*typed).clone() });
        })
    };
    let on_auditor = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            typed.set(NewAudit { auditor: value, ..(*typed).clone() });
        })
    };

    let onsubmit = {
        let typed = typed.clone();
        let errors = errors.clone();
        let attempt = attempt.clone();
        let save_state = save_state.clone();
        let store = props.store.clone();
        let platform = props.platform.clone();
        let onsaved = props.onsaved.clone();
        let onpersistence = props.onpersistence.clone();
        let ask_persistence = props.persistence == Persistence::BestEffort;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *save_state == SaveState::Saving {
                return;
            }
            let now = platform.now();
            let id = AuditId::new(platform.new_id());
            let template = TemplateRef::new(CASE_FILE_AUDIT, 1);
            let audit = match typed.start(id, template, now.date_naive()) {
                Ok(audit) => audit,
                Err(problems) => {
                    errors.set(problems);
                    attempt.set(*attempt + 1);
                    return;
                }
            };
            errors.set(Vec::new());
            save_state.set(SaveState::Saving);
            let (typed, save_state, store, platform) =
                (typed.clone(), save_state.clone(), store.clone(), platform.clone());
            let (onsaved, onpersistence) = (onsaved.clone(), onpersistence.clone());
            spawn_local(async move {
                let saved = save_audit(&*store.store, &audit, None, now.to_utc()).await;
                match saved {
                    Ok(saved) => {
                        platform.emit(LensEvent::Saved {
                            kind: "audit",
                            id: saved.value.id.to_string(),
                            revision: saved.revision.get(),
                        });
                        save_state.set(SaveState::Saved {
                            case_reference: saved.value.case_reference.clone(),
                            at: now.format("%H:%M").to_string(),
                        });
                        typed.set(NewAudit { case_reference: String::new(), ..(*typed).clone() });
                        onsaved.emit(saved);
                        // The first save is a user gesture: the moment to ask the browser to keep data.
                        if ask_persistence {
                            onpersistence.emit(platform.request_persistence().await);
                        }
                    }
                    Err(error) => {
                        let message = error.to_string();
                        platform.emit(LensEvent::Error { code: "save-failed", message: message.clone() });
                        save_state.set(SaveState::Failed(message));
                    }
                }
            });
        })
    };

    let error_for = |field: &str| errors.iter().find(|error| error.field() == field).map(ToString::to_string);
    let case_reference_error = error_for("case_reference");
    let auditor_error = error_for("auditor");
    let summary_errors: Vec<FieldError> = errors
        .iter()
        .map(|error| {
            let (field, field_id) = match error.field() {
                "case_reference" => (case_reference_ref.clone(), "lens-case-reference"),
                _ => (auditor_ref.clone(), "lens-auditor"),
            };
            FieldError { message: error.to_string(), field, field_id }
        })
        .collect();

    let status = match &*save_state {
        SaveState::Idle => String::new(),
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::Saved { case_reference, at } => format!("Audit of case {case_reference} saved at {at}"),
        SaveState::Failed(reason) => format!("Not saved: {reason}"),
    };
    let status_class = match &*save_state {
        SaveState::Failed(_) => "lens-save-status lens-save-status--failed",
        _ => "lens-save-status",
    };

    html! {
        <section class="lens-section" aria-labelledby="lens-start-title">
            <ErrorSummary errors={summary_errors} attempt={*attempt} />
            <h3 class="lens-heading-m" id="lens-start-title">{ "Start a case file audit" }</h3>
            <form {onsubmit} novalidate=true>
                { text_field(TextField {
                    id: "lens-case-reference",
                    label: "Case reference",
                    hint: "The tracked case number from the child's record. Do not use the child's name.",
                    value: typed.case_reference.clone(),
                    error: case_reference_error,
                    node: case_reference_ref.clone(),
                    oninput: on_case_reference,
                    width_class: "lens-input--width-10",
                }) }
                { text_field(TextField {
                    id: "lens-auditor",
                    label: "Your name",
                    hint: "",
                    value: typed.auditor.clone(),
                    error: auditor_error,
                    node: auditor_ref.clone(),
                    oninput: on_auditor,
                    width_class: "lens-input--width-20",
                }) }
                <button type="submit" class="lens-button">{ "Start audit" }</button>
            </form>
            <p class={status_class} role="status">{ status }</p>
        </section>
    }
}

struct TextField {
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Option<String>,
    node: NodeRef,
    oninput: Callback<InputEvent>,
    width_class: &'static str,
}

fn text_field(field: TextField) -> Html {
    let hint_id = format!("{}-hint", field.id);
    let error_id = format!("{}-error", field.id);
    let mut described_by = Vec::new();
    if !field.hint.is_empty() {
        described_by.push(hint_id.clone());
    }
    if field.error.is_some() {
        described_by.push(error_id.clone());
    }
    let group_class =
        if field.error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    let input_class = if field.error.is_some() {
        format!("lens-input {} lens-input--error", field.width_class)
    } else {
        format!("lens-input {}", field.width_class)
    };
    html! {
        <div class={group_class}>
            <label class="lens-label" for={field.id}>{ field.label }</label>
            if !field.hint.is_empty() {
                <div class="lens-hint" id={hint_id}>{ field.hint }</div>
            }
            if let Some(error) = field.error {
                <p class="lens-error-message" id={error_id}>
                    <span class="lens-visually-hidden">{ "Error: " }</span>{ error }
                </p>
            }
            <input class={input_class} id={field.id} name={field.id} type="text" autocomplete="off"
                spellcheck="false" value={field.value} ref={field.node} oninput={field.oninput}
                aria-describedby={(!described_by.is_empty()).then(|| described_by.join(" "))} />
        </div>
    }
}
