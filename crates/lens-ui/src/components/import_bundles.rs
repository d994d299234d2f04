//! Importing other devices' audits and moderations: choose or drop the files, see what each
//! would do before anything is written, decide each conflict, then write it all at once.
//!
//! The analysis worker reads, checks and writes (its import desk), so the page keeps
//! answering while a council's 10,000 audits come in, and the write is one transaction: a
//! reload, a crash or a closed tab leaves all of the import or none of it.

mod preview;
mod state;

use std::rc::Rc;

use lens_analysis::protocol::import::{
    ApplyImportRequest, ImportChoice, ImportOutcome, ImportPreview, ImportPreviewRequest, ImportProgress,
    ImportReply, ImportRequest, ImportedRecord,
};
use lens_store::StoredRecord;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub(crate) use self::state::oversize;
use self::state::{size_words, Choices};
use super::focus::use_focus_on_mount;
use super::pagination::{plural, with_commas};
use crate::analysis::data_source;
use crate::app::Session;
use crate::ports::{ChosenFile, PlatformHandle, StorageKind};

const TITLE_ID: &str = "lens-import-title";
const INPUT_ID: &str = "lens-import-files";

#[derive(Properties, PartialEq)]
pub(crate) struct ImportBundlesProps {
    pub session: Session,
    pub platform: PlatformHandle,
    /// The person `config` names: only their own reflections come in.
    pub reader: Option<String>,
    /// The import was written: the session reads the device again.
    pub onimported: Callback<()>,
    pub onback: Callback<()>,
}

/// Where the import is.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Choosing files.
    Choosing,
    /// The worker is reading, checking or writing.
    Working(ImportProgress),
    /// What the files would do, for the person to decide.
    Previewed(Rc<ImportPreview>),
    /// Written.
    Done(ImportOutcome),
}

#[component]
pub(crate) fn ImportBundles(props: &ImportBundlesProps) -> Html {
    let title = use_node_ref();
    use_focus_on_mount(title.clone());
    let files = use_state(Vec::<ChosenFile>::new);
    let stage = use_state(|| Stage::Choosing);
    let choices = use_state(Choices::default);
    let problem = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    // Set while the worker reads or writes, so a second click sends nothing.
    let busy = use_mut_ref(|| false);

    let take_files = {
        let (files, problem, stage) = (files.clone(), problem.clone(), stage.clone());
        Callback::from(move |list: Option<web_sys::FileList>| {
            let Some(list) = list else { return };
            let chosen: Vec<ChosenFile> =
                (0..list.length()).filter_map(|index| list.item(index)).map(ChosenFile::new).collect();
            if chosen.is_empty() {
                return;
            }
            problem.set(None);
            stage.set(Stage::Choosing);
            files.set(chosen);
        })
    };
    let onchange = {
        let take_files = take_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            take_files.emit(input.files());
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, take_files) = (dragging.clone(), take_files.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            take_files.emit(event.data_transfer().and_then(|transfer| transfer.files()));
        })
    };

    let on_progress = {
        let stage = stage.clone();
        Callback::from(move |step: ImportProgress| stage.set(Stage::Working(step)))
    };
    let check = {
        let (files, stage, choices, problem) =
            (files.clone(), stage.clone(), choices.clone(), problem.clone());
        let (session, platform, reader, on_progress) =
            (props.session.clone(), props.platform.clone(), props.reader.clone(), on_progress.clone());
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy.borrow() {
                return;
            }
            let chosen = (*files).clone();
            if chosen.is_empty() {
                problem.set(Some("Choose at least one file to import".to_owned()));
                return;
            }
            let sizes: Vec<(String, f64)> =
                chosen.iter().map(|file| (file.name.clone(), file.bytes)).collect();
            let too_large = oversize(&sizes);
            if !too_large.is_empty() {
                problem.set(Some(too_large.join(". ")));
                return;
            }
            problem.set(None);
            choices.set(Choices::default());
            busy.replace(true);
            stage.set(Stage::Working(ImportProgress { step: "Starting".into(), done: 0, total: 1 }));
            let busy = busy.clone();
            let (stage, problem, session, platform, reader, on_progress) = (
                stage.clone(),
                problem.clone(),
                session.clone(),
                platform.clone(),
                reader.clone(),
                on_progress.clone(),
            );
            spawn_local(async move {
                let request = ImportRequest::Preview(ImportPreviewRequest {
                    source: data_source(&session.store).await,
                    files: chosen.iter().map(|file| file.name.clone()).collect(),
                    reader,
                });
                let reply = platform.import(request, chosen, on_progress).await;
                busy.replace(false);
                match reply {
                    Ok(ImportReply::Preview(preview)) => {
                        problem.set(None);
                        stage.set(Stage::Previewed(Rc::new(preview)));
                    }
                    Ok(ImportReply::Refused { message }) => {
                        stage.set(Stage::Choosing);
                        problem.set(Some(message));
                    }
                    Ok(ImportReply::Imported(_)) => stage.set(Stage::Choosing),
                    Err(unavailable) => {
                        stage.set(Stage::Choosing);
                        problem.set(Some(unavailable.message));
                    }
                }
            });
        })
    };
    let onchoose = {
        let choices = choices.clone();
        Callback::from(move |(record, choice): (ImportedRecord, ImportChoice)| {
            let mut next = (*choices).clone();
            next.set(record, choice);
            choices.set(next);
        })
    };
    let apply = {
        let (stage, choices, problem) = (stage.clone(), choices.clone(), problem.clone());
        let (session, platform, onimported) =
            (props.session.clone(), props.platform.clone(), props.onimported.clone());
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            let Stage::Previewed(preview) = (*stage).clone() else { return };
            if *busy.borrow() {
                return;
            }
            busy.replace(true);
            let busy = busy.clone();
            let chosen = choices.chosen();
            let (stage, problem, session, platform, onimported, on_progress) = (
                stage.clone(),
                problem.clone(),
                session.clone(),
                platform.clone(),
                onimported.clone(),
                on_progress.clone(),
            );
            stage.set(Stage::Working(ImportProgress { step: "Starting to write".into(), done: 0, total: 1 }));
            spawn_local(async move {
                let request = ImportRequest::Apply(ApplyImportRequest {
                    source: data_source(&session.store).await,
                    import: preview.import,
                    choices: chosen,
                    now: platform.now().with_timezone(&chrono::Utc),
                });
                let reply = platform.import(request, Vec::new(), on_progress).await;
                let reply = match reply {
                    Ok(ImportReply::Imported(outcome)) => match session.store.kind {
                        StorageKind::Memory { .. } => match keep_in_memory(&session, &outcome).await {
                            Ok(()) => Ok(ImportReply::Imported(outcome)),
                            Err(reason) => Ok(ImportReply::Refused {
                                message: format!("{reason} Nothing was imported."),
                            }),
                        },
                        StorageKind::IndexedDb => Ok(ImportReply::Imported(outcome)),
                    },
                    other => other,
                };
                busy.replace(false);
                match reply {
                    Ok(ImportReply::Imported(outcome)) => {
                        problem.set(None);
                        stage.set(Stage::Done(outcome));
                        onimported.emit(());
                    }
                    Ok(ImportReply::Refused { message }) => {
                        stage.set(Stage::Previewed(preview));
                        problem.set(Some(message));
                    }
                    Ok(ImportReply::Preview(_)) => stage.set(Stage::Previewed(preview)),
                    Err(unavailable) => {
                        stage.set(Stage::Previewed(preview));
                        problem.set(Some(unavailable.message));
                    }
                }
            });
        })
    };
    let start_again = {
        let (stage, files, problem) = (stage.clone(), files.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            stage.set(Stage::Choosing);
            files.set(Vec::new());
            problem.set(None);
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };

    let problem_box = problem.as_ref().map(|message| {
        html! {
            <div class="lens-notification lens-notification--error" role="alert">
                <h4 class="lens-heading-s">{ "Nothing was imported" }</h4>
                <p class="lens-body" id="lens-import-problem">{ message.clone() }</p>
            </div>
        }
    });
    let body = match &*stage {
        Stage::Choosing => {
            let zone = if *dragging { "lens-file-drop lens-file-drop--over" } else { "lens-file-drop" };
            let listed = files.iter().map(|file| {
                html! { <li>{ format!("{} ({})", file.name, size_words(file.bytes)) }</li> }
            });
            html! {
                <>
                    <div class={zone} {ondragover} {ondragleave} {ondrop}>
                        <div class="lens-form-group">
                            <label class="lens-label" for={INPUT_ID}>{ "Files to import" }</label>
                            <p class="lens-hint" id="lens-import-files-hint">
                                { "Choose one or more .json files, or drop them here. Each is checked before anything is written." }
                            </p>
                            <input class="lens-file-upload" id={INPUT_ID} type="file" multiple=true accept=".json,application/json"
                                aria-describedby="lens-import-files-hint" {onchange} />
                        </div>
                    </div>
                    if !files.is_empty() {
                        <h4 class="lens-heading-s" id="lens-import-chosen">{ plural(files.len(), "file chosen", "files chosen") }</h4>
                        <ul class="lens-list lens-list--bullet" aria-labelledby="lens-import-chosen">{ for listed }</ul>
                    }
                    <div class="lens-button-group">
                        <button type="button" class="lens-button" id="lens-import-check" onclick={check}>{ "Check these files" }</button>
                        <button type="button" class="lens-button lens-button--secondary" onclick={onback.clone()}>{ "Back to Home" }</button>
                    </div>
                </>
            }
        }
        Stage::Working(step) => html! {
            <div class="lens-form-group">
                <label class="lens-label" for="lens-import-progress">{ step.step.clone() }</label>
                <progress class="lens-progress" id="lens-import-progress" max={step.total.max(1).to_string()}
                    value={step.done.to_string()}>
                    { format!("{} of {}", step.done, step.total) }
                </progress>
                <p class="lens-hint" role="status">{ "You can keep using the page while this runs." }</p>
            </div>
        },
        Stage::Previewed(preview) => {
            let writes = choices.records_to_write(preview);
            let conflicts = preview
                .conflicts
                .iter()
                .enumerate()
                .map(|(index, conflict)| preview::conflict(index, conflict, &choices, &onchoose));
            html! {
                <>
                    <h4 class="lens-heading-m" id="lens-import-preview-title">{ "What these files would do" }</h4>
                    <p class="lens-body">
                        { format!(
                            "Nothing has been written yet. {} new, {} updated, {} already here, {} in conflict and {} refused.",
                            with_commas(preview.total.new), with_commas(preview.total.updated),
                            with_commas(preview.total.unchanged), with_commas(preview.total.conflicts),
                            with_commas(preview.total.refused)
                        ) }
                    </p>
                    { preview::summary(preview) }
                    if !preview.conflicts.is_empty() {
                        <h4 class="lens-heading-m">{ format!("Decide {}", plural(preview.conflicts.len(), "conflict", "conflicts")) }</h4>
                        <p class="lens-body">{ "Each record below is different here and in the file. Compare them and choose what to keep; unless you choose otherwise, this device's copy stays." }</p>
                        { for conflicts }
                    }
                    { preview::refusals(preview) }
                    <div class="lens-button-group">
                        <button type="button" class="lens-button" id="lens-import-apply" onclick={apply} disabled={writes == 0}>
                            { if writes == 0 { "Nothing to import".to_owned() } else { format!("Import {}", plural(writes, "record", "records")) } }
                        </button>
                        <button type="button" class="lens-button lens-button--secondary" onclick={start_again.clone()}>{ "Choose other files" }</button>
                    </div>
                </>
            }
        }
        Stage::Done(outcome) => html! {
            <>
                <div class="lens-panel" role="status">
                    <h4 class="lens-heading-l" id="lens-import-done">{ format!("{} imported", plural(outcome.written, "record", "records")) }</h4>
                    if outcome.copies > 0 {
                        <p class="lens-body">{ format!("{} of them kept as separate copies beside this device's.", outcome.copies) }</p>
                    }
                </div>
                <div class="lens-button-group">
                    <button type="button" class="lens-button" onclick={onback.clone()}>{ "Back to Home" }</button>
                    <button type="button" class="lens-button lens-button--secondary" onclick={start_again}>{ "Import more files" }</button>
                </div>
            </>
        },
    };
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <h3 class="lens-heading-l" id={TITLE_ID} tabindex="-1" ref={title}>{ "Import audits from other devices" }</h3>
            <p class="lens-body">
                { "Bring in the files auditors and moderators downloaded from their own devices. Records already here are matched by their id; nothing is written until you have checked what each file would do." }
            </p>
            { for problem_box }
            { body }
        </section>
    }
}

/// `count` with its noun, e.g. "1 record" or "3,000 records".
/// On memory only the worker could not write to this page's store: keep its records here, all
/// or none, each based on the revision this page holds now.
pub(crate) async fn keep_in_memory(session: &Session, outcome: &ImportOutcome) -> Result<(), String> {
    let store = &session.store.store;
    let mut writes = Vec::with_capacity(outcome.records.len());
    for stored in outcome.records.iter().filter_map(|record| record.to_stored()) {
        let current = store.get(&stored.key).await.map_err(|error| error.to_string())?;
        writes.push(lens_store::RecordWrite {
            expected: lens_store::Expected::from_base(current.map(|record: StoredRecord| record.revision)),
            carried: Some(stored.revision),
            key: stored.key,
            schema_version: stored.schema_version,
            updated_at: stored.updated_at,
            body: stored.body,
        });
    }
    store.put_all(writes).await.map(|_| ()).map_err(|error| error.to_string())
}
