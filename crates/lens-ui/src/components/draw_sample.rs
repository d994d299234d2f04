//! Drawing a moderation sample: the person states the period and a rule (some of each
//! auditor's audits a month or a quarter, every audit below good or inadequate, a random share,
//! or audits they tick by hand), sees the audits it draws, and saves it as a record of who drew
//! it, when, by which rule and seed. The same seed over the same audits draws the same sample
//! again.

mod by_hand;
mod choice;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::Datelike;
use lens_core::{draw_sample, Audit, AuditId, ModerationSample, Period, PeriodLength, SampleRule, Template};
use lens_store::moderation_sample::save_sample;
use lens_store::{RecordKind, Versioned};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::by_hand::{chosen_count, ChooseByHand};
use self::choice::{seed_from, Place, RuleKind, SampleAsk, SampleChoice};
use super::audit_cells::case_label;
use super::focus::use_focus_on_mount;
use super::form::{date_input, error_message, DateInputView, ErrorSummary, FieldError, TextInput};
use super::saving::why_not_saved;
use super::scroll_table::scroll_table;
use crate::app::Session;
use crate::ports::{ErrorCode, LensEvent, PlatformHandle};

const TITLE_ID: &str = "lens-sample-title";

/// The audits ticked so far when choosing by hand; every tick is applied to the latest set.
#[derive(Default, PartialEq)]
struct Chosen(Rc<BTreeSet<AuditId>>);

enum ChosenChange {
    Toggle(AuditId),
    Clear,
}

impl Reducible for Chosen {
    type Action = ChosenChange;

    fn reduce(self: Rc<Self>, change: ChosenChange) -> Rc<Self> {
        let mut set = (*self.0).clone();
        match change {
            ChosenChange::Toggle(id) => {
                if !set.remove(&id) {
                    set.insert(id);
                }
            }
            ChosenChange::Clear => set.clear(),
        }
        Rc::new(Chosen(Rc::new(set)))
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct DrawSampleProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The name `config` gives, to start the "drawn by" field with.
    pub drawn_by: Option<String>,
    pub onsampled: Callback<Versioned<ModerationSample>>,
    pub onback: Callback<()>,
}

#[component]
pub(crate) fn DrawSample(props: &DrawSampleProps) -> Html {
    let today = props.platform.now().date_naive();
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone());
    let choice = use_state(|| SampleChoice {
        drawn_by: props.drawn_by.clone().unwrap_or_default(),
        from: day_text(Period::containing(today, PeriodLength::Quarter).first_day()),
        to: day_text(today),
        kind: RuleKind::PerAuditor,
        per: "2".into(),
        quarterly: false,
        percent: "10".into(),
        seed: seed_from(&props.platform.new_id()).to_string(),
    });
    // The draw shown, and the choice it was drawn from: saving needs both to match.
    let drawn = use_state(|| None::<(SampleAsk, Rc<Vec<AuditId>>)>);
    let chosen = use_reducer(Chosen::default);
    let problems = use_state(Vec::<(Place, String)>::new);
    let attempt = use_state(|| 0_u32);
    let save_problem = use_state(|| None::<String>);
    let nodes: Rc<BTreeMap<&'static str, NodeRef>> = use_memo((), |_| {
        [
            "lens-sample-by",
            "lens-sample-from-day",
            "lens-sample-to-day",
            "lens-sample-per",
            "lens-sample-percent",
            "lens-sample-seed",
        ]
        .into_iter()
        .map(|id| (id, NodeRef::default()))
        .collect()
    });
    let session = &props.session;

    let set = |change: fn(&mut SampleChoice, String)| {
        let (choice, drawn) = (choice.clone(), drawn.clone());
        Callback::from(move |value: String| {
            let mut next = (*choice).clone();
            change(&mut next, value);
            choice.set(next);
            drawn.set(None);
        })
    };
    let typed = |change: fn(&mut SampleChoice, String)| {
        let set = set(change);
        Callback::from(move |event: InputEvent| {
            set.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let pick = |kind: RuleKind| {
        let (choice, drawn) = (choice.clone(), drawn.clone());
        Callback::from(move |_: Event| {
            choice.set(SampleChoice { kind, ..(*choice).clone() });
            drawn.set(None);
        })
    };
    let ondraw = {
        let (choice, drawn, problems, attempt, chosen) =
            (choice.clone(), drawn.clone(), problems.clone(), attempt.clone(), chosen.clone());
        let (templates, session) = (props.templates.clone(), props.session.clone());
        // Read from the session only when the person draws: the form re-renders on every keystroke.
        Callback::from(move |_: MouseEvent| match choice.read() {
            Ok(ask) => {
                let moderated: BTreeSet<AuditId> =
                    session.moderations.iter().map(|m| m.value.audit.clone()).collect();
                let audits = session.audits.iter().map(|audit| &audit.value);
                let mut ids =
                    draw_sample(audits, &templates, &moderated, ask.from, ask.to, &ask.rule, ask.seed);
                if ask.rule == SampleRule::ByHand {
                    // To choose from, the audits read best in the order they were submitted.
                    let by_id: BTreeMap<&AuditId, &Audit> =
                        session.audits.iter().map(|audit| (&audit.value.id, &audit.value)).collect();
                    ids.sort_by_cached_key(|id| {
                        by_id.get(id).map(|audit| (audit.submitted_on, audit.case_reference.clone()))
                    });
                }
                problems.set(Vec::new());
                chosen.dispatch(ChosenChange::Clear);
                drawn.set(Some((ask, Rc::new(ids))));
            }
            Err(found) => {
                problems.set(found);
                attempt.set(*attempt + 1);
                drawn.set(None);
            }
        })
    };
    // Set while the sample is being saved, so a second click saves nothing more.
    let saving = use_mut_ref(|| false);
    let onsave = {
        let (drawn, save_problem, saving) = (drawn.clone(), save_problem.clone(), saving.clone());
        let (platform, store, onsampled) =
            (props.platform.clone(), session.store.clone(), props.onsampled.clone());
        let chosen = chosen.0.clone();
        Callback::from(move |_: MouseEvent| {
            let Some((ask, drawn_ids)) = (*drawn).clone() else { return };
            let ids: Vec<AuditId> = if ask.rule == SampleRule::ByHand {
                chosen.iter().cloned().collect()
            } else {
                drawn_ids.to_vec()
            };
            if ids.is_empty() {
                save_problem.set(Some("tick at least one audit to moderate.".to_owned()));
                return;
            }
            if saving.replace(true) {
                return;
            }
            let now = platform.now();
            let sample = ModerationSample {
                id: platform.new_id(),
                drawn_by: ask.drawn_by.clone(),
                drawn_on: now.date_naive(),
                from: ask.from,
                to: ask.to,
                rule: ask.rule.clone(),
                seed: ask.seed,
                audits: ids,
            };
            let (platform, store, onsampled, save_problem, saving) =
                (platform.clone(), store.clone(), onsampled.clone(), save_problem.clone(), saving.clone());
            spawn_local(async move {
                match save_sample(&*store.store, &sample, None, now.to_utc()).await {
                    Ok(saved) => {
                        platform.emit(LensEvent::Saved {
                            kind: RecordKind::ModerationSample,
                            id: saved.value.id.clone(),
                            revision: saved.revision.get(),
                        });
                        onsampled.emit(saved);
                    }
                    Err(error) => {
                        saving.replace(false);
                        let message = why_not_saved(&error);
                        platform
                            .emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: message.clone() });
                        save_problem.set(Some(message));
                    }
                }
            });
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |_: MouseEvent| onback.emit(()))
    };

    let error_at =
        |place: Place| problems.iter().find(|(at, _)| *at == place).map(|(_, message)| message.clone());
    let node = |id: &str| nodes.get(id).cloned().unwrap_or_default();
    let field_of = |place: Place| match place {
        Place::DrawnBy => "lens-sample-by",
        Place::From => "lens-sample-from-day",
        Place::To => "lens-sample-to-day",
        Place::Per => "lens-sample-per",
        Place::Percent => "lens-sample-percent",
        Place::Seed => "lens-sample-seed",
    };
    let summary: Vec<FieldError> = problems
        .iter()
        .map(|(place, message)| FieldError {
            message: message.clone(),
            field: node(field_of(*place)),
            field_id: field_of(*place).to_owned(),
        })
        .collect();
    let rule_option = |kind: RuleKind, id: &str, label: &str, extra: Html| {
        html! {
            <>
                <div class="lens-radios__item">
                    <input class="lens-radios__input" type="radio" id={id.to_owned()} name="lens-sample-rule"
                        checked={choice.kind == kind} onchange={pick(kind)} />
                    <label class="lens-radios__label" for={id.to_owned()}>{ label.to_owned() }</label>
                </div>
                if choice.kind == kind {
                    <div class="lens-radios__conditional">{ extra }</div>
                }
            </>
        }
    };
    let number = |id: &'static str,
                  label: &str,
                  hint: &str,
                  value: &str,
                  place: Place,
                  change: fn(&mut SampleChoice, String)| {
        let error = error_at(place);
        html! {
            <div class={if error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" }}>
                <label class="lens-label" for={id}>{ label.to_owned() }</label>
                <div class="lens-hint" id={format!("{id}-hint")}>{ hint.to_owned() }</div>
                { error_message(id, error.as_deref()) }
                <input class="lens-input lens-input--width-4" id={id} type="text" inputmode="numeric" value={value.to_owned()}
                    ref={node(id)} oninput={typed(change)}
                    aria-describedby={if error.is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }} />
            </div>
        }
    };
    let per_fields = html! {
        <>
            { number("lens-sample-per", "How many of each auditor's audits", "For example 2", &choice.per, Place::Per, |c, v| c.per = v) }
            <div class="lens-radios lens-radios--inline" role="radiogroup" aria-label="In each">
                <div class="lens-radios__item">
                    <input class="lens-radios__input" type="radio" id="lens-sample-monthly" name="lens-sample-period"
                        checked={!choice.quarterly} onchange={{ let set = set(|c, _| c.quarterly = false); Callback::from(move |_: Event| set.emit(String::new())) }} />
                    <label class="lens-radios__label" for="lens-sample-monthly">{ "Each month" }</label>
                </div>
                <div class="lens-radios__item">
                    <input class="lens-radios__input" type="radio" id="lens-sample-quarterly" name="lens-sample-period"
                        checked={choice.quarterly} onchange={{ let set = set(|c, _| c.quarterly = true); Callback::from(move |_: Event| set.emit(String::new())) }} />
                    <label class="lens-radios__label" for="lens-sample-quarterly">{ "Each quarter" }</label>
                </div>
            </div>
        </>
    };
    let share_fields = number(
        "lens-sample-percent",
        "What share of the audits, as a percentage",
        "For example 10",
        &choice.percent,
        Place::Percent,
        |c, v| c.percent = v,
    );
    let ontoggle = {
        let (chosen, save_problem) = (chosen.clone(), save_problem.clone());
        Callback::from(move |id: AuditId| {
            save_problem.set(None);
            chosen.dispatch(ChosenChange::Toggle(id));
        })
    };
    let by_hand_preview = drawn.as_ref().filter(|(ask, _)| ask.rule == SampleRule::ByHand).map(|(ask, ids)| {
        let count = match ids.len() { 1 => "1 audit".to_owned(), n => format!("{n} audits") };
        html! {
            <section class="lens-section" aria-labelledby="lens-sample-drawn">
                <h4 class="lens-heading-m" id="lens-sample-drawn">
                    { format!("{count} you can choose from {} to {}", long(ask.from), long(ask.to)) }
                </h4>
                if ids.is_empty() {
                    <p class="lens-body" role="status">{ "No submitted audit in this period is waiting for moderation. Choose another period." }</p>
                } else {
                    <p class="lens-body" role="status">{ format!("{count} listed. Tick each audit to moderate, then save the sample.") }</p>
                    <ChooseByHand audits={session.audits.clone()} templates={props.templates.clone()}
                        candidates={ids.clone()} chosen={chosen.0.clone()} ontoggle={ontoggle.clone()} />
                    <button type="button" class="lens-button" id="lens-sample-save" onclick={onsave.clone()}>
                        { format!("Save this sample ({})", chosen_count(chosen.0.len()).to_lowercase()) }
                    </button>
                }
            </section>
        }
    });
    let by_id: BTreeMap<&AuditId, &Audit> = session.audits.iter().map(|a| (&a.value.id, &a.value)).collect();
    let preview = drawn.as_ref().filter(|(ask, _)| ask.rule != SampleRule::ByHand).map(|(ask, ids)| {
        let rows = ids.iter().filter_map(|id| by_id.get(id)).map(|audit| {
            html! {
                <tr class="lens-table__row">
                    <th scope="row" class="lens-table__header">{ case_label(audit) }</th>
                    <td class="lens-table__cell">{ audit.auditor.clone() }</td>
                    <td class="lens-table__cell">{ audit.submitted_on.map(long).unwrap_or_default() }</td>
                </tr>
            }
        });
        let count = match ids.len() { 1 => "1 audit".to_owned(), n => format!("{n} audits") };
        html! {
            <section class="lens-section" aria-labelledby="lens-sample-drawn">
                <h4 class="lens-heading-m" id="lens-sample-drawn">
                    { format!("{count} drawn: {}", ask.rule.describe().to_lowercase()) }
                </h4>
                if ids.is_empty() {
                    <p class="lens-body" role="status">{ format!("No submitted audit from {} to {} that is not yet moderated matches this rule. Choose another period or rule.", long(ask.from), long(ask.to)) }</p>
                } else {
                    <p class="lens-body" role="status">{ if ask.rule.is_random() { format!("{count} drawn with seed {}: the same seed over the same audits draws the same sample again.", ask.seed) } else { format!("{count} drawn: every audit that matches the rule.") } }</p>
                    { scroll_table("lens-sample-drawn-table", html! {
                        <table class="lens-table">
                            <caption class="lens-visually-hidden" id="lens-sample-drawn-table">{ "The audits drawn" }</caption>
                            <thead><tr class="lens-table__row">
                                <th scope="col" class="lens-table__header">{ "Case reference" }</th>
                                <th scope="col" class="lens-table__header">{ "Auditor" }</th>
                                <th scope="col" class="lens-table__header">{ "Submitted" }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }) }
                    <button type="button" class="lens-button" id="lens-sample-save" onclick={onsave}>{ "Save this sample" }</button>
                }
            </section>
        }
    });
    let (from_error, to_error) = (error_at(Place::From), error_at(Place::To));
    let seed_error = error_at(Place::Seed);
    html! {
        <section class="lens-section" aria-labelledby={TITLE_ID}>
            <button type="button" class="lens-link-button" onclick={onback}>{ "Back to moderation" }</button>
            <ErrorSummary errors={summary} attempt={*attempt} />
            <h3 class="lens-heading-m" id={TITLE_ID} tabindex="-1" ref={heading}>{ "Draw a moderation sample" }</h3>
            <p class="lens-body">{ "Choose which submitted audits are moderated, by a rule. Audits already moderated are never drawn again." }</p>
            <TextInput id="lens-sample-by" label="Your name" value={choice.drawn_by.clone()}
                error={error_at(Place::DrawnBy).map(AttrValue::from)} node={node("lens-sample-by")}
                oninput={typed(|c, v| c.drawn_by = v)} width_class="lens-input--width-20" no_spellcheck=true />
            { date_input(DateInputView { id: "lens-sample-from", legend: "Submitted from", hint: None, value: &choice.from,
                error: from_error.as_deref(), day_node: node("lens-sample-from-day"), oninput: set(|c, v| c.from = v) }) }
            { date_input(DateInputView { id: "lens-sample-to", legend: "Submitted up to", hint: None, value: &choice.to,
                error: to_error.as_deref(), day_node: node("lens-sample-to-day"), oninput: set(|c, v| c.to = v) }) }
            <fieldset class="lens-fieldset lens-form-group">
                <legend class="lens-fieldset__legend lens-fieldset__legend--m">{ "Which audits should be moderated?" }</legend>
                <div class="lens-radios">
                    { rule_option(RuleKind::PerAuditor, "lens-sample-rule-per", "A number of each auditor's audits, chosen at random", per_fields) }
                    { rule_option(RuleKind::BelowGood, "lens-sample-rule-below", "Every audit judged below good", html! {}) }
                    { rule_option(RuleKind::Inadequate, "lens-sample-rule-inadequate", "Every audit judged inadequate", html! {}) }
                    { rule_option(RuleKind::RandomShare, "lens-sample-rule-share", "A random share of the audits", share_fields) }
                    { rule_option(RuleKind::ByHand, "lens-sample-rule-hand", "Audits I choose myself", html! {
                        <p class="lens-hint">{ "List the audits waiting for moderation in the period, then tick the ones to moderate." }</p>
                    }) }
                </div>
            </fieldset>
            // Only a random rule uses the seed.
            if matches!(choice.kind, RuleKind::PerAuditor | RuleKind::RandomShare) {
                <div class={if seed_error.is_some() { "lens-form-group lens-form-group--error" } else { "lens-form-group" }}>
                    <label class="lens-label" for="lens-sample-seed">{ "Seed" }</label>
                    <div class="lens-hint" id="lens-sample-seed-hint">{ "The random choices follow from this number. Keep it to draw the same sample again." }</div>
                    { error_message("lens-sample-seed", seed_error.as_deref()) }
                    <input class="lens-input lens-input--width-10" id="lens-sample-seed" type="text" inputmode="numeric"
                        value={choice.seed.clone()} ref={node("lens-sample-seed")} oninput={typed(|c, v| c.seed = v)}
                        aria-describedby={if seed_error.is_some() { "lens-sample-seed-hint lens-sample-seed-error" } else { "lens-sample-seed-hint" }} />
                </div>
            }
            <button type="button" class="lens-button lens-button--secondary" id="lens-sample-draw" onclick={ondraw}>{ "Draw the sample" }</button>
            if let Some(problem) = &*save_problem {
                <div class="lens-notification lens-notification--error" role="alert">
                    <p class="lens-body">{ format!("The sample was not saved: {problem}") }</p>
                </div>
            }
            { for preview }
            { for by_hand_preview }
        </section>
    }
}

fn day_text(day: chrono::NaiveDate) -> String {
    format!("{}-{}-{}", day.year(), day.month(), day.day())
}

fn long(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}
