//! One standard being moderated: the moderator's own grade, then the auditor's grade and
//! findings, the agreed grade, and the rationale for it.

use lens_core::{GradeScale, Item, ItemResponse, ModeratedItem};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::tags::grade_tag;

use super::state::ItemEdit;
use crate::components::audit_form::anchors::{option_id, Anchors};
use crate::components::form::{character_count, described_with_count, error_message};

pub(crate) fn own_grade_id(item: &str) -> String {
    format!("lens-m-{item}-own")
}

pub(crate) fn agreed_grade_id(item: &str) -> String {
    format!("lens-m-{item}-agreed")
}

pub(crate) fn rationale_id(item: &str) -> String {
    format!("lens-m-{item}-rationale")
}

pub(crate) struct ItemView<'a> {
    pub item: &'a Item,
    pub scale: &'a GradeScale,
    pub auditor: Option<&'a ItemResponse>,
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
}

pub(crate) fn moderated_item(view: ItemView) -> Html {
    let item_id = &view.item.id;
    let own = grade_group(
        &view,
        &own_grade_id(item_id),
        "Your grade",
        view.moderated.moderator_grade.as_deref(),
        ItemEdit::Own,
    );
    let auditor_grade = view
        .auditor
        .and_then(|response| response.grade.as_deref())
        .and_then(|code| view.scale.grade(code))
        .map_or_else(|| html! { "Not graded" }, grade_tag);
    let findings = view.auditor.map(|response| response.narrative.clone()).unwrap_or_default();
    let revealed = view.moderated.moderator_grade.is_some();
    html! {
        <div class="lens-standard">
            <fieldset class="lens-fieldset">
                <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ view.item.prompt.clone() }</legend>
                { own }
                if revealed {
                    <div class="lens-inset">
                        <p class="lens-body"><strong>{ "The auditor's grade: " }</strong>{ auditor_grade }</p>
                        if !findings.trim().is_empty() {
                            <p class="lens-body lens-preserve-lines">{ findings }</p>
                        }
                    </div>
                } else {
                    <p class="lens-hint">{ "The auditor's grade and findings show once you have given your grade." }</p>
                }
                { grade_group(&view, &agreed_grade_id(item_id), "Agreed grade", view.moderated.agreed_grade.as_deref(), ItemEdit::Agreed) }
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
    make: fn(String, String) -> ItemEdit,
) -> Html {
    let error = view.error(id);
    let options = view.scale.grades.iter().enumerate().map(|(index, grade)| {
        let option = option_id(id, index);
        let (item, code, edit) = (view.item.id.clone(), grade.code.clone(), view.edit.clone());
        let onchange = Callback::from(move |_: Event| edit.emit(make(item.clone(), code.clone())));
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
    let id = rationale_id(&view.item.id);
    let error = view.error(&id);
    let text = view.moderated.rationale.clone();
    let (item, edit) = (view.item.id.clone(), view.edit.clone());
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        edit.emit(ItemEdit::Rationale(item.clone(), value));
    });
    let group = if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    let described = described_with_count(&id, true, error.is_some());
    html! {
        <div class={group}>
            <label class="lens-label" for={id.clone()}>{ "Rationale for the agreed grade" }</label>
            <div class="lens-hint" id={format!("{id}-hint")}>{ "Needed when the agreed grade differs from the auditor's." }</div>
            { error_message(&id, error) }
            <textarea class={classes!("lens-textarea", error.map(|_| "lens-textarea--error"))} id={id.clone()}
                name={id.clone()} rows="3" value={text.clone()} ref={view.anchors.node(&id)} {oninput}
                aria-describedby={described} />
            { character_count(&id, &text) }
        </div>
    }
}
