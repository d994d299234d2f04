//! Export of the audits the list shows: the filters as they stand choose the audits, and the
//! analysis worker writes them, with their moderations, as a bundle or one of the CSV files.
//! The file is logged as the device's last export. Reflections are never in it.

mod words;

use std::rc::Rc;

use lens_analysis::protocol::export::{AuditSelection, ExportFormat, ExportRequest, ExportedSet};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, CsvPart};
use lens_core::{AuditFilter, Template};
use lens_store::device_log::DeviceLog;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::download::{download_logged, DownloadFile, LoggedAs};
use crate::analysis::data_source;
use crate::ports::{OpenedStore, PlatformHandle};
pub(crate) use words::selection_words;
use words::{export_file_name, export_what};

#[derive(Properties, PartialEq)]
pub(crate) struct ExportAuditsProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The audit list's filters as they stand.
    pub filter: AuditFilter,
    /// How many audits the list shows with them.
    pub shown: usize,
    pub onexported: Callback<DeviceLog>,
}

/// Where an export has got.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Making,
    Made(String),
    Failed(String),
}

/// The formats offered, with their button words.
const FORMATS: [(ExportFormat, &str); 5] = [
    (ExportFormat::Bundle, "Download the listed audits as JSON"),
    (ExportFormat::Csv(CsvPart::Answers), "Download their answers as CSV"),
    (ExportFormat::Csv(CsvPart::Actions), "Download their actions as CSV"),
    (ExportFormat::Csv(CsvPart::Amendments), "Download their amendments as CSV"),
    (ExportFormat::Csv(CsvPart::FollowUp), "Download their follow-up as CSV"),
];

#[component]
pub(crate) fn ExportAudits(props: &ExportAuditsProps) -> Html {
    let progress = use_state(|| Progress::Idle);
    // Set while a file is being made, so a second click cannot start a second one.
    let busy = use_mut_ref(|| false);
    let described = selection_words(&props.filter, &props.templates);
    let start = |format: ExportFormat| {
        let (store, platform, onexported) =
            (props.store.clone(), props.platform.clone(), props.onexported.clone());
        let (filter, described, progress) = (props.filter.clone(), described.clone(), progress.clone());
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            if busy.replace(true) {
                return;
            }
            progress.set(Progress::Making);
            let busy = busy.clone();
            let (store, platform, onexported) = (store.clone(), platform.clone(), onexported.clone());
            let (filter, described, progress) = (filter.clone(), described.clone(), progress.clone());
            spawn_local(async move {
                let now = platform.now();
                let request = ExportRequest {
                    source: data_source(&store).await,
                    selection: AuditSelection::from(&filter),
                    format,
                    now: now.to_utc(),
                };
                let reply = platform.analyse(AnalysisRequest::Export(request)).await;
                progress.set(match reply {
                    Ok(AnalysisReply::Exported(set)) => {
                        let made = made_sentence(&set, format, described.as_deref());
                        let file = DownloadFile {
                            file_name: export_file_name(format, &filter, now.date_naive()),
                            media_type: if format == ExportFormat::Bundle {
                                "application/json"
                            } else {
                                "text/csv"
                            },
                            what: export_what(&set, format, described.as_deref()),
                            contents: set.contents,
                        };
                        if download_logged(&store, &platform, file, LoggedAs::Export, &onexported) {
                            Progress::Made(made)
                        } else {
                            Progress::Failed("the browser did not accept the download. It may block downloads from this page.".into())
                        }
                    }
                    Ok(AnalysisReply::Refused { message }) => Progress::Failed(message),
                    Ok(_) => {
                        Progress::Failed("The file could not be made: reload the page to carry on.".into())
                    }
                    Err(unavailable) => Progress::Failed(unavailable.message),
                });
                busy.replace(false);
            });
        })
    };
    let making = *progress == Progress::Making;
    let buttons = FORMATS.iter().map(|(format, label)| {
        html! {
            <button type="button" class="lens-button lens-button--secondary" onclick={start(*format)}
                disabled={making} aria-describedby="lens-export-audits-hint">
                { *label }
            </button>
        }
    });
    let scope = match &described {
        Some(words) => format!("The {} listed ({words})", count(props.shown)),
        None => format!("All {} on this device", count(props.shown)),
    };
    html! {
        <div class="lens-export-audits" role="group" aria-labelledby="lens-export-audits-title">
            <h4 class="lens-heading-s" id="lens-export-audits-title">{ "Export the audits listed" }</h4>
            <p class="lens-hint" id="lens-export-audits-hint">
                { format!("{scope}. The JSON file holds them with their moderations and templates, for a colleague or the QA team to import; the CSV files open in a spreadsheet. Practitioners' reflections are never included.") }
            </p>
            <div class="lens-button-group">{ for buttons }</div>
            <p class="lens-body" role="status" aria-live="polite">
                { match &*progress {
                    Progress::Idle => Html::default(),
                    Progress::Making => html! { { "Making the file…" } },
                    Progress::Made(sentence) => html! { { sentence.clone() } },
                    Progress::Failed(message) => html! {
                        <span class="lens-error-message">{ format!("The file was not made: {message}") }</span>
                    },
                } }
            </p>
        </div>
    }
}

/// "1 audit", "120 audits".
fn count(audits: usize) -> String {
    format!("{audits} {}", if audits == 1 { "audit" } else { "audits" })
}

/// What the person is told once the file is handed to the browser.
fn made_sentence(set: &ExportedSet, format: ExportFormat, described: Option<&str>) -> String {
    let mut sentence = format!("Downloaded {}.", export_what(set, format, described));
    if set.unreadable > 0 {
        sentence.push_str(&format!(
            " {} record(s) on this device could not be read and are not in the file: Home lists them.",
            set.unreadable
        ));
    }
    sentence
}
