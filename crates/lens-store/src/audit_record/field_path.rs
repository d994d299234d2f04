//! An amendment's changed field as stored and exported: `header.<id>`, `items.<id>.grade`,
//! `items.<id>.narrative`, `overall` or `actions.<id>.what|owner|due_on`. Stored data depends on
//! this text: a renamed variant keeps its text.

use lens_core::{ActionField, FieldPath};

/// The stored text of a field path.
pub fn field_path_text(path: &FieldPath) -> String {
    match path {
        FieldPath::Header(id) => format!("header.{id}"),
        FieldPath::Grade(item) => format!("items.{item}.grade"),
        FieldPath::Narrative(item) => format!("items.{item}.narrative"),
        FieldPath::Overall => "overall".to_owned(),
        FieldPath::Action(action, field) => format!("actions.{action}.{}", action_field_text(*field)),
    }
}

/// The field path stored as `text`, if it names one. Ids may hold dots: the part after an
/// item's or action's id never does.
pub fn parse_field_path(text: &str) -> Option<FieldPath> {
    if text == "overall" {
        return Some(FieldPath::Overall);
    }
    if let Some(id) = text.strip_prefix("header.") {
        return Some(FieldPath::Header(id.to_owned()));
    }
    if let Some((item, part)) = text.strip_prefix("items.").and_then(|rest| rest.rsplit_once('.')) {
        return match part {
            "grade" => Some(FieldPath::Grade(item.to_owned())),
            "narrative" => Some(FieldPath::Narrative(item.to_owned())),
            _ => None,
        };
    }
    let (action, part) = text.strip_prefix("actions.")?.rsplit_once('.')?;
    let field = ActionField::ALL.into_iter().find(|field| action_field_text(*field) == part)?;
    Some(FieldPath::Action(action.to_owned(), field))
}

fn action_field_text(field: ActionField) -> &'static str {
    match field {
        ActionField::What => "what",
        ActionField::Owner => "owner",
        ActionField::DueOn => "due_on",
    }
}
