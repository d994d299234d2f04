//! The quarterly QA report: a short account of how much was done, how well and whether anyone
//! is better off, then mostly findings (good practice, areas for improvement, learning for
//! multi-agency working) drafted from the themes and written by the QA manager, who signs it
//! off. A signed report is kept with its figures as they were, so it opens unchanged later.

mod draft;
mod editor;
mod page;
mod signed;
pub(crate) mod state;

use std::rc::Rc;

use lens_analysis::protocol::ExpectedVolume;
use lens_core::{AuditId, Template};
use lens_store::qa_report::ReportTemplate;
use yew::prelude::*;

use self::editor::QaReportEditor;
use self::page::ReportTitle;
use self::signed::SignedReport;
use self::state::{DraftChange, QaDraft};
use crate::app::{Session, SessionActions};
use crate::config::Config;
use crate::ports::PlatformHandle;
use crate::screen::{QaReportOpen, Screen};

#[derive(Properties, PartialEq)]
pub(crate) struct QaReportScreenProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    pub config: Config,
    pub expected: ExpectedVolume,
    pub open: QaReportOpen,
    /// The report being written, kept above this screen.
    pub draft: Option<QaDraft>,
    pub ondraft: Callback<DraftChange>,
    pub actions: SessionActions,
}

#[component]
pub(crate) fn QaReportScreen(props: &QaReportScreenProps) -> Html {
    let session = &props.session;
    let kept = match &props.open {
        QaReportOpen::Kept(id) => session.qa_reports.iter().find(|report| &report.value.id == id).cloned(),
        QaReportOpen::New(_) => None,
    };
    // The draft on screen must be this report's; otherwise start it (in an effect: a render
    // never changes state).
    let fits = match (&props.open, &props.draft) {
        (QaReportOpen::New(scope), Some(draft)) => draft.scope == *scope,
        (QaReportOpen::Kept(id), Some(draft)) => draft.id == *id,
        (_, None) => false,
    };
    {
        let (ondraft, platform, author) =
            (props.ondraft.clone(), props.platform.clone(), props.config.auditor.clone());
        let kept = kept.clone();
        // Setting an unsaved report aside clears the draft, which starts this one.
        let has_draft = props.draft.is_some();
        use_effect_with((props.open.clone(), fits, has_draft), move |(open, fits, _)| {
            if *fits {
                return;
            }
            match (open, kept) {
                (QaReportOpen::New(scope), _) => ondraft.emit(DraftChange::Start(QaDraft::new(
                    platform.new_id(),
                    scope.clone(),
                    author.unwrap_or_default(),
                ))),
                (QaReportOpen::Kept(_), Some(kept)) if kept.value.sign_off.is_none() => {
                    ondraft.emit(DraftChange::Start(QaDraft::kept(&kept)))
                }
                _ => {}
            }
        });
    }
    let onback = {
        let onnavigate = props.actions.onnavigate.clone();
        Callback::from(move |_: ()| onnavigate.emit(Screen::Reports))
    };
    let onopen = {
        let (onnavigate, back) =
            (props.actions.onnavigate.clone(), Box::new(Screen::QaReport(props.open.clone())));
        Callback::from(move |(audit, item): (AuditId, String)| {
            onnavigate.emit(Screen::AuditAtStandard { audit, item, back: back.clone() })
        })
    };
    if let Some(kept) = kept.as_ref().filter(|kept| kept.value.sign_off.is_some()) {
        let report = &kept.value;
        let title = ReportTitle {
            organisation: report.organisation.clone(),
            from: report.from,
            to: report.to,
            team: report.team.clone(),
            template: report.template.as_ref().map(|template| template.title.clone()),
        };
        return html! {
            <SignedReport platform={props.platform.clone()} report={report.clone()} {title}
                marking={props.config.protective_marking.clone()} {onopen} {onback} />
        };
    }
    if matches!(props.open, QaReportOpen::Kept(_)) && kept.is_none() {
        return html! {
            <div class="lens-notification lens-notification--warning" role="alert">
                <h3 class="lens-heading-m">{ "This QA report is not on this device" }</h3>
                <button type="button" class="lens-link-button" onclick={move |_| onback.emit(())}>{ "Back to reports" }</button>
            </div>
        };
    }
    if let Some(other) = props.draft.as_ref().filter(|draft| !fits && draft.unsaved) {
        return set_aside_first(other, &props.ondraft, &props.actions.onnavigate, &onback);
    }
    let Some(draft) = props.draft.clone().filter(|_| fits) else {
        return html! { <p class="lens-body" role="status">{ "Opening the report…" }</p> };
    };
    let template = draft.scope.template.as_ref().map(|id| {
        let title = lens_core::newest_versions(&props.templates)
            .into_iter()
            .find(|template| &template.id == id)
            .map_or_else(|| id.clone(), |template| template.title.clone());
        ReportTemplate { id: id.clone(), title }
    });
    let title = ReportTitle {
        organisation: props.config.organisation.clone(),
        from: draft.scope.from,
        to: draft.scope.to,
        team: draft.scope.team.clone(),
        template: template.as_ref().map(|template| template.title.clone()),
    };
    let onsigned = {
        let (onnavigate, ondraft) = (props.actions.onnavigate.clone(), props.ondraft.clone());
        Callback::from(move |id: String| {
            ondraft.emit(DraftChange::Finished);
            onnavigate.emit(Screen::QaReport(QaReportOpen::Kept(id)));
        })
    };
    html! {
        <QaReportEditor key={draft.id.clone()} session={session.clone()} platform={props.platform.clone()}
            draft={draft.clone()} ondraft={props.ondraft.clone()} {title} {template} expected={props.expected}
            {onopen} onreported={props.actions.onreported.clone()} {onsigned} {onback} />
    }
}

/// Another report has changes not yet kept: the person goes back to it, or sets it aside
/// knowing those changes are lost.
fn set_aside_first(
    other: &QaDraft,
    ondraft: &Callback<DraftChange>,
    onnavigate: &Callback<Screen>,
    onback: &Callback<()>,
) -> Html {
    let period =
        format!("{} to {}", other.scope.from.format("%-d %B %Y"), other.scope.to.format("%-d %B %Y"));
    let back_to_it = {
        let (onnavigate, screen) = (onnavigate.clone(), Screen::QaReport(other.reopen()));
        Callback::from(move |_: MouseEvent| onnavigate.emit(screen.clone()))
    };
    let set_aside = {
        let ondraft = ondraft.clone();
        Callback::from(move |_: MouseEvent| ondraft.emit(DraftChange::Finished))
    };
    let onback = onback.clone();
    html! {
        <section class="lens-section" aria-labelledby="lens-qa-unsaved-title">
            <button type="button" class="lens-link-button" onclick={move |_| onback.emit(())}>{ "Back to reports" }</button>
            <div class="lens-notification lens-notification--warning" role="alert">
                <h3 class="lens-heading-m" id="lens-qa-unsaved-title">{ "You have a QA report with changes not saved" }</h3>
                <p class="lens-body">{ format!("The QA report for {period} has changes that are not kept on this device yet. Go back to it and save the draft, or set it aside to start this one.") }</p>
            </div>
            <div class="lens-warning-text">
                <span class="lens-warning-text__icon" aria-hidden="true">{ "!" }</span>
                <strong class="lens-warning-text__text">
                    <span class="lens-visually-hidden">{ "Warning" }</span>
                    { "Setting it aside loses the changes not yet saved. What was saved before stays on this device." }
                </strong>
            </div>
            <div class="lens-button-group">
                <button type="button" class="lens-button" id="lens-qa-back-to-draft" onclick={back_to_it}>{ "Go back to that report" }</button>
                <button type="button" class="lens-button lens-button--warning" id="lens-qa-set-aside" onclick={set_aside}>{ "Set it aside and start this one" }</button>
            </div>
        </section>
    }
}
