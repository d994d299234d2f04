//! The audits behind one figure of a report, a page at a time, each opening its record. The
//! worker names them (`AnalysisRequest::FigureAudits`); the page draws them from the audits it
//! already holds, so a figure over 10,000 audits costs one list of ids.

use std::collections::BTreeMap;
use std::rc::Rc;

use lens_analysis::protocol::figure_audits::{FigureAudits, FigureAuditsRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, FigureRow};
use lens_core::{find_template, Audit, Template};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::ReportAsk;
use crate::analysis::snapshot_source;
use crate::app::Session;
use crate::components::audit_cells::{case_cell, open_cell};
use crate::components::focus::use_focus_on_mount;
use crate::components::pagination::{pagination, plural, showing, use_pages, with_commas};
use crate::components::scroll_table::scroll_table;
use crate::components::tags::grade_tag;
use crate::ports::PlatformHandle;
use crate::screen::Screen;

const TITLE_ID: &str = "lens-figure-audits-title";

#[derive(Properties, PartialEq)]
pub(crate) struct FigureAuditListProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The report the figure is in.
    pub report: ReportAsk,
    /// The figure's place in it.
    pub figure: usize,
    /// The figure's row in the report on screen; none when the report no longer has it.
    pub row: Option<FigureRow>,
    /// Where an audit opens.
    pub onnavigate: Callback<Screen>,
    /// Back to the whole report.
    pub onclose: Callback<()>,
}

/// Where the list is: named by the worker, so it arrives after it is asked for.
#[derive(Clone, PartialEq)]
enum Listed {
    Waiting,
    Ready(Rc<FigureAudits>),
    /// Not listed; the sentence says why and what to do.
    Failed(String),
}

#[component]
pub(crate) fn FigureAuditList(props: &FigureAuditListProps) -> Html {
    let listed = use_state(|| Listed::Waiting);
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    {
        let (listed, platform, session) = (listed.clone(), props.platform.clone(), props.session.clone());
        use_effect_with(
            (
                props.report.clone(),
                props.figure,
                props.session.audits.clone(),
                props.session.moderations.clone(),
            ),
            move |(report, figure, _, _)| {
                let (report, figure) = (report.clone(), *figure);
                listed.set(Listed::Waiting);
                spawn_local(async move {
                    let report = report.over(snapshot_source(&session).await);
                    let request = AnalysisRequest::FigureAudits(FigureAuditsRequest { report, figure });
                    listed.set(match platform.analyse(request).await {
                        Ok(AnalysisReply::FigureAudits(audits)) => Listed::Ready(Rc::new(audits)),
                        Ok(AnalysisReply::Refused { message }) => Listed::Failed(message),
                        Ok(_) => Listed::Failed(
                            "The audits could not be listed: reload the page to carry on.".to_owned(),
                        ),
                        Err(unavailable) => Listed::Failed(unavailable.message),
                    });
                });
            },
        );
    }
    let onclose = {
        let onclose = props.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    // The figure asked for was worked out again over the records as they are now: if its row
    // is not the one on screen, audits arrived in between and the list would not be its own.
    let shown = match &*listed {
        Listed::Ready(audits) => match &props.row {
            Some(row) if row.measure == audits.measure && row.breakdown == audits.breakdown => Ok(Some(audits.clone())),
            _ => Err("The audits on this device have changed since this report was made, so this figure is not the one you opened: go back to the report to see it as it is now.".to_owned()),
        },
        Listed::Failed(message) => Err(message.clone()),
        Listed::Waiting => Ok(None),
    };
    let (measure, breakdown) = props
        .row
        .as_ref()
        .map_or((String::new(), String::new()), |row| (row.measure.clone(), row.breakdown.clone()));
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onclose.clone()}>{ "Back to the whole report" }</button>
            <h4 class="lens-heading-s" id={TITLE_ID} tabindex="-1" ref={heading}>
                { "The audits behind a figure" }
            </h4>
            <dl class="lens-summary-list">
                { summary_row("What is counted", &measure) }
                { summary_row("Breakdown", &breakdown) }
                if let Some(row) = &props.row {
                    { summary_row("Count", &count_words(row)) }
                }
            </dl>
            { match shown {
                Ok(None) => html! { <p class="lens-body" role="status">{ "Finding the audits behind this figure…" }</p> },
                Ok(Some(audits)) => html! {
                    <AuditRows audits={audits} session={props.session.clone()} templates={props.templates.clone()}
                        onnavigate={props.onnavigate.clone()} />
                },
                Err(message) => html! {
                    <div class="lens-notification lens-notification--error" role="alert">
                        <h5 class="lens-heading-s">{ "The audits could not be listed" }</h5>
                        <p class="lens-body">{ message }</p>
                    </div>
                },
            } }
            <button type="button" class="lens-button lens-button--secondary" onclick={onclose}>{ "Back to the whole report" }</button>
        </section>
    }
}

fn summary_row(key: &str, value: &str) -> Html {
    html! {
        <div class="lens-summary-list__row">
            <dt class="lens-summary-list__key">{ key.to_owned() }</dt>
            <dd class="lens-summary-list__value">{ value.to_owned() }</dd>
        </div>
    }
}

/// "12 out of 40 (30%)", or the count alone.
fn count_words(row: &FigureRow) -> String {
    match row.of {
        Some(of) if !row.share.is_empty() => {
            format!("{} out of {} ({})", with_commas(row.count), with_commas(of), row.share)
        }
        Some(of) => format!("{} out of {}", with_commas(row.count), with_commas(of)),
        None => with_commas(row.count),
    }
}

#[derive(Properties, PartialEq)]
struct AuditRowsProps {
    audits: Rc<FigureAudits>,
    session: Session,
    templates: Rc<Vec<Template>>,
    onnavigate: Callback<Screen>,
}

/// The audits a page at a time, as the device holds them.
#[component]
fn AuditRows(props: &AuditRowsProps) -> Html {
    let by_id: BTreeMap<&str, &Audit> =
        props.session.audits.iter().map(|audit| (audit.value.id.as_str(), &audit.value)).collect();
    let audits: Vec<&Audit> =
        props.audits.audits.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect();
    let paged = use_pages(audits.len(), props.audits.clone());
    let onopen = {
        let onnavigate = props.onnavigate.clone();
        Callback::from(move |id| onnavigate.emit(Screen::AuditFromReport(id)))
    };
    let rows = audits[paged.range.clone()].iter().map(|audit| {
        let template = find_template(&props.templates, &audit.template);
        let title = template.map_or_else(|| audit.template.to_string(), |template| template.title.clone());
        let overall = template.and_then(|template| {
            let code = audit.overall_grade(template)?;
            template.scale.as_ref()?.grade(&code).map(grade_tag)
        });
        let team = if audit.team().trim().is_empty() { "Not given".to_owned() } else { audit.team().trim().to_owned() };
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">{ title }</td>
                <td class="lens-table__cell">{ team }</td>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.audited_on(template).format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell">{ overall.unwrap_or_else(|| html! { "Not judged" }) }</td>
                { open_cell(audit, &onopen) }
            </tr>
        }
    });
    let counted = props.audits.count;
    let behind = props.audits.audits.len();
    html! {
        <>
            if counted != behind {
                <p class="lens-body">
                    { format!("This figure counts {}, from {}.", with_commas(counted), plural(behind, "audit", "audits")) }
                </p>
            }
            if audits.len() < behind {
                <p class="lens-body">
                    { format!("{} of them are no longer on this device.", with_commas(behind - audits.len())) }
                </p>
            }
            <p class="lens-body" role="status">{ showing(&paged.range, audits.len(), audits.len(), "audits") }</p>
            if !audits.is_empty() {
                { scroll_table(TITLE_ID, html! {
                    <table class="lens-table" aria-labelledby={TITLE_ID}>
                        <thead>
                            <tr>
                                <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                                <th scope="col" class="lens-table__header">{ "Template" }</th>
                                <th scope="col" class="lens-table__header">{ "Team" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                                <th scope="col" class="lens-table__header">{ "Audit date" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor's overall judgement" }</th>
                                <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Open" }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }) }
                { pagination("Pages of the figure's audits", &paged) }
            }
        </>
    }
}
