//! Theme codebook: the themes the narratives are read for, and using a council's own codebook
//! from a file, checked by the analysis worker with every problem listed before anything is
//! kept. Themes, Reports and QA reports read with the codebook in use until it is removed.

mod state;

use lens_analysis::protocol::codebook::{
    CheckCodebookRequest, CodebookSummary, CodebookThemeSummary, COUNCIL_UNNAMED,
};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_store::council_codebook::{
    council_codebook_write, parse_codebook_document, read_council_codebook, KeptCodebook,
};
use lens_store::StoreError;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::state::{CodebookChange, CodebookStage};
use super::focus::{focus_link, use_focus_on_mount};
use super::pagination::plural;
use super::scroll_table::scroll_table;
use crate::app::Session;
use crate::ports::{ChosenFile, PlatformHandle};

const INPUT_ID: &str = "lens-codebook-file";

#[derive(Properties, PartialEq)]
pub(crate) struct CodebookPageProps {
    pub session: Session,
    pub platform: PlatformHandle,
    /// The codebook was kept or removed.
    pub oncodebook: Callback<KeptCodebook>,
    pub onback: Callback<()>,
}

impl Reducible for CodebookStage {
    type Action = CodebookChange;

    fn reduce(self: std::rc::Rc<Self>, change: CodebookChange) -> std::rc::Rc<Self> {
        std::rc::Rc::new(std::rc::Rc::unwrap_or_clone(self).after(change))
    }
}

/// A sentence as a person reads it: the checks word their problems to follow a file's name.
fn sentence(problem: &str) -> String {
    // The checks' words begin in ASCII; the Unicode case tables would weigh on the first load.
    let mut characters = problem.chars();
    characters
        .next()
        .map(|first| std::iter::once(first.to_ascii_uppercase()).chain(characters).collect())
        .unwrap_or_default()
}

#[component]
pub(crate) fn CodebookPage(props: &CodebookPageProps) -> Html {
    let title = use_node_ref();
    use_focus_on_mount(title.clone());
    let stage = use_reducer(|| CodebookStage::Choosing { missing: false });
    let file = use_state(|| None::<ChosenFile>);
    let result_heading = use_node_ref();
    let input = use_node_ref();
    // Each press of "Check" counts, so pressing it again with no file chosen announces again.
    let attempt = use_state(|| 0_u32);
    {
        // Each outcome is announced by moving focus to its heading or error summary.
        let result_heading = result_heading.clone();
        use_effect_with((std::mem::discriminant(&*stage), *attempt), move |_| {
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
        let (stage, file, platform, attempt) =
            (stage.clone(), file.clone(), props.platform.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            if stage.busy() {
                return;
            }
            attempt.set(*attempt + 1);
            let Some(chosen) = (*file).clone() else {
                stage.dispatch(CodebookChange::NoFile);
                return;
            };
            stage.dispatch(CodebookChange::Checking);
            file.set(None);
            let (stage, platform) = (stage.clone(), platform.clone());
            spawn_local(async move {
                let text = match platform.read_text(&chosen).await {
                    Ok(text) => text,
                    Err(reason) => return stage.dispatch(CodebookChange::Unreadable(reason)),
                };
                let request = AnalysisRequest::CheckCodebook(CheckCodebookRequest { text: text.clone() });
                stage.dispatch(match platform.analyse(request).await {
                    Ok(AnalysisReply::CodebookChecked(check)) => {
                        CodebookChange::Checked { file: chosen.name.clone(), text, check }
                    }
                    Ok(AnalysisReply::Refused { message }) => CodebookChange::Unreadable(message),
                    Ok(_) => CodebookChange::Unreadable(
                        "The codebook could not be checked: reload the page to carry on.".to_owned(),
                    ),
                    Err(unavailable) => CodebookChange::Unreadable(unavailable.message),
                });
            });
        })
    };
    // Each write names the revision the page last read, so another tab's change is refused.
    let write = {
        let (stage, platform, store) = (stage.clone(), props.platform.clone(), props.session.store.clone());
        let (oncodebook, base) =
            (props.oncodebook.clone(), props.session.codebook.as_ref().map(|kept| kept.revision));
        move |document: Option<String>| {
            let (stage, platform, store, oncodebook) =
                (stage.clone(), platform.clone(), store.clone(), oncodebook.clone());
            async move {
                let put = store.store.put(council_codebook_write(
                    document.as_deref(),
                    base,
                    platform.now().to_utc(),
                ));
                match put.await {
                    Ok(revision) => {
                        let removed = document.is_none();
                        oncodebook.emit(KeptCodebook { document, unreadable: None, revision });
                        stage.dispatch(if removed { CodebookChange::Removed } else { CodebookChange::Kept });
                    }
                    // What another tab did is read back, so the screen shows it and a retry can succeed.
                    Err(StoreError::Conflict { .. }) => {
                        if let Ok(Some(now_kept)) = read_council_codebook(&*store.store).await {
                            oncodebook.emit(now_kept);
                        }
                        stage.dispatch(CodebookChange::WriteFailed(
                        "it was changed in another tab or window meanwhile. What is in use now is shown above: choose the file again to use it.".to_owned(),
                    ))
                    }
                    Err(error) => stage.dispatch(CodebookChange::WriteFailed(error.to_string())),
                }
            }
        }
    };
    let keep = {
        let (stage, write) = (stage.clone(), write.clone());
        Callback::from(move |_: MouseEvent| {
            let CodebookStage::Checked { text, .. } = &*stage else { return };
            let text = text.clone();
            stage.dispatch(CodebookChange::Keeping);
            spawn_local(write(Some(text)));
        })
    };
    let remove = {
        let (stage, write) = (stage.clone(), write.clone());
        Callback::from(move |_: MouseEvent| {
            if stage.busy() {
                return;
            }
            stage.dispatch(CodebookChange::Removing);
            spawn_local(write(None));
        })
    };
    let start_again = {
        let (stage, file) = (stage.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            file.set(None);
            stage.dispatch(CodebookChange::StartAgain);
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let chooser = |missing: bool| {
        let summary = missing.then(|| html! {
            <div class="lens-error-summary" tabindex="-1" ref={result_heading.clone()} aria-labelledby="lens-codebook-missing-title">
                <div role="alert">
                    <h5 class="lens-error-summary__title" id="lens-codebook-missing-title">{ "There is a problem" }</h5>
                    <ul class="lens-list lens-error-summary__list">
                        <li>{ focus_link(input.clone(), INPUT_ID, html! { "Select a codebook file" }) }</li>
                    </ul>
                </div>
            </div>
        });
        let group = if missing { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
        let described = if missing {
            "lens-codebook-file-hint lens-codebook-file-error"
        } else {
            "lens-codebook-file-hint"
        };
        html! {
            <>
                { summary.unwrap_or_default() }
                <div class={group}>
                    <label class="lens-label" for={INPUT_ID}>{ "Codebook file" }</label>
                    <p class="lens-hint" id="lens-codebook-file-hint">
                        { "A .json codebook file: its name, and its themes, each with an id, a label and the indicative phrases that signal it. It is checked before anything is kept." }
                    </p>
                    if missing {
                        <p class="lens-error-message" id="lens-codebook-file-error">
                            <span class="lens-visually-hidden">{ "Error: " }</span>{ "Select a codebook file" }
                        </p>
                    }
                    <input class="lens-file-upload" id={INPUT_ID} type="file" accept=".json,application/json" ref={input.clone()}
                        aria-describedby={described} onchange={onchange.clone()} />
                </div>
                <div class="lens-button-group">
                    <button type="button" class="lens-button" id="lens-codebook-check" onclick={check.clone()}>
                        { "Check this codebook" }
                    </button>
                </div>
            </>
        }
    };
    let changing = match &*stage {
        CodebookStage::Choosing { missing } => chooser(*missing),
        CodebookStage::Checking => {
            html! { <p class="lens-body" role="status">{ "Checking the codebook…" }</p> }
        }
        CodebookStage::Removing => {
            html! { <p class="lens-body" role="status">{ "Going back to the built-in codebook…" }</p> }
        }
        CodebookStage::Checked { file, summary, .. } | CodebookStage::Keeping { file, summary, .. } => {
            html! {
                <>
                    <h5 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1" id="lens-codebook-checked">
                        { format!("{file} is a codebook Practice Lens can use") }
                    </h5>
                    { summary_table(&summary.name, &summary.themes, "lens-codebook-checked-themes") }
                    <p class="lens-body">{ "Once used, Themes, Reports and QA reports on this device read narratives for these themes instead of the built-in ones, until it is removed. Signed QA reports keep the themes they were signed with." }</p>
                    <div class="lens-button-group">
                        <button type="button" class="lens-button" id="lens-codebook-keep" onclick={keep}
                            disabled={stage.busy()}>{ "Use this codebook" }</button>
                        <button type="button" class="lens-button lens-button--secondary" onclick={start_again.clone()}>
                            { "Choose another file" }
                        </button>
                    </div>
                </>
            }
        }
        CodebookStage::Kept { summary } => html! {
            <div class="lens-notification lens-notification--success" role="status">
                <h5 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "Your council's codebook is in use" }</h5>
                <p class="lens-body">
                    { format!("Themes, Reports and QA reports now read narratives for the {} of {}.", plural(summary.themes.len(), "theme", "themes"), of_codebook(&summary.name)) }
                </p>
            </div>
        },
        CodebookStage::Removed => html! {
            <div class="lens-notification lens-notification--success" role="status">
                <h5 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "The built-in codebook is in use again" }</h5>
                <p class="lens-body">{ "Your council's codebook was removed from this device." }</p>
            </div>
        },
        CodebookStage::Refused { file, problems } => html! {
            <>
                <div class="lens-error-summary" tabindex="-1" ref={result_heading.clone()}
                    aria-labelledby="lens-codebook-problems-title">
                    <div role="alert">
                        <h5 class="lens-error-summary__title" id="lens-codebook-problems-title">
                            { format!("{file} cannot be used: {}", plural(problems.len(), "problem", "problems")) }
                        </h5>
                        <p class="lens-body">{ "Nothing was changed. Correct the codebook at each place named, then choose it again." }</p>
                        <ul class="lens-list lens-list--bullet" id="lens-codebook-problems">
                            { for problems.iter().map(|problem| html! { <li>{ sentence(problem) }</li> }) }
                        </ul>
                    </div>
                </div>
                { chooser(false) }
            </>
        },
        CodebookStage::Failed { reason } => html! {
            <>
                <div class="lens-notification lens-notification--error" role="alert">
                    <h5 class="lens-heading-s" ref={result_heading.clone()} tabindex="-1">{ "Nothing was changed" }</h5>
                    <p class="lens-body">{ reason.clone() }</p>
                </div>
                { chooser(false) }
            </>
        },
    };
    html! {
        <section class="lens-section" aria-labelledby="lens-codebook-title">
            <h3 class="lens-heading-l" id="lens-codebook-title" ref={title} tabindex="-1">{ "Theme codebook" }</h3>
            <p class="lens-body">
                { "The codebook names the practice themes looked for in auditors' narratives and the phrases that signal each. Whether a theme is going well or needs to improve is read from the words around it." }
            </p>
            <h4 class="lens-heading-m" id="lens-codebook-in-use">{ "In use on this device" }</h4>
            { in_use(&props.session, &remove, stage.busy()) }
            <h4 class="lens-heading-m">{ "Use your council's codebook" }</h4>
            { changing }
            <div class="lens-button-group">
                <button type="button" class="lens-button lens-button--secondary" onclick={onback}>{ "Back to Themes" }</button>
            </div>
        </section>
    }
}

/// The codebook in use: the council's, with its themes and a way back to the built-in one, or
/// the built-in one.
fn in_use(session: &Session, onremove: &Callback<MouseEvent>, busy: bool) -> Html {
    let remove = html! {
        <div class="lens-button-group">
            <button type="button" class="lens-button lens-button--warning" id="lens-codebook-remove" onclick={onremove.clone()}
                disabled={busy}>{ "Remove it and use the built-in codebook" }</button>
        </div>
    };
    let builtin = html! {
        <p class="lens-body">{ "The built-in codebook: the seventeen themes of children's social care case-file audits, from the voice of the child to management oversight." }</p>
    };
    let Some(kept) = &session.codebook else { return builtin };
    if let Some(why) = &kept.unreadable {
        return html! {
            <>
                <p class="lens-body">{ format!("Your council's codebook kept on this device cannot be read ({why}), so the built-in codebook is used. Choose your codebook file again below, or remove it.") }</p>
                { remove }
            </>
        };
    }
    let Some(document) = kept.document.as_deref() else { return builtin };
    let Ok(parsed) = parse_codebook_document(document) else {
        return html! {
            <>
                <p class="lens-body">{ "Your council's codebook kept on this device cannot be read, so the built-in codebook is used. Choose your codebook file again below, or remove it." }</p>
                { remove }
            </>
        };
    };
    let themes: Vec<CodebookThemeSummary> = parsed
        .themes
        .iter()
        .map(|theme| CodebookThemeSummary {
            id: theme.id.clone(),
            label: if theme.label.trim().is_empty() { theme.id.clone() } else { theme.label.clone() },
            phrases: theme.indicative_phrases.len(),
        })
        .collect();
    let count = plural(themes.len(), "theme", "themes");
    let words = if parsed.name.is_empty() {
        format!("Your council's codebook, with {count}.")
    } else {
        format!("Your council's codebook, {}, with {count}.", parsed.name)
    };
    html! {
        <>
            <p class="lens-body">{ words }</p>
            { summary_table(&parsed.name, &themes, "lens-codebook-in-use-themes") }
            { remove }
        </>
    }
}

/// "the themes of Northshire practice themes", or of "your council's codebook" when unnamed.
fn of_codebook(name: &str) -> String {
    if name.is_empty() || name == COUNCIL_UNNAMED {
        "your council's codebook".to_owned()
    } else {
        name.to_owned()
    }
}

/// A codebook's themes as a table captioned with `caption_id`, which names its scroll region.
fn summary_table(name: &str, themes: &[CodebookThemeSummary], caption_id: &str) -> Html {
    let rows = themes.iter().map(|theme| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ theme.label.clone() }</th>
                <td class="lens-table__cell"><code>{ theme.id.clone() }</code></td>
                <td class="lens-table__cell lens-table__cell--numeric">{ theme.phrases }</td>
            </tr>
        }
    });
    html! {
        { scroll_table(caption_id, html! {
            <table class="lens-table">
                <caption class="lens-table__caption" id={caption_id.to_owned()}>{ format!("The themes of {}", of_codebook(name)) }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="lens-table__header">{ "Theme" }</th>
                        <th scope="col" class="lens-table__header">{ "Id" }</th>
                        <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Indicative phrases" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        }) }
    }
}

/// What the Themes panel says about the codebook it read with.
pub(crate) fn read_with(codebook: &CodebookSummary) -> Html {
    let count = plural(codebook.themes.len(), "theme", "themes");
    let words = match (codebook.council, codebook.name == COUNCIL_UNNAMED) {
        (true, true) => format!("Read with your council's codebook ({count})."),
        (true, false) => format!("Read with your council's codebook, {} ({count}).", codebook.name),
        (false, _) => format!("Read with the built-in codebook ({count})."),
    };
    html! {
        <>
            <p class="lens-body">{ words }</p>
            if let Some(note) = &codebook.note {
                <div class="lens-inset"><p class="lens-body">{ note.clone() }</p></div>
            }
        </>
    }
}

/// The way from Themes to this screen, drawn whatever the panel's state, so a codebook that
/// stops the themes being read can still be changed.
pub(crate) fn change_codebook(onchange: &Callback<MouseEvent>) -> Html {
    html! {
        <p class="lens-body">
            <button type="button" class="lens-link-button lens-link-button--inline" onclick={onchange.clone()}>{ "Change the theme codebook" }</button>
        </p>
    }
}
