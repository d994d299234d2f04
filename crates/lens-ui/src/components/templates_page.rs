//! Templates: what audits on this page are made with, the council templates the page's
//! `config` names and what became of each, and adding a council's own template from a file,
//! checked with every problem listed before anything is kept.

mod listing;
mod state;

use std::rc::Rc;

use lens_core::Template;
use lens_store::council_templates::{check_council_template, device_templates, save_council_template};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::listing::{configured_list, offered_table, problem_list, template_summary};
use self::state::{AddChange, AddStage};
use super::focus::use_focus_on_mount;
use super::pagination::plural;
use crate::app::Session;
use crate::council_templates::ConfiguredTemplate;
use crate::ports::{ChosenFile, PlatformHandle};

const INPUT_ID: &str = "lens-template-file";

#[derive(Properties, PartialEq)]
pub(crate) struct TemplatesPageProps {
    pub session: Session,
    pub platform: PlatformHandle,
    /// The templates audits here may use, as the page offers them.
    pub templates: Rc<Vec<Template>>,
    /// What became of the templates the page's `config` names.
    pub configured: Rc<Vec<ConfiguredTemplate>>,
    /// A template was kept on this device.
    pub ontemplate: Callback<Template>,
    pub onback: Callback<()>,
}

impl Reducible for AddStage {
    type Action = AddChange;

    fn reduce(self: Rc<Self>, change: AddChange) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).after(change))
    }
}

#[component]
pub(crate) fn TemplatesPage(props: &TemplatesPageProps) -> Html {
    let title = use_node_ref();
    use_focus_on_mount(title.clone());
    let stage = use_reducer(|| AddStage::Choosing { missing: false });
    let file = use_state(|| None::<ChosenFile>);
    let result_heading = use_node_ref();
    {
        // Each outcome is announced by moving focus to its heading.
        let result_heading = result_heading.clone();
        use_effect_with(std::mem::discriminant(&*stage), move |_| {
            if let Some(heading) = result_heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }

    let onchange = {
        let file = file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            file.set(input.files().and_then(|files| files.get(0)).map(ChosenFile::new));
        })
    };
    let check = {
        let (stage, file, platform) = (stage.clone(), file.clone(), props.platform.clone());
        let council = props.session.council_templates.clone();
        Callback::from(move |_: MouseEvent| {
            if stage.busy() {
                return;
            }
            let Some(chosen) = (*file).clone() else {
                stage.dispatch(AddChange::NoFile);
                return;
            };
            stage.dispatch(AddChange::Checking);
            // The chooser is drawn afresh after the check, empty: what it holds is what is checked next.
            file.set(None);
            let (stage, platform, council) = (stage.clone(), platform.clone(), council.clone());
            spawn_local(async move {
                match platform.read_text(&chosen).await {
                    Err(reason) => stage.dispatch(AddChange::Unreadable(reason)),
                    Ok(text) => stage.dispatch(AddChange::Checked {
                        file: chosen.name.clone(),
                        check: Box::new(check_council_template(&text, &device_templates(&council))),
                    }),
                }
            });
        })
    };
    let keep = {
        let (stage, platform, store) = (stage.clone(), props.platform.clone(), props.session.store.clone());
        let ontemplate = props.ontemplate.clone();
        Callback::from(move |_: MouseEvent| {
            let AddStage::Checked { template, .. } = &*stage else { return };
            let template = (**template).clone();
            stage.dispatch(AddChange::Keeping);
            let (stage, platform, store, ontemplate) =
                (stage.clone(), platform.clone(), store.clone(), ontemplate.clone());
            spawn_local(async move {
                match save_council_template(&*store.store, &template, platform.now().to_utc()).await {
                    Ok(()) => {
                        ontemplate.emit(template);
                        stage.dispatch(AddChange::Kept);
                    }
                    Err(error) => stage.dispatch(AddChange::KeepFailed(error.to_string())),
                }
            });
        })
    };
    let start_again = {
        let (stage, file) = (stage.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            file.set(None);
            stage.dispatch(AddChange::StartAgain);
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };

    let chooser = |missing: bool| {
        let group = if missing { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
        let described = if missing {
            "lens-template-file-hint lens-template-file-error"
        } else {
            "lens-template-file-hint"
        };
        html! {
            <>
                <div class={group}>
                    <label class="lens-label" for={INPUT_ID}>{ "Template file" }</label>
                    <p class="lens-hint" id="lens-template-file-hint">
                        { "A .json template document, as described in the template format. It is checked before anything is kept." }
                    </p>
                    if missing {
                        <p class="lens-error-message" id="lens-template-file-error">
                            <span class="lens-visually-hidden">{ "Error: " }</span>{ "Select a template file" }
                        </p>
                    }
                    <input class="lens-file-upload" id={INPUT_ID} type="file" accept=".json,application/json"
                        aria-describedby={described} onchange={onchange.clone()} />
                </div>
                <div class="lens-button-group">
                    <button type="button" class="lens-button" id="lens-template-check" onclick={check.clone()}>
                        { "Check this template" }
                    </button>
                </div>
            </>
        }
    };
    let adding = match &*stage {
        AddStage::Choosing { missing } => chooser(*missing),
        AddStage::Checking => html! { <p class="lens-body" role="status">{ "Checking the template…" }</p> },
        AddStage::Checked { file, template } | AddStage::Keeping { file, template } => html! {
            <>
                <h4 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1" id="lens-template-checked">
                    { format!("{file} is a template Practice Lens can use") }
                </h4>
                { template_summary(template) }
                <p class="lens-body">{ "Once added it is offered to everyone starting an audit on this device, and kept for the audits made with it." }</p>
                <div class="lens-button-group">
                    <button type="button" class="lens-button" id="lens-template-keep" onclick={keep}
                        disabled={stage.busy()}>{ "Add this template" }</button>
                    <button type="button" class="lens-button lens-button--secondary" onclick={start_again.clone()}>
                        { "Choose another file" }
                    </button>
                </div>
            </>
        },
        AddStage::Kept { template } => html! {
            <>
                <div class="lens-notification lens-notification--success" role="status">
                    <h4 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "Template added" }</h4>
                    <p class="lens-body">
                        { format!("{} version {} is offered when starting an audit.", template.title, template.version) }
                    </p>
                </div>
                <button type="button" class="lens-link-button" onclick={start_again.clone()}>{ "Add another template" }</button>
            </>
        },
        AddStage::AlreadyHere { template } => html! {
            <>
                <div class="lens-notification" role="status">
                    <h4 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "This template is here already" }</h4>
                    <p class="lens-body">
                        { format!("{} version {} is on this device as this file has it. Nothing was changed.", template.title, template.version) }
                    </p>
                </div>
                <button type="button" class="lens-link-button" onclick={start_again.clone()}>{ "Choose another file" }</button>
            </>
        },
        AddStage::Refused { file, problems } => html! {
            <>
                <div class="lens-error-summary" tabindex="-1" ref={result_heading.clone()}
                    aria-labelledby="lens-template-problems-title">
                    <div role="alert">
                        <h4 class="lens-error-summary__title" id="lens-template-problems-title">
                            { format!("{file} cannot be used: {}", plural(problems.len(), "problem", "problems")) }
                        </h4>
                        <p class="lens-body">{ "Nothing was added. Correct the template document at each place named, then choose it again." }</p>
                        { problem_list(problems, "lens-template-problems") }
                    </div>
                </div>
                { chooser(false) }
            </>
        },
        AddStage::Failed { reason } => html! {
            <>
                <div class="lens-notification lens-notification--error" role="alert">
                    <h4 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "Nothing was added" }</h4>
                    <p class="lens-body">{ reason.clone() }</p>
                </div>
                { chooser(false) }
            </>
        },
    };

    html! {
        <section class="lens-section" aria-labelledby="lens-templates-title">
            <h3 class="lens-heading-l" id="lens-templates-title" ref={title} tabindex="-1">{ "Templates" }</h3>
            <p class="lens-body">
                { "A template says what an audit asks and how it is graded. Each audit keeps the version it was made with, so changing a template never changes an audit already made." }
            </p>
            { offered_table(&props.templates) }
            { configured_list(&props.configured) }
            <h3 class="lens-heading-m" id="lens-template-add-title">{ "Add your council's template" }</h3>
            { adding }
            <div class="lens-button-group">
                <button type="button" class="lens-button lens-button--secondary" onclick={onback}>{ "Back to Home" }</button>
            </div>
        </section>
    }
}
