//! The worker's import, natively: preview, choices, one atomic write, and what it refuses.

use std::cell::RefCell;

use chrono::{TimeZone, Utc};
use futures::executor::block_on;
use lens_store::bundle::{parse_bundle, write_bundle};
use lens_store::{list_audits, MemoryStore};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::protocol::import::ChosenRecord;
use crate::protocol::DataSource;

const GOLDEN: &str = include_str!("../../../../tests/fixtures/bundles/golden.json");

fn request(files: &[&str]) -> ImportPreviewRequest {
    ImportPreviewRequest {
        source: DataSource::Database { name: "test".into() },
        files: files.iter().map(|name| (*name).to_owned()).collect(),
        reader: None,
    }
}

fn read(name: &str, text: &str) -> ReadFile {
    ReadFile { name: name.into(), text: Ok(text.into()) }
}

fn apply_request(import: u64, choices: Vec<ChosenRecord>) -> ApplyImportRequest {
    ApplyImportRequest {
        source: DataSource::Database { name: "test".into() },
        import,
        choices,
        now: Utc.with_ymd_and_hms(2027, 1, 4, 9, 30, 0).unwrap(),
    }
}

fn preview_of(reply: ImportReply) -> ImportPreview {
    match reply {
        ImportReply::Preview(preview) => preview,
        other => panic!("not a preview: {other:?}"),
    }
}

#[test]
fn a_preview_writes_nothing_and_its_application_writes_every_chosen_record_at_once() {
    let store = MemoryStore::default();
    let mut desk = ImportDesk::default();
    let steps = RefCell::new(Vec::new());
    let progress = |step: ImportProgress| steps.borrow_mut().push(step.step);
    let mut conflicting = parse_bundle(GOLDEN).unwrap();
    conflicting.audits[5].value.case_reference = "CF-5 (Dev's laptop)".into();
    let files = vec![
        read("sam.json", GOLDEN),
        read("dev.json", &write_bundle(&conflicting)),
        read("broken.json", "{"),
    ];
    let preview = preview_of(block_on(desk.preview(
        &store,
        &request(&["sam.json", "dev.json", "broken.json"]),
        files,
        &progress,
    )));
    assert_eq!(block_on(list_audits(&store)).unwrap().0.len(), 0, "a preview writes nothing");
    assert_eq!(preview.files[0].tally.new, 10);
    assert_eq!(preview.files[1].tally.unchanged, 9, "dev.json's same copies");
    assert_eq!(preview.files[1].tally.refused, 1, "its different golden-06 against sam.json's");
    assert!(preview.files[2].problems[0].contains("not valid JSON"), "{:?}", preview.files[2].problems);
    assert_eq!(
        preview.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Dev Singh", "Morgan Ellis", "Priya Shah", "Sam Patel"]
    );
    assert_eq!(steps.borrow()[0], "Checking sam.json (1 of 3)");
    assert_eq!(steps.borrow().last().map(String::as_str), Some("Comparing with this device"));

    let done = block_on(desk.apply(&store, &apply_request(preview.import, Vec::new()), false, &progress));
    let ImportReply::Imported(outcome) = done else { panic!("{done:?}") };
    assert_eq!((outcome.written, outcome.copies, outcome.records.len()), (10, 0, 0));
    assert_eq!(block_on(list_audits(&store)).unwrap().0.len(), 9);
    let again = block_on(desk.apply(&store, &apply_request(preview.import, Vec::new()), false, &progress));
    assert!(
        matches!(again, ImportReply::Refused { ref message } if message.contains("no longer held")),
        "{again:?}"
    );
}

#[test]
fn a_conflict_kept_both_comes_back_as_a_copy_and_a_device_that_moved_on_refuses_the_whole_import() {
    let store = MemoryStore::default();
    let mut desk = ImportDesk::default();
    let quiet = |_: ImportProgress| {};
    let first =
        preview_of(block_on(desk.preview(&store, &request(&["a"]), vec![read("a.json", GOLDEN)], &quiet)));
    block_on(desk.apply(&store, &apply_request(first.import, Vec::new()), false, &quiet));

    let mut changed = parse_bundle(GOLDEN).unwrap();
    changed.audits[0].value.case_reference = "CF-1 again".into();
    let text = write_bundle(&changed);
    let preview =
        preview_of(block_on(desk.preview(&store, &request(&["b"]), vec![read("b.json", &text)], &quiet)));
    let conflict = &preview.conflicts[0];
    assert_eq!(
        (conflict.record.id.as_str(), conflict.can_take_incoming, conflict.can_keep_both),
        ("golden-01", false, true)
    );
    assert_eq!(conflict.differences[0].held, "CF-1");
    let keep_both = vec![ChosenRecord { record: conflict.record.clone(), choice: ImportChoice::KeepBoth }];
    let done = block_on(desk.apply(&store, &apply_request(preview.import, keep_both.clone()), true, &quiet));
    let ImportReply::Imported(outcome) = done else { panic!("{done:?}") };
    assert_eq!((outcome.written, outcome.copies), (1, 1));
    assert_eq!(
        outcome.records[0].id, "golden-01-copy-20270104093000",
        "a page on memory only gets the record"
    );

    // Something saved between preview and apply: nothing of the import is written.
    let preview =
        preview_of(block_on(desk.preview(&store, &request(&["b"]), vec![read("b.json", &text)], &quiet)));
    let id = lens_core::AuditId::new("golden-01");
    let audit = block_on(lens_store::load_audit(&store, &id)).unwrap().unwrap();
    block_on(lens_store::save_audit(
        &store,
        &audit.value,
        Some(audit.revision),
        apply_request(0, Vec::new()).now,
    ))
    .unwrap();
    let refused = block_on(desk.apply(&store, &apply_request(preview.import, keep_both), false, &quiet));
    assert!(
        matches!(refused, ImportReply::Refused { ref message } if message.contains("changed after the files were checked")),
        "{refused:?}"
    );
}

#[test]
fn previews_and_replies_cross_as_json_unchanged() {
    let store = MemoryStore::default();
    let mut desk = ImportDesk::default();
    let reply = block_on(desk.preview(&store, &request(&["a"]), vec![read("a.json", GOLDEN)], &|_| {}));
    let text = serde_json::to_string(&reply).unwrap();
    assert_eq!(serde_json::from_str::<ImportReply>(&text).unwrap(), reply);
    let ask = crate::protocol::import::ImportRequest::Apply(apply_request(1, Vec::new()));
    let text = serde_json::to_string(&ask).unwrap();
    assert_eq!(serde_json::from_str::<crate::protocol::import::ImportRequest>(&text).unwrap(), ask);
}

#[test]
fn a_council_template_the_files_carry_is_kept_with_the_audits_made_with_it() {
    use lens_store::council_templates::list_council_templates;
    let early_help = lens_store::template_document::parse_template(include_str!(
        "../../../../web/templates/early-help-audit.json"
    ))
    .unwrap();
    let mut bundle = parse_bundle(GOLDEN).unwrap();
    bundle.templates = vec![early_help.clone()];
    bundle.audits.truncate(1);
    bundle.moderations.clear();
    bundle.audits[0].value.template = early_help.reference();
    let text = write_bundle(&bundle);
    let store = MemoryStore::default();
    let mut desk = ImportDesk::default();
    let preview = preview_of(block_on(desk.preview(
        &store,
        &request(&["eh.json"]),
        vec![read("eh.json", &text)],
        &|_| (),
    )));
    assert_eq!(preview.total.new, 1, "not refused for a template this device lacks: {:?}", preview.refusals);
    assert_eq!(preview.templates, ["Early help case audit (Northshire) version 1"]);
    let done = block_on(desk.apply(&store, &apply_request(preview.import, Vec::new()), false, &|_| ()));
    let ImportReply::Imported(outcome) = done else { panic!("{done:?}") };
    assert_eq!(outcome.written, 1, "the audit; the template is kept beside it");
    assert_eq!(block_on(list_council_templates(&store)).unwrap().0, vec![early_help.clone()]);

    // Once it is here, the same files carry nothing more.
    let again = preview_of(block_on(desk.preview(
        &store,
        &request(&["eh.json"]),
        vec![read("eh.json", &text)],
        &|_| (),
    )));
    assert!(again.templates.is_empty());
}
