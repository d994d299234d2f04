//! Agreement at moderation, where moderators and the QA team work: for any period, team,
//! template, auditor and moderator, every statistic of the agreement engine with its 95%
//! interval and diagnostics, the grades as a heat map, the standards and auditors to calibrate
//! first, and each auditor's drift by quarter. The analysis worker computes it, with the same
//! figures as `lens agreement` and `lens calibration` on the same data.

mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::{Months, NaiveDate};
use lens_analysis::protocol::agreement::{AgreementRequest, AgreementView};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, DataSource};
use lens_core::{find_template, Template};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::focus::use_focus_on_mount;
use super::form::{date_input, DateInputView, TypedDate};
use crate::analysis::snapshot_source;
use crate::app::Session;
use crate::ports::PlatformHandle;

const TITLE_ID: &str = "lens-agreement-title";
/// How long the filter must stay unchanged before the worker is asked.
const ASK_AFTER_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub(crate) struct AgreementDashboardProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    pub onback: Callback<()>,
}

/// What the dashboard covers; dates stay as typed until they are real dates.
#[derive(Clone, PartialEq)]
struct Filter {
    from: String,
    to: String,
    team: String,
    template: String,
    auditor: String,
    moderator: String,
}

#[derive(Clone, PartialEq)]
enum Shown {
    Waiting,
    /// A date is not a real date yet: its field says so, and no figures are shown.
    Invalid,
    Ready(Rc<AgreementView>),
    Refused(String),
}

#[component]
pub(crate) fn AgreementDashboard(props: &AgreementDashboardProps) -> Html {
    let today = props.platform.now().date_naive();
    let session = &props.session;
    let filter = use_state(|| {
        let (from, to) = opening_period(today);
        Filter {
            from: day_text(from),
            to: day_text(to),
            team: String::new(),
            template: most_moderated_template(session, &props.templates),
            auditor: String::new(),
            moderator: String::new(),
        }
    });
    let shown = use_state(|| Shown::Waiting);
    let generation = use_mut_ref(|| 0_u64);
    {
        // Leaving the dashboard drops a request still waiting to be sent: the person may be
        // switching to another data set, which the request must not open again.
        let generation = generation.clone();
        use_effect_with((), move |_| move || *generation.borrow_mut() += 1);
    }
    // The dates last asked for: only a change of date waits for typing to stop.
    let asked_dates = use_mut_ref(|| None::<(String, String)>);
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let (from, to) = (TypedDate::read(&filter.from).day(), TypedDate::read(&filter.to).day());
    let from_error =
        from.is_none().then(|| "Enter the first day as a real date, for example 1 4 2026".to_owned());
    let to_error = match (from, to) {
        (_, None) => Some("Enter the last day as a real date, for example 31 3 2027".to_owned()),
        (Some(from), Some(to)) if to < from => {
            Some("The last day is before the first: check the dates".to_owned())
        }
        _ => None,
    };
    {
        let (shown, platform, session) = (shown.clone(), props.platform.clone(), session.clone());
        use_effect_with(
            ((*filter).clone(), session.moderations.clone(), session.audits.clone()),
            move |(filter, _, _)| {
                let this_generation = {
                    let mut latest = generation.borrow_mut();
                    *latest += 1;
                    *latest
                };
                let dates = (TypedDate::read(&filter.from).day(), TypedDate::read(&filter.to).day());
                if !matches!(dates, (Some(from), Some(to)) if from <= to) {
                    shown.set(Shown::Invalid);
                }
                if let (Some(from), Some(to)) = dates {
                    if from <= to {
                        shown.set(Shown::Waiting);
                        let filter = filter.clone();
                        let dates_typed = (filter.from.clone(), filter.to.clone());
                        // The first request, as the dashboard opens, goes at once.
                        let new_dates =
                            asked_dates.borrow().as_ref().is_some_and(|asked| *asked != dates_typed);
                        *asked_dates.borrow_mut() = Some(dates_typed);
                        spawn_local(async move {
                            // A date is asked for once it has stood still, so a date typed digit
                            // by digit sends one request, not several; a choice from a list is
                            // asked for at once.
                            if new_dates {
                                platform.pause(ASK_AFTER_MS).await;
                            }
                            if *generation.borrow() != this_generation {
                                return;
                            }
                            let chosen =
                                |value: &str| Some(value.to_owned()).filter(|value| !value.is_empty());
                            let request = AgreementRequest {
                                source: snapshot_source(&session).await,
                                from,
                                to,
                                team: chosen(&filter.team),
                                template: chosen(&filter.template),
                                auditor: chosen(&filter.auditor),
                                moderator: chosen(&filter.moderator),
                            };
                            let reply = platform.analyse(AnalysisRequest::Agreement(request)).await;
                            if *generation.borrow() != this_generation {
                                return;
                            }
                            shown.set(match reply {
                                Ok(AnalysisReply::Agreement(view)) => Shown::Ready(Rc::new(view)),
                                Ok(AnalysisReply::Refused { message }) => Shown::Refused(message),
                                Ok(_) => Shown::Refused(
                                    "The figures could not be made: reload the page to carry on.".into(),
                                ),
                                Err(unavailable) => Shown::Refused(unavailable.message),
                            });
                        });
                    }
                }
            },
        );
    }

    let update = |change: fn(&mut Filter, String)| {
        let filter = filter.clone();
        Callback::from(move |value: String| {
            let mut next = (*filter).clone();
            change(&mut next, value);
            filter.set(next);
        })
    };
    let select = |change: fn(&mut Filter, String)| {
        let update = update(change);
        Callback::from(move |event: Event| {
            update.emit(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let choices = Choices::of(session, &props.templates);
    let options = |values: &BTreeMap<String, String>, current: &str, all: &str| {
        let items = values.iter().map(|(value, label)| {
            html! { <option value={value.clone()} selected={current == value}>{ label.clone() }</option> }
        });
        html! { <><option value="" selected={current.is_empty()}>{ all.to_owned() }</option>{ for items }</> }
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };
    let (from_node, to_node) = (use_node_ref(), use_node_ref());
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to moderation" }</button>
            <h3 class="lens-heading-m" id={TITLE_ID} tabindex="-1" ref={heading}>{ "Agreement at moderation" }</h3>
            <p class="lens-body">{ "How far auditors and moderators agree, from the moderations on this device. The statistics compare each auditor's grade with the moderator's own grade, given before they discussed it; the standards and auditors to calibrate compare the auditor's grade with the grade they agreed." }</p>
            <div class="lens-filters" role="search" aria-label="Choose which moderations to compare">
                <div class="lens-filters__row">
                    { date_input(DateInputView { id: "lens-agreement-from", legend: "Moderated from", hint: None, value: &filter.from,
                        error: from_error.as_deref(), day_node: from_node, oninput: update(|f, v| f.from = v) }) }
                    { date_input(DateInputView { id: "lens-agreement-to", legend: "To", hint: None, value: &filter.to,
                        error: to_error.as_deref(), day_node: to_node, oninput: update(|f, v| f.to = v) }) }
                </div>
                <div class="lens-filters__row">
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-agreement-template">{ "Template" }</label>
                        <select class="lens-select" id="lens-agreement-template" onchange={select(|f, v| f.template = v)}>
                            { options(&choices.templates, &filter.template, "All templates") }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-agreement-team">{ "Team" }</label>
                        <select class="lens-select" id="lens-agreement-team" onchange={select(|f, v| f.team = v)}>
                            { options(&choices.teams, &filter.team, "All teams") }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-agreement-auditor">{ "Auditor" }</label>
                        <select class="lens-select" id="lens-agreement-auditor" onchange={select(|f, v| f.auditor = v)}>
                            { options(&choices.auditors, &filter.auditor, "All auditors") }
                        </select>
                    </div>
                    <div class="lens-form-group">
                        <label class="lens-label" for="lens-agreement-moderator">{ "Moderator" }</label>
                        <select class="lens-select" id="lens-agreement-moderator" onchange={select(|f, v| f.moderator = v)}>
                            { options(&choices.moderators, &filter.moderator, "All moderators") }
                        </select>
                    </div>
                </div>
            </div>
            { body(&shown) }
        </section>
    }
}

fn body(shown: &Shown) -> Html {
    match shown {
        Shown::Waiting => html! { <p class="lens-body" role="status">{ "Comparing the grades…" }</p> },
        Shown::Invalid => html! {},
        Shown::Refused(message) => html! {
            <div class="lens-inset" role="status"><p class="lens-body" id="lens-agreement-refused">{ message.clone() }</p></div>
        },
        Shown::Ready(view) => html! {
            <>
                <p class="lens-body" role="status" id="lens-agreement-summary">
                    { format!(
                        "{} moderations from {} to {}: {} standards compared.",
                        view.moderations, long(view.from), long(view.to), view.pairs
                    ) }
                </p>
                if !view.diagnostics.is_empty() {
                    <h4 class="lens-heading-s" id="lens-agreement-diagnostics">{ "What the figures say" }</h4>
                    <ul class="lens-list lens-list--bullet" aria-labelledby="lens-agreement-diagnostics">
                        { for view.diagnostics.iter().map(|line| html! { <li>{ line.clone() }</li> }) }
                    </ul>
                }
                { tables::standards(view) }
                { tables::heat_map(view) }
                { tables::statistics(view) }
                { tables::auditors(view) }
            </>
        },
    }
}

/// The choices each filter offers, from the moderated audits on this device.
struct Choices {
    templates: BTreeMap<String, String>,
    teams: BTreeMap<String, String>,
    auditors: BTreeMap<String, String>,
    moderators: BTreeMap<String, String>,
}

impl Choices {
    fn of(session: &Session, templates: &[Template]) -> Self {
        let moderated: BTreeSet<&lens_core::AuditId> =
            session.moderations.iter().map(|m| &m.value.audit).collect();
        let audits =
            session.audits.iter().map(|audit| &audit.value).filter(|audit| moderated.contains(&audit.id));
        let mut choices = Self {
            templates: BTreeMap::new(),
            teams: BTreeMap::new(),
            auditors: BTreeMap::new(),
            moderators: BTreeMap::new(),
        };
        for audit in audits {
            if let Some(template) = find_template(templates, &audit.template) {
                choices.templates.insert(template.id.clone(), template.title.clone());
            }
            let team = audit.team().trim();
            if !team.is_empty() {
                choices.teams.insert(team.to_owned(), team.to_owned());
            }
            choices.auditors.insert(audit.auditor.clone(), audit.auditor.clone());
        }
        for moderation in session.moderations.iter() {
            choices.moderators.insert(moderation.value.moderator.clone(), moderation.value.moderator.clone());
        }
        choices
    }
}

/// The period the dashboard opens on: the last twelve months, as agreement needs more
/// moderations than one quarter holds.
fn opening_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    ((today - Months::new(12)).succ_opt().unwrap_or(today), today)
}

/// The request the dashboard sends as it opens, so the moderation screen can have the worker
/// work it out ahead.
pub(crate) fn opening_request(
    session: &Session,
    templates: &[Template],
    today: NaiveDate,
    source: DataSource,
) -> AgreementRequest {
    let (from, to) = opening_period(today);
    let template = Some(most_moderated_template(session, templates)).filter(|id| !id.is_empty());
    AgreementRequest { source, from, to, team: None, template, auditor: None, moderator: None }
}

/// The template most moderations on this device were made with: one scale to compare on.
fn most_moderated_template(session: &Session, templates: &[Template]) -> String {
    let by_id: BTreeMap<&lens_core::AuditId, &lens_core::Audit> =
        session.audits.iter().map(|audit| (&audit.value.id, &audit.value)).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for moderation in session.moderations.iter() {
        let template =
            by_id.get(&moderation.value.audit).and_then(|audit| find_template(templates, &audit.template));
        if let Some(template) = template {
            *counts.entry(template.id.clone()).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(id, _)| id).unwrap_or_default()
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%-m-%-d").to_string()
}

fn long(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}
