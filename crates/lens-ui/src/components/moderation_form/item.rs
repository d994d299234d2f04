//! One grading being moderated, a standard or the overall judgement: first the moderator's own
//! grade alone; once the comparison is open, the auditor's grade and findings beside the
//! moderator's, the agreed grade, and the rationale for it.

use lens_core::{GradeScale, ModeratedItem};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::state::{Graded, ItemEdit};
use crate::components::audit_form::anchors::{option_id, Anchors};
use crate::components::form::{character_count, described_with_count, error_message};
use crate::components::tags::{gap_tag, grade_tag};

fn id_of(graded: &Graded, part: &str) -> String {
    match graded {
        Graded::Standard(item) => format!("lens-m-{item}-{part}"),
        Graded::Overall => format!("lens-moderation-overall-{part}"),
    }
}

pub(crate) fn own_grade_id(graded: &Graded) -> String {
    id_of(graded, "own")
}

pub(crate) fn agreed_grade_id(graded: &Graded) -> String {
    id_of(graded, "agreed")
}

pub(crate) fn rationale_id(graded: &Graded) -> String {
    id_of(graded, "rationale")
}

pub(crate) struct ItemView<'a> {
    pub graded: Graded,
    /// The standard's prompt, or "Overall judgement".
    pub title: String,
    pub scale: &'a GradeScale,
    /// The auditor's grade (a code), when there is one.
    pub auditor_grade: Option<&'a str>,
    /// The auditor's findings for a standard.
    pub findings: &'a str,
    pub moderated: &'a ModeratedItem,
    /// Error messages by the element id of the group they belong to.
    pub errors: &'a [(String, String)],
    pub anchors: &'a Anchors,
    pub edit: &'a Callback<ItemEdit>,
}

impl ItemView<'_> {
    fn error(&self, group: &str) -> Option<&str> {
        self.errors.iter().find(|(id, _)| id == group).map(|(_, message)| message.as_str())
    }

    fn is_overall(&self) -> bool {
        self.graded == Graded::Overall
    }

    fn shown(&self, code: Option<&str>) -> Html {
        match code {
            Some(code) => self.scale.grade(code).map_or_else(|| html! { { code.to_owned() } }, grade_tag),
            None => html! { "Not graded" },
        }
    }
}

/// The blind step: the moderator's own grade, with nothing of the auditor's.
pub(crate) fn own_grading(view: ItemView) -> Html {
    let label = if view.is_overall() { "Your overall judgement" } else { "Your grade" };
    html! {
        <div class="lens-standard">
            <fieldset class="lens-fieldset">
                <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ view.title.clone() }</legend>
                { grade_group(&view, &own_grade_id(&view.graded), label, view.moderated.moderator_grade.as_deref(), ItemEdit::Own) }
            </fieldset>
        </div>
    }
}

/// The agreeing step: both grades and their gap, the auditor's findings, the agreed grade and
/// its rationale.
pub(crate) fn agreeing(view: ItemView) -> Html {
    let own = view.moderated.moderator_grade.as_deref();
    let gap = own.zip(view.auditor_grade).and_then(|(a, b)| lens_core::GradeGap::between(view.scale, a, b));
    let agreed_label = if view.is_overall() { "Agreed overall judgement" } else { "Agreed grade" };
    html! {
        <div class="lens-standard">
            <fieldset class="lens-fieldset">
                <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ view.title.clone() }</legend>
                <div class="lens-inset">
                    <p class="lens-body"><strong>{ "Your grade: " }</strong>{ view.shown(own) }</p>
                    <p class="lens-body"><strong>{ "The auditor's grade: " }</strong>{ view.shown(view.auditor_grade) }</p>
                    <p class="lens-body">{ gap_tag(gap) }</p>
                    if !view.findings.trim().is_empty() {
                        <p class="lens-body lens-preserve-lines">{ view.findings.to_owned() }</p>
                    }
                </div>
                { grade_group(&view, &agreed_grade_id(&view.graded), agreed_label, view.moderated.agreed_grade.as_deref(), ItemEdit::Agreed) }
                { rationale(&view) }
            </fieldset>
        </div>
    }
}

fn grade_group(
    view: &ItemView,
    id: &str,
    label: &str,
    selected: Option<&str>,
    make: fn(Graded, String) -> ItemEdit,
) -> Html {
    let error = view.error(id);
    let options = view.scale.grades.iter().enumerate().map(|(index, grade)| {
        let option = option_id(id, index);
        let (graded, code, edit) = (view.graded.clone(), grade.code.clone(), view.edit.clone());
        let onchange = Callback::from(move |_: Event| edit.emit(make(graded.clone(), code.clone())));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" id={option.clone()} name={id.to_owned()} type="radio"
                    value={grade.code.clone()} checked={selected == Some(grade.code.as_str())}
                    ref={view.anchors.node(&option)}
                    aria-describedby={error.map(|_| format!("{id}-error"))} {onchange} />
                <label class="lens-radios__label" for={option}>{ grade.label.clone() }</label>
            </div>
        }
    });
    let group = if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    html! {
        <div class={group}>
            <p class="lens-label" id={format!("{id}-label")}>{ label }</p>
            { error_message(id, error) }
            <div class="lens-radios" role="radiogroup" aria-labelledby={format!("{id}-label")}>{ for options }</div>
        </div>
    }
}

fn rationale(view: &ItemView) -> Html {
    let id = rationale_id(&view.graded);
    let error = view.error(&id);
    let text = view.moderated.rationale.clone();
    let (graded, edit) = (view.graded.clone(), view.edit.clone());
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        edit.emit(ItemEdit::Rationale(graded.clone(), value));
    });
    let group = if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    let described = described_with_count(&id, true, error.is_some());
    let label = if view.is_overall() {
        "Rationale for the agreed overall judgement"
    } else {
        "Rationale for the agreed grade"
    };
    html! {
        <div class={group}>
            <label class="lens-label" for={id.clone()}>{ label }</label>
            <div class="lens-hint" id={format!("{id}-hint")}>{ "Needed when it differs from the auditor's." }</div>
            { error_message(&id, error) }
            <textarea class={classes!("lens-textarea", error.map(|_| "lens-textarea--error"))} id={id.clone()}
                name={id.clone()} rows="3" value={text.clone()} ref={view.anchors.node(&id)} {oninput}
                aria-describedby={described} />
            { character_count(&id, &text) }
        </div>
    }
}
