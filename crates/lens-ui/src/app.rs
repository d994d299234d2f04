//! The root component: opens the store for its database name, then shows the chosen view.

use std::collections::BTreeSet;
use std::rc::Rc;

use lens_core::{Audit, Moderation, ModerationSample, Template};
use lens_store::council_codebook::{read_council_codebook, KeptCodebook};
use lens_store::council_templates::list_council_templates;
use lens_store::device_log::{load_device_log, DeviceLog};
use lens_store::moderation_sample::list_samples;
use lens_store::qa_report::{list_qa_reports, QaReport};
use lens_store::{list_audits_in_steps, list_moderations, StoreError, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::{Screens, StorageNotice, StoragePage};
use crate::config::{Config, ConfigProblem};
use crate::council_templates::{configured_notice, page_templates, use_configured_templates};
use crate::host_api::{answer_host, HostContext};
use crate::ports::{
    ErrorCode, HostRequest, LensEvent, OpenedStore, Persistence, PlatformHandle, StorageKind, StorageUsed,
};
use crate::screen::Screen;
use crate::view::View;

/// What the host page gives the app.
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppProps {
    /// The screen to show.
    pub view: View,
    /// The IndexedDB database name: each name is a separate set of data.
    pub db_name: String,
    /// Settings from the `config` attribute.
    pub config: Config,
    /// Why the `config` attribute could not be used, if it could not.
    #[prop_or_default]
    pub config_problem: Option<ConfigProblem>,
    /// The environment.
    pub platform: PlatformHandle,
}

/// Everything loaded from one database.
#[derive(Clone, PartialEq)]
pub(crate) struct Session {
    pub store: OpenedStore,
    pub audits: Rc<Vec<Versioned<Audit>>>,
    pub moderations: Rc<Vec<Versioned<Moderation>>>,
    /// Moderation samples drawn on this device, newest first.
    pub samples: Rc<Vec<Versioned<ModerationSample>>>,
    /// The council's own templates kept on this device, as their documents say (before the
    /// page's lists of teams and strands are applied).
    pub council_templates: Rc<Vec<Template>>,
    /// QA reports written on this device, most recently written first.
    pub qa_reports: Rc<Vec<Versioned<QaReport>>>,
    /// The council's theme codebook record, if one was ever kept; its document is none once removed.
    pub codebook: Option<KeptCodebook>,
    pub device_log: DeviceLog,
    pub unreadable: Rc<Vec<String>>,
    pub persistence: Persistence,
}

/// The teams of `audits`, each once, as typed without surrounding spaces: a filter's choices.
pub(crate) fn teams_of<'a>(audits: impl Iterator<Item = &'a Versioned<Audit>>) -> BTreeSet<String> {
    audits.map(|audit| audit.value.team().trim().to_owned()).filter(|team| !team.is_empty()).collect()
}

/// What screens may do to the session and to where the person is.
#[derive(Clone, PartialEq)]
pub(crate) struct SessionActions {
    /// An audit was saved.
    pub onsaved: Callback<Versioned<Audit>>,
    /// A moderation was saved.
    pub onmoderated: Callback<Versioned<Moderation>>,
    /// The browser answered whether it will keep the data.
    pub onpersistence: Callback<Persistence>,
    /// An export was made and logged.
    pub onexported: Callback<DeviceLog>,
    /// A moderation sample was drawn and saved.
    pub onsampled: Callback<Versioned<ModerationSample>>,
    /// Go to another screen.
    pub onnavigate: Callback<Screen>,
    /// Records were written from elsewhere (an import): read the device again.
    pub onreload: Callback<()>,
    /// A council template was kept on this device.
    pub ontemplate: Callback<Template>,
    /// A QA report was saved.
    pub onreported: Callback<Versioned<QaReport>>,
    /// The council's theme codebook was kept or removed.
    pub oncodebook: Callback<KeptCodebook>,
}

/// The app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let session = use_reducer(SessionState::default);
    let council = session.0.as_ref().map(|session| session.council_templates.clone()).unwrap_or_default();
    let lists = (props.config.teams.clone(), props.config.strands.clone(), props.config.roles());
    let templates: Rc<Vec<Template>> = use_memo((council, lists), |(council, (teams, strands, roles))| {
        page_templates(council, teams, strands, roles)
    });
    let configured = use_configured_templates(&session, &props.platform, &props.config.templates);
    let screen = use_state(|| first_screen(&props.view));
    {
        // A host page that changes `view` moves the person to that view's first screen.
        let screen = screen.clone();
        let shown_view = use_mut_ref(|| props.view.clone());
        use_effect_with(props.view.clone(), move |view| {
            if *shown_view.borrow() != *view {
                *shown_view.borrow_mut() = view.clone();
                screen.set(first_screen(view));
            }
        });
    }
    // Raised to read the same database again after an import; the screen stays as it is.
    let reloads = use_reducer(ReloadCount::default);
    let opened_name = use_mut_ref(|| None::<String>);
    // Async loads are not cancelled when the database name changes: each load carries the
    // generation it was started in and is dropped if a newer one has begun.
    let generation = use_mut_ref(|| 0_u64);
    let current_view = use_mut_ref(String::new);
    *current_view.borrow_mut() = props.view.name().to_owned();

    {
        let session = session.clone();
        let platform = props.platform.clone();
        use_effect_with((props.db_name.clone(), reloads.0), move |(db_name, _)| {
            let this_generation = {
                let mut latest = generation.borrow_mut();
                *latest += 1;
                *latest
            };
            // A new database closes what is shown; reading the same one again keeps it until
            // the fresh copy arrives.
            let reopening = opened_name.borrow().as_deref() == Some(db_name.as_str());
            if !reopening {
                session.dispatch(SessionChange::Closed);
            }
            *opened_name.borrow_mut() = Some(db_name.clone());
            // The store itself is kept: on memory only, opening again would start empty.
            let kept = if reopening { session.0.as_ref().map(|open| open.store.clone()) } else { None };
            let db_name = db_name.clone();
            spawn_local(async move {
                let reopening = kept.is_some();
                let loaded = open_session(&platform, &db_name, kept).await;
                if *generation.borrow() != this_generation {
                    return;
                }
                if reopening {
                    session.dispatch(SessionChange::Reloaded(loaded));
                    return;
                }
                let storage = match &loaded.store.kind {
                    StorageKind::IndexedDb => StorageUsed::IndexedDb,
                    StorageKind::Memory { reason } => {
                        platform.emit(LensEvent::Error {
                            code: ErrorCode::StorageUnavailable,
                            message: reason.clone(),
                        });
                        StorageUsed::Memory
                    }
                };
                session.dispatch(SessionChange::Opened(loaded));
                let view = current_view.borrow().clone();
                platform.emit(LensEvent::Ready { view, storage });
            });
        });
    }

    let actions = session_actions(&session, &screen, &reloads);
    // The host page's requests are answered with the data and callbacks of the latest render.
    let host_context = use_mut_ref(|| None::<HostContext>);
    *host_context.borrow_mut() = Some(HostContext {
        session: session.0.clone(),
        platform: props.platform.clone(),
        templates: templates.clone(),
        reader: props.config.auditor.clone(),
        onreload: actions.onreload.clone(),
        onexported: actions.onexported.clone(),
    });
    use_effect_with(props.platform.clone(), move |platform| {
        let pauses = platform.clone();
        // The host page's requests are answered one at a time: the worker has one import desk,
        // and two imports at once would replace each other's preview.
        let answering = Rc::new(std::cell::Cell::new(false));
        let watch = platform.when_host_asks(Callback::from(move |request: HostRequest| {
            let (host_context, pauses, answering) = (host_context.clone(), pauses.clone(), answering.clone());
            spawn_local(async move {
                while answering.replace(true) {
                    pauses.pause(50).await;
                }
                if let Some(context) = opened_context(&host_context, &pauses).await {
                    answer_host(request, context).await;
                }
                answering.set(false);
            });
        }));
        move || drop(watch)
    });
    let body = match session.0.clone() {
        None => html! { <p class="lens-body" role="status">{ "Opening your data on this device…" }</p> },
        Some(session) => match &props.view {
            View::Home | View::QaDesk => html! {
                <Screens session={session.clone()} screen={(*screen).clone()} config={props.config.clone()}
                    platform={props.platform.clone()} templates={templates.clone()} configured={configured.clone()}
                    actions={actions.clone()} />
            },
            View::Storage => html! {
                <StoragePage session={session.clone()} db_name={props.db_name.clone()}
                    platform={props.platform.clone()} onpersistence={actions.onpersistence.clone()} />
            },
            View::Unknown(name) => html! {
                <div class="lens-notification lens-notification--warning" role="alert">
                    <h3 class="lens-heading-m">{ "This page does not exist" }</h3>
                    <p class="lens-body">
                        { format!("Practice Lens has no view called '{name}'. Set the view attribute to one of: {}.", View::NAMES.join(", ")) }
                    </p>
                </div>
            },
        },
    };
    let storage_notice = session.0.as_ref().map(|session| {
        html! { <StorageNotice kind={session.store.kind.clone()} unreadable={session.unreadable.clone()} /> }
    });

    html! {
        <div class="lens-app">
            <header class="lens-header">
                if let Some(organisation) = &props.config.organisation {
                    <span class="lens-caption">{ organisation.clone() }</span>
                }
                <h2 class="lens-heading-l">{ "Practice Lens" }</h2>
            </header>
            if let Some(problem) = &props.config_problem {
                <div class="lens-notification lens-notification--warning" role="alert">
                    <p class="lens-body">{ problem.0.clone() }</p>
                </div>
            }
            { for storage_notice }
            { configured_notice(&configured) }
            { body }
        </div>
    }
}

/// The host page's context once the data has opened: a request made as the data opens (just
/// after `lens-ready`, before the page has drawn it) waits for it, for up to 10 seconds.
async fn opened_context(
    latest: &std::cell::RefCell<Option<HostContext>>,
    platform: &PlatformHandle,
) -> Option<HostContext> {
    for _ in 0..100 {
        platform.pause(0).await;
        let context = latest.borrow().clone();
        if context.as_ref().is_some_and(|context| context.session.is_some()) {
            return context;
        }
        platform.pause(100).await;
    }
    latest.borrow().clone()
}

/// How many times the same database has been read again (after imports).
#[derive(Default, PartialEq)]
pub(crate) struct ReloadCount(u32);

impl Reducible for ReloadCount {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Self(self.0 + 1))
    }
}

/// Where a view starts within the home view's screens.
fn first_screen(view: &View) -> Screen {
    match view {
        View::QaDesk => Screen::Moderate,
        View::Home | View::Storage | View::Unknown(_) => Screen::Home,
    }
}

/// The session as it loads and changes. Changes go through a reducer so that two arriving
/// together (a moderation and the audit it marks) both apply to the latest session.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct SessionState(pub(crate) Option<Session>);

/// A change to the session.
pub(crate) enum SessionChange {
    Closed,
    Opened(Session),
    /// The same database read again (after an import): what was saved here meanwhile stays.
    Reloaded(Session),
    Saved(Versioned<Audit>),
    Moderated(Versioned<Moderation>),
    Persistence(Persistence),
    Exported(DeviceLog),
    Sampled(Versioned<ModerationSample>),
    TemplateKept(Template),
    Reported(Versioned<QaReport>),
    CodebookKept(KeptCodebook),
}

impl Reducible for SessionState {
    type Action = SessionChange;

    fn reduce(self: Rc<Self>, change: SessionChange) -> Rc<Self> {
        let mut session = match change {
            SessionChange::Closed => return Rc::new(Self(None)),
            SessionChange::Opened(session) => return Rc::new(Self(Some(session))),
            SessionChange::Reloaded(mut loaded) => {
                if let Some(current) = &self.0 {
                    loaded.audits =
                        Rc::new(keep_newer(&loaded.audits, &current.audits, |a| a.id.to_string()));
                    loaded.moderations =
                        Rc::new(keep_newer(&loaded.moderations, &current.moderations, |m| m.id.clone()));
                    loaded.samples = Rc::new(keep_newer(&loaded.samples, &current.samples, |s| s.id.clone()));
                    loaded.qa_reports =
                        Rc::new(keep_newer(&loaded.qa_reports, &current.qa_reports, |r| r.id.clone()));
                    // A codebook kept or removed while the device was read again stays.
                    let revision = |kept: &Option<KeptCodebook>| kept.as_ref().map(|kept| kept.revision);
                    if revision(&current.codebook) > revision(&loaded.codebook) {
                        loaded.codebook = current.codebook.clone();
                    }
                }
                return Rc::new(Self(Some(loaded)));
            }
            // Nothing can change in a session that is not open.
            _ => match &self.0 {
                Some(session) => session.clone(),
                None => return self,
            },
        };
        match change {
            SessionChange::Saved(saved) => {
                let mut audits = (*session.audits).clone();
                audits.retain(|audit| audit.value.id != saved.value.id);
                audits.push(saved);
                session.audits = Rc::new(audits);
            }
            SessionChange::Moderated(saved) => {
                let mut moderations = (*session.moderations).clone();
                moderations.retain(|moderation| moderation.value.id != saved.value.id);
                moderations.push(saved);
                session.moderations = Rc::new(moderations);
            }
            SessionChange::Persistence(persistence) => session.persistence = persistence,
            SessionChange::Exported(log) => session.device_log = log,
            SessionChange::Sampled(saved) => {
                let mut samples = (*session.samples).clone();
                samples.retain(|sample| sample.value.id != saved.value.id);
                samples.insert(0, saved);
                session.samples = Rc::new(samples);
            }
            SessionChange::Reported(saved) => {
                let mut reports = (*session.qa_reports).clone();
                reports.retain(|report| report.value.id != saved.value.id);
                reports.insert(0, saved);
                session.qa_reports = Rc::new(reports);
            }
            SessionChange::CodebookKept(kept) => session.codebook = Some(kept),
            SessionChange::TemplateKept(template) => {
                let mut council = (*session.council_templates).clone();
                if !council.contains(&template) {
                    council.push(template);
                    council.sort_by(|a, b| (&a.id, a.version).cmp(&(&b.id, b.version)));
                }
                session.council_templates = Rc::new(council);
            }
            SessionChange::Closed | SessionChange::Opened(_) | SessionChange::Reloaded(_) => {}
        }
        Rc::new(Self(Some(session)))
    }
}

/// The records read again, except where this page saved a newer revision while they were read
/// (a save dispatched during a long re-read must not be undone by it).
fn keep_newer<T: Clone>(
    loaded: &[Versioned<T>],
    current: &[Versioned<T>],
    id: fn(&T) -> String,
) -> Vec<Versioned<T>> {
    let newer: std::collections::BTreeMap<String, &Versioned<T>> =
        current.iter().map(|record| (id(&record.value), record)).collect();
    let mut merged: Vec<Versioned<T>> = loaded
        .iter()
        .map(|record| match newer.get(&id(&record.value)) {
            Some(kept) if kept.revision > record.revision => (*kept).clone(),
            _ => record.clone(),
        })
        .collect();
    let read: std::collections::BTreeSet<String> = loaded.iter().map(|record| id(&record.value)).collect();
    merged.extend(current.iter().filter(|record| !read.contains(&id(&record.value))).cloned());
    merged
}

/// A callback that sends its value to the session as a change.
fn change<T: 'static>(
    dispatch: &UseReducerDispatcher<SessionState>,
    make: fn(T) -> SessionChange,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(make(value)))
}

/// The callbacks that update the session and the screen.
fn session_actions(
    session: &UseReducerHandle<SessionState>,
    screen: &UseStateHandle<Screen>,
    reloads: &UseReducerHandle<ReloadCount>,
) -> SessionActions {
    let dispatch = session.dispatcher();
    let onnavigate = {
        let screen = screen.clone();
        Callback::from(move |next: Screen| screen.set(next))
    };
    SessionActions {
        onsaved: change(&dispatch, SessionChange::Saved),
        onmoderated: change(&dispatch, SessionChange::Moderated),
        onpersistence: change(&dispatch, SessionChange::Persistence),
        onexported: change(&dispatch, SessionChange::Exported),
        onsampled: change(&dispatch, SessionChange::Sampled),
        ontemplate: change(&dispatch, SessionChange::TemplateKept),
        onreported: change(&dispatch, SessionChange::Reported),
        oncodebook: change(&dispatch, SessionChange::CodebookKept),
        onnavigate,
        onreload: {
            // A reducer, so two imports finishing together both count, whichever render
            // their callbacks came from.
            let dispatch = reloads.dispatcher();
            Callback::from(move |_: ()| dispatch.dispatch(()))
        },
    }
}

/// The records read, each one that could not be read and a list that could not be read at all
/// added to `unreadable`.
fn readable<T>(
    listed: Result<(Vec<T>, Vec<StoreError>), StoreError>,
    unreadable: &mut Vec<String>,
) -> Vec<T> {
    match listed {
        Ok((records, problems)) => {
            unreadable.extend(problems.iter().map(ToString::to_string));
            records
        }
        Err(error) => {
            unreadable.push(error.to_string());
            Vec::new()
        }
    }
}

/// Audits decoded between two chances for the page to draw (about 20 ms of work).
const DECODE_STEP: usize = 250;

async fn open_session(platform: &PlatformHandle, db_name: &str, kept: Option<OpenedStore>) -> Session {
    let store = match kept {
        Some(store) => store,
        None => platform.open_store(db_name).await,
    };
    // Decoded a step at a time, so the page draws and answers between steps at 10,000 audits.
    let pause = || platform.pause(0);
    let mut unreadable = Vec::new();
    let audits = readable(list_audits_in_steps(&*store.store, DECODE_STEP, pause).await, &mut unreadable);
    let moderations = readable(list_moderations(&*store.store).await, &mut unreadable);
    let samples = readable(list_samples(&*store.store).await, &mut unreadable);
    let council_templates = readable(list_council_templates(&*store.store).await, &mut unreadable);
    let qa_reports = readable(list_qa_reports(&*store.store).await, &mut unreadable);
    let codebook = read_council_codebook(&*store.store).await.unwrap_or_else(|error| {
        unreadable.push(error.to_string());
        None
    });
    let device_log = load_device_log(&*store.store).await.unwrap_or_else(|error| {
        unreadable.push(error.to_string());
        DeviceLog::default()
    });
    let persistence = match store.kind {
        StorageKind::IndexedDb => platform.persistence().await,
        StorageKind::Memory { .. } => Persistence::Unknown,
    };
    Session {
        store,
        audits: Rc::new(audits),
        moderations: Rc::new(moderations),
        samples: Rc::new(samples),
        council_templates: Rc::new(council_templates),
        qa_reports: Rc::new(qa_reports),
        codebook,
        device_log,
        unreadable: Rc::new(unreadable),
        persistence,
    }
}
