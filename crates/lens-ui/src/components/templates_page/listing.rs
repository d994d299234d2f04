//! What the Templates page lists: the templates offered, those the page's `config` names, a
//! checked template's contents, and a document's problems with their places.

use lens_core::{newest_versions, Template, TemplateKind, TemplateProblem};
use lens_store::template_document::builtin_templates;
use yew::prelude::*;

use crate::components::pagination::plural;
use crate::components::scroll_table::scroll_table;
use crate::council_templates::{ConfiguredOutcome, ConfiguredTemplate};

/// What kind of activity a template is for, in words.
pub(crate) fn kind_words(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::CaseFileAudit => "Audit of a child's case",
        TemplateKind::PracticeReview => "Practice review",
        TemplateKind::ServiceReview => "Service review",
        TemplateKind::SupervisionAudit => "Supervision audit",
        TemplateKind::PracticeObservation => "Practice observation",
        TemplateKind::Reflection => "Practitioner's reflection",
    }
}

/// The newest version of each template, as offered for new audits, and the older versions
/// kept for the audits made with them.
pub(crate) fn offered_table(templates: &[Template]) -> Html {
    let offered = newest_versions(templates);
    let builtin = builtin_templates();
    let provided_by_practice_lens = |template: &Template| builtin.iter().any(|known| known.id == template.id);
    let rows = offered.iter().map(|template| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ template.title.clone() }</th>
                <td class="lens-table__cell">{ kind_words(template.kind) }</td>
                <td class="lens-table__cell lens-table__cell--numeric">{ template.version }</td>
                <td class="lens-table__cell">
                    { if provided_by_practice_lens(template) { "Practice Lens" } else { "Your council" } }
                </td>
            </tr>
        }
    });
    let older: Vec<String> = templates
        .iter()
        .filter(|template| !offered.iter().any(|newest| std::ptr::eq(*newest, *template)))
        .map(|template| format!("{} version {}", template.title, template.version))
        .collect();
    html! {
        <>
            <h3 class="lens-heading-m" id="lens-templates-offered">{ "Offered for new audits" }</h3>
            { scroll_table("lens-templates-offered", html! {
                <table class="lens-table" aria-labelledby="lens-templates-offered">
                    <thead class="lens-table__head">
                        <tr class="lens-table__row">
                            <th scope="col" class="lens-table__header">{ "Template" }</th>
                            <th scope="col" class="lens-table__header">{ "For" }</th>
                            <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Version" }</th>
                            <th scope="col" class="lens-table__header">{ "From" }</th>
                        </tr>
                    </thead>
                    <tbody class="lens-table__body">{ for rows }</tbody>
                </table>
            }) }
            if !older.is_empty() {
                <p class="lens-body" id="lens-templates-older">
                    { format!("Kept for the audits made with them, not offered for new ones: {}.", older.join("; ")) }
                </p>
            }
        </>
    }
}

/// What became of each template the page's `config` names.
pub(crate) fn configured_list(configured: &[ConfiguredTemplate]) -> Html {
    if configured.is_empty() {
        return Html::default();
    }
    let items = configured.iter().enumerate().map(|(index, template)| {
        let (tag_class, tag, detail) = match &template.outcome {
            ConfiguredOutcome::Checking => ("lens-tag", "Checking", Html::default()),
            ConfiguredOutcome::Ready { title, version } => (
                "lens-tag lens-tag--green",
                "In use",
                html! { <p class="lens-body">{ format!("{title} version {version}, offered for new audits.") }</p> },
            ),
            ConfiguredOutcome::Refused(problems) => (
                "lens-tag lens-tag--red",
                "Cannot be used",
                html! {
                    <>
                        <p class="lens-body">{ format!("The document has {}. Nothing from it was kept:", plural(problems.len(), "problem", "problems")) }</p>
                        { problem_list(problems, &format!("lens-configured-{index}-problems")) }
                    </>
                },
            ),
            ConfiguredOutcome::Unavailable(reason) => (
                "lens-tag lens-tag--red",
                "Cannot be used",
                html! { <p class="lens-body">{ reason.clone() }</p> },
            ),
        };
        html! {
            <li class="lens-configured-template">
                <p class="lens-body"><code>{ template.address.clone() }</code>{ " " }<strong class={tag_class}>{ tag }</strong></p>
                { detail }
            </li>
        }
    });
    html! {
        <>
            <h3 class="lens-heading-m" id="lens-templates-configured">{ "Named by this page's configuration" }</h3>
            <ul class="lens-list" aria-labelledby="lens-templates-configured">{ for items }</ul>
        </>
    }
}

/// A document's problems, each with the place in the document it is about.
pub(crate) fn problem_list(problems: &[TemplateProblem], id: &str) -> Html {
    let items = problems.iter().map(|problem| {
        html! { <li><code class="lens-template-path">{ problem.path.clone() }</code>{ format!(" {}", problem.message) }</li> }
    });
    html! { <ul class="lens-list lens-list--bullet lens-template-problems" id={id.to_owned()}>{ for items }</ul> }
}

/// What a checked template holds, before it is added.
pub(crate) fn template_summary(template: &Template) -> Html {
    let grades = template.scale.as_ref().map_or_else(
        || "Not graded".to_owned(),
        |scale| scale.grades.iter().map(|grade| grade.label.clone()).collect::<Vec<_>>().join(", "),
    );
    let sections = template
        .sections
        .iter()
        .map(|section| format!("{} ({})", section.title, plural(section.items.len(), "item", "items")))
        .collect::<Vec<_>>()
        .join("; ");
    let header =
        template.header_fields.iter().map(|field| field.label.clone()).collect::<Vec<_>>().join(", ");
    let row = |key: &str, value: String| {
        html! {
            <div class="lens-summary-list__row">
                <dt class="lens-summary-list__key">{ key.to_owned() }</dt>
                <dd class="lens-summary-list__value">{ value }</dd>
            </div>
        }
    };
    html! {
        <dl class="lens-summary-list" id="lens-template-summary">
            { row("Title", template.title.clone()) }
            { row("For", kind_words(template.kind).to_owned()) }
            { row("Identifier and version", format!("{} version {}", template.id, template.version)) }
            { row("Grades", grades) }
            { row("Header", header) }
            { row("Sections", sections) }
            { row("Actions", template.actions.as_ref().map_or_else(|| "Not recorded".to_owned(), |actions| actions.title.clone())) }
        </dl>
    }
}
