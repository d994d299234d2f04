//! Planning an import against a device, and carrying it out in one atomic write.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use futures::executor::block_on;
use lens_core::AuditId;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::bundle::parse_bundle;
use crate::template_document::builtin_templates;
use crate::{list_audits, list_moderations, MemoryStore, Store};

const GOLDEN: &str = include_str!("../../../../tests/fixtures/bundles/golden.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 4, 9, 30, 0).unwrap()
}

fn golden() -> Bundle {
    parse_bundle(GOLDEN).unwrap()
}

fn file(name: &str, bundle: Bundle) -> ImportFile {
    ImportFile { name: name.to_owned(), reading: Ok(bundle) }
}

/// Plans `files` against what `store` holds, as the browser does.
fn plan(store: &MemoryStore, reader: Option<&str>, files: Vec<ImportFile>) -> ImportPlan {
    let (audits, _) = block_on(list_audits(store)).unwrap();
    let (moderations, _) = block_on(list_moderations(store)).unwrap();
    let templates = builtin_templates();
    let device = DeviceRecords { audits: &audits, moderations: &moderations, templates: &templates, reader };
    plan_import(device, files)
}

fn apply(store: &MemoryStore, plan: &ImportPlan, choices: &BTreeMap<RecordKey, Choice>) -> usize {
    let writes = plan.writes(choices, |id| AuditId::new(format!("{id}-copy")), now());
    let count = writes.len();
    block_on(store.put_all(writes)).unwrap();
    count
}

fn outcome_of<'a>(plan: &'a ImportPlan, file: usize, id: &str) -> &'a Outcome {
    let record = plan.records.iter().find(|record| record.file == file && record.key.id == id);
    &record.unwrap_or_else(|| panic!("{id} in file {file}")).outcome
}

fn audit_mut<'a>(bundle: &'a mut Bundle, id: &str) -> &'a mut Versioned<Audit> {
    bundle.audits.iter_mut().find(|audit| audit.value.id.as_str() == id).unwrap()
}

#[test]
fn a_bundle_on_an_empty_device_is_all_new_and_once_applied_all_unchanged() {
    let store = MemoryStore::default();
    let first = plan(&store, None, vec![file("sam.json", golden())]);
    assert_eq!(first.total(), Tally { new: 10, ..Tally::default() });
    assert_eq!(first.tallies_by_person()["Sam Patel"].new, 5, "Sam's four case audits and reflection");
    assert_eq!(apply(&store, &first, &BTreeMap::new()), 10);

    let again = plan(&store, None, vec![file("sam.json", golden())]);
    assert_eq!(again.total(), Tally { unchanged: 10, ..Tally::default() });
    assert!(again.writes(&BTreeMap::new(), |id| id.clone(), now()).is_empty());
    let kept = block_on(store.get(&RecordKey::new(RecordKind::Audit, "golden-09"))).unwrap().unwrap();
    assert_eq!(kept.revision.get(), 2, "a record brought in keeps the revision it had");
}

#[test]
fn newer_revisions_update_forged_ones_are_refused_and_equal_ones_that_differ_are_conflicts() {
    let store = MemoryStore::default();
    apply(&store, &plan(&store, None, vec![file("first.json", golden())]), &BTreeMap::new());

    let mut incoming = golden();
    let draft = audit_mut(&mut incoming, "golden-06");
    draft.revision = draft.revision.next();
    draft.value.case_reference = "CF-5A".into();
    let forged = audit_mut(&mut incoming, "golden-01");
    forged.revision = forged.revision.next();
    forged.value.overall = Some("I".into());
    let fork = audit_mut(&mut incoming, "golden-02");
    fork.value.case_reference = "CF-2B".into();

    let planned = plan(&store, None, vec![file("second.json", incoming)]);
    assert_eq!(outcome_of(&planned, 0, "golden-06"), &Outcome::Updated, "a draft changes freely");
    let Outcome::Refused(reason) = outcome_of(&planned, 0, "golden-01") else { panic!("forged taken") };
    assert!(reason.contains("without recorded amendments"), "{reason}");
    let Outcome::Conflict(conflict) = outcome_of(&planned, 0, "golden-02") else { panic!("no conflict") };
    assert!(conflict.reason.contains("same revision (1)"), "{}", conflict.reason);
    assert_eq!(
        conflict.differences,
        [Difference { field: "Tracked case number".into(), held: "CF-2".into(), incoming: "CF-2B".into() }],
        "the one field that differs, named as the form names it"
    );
    assert!(!conflict.can_take_incoming, "a submitted audit's answers change only by amendment");
    assert!(conflict.can_keep_both);
    assert_eq!(planned.total(), Tally { updated: 1, unchanged: 7, conflicts: 1, refused: 1, new: 0 });

    // Taking the incoming is not allowed here, so it keeps this device's; keeping both adds a copy.
    let key = RecordKey::new(RecordKind::Audit, "golden-02");
    let take = BTreeMap::from([(key.clone(), Choice::TakeIncoming)]);
    assert_eq!(planned.writes(&take, |id| id.clone(), now()).len(), 1, "only the update");
    let both = BTreeMap::from([(key, Choice::KeepBoth)]);
    assert_eq!(apply(&store, &planned, &both), 2);
    let (audits, _) = block_on(list_audits(&store)).unwrap();
    let case =
        |id: &str| audits.iter().find(|a| a.value.id.as_str() == id).map(|a| a.value.case_reference.clone());
    assert_eq!(case("golden-02").as_deref(), Some("CF-2"), "this device's copy is kept");
    assert_eq!(case("golden-02-copy").as_deref(), Some("CF-2B"), "and the incoming added as a copy");
    assert_eq!(case("golden-06").as_deref(), Some("CF-5A"));
    assert_eq!(case("golden-01").map(|_| ()), Some(()));
}

#[test]
fn a_draft_in_conflict_can_be_taken_and_the_writes_fail_whole_if_the_device_moved_on() {
    let store = MemoryStore::default();
    apply(&store, &plan(&store, None, vec![file("first.json", golden())]), &BTreeMap::new());
    let mut incoming = golden();
    audit_mut(&mut incoming, "golden-06").value.case_reference = "CF-50".into();
    let mut newer = golden();
    audit_mut(&mut newer, "golden-08").revision = Revision::new(3).unwrap();
    audit_mut(&mut newer, "golden-08").value.follow_up.reflective_discussion_on =
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1);
    let planned = plan(&store, None, vec![file("a.json", incoming), file("b.json", newer)]);
    let Outcome::Conflict(conflict) = outcome_of(&planned, 0, "golden-06") else { panic!("no conflict") };
    assert!(conflict.can_take_incoming, "a draft may be replaced");
    let choices = BTreeMap::from([(RecordKey::new(RecordKind::Audit, "golden-06"), Choice::TakeIncoming)]);
    let writes = planned.writes(&choices, |id| id.clone(), now());
    assert_eq!(writes.len(), 2, "the chosen copy and the newer golden-08");

    // Another tab saves golden-08 after the preview: the import writes nothing at all.
    let moved = block_on(crate::load_audit(&store, &AuditId::new("golden-08"))).unwrap().unwrap();
    block_on(crate::save_audit(&store, &moved.value, Some(moved.revision), now())).unwrap();
    assert!(matches!(block_on(store.put_all(writes)), Err(crate::StoreError::Conflict { .. })));
    let untouched = block_on(crate::load_audit(&store, &AuditId::new("golden-06"))).unwrap().unwrap();
    assert_eq!(untouched.value.case_reference, "CF-5", "none of the import was written");
}

#[test]
fn moderations_by_the_auditor_or_of_audits_not_here_and_others_reflections_are_refused() {
    let store = MemoryStore::default();
    let mut bundle = golden();
    bundle.moderations[0].value.moderator = "priya  shah".into();
    let mut orphan = bundle.moderations[0].clone();
    orphan.value.id = "golden-moderation-99".into();
    orphan.value.audit = AuditId::new("not-here");
    orphan.value.moderator = "Morgan Ellis".into();
    bundle.moderations.push(orphan);
    let planned = plan(&store, Some("Priya Shah"), vec![file("mixed.json", bundle)]);
    let refused = |id: &str| match outcome_of(&planned, 0, id) {
        Outcome::Refused(reason) => reason.clone(),
        other => panic!("{id}: {other:?}"),
    };
    assert!(refused("golden-moderation-03").contains("moderated their own audit"));
    assert!(
        refused("golden-moderation-99").contains("Audit not-here is not on this device or in these files")
    );
    assert!(refused("golden-09").contains("Sam Patel's reflection"));
    assert_eq!(planned.total().new, 8, "the case audits still come in");
}

#[test]
fn an_unreadable_file_is_refused_whole_and_a_template_this_page_lacks_refuses_its_audits() {
    let store = MemoryStore::default();
    let mut unknown = golden();
    audit_mut(&mut unknown, "golden-05").value.template = lens_core::TemplateRef::new("northshire-audit", 3);
    let broken = ImportFile { name: "broken.json".into(), reading: parse_bundle("{") };
    let planned = plan(&store, None, vec![broken, file("good.json", unknown)]);
    assert_eq!(
        planned.files[0].problems,
        ["document: is not valid JSON (EOF while parsing an object at line 1 column 1)"]
    );
    assert!(planned.files[1].problems.is_empty());
    assert_eq!(planned.file_tally(0), Tally::default(), "nothing of the broken file is planned");
    let Outcome::Refused(reason) = outcome_of(&planned, 1, "golden-05") else { panic!("taken") };
    assert!(reason.contains("\"northshire-audit\" version 3, which this page does not have"), "{reason}");
}

#[test]
fn across_files_the_same_copy_is_unchanged_a_newer_one_wins_and_a_different_one_is_refused() {
    let store = MemoryStore::default();
    let mut newer = golden();
    let draft = audit_mut(&mut newer, "golden-06");
    draft.revision = draft.revision.next();
    draft.value.case_reference = "CF-5N".into();
    let mut different = golden();
    audit_mut(&mut different, "golden-07").value.case_reference = "CF-7X".into();
    let planned = plan(
        &store,
        None,
        vec![file("monday.json", golden()), file("friday.json", newer), file("other.json", different)],
    );
    let record = |file: usize, id: &str| {
        planned.records.iter().find(|r| r.file == file && r.key.id == id).unwrap().clone()
    };
    assert_eq!(record(1, "golden-01").outcome, Outcome::Unchanged);
    assert_eq!(record(1, "golden-01").note.as_deref(), Some("The same copy is in monday.json"));
    assert_eq!(record(1, "golden-06").outcome, Outcome::New, "the newer copy is what comes in");
    assert_eq!(record(0, "golden-06").outcome, Outcome::Unchanged);
    assert_eq!(
        record(0, "golden-06").note.as_deref(),
        Some("A newer copy in friday.json is brought in instead")
    );
    let Outcome::Refused(reason) = record(2, "golden-07").outcome else { panic!("taken") };
    assert!(reason.starts_with("A different copy of it is in monday.json"), "{reason}");
    assert_eq!(apply(&store, &planned, &BTreeMap::new()), 10, "each record written once");
    let draft = block_on(crate::load_audit(&store, &AuditId::new("golden-06"))).unwrap().unwrap();
    assert_eq!(draft.value.case_reference, "CF-5N");
}

#[test]
fn a_second_moderation_of_a_moderated_audit_is_refused() {
    let store = MemoryStore::default();
    apply(&store, &plan(&store, None, vec![file("first.json", golden())]), &BTreeMap::new());
    let mut again = golden();
    again.moderations[0].value.id = "golden-moderation-03-again".into();
    let planned = plan(&store, None, vec![file("again.json", again)]);
    let Outcome::Refused(reason) = outcome_of(&planned, 0, "golden-moderation-03-again") else {
        panic!("taken")
    };
    assert_eq!(reason, "Audit golden-03 is already moderated (by Morgan Ellis). An audit has one moderation, or its grades would count twice");
    let mut reader_case = golden();
    audit_mut(&mut reader_case, "golden-09").value.auditor = "sam  PATEL".into();
    let planned = plan(&MemoryStore::default(), Some("Sam Patel"), vec![file("own.json", reader_case)]);
    assert_eq!(
        outcome_of(&planned, 0, "golden-09"),
        &Outcome::New,
        "one's own reflection, however the name is typed"
    );
}
