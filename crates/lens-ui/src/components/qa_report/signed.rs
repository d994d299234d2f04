//! A signed QA report as it was signed: its findings, the quotes they draw on and its figures
//! as they were that day, printable on its own pages and downloadable as JSON and CSV. It asks
//! the worker nothing, so it never changes.

use lens_analysis::protocol::frozen::thaw;
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, QaReportFileRequest, ReportFormat};
use lens_store::qa_report::{stored_body, QaReport, SignOff};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::page::{evidence_list, figures, long_date, ReportTitle};
use super::state::field_id;
use crate::components::download::{download, DownloadFile};
use crate::components::focus::use_focus_on_mount;
use crate::components::themes_panel::sides::OpenQuote;
use crate::ports::PlatformHandle;
use crate::PrintedPage;

const TITLE_ID: &str = "lens-qa-title";

#[derive(Properties, PartialEq)]
pub(crate) struct SignedReportProps {
    pub platform: PlatformHandle,
    pub report: QaReport,
    pub title: ReportTitle,
    /// The protective marking printed on every page, from `config`.
    pub marking: Option<String>,
    pub onopen: OpenQuote,
    pub onback: Callback<()>,
}

#[component]
pub(crate) fn SignedReport(props: &SignedReportProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let report = &props.report;
    let Some(sign_off) = &report.sign_off else { return Html::default() };
    let on_print = {
        let (platform, marking, title) =
            (props.platform.clone(), props.marking.clone(), props.title.printed());
        Callback::from(move |_: MouseEvent| {
            let now = platform.now();
            let printed = format!("Printed on {} at {}", now.format("%-d %B %Y"), now.format("%H:%M"));
            platform.print(&PrintedPage { marking: marking.clone(), printed, title: Some(title.clone()) });
        })
    };
    let download_problem = use_state(|| None::<String>);
    // The worker writes the files, so their writers stay out of the page's first load.
    let on_download = |format: ReportFormat| {
        let (platform, report, download_problem) =
            (props.platform.clone(), report.clone(), download_problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (platform, report, download_problem) =
                (platform.clone(), report.clone(), download_problem.clone());
            spawn_local(async move {
                let request = QaReportFileRequest { body: stored_body(&report), format };
                let contents = match platform.analyse(AnalysisRequest::QaReportFile(request)).await {
                    Ok(AnalysisReply::File { contents }) => contents,
                    Ok(AnalysisReply::Refused { message }) => return download_problem.set(Some(message)),
                    Ok(_) => {
                        return download_problem
                            .set(Some("The file could not be made: reload the page to carry on.".to_owned()))
                    }
                    Err(unavailable) => return download_problem.set(Some(unavailable.message)),
                };
                download_problem.set(None);
                let stem = format!("practice-lens-qa-report-{}-to-{}", report.from, report.to);
                let (extension, media_type, name) = match format {
                    ReportFormat::Csv => ("csv", "text/csv", "CSV"),
                    ReportFormat::Json => ("json", "application/json", "JSON"),
                };
                download(
                    &platform,
                    &DownloadFile {
                        file_name: format!("{stem}.{extension}"),
                        media_type,
                        contents,
                        what: format!("the signed QA report as {name}"),
                    },
                );
            });
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let findings = report.findings.iter().map(|findings| {
        let id = field_id(findings.heading);
        let paragraphs = findings.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|paragraph| {
            html! { <p class="lens-body lens-qa-paragraph">{ paragraph.to_owned() }</p> }
        });
        html! {
            <section class="lens-qa-heading" aria-labelledby={id.clone()}>
                <h4 class="lens-heading-m" id={id.clone()}>{ findings.heading.label() }</h4>
                { for paragraphs }
                <div class="lens-no-print">{ evidence_list(&format!("{id}-evidence"), &findings.evidence, &props.onopen) }</div>
            </section>
        }
    });
    let view = thaw(&sign_off.figures, report.from, report.to);
    html! {
        <section class="lens-section lens-qa-report" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to reports" }</button>
            { props.title.view(TITLE_ID, heading) }
            <p class="lens-body"><strong class="lens-tag lens-tag--green">{ "Signed off" }</strong>{ " " }{ signed_words(sign_off, report) }</p>
            <div class="lens-button-group">
                <button type="button" class="lens-button" id="lens-qa-print" onclick={on_print}>{ "Print the report" }</button>
                <button type="button" class="lens-button lens-button--secondary" onclick={on_download(ReportFormat::Csv)}>{ "Download as CSV" }</button>
                <button type="button" class="lens-button lens-button--secondary" onclick={on_download(ReportFormat::Json)}>{ "Download as JSON" }</button>
            </div>
            if let Some(problem) = &*download_problem {
                <div class="lens-notification lens-notification--error" role="alert">
                    <h4 class="lens-heading-s">{ "The report could not be downloaded" }</h4>
                    <p class="lens-body">{ problem.clone() }</p>
                </div>
            }
            { for findings }
            { figures(&view) }
        </section>
    }
}

/// "by Dana Morgan on 6 October 2026. Written by …" when another person wrote it.
fn signed_words(sign_off: &SignOff, report: &QaReport) -> String {
    let signed = format!("by {} on {}.", sign_off.by, long_date(sign_off.on));
    if report.written_by.trim().is_empty() || report.written_by == sign_off.by {
        format!("{signed} The figures are as they were that day.")
    } else {
        format!("{signed} Written by {}. The figures are as they were that day.", report.written_by)
    }
}
