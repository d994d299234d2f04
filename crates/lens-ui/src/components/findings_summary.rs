//! The findings summary of a submitted audit, to send to the practitioner, their line manager,
//! the service manager and the IRO or independent chair: shown on the audit, printed on its own
//! (everything else on the page is hidden from that print) and downloaded as a text file made on
//! this device. Who it went to is recorded in the follow-up panel.

use std::rc::Rc;

use lens_core::{Audit, FindingsSummary, FollowUpEventKind, Moderation, Template};
use yew::prelude::*;

use crate::components::audit_cells::case_label;
use crate::components::download::{download, file_stem, DownloadFile};
use crate::ports::PlatformHandle;
use crate::PrintedPage;

const TITLE_ID: &str = "lens-findings-title";

fn long(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

#[derive(Properties, PartialEq)]
pub(crate) struct FindingsSummaryProps {
    pub audit: Audit,
    pub template: Rc<Template>,
    pub moderation: Option<Moderation>,
    pub platform: PlatformHandle,
    /// The protective marking printed on every page, from `config`.
    pub marking: Option<String>,
}

/// Who the findings were last shared with, in words, when they were.
fn last_shared(audit: &Audit) -> Option<String> {
    audit.follow_up.events.iter().rev().find_map(|event| match &event.what {
        FollowUpEventKind::FindingsShared { shared_on, recipients } => {
            let names: Vec<String> = recipients
                .iter()
                .map(|recipient| format!("{} ({})", recipient.name, recipient.role.in_sentence()))
                .collect();
            Some(format!("Shared on {} with {}.", long(*shared_on), names.join(", ")))
        }
        _ => None,
    })
}

fn summary_body(summary: &FindingsSummary) -> Html {
    let standards = summary.standards.iter().map(|standard| {
        html! {
            <div class="lens-summary-list__row">
                <dt class="lens-summary-list__key">{ standard.prompt.clone() }</dt>
                <dd class="lens-summary-list__value">
                    if let Some(grade) = &standard.grade {
                        <p class="lens-body"><strong>{ grade.clone() }</strong></p>
                    }
                    if !standard.narrative.is_empty() {
                        <p class="lens-body lens-preserve-lines">{ standard.narrative.clone() }</p>
                    }
                </dd>
            </div>
        }
    });
    let actions = summary.actions.iter().map(|action| {
        let due = action.due_on.map(|due| format!(", due by {}", long(due))).unwrap_or_default();
        html! { <li>{ format!("{}{due} ({})", action.what_and_owner, action.status.to_lowercase()) }</li> }
    });
    html! {
        <>
            <p class="lens-body">{ format!("Audited by {} on {}.", summary.auditor, long(summary.audited_on)) }</p>
            if let Some(overall) = &summary.overall {
                <p class="lens-body">
                    <strong>{ format!("Overall: {overall}") }</strong>
                    { if summary.agreed_at_moderation { " (agreed at moderation)" } else { "" } }
                </p>
            }
            <h4 class="lens-heading-s">{ "What was found" }</h4>
            <dl class="lens-summary-list">{ for standards }</dl>
            <h4 class="lens-heading-s">{ "Actions" }</h4>
            if summary.actions.is_empty() {
                <p class="lens-body">{ "No actions were agreed." }</p>
            } else {
                <ul class="lens-list lens-list--bullet">{ for actions }</ul>
            }
            if !summary.views.is_empty() {
                <h4 class="lens-heading-s">{ "The child's and family's views" }</h4>
                <ul class="lens-list lens-list--bullet">
                    { for summary.views.iter().map(|view| html! {
                        <li>{ format!("{}, {} ({}): {}", view.from.label(), long(view.gathered_on), view.how_gathered, view.what_they_said) }</li>
                    }) }
                </ul>
            }
            if let Some(feedback) = &summary.moderation_feedback {
                <h4 class="lens-heading-s">{ "The moderator's feedback" }</h4>
                <p class="lens-body lens-preserve-lines">{ feedback.clone() }</p>
            }
        </>
    }
}

#[component]
pub(crate) fn FindingsSummaryPanel(props: &FindingsSummaryProps) -> Html {
    // Printing draws the page with only the summary, then opens the print dialogue.
    let printing = use_state(|| false);
    {
        let (printing, platform, marking) = (printing.clone(), props.platform.clone(), props.marking.clone());
        use_effect_with(*printing, move |now_printing| {
            if *now_printing {
                let now = platform.now();
                let printed = format!("Printed on {} at {}", now.format("%-d %B %Y"), now.format("%H:%M"));
                platform.print(&PrintedPage { marking: marking.clone(), printed, title: None });
                printing.set(false);
            }
        });
    }
    let summary = props.audit.findings_summary(&props.template, props.moderation.as_ref());
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| printing.set(true))
    };
    let on_download = {
        let (platform, text, audit) = (props.platform.clone(), summary.to_text(), props.audit.clone());
        Callback::from(move |_: MouseEvent| {
            let name = if audit.case_reference.is_empty() {
                audit.id.to_string()
            } else {
                audit.case_reference.clone()
            };
            let file = DownloadFile {
                file_name: format!("findings-{}.txt", file_stem(&name)),
                media_type: "text/plain",
                contents: text.clone(),
                what: format!("Findings summary ({})", case_label(&audit)),
            };
            download(&platform, &file);
        })
    };
    html! {
        <section class={classes!("lens-section", "lens-findings-summary", printing.then_some("lens-findings-summary--printing"))}
            aria-labelledby={TITLE_ID}>
            <h3 class="lens-heading-m" id={TITLE_ID}>{ summary.heading() }</h3>
            <p class="lens-body lens-no-print">
                { last_shared(&props.audit).unwrap_or_else(|| "Not yet recorded as shared. Print or download it, send it on, then record who it went to below.".to_owned()) }
            </p>
            // Printed whole; on screen folded away, as it repeats the record above.
            if *printing {
                <div class="lens-findings-summary__printed">{ summary_body(&summary) }</div>
            } else {
                <details class="lens-details">
                    <summary class="lens-details__summary">{ "Show the findings summary" }</summary>
                    <div class="lens-details__text">{ summary_body(&summary) }</div>
                </details>
            }
            <div class="lens-button-group lens-no-print">
                <button type="button" class="lens-button lens-button--secondary" id="lens-findings-print" onclick={on_print}>{ "Print the findings summary" }</button>
                <button type="button" class="lens-button lens-button--secondary" id="lens-findings-download" onclick={on_download}>{ "Download the findings summary" }</button>
            </div>
        </section>
    }
}
