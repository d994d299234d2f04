//! An audit on its template: the form while it is a draft, saved as the person types, and the
//! read-only record once it is submitted.

mod actions;
mod amend;
pub(crate) mod anchors;
mod autosave;
mod check;
mod contents;
mod draft;
mod edit;
mod export;
pub(crate) mod fields;
mod form_state;
mod professional_challenge;
mod record;
mod standard;
mod wording;

use std::rc::Rc;

use lens_core::{
    AmendmentField, Audit, AuditId, AuditProblem, AuditStatus, FollowUpEvent, Moderation, Template,
};
use lens_store::amendment_draft::{load_amendment_draft, DraftSlot};
use lens_store::{load_audit, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::amend::{amend_fields, amendments_list};
use self::anchors::{problem_anchor, record_item_id, Anchors, FORM_TITLE_ID};
use self::autosave::{FormState, SaveStatus, Saver};
use self::check::{check_answers, submitted_panel, CheckView};
use self::contents::focus_link;
use self::draft::{draft_form, FormView};
use self::edit::Edit;
use self::export::{export_bar, rescue_download};
use self::form_state::{Edited, Stage};
use self::professional_challenge::{offers_drafting, ChallengeFill};
use self::record::audit_record;
use self::wording::Wording;
use super::family_views::family_views;
use super::findings_summary::FindingsSummaryPanel;
use super::focus::use_focus_on_mount;
use super::follow_up_panel::history::follow_up_history;
use super::follow_up_panel::FollowUpPanel;
use super::moderation_record::moderation_record;
use super::{ErrorSummary, FieldError};
use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle, StorageKind, UnsavedWork};

#[derive(Properties, PartialEq)]
pub(crate) struct AuditFormProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    /// The audit as it was read from the store.
    pub opened: Versioned<Audit>,
    pub template: Rc<Template>,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onback: Callback<()>,
    /// The protective marking printed on every page, from `config`.
    #[prop_or_default]
    pub marking: Option<String>,
    /// The audit's moderation, shown on its record once there is one.
    #[prop_or_default]
    pub moderation: Option<Versioned<Moderation>>,
    /// The standard (item id) to open a submitted audit's record at, as a quote asks.
    #[prop_or_default]
    pub at_standard: Option<String>,
    /// Where the back link goes, when it is not the screen the audit's kind names.
    #[prop_or_default]
    pub back_label: Option<AttrValue>,
    /// The teams of the device's audits: a service review's lens 3 is drafted for one of them.
    #[prop_or_default]
    pub teams: Rc<Vec<String>>,
}

#[component]
pub(crate) fn AuditForm(props: &AuditFormProps) -> Html {
    let durable = props.store.kind == StorageKind::IndexedDb;
    let state = use_mut_ref(|| FormState::new(&props.opened, durable));
    let anchors = (*use_memo((), |_| Anchors::default())).clone();
    let rerender = use_force_update();
    // A record opened at a standard starts there; a draft has no record to open at.
    let start = match &props.at_standard {
        Some(item) if props.opened.value.status != AuditStatus::Draft => record_item_id(item),
        _ => FORM_TITLE_ID.to_owned(),
    };
    use_focus_on_mount(anchors.node(&start));
    let saver = Saver {
        state: state.clone(),
        store: props.store.clone(),
        platform: props.platform.clone(),
        rerender: rerender.clone(),
        onsaved: props.onsaved.clone(),
    };
    {
        // An amendment left unfinished (a reload, a closed tab) opens where it was left.
        let saver = saver.clone();
        use_effect_with((), move |_| {
            if saver.state.borrow().audit.status != AuditStatus::Draft {
                spawn_local(async move {
                    let id = saver.state.borrow().audit.id.clone();
                    match load_amendment_draft(&*saver.store.store, &id).await {
                        Ok(DraftSlot { draft: Some(draft), revision }) => {
                            saver.state.borrow_mut().amendment_restored(draft, revision);
                        }
                        Ok(DraftSlot { draft: None, revision }) => {
                            saver.state.borrow_mut().draft_slot_read(revision);
                            return;
                        }
                        Err(error) => {
                            saver.platform.emit(LensEvent::Error {
                                code: ErrorCode::AuditUnreadable,
                                message: error.to_string(),
                            });
                            return;
                        }
                    }
                    saver.rerender.force_update();
                });
            }
        });
    }
    {
        // Whatever is unsaved is saved when the page is hidden, while the browser still runs it.
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let platform = saver.platform.clone();
            let watch = platform.when_hidden(Callback::from(move |()| saver.flush()));
            move || drop(watch)
        });
    }
    {
        let (platform, unsaved) = (props.platform.clone(), state.borrow().unsaved());
        use_effect(move || {
            platform.warn_before_leaving(UnsavedWork::AuditForm, unsaved);
            move || platform.warn_before_leaving(UnsavedWork::AuditForm, false)
        });
    }
    let template = props.template.clone();

    let edit = {
        let saver = saver.clone();
        Callback::from(move |edit: Edit| {
            let edited = saver.state.borrow_mut().edit(edit);
            match edited {
                Edited::Nothing => {}
                Edited::Shown => saver.rerender.force_update(),
                Edited::Audit => {
                    saver.rerender.force_update();
                    saver.save_after_pause();
                }
                Edited::AmendmentDraft => {
                    saver.rerender.force_update();
                    saver.save_draft_after_pause();
                }
            }
        })
    };
    let onsubmit = {
        let (saver, template) = (saver.clone(), template.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let today = saver.platform.now().date_naive();
            if saver.state.borrow().amending.is_some() {
                save_amendment(&saver, &template, today);
                return;
            }
            // Nothing locks yet: the answers are checked, then shown for the person to check.
            let problems = saver.state.borrow().audit.check(&template, today);
            let problems = saver.state.borrow().with_unfinished_dates(problems);
            saver.state.borrow_mut().answers_checked(problems);
            saver.rerender.force_update();
        })
    };
    let on_lock = {
        let (saver, template) = (saver.clone(), template.clone());
        Callback::from(move |_: MouseEvent| {
            let today = saver.platform.now().date_naive();
            let submitted = saver.state.borrow().audit.submit(&template, today);
            take_outcome(&saver, submitted);
        })
    };
    let on_change_answer = {
        let saver = saver.clone();
        Callback::from(move |element: String| {
            saver.state.borrow_mut().change_answer(&element);
            saver.rerender.force_update();
        })
    };
    {
        // A move between the form, the check page and the submitted record puts focus where
        // the person now is, once the new screen is drawn.
        let (state, anchors) = (state.clone(), anchors.clone());
        use_effect(move || {
            let next = state.borrow_mut().take_focus();
            if let Some(element) = next.and_then(|id| anchors.node(&id).cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    let on_reload = {
        let (saver, template) = (saver.clone(), template.clone());
        let moderation = props.moderation.as_ref().map(|moderation| moderation.value.clone());
        Callback::from(move |_: MouseEvent| {
            let (saver, template, moderation) = (saver.clone(), template.clone(), moderation.clone());
            spawn_local(async move {
                let id = saver.state.borrow().audit.id.clone();
                if let Ok(Some(stored)) = load_audit(&*saver.store.store, &id).await {
                    // Follow-up recorded here and not in the saved version is recorded on it too.
                    let mine: Vec<FollowUpEvent> = saver.state.borrow().audit.follow_up.events.clone();
                    let unsaved: Vec<FollowUpEvent> = mine
                        .into_iter()
                        .filter(|event| !stored.value.follow_up.events.contains(event))
                        .collect();
                    let replayed = (!unsaved.is_empty())
                        .then(|| stored.value.replay_follow_up(&unsaved, &template, moderation.as_ref()));
                    let mut state = saver.state.borrow_mut();
                    state.reloaded(stored);
                    match replayed {
                        Some(Ok(audit)) => {
                            state.followed_up(audit);
                            drop(state);
                            saver.save_now();
                        }
                        Some(Err(problems)) => state.follow_up_not_replayed(&problems),
                        None => {}
                    }
                }
                saver.rerender.force_update();
            });
        })
    };
    let on_keep_copy = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            saver.state.borrow_mut().kept_as_copy(AuditId::new(saver.platform.new_id()));
            saver.save_now();
        })
    };
    let on_take_other_amendment = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            let saver = saver.clone();
            spawn_local(async move {
                let id = saver.state.borrow().audit.id.clone();
                if let Ok(DraftSlot { draft: Some(draft), revision }) =
                    load_amendment_draft(&*saver.store.store, &id).await
                {
                    saver.state.borrow_mut().took_other_amendment(draft, revision);
                }
                saver.rerender.force_update();
            });
        })
    };
    let on_keep_my_amendment = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            let saver = saver.clone();
            spawn_local(async move {
                let id = saver.state.borrow().audit.id.clone();
                if let Ok(slot) = load_amendment_draft(&*saver.store.store, &id).await {
                    saver.state.borrow_mut().kept_my_amendment(slot.revision);
                    saver.save_pending();
                }
                saver.rerender.force_update();
            });
        })
    };
    let on_retry = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| saver.save_pending())
    };
    let on_save_again = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            saver.state.borrow_mut().save_again_here();
            saver.save_now();
        })
    };
    let on_rescue = {
        let (saver, template) = (saver.clone(), template.clone());
        Callback::from(move |_: MouseEvent| rescue_download(&saver, &template))
    };
    let on_amend = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            saver.state.borrow_mut().amend();
            saver.rerender.force_update();
        })
    };
    let on_amend_text = |field: AmendmentField| {
        let saver = saver.clone();
        Callback::from(move |value: String| {
            if saver.state.borrow_mut().edit_amendment(field, value) {
                saver.rerender.force_update();
                saver.save_draft_after_pause();
            }
        })
    };
    let on_cancel_amend = {
        let saver = saver.clone();
        Callback::from(move |_: MouseEvent| {
            saver.state.borrow_mut().cancel_amendment();
            saver.rerender.force_update();
            saver.clear_draft();
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let on_followed_up = {
        let saver = saver.clone();
        Callback::from(move |audit: Audit| {
            saver.state.borrow_mut().followed_up(audit);
            saver.rerender.force_update();
            saver.save_now();
        })
    };

    let words = Wording::for_template(&template);
    let state = state.borrow();
    let audit = &state.audit;
    let today = props.platform.now().date_naive();
    let status_class = match state.status {
        SaveStatus::Failed(_) | SaveStatus::Conflict | SaveStatus::Deleted => {
            "lens-save-status lens-save-status--failed"
        }
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
    let form_view = |audit, before_lens_three| FormView {
        audit,
        template: &template,
        problems: &state.problems,
        anchors: &anchors,
        edit: &edit,
        platform: &props.platform,
        due_typed: &state.due_typed,
        before_lens_three,
    };
    // Lens 3 is drafted while the review is written, never into a submitted one's amendment.
    let challenge_fill = if offers_drafting(&template) {
        html! {
            <ChallengeFill store={props.store.clone()} platform={props.platform.clone()} template={template.clone()}
                audit={audit.clone()} teams={props.teams.clone()} anchors={anchors.clone()} edit={edit.clone()} />
        }
    } else {
        Html::default()
    };
    html! {
        <section class="lens-section" aria-labelledby={FORM_TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ props.back_label.clone().unwrap_or(AttrValue::Static(words.back)) }</button>
            <ErrorSummary errors={summary} attempt={state.attempt} />
            <span class="lens-caption">{ caption }</span>
            <h2 class="lens-heading-l" id={FORM_TITLE_ID} tabindex="-1" ref={anchors.node(FORM_TITLE_ID)}>
                { template.title.clone() }
            </h2>
            <p class={status_class} role="status">
                { state.status_text() }
                if matches!(state.status, SaveStatus::Failed(_)) {
                    { " " }<button type="button" class="lens-link-button" onclick={on_retry}>{ "Try saving again" }</button>
                    { " " }<button type="button" class="lens-link-button" onclick={on_rescue.clone()}>{ "Download what you typed" }</button>
                }
                if state.status == SaveStatus::Deleted {
                    { " " }<button type="button" class="lens-link-button" onclick={on_rescue.clone()}>{ format!("{} now", words.rescue) }</button>
                }
            </p>
            if state.status == SaveStatus::Deleted {
                { choice_notice("The data kept in this browser was deleted", &[
                    format!("While this page was open, the data Practice Lens keeps in this browser was deleted, for example by clearing the browser's site data or history. This page still holds this {} as you see it, but nothing else does.", words.noun),
                    "Download it first, so a copy is safe whatever happens next. Then you can save it on this device again.".to_owned(),
                ], (words.rescue, on_rescue), ("Save it on this device again", on_save_again)) }
            }
            if template.kind == lens_core::TemplateKind::Reflection {
                <div class="lens-inset" id="lens-private-notice">
                    <p class="lens-body">
                        { "This reflection is yours. It stays on this device and is not counted in anyone's reports. It leaves the device only if you download it to share it, for example into a practice review." }
                    </p>
                </div>
            }
            if state.status == SaveStatus::Conflict && state.amending.is_some() {
                { choice_notice("This amendment is being written in another tab or window too", &[
                    "Another tab or window saved an amendment of this audit after you started yours here. Nothing was overwritten. Choose which amendment to keep working on.".to_owned(),
                ], ("Load the other amendment", on_take_other_amendment), ("Keep writing mine", on_keep_my_amendment)) }
            } else if state.status == SaveStatus::Conflict {
                if audit.follow_up.events.is_empty() {
                    { choice_notice("This audit was changed somewhere else", &[
                        "Another tab or window saved this audit after you opened it here. Nothing was overwritten. Choose which version to keep working on.".to_owned(),
                    ], ("Load the saved version", on_reload), ("Keep my version as a new audit", on_keep_copy)) }
                } else {
                    { choice_notice("This audit was changed somewhere else", &[
                        "Another tab or window saved this audit after you opened it here. Nothing was overwritten.".to_owned(),
                        "Load the saved version to carry on: follow-up you recorded here that it does not have is recorded on it, with your name and the day you recorded it.".to_owned(),
                    ], ("Load the saved version", on_reload), ("Keep my version as a new audit", on_keep_copy)) }
                }
            }
            if state.amending.is_some() {
                <div class="lens-notification" id="lens-amending-banner">
                    <h3 class="lens-heading-m">{ format!("You are amending this submitted {}", words.noun) }</h3>
                    <p class="lens-body">{ "Change what needs correcting. Nothing changes until you save the amendment at the end of the form, with your name and the reason; every change is then recorded with them." }</p>
                    <p class="lens-body">{ focus_link(&anchors, "lens-amend-by", html! { "Go to your name and the reason" }) }</p>
                </div>
            }
            if let Some(draft) = &state.amending {
                { draft_form(form_view(&draft.revised, Html::default()), onsubmit,
                    amend_fields(draft, &state.problems, &anchors, on_amend_text(AmendmentField::By), on_amend_text(AmendmentField::Reason), on_cancel_amend, state.restored_amendment)) }
            } else if audit.status == AuditStatus::Draft && state.stage == Stage::Checking {
                { check_answers(CheckView { audit, template: &template, anchors: &anchors, words: &words,
                    onchange: on_change_answer, onlock: on_lock }) }
            } else if audit.status == AuditStatus::Draft {
                { draft_form(form_view(audit, challenge_fill), onsubmit, html! {
                    <button type="submit" class="lens-button">{ words.submit }</button>
                }) }
            } else {
                if state.stage == Stage::JustSubmitted {
                    { submitted_panel(audit, &template, today, &anchors, &words) }
                }
                { export_bar(&state, &template, &props.store, &props.platform, props.marking.as_deref(), props.moderation.as_ref()) }
                { audit_record(audit, &template, props.moderation.as_ref().map(|moderation| &moderation.value), today, &anchors) }
                { family_views(audit, &template) }
                if template.kind != lens_core::TemplateKind::Reflection {
                    <FindingsSummaryPanel audit={audit.clone()} template={template.clone()}
                        moderation={props.moderation.as_ref().map(|moderation| moderation.value.clone())}
                        platform={props.platform.clone()} marking={props.marking.clone()} />
                }
                if !state.status.holds_saving() {
                    <FollowUpPanel audit={audit.clone()} template={template.clone()}
                        moderation={props.moderation.as_ref().map(|moderation| moderation.value.clone())}
                        {today} onrecorded={on_followed_up} />
                }
                { follow_up_history(audit) }
                if let Some(moderation) = &props.moderation {
                    { moderation_record(audit, &moderation.value, &template) }
                }
                { amendments_list(audit, &template) }
                // A closed audit is reopened, with a reason, before it is amended.
                if audit.status != AuditStatus::Closed {
                    <button type="button" class="lens-button lens-button--secondary" onclick={on_amend}>{ words.amend }</button>
                }
            }
        </section>
    }
}

/// A warning that asks the person to choose between two ways on: its title, its paragraphs, the
/// first choice (the main button) and the second.
fn choice_notice(
    title: &str,
    paragraphs: &[String],
    (first, on_first): (&str, Callback<MouseEvent>),
    (second, on_second): (&str, Callback<MouseEvent>),
) -> Html {
    html! {
        <div class="lens-notification lens-notification--warning" role="alert">
            <h3 class="lens-heading-m">{ title.to_owned() }</h3>
            { for paragraphs.iter().map(|text| html! { <p class="lens-body">{ text.clone() }</p> }) }
            <div class="lens-button-group">
                <button type="button" class="lens-button" onclick={on_first}>{ first.to_owned() }</button>
                <button type="button" class="lens-button lens-button--secondary" onclick={on_second}>{ second.to_owned() }</button>
            </div>
        </div>
    }
}

/// Records the amendment being written, or shows why it cannot be.
fn save_amendment(saver: &Saver, template: &Template, today: chrono::NaiveDate) {
    let amended = {
        let state = saver.state.borrow();
        let Some(draft) = &state.amending else { return };
        state.audit.amend(&draft.revised, template, &draft.by, &draft.reason, today)
    };
    take_outcome(saver, amended);
}

/// Takes the result of submitting or amending: the new audit is saved at once, or the problems
/// go to the error summary and nothing is saved.
fn take_outcome(saver: &Saver, outcome: Result<Audit, Vec<AuditProblem>>) {
    let amended = outcome.is_ok() && saver.state.borrow().amending.is_some();
    let accepted = saver.state.borrow_mut().submitted(outcome);
    saver.rerender.force_update();
    if accepted {
        saver.save_now();
    }
    if amended {
        saver.clear_draft();
    }
}
