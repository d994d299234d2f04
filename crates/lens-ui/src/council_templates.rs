//! The templates audits on this page may use: the built-in ones and the council's kept ones,
//! with the page's lists of teams and strands; and the council templates the page's `config`
//! names, fetched from the page's own site, checked, and kept on the device.

use std::rc::Rc;

use lens_core::{Template, TemplateProblem, STRAND_FIELD, TEAM_FIELD};
use lens_store::council_templates::{
    check_council_template, device_templates, save_council_template, TemplateCheck,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::{SessionChange, SessionState};
use crate::ports::PlatformHandle;

/// Every template audits here may use, with the answers to their team and strand fields
/// chosen from the page's lists where it gives them, each asking the auditor's role.
pub(crate) fn page_templates(
    council: &[Template],
    teams: &[String],
    strands: &[String],
    roles: &[String],
) -> Vec<Template> {
    device_templates(council)
        .into_iter()
        .map(|template| {
            template
                .with_listed_answers(TEAM_FIELD, teams)
                .with_listed_answers(STRAND_FIELD, strands)
                .asking_auditor_role(roles)
        })
        .collect()
}

/// What became of one template the page's `config` names.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ConfiguredTemplate {
    /// The address as `config` gives it.
    pub address: String,
    pub outcome: ConfiguredOutcome,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ConfiguredOutcome {
    /// Being fetched and checked.
    Checking,
    /// Offered for new audits (kept now, or on this device already).
    Ready { title: String, version: u32 },
    /// The document has these problems; nothing was kept.
    Refused(Vec<TemplateProblem>),
    /// It could not be fetched or kept, for this reason.
    Unavailable(String),
}

impl ConfiguredOutcome {
    /// Whether someone needs to put this right.
    pub fn failed(&self) -> bool {
        matches!(self, Self::Refused(_) | Self::Unavailable(_))
    }
}

/// Fetches, checks and keeps the templates at `addresses` once the data is open, and again when
/// the page names others. Returns what became of each.
#[hook]
pub(crate) fn use_configured_templates(
    session: &UseReducerHandle<SessionState>,
    platform: &PlatformHandle,
    addresses: &[String],
) -> Rc<Vec<ConfiguredTemplate>> {
    let results = use_state(|| Rc::new(Vec::<ConfiguredTemplate>::new()));
    let generation = use_mut_ref(|| 0_u64);
    let opened = session.0.as_ref().map(|open| open.store.db_name.clone());
    {
        let (session, platform, results) = (session.clone(), platform.clone(), results.clone());
        use_effect_with((addresses.to_vec(), opened), move |(addresses, opened)| {
            let this_generation = {
                let mut latest = generation.borrow_mut();
                *latest += 1;
                *latest
            };
            let Some(open) = opened.as_ref().and(session.0.clone()) else { return };
            if addresses.is_empty() {
                results.set(Rc::new(Vec::new()));
                return;
            }
            let mut shown: Vec<ConfiguredTemplate> = addresses
                .iter()
                .map(|address| ConfiguredTemplate {
                    address: address.clone(),
                    outcome: ConfiguredOutcome::Checking,
                })
                .collect();
            results.set(Rc::new(shown.clone()));
            let addresses = addresses.clone();
            spawn_local(async move {
                let mut council = (*open.council_templates).clone();
                for (index, address) in addresses.iter().enumerate() {
                    let outcome = match platform.fetch_same_origin(address).await {
                        Err(reason) => ConfiguredOutcome::Unavailable(reason),
                        Ok(text) => match check_council_template(&text, &device_templates(&council)) {
                            Err(problems) => ConfiguredOutcome::Refused(problems),
                            Ok(TemplateCheck::AlreadyHeld(template)) => {
                                ConfiguredOutcome::Ready { title: template.title, version: template.version }
                            }
                            Ok(TemplateCheck::New(template)) => {
                                let now = platform.now().to_utc();
                                match save_council_template(&*open.store.store, &template, now).await {
                                    Ok(()) => {
                                        council.push(template.clone());
                                        let ready = ConfiguredOutcome::Ready {
                                            title: template.title.clone(),
                                            version: template.version,
                                        };
                                        session.dispatch(SessionChange::TemplateKept(template));
                                        ready
                                    }
                                    Err(error) => ConfiguredOutcome::Unavailable(format!(
                                        "It could not be kept on this device: {error}"
                                    )),
                                }
                            }
                        },
                    };
                    if *generation.borrow() != this_generation {
                        return;
                    }
                    shown[index].outcome = outcome;
                    results.set(Rc::new(shown.clone()));
                }
            });
        });
    }
    (*results).clone()
}

/// A warning above every screen while a template the page names cannot be used.
pub(crate) fn configured_notice(configured: &[ConfiguredTemplate]) -> Html {
    let failed: Vec<&ConfiguredTemplate> =
        configured.iter().filter(|template| template.outcome.failed()).collect();
    if failed.is_empty() {
        return Html::default();
    }
    let addresses =
        failed.iter().map(|template| html! { <li><code>{ template.address.clone() }</code></li> });
    html! {
        <div class="lens-notification lens-notification--warning" role="alert">
            <h3 class="lens-heading-s">
                { if failed.len() == 1 { "A template this page names cannot be used".to_owned() }
                  else { format!("{} templates this page names cannot be used", failed.len()) } }
            </h3>
            <ul class="lens-list lens-list--bullet">{ for addresses }</ul>
            <p class="lens-body">
                { "Audits can still be made with the other templates. Templates, on Home, lists each problem: tell whoever looks after Practice Lens on your intranet." }
            </p>
        </div>
    }
}
