//! The app mounted into a shadow root, as the custom element does it.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlFormElement, HtmlInputElement};

use super::support::{detail_field, options, settle, unique_db_name, Host};

pub(super) async fn mount_ready(host: &Host, view: &str, db_name: &str) -> lens_web::LensInstance {
    let ready = host.next_event("lens-ready");
    let instance = lens_web::mount(
        host.container.clone().into(),
        host.host.clone().into(),
        options(view, db_name, None),
    )
    .expect("mount succeeds");
    let detail = ready.await.unwrap();
    assert_eq!(detail_field(&detail, "storage"), "indexeddb");
    assert_eq!(detail_field(&detail, "view"), view);
    instance
}

pub(super) fn input(host: &Host, id: &str) -> HtmlInputElement {
    host.shadow
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} in the shadow root"))
        .dyn_into()
        .unwrap()
}

/// Tells yew a field's value changed, as typing would.
pub(super) fn dispatch_input(field: &web_sys::EventTarget) {
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &{
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    field.dispatch_event(&event).unwrap();
}

/// Types into a text input or a textarea.
pub(super) fn type_into(host: &Host, id: &str, text: &str) {
    let element = host.shadow.get_element_by_id(id).unwrap_or_else(|| panic!("#{id} in the shadow root"));
    match element.dyn_into::<HtmlInputElement>() {
        Ok(field) => field.set_value(text),
        Err(element) => {
            element.dyn_ref::<web_sys::HtmlTextAreaElement>().expect("a text field").set_value(text)
        }
    }
    dispatch_input(&host.shadow.get_element_by_id(id).unwrap());
}

/// Follows one of the home screen's tasks.
pub(super) async fn open_task(host: &Host, task: &str) {
    let button: web_sys::HtmlElement =
        host.shadow.get_element_by_id(&format!("lens-task-{task}")).expect("the task").dyn_into().unwrap();
    button.click();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_app_renders_inside_the_shadow_root_only() {
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &unique_db_name("render")).await;
    assert!(host.text().contains("Practice Lens"), "{}", host.text());
    assert!(host.text().contains("Audit a case") && host.text().contains("Reflect on my practice"));
    assert_eq!(host.host.child_element_count(), 0, "nothing is added to the host's light DOM");
    instance.destroy();
    // yew runs the teardown on its scheduler.
    settle().await;
    assert_eq!(host.container.child_element_count(), 0, "destroy clears the mount point");
    host.remove();
}

#[wasm_bindgen_test]
async fn an_audit_saved_through_the_form_is_there_after_the_app_is_mounted_again() {
    let db_name = unique_db_name("remount");
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    open_task(&host, "audit").await;
    type_into(&host, "lens-case-reference", "CF-77");
    type_into(&host, "lens-auditor", "Ali Khan");
    input(&host, "lens-template-0").click();
    settle().await;
    let saved = host.next_event("lens-saved");
    let form: HtmlFormElement = host.shadow.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    let detail = saved.await.unwrap();
    assert_eq!(detail_field(&detail, "kind"), "audit");
    assert_eq!(detail_field(&detail, "revision"), "JsValue(1)");
    settle().await;
    let text = host.text();
    assert!(
        text.contains("Case CF-77 · Ali Khan") && text.contains("Back to audits on this device"),
        "{text}"
    );
    instance.destroy();
    host.remove();

    let again = Host::new();
    let mut instance = mount_ready(&again, "home", &db_name).await;
    settle().await;
    let text = again.text();
    assert!(text.contains("CF-77") && text.contains("Ali Khan") && text.contains("Draft"), "{text}");
    instance.destroy();
    again.remove();
}

#[wasm_bindgen_test]
async fn invalid_input_is_not_saved_and_the_error_summary_takes_focus() {
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &unique_db_name("invalid")).await;
    open_task(&host, "audit").await;
    let form: HtmlFormElement = host.shadow.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    settle().await;
    let summary = host.shadow.query_selector(".lens-error-summary").unwrap().expect("an error summary");
    let focused = host.shadow.active_element().expect("focus is inside the shadow root");
    assert_eq!(focused, summary);
    let text = host.text();
    assert!(text.contains("Enter the case reference") && text.contains("Enter your name"), "{text}");
    assert!(text.contains("Select what you are auditing"), "{text}");
    assert!(!text.contains("Back to audits on this device"), "nothing was started");
    instance.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn changing_the_view_updates_the_running_app() {
    let host = Host::new();
    let db_name = unique_db_name("views");
    let mut instance = mount_ready(&host, "home", &db_name).await;
    instance.update(options("storage", &db_name, None));
    settle().await;
    assert!(host.text().contains("Data on this device"), "{}", host.text());
    instance.update(options("reports-next-year", &db_name, None));
    settle().await;
    assert!(host.text().contains("no view called 'reports-next-year'"), "{}", host.text());
    instance.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_config_attribute_is_explained_and_the_app_still_runs() {
    let host = Host::new();
    let ready = host.next_event("lens-ready");
    let config = Some(r#"{"organisation": "Northshire", "colour": "red"}"#);
    let mut instance = lens_web::mount(
        host.container.clone().into(),
        host.host.clone().into(),
        options("home", &unique_db_name("config"), config),
    )
    .unwrap();
    ready.await.unwrap();
    let text = host.text();
    assert!(text.contains("The config attribute is not valid") && text.contains("colour"), "{text}");
    assert!(text.contains("Audit a case"));
    instance.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn mount_refuses_a_host_that_is_not_an_element() {
    let host = Host::new();
    let result =
        lens_web::mount(host.container.clone().into(), "not an element".into(), options("home", "x", None));
    assert!(result.is_err());
    host.remove();
}

#[wasm_bindgen_test]
fn the_crash_notice_replaces_the_app_with_words_for_a_person() {
    let host = Host::new();
    let leftover = super::support::document().create_element("p").unwrap();
    leftover.set_text_content(Some("half-rendered form"));
    host.container.append_child(&leftover).unwrap();
    lens_web::show_crash_notice(&host.container, "index out of bounds");
    let notice = host.container.first_element_child().unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = host.text();
    assert!(text.starts_with("Practice Lens has stopped working"), "{text}");
    assert!(text.contains("Technical detail: index out of bounds"));
    assert!(!text.contains("half-rendered form"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_audit_form_saves_each_change_and_submits_only_a_complete_audit() {
    let db_name = unique_db_name("form");
    let host = Host::new();
    let mut instance = mount_ready(&host, "home", &db_name).await;
    open_task(&host, "audit").await;
    type_into(&host, "lens-case-reference", "CF-88");
    type_into(&host, "lens-auditor", "Ali Khan");
    input(&host, "lens-template-0").click();
    settle().await;
    let started = host.next_event("lens-saved");
    let form: HtmlFormElement = host.shadow.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    started.await.unwrap();
    settle().await;

    // A grade and a narrative are saved after the pause, at the next revision.
    let autosaved = host.next_event("lens-saved");
    input(&host, "lens-i-risk-grade-0").click();
    let narrative: web_sys::HtmlTextAreaElement =
        host.shadow.get_element_by_id("lens-i-risk-narrative").unwrap().dyn_into().unwrap();
    narrative.set_value("Risk of neglect identified at referral and reduced.");
    dispatch_input(&narrative);
    let detail = autosaved.await.unwrap();
    assert_eq!(detail_field(&detail, "revision"), "JsValue(2)");
    settle().await;
    assert!(host.text().contains("Saved at"), "{}", host.text());

    // Submitting the incomplete audit lists every problem and saves nothing.
    let form: HtmlFormElement = host.shadow.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    // The form renders the problems, then the summary renders and takes focus.
    settle().await;
    settle().await;
    let summary = host.shadow.query_selector(".lens-error-summary").unwrap().expect("an error summary");
    assert_eq!(host.shadow.active_element(), Some(summary));
    let text = host.text();
    assert!(text.contains("Enter team"), "{text}");
    assert!(text.contains("Grade standard 2"), "{text}");
    assert!(text.contains("Give the overall judgement"), "{text}");
    assert!(!text.contains("Grade standard 1 "), "standard 1 is graded: {text}");
    instance.destroy();
    host.remove();

    // The grade and narrative are there when the audit is opened again.
    let again = Host::new();
    let mut instance = mount_ready(&again, "home", &db_name).await;
    settle().await;
    let open: web_sys::HtmlElement =
        again.shadow.query_selector("tbody .lens-link-button").unwrap().unwrap().dyn_into().unwrap();
    open.click();
    settle().await;
    assert!(input(&again, "lens-i-risk-grade-0").checked());
    let narrative: web_sys::HtmlTextAreaElement =
        again.shadow.get_element_by_id("lens-i-risk-narrative").unwrap().dyn_into().unwrap();
    assert_eq!(narrative.value(), "Risk of neglect identified at referral and reduced.");
    instance.destroy();
    again.remove();
}
