//! Reports over the audits and moderations on this device for a period, team and template: the
//! three questions of Outcomes-Based Accountability, the QA cycle and the trends, as tables, with
//! the report downloadable as CSV or JSON.

mod figures;

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::NaiveDate;
use lens_core::{
    build_report, parse_iso_date, Audit, Measure, Moderation, Period, PeriodLength, Report, ReportError,
    ReportFilter, ReportSettings, Template, TemplateKind,
};
use lens_store::device_log::DeviceLog;
use lens_store::report_export::{report_csv, report_json};
use lens_store::Versioned;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use self::figures::figure_tables;
use super::audit_form::fields::error_message;
use super::download::{download_and_log, DownloadFile};
use super::focus::use_focus_on_mount;
use crate::app::Session;
use crate::ports::PlatformHandle;

const TITLE_ID: &str = "lens-reports-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ReportsProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    pub onexported: Callback<DeviceLog>,
    pub onback: Callback<()>,
}

/// What the person asked the report to cover. Dates stay as typed until they are real dates.
#[derive(Clone, PartialEq)]
struct Choice {
    from: String,
    to: String,
    team: String,
    template: String,
}

#[component]
pub(crate) fn Reports(props: &ReportsProps) -> Html {
    let today = props.platform.now().date_naive();
    let choice = use_state(|| Choice {
        // The current financial quarter so far: what a QA manager reports on most.
        from: Period::containing(today, PeriodLength::Quarter).first_day().to_string(),
        to: today.to_string(),
        team: String::new(),
        template: String::new(),
    });
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let session = &props.session;
    let from_error =
        parse_iso_date(&choice.from).is_none().then_some("Enter the first day of the report as a real date");
    let to_error =
        parse_iso_date(&choice.to).is_none().then_some("Enter the last day of the report as a real date");
    // Rebuilt only when what it covers or the data changes, not when an export is logged.
    let report = use_memo(
        (
            (*choice).clone(),
            session.audits.clone(),
            session.moderations.clone(),
            props.templates.clone(),
            today,
        ),
        |(choice, audits, moderations, templates, today)| {
            make_report(choice, audits, moderations, templates, *today)
        },
    );
    let period_error = match &*report {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    };

    let update = |change: fn(&mut Choice, String)| {
        let choice = choice.clone();
        move |value: String| {
            let mut next = (*choice).clone();
            change(&mut next, value);
            choice.set(next);
        }
    };
    let on_date = |change: fn(&mut Choice, String)| {
        let update = update(change);
        Callback::from(move |event: Event| update(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_select = |change: fn(&mut Choice, String)| {
        let update = update(change);
        Callback::from(move |event: Event| update(event.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let teams: BTreeSet<String> = session
        .audits
        .iter()
        .map(|audit| audit.value.team().trim().to_owned())
        .filter(|team| !team.is_empty())
        .collect();
    let team_options = teams.iter().map(|team| {
        html! { <option value={team.clone()} selected={choice.team == *team}>{ team.clone() }</option> }
    });
    let template_options = props.templates.iter().filter(|template| template.kind != TemplateKind::Reflection).map(|template| {
        html! { <option value={template.id.clone()} selected={choice.template == template.id}>{ template.title.clone() }</option> }
    });
    let downloads = match &*report {
        Some(Ok(report)) => {
            let report = Rc::new(report.clone());
            let download = |csv: bool| {
                let (report, store) = (report.clone(), session.store.clone());
                let (platform, onexported) = (props.platform.clone(), props.onexported.clone());
                // The file is made when asked for, not on every change of the report.
                Callback::from(move |_: MouseEvent| {
                    download_and_log(&store, &platform, report_file(&report, csv), &onexported)
                })
            };
            html! {
                <div class="lens-button-group">
                    <button type="button" class="lens-button lens-button--secondary" onclick={download(true)}>{ "Download report as CSV" }</button>
                    <button type="button" class="lens-button lens-button--secondary" onclick={download(false)}>{ "Download report as JSON" }</button>
                </div>
            }
        }
        _ => html! {},
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let to_message = to_error.map(str::to_owned).or(period_error);
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to home" }</button>
            <h3 class="lens-heading-m" id={TITLE_ID} tabindex="-1" ref={heading}>{ "Reports" }</h3>
            <p class="lens-body">
                { "Made from the audits and moderations on this device. Reflections are counted, never read: they belong to their authors." }
            </p>
            <div class="lens-filters" role="search" aria-label="Choose what the report covers">
                <div class="lens-filters__row">
                    { date_field("lens-report-from", "From", &choice.from, from_error.map(str::to_owned), on_date(|c, v| c.from = v)) }
                    { date_field("lens-report-to", "To", &choice.to, to_message, on_date(|c, v| c.to = v)) }
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
            if let Some(Ok(report)) = &*report {
                <p class="lens-body" role="status">{ summary_sentence(report.filter.from, report.filter.to, report.figure(Measure::AuditsCompleted, &[]).map_or(0, |figure| figure.count)) }</p>
                { downloads }
                if !report.notes.is_empty() {
                    <div class="lens-inset">
                        <ul class="lens-list lens-list--bullet">{ for report.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }</ul>
                    </div>
                }
                { figure_tables(report, &props.templates) }
            }
        </section>
    }
}

/// The report for what was chosen, or nothing while a date is not a real date.
fn make_report(
    choice: &Choice,
    audits: &[Versioned<Audit>],
    moderations: &[Versioned<Moderation>],
    templates: &[Template],
    today: NaiveDate,
) -> Option<Result<Report, ReportError>> {
    let (from, to) = (parse_iso_date(&choice.from)?, parse_iso_date(&choice.to)?);
    let filter = ReportFilter {
        team: Some(choice.team.clone()).filter(|team| !team.is_empty()),
        template: Some(choice.template.clone()).filter(|template| !template.is_empty()),
        ..ReportFilter::between(from, to)
    };
    let audits: Vec<Audit> = audits.iter().map(|audit| audit.value.clone()).collect();
    let moderations: Vec<Moderation> =
        moderations.iter().map(|moderation| moderation.value.clone()).collect();
    Some(build_report(&audits, &moderations, templates, &filter, &ReportSettings::new(today)))
}

/// The report as CSV or JSON.
fn report_file(report: &Report, csv: bool) -> DownloadFile {
    let (from, to) = (report.filter.from, report.filter.to);
    let stem = format!("practice-lens-report-{from}-to-{to}");
    if csv {
        DownloadFile {
            file_name: format!("{stem}.csv"),
            media_type: "text/csv",
            contents: report_csv(report),
            what: format!("the report from {from} to {to} as CSV"),
        }
    } else {
        DownloadFile {
            file_name: format!("{stem}.json"),
            media_type: "application/json",
            contents: serde_json::to_string_pretty(&report_json(report)).unwrap_or_default(),
            what: format!("the report from {from} to {to} as JSON"),
        }
    }
}

fn summary_sentence(from: NaiveDate, to: NaiveDate, completed: usize) -> String {
    let audits = if completed == 1 { "1 audit".to_owned() } else { format!("{completed} audits") };
    format!("{audits} completed from {} to {}.", from.format("%-d %B %Y"), to.format("%-d %B %Y"))
}

fn date_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    error: Option<String>,
    onchange: Callback<Event>,
) -> Html {
    let group = if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" };
    let input_class = classes!("lens-input", error.as_ref().map(|_| "lens-input--error"));
    let described_by = error.as_ref().map(|_| format!("{id}-error"));
    html! {
        <div class={group}>
            <label class="lens-label" for={id}>{ label }</label>
            { error_message(id, error.as_deref()) }
            <input class={input_class} id={id} type="date" value={value.to_owned()} {onchange}
                aria-describedby={described_by} />
        </div>
    }
}
