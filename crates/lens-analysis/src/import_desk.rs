//! The worker's side of an import ([`crate::protocol::import`]): it reads and checks the files,
//! compares every record with the device (`lens_store::import::plan_import`), keeps the plan
//! until the person has decided its conflicts, then writes the whole import in one atomic
//! `put_all`, so a reload, a crash or a closed tab leaves all of it or none of it.
//!
//! Only the newest preview is kept: a plan holds every incoming record, and a person works on
//! one import at a time. A preview asked for again, or a worker started afresh, forgets the
//! older one, and applying it says so.

use std::collections::BTreeMap;

use lens_core::AuditId;
use lens_core::Template;
use lens_store::bundle::{parse_bundle, BundleProblem};
use lens_store::council_templates::{carried_templates, read_device_templates, template_write};
use lens_store::import::{plan_import, Choice, DeviceRecords, ImportFile, ImportPlan, Outcome, Tally};
use lens_store::{list_audits, list_moderations, RecordKey, RecordKind, Store, StoreError};

use crate::protocol::import::{
    ApplyImportRequest, ConflictView, DifferenceView, FilePreview, ImportChoice, ImportOutcome,
    ImportPreview, ImportPreviewRequest, ImportProgress, ImportReply, ImportTally, ImportedKind,
    ImportedRecord, PersonPreview, RefusalView,
};
use crate::protocol::RecordMessage;

/// One file as the worker read it: its name, and its text or why it could not be read.
pub struct ReadFile {
    /// The file's name.
    pub name: String,
    /// Its text, or the reason it could not be read, in words.
    pub text: Result<String, String>,
}

/// The import a person is deciding, kept between its preview and its application.
#[derive(Default)]
pub struct ImportDesk {
    last_number: u64,
    /// The plan, and the council templates the files carry that are kept with it.
    preview: Option<(u64, ImportPlan, Vec<Template>)>,
}

impl ImportDesk {
    /// Reads and checks `files` and compares them with the records in `store`. Nothing is
    /// written. `progress` hears each step.
    pub async fn preview(
        &mut self,
        store: &dyn Store,
        request: &ImportPreviewRequest,
        files: Vec<ReadFile>,
        progress: &dyn Fn(ImportProgress),
    ) -> ImportReply {
        self.preview = None;
        let total = files.len() as u32 + 1;
        let mut read = Vec::with_capacity(files.len());
        for (index, file) in files.into_iter().enumerate() {
            progress(ImportProgress {
                step: format!("Checking {} ({} of {})", file.name, index + 1, total - 1),
                done: index as u32,
                total,
            });
            let reading = match file.text {
                Ok(text) => parse_bundle(&text),
                Err(reason) => Err(vec![BundleProblem { path: "document".into(), message: reason }]),
            };
            read.push(ImportFile { name: file.name, reading });
        }
        progress(ImportProgress { step: "Comparing with this device".into(), done: total - 1, total });
        let (audits, moderations) = match device_records(store).await {
            Ok(records) => records,
            Err(message) => return ImportReply::Refused { message },
        };
        let mut templates = read_device_templates(store).await;
        let carried =
            carried_templates(read.iter().filter_map(|file| file.reading.as_ref().ok()), &templates);
        templates.extend(carried.iter().cloned());
        let device = DeviceRecords {
            audits: &audits,
            moderations: &moderations,
            templates: &templates,
            reader: request.reader.as_deref(),
        };
        let plan = plan_import(device, read);
        self.last_number += 1;
        let mut view = preview_view(self.last_number, &plan);
        view.templates = carried
            .iter()
            .map(|template| format!("{} version {}", template.title, template.version))
            .collect();
        self.preview = Some((self.last_number, plan, carried));
        ImportReply::Preview(view)
    }

    /// Writes the preview numbered `request.import` with the person's choices, all or
    /// nothing. With `keep_records` the records written come back too, for a page on memory
    /// only.
    pub async fn apply(
        &mut self,
        store: &dyn Store,
        request: &ApplyImportRequest,
        keep_records: bool,
        progress: &dyn Fn(ImportProgress),
    ) -> ImportReply {
        let (plan, carried) = match &self.preview {
            Some((number, plan, carried)) if *number == request.import => (plan, carried),
            _ => {
                return ImportReply::Refused {
                    message: "This preview is no longer held, because another import was checked or the page restarted the part that reads files. Choose the files again; nothing was written.".into(),
                }
            }
        };
        let choices: BTreeMap<RecordKey, Choice> = request
            .choices
            .iter()
            .map(|chosen| (record_key(&chosen.record), choice(chosen.choice)))
            .collect();
        let stamp = request.now.format("%Y%m%d%H%M%S").to_string();
        let mut copies = 0;
        let mut writes = plan.writes(
            &choices,
            |id| {
                copies += 1;
                AuditId::new(format!("{id}-copy-{stamp}"))
            },
            request.now,
        );
        let count = writes.len() as u32;
        // The templates the files carry are written with the records, in the same step.
        writes.extend(carried.iter().map(|template| template_write(template, request.now)));
        progress(ImportProgress {
            step: format!("Writing {count} records in one step, so an interruption leaves none of them"),
            done: 0,
            total: 1,
        });
        let records: Vec<RecordMessage> = if keep_records {
            writes.iter().cloned().map(|write| RecordMessage::from(&write.into_stored())).collect()
        } else {
            Vec::new()
        };
        match store.put_all(writes).await {
            Ok(_) => {
                self.preview = None;
                ImportReply::Imported(ImportOutcome { written: count as usize, copies, records })
            }
            Err(StoreError::Conflict { .. }) => ImportReply::Refused {
                message: "Records on this device changed after the files were checked (perhaps in another tab). Nothing was written: check the files again.".into(),
            },
            Err(error) => ImportReply::Refused {
                message: format!("{}. Nothing was written.", error.to_string().trim_end_matches('.')),
            },
        }
    }
}

async fn device_records(
    store: &dyn Store,
) -> Result<
    (Vec<lens_store::Versioned<lens_core::Audit>>, Vec<lens_store::Versioned<lens_core::Moderation>>),
    String,
> {
    let (audits, _) = list_audits(store).await.map_err(|error| error.to_string())?;
    let (moderations, _) = list_moderations(store).await.map_err(|error| error.to_string())?;
    Ok((audits, moderations))
}

fn record_key(record: &ImportedRecord) -> RecordKey {
    let kind = match record.kind {
        ImportedKind::Audit => RecordKind::Audit,
        ImportedKind::Moderation => RecordKind::Moderation,
    };
    RecordKey::new(kind, record.id.clone())
}

fn imported_record(key: &RecordKey) -> ImportedRecord {
    let kind =
        if key.kind == RecordKind::Moderation { ImportedKind::Moderation } else { ImportedKind::Audit };
    ImportedRecord { kind, id: key.id.clone() }
}

fn choice(choice: ImportChoice) -> Choice {
    match choice {
        ImportChoice::KeepMine => Choice::KeepMine,
        ImportChoice::TakeIncoming => Choice::TakeIncoming,
        ImportChoice::KeepBoth => Choice::KeepBoth,
    }
}

fn tally(tally: Tally) -> ImportTally {
    ImportTally {
        new: tally.new,
        updated: tally.updated,
        unchanged: tally.unchanged,
        conflicts: tally.conflicts,
        refused: tally.refused,
    }
}

fn preview_view(number: u64, plan: &ImportPlan) -> ImportPreview {
    let files = plan
        .files
        .iter()
        .enumerate()
        .map(|(index, file)| FilePreview {
            name: file.name.clone(),
            problems: file.problems.clone(),
            tally: tally(plan.file_tally(index)),
        })
        .collect();
    let people = plan
        .tallies_by_person()
        .into_iter()
        .map(|(name, counts)| PersonPreview { name, tally: tally(counts) })
        .collect();
    let file_name = |index: usize| plan.files.get(index).map(|file| file.name.clone()).unwrap_or_default();
    let mut conflicts = Vec::new();
    let mut refusals = Vec::new();
    for record in &plan.records {
        match &record.outcome {
            Outcome::Conflict(conflict) => conflicts.push(ConflictView {
                record: imported_record(&record.key),
                title: record.title.clone(),
                file: file_name(record.file),
                reason: conflict.reason.clone(),
                differences: conflict
                    .differences
                    .iter()
                    .map(|d| DifferenceView {
                        field: d.field.clone(),
                        held: d.held.clone(),
                        incoming: d.incoming.clone(),
                    })
                    .collect(),
                can_take_incoming: conflict.can_take_incoming,
                can_keep_both: conflict.can_keep_both,
            }),
            Outcome::Refused(reason) => refusals.push(RefusalView {
                title: record.title.clone(),
                file: file_name(record.file),
                reason: reason.clone(),
            }),
            _ => {}
        }
    }
    // Which kind a conflict is does not change how it is shown; audits come first.
    conflicts.sort_by_key(|conflict| conflict.record.kind);
    ImportPreview {
        import: number,
        files,
        people,
        total: tally(plan.total()),
        conflicts,
        refusals,
        templates: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
