//! A moderation as the audit's record shows it: who moderated and when, the three grades of
//! each standard and of the overall judgement (the auditor's, the moderator's independent one
//! and the agreed one) with how far the first two are apart, the rationale for every agreed
//! grade that differs, and the feedback to the auditor. Both original gradings stay as they were.

use lens_core::{item_title, Audit, GradeGap, GradeRule, ModeratedItem, Moderation, Template};
use yew::prelude::*;

use super::scroll_table::scroll_table;
use super::tags::{gap_tag, grade_tag};

const TITLE_ID: &str = "lens-moderation-record-title";
const GRADES_ID: &str = "lens-moderation-record-grades";

/// The moderation of `audit`, for its record.
pub(crate) fn moderation_record(audit: &Audit, moderation: &Moderation, template: &Template) -> Html {
    let Some(scale) = template.scale.as_ref() else { return html! {} };
    let shown = |code: Option<&str>| match code {
        Some(code) => scale.grade(code).map_or_else(|| html! { { code.to_owned() } }, grade_tag),
        None => html! { "Not given" },
    };
    let row = |title: String, auditor: Option<&str>, moderated: Option<&ModeratedItem>| {
        let independent = moderated.and_then(|m| m.moderator_grade.as_deref());
        let agreed = moderated.and_then(|m| m.agreed_grade.as_deref());
        let gap = auditor.zip(independent).and_then(|(a, b)| GradeGap::between(scale, a, b));
        let rationale = moderated.map(|m| m.rationale.trim().to_owned()).filter(|text| !text.is_empty());
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ title }</th>
                <td class="lens-table__cell">{ shown(auditor) }</td>
                <td class="lens-table__cell">{ shown(independent) }</td>
                <td class="lens-table__cell">{ shown(agreed) }</td>
                <td class="lens-table__cell">{ gap_tag(gap) }</td>
                <td class="lens-table__cell">{ rationale.unwrap_or_else(|| {
                    let same = agreed.is_some() && agreed == auditor;
                    if same { "None needed: the auditor's grade was agreed" } else { "Not given" }.to_owned()
                }) }</td>
            </tr>
        }
    };
    let mut rows: Vec<Html> = template
        .items()
        .filter(|item| item.grade != GradeRule::None)
        .map(|item| {
            let auditor = audit.responses.get(&item.id).and_then(|response| response.grade.as_deref());
            row(item_title(item), auditor, moderation.items.get(&item.id))
        })
        .collect();
    let auditor_overall = audit.overall_grade(template);
    let overall_moderated =
        moderation.overall.moderator_grade.is_some() || moderation.overall.agreed_grade.is_some();
    if let Some(auditor_overall) = auditor_overall.as_deref() {
        if overall_moderated {
            rows.push(row("Overall judgement".to_owned(), Some(auditor_overall), Some(&moderation.overall)));
        }
    }
    let (confirmed, of) = moderation.confirmed_grades(audit);
    let feedback = moderation.feedback.trim();
    html! {
        <section class="lens-section lens-moderation-record" aria-labelledby={TITLE_ID}>
            <h3 class="lens-heading-m" id={TITLE_ID}>{ "Moderation" }</h3>
            <p class="lens-body">
                { format!(
                    "Moderated by {} on {}. The agreed grades confirmed {confirmed} of the auditor's {of} grades.",
                    moderation.moderator,
                    moderation.moderated_on.format("%-d %B %Y")
                ) }
            </p>
            if auditor_overall.is_some() && !overall_moderated {
                <p class="lens-body">{ "This moderation was made before overall judgements were moderated: the auditor's overall judgement stands." }</p>
            }
            { scroll_table(GRADES_ID, html! {
                <table class="lens-table">
                    <caption class="lens-table__caption lens-heading-s" id={GRADES_ID}>{ "Grades at moderation" }</caption>
                    <thead><tr class="lens-table__row">
                        <th scope="col" class="lens-table__header">{ "Graded" }</th>
                        <th scope="col" class="lens-table__header">{ "Auditor's grade" }</th>
                        <th scope="col" class="lens-table__header">{ "Moderator's grade" }</th>
                        <th scope="col" class="lens-table__header">{ "Agreed grade" }</th>
                        <th scope="col" class="lens-table__header">{ "Auditor and moderator" }</th>
                        <th scope="col" class="lens-table__header">{ "Rationale" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            <h4 class="lens-heading-s">{ "Feedback to the auditor" }</h4>
            <div class="lens-inset">
                <p class="lens-body">{ if feedback.is_empty() { "The moderator wrote no feedback." } else { feedback } }</p>
            </div>
        </section>
    }
}
