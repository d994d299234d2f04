//! An audit on its template: the form while it is a draft, saved as the person types, and the
//! read-only record once it is submitted.

mod actions;
mod anchors;
mod autosave;
mod edit;
mod fields;
mod record;
mod standard;

use std::rc::Rc;

use lens_core::{suggest_overall, Audit, AuditId, AuditStatus, ProblemTarget, Template};
use lens_store::{load_audit, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::actions::{actions_editor, ActionsView};
use self::anchors::{problem_anchor, Anchors, FORM_TITLE_ID, OVERALL_ID};
use self::autosave::{FormState, SaveStatus, Saver};
use self::edit::{apply, Edit};
use self::fields::{header_field, radio_group, FieldView, RadioGroup};
use self::record::audit_record;
use self::standard::{standard, StandardView};
use super::{ErrorSummary, FieldError};
use crate::ports::{OpenedStore, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct AuditFormProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    /// The audit as it was read from the store.
    pub opened: Versioned<Audit>,
    pub template: Rc<Template>,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onback: Callback<()>,
}

#[component]
pub(crate) fn AuditForm(props: &AuditFormProps) -> Html {
    let state = use_mut_ref(|| FormState::new(&props.opened));
    let anchors = (*use_memo((), |_| Anchors::default())).clone();
    let rerender = use_force_update();
    let saver = Saver {
        state: state.clone(),
        store: props.store.clone(),
        platform: props.platform.clone(),
        rerender: rerender.clone(),
        onsaved: props.onsaved.clone(),
    };
    let template = props.template.clone();

    let edit = {
        let saver = saver.clone();
        Callback::from(move |edit: Edit| {
            let changed = {
                let mut state = saver.state.borrow_mut();
                let changed = apply(&mut state.audit, edit);
                if changed {
                    state.generation += 1;
                    // "Saved at" only ever means that everything typed so far is saved.
                    if state.status != SaveStatus::Conflict {
                        state.status = SaveStatus::Saving;
                    }
                }
                changed
            };
            if changed {
                saver.rerender.force_update();
                saver.save_after_pause();
            }
        })
    };
    let onsubmit = {
        let (saver, template) = (saver.clone(), template.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let today = saver.platform.now().date_naive();
            let submitted = saver.state.borrow().audit.submit(&template, today);
            {
                let mut state = saver.state.borrow_mut();
                match submitted {
                    Ok(audit) => {
                        state.audit = audit;
                        state.problems.clear();
                        state.generation += 1;
                    }
                    Err(problems) => {
                        state.problems = problems;
                        state.attempt += 1;
                    }
                }
            }
            saver.rerender.force_update();
            if saver.state.borrow().audit.status == AuditStatus::Submitted {
                saver.save_now();
            }
        })
    };
    let on_reload = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            let saver = saver.clone();
            spawn_local(async move {
                let id = saver.state.borrow().audit.id.clone();
                if let Ok(Some(stored)) = load_audit(&*saver.store.store, &id).await {
                    let mut state = saver.state.borrow_mut();
                    state.audit = stored.value;
                    state.base = Some(stored.revision);
                    state.status = SaveStatus::Idle;
                    state.generation += 1;
                }
                saver.rerender.force_update();
            });
        })
    };
    let on_keep_copy = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            {
                let mut state = saver.state.borrow_mut();
                state.audit.id = AuditId::new(saver.platform.new_id());
                state.base = None;
                state.status = SaveStatus::Idle;
                state.generation += 1;
            }
            saver.save_now();
        })
    };
    let on_retry = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| saver.save_now())
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };

    let state = state.borrow();
    let audit = &state.audit;
    let today = props.platform.now().date_naive();
    let status_class = match state.status {
        SaveStatus::Failed(_) | SaveStatus::Conflict => "lens-save-status lens-save-status--failed",
        _ => "lens-save-status",
    };
    let caption = if audit.case_reference.is_empty() {
        audit.auditor.clone()
    } else {
        format!("Case {} · {}", audit.case_reference, audit.auditor)
    };
    let summary: Vec<FieldError> = state
        .problems
        .iter()
        .map(|problem| {
            let anchor = problem_anchor(&problem.target, &template, audit.actions.len());
            FieldError { message: problem.message.clone(), field: anchors.node(&anchor), field_id: anchor }
        })
        .collect();
    html! {
        <section class="lens-section" aria-labelledby={FORM_TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to audits on this device" }</button>
            <ErrorSummary errors={summary} attempt={state.attempt} />
            <span class="lens-caption">{ caption }</span>
            <h2 class="lens-heading-l" id={FORM_TITLE_ID} tabindex="-1" ref={anchors.node(FORM_TITLE_ID)}>
                { template.title.clone() }
            </h2>
            <p class={status_class} role="status">
                { state.status.text() }
                if matches!(state.status, SaveStatus::Failed(_)) {
                    { " " }<button type="button" class="lens-link-button" onclick={on_retry}>{ "Try saving again" }</button>
                }
            </p>
            if state.status == SaveStatus::Conflict {
                <div class="lens-notification lens-notification--warning" role="alert">
                    <h3 class="lens-heading-m">{ "This audit was changed somewhere else" }</h3>
                    <p class="lens-body">{ "Another tab or window saved this audit after you opened it here. Nothing was overwritten. Choose which version to keep working on." }</p>
                    <div class="lens-button-group">
                        <button type="button" class="lens-button" onclick={on_reload}>{ "Load the saved version" }</button>
                        <button type="button" class="lens-button lens-button--secondary" onclick={on_keep_copy}>{ "Keep my version as a new audit" }</button>
                    </div>
                </div>
            }
            if audit.status == AuditStatus::Draft {
                { draft_form(audit, &template, &state.problems, &anchors, &edit, &props.platform, onsubmit) }
            } else {
                { export_bar(&state, &template, &props.platform) }
                { audit_record(audit, &template, today) }
            }
        </section>
    }
}

fn error_for<'a>(problems: &'a [lens_core::AuditProblem], target: &ProblemTarget) -> Option<&'a str> {
    problems.iter().find(|problem| &problem.target == target).map(|problem| problem.message.as_str())
}

fn draft_form(
    audit: &Audit,
    template: &Template,
    problems: &[lens_core::AuditProblem],
    anchors: &Anchors,
    edit: &Callback<Edit>,
    platform: &PlatformHandle,
    onsubmit: Callback<SubmitEvent>,
) -> Html {
    let guidance = (!template.guidance.is_empty()).then(|| {
        html! {
            <details class="lens-details">
                <summary class="lens-details__summary">{ "How to complete this audit" }</summary>
                <div class="lens-details__text">
                    <ul class="lens-list lens-list--bullet">
                        { for template.guidance.iter().map(|line| html! { <li>{ line.clone() }</li> }) }
                    </ul>
                </div>
            </details>
        }
    });
    let header = template.header_fields.iter().map(|field| {
        header_field(FieldView {
            field,
            value: audit.header_value(&field.id),
            error: error_for(problems, &ProblemTarget::Header(field.id.clone())),
            anchors,
            edit,
        })
    });
    let sections = template.sections.iter().map(|section| {
        let items = section.items.iter().map(|item| {
            standard(StandardView {
                item,
                scale: template.scale.as_ref(),
                response: audit.responses.get(&item.id),
                grade_error: error_for(problems, &ProblemTarget::ItemGrade(item.id.clone())),
                narrative_error: error_for(problems, &ProblemTarget::ItemNarrative(item.id.clone())),
                anchors,
                edit,
            })
        });
        html! {
            <section class="lens-section">
                <h3 class="lens-heading-m">{ section.title.clone() }</h3>
                if let Some(text) = &section.guidance {
                    <p class="lens-body lens-body--secondary">{ text.clone() }</p>
                }
                { for items }
            </section>
        }
    });
    let overall = template.scale.as_ref().filter(|_| template.asks_overall_judgement).map(|scale| {
        let suggestion = suggest_overall(template, &audit.responses).map(|suggestion| {
            let label = scale.grade(&suggestion.code).map_or(suggestion.code.clone(), |grade| grade.label.clone());
            html! {
                <div class="lens-suggestion" id={format!("{OVERALL_ID}-hint")}>
                    <strong>{ format!("Suggested from the grades: {label}. ") }</strong>{ suggestion.reason.clone() }
                    { " You decide the overall judgement." }
                </div>
            }
        });
        let has_hint = suggestion.is_some();
        let options: Vec<(String, String)> = scale.grades.iter().map(|grade| (grade.code.clone(), grade.label.clone())).collect();
        let edit = edit.clone();
        radio_group(RadioGroup {
            id: OVERALL_ID,
            legend: html! { <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ "Overall judgement" }</legend> },
            hint: suggestion.unwrap_or_default(),
            has_hint,
            error: error_for(problems, &ProblemTarget::Overall),
            options: &options,
            selected: audit.overall.as_deref().unwrap_or(""),
            inline: false,
            anchors,
            onchoose: Callback::from(move |code: String| edit.emit(Edit::Overall(code))),
        })
    });
    let actions = template.actions.as_ref().map(|block| {
        let platform = platform.clone();
        actions_editor(ActionsView {
            title: &block.title,
            actions: &audit.actions,
            problems,
            anchors,
            edit,
            new_id: Callback::from(move |_| platform.new_id()),
        })
    });
    html! {
        <form {onsubmit} novalidate=true>
            { for guidance }
            <section class="lens-section">{ for header }</section>
            { for sections }
            { for overall }
            { for actions }
            <button type="submit" class="lens-button">{ "Submit audit" }</button>
        </form>
    }
}

/// Print and download buttons for one audit. Downloads are made on this device; nothing is sent.
fn export_bar(state: &FormState, template: &Rc<Template>, platform: &PlatformHandle) -> Html {
    let now = platform.now();
    let versioned = Versioned {
        value: state.audit.clone(),
        revision: state.base.unwrap_or(lens_store::Revision::FIRST),
        updated_at: now.to_utc(),
    };
    let name = if state.audit.case_reference.is_empty() {
        format!("audit-{}", state.audit.id)
    } else {
        format!("audit-{}", state.audit.case_reference)
    };
    let stem: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let bundle = lens_store::bundle::Bundle {
        exported_at: now.to_utc(),
        templates: vec![(**template).clone()],
        audits: vec![versioned.clone()],
        moderations: Vec::new(),
    };
    let files = lens_store::csv_export::write_audits_csv(std::slice::from_ref(&versioned));
    let download = |file_name: String, media_type: &'static str, contents: String| {
        let platform = platform.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(message) = platform.download(&file_name, media_type, &contents) {
                platform.emit(crate::ports::LensEvent::Error { code: "download-failed", message });
            }
        })
    };
    let on_print = {
        let platform = platform.clone();
        Callback::from(move |_: MouseEvent| platform.print())
    };
    html! {
        <div class="lens-button-group">
            <button type="button" class="lens-button lens-button--secondary" onclick={on_print}>{ "Print this audit" }</button>
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.json"), "application/json", lens_store::bundle::write_bundle(&bundle))}>
                { "Download as JSON" }
            </button>
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.items.csv"), "text/csv", files.items)}>
                { "Download answers as CSV" }
            </button>
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.actions.csv"), "text/csv", files.actions)}>
                { "Download actions as CSV" }
            </button>
        </div>
    }
}
