//! The map of a long form: a list of its standards at the top saying which are graded and which
//! have a problem ("7 of 12 graded"), each linking to its standard, and after every standard a
//! link back to the list, so the list is one step away from anywhere in the form.

use lens_core::{Audit, AuditProblem, GradeRule, Item, ProblemTarget, Template};
use yew::prelude::*;

use super::anchors::{grade_id, narrative_id, option_id, Anchors};
use crate::components::focus;

/// The contents list's heading, focused by every "Back to the list of standards" link.
pub(crate) const CONTENTS_ID: &str = "lens-contents-title";

/// A form gets a contents list once it is longer than a screen or two.
const ITEMS_NEEDING_CONTENTS: usize = 7;

/// Whether the template's form is long enough to need a contents list.
pub(crate) fn needs_contents(template: &Template) -> bool {
    template.items().count() >= ITEMS_NEEDING_CONTENTS
}

/// How far the form has got: standards graded (or prompts answered, where nothing is graded)
/// out of those there are.
pub(crate) fn progress(audit: &Audit, template: &Template) -> (usize, usize, &'static str) {
    let graded: Vec<&Item> = template.items().filter(|item| item.grade != GradeRule::None).collect();
    if graded.is_empty() {
        let answered = template.items().filter(|item| !narrative(audit, item).trim().is_empty()).count();
        return (answered, template.items().count(), "answered");
    }
    let done = graded.iter().filter(|item| grade_code(audit, item).is_some()).count();
    (done, graded.len(), "graded")
}

fn grade_code<'a>(audit: &'a Audit, item: &Item) -> Option<&'a str> {
    audit.responses.get(&item.id).and_then(|response| response.grade.as_deref())
}

fn narrative<'a>(audit: &'a Audit, item: &Item) -> &'a str {
    audit.responses.get(&item.id).map_or("", |response| response.narrative.as_str())
}

/// The element a standard's link moves focus to: its chosen grade, else its first grade, else
/// its narrative.
fn target_id(audit: &Audit, template: &Template, item: &Item) -> String {
    let scale = template.scale.as_ref().filter(|_| item.grade != GradeRule::None);
    match scale {
        Some(scale) => {
            let chosen = grade_code(audit, item).and_then(|code| scale.position(code)).unwrap_or(0);
            option_id(&grade_id(&item.id), chosen)
        }
        None => narrative_id(&item.id),
    }
}

/// A link that moves focus to the form's element `id`.
pub(crate) fn focus_link(anchors: &Anchors, id: &str, text: Html) -> Html {
    focus::focus_link(anchors.node(id), id, text)
}

/// The list of standards with where each stands.
pub(crate) fn contents(
    audit: &Audit,
    template: &Template,
    problems: &[AuditProblem],
    anchors: &Anchors,
) -> Html {
    let (done, of, verb) = progress(audit, template);
    let has_problem = |item: &Item| {
        problems.iter().any(|problem| {
            matches!(&problem.target, ProblemTarget::ItemGrade(id) | ProblemTarget::ItemNarrative(id) if *id == item.id)
        })
    };
    let with_problems = template.items().filter(|item| has_problem(item)).count();
    let entries = template.items().map(|item| {
        let standing = match (has_problem(item), grade_code(audit, item), &template.scale) {
            (true, _, _) => html! { <strong class="lens-contents__problem">{ "Has a problem" }</strong> },
            (false, Some(code), Some(scale)) => {
                html! { { format!("Graded {}", scale.grade(code).map_or(code, |grade| grade.label.as_str())) } }
            }
            (false, None, _) if item.grade != GradeRule::None => html! { "Not graded yet" },
            _ if narrative(audit, item).trim().is_empty() => html! { "Not answered yet" },
            _ => html! { "Answered" },
        };
        html! {
            <li class="lens-contents__item">
                { focus_link(anchors, &target_id(audit, template, item), html! { item.prompt.clone() }) }
                <span class="lens-contents__standing">{ standing }</span>
            </li>
        }
    });
    html! {
        <nav class="lens-contents" aria-labelledby={CONTENTS_ID}>
            <h3 class="lens-heading-m" id={CONTENTS_ID} tabindex="-1" ref={anchors.node(CONTENTS_ID)}>{ "Standards" }</h3>
            <p class="lens-body" id="lens-contents-progress">
                { format!("{done} of {of} {verb}") }
                if with_problems > 0 {
                    { format!("; {with_problems} {} a problem", if with_problems == 1 { "has" } else { "have" }) }
                }
            </p>
            <ul class="lens-list lens-contents__list">{ for entries }</ul>
        </nav>
    }
}

/// The link after a standard back to the list.
pub(crate) fn back_to_contents(anchors: &Anchors) -> Html {
    html! {
        <p class="lens-body lens-contents__back">
            { focus_link(anchors, CONTENTS_ID, html! { "Back to the list of standards" }) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lens_core::{AuditId, ItemResponse, NewAudit};
    use lens_store::template_document::builtin_templates;

    fn template(id: &str) -> Template {
        builtin_templates().into_iter().find(|template| template.id == id).unwrap()
    }

    #[test]
    fn progress_counts_graded_standards_or_answered_prompts() {
        let audit_template = template("case-file-audit");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam".into() };
        let mut audit = typed.start(AuditId::new("a"), audit_template.reference(), day).unwrap();
        assert_eq!(progress(&audit, &audit_template), (0, 12, "graded"));
        for item in audit_template.items().take(7) {
            audit
                .responses
                .insert(item.id.clone(), ItemResponse { grade: Some("MG".into()), narrative: String::new() });
        }
        let eighth = audit_template.items().nth(7).unwrap();
        audit
            .responses
            .insert(eighth.id.clone(), ItemResponse { grade: None, narrative: "Written, not graded".into() });
        assert_eq!(progress(&audit, &audit_template), (7, 12, "graded"));
        assert!(needs_contents(&audit_template));

        let reflection = template("practitioner-reflection");
        assert!(!needs_contents(&reflection), "six prompts fit without a map");
        let mut mine = typed.start_with(AuditId::new("r"), &reflection, day).unwrap();
        let first = reflection.items().next().unwrap();
        mine.responses
            .insert(first.id.clone(), ItemResponse { grade: None, narrative: "I listened.".into() });
        assert_eq!(progress(&mine, &reflection), (1, 6, "answered"));
    }
}
