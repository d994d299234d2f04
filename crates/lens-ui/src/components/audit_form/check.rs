//! "Check your answers" (GOV.UK pattern) before a draft locks: every answer in a summary list
//! with a Change link back to its field, then the button that submits and locks it. And the
//! panel after submitting that says what happens next.

use chrono::NaiveDate;
use lens_core::{Audit, FieldKind, FollowUpState, GradeRule, ProblemTarget, Template, TemplateKind};
use yew::prelude::*;

use super::anchors::{grade_id, header_id, option_id, problem_anchor, Anchors, OVERALL_ID};
use super::form_state::{CHECK_TITLE_ID, SUBMITTED_TITLE_ID};
use super::record::{answer, long_date};
use super::wording::Wording;

/// What the check page is drawn from.
pub(crate) struct CheckView<'a> {
    pub audit: &'a Audit,
    pub template: &'a Template,
    pub anchors: &'a Anchors,
    pub words: &'a Wording,
    /// Back to the form at this element id.
    pub onchange: Callback<String>,
    pub onlock: Callback<MouseEvent>,
}

/// Where a Change link lands: on a chosen grade or option its radio (as arrow keys would), else
/// where a problem with that answer would be shown.
fn change_target(view: &CheckView, target: &ProblemTarget) -> String {
    let (audit, template) = (view.audit, view.template);
    let chosen = |code: Option<&str>| template.scale.as_ref().and_then(|scale| scale.position(code?));
    let picked = match target {
        ProblemTarget::ItemGrade(item) => {
            let code = audit.responses.get(item).and_then(|response| response.grade.as_deref());
            chosen(code).map(|index| option_id(&grade_id(item), index))
        }
        ProblemTarget::Overall => chosen(audit.overall.as_deref()).map(|index| option_id(OVERALL_ID, index)),
        ProblemTarget::Header(field) => {
            let value = audit.header_value(field);
            let options: Vec<&str> =
                match template.header_fields.iter().find(|f| &f.id == field).map(|f| &f.kind) {
                    Some(FieldKind::YesNo) => vec!["yes", "no"],
                    Some(FieldKind::Choice { options }) => options.iter().map(String::as_str).collect(),
                    _ => Vec::new(),
                };
            options
                .iter()
                .position(|option| *option == value)
                .map(|index| option_id(&header_id(field), index))
        }
        _ => None,
    };
    picked.unwrap_or_else(|| problem_anchor(target, template, audit.actions.len()))
}

fn row(view: &CheckView, key: String, value: Html, target: &ProblemTarget) -> Html {
    let element = change_target(view, target);
    let onclick = {
        let (onchange, element) = (view.onchange.clone(), element.clone());
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            onchange.emit(element.clone())
        })
    };
    html! {
        <div class="lens-summary-list__row">
            <dt class="lens-summary-list__key">{ key.clone() }</dt>
            <dd class="lens-summary-list__value">{ value }</dd>
            <dd class="lens-summary-list__actions">
                <a href={format!("#{element}")} {onclick}>
                    { "Change" }<span class="lens-visually-hidden">{ format!(" {}", key.to_lowercase()) }</span>
                </a>
            </dd>
        </div>
    }
}

fn text_or(value: &str, missing: &str) -> Html {
    if value.trim().is_empty() {
        html! { <span class="lens-body--secondary">{ missing.to_owned() }</span> }
    } else {
        html! { <span class="lens-preserve-lines">{ value.to_owned() }</span> }
    }
}

/// Every answer, each with a way back to change it, and the button that locks the draft.
pub(crate) fn check_answers(view: CheckView) -> Html {
    let (audit, template) = (view.audit, view.template);
    let grade_label = |code: &str| {
        template
            .scale
            .as_ref()
            .and_then(|scale| scale.grade(code))
            .map_or(code.to_owned(), |grade| grade.label.clone())
    };
    let header = template.header_fields.iter().map(|field| {
        let value = html! { { answer(&field.kind, audit.header_value(&field.id)) } };
        row(&view, field.label.clone(), value, &ProblemTarget::Header(field.id.clone()))
    });
    let items = template.items().map(|item| {
        let response = audit.responses.get(&item.id);
        let narrative = response.map_or("", |response| response.narrative.as_str());
        let graded = item.grade != GradeRule::None && template.scale.is_some();
        let value = if graded {
            let grade = response.and_then(|response| response.grade.as_deref()).map(grade_label);
            html! {
                <>
                    <p class="lens-body"><strong>{ grade.unwrap_or_else(|| "Not graded".to_owned()) }</strong></p>
                    { text_or(narrative, "No narrative given") }
                </>
            }
        } else {
            text_or(narrative, "Not answered")
        };
        let target =
            if graded { ProblemTarget::ItemGrade(item.id.clone()) } else { ProblemTarget::ItemNarrative(item.id.clone()) };
        row(&view, item.prompt.clone(), value, &target)
    });
    let overall = template.scale.as_ref().filter(|_| template.asks_overall_judgement).map(|_| {
        let value =
            html! { { audit.overall.as_deref().map_or_else(|| "Not given".to_owned(), grade_label) } };
        row(&view, "Overall judgement".to_owned(), value, &ProblemTarget::Overall)
    });
    let actions = audit.actions.iter().enumerate().map(|(index, action)| {
        let due =
            action.due_on.map_or_else(|| "no due date".to_owned(), |day| format!("due {}", long_date(day)));
        let value = html! { { format!("{}; {due}", action.what_and_owner()) } };
        row(
            &view,
            format!("Action {}", index + 1),
            value,
            &ProblemTarget::Action(index, lens_core::ActionField::What),
        )
    });
    let locks = if template.kind == TemplateKind::Reflection {
        "Once you finish it, your reflection is kept as it is. You can still amend it later, and each change is recorded."
    } else {
        "Once you submit it, the audit's answers are locked. A change after that is an amendment, recorded with your name and the reason."
    };
    html! {
        <section class="lens-section" aria-labelledby={CHECK_TITLE_ID}>
            <h3 class="lens-heading-m" id={CHECK_TITLE_ID} tabindex="-1" ref={view.anchors.node(CHECK_TITLE_ID)}>
                { view.words.check_title }
            </h3>
            <dl class="lens-summary-list lens-summary-list--check">
                { for header }
                { for items }
                { for overall }
                { for actions }
            </dl>
            <p class="lens-body">{ locks }</p>
            <button type="button" class="lens-button" onclick={view.onlock.clone()}>{ view.words.lock }</button>
        </section>
    }
}

/// The panel after submitting: what was done and what happens next.
pub(crate) fn submitted_panel(
    audit: &Audit,
    template: &Template,
    today: NaiveDate,
    anchors: &Anchors,
    words: &Wording,
) -> Html {
    let reflection = template.kind == TemplateKind::Reflection;
    let mut next: Vec<String> = Vec::new();
    if reflection {
        next.push("It stays on this device, listed in My reflections. It leaves the device only if you download it to share it.".to_owned());
    } else if template.scale.is_some() {
        next.push("It is now waiting for moderation: a moderator may grade it again, independently, and agree the grades with you.".to_owned());
    }
    for follow_up in audit.follow_ups(template, None, today) {
        let when = match (follow_up.state, follow_up.due_on) {
            (FollowUpState::Done(_), _) => continue,
            (_, Some(due)) => format!(", by {}", long_date(due)),
            (_, None) => String::new(),
        };
        next.push(format!("{}{when}.", follow_up.message.trim_end_matches('.')));
    }
    html! {
        <div class="lens-panel" role="status">
            <h3 class="lens-heading-l" id={SUBMITTED_TITLE_ID} tabindex="-1" ref={anchors.node(SUBMITTED_TITLE_ID)}>
                { words.done_title }
            </h3>
            <p class="lens-body">{ "What happens next:" }</p>
            <ul class="lens-list lens-list--bullet lens-panel__list">
                { for next.into_iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
        </div>
    }
}
