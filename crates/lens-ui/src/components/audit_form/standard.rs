//! One item of a template: a fieldset whose legend is the standard, its guidance in a details
//! element, the grades as radios in the scale's order, and the narrative with a character count
//! that never stops typing.

use lens_core::{GradeRule, GradeScale, Item, ItemResponse, NarrativeRule};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::anchors::{grade_id, narrative_id, option_id, Anchors};
use super::edit::Edit;
use crate::components::form::{character_count, described_with_count, error_message};

pub(crate) struct StandardView<'a> {
    pub item: &'a Item,
    pub scale: Option<&'a GradeScale>,
    pub response: Option<&'a ItemResponse>,
    pub grade_error: Option<&'a str>,
    pub narrative_error: Option<&'a str>,
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<Edit>,
    /// The label of a graded item's narrative (`Wording::narrative`).
    pub narrative_label: &'static str,
}

pub(crate) fn standard(view: StandardView) -> Html {
    let graded = view.item.grade != GradeRule::None && view.scale.is_some();
    // A prompt with no grade (a reflection's) shows its guidance as the hint of its own answer.
    let guidance = view.item.guidance.as_ref().filter(|_| graded).map(|text| {
        html! {
            <details class="lens-details">
                <summary class="lens-details__summary">{ "What to look for" }</summary>
                <div class="lens-details__text"><p class="lens-body">{ text.clone() }</p></div>
            </details>
        }
    });
    let narrative = (view.item.narrative != NarrativeRule::None).then(|| narrative_box(&view, graded));
    if !graded {
        return html! { <div class="lens-standard">{ for guidance }{ for narrative }</div> };
    }
    let group =
        if view.grade_error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    html! {
        <div class="lens-standard">
            <fieldset class="lens-fieldset">
                <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ view.item.prompt.clone() }</legend>
                { for guidance }
                <div class={group}>
                    { grade_radios(&view) }
                </div>
                { for narrative }
            </fieldset>
        </div>
    }
}

fn grade_radios(view: &StandardView) -> Html {
    let id = grade_id(&view.item.id);
    let selected = view.response.and_then(|response| response.grade.clone()).unwrap_or_default();
    let grades = view.scale.map(|scale| scale.grades.as_slice()).unwrap_or_default();
    let items = grades.iter().enumerate().map(|(index, grade)| {
        let option = option_id(&id, index);
        let (item, code, edit) = (view.item.id.clone(), grade.code.clone(), view.edit.clone());
        let onchange = Callback::from(move |_: Event| edit.emit(Edit::Grade(item.clone(), code.clone())));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name={id.clone()} type="radio"
                    value={grade.code.clone()} checked={selected == grade.code} ref={view.anchors.node(&option)}
                    aria-describedby={view.grade_error.map(|_| format!("{id}-error"))} {onchange} />
                <label class="lens-radios__label" for={option}>{ grade.label.clone() }</label>
            </div>
        }
    });
    html! {
        <>
            <p class="lens-label" id={format!("{id}-label")}>{ "Grade" }</p>
            { error_message(&id, view.grade_error) }
            <div class="lens-radios" role="radiogroup" aria-labelledby={format!("{id}-label")}>{ for items }</div>
        </>
    }
}

fn narrative_box(view: &StandardView, graded: bool) -> Html {
    let id = narrative_id(&view.item.id);
    let text = view.response.map(|response| response.narrative.clone()).unwrap_or_default();
    let (item, edit) = (view.item.id.clone(), view.edit.clone());
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        edit.emit(Edit::Narrative(item.clone(), value));
    });
    let label = if graded { view.narrative_label.to_owned() } else { view.item.prompt.clone() };
    let label_class = if graded { "lens-label" } else { "lens-label lens-heading-s" };
    let group = if view.narrative_error.is_some() {
        "lens-form-group lens-form-group--error"
    } else {
        "lens-form-group"
    };
    let class = classes!("lens-textarea", view.narrative_error.map(|_| "lens-textarea--error"));
    let hint = view.item.guidance.as_ref().filter(|_| !graded);
    let described = described_with_count(&id, hint.is_some(), view.narrative_error.is_some());
    html! {
        <div class={group}>
            <label class={label_class} for={id.clone()}>{ label }</label>
            if let Some(hint) = hint {
                <div class="lens-hint" id={format!("{id}-hint")}>{ hint.clone() }</div>
            }
            { error_message(&id, view.narrative_error) }
            <textarea {class} id={id.clone()} name={id.clone()} rows={rows_for(&text).to_string()} value={text.clone()}
                ref={view.anchors.node(&id)} {oninput} aria-describedby={described} />
            { character_count(&id, &text) }
        </div>
    }
}

/// A narrative's box is five lines high and grows with what is in it (a drafted lens 3 area runs
/// to a dozen lines), up to sixteen; past that it scrolls.
fn rows_for(text: &str) -> usize {
    let lines: usize = text.lines().map(|line| 1 + line.chars().count() / 90).sum();
    lines.clamp(5, 16)
}
