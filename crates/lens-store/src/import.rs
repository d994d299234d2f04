//! Bringing bundles onto a device. [`plan_import`] decides, before anything is written, what
//! each incoming record would do; [`ImportPlan::writes`] turns the plan and a person's choices
//! into writes for one atomic [`Store::put_all`](crate::Store::put_all).
//!
//! The rules are `lens merge`'s ([`crate::bundle::merge_bundles`]), record by record against the
//! device's own copies:
//! - a record the device does not have is **new**; an identical one is **unchanged**;
//! - a newer revision is an **update**, unless the device's copy is submitted and the newer one
//!   changes its answers without a recorded amendment (then it is **refused**: a locked record
//!   cannot be rewritten by raising its revision);
//! - the same revision with different content, or an older revision that differs, is a
//!   **conflict** for a person to decide: keep this device's, take the incoming (only where the
//!   lock allows it) or, for an audit, keep both with the incoming as a copy.
//!
//! The device adds its own refusals: a bundle that cannot be read is refused whole (all or
//! nothing, as `lens validate` reads it); an audit made with a template this page does not have,
//! another person's reflection, a moderation by the audit's own author and a moderation of an
//! audit that is neither here nor in the files are refused, each with its reason in words.
//! Files are read in order: a record already brought by an earlier file is compared with that
//! copy, and a newer copy replaces it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lens_core::{find_template, is_reflection, same_person, Audit, AuditId, Moderation, Template};

use crate::audit_record::{encode_audit, CURRENT_AUDIT_SCHEMA};
use crate::bundle::{Bundle, BundleProblem};
use crate::moderation_record::{encode_moderation, CURRENT_MODERATION_SCHEMA};
use crate::{Expected, RecordKey, RecordKind, RecordWrite, Revision, Versioned};

mod differences;
#[cfg(test)]
mod tests;

pub use differences::Difference;

/// One file chosen for import, as read.
#[derive(Debug, Clone)]
pub struct ImportFile {
    /// The file's name, as the person chose it.
    pub name: String,
    /// The bundle, or every problem that stops it being read.
    pub reading: Result<Bundle, Vec<BundleProblem>>,
}

/// What one incoming record would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not on this device yet.
    New,
    /// A newer revision of a record on this device.
    Updated,
    /// The same as a copy already here (on the device or in an earlier file).
    Unchanged,
    /// Differs from this device's copy in a way only a person can decide.
    Conflict(Conflict),
    /// Cannot be brought in; the reason says why, in words.
    Refused(String),
}

/// Two copies of one record that disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Why the two cannot simply be merged.
    pub reason: String,
    /// Every field that differs, this device's value beside the incoming one.
    pub differences: Vec<Difference>,
    /// Whether the incoming copy may replace this device's: not when this device's copy is a
    /// submitted audit and the incoming one changes its answers without recorded amendments.
    pub can_take_incoming: bool,
    /// Whether both can be kept, the incoming as a copy (audits only).
    pub can_keep_both: bool,
}

/// An incoming record.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// An audit.
    Audit(Versioned<Audit>),
    /// A moderation.
    Moderation(Versioned<Moderation>),
}

/// One incoming record and what it would do.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRecord {
    /// The position of its file in the files chosen.
    pub file: usize,
    /// Which record.
    pub key: RecordKey,
    /// Whose work it is: the auditor of an audit, the moderator of a moderation.
    pub whose: String,
    /// The record in words, e.g. `Audit of case CF-12 by Sam Patel`.
    pub title: String,
    /// What it would do.
    pub outcome: Outcome,
    /// A remark on the outcome, e.g. that a newer copy in another file replaces it.
    pub note: Option<String>,
    /// The revision this device holds, if it holds the record: the write expects it.
    pub held: Option<Revision>,
    /// The record as it arrived.
    pub incoming: Incoming,
}

/// One file's reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePlan {
    /// The file's name.
    pub name: String,
    /// Why the whole file is refused; empty when it was read.
    pub problems: Vec<String>,
}

/// How many records would do each thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// New to this device.
    pub new: usize,
    /// Newer revisions.
    pub updated: usize,
    /// Already here.
    pub unchanged: usize,
    /// For a person to decide.
    pub conflicts: usize,
    /// Refused, each with its reason.
    pub refused: usize,
}

impl Tally {
    fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Conflict(_) => self.conflicts += 1,
            Outcome::Refused(_) => self.refused += 1,
        }
    }

    /// Records that would be written without a person deciding anything.
    pub fn to_write(&self) -> usize {
        self.new + self.updated
    }
}

/// What a person decided for one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// Leave this device's copy as it is (the default).
    #[default]
    KeepMine,
    /// Replace this device's copy with the incoming one.
    TakeIncoming,
    /// Keep this device's copy and add the incoming one as a copy with its own id.
    KeepBoth,
}

/// Everything the files would do, decided before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Each file, in the order chosen.
    pub files: Vec<FilePlan>,
    /// Each record of the files that were read, in file order.
    pub records: Vec<PlannedRecord>,
}

/// This device's records, as an import compares with them.
#[derive(Debug, Clone, Copy)]
pub struct DeviceRecords<'a> {
    /// Every audit on the device.
    pub audits: &'a [Versioned<Audit>],
    /// Every moderation on the device.
    pub moderations: &'a [Versioned<Moderation>],
    /// The templates this page has.
    pub templates: &'a [Template],
    /// The person `config` names, if any: only their own reflections are brought in.
    pub reader: Option<&'a str>,
}

/// What every record of `files` would do on a device holding `device`.
pub fn plan_import(device: DeviceRecords<'_>, files: Vec<ImportFile>) -> ImportPlan {
    let mut planner = Planner::new(device);
    let mut plans = Vec::with_capacity(files.len());
    for (index, file) in files.into_iter().enumerate() {
        match file.reading {
            Ok(bundle) => {
                planner.add_bundle(index, &file.name, bundle);
                plans.push(FilePlan { name: file.name, problems: Vec::new() });
            }
            Err(problems) => plans.push(FilePlan {
                name: file.name,
                problems: problems.iter().map(ToString::to_string).collect(),
            }),
        }
    }
    planner.check_moderations();
    ImportPlan { files: plans, records: planner.records }
}

struct Planner<'a> {
    device: DeviceRecords<'a>,
    held_audits: BTreeMap<&'a str, &'a Versioned<Audit>>,
    held_moderations: BTreeMap<&'a str, &'a Versioned<Moderation>>,
    /// Where each key was last planned, and the file it came from.
    planned: BTreeMap<RecordKey, usize>,
    file_names: Vec<String>,
    records: Vec<PlannedRecord>,
}

impl<'a> Planner<'a> {
    fn new(device: DeviceRecords<'a>) -> Self {
        Self {
            device,
            held_audits: device.audits.iter().map(|audit| (audit.value.id.as_str(), audit)).collect(),
            held_moderations: device.moderations.iter().map(|m| (m.value.id.as_str(), m)).collect(),
            planned: BTreeMap::new(),
            file_names: Vec::new(),
            records: Vec::new(),
        }
    }

    fn add_bundle(&mut self, file: usize, name: &str, bundle: Bundle) {
        self.file_names.resize(file + 1, String::new());
        self.file_names[file] = name.to_owned();
        for audit in bundle.audits {
            let key = RecordKey::new(RecordKind::Audit, audit.value.id.as_str());
            let held = self.held_audits.get(audit.value.id.as_str()).copied();
            let template = find_template(self.device.templates, &audit.value.template);
            let outcome = self
                .audit_refusal(&audit.value)
                .map_or_else(|| compare_audits(held, &audit, template), Outcome::Refused);
            let record = PlannedRecord {
                file,
                key,
                whose: audit.value.auditor.clone(),
                // Named as this device knows it, so a conflict reads as the record already here.
                title: audit_title(held.map_or(&audit.value, |held| &held.value)),
                outcome,
                note: None,
                held: held.map(|held| held.revision),
                incoming: Incoming::Audit(audit),
            };
            self.add(record);
        }
        for moderation in bundle.moderations {
            let key = RecordKey::new(RecordKind::Moderation, moderation.value.id.as_str());
            let held = self.held_moderations.get(moderation.value.id.as_str()).copied();
            let template = self
                .held_audits
                .get(moderation.value.audit.as_str())
                .and_then(|audit| find_template(self.device.templates, &audit.value.template));
            let record = PlannedRecord {
                file,
                key,
                whose: moderation.value.moderator.clone(),
                title: format!(
                    "Moderation by {} of audit {}",
                    moderation.value.moderator, moderation.value.audit
                ),
                outcome: compare_moderations(held, &moderation, template),
                note: None,
                held: held.map(|held| held.revision),
                incoming: Incoming::Moderation(moderation),
            };
            self.add(record);
        }
    }

    /// Why this device cannot take `audit` at all, whatever it holds.
    fn audit_refusal(&self, audit: &Audit) -> Option<String> {
        let templates = self.device.templates;
        if find_template(templates, &audit.template).is_none() {
            return Some(format!(
                "It was made with the template \"{}\" version {}, which this page does not have. Ask whoever looks after Practice Lens on your intranet to add it",
                audit.template.id, audit.template.version
            ));
        }
        let someone_else = self.device.reader.is_some_and(|reader| !same_person(reader, &audit.auditor));
        if is_reflection(audit, templates) && someone_else {
            return Some(format!(
                "It is {}'s reflection. Reflections stay with the person who wrote them",
                audit.auditor
            ));
        }
        None
    }

    /// Adds `record`, comparing it with a copy an earlier file brought.
    fn add(&mut self, mut record: PlannedRecord) {
        let Some(&earlier_index) = self.planned.get(&record.key) else {
            self.planned.insert(record.key.clone(), self.records.len());
            self.records.push(record);
            return;
        };
        let earlier = &mut self.records[earlier_index];
        let earlier_file = self.file_names[earlier.file].clone();
        let later_file = self.file_names[record.file].clone();
        let (earlier_revision, later_revision) =
            (revision_of(&earlier.incoming), revision_of(&record.incoming));
        let will_be_written = matches!(earlier.outcome, Outcome::New | Outcome::Updated);
        if same_content(&earlier.incoming, &record.incoming) {
            record.outcome = Outcome::Unchanged;
            record.note = Some(format!("The same copy is in {earlier_file}"));
        } else if will_be_written
            && later_revision > earlier_revision
            && !matches!(record.outcome, Outcome::Refused(_))
            && lock_allows(&earlier.incoming, &record.incoming)
        {
            // The later copy takes the earlier one's place as what this device would write.
            record.outcome = earlier.outcome.clone();
            earlier.outcome = Outcome::Unchanged;
            earlier.note = Some(format!("A newer copy in {later_file} is brought in instead"));
            self.planned.insert(record.key.clone(), self.records.len());
        } else if matches!(earlier.outcome, Outcome::Unchanged | Outcome::Refused(_)) {
            // The earlier file brings nothing for this record: this copy stands on its own.
            self.planned.insert(record.key.clone(), self.records.len());
        } else if !matches!(record.outcome, Outcome::Refused(_)) {
            record.outcome = Outcome::Refused(format!(
                "A different copy of it is in {earlier_file}. Bring the files in one at a time to compare each with this device"
            ));
        }
        self.records.push(record);
    }

    /// Refuses moderations this device could not stand behind: one by the audit's own author,
    /// and one of an audit that neither the device nor the files bring.
    fn check_moderations(&mut self) {
        let mut authors: BTreeMap<String, String> = self
            .device
            .audits
            .iter()
            .map(|audit| (audit.value.id.as_str().to_owned(), audit.value.auditor.clone()))
            .collect();
        let mut cases: BTreeMap<String, String> = self
            .device
            .audits
            .iter()
            .map(|audit| (audit.value.id.as_str().to_owned(), audit.value.case_reference.clone()))
            .collect();
        for record in &self.records {
            if let (Incoming::Audit(audit), Outcome::New | Outcome::Updated | Outcome::Unchanged) =
                (&record.incoming, &record.outcome)
            {
                authors.insert(audit.value.id.as_str().to_owned(), audit.value.auditor.clone());
                cases
                    .entry(audit.value.id.as_str().to_owned())
                    .or_insert_with(|| audit.value.case_reference.clone());
            }
        }
        // Which moderation each audit has: this device's, then each one the files bring.
        let mut moderated: BTreeMap<String, (String, String)> = self
            .device
            .moderations
            .iter()
            .map(|m| (m.value.audit.as_str().to_owned(), (m.value.id.clone(), m.value.moderator.clone())))
            .collect();
        for record in &mut self.records {
            let Incoming::Moderation(moderation) = &record.incoming else { continue };
            if matches!(record.outcome, Outcome::Refused(_)) {
                continue;
            }
            let moderation = &moderation.value;
            if let Some(case) = cases.get(moderation.audit.as_str()) {
                record.title = format!("Moderation by {} of the audit of case {case}", moderation.moderator);
            }
            match authors.get(moderation.audit.as_str()) {
                None => {
                    record.outcome = Outcome::Refused(format!(
                        "Audit {} is not on this device or in these files. Bring in the file with the audit too",
                        moderation.audit
                    ))
                }
                Some(author) if same_person(author, &moderation.moderator) => {
                    record.outcome = Outcome::Refused(format!(
                        "{} moderated their own audit. A moderation must be made by someone other than the auditor",
                        moderation.moderator
                    ))
                }
                Some(_) => {
                    // One moderation per audit: a second, under another id, would count it twice.
                    let audit = moderation.audit.as_str().to_owned();
                    match moderated.get(&audit) {
                        Some((other, by)) if *other != moderation.id => {
                            record.outcome = Outcome::Refused(format!(
                                "Audit {audit} is already moderated (by {by}). An audit has one moderation, or its grades would count twice"
                            ));
                        }
                        _ => {
                            if matches!(record.outcome, Outcome::New | Outcome::Updated | Outcome::Unchanged) {
                                moderated.insert(audit, (moderation.id.clone(), moderation.moderator.clone()));
                            }
                        }
                    }
                }
            }
        }
    }
}

fn audit_title(audit: &Audit) -> String {
    format!("Audit of case {} by {}", audit.case_reference, audit.auditor)
}

fn revision_of(incoming: &Incoming) -> Revision {
    match incoming {
        Incoming::Audit(audit) => audit.revision,
        Incoming::Moderation(moderation) => moderation.revision,
    }
}

fn same_content(a: &Incoming, b: &Incoming) -> bool {
    match (a, b) {
        (Incoming::Audit(a), Incoming::Audit(b)) => a.value == b.value,
        (Incoming::Moderation(a), Incoming::Moderation(b)) => a.value == b.value,
        _ => false,
    }
}

/// Whether `later` may stand in for `earlier` under the lock on submitted audits.
fn lock_allows(earlier: &Incoming, later: &Incoming) -> bool {
    match (earlier, later) {
        (Incoming::Audit(earlier), Incoming::Audit(later)) => {
            earlier.value.unrecorded_changes(&later.value).is_empty()
        }
        _ => true,
    }
}

fn compare_audits(
    held: Option<&Versioned<Audit>>,
    incoming: &Versioned<Audit>,
    template: Option<&Template>,
) -> Outcome {
    let Some(held) = held else { return Outcome::New };
    if held.value == incoming.value {
        return Outcome::Unchanged;
    }
    let unrecorded = held.value.unrecorded_changes(&incoming.value);
    if incoming.revision > held.revision {
        if unrecorded.is_empty() {
            return Outcome::Updated;
        }
        return Outcome::Refused(format!(
            "This device's copy is submitted, and the incoming one changes it without recorded amendments ({}). This device's copy is kept",
            unrecorded.join("; ")
        ));
    }
    Outcome::Conflict(Conflict {
        reason: conflict_reason(held.revision, incoming.revision),
        differences: differences::between_audits(&held.value, &incoming.value, template),
        can_take_incoming: unrecorded.is_empty(),
        can_keep_both: true,
    })
}

fn compare_moderations(
    held: Option<&Versioned<Moderation>>,
    incoming: &Versioned<Moderation>,
    template: Option<&Template>,
) -> Outcome {
    let Some(held) = held else { return Outcome::New };
    if held.value == incoming.value {
        return Outcome::Unchanged;
    }
    if incoming.revision > held.revision {
        return Outcome::Updated;
    }
    Outcome::Conflict(Conflict {
        reason: conflict_reason(held.revision, incoming.revision),
        differences: differences::between_moderations(&held.value, &incoming.value, template),
        can_take_incoming: true,
        // A moderation is one per audit: two would count the audit twice.
        can_keep_both: false,
    })
}

fn conflict_reason(held: Revision, incoming: Revision) -> String {
    if incoming == held {
        format!("It was changed in two places from the same revision ({held})")
    } else {
        format!("The incoming copy is revision {incoming}, older than revision {held} on this device, and differs from it")
    }
}

impl ImportPlan {
    /// How many records of the file at `file` would do each thing.
    pub fn file_tally(&self, file: usize) -> Tally {
        self.tally(|record| record.file == file)
    }

    /// How many records of each person's would do each thing, by name.
    pub fn tallies_by_person(&self) -> BTreeMap<String, Tally> {
        let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
        for record in &self.records {
            tallies.entry(record.whose.clone()).or_default().count(&record.outcome);
        }
        tallies
    }

    /// How many records of all the files would do each thing.
    pub fn total(&self) -> Tally {
        self.tally(|_| true)
    }

    fn tally(&self, include: impl Fn(&PlannedRecord) -> bool) -> Tally {
        let mut tally = Tally::default();
        for record in self.records.iter().filter(|record| include(record)) {
            tally.count(&record.outcome);
        }
        tally
    }

    /// The writes that carry out the plan with `choices` for its conflicts (a conflict with no
    /// choice keeps this device's copy). A kept-both audit gets the id `copy_id` gives it.
    pub fn writes(
        &self,
        choices: &BTreeMap<RecordKey, Choice>,
        mut copy_id: impl FnMut(&AuditId) -> AuditId,
        now: DateTime<Utc>,
    ) -> Vec<RecordWrite> {
        let mut writes = Vec::new();
        for record in &self.records {
            let choice = choices.get(&record.key).copied().unwrap_or_default();
            match (&record.outcome, choice) {
                (Outcome::New | Outcome::Updated, _) => writes.push(write_of(record, now)),
                (Outcome::Conflict(conflict), Choice::TakeIncoming) if conflict.can_take_incoming => {
                    writes.push(write_of(record, now));
                }
                (Outcome::Conflict(conflict), Choice::KeepBoth) if conflict.can_keep_both => {
                    if let Incoming::Audit(audit) = &record.incoming {
                        let mut copy = audit.value.clone();
                        copy.id = copy_id(&audit.value.id);
                        writes.push(RecordWrite {
                            key: RecordKey::new(RecordKind::Audit, copy.id.as_str()),
                            expected: Expected::New,
                            schema_version: CURRENT_AUDIT_SCHEMA,
                            updated_at: now,
                            body: encode_audit(&copy),
                            carried: None,
                        });
                    }
                }
                _ => {}
            }
        }
        writes
    }
}

fn write_of(record: &PlannedRecord, now: DateTime<Utc>) -> RecordWrite {
    let (schema_version, body, carried) = match &record.incoming {
        Incoming::Audit(audit) => (CURRENT_AUDIT_SCHEMA, encode_audit(&audit.value), audit.revision),
        Incoming::Moderation(moderation) => {
            (CURRENT_MODERATION_SCHEMA, encode_moderation(&moderation.value), moderation.revision)
        }
    };
    RecordWrite {
        key: record.key.clone(),
        expected: Expected::from_base(record.held),
        schema_version,
        updated_at: now,
        body,
        carried: Some(carried),
    }
}
