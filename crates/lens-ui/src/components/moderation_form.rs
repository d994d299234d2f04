//! Moderating one submitted audit, in two steps. First the moderator grades every standard and
//! the overall judgement alone, with nothing of the auditor's on the page. Once every grade is
//! given, the comparison opens: the moderator's grades beside the auditor's with how far apart
//! they are, the auditor's findings, and the agreed grade with a rationale where it differs.
//! The moderator's own grades cannot be changed on the comparison step; nothing is saved until
//! the moderation is, so leaving the screen before then starts the moderation afresh. The core
//! checks it; the moderation is saved, then the audit is marked moderated. The auditor's own
//! grades are never changed.

mod comparison;
mod item;
mod state;

use std::rc::Rc;

use lens_core::{item_title, Audit, GradeRule, ModeratedItem, Moderation, ProblemTarget, Template};
use lens_store::{save_moderation, RecordKind, StoreError, Versioned};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use self::comparison::{comparison_table, Compared};
use self::item::{agreed_grade_id, agreeing, own_grade_id, own_grading, rationale_id, ItemView};
use self::state::{Graded, ItemEdit, ModerationChange, ModerationState, Progress};
use super::audit_cells::case_label;
use super::audit_form::anchors::{option_id, Anchors};
use super::focus::use_focus_on_mount;
use super::form::error_message;
use super::saving::{save_and_announce, why_not_saved};
use super::{ErrorSummary, FieldError};
use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle};

const TITLE_ID: &str = "lens-moderation-title";
const MODERATOR_ID: &str = "lens-m-moderator";
const FEEDBACK_ID: &str = "lens-m-feedback";
const COMPARE_TITLE_ID: &str = "lens-moderation-compare-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ModerationFormProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    pub audit: Versioned<Audit>,
    pub template: Rc<Template>,
    /// The moderator's name to start with.
    pub moderator: String,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onmoderated: Callback<Versioned<Moderation>>,
    pub onback: Callback<()>,
}

impl Reducible for ModerationState {
    type Action = ModerationChange;

    fn reduce(self: Rc<Self>, change: ModerationChange) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(change);
        Rc::new(next)
    }
}

#[component]
pub(crate) fn ModerationForm(props: &ModerationFormProps) -> Html {
    let state = use_reducer(|| ModerationState::new(props.moderator.clone()));
    let anchors = (*use_memo((), |_| Anchors::default())).clone();
    use_focus_on_mount(anchors.node(TITLE_ID));
    {
        let heading = anchors.node(COMPARE_TITLE_ID);
        use_effect_with(state.comparing, move |comparing| {
            if *comparing {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let audit = &props.audit.value;
    let template = props.template.clone();
    let Some(scale) = template.scale.clone() else {
        return html! { <p class="lens-body">{ format!("{} has no grades to moderate.", template.title) }</p> };
    };

    let edit = {
        let state = state.clone();
        Callback::from(move |change: ItemEdit| state.dispatch(ModerationChange::Item(change)))
    };
    let on_moderator = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.dispatch(ModerationChange::Moderator(
                event.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_feedback = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.dispatch(ModerationChange::Feedback(
                event.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let onsubmit = {
        let state = state.clone();
        let (store, platform, versioned, template) =
            (props.store.clone(), props.platform.clone(), props.audit.clone(), template.clone());
        let (onsaved, onmoderated) = (props.onsaved.clone(), props.onmoderated.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.is_saving() {
                return;
            }
            let now = platform.now();
            // One moderation per audit: keyed by the audit, so a second tab's is refused.
            let moderation = Moderation {
                id: versioned.value.id.to_string(),
                audit: versioned.value.id.clone(),
                moderator: state.moderator.trim().to_owned(),
                moderated_on: now.date_naive(),
                items: state.items.clone(),
                overall: state.overall.clone(),
                feedback: state.feedback.trim().to_owned(),
            };
            if !state.comparing {
                let problems = moderation.own_grading_problems(&versioned.value, &template);
                state.dispatch(if problems.is_empty() {
                    ModerationChange::Compare
                } else {
                    ModerationChange::Refused(problems)
                });
                return;
            }
            let marked = match versioned.value.mark_moderated(&moderation, &template) {
                Ok(marked) => marked,
                Err(found) => {
                    state.dispatch(ModerationChange::Refused(found));
                    return;
                }
            };
            state.dispatch(ModerationChange::SaveStarted);
            let (store, platform, versioned, state) =
                (store.clone(), platform.clone(), versioned.clone(), state.clone());
            let (onsaved, onmoderated) = (onsaved.clone(), onmoderated.clone());
            spawn_local(async move {
                let saved = match save_moderation(&*store.store, &moderation, None, now.to_utc()).await {
                    Ok(saved) => saved,
                    Err(error) => {
                        let message = match error {
                            StoreError::Conflict { .. } => "this audit was moderated in another tab or window while you were grading it here. That moderation is kept and yours was not saved beside it: go back to moderation to see it.".to_owned(),
                            other => why_not_saved(&other),
                        };
                        platform
                            .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: message.clone() });
                        state.dispatch(ModerationChange::SaveFailed(message));
                        return;
                    }
                };
                platform.emit(LensEvent::Saved {
                    kind: RecordKind::Moderation,
                    id: saved.value.id.clone(),
                    revision: saved.revision.get(),
                });
                let confirmed = moderation.confirmed_grades(&versioned.value);
                onmoderated.emit(saved);
                // The moderation stands on its own; marking the audit is a second save that a
                // change made elsewhere can refuse without losing the moderation.
                let marking = save_and_announce(
                    &store,
                    &platform,
                    &marked,
                    Some(versioned.revision),
                    now.to_utc(),
                    &onsaved,
                );
                let audit_problem = marking.await.err().map(|error| error.to_string());
                state.dispatch(ModerationChange::Saved { confirmed, audit_problem });
            });
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };

    if let Progress::Saved { confirmed: (same, of), audit_problem } = &state.progress {
        return html! {
            <section class="lens-section" aria-labelledby={TITLE_ID}>
                <div class="lens-panel">
                    <h2 class="lens-heading-l" id={TITLE_ID} tabindex="-1" ref={anchors.node(TITLE_ID)}>{ "Moderation saved" }</h2>
                    <p class="lens-body">{ format!("The agreed grades confirmed {same} of the auditor's {of} grades for case {}.", case_label(audit)) }</p>
                </div>
                if let Some(problem) = audit_problem {
                    <div class="lens-notification lens-notification--warning" role="alert">
                        <p class="lens-body">{ format!("The audit itself could not be marked moderated: {problem} The moderation is kept and counts in reports.") }</p>
                    </div>
                }
                <button type="button" class="lens-button" onclick={onback}>{ "Back to moderation" }</button>
            </section>
        };
    }

    let errors = error_places(&state, &audit.auditor);
    let summary: Vec<FieldError> = errors
        .iter()
        .map(|(anchor, message)| FieldError {
            message: message.clone(),
            field: anchors.node(&first_focusable(anchor)),
            field_id: first_focusable(anchor),
        })
        .collect();
    let blank = ModeratedItem::default();
    let auditor_overall = audit.overall_grade(&template);
    let mut gradings: Vec<(Graded, String, Option<&str>, &str)> = template
        .items()
        .filter(|item| item.grade != GradeRule::None)
        .map(|item| {
            let response = audit.responses.get(&item.id);
            let grade = response.and_then(|response| response.grade.as_deref());
            let findings = response.map_or("", |response| response.narrative.as_str());
            (Graded::Standard(item.id.clone()), item.prompt.clone(), grade, findings)
        })
        .collect();
    if auditor_overall.is_some() {
        gradings.push((Graded::Overall, "Overall judgement".to_owned(), auditor_overall.as_deref(), ""));
    }
    let view_of = |index: usize| {
        let (graded, title, auditor_grade, findings) = &gradings[index];
        ItemView {
            moderated: state.grading(graded).unwrap_or(&blank),
            graded: graded.clone(),
            title: title.clone(),
            scale: &scale,
            auditor_grade: *auditor_grade,
            findings,
            errors: &errors,
            anchors: &anchors,
            edit: &edit,
        }
    };
    let gradings_shown: Html = if state.comparing {
        let compared: Vec<Compared> = gradings
            .iter()
            .map(|(graded, title, auditor, _)| Compared {
                title: match graded {
                    Graded::Standard(id) => template.item(id).map_or_else(|| title.clone(), item_title),
                    Graded::Overall => title.clone(),
                },
                own: state.grading(graded).and_then(|grading| grading.moderator_grade.as_deref()),
                auditor: *auditor,
            })
            .collect();
        html! {
            <>
                <h3 class="lens-heading-m" id={COMPARE_TITLE_ID} tabindex="-1" ref={anchors.node(COMPARE_TITLE_ID)}>{ "Compare and agree the grades" }</h3>
                { comparison_table(&compared, &scale) }
                <p class="lens-body">{ "Your own grades are kept as you gave them: they are the independent grading. Agree a grade for each with the auditor, and give the rationale where it differs from theirs." }</p>
                { for (0..gradings.len()).map(|index| agreeing(view_of(index))) }
            </>
        }
    } else {
        html! {
            <>
                <p class="lens-body">{ "Grade each standard from the case file first. The auditor's grades and findings show once you have given all of yours." }</p>
                { for (0..gradings.len()).map(|index| own_grading(view_of(index))) }
            </>
        }
    };
    let moderator_error =
        errors.iter().find(|(id, _)| id == MODERATOR_ID).map(|(_, message)| message.as_str());
    let status = match &state.progress {
        Progress::Saving => "Saving…".to_owned(),
        Progress::Failed(reason) => format!("Not saved: {reason}"),
        _ => String::new(),
    };
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to moderation" }</button>
            <ErrorSummary errors={summary} attempt={state.attempt} />
            <span class="lens-caption">{ format!("Case {} · audited by {}", case_label(audit), audit.auditor) }</span>
            <h2 class="lens-heading-l" id={TITLE_ID} tabindex="-1" ref={anchors.node(TITLE_ID)}>
                { format!("Moderate: {}", template.title) }
            </h2>
            <form {onsubmit} novalidate=true>
                <div class={if moderator_error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" }}>
                    <label class="lens-label" for={MODERATOR_ID}>{ "Your name" }</label>
                    { error_message(MODERATOR_ID, moderator_error) }
                    <input class="lens-input lens-input--width-20" id={MODERATOR_ID} type="text" autocomplete="off"
                        value={state.moderator.clone()} oninput={on_moderator} ref={anchors.node(MODERATOR_ID)}
                        aria-describedby={moderator_error.map(|_| format!("{MODERATOR_ID}-error"))} />
                </div>
                { gradings_shown }
                if state.comparing {
                    <div class="lens-form-group">
                        <label class="lens-label" for={FEEDBACK_ID}>{ "Feedback to the auditor (optional)" }</label>
                        <textarea class="lens-textarea" id={FEEDBACK_ID} rows="4" value={state.feedback.clone()} oninput={on_feedback} />
                    </div>
                    <button type="submit" class="lens-button">{ "Complete moderation" }</button>
                } else {
                    <button type="submit" class="lens-button">{ "Compare with the auditor's grades" }</button>
                }
            </form>
            <p class={if matches!(state.progress, Progress::Failed(_)) { "lens-save-status lens-save-status--failed" } else { "lens-save-status" }}
                role="status">{ status }</p>
        </section>
    }
}

/// The element a group's summary link focuses: the first radio of a grade group, or the field.
fn first_focusable(anchor: &str) -> String {
    if anchor.ends_with("-own") || anchor.ends_with("-agreed") {
        option_id(anchor, 0)
    } else {
        anchor.to_owned()
    }
}

/// Each problem with the group it belongs to. A missing grade belongs to the moderator's own
/// grade until that is given, then to the agreed grade, in the order the core reports them.
fn error_places(state: &ModerationState, auditor: &str) -> Vec<(String, String)> {
    let about_moderator =
        state.moderator.trim().is_empty() || lens_core::same_person(&state.moderator, auditor);
    let mut own_placed: Vec<Graded> = Vec::new();
    let mut place_grade = |graded: Graded| {
        let own_missing = state.grading(&graded).is_none_or(|grading| grading.moderator_grade.is_none());
        if own_missing && !own_placed.contains(&graded) {
            let id = own_grade_id(&graded);
            own_placed.push(graded);
            id
        } else {
            agreed_grade_id(&graded)
        }
    };
    state
        .problems
        .iter()
        .map(|problem| {
            let place = match &problem.target {
                ProblemTarget::ItemGrade(item) => place_grade(Graded::Standard(item.clone())),
                ProblemTarget::Overall => place_grade(Graded::Overall),
                ProblemTarget::ItemNarrative(item) => rationale_id(&Graded::Standard(item.clone())),
                ProblemTarget::OverallRationale => rationale_id(&Graded::Overall),
                // Who moderates: missing, or the audit's own author.
                ProblemTarget::Audit if about_moderator => MODERATOR_ID.to_owned(),
                _ => TITLE_ID.to_owned(),
            };
            (place, problem.message.clone())
        })
        .collect()
}
