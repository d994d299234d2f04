//! The audits behind one figure of a report, a page at a time, each opening its record. The
//! worker names them (`AnalysisRequest::FigureAudits`); the page draws them from the audits it
//! already holds, so a figure over 10,000 audits costs one list of ids. Where the list was left
//! (its page, the audit last opened) is kept above the screen in `OpenFigure`, so coming back
//! from an audit lands on the same page with focus on that audit's Open button.

use std::collections::BTreeMap;
use std::rc::Rc;

use lens_analysis::protocol::figure_audits::{FigureAudits, FigureAuditsRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, FigureRow};
use lens_core::{find_template, Audit, AuditId, Template};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::figures::FigureName;
use super::ReportAsk;
use crate::analysis::snapshot_source;
use crate::app::Session;
use crate::components::audit_cells::{case_cell, open_cell_at};
use crate::components::pagination::{page_range, pagination, plural, showing, with_commas, Paged};
use crate::components::scroll_table::scroll_table;
use crate::components::tags::grade_tag;
use crate::ports::PlatformHandle;

const TITLE_ID: &str = "lens-figure-audits-title";

/// The figure whose audits are listed, named by its words; the page of the list on screen; and
/// the audit last opened from it, whose button takes focus on coming back.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct OpenFigure {
    pub name: FigureName,
    pub page: usize,
    pub opened: Option<AuditId>,
}

impl OpenFigure {
    /// A figure just opened: its first page, no audit opened yet.
    pub(crate) fn first_page(name: FigureName) -> Self {
        OpenFigure { name, page: 0, opened: None }
    }
}

/// The row the report on screen has for `open`, found by its words: figures are numbered in
/// the order the report makes them, and audits arriving can renumber them.
pub(crate) fn row_of<'a>(
    rows: impl IntoIterator<Item = &'a FigureRow>,
    open: &OpenFigure,
) -> Option<&'a FigureRow> {
    rows.into_iter().find(|row| row.figure.is_some() && open.name.names(row))
}

#[derive(Properties, PartialEq)]
pub(crate) struct FigureAuditListProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The report the figure is in.
    pub report: ReportAsk,
    /// The figure's row in the report on screen, with its place in the report.
    pub row: FigureRow,
    /// The page of the list to show, from 0, and the audit last opened from it.
    pub page: usize,
    pub opened: Option<AuditId>,
    /// Another page asked for.
    pub onpage: Callback<usize>,
    /// An audit opened from the list.
    pub onopen: Callback<AuditId>,
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
    // Replies are not cancelled when the records change: each carries the generation it was
    // asked in and is dropped if a newer one has been asked since.
    let generation = use_mut_ref(|| 0_u64);
    {
        // Focus starts on the heading, unless this is the way back from an audit: then the
        // list, once drawn, puts it on that audit's button. A failure is announced from the top.
        let heading = heading.clone();
        let back_from_audit = props.opened.is_some();
        let failed = matches!(*listed, Listed::Failed(_));
        use_effect_with(failed, move |failed| {
            if !back_from_audit || *failed {
                focus(&heading);
            }
        });
    }
    {
        let (listed, platform, session) = (listed.clone(), props.platform.clone(), props.session.clone());
        let figure = props.row.figure;
        use_effect_with(
            (props.report.clone(), figure, props.session.audits.clone(), props.session.moderations.clone()),
            move |(report, figure, _, _)| {
                let this_generation = {
                    let mut latest = generation.borrow_mut();
                    *latest += 1;
                    *latest
                };
                let (report, figure) = (report.clone(), *figure);
                listed.set(Listed::Waiting);
                let Some(figure) = figure else {
                    listed.set(Listed::Failed(
                        "A signed report's figures do not keep their audits.".to_owned(),
                    ));
                    return;
                };
                spawn_local(async move {
                    let report = report.over(snapshot_source(&session).await);
                    let request = AnalysisRequest::FigureAudits(FigureAuditsRequest { report, figure });
                    let reply = platform.analyse(request).await;
                    if *generation.borrow() != this_generation {
                        return;
                    }
                    listed.set(match reply {
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
    let row = &props.row;
    let shown = match &*listed {
        Listed::Ready(audits) if row.measure == audits.measure && row.breakdown == audits.breakdown => {
            Ok(Some(audits.clone()))
        }
        Listed::Ready(_) => Err("The audits on this device have changed since this report was made, so this figure is not the one you opened: go back to the report to see it as it is now.".to_owned()),
        Listed::Failed(message) => Err(message.clone()),
        Listed::Waiting => Ok(None),
    };
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onclose.clone()}>{ "Back to the whole report" }</button>
            <h4 class="lens-heading-s" id={TITLE_ID} tabindex="-1" ref={heading.clone()}>
                { "The audits behind a figure" }
            </h4>
            <dl class="lens-summary-list">
                { summary_row("What is counted", &row.measure) }
                { summary_row("Breakdown", &row.breakdown) }
                { summary_row("Count", &count_words(row)) }
            </dl>
            { match shown {
                Ok(None) => html! { <p class="lens-body" role="status">{ "Finding the audits behind this figure…" }</p> },
                Ok(Some(audits)) => html! {
                    <AuditRows audits={audits} session={props.session.clone()} templates={props.templates.clone()}
                        page={props.page} onpage={props.onpage.clone()} returned_to={props.opened.clone()}
                        {heading} onopen={props.onopen.clone()} />
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

/// What Reports shows for a figure that was open when the report was made again without it.
pub(crate) fn figure_gone(name: &FigureName, onclose: &Callback<()>) -> Html {
    let onclick = {
        let onclose = onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <h4 class="lens-heading-s" id={TITLE_ID}>{ "This figure is no longer in the report" }</h4>
            <p class="lens-body">
                { format!("The report made from the audits on this device now has no figure \"{}\" for \"{}\", so there are no audits to list behind it.", name.measure, name.breakdown) }
            </p>
            <button type="button" class="lens-button lens-button--secondary" {onclick}>{ "Back to the whole report" }</button>
        </section>
    }
}

fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
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
    page: usize,
    onpage: Callback<usize>,
    /// The audit just come back from, whose Open button takes focus; the heading takes it when
    /// that audit is not on the page.
    returned_to: Option<AuditId>,
    heading: NodeRef,
    onopen: Callback<AuditId>,
}

/// The audits a page at a time, as the device holds them.
#[component]
fn AuditRows(props: &AuditRowsProps) -> Html {
    let returned_node = use_node_ref();
    {
        let (returned_node, heading, returning) =
            (returned_node.clone(), props.heading.clone(), props.returned_to.is_some());
        use_effect_with((), move |_| {
            if returning {
                if returned_node.get().is_some() {
                    focus(&returned_node);
                } else {
                    focus(&heading);
                }
            }
        });
    }
    let by_id: BTreeMap<&str, &Audit> =
        props.session.audits.iter().map(|audit| (audit.value.id.as_str(), &audit.value)).collect();
    let audits: Vec<&Audit> =
        props.audits.audits.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect();
    let (range, current, pages) = page_range(audits.len(), props.page);
    let paged = Paged { range, current, pages, onpage: props.onpage.clone() };
    let rows = audits[paged.range.clone()].iter().map(|audit| {
        let template = find_template(&props.templates, &audit.template);
        let title = template.map_or_else(|| audit.template.to_string(), |template| template.title.clone());
        let overall = template.and_then(|template| {
            let code = audit.overall_grade(template)?;
            template.scale.as_ref()?.grade(&code).map(grade_tag)
        });
        let team = if audit.team().trim().is_empty() { "Not given".to_owned() } else { audit.team().trim().to_owned() };
        let node = if props.returned_to.as_ref() == Some(&audit.id) { returned_node.clone() } else { NodeRef::default() };
        html! {
            <tr class="lens-table__row">
                { case_cell(audit) }
                <td class="lens-table__cell">{ title }</td>
                <td class="lens-table__cell">{ team }</td>
                <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                <td class="lens-table__cell">{ audit.audited_on(template).format("%-d %B %Y").to_string() }</td>
                <td class="lens-table__cell">{ overall.unwrap_or_else(|| html! { "Not judged" }) }</td>
                { open_cell_at(audit, &props.onopen, node) }
            </tr>
        }
    });
    let counted = props.audits.count;
    let behind = props.audits.audits.len();
    html! {
        <>
            if counted != behind {
                <p class="lens-body">
                    { format!("{}: {}, from {}.", props.audits.measure, with_commas(counted), plural(behind, "audit", "audits")) }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(measure: &str, breakdown: &str, figure: Option<usize>) -> FigureRow {
        FigureRow {
            measure: measure.into(),
            breakdown: breakdown.into(),
            overall: false,
            count: 3,
            of: None,
            share: String::new(),
            figure,
        }
    }

    #[test]
    fn an_open_figure_is_found_by_its_words_wherever_the_report_now_numbers_it() {
        let open = OpenFigure::first_page(FigureName {
            measure: "Audits completed".into(),
            breakdown: "West".into(),
        });
        let before = [row("Audits completed", "All", Some(0)), row("Audits completed", "West", Some(1))];
        assert_eq!(row_of(&before, &open).and_then(|row| row.figure), Some(1));
        let renumbered = [
            row("Audits completed", "All", Some(0)),
            row("Audits completed", "East", Some(1)),
            row("Audits completed", "West", Some(2)),
        ];
        assert_eq!(row_of(&renumbered, &open).and_then(|row| row.figure), Some(2));
        let gone = [row("Audits completed", "All", Some(0))];
        assert_eq!(row_of(&gone, &open), None, "a figure the report no longer has is not another one");
        let signed = [row("Audits completed", "West", None)];
        assert_eq!(row_of(&signed, &open), None, "a row that keeps no audits opens none");
    }
}
