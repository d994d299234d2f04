//! Themes: what the narratives of a chosen set of audits say, theme by theme, with good practice
//! and areas for improvement side by side, quotes that open their audits at the standard, and
//! what the codebook does not cover. The analysis worker reads the narratives; the screen asks
//! and shows what comes back, and stays answering input meanwhile.

pub(crate) mod choice;
mod phrases;
pub(crate) mod sides;

use std::rc::Rc;

use lens_analysis::protocol::themes::{ThemePanelView, ThemeSplit};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_core::{AuditId, Template};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use self::choice::{audit_templates, grade_options, standard_options, ThemeChoice};
use self::phrases::{phrase_changes, uncovered_phrases};
use self::sides::theme_sides;
use super::codebook_page::{change_codebook, read_with};
use super::focus::use_focus_on_mount;
use super::form::{date_input, period_errors, quick_periods, DateInputView, ErrorSummary, QuickPeriod};
use super::pagination::plural;
use crate::analysis::snapshot_source;
use crate::app::{teams_of, Session};
use crate::ports::PlatformHandle;

const TITLE_ID: &str = "lens-themes-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ThemesPanelProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// What the panel covers, kept by the screens so that it survives opening an audit.
    pub choice: ThemeChoice,
    pub onchoice: Callback<ThemeChoice>,
    /// Opens an audit at a standard.
    pub onopen: Callback<(AuditId, String)>,
    pub onback: Callback<()>,
    /// Opens the theme codebook screen.
    pub oncodebook: Callback<()>,
}

/// Where the panel is: read by the analysis worker, so it arrives after it is asked for.
#[derive(Clone, PartialEq)]
enum Read {
    Waiting,
    Ready(Rc<ThemePanelView>),
    Refused(String),
    Unavailable(String),
}

#[component]
pub(crate) fn ThemesPanel(props: &ThemesPanelProps) -> Html {
    let today = props.platform.now().date_naive();
    let choice = &props.choice;
    let read = use_state(|| Read::Waiting);
    // Replies are not cancelled when the choice changes: each carries the generation it was
    // asked in and is dropped if a newer one has been asked since.
    let generation = use_mut_ref(|| 0_u64);
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let session = &props.session;
    {
        let (read, platform, session) = (read.clone(), props.platform.clone(), session.clone());
        use_effect_with((choice.clone(), session.audits.clone()), move |(choice, _)| {
            let this_generation = {
                let mut latest = generation.borrow_mut();
                *latest += 1;
                *latest
            };
            let choice = choice.clone();
            if choice.days().is_some() {
                read.set(Read::Waiting);
                spawn_local(async move {
                    let Some(request) = choice.request(snapshot_source(&session).await) else { return };
                    let reply = platform.analyse(AnalysisRequest::ThemePanel(request)).await;
                    if *generation.borrow() != this_generation {
                        return;
                    }
                    read.set(match reply {
                        Ok(AnalysisReply::ThemePanel(view)) => Read::Ready(Rc::new(view)),
                        Ok(AnalysisReply::Refused { message }) => Read::Refused(message),
                        Ok(_) => Read::Unavailable(
                            "The themes could not be read: reload the page to carry on.".to_owned(),
                        ),
                        Err(unavailable) => Read::Unavailable(unavailable.message),
                    });
                });
            }
        });
    }
    let change = |edit: fn(&mut ThemeChoice, String)| {
        let (choice, onchoice) = (choice.clone(), props.onchoice.clone());
        move |value: String| {
            let mut next = choice.clone();
            edit(&mut next, value);
            onchoice.emit(next);
        }
    };
    let on_date = |edit: fn(&mut ThemeChoice, String)| Callback::from(change(edit));
    let on_select = |edit: fn(&mut ThemeChoice, String)| {
        let change = change(edit);
        Callback::from(move |event: Event| change(event.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let (from_problem, to_problem) = choice.date_problems();
    let (from_node, to_node) = (use_node_ref(), use_node_ref());
    let refused = match &*read {
        Read::Refused(message) => Some(message.clone()),
        _ => None,
    };
    let to_message = to_problem.clone().or(refused);
    let summary =
        period_errors("lens-themes", (from_problem.clone(), &from_node), (to_message.clone(), &to_node));
    let teams = teams_of(session.audits.iter());
    let option = |value: &str, label: &str, chosen: &str| {
        html! { <option value={value.to_owned()} selected={chosen == value}>{ label.to_owned() }</option> }
    };
    let onpick = {
        let (choice, onchoice) = (choice.clone(), props.onchoice.clone());
        Callback::from(move |period: QuickPeriod| onchoice.emit(choice.clone().with_period(period, today)))
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let templates = &props.templates;
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to home" }</button>
            <ErrorSummary errors={summary} attempt={0} />
            <h3 class="lens-heading-l lens-screen-title" id={TITLE_ID} tabindex="-1" ref={heading}>{ "Themes" }</h3>
            <p class="lens-body">
                { "What the auditors' narratives say is going well and what needs to improve, theme by theme, from the completed audits on this device. Practitioners' reflections are never read." }
            </p>
            <div class="lens-filters" role="search" aria-label="Choose which narratives to read">
                { quick_periods(choice.quick_period(today), &onpick) }
                <div class="lens-filters__row">
                    { date_input(DateInputView { id: "lens-themes-from", legend: "From", hint: None, value: &choice.from,
                        error: from_problem.as_deref(), day_node: from_node.clone(), oninput: on_date(|c, v| c.from = v) }) }
                    { date_input(DateInputView { id: "lens-themes-to", legend: "To", hint: None, value: &choice.to,
                        error: to_message.as_deref(), day_node: to_node.clone(), oninput: on_date(|c, v| c.to = v) }) }
                </div>
                <div class="lens-filters__row">
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-themes-team">{ "Team" }</label>
                        <select class="lens-select" id="lens-themes-team" onchange={on_select(|c, v| c.team = v)}>
                            { option("", "All teams", &choice.team) }
                            { for teams.iter().map(|team| option(team, team, &choice.team)) }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-themes-template">{ "Template" }</label>
                        <select class="lens-select" id="lens-themes-template" onchange={on_select(|c, v| { c.template = v; c.standard.clear(); c.grade.clear(); })}>
                            { option("", "All templates", &choice.template) }
                            { for audit_templates(templates).into_iter().map(|template| option(&template.id, &template.title, &choice.template)) }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-themes-standard">{ "Standard" }</label>
                        <select class="lens-select" id="lens-themes-standard" onchange={on_select(|c, v| c.standard = v)}>
                            { option("", "All standards", &choice.standard) }
                            { for standard_options(templates, &choice.template).iter().map(|(id, prompt)| option(id, prompt, &choice.standard)) }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-themes-grade">{ "Grade given" }</label>
                        <select class="lens-select" id="lens-themes-grade" onchange={on_select(|c, v| c.grade = v)}>
                            { option("", "All grades", &choice.grade) }
                            { for grade_options(templates, &choice.template).iter().map(|grade| option(grade, grade, &choice.grade)) }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-themes-split">{ "Split each theme by" }</label>
                        <select class="lens-select" id="lens-themes-split"
                            onchange={on_select(|c, v| c.split = ThemeSplit::parse(&v).unwrap_or_default())}>
                            { for ThemeSplit::ALL.into_iter().map(|split| option(split.name(), split.label(), choice.split.name())) }
                        </select>
                    </div>
                </div>
            </div>
            { change_codebook(&props.oncodebook.reform(|_| ())) }
            { read_view(&read, from_problem.is_none() && to_problem.is_none(), &props.onopen) }
        </section>
    }
}

/// The panel as read, or where its reading is.
fn read_view(read: &Read, dates_real: bool, onopen: &Callback<(AuditId, String)>) -> Html {
    match read {
        Read::Waiting if dates_real => {
            html! { <p class="lens-body" role="status">{ "Reading the narratives for themes…" }</p> }
        }
        Read::Waiting | Read::Refused(_) => html! { <p class="lens-body" role="status"></p> },
        Read::Unavailable(message) => html! {
            <div class="lens-notification lens-notification--error" role="alert">
                <h4 class="lens-heading-s">{ "The themes could not be read" }</h4>
                <p class="lens-body">{ message.clone() }</p>
            </div>
        },
        Read::Ready(view) => {
            let found = format!(
                "{} read from {} completed from {} to {}.",
                plural(view.narratives, "narrative", "narratives"),
                plural(view.audits, "audit", "audits"),
                view.from.format("%-d %B %Y"),
                view.to.format("%-d %B %Y"),
            );
            html! {
                <>
                    <p class="lens-body" role="status">{ found }</p>
                    { read_with(&view.codebook) }
                    if view.narratives == 0 {
                        <p class="lens-body">{ "No narrative matches this choice. Choose a longer period, or fewer of the filters above." }</p>
                    }
                    if view.narratives > 0 && view.themes.is_empty() {
                        <p class="lens-body">{ "No theme of the codebook was found in these narratives." }</p>
                    }
                    { for view.themes.iter().enumerate().map(|(index, sides)| theme_sides(index, sides, &view.months, view.split, onopen)) }
                    if view.narratives > 0 {
                        { uncovered_phrases(view, onopen) }
                        { phrase_changes(view) }
                    }
                </>
            }
        }
    }
}
