//! The messages of an import: the page names the files (the files themselves travel beside the
//! message, so the page never reads them), the worker previews what each record would do, the
//! page sends back a person's choices, and the worker writes the whole import or none of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{DataSource, RecordMessage};

/// What the page asks of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum ImportRequest {
    /// Read and check these files and compare them with the device. Nothing is written.
    Preview(ImportPreviewRequest),
    /// Carry out a preview with these choices, in one atomic write.
    Apply(ApplyImportRequest),
}

/// Files to read and compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreviewRequest {
    /// The device's records.
    pub source: DataSource,
    /// The files' names, in the order they travel beside the message.
    pub files: Vec<String>,
    /// The person `config` names, if any: only their own reflections are brought in.
    pub reader: Option<String>,
}

/// A preview to carry out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyImportRequest {
    /// The device's records: the same source the preview read.
    pub source: DataSource,
    /// The preview's number.
    pub import: u64,
    /// What the person chose for each conflict; a conflict not listed keeps this device's copy.
    pub choices: Vec<ChosenRecord>,
    /// When the import is made, for the records' save time.
    pub now: DateTime<Utc>,
}

/// Which kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportedKind {
    /// An audit.
    Audit,
    /// A moderation.
    Moderation,
}

/// One record of an import.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ImportedRecord {
    /// Its kind.
    pub kind: ImportedKind,
    /// Its id.
    pub id: String,
}

/// What to do with one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportChoice {
    /// Leave this device's copy as it is.
    #[default]
    KeepMine,
    /// Replace this device's copy with the incoming one.
    TakeIncoming,
    /// Keep this device's copy and add the incoming one as a copy.
    KeepBoth,
}

/// One conflict's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenRecord {
    /// The record.
    pub record: ImportedRecord,
    /// The choice.
    pub choice: ImportChoice,
}

/// What the worker says back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum ImportReply {
    /// What the files would do.
    Preview(ImportPreview),
    /// The import was written.
    Imported(ImportOutcome),
    /// Nothing was written; the sentence says why and what to do.
    Refused {
        /// For the person.
        message: String,
    },
}

/// How many records would do each thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportTally {
    /// New to this device.
    pub new: usize,
    /// Newer revisions of records here.
    pub updated: usize,
    /// Already here.
    pub unchanged: usize,
    /// For a person to decide.
    pub conflicts: usize,
    /// Refused.
    pub refused: usize,
}

/// What the files would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The number to apply it by.
    pub import: u64,
    /// Each file, in the order chosen.
    pub files: Vec<FilePreview>,
    /// Each person whose work the files hold, by name.
    pub people: Vec<PersonPreview>,
    /// All the files together.
    pub total: ImportTally,
    /// Every conflict, for a person to decide.
    pub conflicts: Vec<ConflictView>,
    /// Every refused record, with its reason.
    pub refusals: Vec<RefusalView>,
    /// The council templates the files carry that this device does not have, each as "title
    /// version N": they are kept with the import.
    pub templates: Vec<String>,
}

/// One file's preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilePreview {
    /// Its name.
    pub name: String,
    /// Why the whole file is refused; empty when it was read.
    pub problems: Vec<String>,
    /// Its records.
    pub tally: ImportTally,
}

/// One person's records across the files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonPreview {
    /// The auditor's or moderator's name.
    pub name: String,
    /// Their records.
    pub tally: ImportTally,
}

/// Two copies of one record, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictView {
    /// Which record.
    pub record: ImportedRecord,
    /// It in words, e.g. `Audit of case CF-12 by Sam Patel`.
    pub title: String,
    /// The file it came in.
    pub file: String,
    /// Why the two cannot simply be merged.
    pub reason: String,
    /// Every field that differs.
    pub differences: Vec<DifferenceView>,
    /// Whether the incoming copy may replace this device's.
    pub can_take_incoming: bool,
    /// Whether both may be kept, the incoming as a copy.
    pub can_keep_both: bool,
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DifferenceView {
    /// The field in words.
    pub field: String,
    /// This device's value.
    pub held: String,
    /// The incoming value.
    pub incoming: String,
}

/// One refused record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefusalView {
    /// It in words.
    pub title: String,
    /// The file it came in.
    pub file: String,
    /// Why, and what to do.
    pub reason: String,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// Records written.
    pub written: usize,
    /// Of them, audits kept as copies beside this device's.
    pub copies: usize,
    /// The records written, for a page on memory only to keep (empty when the worker wrote
    /// them to the database itself).
    pub records: Vec<RecordMessage>,
}

/// How far an import has got, sent while the worker reads, checks and writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// What it is doing, in words, e.g. "Checking sam-patel.json (2 of 3)".
    pub step: String,
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}
