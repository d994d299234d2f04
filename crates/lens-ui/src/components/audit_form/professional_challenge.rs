//! On a draft service performance review, above lens 3: the head of service picks the review's
//! period and team, and the worker drafts the professional-challenge areas from this device's
//! audits, observations and moderations (`lens-analysis/src/professional_challenge.rs`). The
//! draft goes only into areas with nothing written (`plan.rs`), as one edit the form saves like
//! typing; an area already written in keeps its text and shows the draft beside it to copy from.

pub(crate) mod plan;

use std::rc::Rc;

use lens_analysis::protocol::service_review::ProfessionalChallengeRequest;
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_core::{Audit, ChallengeArea, Template};
use web_sys::HtmlElement;
use yew::prelude::*;

use self::plan::{plan_fill, AreaPlan, AreaResult};
use super::anchors::{narrative_id, Anchors};
use super::edit::Edit;
use crate::analysis::data_source;
use crate::components::focus::focus_link;
use crate::components::form::{
    date_input, period_days, period_problems, quick_periods_of, DateInputView, QuickPeriod,
};
use crate::ports::{OpenedStore, PlatformHandle};

/// The panel's element id, which the e2e tests and the form's contents find it by.
pub(crate) const PANEL_ID: &str = "lens-challenge-fill";
const FROM_ID: &str = "lens-challenge-from";
const TO_ID: &str = "lens-challenge-to";
const TEAM_ID: &str = "lens-challenge-team";

/// Whether a review made with `template` has any area Practice Lens can draft.
pub(crate) fn offers_drafting(template: &Template) -> bool {
    template.kind == lens_core::TemplateKind::ServiceReview
        && ChallengeArea::ALL.into_iter().any(|area| template.item(area.item_id()).is_some())
}

#[derive(Properties, PartialEq)]
pub(crate) struct ChallengeFillProps {
    pub store: OpenedStore,
    pub platform: PlatformHandle,
    pub template: Rc<Template>,
    /// The review as the form holds it now.
    pub audit: Audit,
    /// The teams of the device's audits, for the team's choices.
    pub teams: Rc<Vec<String>>,
    pub anchors: Anchors,
    pub edit: Callback<Edit>,
}

/// Where drafting has got to.
#[derive(Clone, PartialEq)]
enum Drafting {
    NotAsked,
    Working,
    Done { covers: String, areas: Vec<AreaPlan> },
    Failed(String),
}

#[component]
pub(crate) fn ChallengeFill(props: &ChallengeFillProps) -> Html {
    let today = props.platform.now().date_naive();
    let period = use_state(|| QuickPeriod::LastHalfYear.typed_days(today));
    let team = use_state(String::new);
    let checked = use_state(|| false);
    let drafting = use_state(|| Drafting::NotAsked);
    // Only the newest answer is used; the review as it is when the answer arrives decides
    // which areas are still empty.
    let asked = use_mut_ref(|| 0_u64);
    let latest = use_mut_ref(|| props.audit.clone());
    *latest.borrow_mut() = props.audit.clone();
    let (from_node, to_node) =
        (props.anchors.node(&format!("{FROM_ID}-day")), props.anchors.node(&format!("{TO_ID}-day")));

    let (from, to) = (*period).clone();
    let (from_problem, to_problem) =
        if *checked { period_problems(&from, &to, "review period") } else { (None, None) };
    let ondraft = {
        let (period, team, checked, drafting) =
            (period.clone(), team.clone(), checked.clone(), drafting.clone());
        let (store, platform, template, edit) =
            (props.store.clone(), props.platform.clone(), props.template.clone(), props.edit.clone());
        let (asked, latest, from_node, to_node) =
            (asked.clone(), latest.clone(), from_node.clone(), to_node.clone());
        Callback::from(move |_: MouseEvent| {
            checked.set(true);
            let (from, to) = (*period).clone();
            let Some((from, to)) = period_days(&from, &to) else {
                let (from_problem, _) = period_problems(&from, &to, "review period");
                let first = if from_problem.is_some() { &from_node } else { &to_node };
                if let Some(element) = first.cast::<HtmlElement>() {
                    let _ = element.focus();
                }
                return;
            };
            let this_ask = {
                let mut asked = asked.borrow_mut();
                *asked += 1;
                *asked
            };
            drafting.set(Drafting::Working);
            let team = Some((*team).clone()).filter(|team| !team.is_empty());
            let (store, platform, template, edit) =
                (store.clone(), platform.clone(), template.clone(), edit.clone());
            let (asked, latest, drafting) = (asked.clone(), latest.clone(), drafting.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let source = data_source(&store).await;
                let request = ProfessionalChallengeRequest { source, from, to, team, today };
                let reply = platform.analyse(AnalysisRequest::ProfessionalChallenge(request)).await;
                if *asked.borrow() != this_ask {
                    return;
                }
                match reply {
                    Ok(AnalysisReply::ProfessionalChallenge(view)) => {
                        let (fills, areas) = plan_fill(&view, &template, &latest.borrow());
                        if !fills.is_empty() {
                            edit.emit(Edit::FillEmptyNarratives(fills));
                        }
                        drafting.set(Drafting::Done { covers: view.covers, areas });
                    }
                    Ok(AnalysisReply::Refused { message }) => drafting.set(Drafting::Failed(message)),
                    Ok(_) => drafting.set(Drafting::Failed("Reload the page to carry on.".to_owned())),
                    Err(unavailable) => drafting.set(Drafting::Failed(unavailable.message)),
                }
            });
        })
    };
    let onpick = {
        let period = period.clone();
        Callback::from(move |picked: QuickPeriod| period.set(picked.typed_days(today)))
    };
    let on_date = |end: usize| {
        let period = period.clone();
        Callback::from(move |typed: String| {
            let mut both = (*period).clone();
            if end == 0 {
                both.0 = typed;
            } else {
                both.1 = typed;
            }
            period.set(both);
        })
    };
    let onteam = {
        let team = team.clone();
        Callback::from(move |event: Event| {
            team.set(event.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
        })
    };
    let team_options = props.teams.iter().map(|name| {
        html! { <option value={name.clone()} selected={*team == *name}>{ name.clone() }</option> }
    });
    let working = *drafting == Drafting::Working;
    html! {
        <div class="lens-inset lens-challenge-fill" id={PANEL_ID}>
            <h4 class="lens-heading-s">{ "Draft lens 3 from this device's audits" }</h4>
            <p class="lens-body">
                { "Practice Lens can write a first draft of the areas its own records evidence: structured case file audits with their moderation, other audit activity, observed practice, and capacity to improve. Each draft gives the figures, then the evidence they come from. It goes only into areas you have not written in, and it never chooses a judgement." }
            </p>
            <div class="lens-filters">
            { quick_periods_of(&QuickPeriod::HALF_YEARS, QuickPeriod::of_among(&QuickPeriod::HALF_YEARS, &from, &to, today), &onpick) }
            <div class="lens-filters__row">
                { date_input(DateInputView { id: FROM_ID, legend: "Review period from", hint: None, value: &from,
                    error: from_problem.as_deref(), day_node: from_node, oninput: on_date(0) }) }
                { date_input(DateInputView { id: TO_ID, legend: "To", hint: None, value: &to,
                    error: to_problem.as_deref(), day_node: to_node, oninput: on_date(1) }) }
                <div class="lens-form-group">
                    <label class="lens-label" for={TEAM_ID}>{ "Team" }</label>
                    <select class="lens-select" id={TEAM_ID} onchange={onteam}>
                        <option value="" selected={team.is_empty()}>{ "All teams" }</option>
                        { for team_options }
                    </select>
                </div>
            </div>
            </div>
            <button type="button" class="lens-button lens-button--secondary" id="lens-challenge-draft"
                onclick={ondraft} disabled={working}>{ "Draft lens 3 from the audits" }</button>
            <div role="status">
                if working { <p class="lens-body">{ "Working out the figures for lens 3…" }</p> }
                if let Drafting::Done { covers, areas } = &*drafting {
                    { outcome(covers, areas, &props.anchors) }
                }
            </div>
            if let Drafting::Failed(message) = &*drafting {
                <div class="lens-notification lens-notification--error" role="alert">
                    <h5 class="lens-heading-s">{ "Lens 3 could not be drafted" }</h5>
                    <p class="lens-body">{ message.clone() }</p>
                </div>
            }
        </div>
    }
}

/// What drafting did, area by area, each filled area a link to its text.
fn outcome(covers: &str, areas: &[AreaPlan], anchors: &Anchors) -> Html {
    let rows = areas.iter().map(|area| {
        let field = narrative_id(&area.item);
        match &area.result {
            AreaResult::Filled { audits } => html! {
                <li>
                    { focus_link(anchors.node(&field), &field, html! { area.prompt.clone() }) }
                    { format!(": drafted from {}. Check it and give your judgement.", if *audits == 1 { "1 audit".to_owned() } else { format!("{audits} audits") }) }
                </li>
            },
            AreaResult::KeptYours { draft } => html! {
                <li>
                    { focus_link(anchors.node(&field), &field, html! { area.prompt.clone() }) }
                    { ": not changed, because you have written there." }
                    <details class="lens-details">
                        <summary class="lens-details__summary">{ "The draft, to copy from" }</summary>
                        <div class="lens-details__text lens-preserve-lines">{ draft.clone() }</div>
                    </details>
                </li>
            },
            AreaResult::NothingFound { reason } => html! {
                <li>{ format!("{}: not drafted. {reason}", area.prompt) }</li>
            },
        }
    });
    html! {
        <>
            <p class="lens-body">{ format!("Lens 3 drafted for {covers}:") }</p>
            <ul class="lens-list lens-list--bullet">{ for rows }</ul>
        </>
    }
}
