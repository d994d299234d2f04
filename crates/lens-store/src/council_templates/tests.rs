//! Council templates kept, read back and refused, on the memory store.

use chrono::{TimeZone, Utc};
use futures::executor::block_on;

use super::*;
use crate::memory::MemoryStore;
use crate::record::Revision;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const EARLY_HELP: &str = include_str!("../../../../web/templates/early-help-audit.json");
const BROKEN: &str = include_str!("../../../../tests/fixtures/templates/early-help-audit-broken.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
}

#[test]
fn a_new_template_is_kept_and_read_back_beside_the_built_in_ones() {
    let store = MemoryStore::default();
    let template = match check_council_template(EARLY_HELP, &device_templates(&[])) {
        Ok(TemplateCheck::New(template)) => template,
        other => panic!("expected a new template, got {other:?}"),
    };
    block_on(save_council_template(&store, &template, now())).unwrap();
    let (kept, problems) = block_on(list_council_templates(&store)).unwrap();
    assert_eq!(kept, vec![template.clone()]);
    assert!(problems.is_empty());
    let all = block_on(read_device_templates(&store));
    assert_eq!(all.len(), builtin_templates().len() + 1);
    assert_eq!(find_template(&all, &TemplateRef::new("northshire-early-help-audit", 1)), Some(&template));
    // Checked again, the same document is recognised rather than kept twice.
    assert_eq!(check_council_template(EARLY_HELP, &all), Ok(TemplateCheck::AlreadyHeld(template)));
}

#[test]
fn a_broken_document_lists_every_problem_with_its_path() {
    let problems = check_council_template(BROKEN, &device_templates(&[])).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|problem| problem.path.as_str()).collect();
    for expected in [
        "scale.grades[1].code",
        "sections[0].title",
        "sections[0].items[0].narrative",
        "overall.limiting_items[0]",
    ] {
        assert!(paths.contains(&expected), "{expected} missing from {problems:#?}");
    }
}

#[test]
fn a_built_in_id_or_a_changed_version_is_refused_with_what_to_do() {
    let builtin = write_template(&builtin_templates()[0])
        .replace("\"title\": \"Case file audit\"", "\"title\": \"Our audit\"");
    let problems = check_council_template(&builtin, &device_templates(&[])).unwrap_err();
    assert_eq!(problems[0].path, "id");
    assert!(problems[0].message.contains("its own id"), "{problems:?}");

    let kept = match check_council_template(EARLY_HELP, &[]) {
        Ok(TemplateCheck::New(template)) => template,
        other => panic!("{other:?}"),
    };
    let changed = EARLY_HELP.replace("Early help case audit (Northshire)", "Early help audit");
    let problems = check_council_template(&changed, &device_templates(&[kept])).unwrap_err();
    assert_eq!(problems[0].path, "version");
    assert!(problems[0].message.contains("give the changed template version 2"), "{problems:?}");
}

#[test]
fn a_version_kept_already_is_never_replaced() {
    let store = MemoryStore::default();
    let template = match check_council_template(EARLY_HELP, &[]) {
        Ok(TemplateCheck::New(template)) => template,
        other => panic!("{other:?}"),
    };
    block_on(save_council_template(&store, &template, now())).unwrap();
    let mut other = template.clone();
    other.title = "Changed elsewhere".into();
    block_on(save_council_template(&store, &other, now())).unwrap();
    let stored = block_on(store.get(&template_key(&template.reference()))).unwrap().unwrap();
    assert_eq!(stored.revision, Revision::FIRST);
    assert_eq!(block_on(list_council_templates(&store)).unwrap().0, vec![template]);
}

#[test]
fn a_kept_template_that_no_longer_reads_is_reported_not_used() {
    let store = MemoryStore::default();
    let mut write = template_write(&builtin_templates()[0], now());
    write.key = RecordKey::new(RecordKind::Template, "broken@1");
    write.body = "{\"format\": \"practice-lens-template\"}".into();
    block_on(store.put(write)).unwrap();
    let (kept, problems) = block_on(list_council_templates(&store)).unwrap();
    assert!(kept.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("format_version"), "{}", problems[0]);
}

#[test]
fn a_bundle_carries_the_council_templates_this_device_lacks_once_each() {
    let Ok(TemplateCheck::New(early_help)) = check_council_template(EARLY_HELP, &[]) else { panic!() };
    let bundle = |templates: Vec<Template>| crate::bundle::Bundle {
        exported_at: now(),
        templates,
        audits: Vec::new(),
        moderations: Vec::new(),
    };
    let with_builtin = bundle(vec![builtin_templates()[0].clone(), early_help.clone()]);
    let again = bundle(vec![early_help.clone()]);
    assert_eq!(carried_templates([&with_builtin, &again], &device_templates(&[])), vec![early_help.clone()]);
    assert!(
        carried_templates([&with_builtin], &device_templates(std::slice::from_ref(&early_help))).is_empty()
    );
}
