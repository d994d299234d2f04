//! The element's methods for the host page (README, "The element's methods"), version
//! [`summary::API_VERSION`]: `importBundle` imports what does not conflict, in one atomic write,
//! and lists the rest for a person to decide; `exportBundle` makes a bundle of the audits a
//! filter chooses; `exampleBundle` generates example data for trying the toolkit. All go through the analysis worker, exactly as the import screen and the
//! audit list's export do, and an export is logged as the device's last export.

mod filter;
mod summary;

use chrono::Utc;
use lens_analysis::protocol::export::{ExportFormat, ExportRequest};
use lens_analysis::protocol::import::{ApplyImportRequest, ImportPreviewRequest, ImportReply, ImportRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, ExampleRequest};
use lens_core::{AuditFilter, Template};
use lens_store::device_log::{record_export, DeviceLog};
use yew::Callback;

use crate::analysis::data_source;
use crate::app::Session;
use crate::components::{keep_in_memory, oversize, selection_words};
use crate::ports::{ChosenFile, HostRequest, PlatformHandle, StorageKind};

/// What answering the host page may need from the app.
#[derive(Clone)]
pub(crate) struct HostContext {
    /// The data shown, once it has opened.
    pub session: Option<Session>,
    pub platform: PlatformHandle,
    pub templates: std::rc::Rc<Vec<Template>>,
    /// The person `config` names: only their reflections are imported.
    pub reader: Option<String>,
    /// Records were written: read the device again.
    pub onreload: Callback<()>,
    /// An export was logged.
    pub onexported: Callback<DeviceLog>,
}

/// Answers one request of the host page.
pub(crate) async fn answer_host(request: HostRequest, context: HostContext) {
    match request {
        HostRequest::ImportBundle { file, reply } => reply.send(import_bundle(file, &context).await),
        HostRequest::ExportBundle { filter, reply } => {
            reply.send(export_bundle(filter.as_deref(), &context).await)
        }
        HostRequest::ExampleBundle { seed, reply } => reply.send(example_bundle(seed, &context).await),
    }
}

/// The seed the host page gave, if it is a whole number a bundle can be generated from.
fn read_seed(seed: f64) -> Result<u64, String> {
    const LARGEST_EXACT: f64 = 9_007_199_254_740_991.0;
    if seed.is_finite() && seed >= 0.0 && seed.fract() == 0.0 && seed <= LARGEST_EXACT {
        Ok(seed as u64)
    } else {
        Err(format!("exampleBundle takes a whole number from 0 as its seed, not {seed}"))
    }
}

/// Example data from the seeded generator: three months of audits ending today.
async fn example_bundle(seed: f64, context: &HostContext) -> Result<String, String> {
    let request = ExampleRequest { seed: read_seed(seed)?, today: context.platform.now().date_naive() };
    match context.platform.analyse(AnalysisRequest::Example(request)).await {
        Ok(AnalysisReply::File { contents }) => Ok(contents),
        Ok(AnalysisReply::Refused { message }) => Err(message),
        Ok(_) => Err("The example data could not be made: try again.".to_owned()),
        Err(unavailable) => Err(unavailable.message),
    }
}

const STILL_OPENING: &str =
    "Practice Lens is still opening its data on this device: call it again after the element's lens-ready event";

/// Previews the file and writes whatever is new or updated; conflicts keep this device's copy.
async fn import_bundle(file: ChosenFile, context: &HostContext) -> Result<String, String> {
    let session = context.session.clone().ok_or_else(|| STILL_OPENING.to_owned())?;
    if let Some(too_large) = oversize(&[(file.name.clone(), file.bytes)]).pop() {
        return Err(too_large);
    }
    let name = file.name.clone();
    let progress = Callback::from(|_| ());
    let request = ImportRequest::Preview(ImportPreviewRequest {
        source: data_source(&session.store).await,
        files: vec![name.clone()],
        reader: context.reader.clone(),
    });
    let preview = match context.platform.import(request, vec![file], progress.clone()).await {
        Ok(ImportReply::Preview(preview)) => preview,
        Ok(ImportReply::Refused { message }) => return Err(message),
        Ok(ImportReply::Imported(_)) => {
            return Err("The import could not be previewed: try again.".to_owned())
        }
        Err(unavailable) => return Err(unavailable.message),
    };
    if let Some(problems) = preview.files.iter().find(|file| !file.problems.is_empty()) {
        return Err(format!("{name} was not imported: {}", problems.problems.join("; ")));
    }
    if preview.total.new + preview.total.updated == 0 {
        return Ok(summary::import_summary(&preview, None));
    }
    let request = ImportRequest::Apply(ApplyImportRequest {
        source: data_source(&session.store).await,
        import: preview.import,
        choices: Vec::new(),
        now: context.platform.now().with_timezone(&Utc),
    });
    let outcome = match context.platform.import(request, Vec::new(), progress).await {
        Ok(ImportReply::Imported(outcome)) => outcome,
        Ok(ImportReply::Refused { message }) => return Err(message),
        Ok(ImportReply::Preview(_)) => return Err("The import was not written: try again.".to_owned()),
        Err(unavailable) => return Err(unavailable.message),
    };
    if matches!(session.store.kind, StorageKind::Memory { .. }) {
        keep_in_memory(&session, &outcome)
            .await
            .map_err(|reason| format!("{reason} Nothing was imported."))?;
    }
    context.onreload.emit(());
    Ok(summary::import_summary(&preview, Some(&outcome)))
}

/// The bundle of the audits the filter chooses, logged as the device's last export.
async fn export_bundle(filter: Option<&str>, context: &HostContext) -> Result<String, String> {
    let selection = filter::read_filter(filter)?;
    let session = context.session.clone().ok_or_else(|| STILL_OPENING.to_owned())?;
    let request = ExportRequest {
        source: data_source(&session.store).await,
        selection: selection.clone(),
        format: ExportFormat::Bundle,
        now: context.platform.now().to_utc(),
    };
    let set = match context.platform.analyse(AnalysisRequest::Export(request)).await {
        Ok(AnalysisReply::Exported(set)) => set,
        Ok(AnalysisReply::Refused { message }) => return Err(message),
        Ok(_) => return Err("The bundle could not be made: try again.".to_owned()),
        Err(unavailable) => return Err(unavailable.message),
    };
    let scope = selection_words(&AuditFilter::from(&selection), &context.templates)
        .map(|words| format!(" ({words})"))
        .unwrap_or_default();
    let what = format!(
        "{} audit(s) and {} moderation(s){scope} as JSON, to the host page",
        set.audits, set.moderations
    );
    match record_export(&*session.store.store, &what, context.platform.now().to_utc()).await {
        Ok(log) => context.onexported.emit(log),
        Err(error) => return Err(format!("The export could not be logged, so it was not made: {error}")),
    }
    Ok(set.contents)
}

#[cfg(test)]
mod tests {
    use super::read_seed;

    #[test]
    fn a_seed_is_a_whole_number_from_zero() {
        assert_eq!(read_seed(2027.0), Ok(2027));
        assert_eq!(read_seed(0.0), Ok(0));
        for wrong in [-1.0, 1.5, f64::NAN, f64::INFINITY, 1e17] {
            assert!(
                read_seed(wrong).unwrap_err().starts_with("exampleBundle takes a whole number"),
                "{wrong}"
            );
        }
    }
}
