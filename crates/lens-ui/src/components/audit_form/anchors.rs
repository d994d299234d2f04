//! Element ids of the form's fields, and a `NodeRef` for each, so that the error summary can
//! move focus to a field inside the shadow root.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use lens_core::{ActionField, AmendmentField, FieldKind, ProblemTarget, Template};
use yew::NodeRef;

/// The `NodeRef`s of the form's fields by element id, made on first use.
#[derive(Clone, Default)]
pub(crate) struct Anchors(Rc<RefCell<BTreeMap<String, NodeRef>>>);

/// The same anchors are the same map: a component given them re-renders only when they change.
impl PartialEq for Anchors {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Anchors {
    pub fn node(&self, element_id: &str) -> NodeRef {
        self.0.borrow_mut().entry(element_id.to_owned()).or_default().clone()
    }
}

pub(crate) fn header_id(field: &str) -> String {
    format!("lens-h-{field}")
}

pub(crate) fn option_id(base: &str, index: usize) -> String {
    format!("{base}-{index}")
}

pub(crate) fn grade_id(item: &str) -> String {
    format!("lens-i-{item}-grade")
}

pub(crate) fn narrative_id(item: &str) -> String {
    format!("lens-i-{item}-narrative")
}

/// The heading of a standard on a submitted audit's record, which a quote opens the audit at.
pub(crate) fn record_item_id(item: &str) -> String {
    format!("lens-record-{item}")
}

pub(crate) const OVERALL_ID: &str = "lens-overall";
pub(crate) const ADD_ACTION_ID: &str = "lens-actions-add";
pub(crate) const FORM_TITLE_ID: &str = "lens-form-title";

pub(crate) fn action_id(index: usize, part: &str) -> String {
    format!("lens-a-{index}-{part}")
}

/// The element id of one typed part of an action.
pub(crate) fn action_field_id(index: usize, field: ActionField) -> String {
    let part = match field {
        ActionField::What => "what",
        ActionField::Owner => "owner",
        ActionField::DueOn => "due_on",
    };
    action_id(index, part)
}

/// The element id of an amendment's own field.
pub(crate) fn amendment_field_id(field: AmendmentField) -> &'static str {
    match field {
        AmendmentField::By => "lens-amend-by",
        AmendmentField::Reason => "lens-amend-reason",
    }
}

/// The element a problem's link moves focus to: the field, or its first option or part.
pub(crate) fn problem_anchor(target: &ProblemTarget, template: &Template, actions: usize) -> String {
    match target {
        ProblemTarget::Audit | ProblemTarget::FollowUp(_) => FORM_TITLE_ID.to_owned(),
        ProblemTarget::Amendment(field) => amendment_field_id(*field).to_owned(),
        ProblemTarget::Header(field) => {
            let kind = template.header_fields.iter().find(|f| &f.id == field).map(|f| &f.kind);
            match kind {
                Some(FieldKind::Date) => format!("{}-day", header_id(field)),
                Some(FieldKind::YesNo | FieldKind::Choice { .. }) => option_id(&header_id(field), 0),
                _ => header_id(field),
            }
        }
        ProblemTarget::ItemGrade(item) => option_id(&grade_id(item), 0),
        ProblemTarget::ItemNarrative(item) => narrative_id(item),
        ProblemTarget::Overall | ProblemTarget::OverallRationale => option_id(OVERALL_ID, 0),
        ProblemTarget::Action(index, _) if *index >= actions => ADD_ACTION_ID.to_owned(),
        ProblemTarget::Action(index, ActionField::DueOn) => {
            format!("{}-day", action_field_id(*index, ActionField::DueOn))
        }
        ProblemTarget::Action(index, field) => action_field_id(*index, *field),
    }
}
