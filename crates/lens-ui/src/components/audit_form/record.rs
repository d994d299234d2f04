//! A submitted audit as a read-only record: its answers, grades, judgement, actions and the
//! follow-up the seeds' rules ask for, laid out to print as a clean A4 record.

use crate::components::scroll_table::scroll_table;
use chrono::NaiveDate;
use lens_core::{Audit, FieldKind, GradeRule, Moderation, Template};
use yew::prelude::*;

use super::anchors::{record_item_id, Anchors};
use crate::components::tags::{follow_up_tag, grade_tag};

fn row(key: String, value: Html) -> Html {
    html! {
        <div class="lens-summary-list__row">
            <dt class="lens-summary-list__key">{ key }</dt>
            <dd class="lens-summary-list__value">{ value }</dd>
        </div>
    }
}

pub(super) fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

pub(super) fn answer(field_kind: &FieldKind, value: &str) -> String {
    match (field_kind, value) {
        (_, "") => "Not answered".to_owned(),
        (FieldKind::Date, text) => lens_core::parse_iso_date(text).map_or_else(|| text.to_owned(), long_date),
        (FieldKind::YesNo, "yes") => "Yes".to_owned(),
        (FieldKind::YesNo, "no") => "No".to_owned(),
        (_, text) => text.to_owned(),
    }
}

/// The record of `audit`; its follow-up counts the overall judgement agreed at `moderation`.
pub(crate) fn audit_record(
    audit: &Audit,
    template: &Template,
    moderation: Option<&Moderation>,
    today: NaiveDate,
    anchors: &Anchors,
) -> Html {
    // A grade the scale does not have is shown by its code, untinted.
    let grade_shown = |code: &str| match template.scale.as_ref().and_then(|scale| scale.grade(code)) {
        Some(grade) => grade_tag(grade),
        None => html! { <strong class="lens-tag">{ code.to_owned() }</strong> },
    };
    let header = template.header_fields.iter().map(|field| {
        row(field.label.clone(), html! { { answer(&field.kind, audit.header_value(&field.id)) } })
    });
    let items = template.items().map(|item| {
        let response = audit.responses.get(&item.id);
        let grade = response.and_then(|response| response.grade.as_deref()).map(&grade_shown);
        let narrative = response.map(|response| response.narrative.clone()).unwrap_or_default();
        html! {
            <div class="lens-standard">
                <h4 class="lens-heading-s" id={record_item_id(&item.id)} tabindex="-1" ref={anchors.node(&record_item_id(&item.id))}>
                    { item.prompt.clone() }
                </h4>
                if let Some(grade) = grade {
                    <p class="lens-body">{ grade }</p>
                }
                <p class="lens-body">{ if !narrative.trim().is_empty() { narrative } else if item.grade == GradeRule::None { "Not answered.".to_owned() } else { "No narrative given.".to_owned() } }</p>
            </div>
        }
    });
    let follow_ups = audit.follow_ups(template, moderation, today);
    let agreed_overall = moderation.and_then(Moderation::agreed_overall);
    let follow_up_rows = follow_ups.iter().map(|follow_up| {
        let due = follow_up.due_on.map(long_date).unwrap_or_else(|| "No date set".to_owned());
        html! {
            <tr class="lens-table__row">
                <td class="lens-table__cell">{ follow_up.message.clone() }</td>
                <td class="lens-table__cell">{ due }</td>
                <td class="lens-table__cell">{ follow_up_tag(audit, follow_up) }</td>
            </tr>
        }
    });
    html! {
        <>
            <dl class="lens-summary-list">
                { row("Status".into(), html! { <strong class="lens-tag">{ audit.status.label() }</strong> }) }
                if let Some(on) = audit.submitted_on {
                    { row("Submitted".into(), html! { { long_date(on) } }) }
                }
                { for header }
            </dl>
            { for items }
            if template.scale.is_some() {
                <dl class="lens-summary-list">
                    { row("Overall judgement".into(), html! { { audit.overall.as_deref().map(&grade_shown).unwrap_or_else(|| html! { "Not given" }) } }) }
                    if let Some(agreed) = agreed_overall {
                        { row("Agreed at moderation".into(), html! { { grade_shown(agreed) } }) }
                    }
                </dl>
            }
            if !follow_ups.is_empty() {
                <section class="lens-section" aria-labelledby="lens-follow-up-title">
                    <h3 class="lens-heading-m" id="lens-follow-up-title">{ "Follow-up" }</h3>
                    { scroll_table("lens-follow-up-title", html! {
                        <table class="lens-table" aria-labelledby="lens-follow-up-title">
                            <thead><tr>
                                <th scope="col" class="lens-table__header">{ "What" }</th>
                                <th scope="col" class="lens-table__header">{ "Due" }</th>
                                <th scope="col" class="lens-table__header">{ "Where it stands" }</th>
                            </tr></thead>
                            <tbody>{ for follow_up_rows }</tbody>
                        </table>
                    }) }
                </section>
            }
        </>
    }
}
