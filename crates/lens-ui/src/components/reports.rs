//! Reports over the audits and moderations on this device for a period, team and template: the
//! three questions of Outcomes-Based Accountability, the QA cycle and the trends, as tables, with
//! the report downloadable as CSV or JSON, and what the narratives say. The analysis worker
//! makes the report; the screen asks for it and shows it when it comes back.

pub(crate) mod cycle;
pub(crate) mod figure_audits;
pub(crate) mod figures;
pub(crate) mod grade_grid;

use std::rc::Rc;

use chrono::NaiveDate;
use lens_analysis::protocol::{
    AnalysisReply, AnalysisRequest, DataSource, ExpectedVolume, ReportFileRequest, ReportFormat,
    ReportRequest, ReportView, ThemeSummary,
};
use lens_core::{AuditId, Template, TemplateKind};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use self::cycle::cycle_section;
use self::figure_audits::{figure_gone, row_of, FigureAuditList, OpenFigure};
use self::figures::{figure_tables, grade_charts, theme_table, trend_charts, FigureName, FigureOpening};
use self::grade_grid::grade_grid;
use super::download::{download, DownloadFile};
use super::focus::use_focus_on_mount;
use super::form::{
    date_input, period_days, period_errors, period_problems, quick_periods, DateInputView, ErrorSummary,
    QuickPeriod,
};
use super::heading_level::HeadingLevel;
use super::scroll_table::scroll_table;
use crate::analysis::snapshot_source;
use crate::app::{teams_of, Session};
use crate::ports::PlatformHandle;
use crate::screen::{QaReportOpen, ReportScope, Screen};

const TITLE_ID: &str = "lens-reports-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ReportsProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// How many audits each auditor is expected to complete, from the page's `config`.
    pub expected: ExpectedVolume,
    pub onback: Callback<()>,
    /// Where the QA reports and the audits behind a figure lead.
    pub onnavigate: Callback<Screen>,
    /// What the report covers, kept above the screen.
    pub choice: ReportChoice,
    pub onchoice: Callback<ReportChoice>,
}

/// Where the report is: made by the analysis worker, so it arrives after it is asked for.
#[derive(Clone, PartialEq)]
enum Made {
    /// Asked for and not yet back.
    Waiting,
    /// Back.
    Ready(Rc<ReportView>),
    /// Not made: the period is wrong, or the data could not be read.
    Refused(String),
    /// The worker did not answer.
    Unavailable(String),
}

/// How long the report stands unchanged before its themes are asked for.
const THEMES_AFTER_MS: u32 = 600;

/// The themes of the report's narratives: asked once the report is back, as reading thousands
/// of narratives takes longer than counting.
#[derive(Clone, PartialEq)]
pub(crate) enum Themes {
    /// Still being read.
    Reading,
    /// Read.
    Ready(Rc<ThemeSummary>),
    /// Not read; the sentence says why.
    Failed(String),
}

/// What the person asked the report to cover, and the figure whose audits are open. Dates stay
/// as typed until they are real dates. Kept by `screens.rs`, so an audit opened from a figure
/// comes back to the same report and figure.
#[derive(Clone, PartialEq)]
pub(crate) struct ReportChoice {
    from: String,
    to: String,
    team: String,
    template: String,
    /// The figure whose audits are listed, and where its list was left.
    figure: Option<OpenFigure>,
}

impl ReportChoice {
    /// The current financial quarter so far, all teams and templates: what a QA manager
    /// reports on most.
    pub(crate) fn opening(today: NaiveDate) -> Self {
        let (from, to) = QuickPeriod::ThisQuarter.typed_days(today);
        ReportChoice { from, to, team: String::new(), template: String::new(), figure: None }
    }

    /// What the report covers, without the open figure: a change to it makes a new report.
    fn covers(&self) -> ReportChoice {
        ReportChoice { figure: None, ..self.clone() }
    }
}

#[component]
pub(crate) fn Reports(props: &ReportsProps) -> Html {
    let today = props.platform.now().date_naive();
    let choice = &props.choice;
    let made = use_state(|| Made::Waiting);
    let themes = use_state(|| Themes::Reading);
    let download_problem = use_state(|| None::<String>);
    // Replies are not cancelled when the choice changes: each carries the generation it was
    // asked in and is dropped if a newer one has been asked since.
    let generation = use_mut_ref(|| 0_u64);
    let heading = use_node_ref();
    // Back from a figure's audits, focus returns to the figure's count in its table.
    let returned_to = use_node_ref();
    let refocus = use_mut_ref(|| None::<FigureName>);
    {
        let (returned_to, refocus) = (returned_to.clone(), refocus.clone());
        use_effect(move || {
            if refocus.borrow_mut().take().is_some() {
                if let Some(button) = returned_to.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    use_focus_on_mount(heading.clone());
    let session = &props.session;
    let (from_error, to_error) = period_problems(&choice.from, &choice.to, "report");
    let (from_node, to_node) = (use_node_ref(), use_node_ref());
    // Asked again only when what it covers or the data changes, not when an export is logged.
    {
        let (made, themes, platform, session) =
            (made.clone(), themes.clone(), props.platform.clone(), session.clone());
        use_effect_with(
            (choice.covers(), session.audits.clone(), session.moderations.clone(), today, props.expected),
            move |(choice, _, _, today, expected)| {
                let this_generation = {
                    let mut latest = generation.borrow_mut();
                    *latest += 1;
                    *latest
                };
                let request = report_request(choice, *today, *expected);
                made.set(Made::Waiting);
                themes.set(Themes::Reading);
                if let Some(request) = request {
                    spawn_local(async move {
                        let request = request.over(snapshot_source(&session).await);
                        let reply = platform.analyse(AnalysisRequest::Report(request.clone())).await;
                        if *generation.borrow() != this_generation {
                            return;
                        }
                        let ready = matches!(reply, Ok(AnalysisReply::Report(_)));
                        made.set(match reply {
                            Ok(AnalysisReply::Report(view)) => Made::Ready(Rc::new(view)),
                            Ok(AnalysisReply::Refused { message }) => Made::Refused(message),
                            Ok(_) => Made::Unavailable(
                                "The report could not be made: reload the page to carry on.".to_owned(),
                            ),
                            Err(unavailable) => Made::Unavailable(unavailable.message),
                        });
                        if !ready {
                            return;
                        }
                        // Themes wait until the choice has stood still: the worker answers in
                        // turn, so a report asked for next would otherwise wait for them.
                        platform.pause(THEMES_AFTER_MS).await;
                        if *generation.borrow() != this_generation {
                            return;
                        }
                        let reply = platform.analyse(AnalysisRequest::Themes(request)).await;
                        if *generation.borrow() != this_generation {
                            return;
                        }
                        themes.set(match reply {
                            Ok(AnalysisReply::Themes(summary)) => Themes::Ready(Rc::new(summary)),
                            Ok(AnalysisReply::Refused { message }) => Themes::Failed(message),
                            Ok(_) => Themes::Failed("reload the page to carry on.".to_owned()),
                            Err(unavailable) => Themes::Failed(unavailable.message),
                        });
                    });
                }
            },
        );
    }
    let period_error = match &*made {
        Made::Refused(message) => Some(message.clone()),
        _ => None,
    };

    let update = |change: fn(&mut ReportChoice, String)| {
        let (choice, onchoice) = (choice.covers(), props.onchoice.clone());
        move |value: String| {
            let mut next = choice.clone();
            change(&mut next, value);
            onchoice.emit(next);
        }
    };
    let on_date = |change: fn(&mut ReportChoice, String)| {
        let update = update(change);
        Callback::from(move |value: String| update(value))
    };
    let on_select = |change: fn(&mut ReportChoice, String)| {
        let update = update(change);
        Callback::from(move |event: Event| update(event.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let onpick = {
        let (choice, onchoice) = (choice.covers(), props.onchoice.clone());
        Callback::from(move |period: QuickPeriod| {
            let (from, to) = period.typed_days(today);
            onchoice.emit(ReportChoice { from, to, ..choice.clone() });
        })
    };
    let onfigure = {
        let (choice, onchoice, refocus) = (choice.covers(), props.onchoice.clone(), refocus.clone());
        let open = props.choice.figure.clone();
        Callback::from(move |figure: Option<OpenFigure>| {
            if figure.is_none() {
                *refocus.borrow_mut() = open.as_ref().map(|open| open.name.clone());
            }
            onchoice.emit(ReportChoice { figure, ..choice.clone() })
        })
    };
    let teams = teams_of(session.audits.iter());
    let team_options = teams.iter().map(|team| {
        html! { <option value={team.clone()} selected={choice.team == *team}>{ team.clone() }</option> }
    });
    let template_options = lens_core::newest_versions(&props.templates).into_iter().filter(|template| template.kind != TemplateKind::Reflection).map(|template| {
        html! { <option value={template.id.clone()} selected={choice.template == template.id}>{ template.title.clone() }</option> }
    });
    let downloads = match &*made {
        Made::Ready(view) => {
            let download = |format: ReportFormat| {
                let (view, session, choice) = (view.clone(), session.clone(), choice.clone());
                let (platform, expected) = (props.platform.clone(), props.expected);
                let download_problem = download_problem.clone();
                // The file names every audit behind every figure, so the worker makes it only
                // when it is asked for.
                Callback::from(move |_: MouseEvent| {
                    let Some(request) = report_request(&choice, today, expected) else { return };
                    let (view, session, platform) = (view.clone(), session.clone(), platform.clone());
                    let download_problem = download_problem.clone();
                    spawn_local(async move {
                        let report = request.over(snapshot_source(&session).await);
                        let request = AnalysisRequest::ReportFile(ReportFileRequest { report, format });
                        match platform.analyse(request).await {
                            Ok(AnalysisReply::File { contents }) => {
                                download_problem.set(None);
                                download(&platform, &report_file(&view, format, contents));
                            }
                            Ok(AnalysisReply::Refused { message }) => download_problem.set(Some(message)),
                            Ok(_) => download_problem.set(Some(
                                "The file could not be made: reload the page to carry on.".to_owned(),
                            )),
                            Err(unavailable) => download_problem.set(Some(unavailable.message)),
                        }
                    });
                })
            };
            // Leaving Reports closes the open figure, so the report opens whole next time.
            let write = {
                let (onnavigate, scope) = (props.onnavigate.clone(), report_scope(choice));
                let (onchoice, covers) = (props.onchoice.clone(), choice.covers());
                Callback::from(move |_: MouseEvent| {
                    if let Some(scope) = scope.clone() {
                        onchoice.emit(covers.clone());
                        onnavigate.emit(Screen::QaReport(QaReportOpen::New(scope)));
                    }
                })
            };
            html! {
                <div class="lens-button-group">
                    <button type="button" class="lens-button" id="lens-write-qa-report" onclick={write}>{ "Write the QA report for this period" }</button>
                    <button type="button" class="lens-button lens-button--secondary" onclick={download(ReportFormat::Csv)}>{ "Download report as CSV" }</button>
                    <button type="button" class="lens-button lens-button--secondary" onclick={download(ReportFormat::Json)}>{ "Download report as JSON" }</button>
                </div>
            }
        }
        _ => html! {},
    };
    let onback = {
        let (onback, onchoice, covers) = (props.onback.clone(), props.onchoice.clone(), choice.covers());
        Callback::from(move |_: MouseEvent| {
            onchoice.emit(covers.clone());
            onback.emit(())
        })
    };
    let waiting = from_error.is_none() && to_error.is_none() && *made == Made::Waiting;
    let to_message = to_error.clone().or(period_error);
    let summary =
        period_errors("lens-report", (from_error.clone(), &from_node), (to_message.clone(), &to_node));
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to home" }</button>
            <ErrorSummary errors={summary} attempt={0} />
            <h3 class="lens-heading-m" id={TITLE_ID} tabindex="-1" ref={heading}>{ "Reports" }</h3>
            <p class="lens-body">
                { "Made from the audits and moderations on this device. Practitioners' reflections are never counted or read: they belong to their authors." }
            </p>
            <div class="lens-filters" role="search" aria-label="Choose what the report covers">
                { quick_periods(QuickPeriod::of(&choice.from, &choice.to, today), &onpick) }
                <div class="lens-filters__row">
                    { date_input(DateInputView { id: "lens-report-from", legend: "From", hint: None, value: &choice.from,
                        error: from_error.as_deref(), day_node: from_node.clone(), oninput: on_date(|c, v| c.from = v) }) }
                    { date_input(DateInputView { id: "lens-report-to", legend: "To", hint: None, value: &choice.to,
                        error: to_message.as_deref(), day_node: to_node.clone(), oninput: on_date(|c, v| c.to = v) }) }
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-report-team">{ "Team" }</label>
                        <select class="lens-select" id="lens-report-team" onchange={on_select(|c, v| c.team = v)}>
                            <option value="" selected={choice.team.is_empty()}>{ "All teams" }</option>
                            { for team_options }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-report-template">{ "Template" }</label>
                        <select class="lens-select" id="lens-report-template" onchange={on_select(|c, v| c.template = v)}>
                            <option value="" selected={choice.template.is_empty()}>{ "All templates" }</option>
                            { for template_options }
                        </select>
                    </div>
                </div>
            </div>
            <p class="lens-body" role="status">
                if waiting { { "Making the report…" } }
                if let Made::Ready(view) = &*made { { summary_sentence(view.from, view.to, view.audits_completed) } }
            </p>
            if let Made::Unavailable(message) = &*made {
                <div class="lens-notification lens-notification--error" role="alert">
                    <h4 class="lens-heading-s">{ "The report could not be made" }</h4>
                    <p class="lens-body">{ message.clone() }</p>
                </div>
            }
            if let Some(problem) = &*download_problem {
                <div class="lens-notification lens-notification--error" role="alert">
                    <h4 class="lens-heading-s">{ "The report could not be downloaded" }</h4>
                    <p class="lens-body">{ problem.clone() }</p>
                </div>
            }
            { kept_reports(session, &props.onnavigate) }
            if let Made::Ready(view) = &*made {
                { downloads }
                if !view.notes.is_empty() {
                    <div class="lens-inset">
                        <ul class="lens-list lens-list--bullet">{ for view.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }</ul>
                    </div>
                }
                if let Some(open) = &choice.figure {
                    { open_figure(view, open, choice, &props.onchoice, &onfigure.reform(|_| None), FigureListing {
                        report: report_request(choice, today, props.expected), session, platform: &props.platform,
                        templates: &props.templates, onnavigate: &props.onnavigate }) }
                } else {
                    { trend_charts(view, HeadingLevel::Four) }
                    { grade_charts(view, HeadingLevel::Four) }
                    { grade_grid(view, HeadingLevel::Four) }
                    { cycle_section(view, HeadingLevel::Four) }
                    { figure_tables(view, HeadingLevel::Four, Some(&FigureOpening {
                        onopen: onfigure.reform(|name| Some(OpenFigure::first_page(name))),
                        returned_to: refocus.borrow().clone(), node: returned_to.clone() })) }
                    { theme_table(&themes) }
                }
            }
        </section>
    }
}

/// A report asked for, waiting for its data source: the records as they are when it is sent.
#[derive(Clone, PartialEq)]
pub(crate) struct ReportAsk {
    from: NaiveDate,
    to: NaiveDate,
    team: Option<String>,
    template: Option<String>,
    today: NaiveDate,
    expected: ExpectedVolume,
}

impl ReportAsk {
    /// The request over `source`.
    pub(crate) fn over(self, source: DataSource) -> ReportRequest {
        let ReportAsk { from, to, team, template, today, expected } = self;
        ReportRequest { source, from, to, team, template, today, expected }
    }
}

/// The request for what was chosen, or nothing while a date is not a real date.
fn report_request(choice: &ReportChoice, today: NaiveDate, expected: ExpectedVolume) -> Option<ReportAsk> {
    let (from, to) = period_days(&choice.from, &choice.to)?;
    let team = Some(choice.team.clone()).filter(|team| !team.is_empty());
    let template = Some(choice.template.clone()).filter(|template| !template.is_empty());
    Some(ReportAsk { from, to, team, template, today, expected })
}

/// What a QA report written from the choice would cover, once its dates are real dates.
fn report_scope(choice: &ReportChoice) -> Option<ReportScope> {
    let (from, to) = period_days(&choice.from, &choice.to)?;
    let team = Some(choice.team.clone()).filter(|team| !team.is_empty());
    let template = Some(choice.template.clone()).filter(|template| !template.is_empty());
    Some(ReportScope { from, to, team, template })
}

/// The QA reports kept on this device, signed or being written, each opening as it was left.
fn kept_reports(session: &Session, onnavigate: &Callback<Screen>) -> Html {
    if session.qa_reports.is_empty() {
        return Html::default();
    }
    let rows = session.qa_reports.iter().map(|kept| {
        let report = &kept.value;
        let open = {
            let (onnavigate, id) = (onnavigate.clone(), report.id.clone());
            Callback::from(move |_: MouseEvent| onnavigate.emit(Screen::QaReport(QaReportOpen::Kept(id.clone()))))
        };
        let period = format!("{} to {}", report.from.format("%-d %b %Y"), report.to.format("%-d %b %Y"));
        let covers = format!(
            "{}, {}",
            report.team.clone().unwrap_or_else(|| "All teams".to_owned()),
            report.template.as_ref().map_or_else(|| "all templates".to_owned(), |template| template.title.clone())
        );
        let state = match &report.sign_off {
            Some(sign_off) => html! { <><strong class="lens-tag lens-tag--green">{ "Signed off" }</strong>{ format!(" by {} on {}", sign_off.by, sign_off.on.format("%-d %B %Y")) }</> },
            None => {
                let by = if report.written_by.is_empty() { String::new() } else { format!(" by {}", report.written_by) };
                html! { <><strong class="lens-tag lens-tag--grey">{ "Draft" }</strong>{ format!("{by}, last saved on {}", report.written_on.format("%-d %B %Y")) }</> }
            }
        };
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ period.clone() }</th>
                <td class="lens-table__cell">{ covers }</td>
                <td class="lens-table__cell">{ state }</td>
                <td class="lens-table__cell">
                    <button type="button" class="lens-link-button" onclick={open}>
                        { "Open" }<span class="lens-visually-hidden">{ format!(" the QA report {period}") }</span>
                    </button>
                </td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="lens-qa-reports-title">
            <h4 class="lens-heading-s" id="lens-qa-reports-title">{ "QA reports on this device" }</h4>
            { scroll_table("lens-qa-reports-title", html! {
                <table class="lens-table" aria-labelledby="lens-qa-reports-title">
                    <thead>
                        <tr>
                            <th scope="col" class="lens-table__header">{ "Period" }</th>
                            <th scope="col" class="lens-table__header">{ "Covers" }</th>
                            <th scope="col" class="lens-table__header">{ "Where it stands" }</th>
                            <th scope="col" class="lens-table__header"><span class="lens-visually-hidden">{ "Open" }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}

/// The report as CSV or JSON, as the worker made it.
fn report_file(view: &ReportView, format: ReportFormat, contents: String) -> DownloadFile {
    let (from, to) = (view.from, view.to);
    let stem = format!("practice-lens-report-{from}-to-{to}");
    let (extension, media_type, name) = match format {
        ReportFormat::Csv => ("csv", "text/csv", "CSV"),
        ReportFormat::Json => ("json", "application/json", "JSON"),
    };
    DownloadFile {
        file_name: format!("{stem}.{extension}"),
        media_type,
        contents,
        what: format!("the report from {from} to {to} as {name}"),
    }
}

/// What the list of a figure's audits needs from Reports.
struct FigureListing<'a> {
    report: Option<ReportAsk>,
    session: &'a Session,
    platform: &'a PlatformHandle,
    templates: &'a Rc<Vec<Template>>,
    onnavigate: &'a Callback<Screen>,
}

/// The open figure's audits, found in the report on screen by its words; a figure the report
/// no longer has says so rather than listing another one's audits.
fn open_figure(
    view: &ReportView,
    open: &OpenFigure,
    choice: &ReportChoice,
    onchoice: &Callback<ReportChoice>,
    onclose: &Callback<()>,
    listing: FigureListing,
) -> Html {
    let rows = view.sections.iter().flat_map(|section| &section.rows);
    let (Some(row), Some(report)) = (row_of(rows, open), listing.report) else {
        return figure_gone(&open.name, onclose);
    };
    let onpage = {
        let (onchoice, choice, open) = (onchoice.clone(), choice.covers(), open.clone());
        Callback::from(move |page: usize| {
            let figure = OpenFigure { page, opened: None, ..open.clone() };
            onchoice.emit(ReportChoice { figure: Some(figure), ..choice.clone() })
        })
    };
    // The audit opened is kept with the figure, so coming back lands on its button.
    let onopen = {
        let (onchoice, choice, open) = (onchoice.clone(), choice.covers(), open.clone());
        let onnavigate = listing.onnavigate.clone();
        Callback::from(move |id: AuditId| {
            let figure = OpenFigure { opened: Some(id.clone()), ..open.clone() };
            onchoice.emit(ReportChoice { figure: Some(figure), ..choice.clone() });
            onnavigate.emit(Screen::AuditFromReport(id));
        })
    };
    html! {
        <FigureAuditList session={listing.session.clone()} platform={listing.platform.clone()}
            templates={listing.templates.clone()} {report} row={row.clone()} page={open.page}
            opened={open.opened.clone()} {onpage} {onopen} onclose={onclose.clone()} />
    }
}

fn summary_sentence(from: NaiveDate, to: NaiveDate, completed: usize) -> String {
    let audits = if completed == 1 { "1 audit".to_owned() } else { format!("{completed} audits") };
    format!("{audits} completed from {} to {}.", from.format("%-d %B %Y"), to.format("%-d %B %Y"))
}
