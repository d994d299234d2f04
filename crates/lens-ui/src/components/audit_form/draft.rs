//! The editable form of an audit: the template's guidance, header fields, standards, overall
//! judgement with its suggestion, and actions.

use std::collections::BTreeMap;

use lens_core::{suggest_overall, Audit, AuditProblem, ProblemTarget, Template};
use yew::prelude::*;

use super::actions::{actions_editor, ActionsView};
use super::anchors::{Anchors, OVERALL_ID};
use super::contents::{back_to_contents, contents, needs_contents};
use super::edit::Edit;
use super::fields::{header_field, radio_group, FieldView, RadioGroup};
use super::standard::{standard, StandardView};
use super::wording::Wording;
use crate::ports::PlatformHandle;

fn error_for<'a>(problems: &'a [AuditProblem], target: &ProblemTarget) -> Option<&'a str> {
    problems.iter().find(|problem| &problem.target == target).map(|problem| problem.message.as_str())
}

/// What the form of an audit is drawn from.
pub(crate) struct FormView<'a> {
    pub audit: &'a Audit,
    pub template: &'a Template,
    pub problems: &'a [AuditProblem],
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<Edit>,
    pub platform: &'a PlatformHandle,
    /// Due dates as typed, by action id.
    pub due_typed: &'a BTreeMap<String, String>,
    /// Drawn above the section holding lens 3's first area the device can evidence (a service
    /// review's drafting panel), or nothing.
    pub before_lens_three: Html,
}

/// The editable form, ending with `ending` (the submit or amendment buttons).
pub(crate) fn draft_form(view: FormView, onsubmit: Callback<SubmitEvent>, ending: Html) -> Html {
    let FormView { audit, template, problems, anchors, edit, platform, due_typed, before_lens_three } = view;
    let lens_three = template.sections.iter().position(|section| {
        section.items.iter().any(|item| lens_core::ChallengeArea::of_item(&item.id).is_some())
    });
    let mut before_lens_three = Some(before_lens_three);
    let guidance = (!template.guidance.is_empty()).then(|| {
        html! {
            <details class="lens-details">
                <summary class="lens-details__summary">{ Wording::for_template(template).guidance }</summary>
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
    let mapped = needs_contents(template);
    let sections = template.sections.iter().enumerate().map(|(position, section)| {
        let panel = if Some(position) == lens_three { before_lens_three.take() } else { None };
        let items = section.items.iter().map(|item| {
            let view = standard(StandardView {
                item,
                scale: template.scale.as_ref(),
                response: audit.responses.get(&item.id),
                grade_error: error_for(problems, &ProblemTarget::ItemGrade(item.id.clone())),
                narrative_error: error_for(problems, &ProblemTarget::ItemNarrative(item.id.clone())),
                anchors,
                edit,
                narrative_label: Wording::for_template(template).narrative,
            });
            html! { <>{ view }if mapped { { back_to_contents(anchors) } }</> }
        });
        html! {
            <section class="lens-section">
                <h3 class="lens-heading-m">{ section.title.clone() }</h3>
                { for panel }
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
            due_typed,
            amending: audit.status != lens_core::AuditStatus::Draft,
        })
    });
    html! {
        <form {onsubmit} novalidate=true>
            { for guidance }
            if mapped {
                { contents(audit, template, problems, anchors) }
            }
            <section class="lens-section">{ for header }</section>
            { for sections }
            { for overall }
            { for actions }
            { ending }
        </form>
    }
}
