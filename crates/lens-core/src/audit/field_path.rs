//! Names for the parts of an audit: which field an amendment changed, which part of an action
//! or an amendment a problem is about. Storage writes them as text; here they are types.

use super::check::item_title;
use crate::template::Template;

/// A part of an agreed action that a person types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionField {
    /// What is to be done.
    What,
    /// Who will do it.
    Owner,
    /// When it is due.
    DueOn,
}

impl ActionField {
    /// Every part, in form order.
    pub const ALL: [ActionField; 3] = [Self::What, Self::Owner, Self::DueOn];

    /// The part in words, as an amendment's record shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::What => "what",
            Self::Owner => "owner",
            Self::DueOn => "due on",
        }
    }
}

/// A field of an amendment itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AmendmentField {
    /// Who is amending.
    By,
    /// Why.
    Reason,
}

/// A field of an audit that an amendment can change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldPath {
    /// A header field, by its id (the auditor and the case reference included).
    Header(String),
    /// An item's grade, by item id.
    Grade(String),
    /// An item's narrative, by item id.
    Narrative(String),
    /// The author's overall judgement.
    Overall,
    /// A part of an agreed action, by the action's id.
    Action(String, ActionField),
}

impl FieldPath {
    /// Where the field comes on the form of `template` for `audit`: the auditor and case
    /// reference, the header fields, each standard's grade then narrative, the overall
    /// judgement, then each action's parts. Fields the template does not have come last in
    /// their group; sorting by it (stably) lists changes as a reader meets them.
    pub fn form_position(&self, template: &Template, audit: &super::Audit) -> (u8, usize, usize) {
        let last = usize::MAX;
        match self {
            Self::Header(id) => {
                let fixed =
                    [super::AUDITOR_FIELD, super::CASE_REFERENCE_FIELD].iter().position(|field| field == id);
                let position = fixed.or_else(|| {
                    template.header_fields.iter().position(|field| &field.id == id).map(|index| index + 2)
                });
                (0, position.unwrap_or(last), 0)
            }
            Self::Grade(id) | Self::Narrative(id) => {
                let position = template.items().position(|item| &item.id == id).unwrap_or(last);
                (1, position, usize::from(matches!(self, Self::Narrative(_))))
            }
            Self::Overall => (2, 0, 0),
            Self::Action(id, part) => {
                let position = audit.actions.iter().position(|action| &action.id == id).unwrap_or(last);
                (3, position, ActionField::ALL.iter().position(|each| each == part).unwrap_or(last))
            }
        }
    }

    /// The field in words, using the template's labels: `Team`, `Grade for standard 4
    /// "Assessments…"`, `Overall judgement`, `Action: due on`. A field the template no longer
    /// has is named by its id.
    pub fn describe(&self, template: &Template) -> String {
        let item = |id: &str| template.item(id).map_or_else(|| format!("\"{id}\""), item_title);
        match self {
            Self::Header(id) => template
                .header_fields
                .iter()
                .find(|header| header.id == *id)
                .map_or_else(|| id.clone(), |header| header.label.clone()),
            Self::Grade(id) => format!("Grade for {}", item(id)),
            Self::Narrative(id) => format!("Narrative for {}", item(id)),
            Self::Overall => "Overall judgement".to_owned(),
            Self::Action(_, field) => format!("Action: {}", field.label()),
        }
    }
}
