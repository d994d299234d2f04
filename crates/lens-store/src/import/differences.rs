//! Two copies of one record, field by field in words: what a person compares before deciding
//! a conflict. Grades are shown by their label on the template's scale.

use chrono::NaiveDate;
use lens_core::{Audit, FieldPath, Moderation, Template};

/// One field whose value differs between this device's copy and the incoming one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The field in words, e.g. `Grade for standard 4 "Assessment"`.
    pub field: String,
    /// This device's value ("Not given" when empty).
    pub held: String,
    /// The incoming value ("Not given" when empty).
    pub incoming: String,
}

const NOT_GIVEN: &str = "Not given";

fn shown(value: &str) -> String {
    if value.trim().is_empty() {
        NOT_GIVEN.to_owned()
    } else {
        value.to_owned()
    }
}

fn date(value: Option<NaiveDate>) -> String {
    value.map_or_else(|| NOT_GIVEN.to_owned(), |day| day.format("%-d %B %Y").to_string())
}

fn grade_words(template: Option<&Template>, code: &str) -> String {
    let label = template.and_then(|t| t.scale.as_ref()).and_then(|scale| scale.grade(code));
    label.map_or_else(|| shown(code), |grade| grade.label.clone())
}

fn push(out: &mut Vec<Difference>, field: impl Into<String>, held: String, incoming: String) {
    if held != incoming {
        out.push(Difference { field: field.into(), held, incoming });
    }
}

/// Every difference between two copies of an audit, the answers in form order, then where
/// it stands and its follow-up.
pub(super) fn between_audits(held: &Audit, incoming: &Audit, template: Option<&Template>) -> Vec<Difference> {
    let mut out = Vec::new();
    push(&mut out, "Status", held.status.label().to_owned(), incoming.status.label().to_owned());
    push(&mut out, "Submitted on", date(held.submitted_on), date(incoming.submitted_on));
    for change in held.differences(incoming) {
        let field = template.map_or_else(|| "An answer".to_owned(), |t| change.field.describe(t));
        let (before, after) = match change.field {
            FieldPath::Grade(_) | FieldPath::Overall => {
                (grade_words(template, &change.before), grade_words(template, &change.after))
            }
            _ => (shown(&change.before), shown(&change.after)),
        };
        out.push(Difference { field, held: before, incoming: after });
    }
    for action in &incoming.actions {
        let mine = held.actions.iter().find(|held| held.id == action.id);
        let (status, done) = mine.map_or((NOT_GIVEN.to_owned(), NOT_GIVEN.to_owned()), |m| {
            (m.status.label().to_owned(), date(m.completed_on))
        });
        push(&mut out, format!("Progress of \"{}\"", action.what), status, action.status.label().to_owned());
        push(&mut out, format!("\"{}\" done on", action.what), done, date(action.completed_on));
    }
    let (mine, theirs) = (&held.follow_up, &incoming.follow_up);
    push(
        &mut out,
        "Corrective action confirmed on",
        date(mine.corrective_action_confirmed_on),
        date(theirs.corrective_action_confirmed_on),
    );
    push(
        &mut out,
        "Reflective discussion held on",
        date(mine.reflective_discussion_on),
        date(theirs.reflective_discussion_on),
    );
    push(
        &mut out,
        "Follow-up recorded",
        held.follow_up.events.len().to_string(),
        incoming.follow_up.events.len().to_string(),
    );
    push(
        &mut out,
        "Amendments recorded",
        held.amendments.len().to_string(),
        incoming.amendments.len().to_string(),
    );
    out
}

/// Every difference between two copies of a moderation.
pub(super) fn between_moderations(
    held: &Moderation,
    incoming: &Moderation,
    template: Option<&Template>,
) -> Vec<Difference> {
    let mut out = Vec::new();
    push(&mut out, "Moderator", shown(&held.moderator), shown(&incoming.moderator));
    push(&mut out, "Moderated on", date(Some(held.moderated_on)), date(Some(incoming.moderated_on)));
    let ids: std::collections::BTreeSet<&String> = held.items.keys().chain(incoming.items.keys()).collect();
    let standards = ids.into_iter().map(|id| {
        let title =
            template.and_then(|t| t.item(id)).map_or_else(|| format!("\"{id}\""), lens_core::item_title);
        (title, held.items.get(id), incoming.items.get(id))
    });
    let overall = ("the overall judgement".to_owned(), Some(&held.overall), Some(&incoming.overall));
    for (title, mine, theirs) in standards.chain([overall]) {
        let grade = |item: Option<&lens_core::ModeratedItem>, agreed: bool| {
            let code =
                item.and_then(
                    |item| if agreed { item.agreed_grade.clone() } else { item.moderator_grade.clone() },
                );
            code.map_or_else(|| NOT_GIVEN.to_owned(), |code| grade_words(template, &code))
        };
        push(&mut out, format!("Moderator's grade for {title}"), grade(mine, false), grade(theirs, false));
        push(&mut out, format!("Agreed grade for {title}"), grade(mine, true), grade(theirs, true));
        let rationale =
            |item: Option<&lens_core::ModeratedItem>| shown(item.map_or("", |item| item.rationale.as_str()));
        push(&mut out, format!("Rationale for {title}"), rationale(mine), rationale(theirs));
    }
    push(&mut out, "Feedback to the auditor", shown(&held.feedback), shown(&incoming.feedback));
    out
}
