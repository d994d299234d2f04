//! The home screen's tasks in the browser: moderating a submitted audit, a report the analysis
//! worker cannot make, and the storage status remembering the last export.

use chrono::{TimeZone, Utc};
use lens_core::{awaiting_moderation, AuditStatus, GradeRule};
use lens_idb::IdbStore;
use lens_store::bundle::Bundle;
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::{list_audits, list_moderations, save_audit, save_moderation};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlFormElement};

use super::mount::{input, mount_ready, open_task, type_into};
use super::support::{detail_field, settle, unique_db_name, Host};

/// A generated set of audits and moderations, saved in the database `db_name`.
async fn seeded(db_name: &str) -> Bundle {
    let bundle = generate_bundle(&SampleSpec::new(11, 3, 24, 3));
    let store = IdbStore::open(db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 7, 1, 9, 0, 0).unwrap();
    for audit in &bundle.audits {
        save_audit(&store, &audit.value, None, now).await.unwrap();
    }
    for moderation in &bundle.moderations {
        save_moderation(&store, &moderation.value, None, now).await.unwrap();
    }
    bundle
}

fn click(host: &Host, selector: &str) {
    let element: HtmlElement =
        host.shadow.query_selector(selector).unwrap().expect(selector).dyn_into().unwrap();
    element.click();
}

fn submit_form(host: &Host) {
    let form: HtmlFormElement = host.shadow.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
}

#[wasm_bindgen_test]
async fn a_moderation_keeps_both_gradings_and_marks_the_audit_moderated() {
    let db_name = unique_db_name("moderate");
    let bundle = seeded(&db_name).await;
    let template = bundle.templates[0].clone();
    let waiting = awaiting_moderation(
        bundle.audits.iter().map(|audit| &audit.value),
        bundle.moderations.iter().map(|moderation| &moderation.value),
        &bundle.templates,
    );
    assert!(!waiting.is_empty(), "the sample has audits waiting for moderation");

    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    settle().await;
    let expected = format!("{} audits are waiting for moderation", waiting.len());
    assert!(host.text().contains(&expected), "{}", host.text());
    open_task(&host, "moderate").await;
    let rows = host.shadow.query_selector_all("tbody").unwrap().item(0).unwrap();
    let rows: web_sys::Element = rows.dyn_into().unwrap();
    assert_eq!(rows.children().length() as usize, waiting.len());

    // The list shows the audits in the core's order, oldest first: the first row is its first.
    let chosen = waiting[0].clone();
    click(&host, "tbody .lens-link-button");
    settle().await;
    settle().await;

    // Nothing given: every missing part is listed, and nothing is saved.
    submit_form(&host);
    settle().await;
    settle().await;
    let text = host.text();
    assert!(text.contains("Enter the moderator's name"), "{text}");
    assert!(text.contains("Give your grade for standard 1"), "{text}");
    assert!(text.contains("Give your overall judgement"), "{text}");
    assert!(
        !text.contains("The auditor's grade: "),
        "the auditor's grades stay hidden until the moderator grades: {text}"
    );

    // The moderator grades every standard Outstanding and agrees Outstanding without a reason.
    type_into(&host, "lens-m-moderator", "Amira Hussain");
    let graded: Vec<_> = template.items().filter(|item| item.grade != GradeRule::None).collect();
    for item in &graded {
        input(&host, &format!("lens-m-{}-own-0", item.id)).click();
    }
    input(&host, "lens-moderation-overall-own-0").click();
    settle().await;
    assert!(!host.text().contains("The auditor's grade: "), "{}", host.text());
    // Every grade given: the comparison opens with the auditor's grades.
    submit_form(&host);
    settle().await;
    settle().await;
    assert!(host.text().contains("The auditor's grade: "), "{}", host.text());
    for item in &graded {
        input(&host, &format!("lens-m-{}-agreed-0", item.id)).click();
    }
    input(&host, "lens-moderation-overall-agreed-0").click();
    settle().await;
    submit_form(&host);
    settle().await;
    settle().await;
    let text = host.text();
    let changed = graded
        .iter()
        .filter(|item| chosen.responses.get(&item.id).and_then(|r| r.grade.as_deref()) != Some("O"))
        .count();
    assert!(changed > 0, "the sample audit has grades below outstanding");
    assert_eq!(
        text.matches("Give the rationale for the agreed grade of").count(),
        changed * 2,
        "summary and inline: {text}"
    );

    // With a rationale wherever the agreed grade differs, the moderation is saved.
    for item in &graded {
        type_into(&host, &format!("lens-m-{}-rationale", item.id), "Agreed at the moderation meeting.");
    }
    type_into(&host, "lens-moderation-overall-rationale", "Agreed at the moderation meeting.");
    let saved = host.next_event("lens-saved");
    submit_form(&host);
    let detail = saved.await.unwrap();
    assert_eq!(detail_field(&detail, "kind"), "moderation");
    // Then the audit is marked moderated, in a second save that waits on the database.
    let marked = host.next_event("lens-saved").await.unwrap();
    assert_eq!(detail_field(&marked, "kind"), "audit");
    assert_eq!(detail_field(&marked, "id"), chosen.id.to_string());
    settle().await;
    settle().await;
    assert!(host.text().contains("Moderation saved"), "{}", host.text());

    let store = IdbStore::open(&db_name).await.unwrap();
    let (moderations, _) = list_moderations(&store).await.unwrap();
    // Generated moderations are by other moderators, some by this same name: find this audit's.
    let mine = moderations.iter().find(|m| m.value.audit == chosen.id).expect("the new moderation");
    assert_eq!(mine.value.moderator, "Amira Hussain");
    assert!(graded.iter().all(|item| mine.value.agreed_grade(&item.id) == Some("O")));
    assert_eq!(mine.value.agreed_overall(), Some("O"));
    let (audits, _) = list_audits(&store).await.unwrap();
    let marked = audits.iter().find(|audit| audit.value.id == chosen.id).unwrap();
    assert_eq!(marked.value.status, AuditStatus::Moderated);
    assert_eq!(marked.value.responses, chosen.responses, "the auditor's grades are unchanged");
    instance.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_report_the_analysis_worker_cannot_make_is_explained_in_words() {
    // Mounted with no worker script (as a host page that copied only part of dist/ would be):
    // the Reports screen says what happened and what to do, and its choices stay usable.
    let db_name = unique_db_name("reports");
    seeded(&db_name).await;
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    open_task(&host, "reports").await;
    let field = input(&host, "lens-report-from-day");
    field.set_value("2");
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    for _ in 0..20 {
        settle().await;
        if host.text().contains("The report could not be made") {
            break;
        }
    }
    let text = host.text();
    assert!(text.contains("The report could not be made"), "{text}");
    assert!(text.contains("Reload the page; if it happens again, tell your intranet team."), "{text}");
    assert!(!text.contains("Making the report"), "{text}");
    let alert = host.shadow.query_selector("[role=alert]").unwrap().expect("the notice is an alert");
    assert!(alert.text_content().unwrap_or_default().contains("could not be made"));
    assert_eq!(input(&host, "lens-report-from-day").value(), "2", "the choice is kept");
    instance.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_last_export_is_shown_and_remembered_on_the_device() {
    let db_name = unique_db_name("export-log");
    seeded(&db_name).await;
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    assert!(host.text().contains("Nothing has been exported from this device yet."), "{}", host.text());
    let buttons = host.shadow.query_selector_all("button").unwrap();
    let download_all = (0..buttons.length())
        .filter_map(|index| buttons.item(index)?.dyn_into::<HtmlElement>().ok())
        .find(|button| button.text_content().unwrap_or_default() == "Download all data on this device")
        .expect("the download button");
    download_all.click();
    for _ in 0..20 {
        settle().await;
        if host.text().contains("Last exported on") {
            break;
        }
    }
    let text = host.text();
    assert!(text.contains("Last exported on") && text.contains("all data (24 audits"), "{text}");
    instance.destroy();
    host.remove();

    let again = Host::new();
    let mut instance = mount_ready(&again, "storage", &db_name).await;
    settle().await;
    assert!(again.text().contains("all data (24 audits"), "{}", again.text());
    instance.destroy();
    again.remove();
}

#[wasm_bindgen_test]
async fn a_long_list_of_audits_comes_a_page_at_a_time_and_a_search_starts_again_at_page_one() {
    let db_name = unique_db_name("pages");
    let bundle = generate_bundle(&SampleSpec::new(12, 3, 60, 3));
    let store = IdbStore::open(&db_name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 7, 1, 9, 0, 0).unwrap();
    for audit in &bundle.audits {
        save_audit(&store, &audit.value, None, now).await.unwrap();
    }
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    settle().await;
    let audit_rows = || {
        let table =
            host.shadow.query_selector("table[aria-labelledby='lens-audits-title']").unwrap().unwrap();
        table.query_selector_all("tbody tr").unwrap().length()
    };
    assert!(host.text().contains("Showing 1 to 25 of 60 audits"), "{}", host.text());
    assert_eq!(audit_rows(), 25, "one page is drawn, not 60 rows");
    click(&host, "nav[aria-label='Pages of audits'] li:nth-child(2) button");
    settle().await;
    assert!(host.text().contains("Showing 26 to 50 of 60 audits"), "{}", host.text());
    let current =
        host.shadow.query_selector("nav[aria-label='Pages of audits'] [aria-current=page]").unwrap();
    assert_eq!(current.and_then(|page| page.text_content()).as_deref(), Some("Page 2"));
    type_into(&host, "lens-filter-search", "CF-");
    settle().await;
    assert!(
        host.text().contains("Showing 1 to 25 of 60 audits"),
        "a new search starts at page one: {}",
        host.text()
    );
    instance.destroy();
    host.remove();
}
