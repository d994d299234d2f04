//! Recording the follow-up of a submitted audit on its record, without an amendment: an action's
//! progress, the service manager's confirmation of corrective action, the reflective discussion
//! after an inadequate audit, closing the audit once every follow-up is done, and reopening it
//! with a reason; and the findings shared and answered (who they went to, the line manager's
//! management response, whose directions become actions, and the discussion with the case
//! holder). One form is open at a time; what it records goes to the audit form, which
//! saves it like any other change. The audit's own answers are never touched.

mod fields;
mod findings_fields;
pub(crate) mod history;
mod state;

use std::rc::Rc;

use chrono::NaiveDate;
use lens_core::{
    ActionField, ActionStatus, Audit, AuditStatus, FollowUpField, FollowUpKind, FollowUpState, Moderation,
    ProblemTarget, RecipientRole, Template,
};
use yew::prelude::*;

use self::fields::{action_choice, date_field, name_field, status_choice, text_area, FieldView};
use self::findings_fields::{
    direction_id, directions_fields, feedback_from_choice, grades_discussed_choice, recipient_id,
    recipients_choice,
};
use self::state::{Attempt, FollowUpForm, PanelChange, PanelState};
use super::audit_form::anchors::Anchors;
use super::{ErrorSummary, FieldError};

const TITLE_ID: &str = "lens-fu-title";
const RECORDED_ID: &str = "lens-fu-recorded";

impl Reducible for PanelState {
    type Action = PanelChange;

    fn reduce(self: Rc<Self>, change: PanelChange) -> Rc<Self> {
        Rc::new(self.apply(change))
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FollowUpPanelProps {
    pub audit: Audit,
    pub template: Rc<Template>,
    pub moderation: Option<Moderation>,
    pub today: NaiveDate,
    /// Called with the audit once something is recorded, for it to be saved.
    pub onrecorded: Callback<Audit>,
}

/// The element a follow-up problem's link moves focus to.
fn anchor(target: &ProblemTarget) -> String {
    match target {
        ProblemTarget::FollowUp(FollowUpField::By) => "lens-fu-by".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::Status) => "lens-fu-status-0".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::On) => "lens-fu-on-day".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::Text) => "lens-fu-text".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::WhoTookPart) => "lens-fu-who".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::Reason) => "lens-fu-reason".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::Recipients) => recipient_id(RecipientRole::ALL[0]),
        ProblemTarget::FollowUp(FollowUpField::RecipientName(role)) => {
            format!("{}-name", recipient_id(*role))
        }
        ProblemTarget::FollowUp(FollowUpField::Direction(position, ActionField::DueOn)) => {
            format!("{}-day", direction_id(*position, ActionField::DueOn))
        }
        ProblemTarget::FollowUp(FollowUpField::Direction(position, part)) => direction_id(*position, *part),
        ProblemTarget::FollowUp(FollowUpField::GradesDiscussed) => "lens-fu-grades-0".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::FeedbackFrom) => "lens-fu-from-0".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::HowGathered) => "lens-fu-how".to_owned(),
        ProblemTarget::FollowUp(FollowUpField::WorkerResponse) => "lens-fu-response".to_owned(),
        _ => TITLE_ID.to_owned(),
    }
}

/// The forms this audit offers now, in the order its follow-up comes.
fn offered(
    audit: &Audit,
    template: &Template,
    moderation: Option<&Moderation>,
    today: NaiveDate,
) -> Vec<FollowUpForm> {
    if audit.status == AuditStatus::Closed {
        return vec![FollowUpForm::Reopen];
    }
    let follow_ups = audit.follow_ups(template, moderation, today);
    let to_do = |kind: FollowUpKind| {
        follow_ups
            .iter()
            .any(|follow_up| follow_up.kind == kind && !matches!(follow_up.state, FollowUpState::Done(_)))
    };
    let mut forms = Vec::new();
    if to_do(FollowUpKind::CorrectiveActionConfirmation) {
        forms.push(FollowUpForm::Confirm);
    }
    if to_do(FollowUpKind::ReflectiveDiscussion) {
        forms.push(FollowUpForm::Discussion);
    }
    if audit.actions.iter().any(|action| action.status != ActionStatus::Cancelled) {
        forms.push(FollowUpForm::Progress);
    }
    if follow_ups.iter().all(|follow_up| matches!(follow_up.state, FollowUpState::Done(_))) {
        forms.push(FollowUpForm::Close);
    }
    forms.extend([FollowUpForm::Share, FollowUpForm::Respond, FollowUpForm::CaseHolder]);
    if template.asks_family_feedback() {
        forms.push(FollowUpForm::Feedback);
    }
    forms
}

#[component]
pub(crate) fn FollowUpPanel(props: &FollowUpPanelProps) -> Html {
    let state = use_reducer(PanelState::default);
    let anchors = (*use_memo((), |_| Anchors::default())).clone();
    {
        // Once something is recorded, focus goes to the sentence that says so.
        let node = anchors.node(RECORDED_ID);
        use_effect_with(state.times_recorded, move |times| {
            if *times > 0 {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    if props.audit.status == AuditStatus::Draft {
        return html! {};
    }
    let moderation = props.moderation.as_ref();
    let forms = offered(&props.audit, &props.template, moderation, props.today);
    let open = |form: FollowUpForm| {
        let state = state.clone();
        let first_action = props
            .audit
            .actions
            .iter()
            .find(|action| action.status.is_outstanding())
            .or_else(|| props.audit.actions.iter().find(|action| action.status != ActionStatus::Cancelled))
            .map(|action| (action.id.clone(), action.status));
        Callback::from(move |_: MouseEvent| {
            let action = if form == FollowUpForm::Progress { first_action.clone() } else { None };
            state.dispatch(PanelChange::Open(form, action));
        })
    };
    let change = {
        let state = state.clone();
        Callback::from(move |change: PanelChange| state.dispatch(change))
    };
    let onsubmit = {
        let (state, audit, template, moderation) =
            (state.clone(), props.audit.clone(), props.template.clone(), props.moderation.clone());
        let (today, onrecorded) = (props.today, props.onrecorded.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = state.open else { return };
            let attempt =
                Attempt { audit: &audit, template: &template, moderation: moderation.as_ref(), today };
            match attempt.record(form, &state.typed) {
                Ok(recorded) => {
                    onrecorded.emit(recorded);
                    state.dispatch(PanelChange::Recorded);
                }
                Err(problems) => state.dispatch(PanelChange::Refused(problems)),
            }
        })
    };
    let oncancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(PanelChange::Cancel))
    };
    let summary: Vec<FieldError> = state
        .problems
        .iter()
        .map(|problem| {
            let field_id = anchor(&problem.target);
            FieldError { message: problem.message.clone(), field: anchors.node(&field_id), field_id }
        })
        .collect();
    let error_at = |field: FollowUpField| {
        state
            .problems
            .iter()
            .find(|problem| problem.target == ProblemTarget::FollowUp(field))
            .map(|problem| problem.message.clone())
    };
    let view = FieldView { typed: &state.typed, anchors: &anchors, change: &change, error_at: &error_at };
    let form_body = state.open.map(|form| {
        let body = match form {
            FollowUpForm::Progress => html! {
                <>
                    { action_choice(&view, &props.audit) }
                    { status_choice(&view) }
                    if state.typed.status == Some(ActionStatus::Done) {
                        { date_field(&view, "The day it was done", Some("Leave it blank if it was done today. For example, 27 3 2026")) }
                    }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "What happened (optional)", None) }
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::Confirm => html! {
                <>
                    <p class="lens-body">{ "The service manager confirms the corrective action was completed." }</p>
                    { date_field(&view, "The day it was confirmed", None) }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "What was done", Some("For example, what changed in the plan and for the child")) }
                    { name_field(&view, "Your name (the service manager confirming)") }
                </>
            },
            FollowUpForm::Discussion => html! {
                <>
                    { date_field(&view, "The day the discussion was held", None) }
                    { text_area(&view, "lens-fu-who", FollowUpField::WhoTookPart, "Who took part", Some("Names and roles, for example the auditor, the social worker and their manager")) }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "What was agreed", None) }
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::Close => html! {
                <>
                    <p class="lens-body">{ "Every follow-up is done. Closing records who closed the audit and when; it can be reopened with a reason." }</p>
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::Reopen => html! {
                <>
                    { text_area(&view, "lens-fu-reason", FollowUpField::Reason, "Why is the audit being reopened?", None) }
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::Share => html! {
                <>
                    { recipients_choice(&view) }
                    { date_field(&view, "The day the findings were shared", None) }
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::Respond => html! {
                <>
                    { date_field(&view, "The day the response was given", None) }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "Management oversight", Some("The line manager's response to the findings")) }
                    { directions_fields(&view) }
                    { name_field(&view, "Your name (the line manager responding)") }
                </>
            },
            FollowUpForm::Feedback => html! {
                <>
                    { feedback_from_choice(&view) }
                    { date_field(&view, "The day the view was gathered", None) }
                    { text_area(&view, "lens-fu-how", FollowUpField::HowGathered, "How was it gathered?", Some("For example, a home visit, a phone call, the young people's feedback form")) }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "What did they say?", Some("In their words where you can")) }
                    { text_area(&view, "lens-fu-response", FollowUpField::WorkerResponse, "The worker's response (optional)", None) }
                    { name_field(&view, "Your name") }
                </>
            },
            FollowUpForm::CaseHolder => html! {
                <>
                    { date_field(&view, "The day the audit was discussed with the case holder", None) }
                    { grades_discussed_choice(&view) }
                    { text_area(&view, "lens-fu-text", FollowUpField::Text, "The case holder's comment (optional)", None) }
                    { name_field(&view, "Your name") }
                </>
            },
        };
        html! {
            <form class="lens-section" novalidate=true onsubmit={onsubmit.clone()} aria-labelledby="lens-fu-form-title">
                <h4 class="lens-heading-s" id="lens-fu-form-title">{ form.title() }</h4>
                { body }
                <div class="lens-button-group">
                    <button type="submit" class="lens-button" id="lens-fu-submit">{ form.title() }</button>
                    <button type="button" class="lens-link-button" onclick={oncancel.clone()}>{ "Cancel" }</button>
                </div>
            </form>
        }
    });
    let button = |form: &FollowUpForm| {
        html! { <button type="button" class="lens-button lens-button--secondary" onclick={open(*form)}>{ form.title() }</button> }
    };
    let (findings_forms, follow_up_forms): (Vec<FollowUpForm>, Vec<FollowUpForm>) =
        forms.iter().partition(|form| form.is_about_findings());
    let buttons = follow_up_forms.iter().map(button);
    let findings_buttons = findings_forms.iter().map(button);
    let closing_hint = (props.audit.status != AuditStatus::Closed && !forms.contains(&FollowUpForm::Close))
        .then(|| html! { <p class="lens-body">{ "You can close this audit once every follow-up is done." }</p> });
    html! {
        <section class="lens-section lens-no-print" aria-labelledby={TITLE_ID}>
            <h3 class="lens-heading-m" id={TITLE_ID} tabindex="-1" ref={anchors.node(TITLE_ID)}>{ "Record follow-up" }</h3>
            <ErrorSummary errors={summary} attempt={state.attempt} />
            if let Some(done) = state.recorded.filter(|_| state.open.is_none()) {
                <div class="lens-notification" id={RECORDED_ID} role="status" tabindex="-1" ref={anchors.node(RECORDED_ID)}>
                    <p class="lens-body"><strong>{ format!("{}.", done.done()) }</strong>{ " The save status at the top of the audit says when it is stored." }</p>
                </div>
            }
            if props.audit.status == AuditStatus::Closed {
                <p class="lens-body">{ "This audit is closed: every follow-up was done. Reopen it to record more." }</p>
            }
            { for closing_hint }
            { for form_body }
            if state.open.is_none() {
                <div class="lens-button-group">{ for buttons }</div>
                if !findings_forms.is_empty() {
                    <h4 class="lens-heading-s">{ "The findings, their answers and the family's views" }</h4>
                    <div class="lens-button-group">{ for findings_buttons }</div>
                }
            }
        </section>
    }
}
