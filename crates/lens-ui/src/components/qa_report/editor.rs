//! Writing a QA report: its figures and themes asked of the worker for what it covers, the
//! findings drafted from the themes and edited, kept as a draft, then signed off with the
//! figures as they are at that moment.

use std::rc::Rc;

use lens_analysis::protocol::frozen::freeze;
use lens_analysis::protocol::themes::{ThemePanelRequest, ThemeSplit};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, ExpectedVolume, ReportRequest, ReportView};
use lens_store::qa_report::{save_qa_report, FindingsHeading, QaReportRefusal, ReportTemplate, SignOff};
use lens_store::{RecordKind, StoreError};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::page::{evidence_list, figures, ReportTitle};
use super::state::{field_id, DraftChange, FiguresState, QaDraft};
use crate::analysis::snapshot_source;
use crate::app::Session;
use crate::components::focus::use_focus_on_mount;
use crate::components::form::{error_message, ErrorSummary, FieldError};
use crate::components::saving::why_not_saved;
use crate::components::themes_panel::sides::OpenQuote;
use crate::ports::{ErrorCode, LensEvent, PlatformHandle, StorageKind};

const TITLE_ID: &str = "lens-qa-title";

#[derive(Properties, PartialEq)]
pub(crate) struct QaReportEditorProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub draft: QaDraft,
    pub ondraft: Callback<DraftChange>,
    pub title: ReportTitle,
    pub template: Option<ReportTemplate>,
    pub expected: ExpectedVolume,
    pub onopen: OpenQuote,
    pub onreported: Callback<lens_store::Versioned<lens_store::qa_report::QaReport>>,
    /// The report was signed off: show it as kept.
    pub onsigned: Callback<String>,
    pub onback: Callback<()>,
}

/// The report's figures as they arrive from the worker.
#[derive(Clone, PartialEq)]
enum Figures {
    Waiting,
    Ready(Rc<ReportView>),
    Failed(String),
}

#[component]
pub(crate) fn QaReportEditor(props: &QaReportEditorProps) -> Html {
    let figures_made = use_state(|| Figures::Waiting);
    let themes_state = use_state(|| None::<String>);
    let save_problem = use_state(|| None::<String>);
    // Each time the figures are asked for again (more audits arrived), only the newest answer is shown.
    let asked = use_mut_ref(|| 0_u64);
    let attempt = use_state(|| 0_u32);
    let shown_problems = use_state(Vec::<(String, String)>::new);
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let draft = &props.draft;
    let nodes: Vec<(String, NodeRef)> = ["lens-qa-author", "lens-qa-figures"]
        .into_iter()
        .map(str::to_owned)
        .chain(FindingsHeading::ALL.into_iter().map(field_id))
        .map(|id| (id, NodeRef::default()))
        .collect();
    let nodes = use_memo((), move |_| nodes);
    let node = |id: &str| {
        nodes.iter().find(|(known, _)| known == id).map(|(_, node)| node.clone()).unwrap_or_default()
    };
    {
        let (figures_made, themes_state, platform, session) =
            (figures_made.clone(), themes_state.clone(), props.platform.clone(), props.session.clone());
        let (ondraft, expected, scope) = (props.ondraft.clone(), props.expected, draft.scope.clone());
        let (id, asked) = (draft.id.clone(), asked.clone());
        let today = props.platform.now().date_naive();
        // Figures first, then the themes the findings are drafted from.
        use_effect_with(
            (scope, session.audits.clone(), session.moderations.clone()),
            move |(scope, _, _)| {
                let scope = scope.clone();
                let this_ask = {
                    let mut asked = asked.borrow_mut();
                    *asked += 1;
                    *asked
                };
                let newest = move || *asked.borrow() == this_ask;
                figures_made.set(Figures::Waiting);
                themes_state.set(Some("Reading the narratives of these audits for themes…".to_owned()));
                spawn_local(async move {
                    let source = snapshot_source(&session).await;
                    let report = ReportRequest {
                        source: source.clone(),
                        from: scope.from,
                        to: scope.to,
                        team: scope.team.clone(),
                        template: scope.template.clone(),
                        today,
                        expected,
                    };
                    let made = match platform.analyse(AnalysisRequest::Report(report)).await {
                        Ok(AnalysisReply::Report(view)) => Figures::Ready(Rc::new(view)),
                        Ok(AnalysisReply::Refused { message }) => Figures::Failed(message),
                        Ok(_) => Figures::Failed("reload the page to carry on.".to_owned()),
                        Err(unavailable) => Figures::Failed(unavailable.message),
                    };
                    if !newest() {
                        return;
                    }
                    figures_made.set(made);
                    let panel = ThemePanelRequest {
                        source,
                        from: scope.from,
                        to: scope.to,
                        team: scope.team,
                        template: scope.template,
                        standard: None,
                        grade: None,
                        split: ThemeSplit::Standard,
                    };
                    let read = platform.analyse(AnalysisRequest::ThemePanel(panel)).await;
                    if !newest() {
                        return;
                    }
                    match read {
                        Ok(AnalysisReply::ThemePanel(view)) => {
                            themes_state.set(None);
                            ondraft.emit(DraftChange::Themes { id, panel: Rc::new(view) });
                        }
                        Ok(AnalysisReply::Refused { message }) => {
                            themes_state.set(Some(format!("The themes could not be read: {message}")))
                        }
                        Ok(_) => themes_state.set(Some(
                            "The themes could not be read: reload the page to carry on.".to_owned(),
                        )),
                        Err(unavailable) => themes_state
                            .set(Some(format!("The themes could not be read: {}", unavailable.message))),
                    }
                });
            },
        );
    }
    let save = |sign: bool| {
        let (draft, session, platform) = (draft.clone(), props.session.clone(), props.platform.clone());
        let (ondraft, onreported, onsigned) =
            (props.ondraft.clone(), props.onreported.clone(), props.onsigned.clone());
        let (save_problem, attempt, shown_problems) =
            (save_problem.clone(), attempt.clone(), shown_problems.clone());
        let (organisation, template, figures_made) =
            (props.title.organisation.clone(), props.template.clone(), (*figures_made).clone());
        Callback::from(move |_: MouseEvent| {
            if draft.saving {
                return;
            }
            let today = platform.now().date_naive();
            let sign_off = if sign {
                let (ready, state) = match &figures_made {
                    Figures::Ready(view) => (Some(view.clone()), FiguresState::Ready),
                    Figures::Waiting => (None, FiguresState::Waiting),
                    Figures::Failed(_) => (None, FiguresState::Failed),
                };
                let problems = draft.sign_off_problems(state);
                shown_problems.set(problems.clone());
                attempt.set(*attempt + 1);
                let Some(view) = ready.filter(|_| problems.is_empty()) else { return };
                Some(SignOff { by: draft.author.trim().to_owned(), on: today, figures: freeze(&view) })
            } else {
                shown_problems.set(Vec::new());
                None
            };
            let report = draft.report(organisation.clone(), template.clone(), today, sign_off);
            ondraft.emit(DraftChange::Saving { id: draft.id.clone() });
            let (session, platform, ondraft, onreported, onsigned, save_problem) = (
                session.clone(),
                platform.clone(),
                ondraft.clone(),
                onreported.clone(),
                onsigned.clone(),
                save_problem.clone(),
            );
            let base = draft.base;
            spawn_local(async move {
                let now = platform.now().to_utc();
                match save_qa_report(&*session.store.store, &report, base, now).await {
                    Ok(saved) => {
                        save_problem.set(None);
                        platform.emit(LensEvent::Saved {
                            kind: RecordKind::QaReport,
                            id: saved.value.id.clone(),
                            revision: saved.revision.get(),
                        });
                        ondraft.emit(DraftChange::Saved {
                            id: saved.value.id.clone(),
                            revision: saved.revision,
                            findings: saved.value.findings.clone(),
                            author: report.written_by.clone(),
                        });
                        let signed = saved.value.sign_off.is_some().then(|| saved.value.id.clone());
                        onreported.emit(saved);
                        if let Some(id) = signed {
                            onsigned.emit(id);
                        }
                    }
                    Err(refusal) => {
                        let message = refusal_words(&refusal);
                        platform
                            .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: message.clone() });
                        save_problem.set(Some(message));
                        ondraft.emit(DraftChange::NotSaved { id: report.id.clone() });
                    }
                }
            });
        })
    };
    let problem_at =
        |id: &str| shown_problems.iter().find(|(at, _)| at == id).map(|(_, message)| message.clone());
    let summary: Vec<FieldError> = shown_problems
        .iter()
        .map(|(id, message)| FieldError { message: message.clone(), field: node(id), field_id: id.clone() })
        .collect();
    let headings = FindingsHeading::ALL.into_iter().map(|heading| {
        let id = field_id(heading);
        let error = problem_at(&id);
        let oninput = {
            let ondraft = props.ondraft.clone();
            Callback::from(move |event: InputEvent| {
                ondraft.emit(DraftChange::Text(heading, event.target_unchecked_into::<HtmlTextAreaElement>().value()))
            })
        };
        let evidence = draft.findings.iter().find(|f| f.heading == heading).map(|f| f.evidence.clone()).unwrap_or_default();
        let class = classes!("lens-textarea", "lens-qa-findings", error.as_ref().map(|_| "lens-textarea--error"));
        let group = if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
        html! {
            <div class={group}>
                <h5 class="lens-label-wrapper"><label class="lens-label lens-label--m" for={id.clone()}>{ heading.label() }</label></h5>
                <div class="lens-hint" id={format!("{id}-hint")}>{ hint(heading) }</div>
                { error_message(&id, error.as_deref()) }
                <textarea {class} id={id.clone()} name={id.clone()} rows="8" ref={node(&id)}
                    aria-describedby={if error.is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }}
                    value={draft.text(heading).to_owned()} {oninput} />
                { evidence_list(&format!("{id}-evidence"), &evidence, &props.onopen) }
            </div>
        }
    });
    let on_author = {
        let ondraft = props.ondraft.clone();
        Callback::from(move |event: InputEvent| {
            ondraft.emit(DraftChange::Author(event.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let author_error = problem_at("lens-qa-author");
    let status = draft.status_text(props.session.store.kind == StorageKind::IndexedDb);
    let saving = draft.saving;
    html! {
        <section class="lens-section lens-qa-report" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to reports" }</button>
            <ErrorSummary errors={summary} attempt={*attempt} />
            { props.title.view(TITLE_ID, heading) }
            <p class="lens-body lens-save-status" role="status">{ status }</p>
            if let Some(problem) = &*save_problem {
                <div class="lens-notification lens-notification--error" role="alert">
                    <h4 class="lens-heading-s">{ "The report was not saved" }</h4>
                    <p class="lens-body">{ problem.clone() }</p>
                </div>
            }
            <h4 class="lens-heading-m">{ "Findings" }</h4>
            <p class="lens-body">{ "Each heading starts from the themes found in these audits' narratives, with the quotes it draws on. Change the words as you need: they are what the board reads." }</p>
            if let Some(reading) = &*themes_state {
                <p class="lens-body" role="status">{ reading.clone() }</p>
            }
            { for headings }
            <div id="lens-qa-figures" ref={node("lens-qa-figures")} tabindex="-1">
                { error_message("lens-qa-figures", problem_at("lens-qa-figures").as_deref()) }
                { match &*figures_made {
                    Figures::Waiting => html! { <p class="lens-body" role="status">{ "Making the report's figures…" }</p> },
                    Figures::Ready(view) => figures(view),
                    Figures::Failed(reason) => html! {
                        <div class="lens-notification lens-notification--error" role="alert">
                            <h4 class="lens-heading-s">{ "The figures could not be made" }</h4>
                            <p class="lens-body">{ reason.clone() }</p>
                        </div>
                    },
                } }
            </div>
            <h4 class="lens-heading-m">{ "Sign the report off" }</h4>
            <div class={if author_error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" }}>
                <label class="lens-label" for="lens-qa-author">{ "Your name" }</label>
                <div class="lens-hint" id="lens-qa-author-hint">{ "Kept as who wrote the draft, and as who signed the report off when you sign it." }</div>
                { error_message("lens-qa-author", author_error.as_deref()) }
                <input class={classes!("lens-input", "lens-input--width-20", author_error.as_ref().map(|_| "lens-input--error"))}
                    id="lens-qa-author" name="lens-qa-author" type="text" autocomplete="name" spellcheck="false"
                    value={draft.author.clone()} ref={node("lens-qa-author")} oninput={on_author}
                    aria-describedby={if author_error.is_some() { "lens-qa-author-hint lens-qa-author-error" } else { "lens-qa-author-hint" }} />
            </div>
            <div class="lens-warning-text">
                <span class="lens-warning-text__icon" aria-hidden="true">{ "!" }</span>
                <strong class="lens-warning-text__text">
                    <span class="lens-visually-hidden">{ "Warning" }</span>
                    { "Once signed off, the report cannot be changed. Its figures are kept as they are now, however many audits arrive later." }
                </strong>
            </div>
            <div class="lens-button-group">
                <button type="button" class="lens-button" id="lens-qa-sign" onclick={save(true)} disabled={saving}>{ "Sign the report off" }</button>
                <button type="button" class="lens-button lens-button--secondary" id="lens-qa-save" onclick={save(false)} disabled={saving}>{ "Save the draft" }</button>
            </div>
        </section>
    }
}

/// What each heading is for, under its label.
fn hint(heading: FindingsHeading) -> &'static str {
    match heading {
        FindingsHeading::GoodPractice => "What is going well, and where it was seen.",
        FindingsHeading::AreasForImprovement => {
            "What must improve, and where, so that it can be followed up."
        }
        FindingsHeading::MultiAgencyLearning => {
            "What the audits show of working with partner agencies: police, health, schools."
        }
    }
}

/// Why a save was refused, in words a person can act on.
fn refusal_words(refusal: &QaReportRefusal) -> String {
    match refusal {
        QaReportRefusal::AlreadySigned => "This report has been signed off in another tab or window, so it can no longer be changed. Go back to Reports to open it as it was signed.".to_owned(),
        QaReportRefusal::Store(StoreError::Conflict { .. }) => "This report was saved in another tab or window after you opened it. Copy what you wrote, then go back to Reports and open the report again.".to_owned(),
        QaReportRefusal::Store(error) => why_not_saved(error),
    }
}
