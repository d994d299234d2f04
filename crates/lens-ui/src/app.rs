//! The root component: opens the store for its database name, then shows the chosen view.

use std::rc::Rc;

use lens_core::{Audit, AuditId, Template};
use lens_store::template_document::builtin_templates;
use lens_store::{list_audits, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::{AuditForm, Home, StorageNotice, StoragePage};
use crate::config::{Config, ConfigProblem};
use crate::ports::{LensEvent, OpenedStore, Persistence, PlatformHandle, StorageKind};
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
    pub unreadable: Rc<Vec<String>>,
    pub persistence: Persistence,
}

/// The app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let session = use_state(|| None::<Session>);
    let templates: Rc<Vec<Template>> = use_memo((), |_| builtin_templates());
    let open = use_state(|| None::<AuditId>);
    // Async loads are not cancelled when the database name changes: each load carries the
    // generation it was started in and is dropped if a newer one has begun.
    let generation = use_mut_ref(|| 0_u64);
    let current_view = use_mut_ref(String::new);
    *current_view.borrow_mut() = props.view.name().to_owned();

    {
        let session = session.clone();
        let platform = props.platform.clone();
        use_effect_with(props.db_name.clone(), move |db_name| {
            let this_generation = {
                let mut latest = generation.borrow_mut();
                *latest += 1;
                *latest
            };
            session.set(None);
            let db_name = db_name.clone();
            spawn_local(async move {
                let loaded = open_session(&platform, &db_name).await;
                if *generation.borrow() != this_generation {
                    return;
                }
                let storage = match &loaded.store.kind {
                    StorageKind::IndexedDb => "indexeddb",
                    StorageKind::Memory { reason } => {
                        platform
                            .emit(LensEvent::Error { code: "storage-unavailable", message: reason.clone() });
                        "memory"
                    }
                };
                session.set(Some(loaded));
                let view = current_view.borrow().clone();
                platform.emit(LensEvent::Ready { view, storage });
            });
        });
    }

    let on_saved = {
        let session = session.clone();
        Callback::from(move |saved: Versioned<Audit>| {
            if let Some(current) = (*session).clone() {
                let mut audits = (*current.audits).clone();
                audits.retain(|audit| audit.value.id != saved.value.id);
                audits.push(saved);
                session.set(Some(Session { audits: Rc::new(audits), ..current }));
            }
        })
    };
    let on_persistence = {
        let session = session.clone();
        Callback::from(move |persistence: Persistence| {
            if let Some(current) = (*session).clone() {
                session.set(Some(Session { persistence, ..current }));
            }
        })
    };

    let on_open = {
        let open = open.clone();
        Callback::from(move |id: AuditId| open.set(Some(id)))
    };
    let on_back = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(None))
    };

    let body = match (*session).clone() {
        None => html! { <p class="lens-body" role="status">{ "Opening your data on this device…" }</p> },
        Some(session) => match &props.view {
            View::Home => {
                match open.as_ref().and_then(|id| session.audits.iter().find(|audit| &audit.value.id == id)) {
                    Some(opened) => {
                        match templates.iter().find(|template| template.reference() == opened.value.template)
                        {
                            Some(template) => html! {
                                <AuditForm key={opened.value.id.to_string()} store={session.store.clone()}
                                    platform={props.platform.clone()} opened={opened.clone()}
                                    template={Rc::new(template.clone())} onsaved={on_saved} onback={on_back} />
                            },
                            None => html! {
                                <div class="lens-notification lens-notification--warning" role="alert">
                                    <h3 class="lens-heading-m">{ "This audit's template is not on this device" }</h3>
                                    <p class="lens-body">{ format!("It was made with template {}. Import that template to open it.", opened.value.template) }</p>
                                </div>
                            },
                        }
                    }
                    None => html! {
                        <Home session={session.clone()} config={props.config.clone()}
                            platform={props.platform.clone()} templates={templates.clone()} onsaved={on_saved}
                            onopen={on_open} onpersistence={on_persistence.clone()} />
                    },
                }
            }
            View::Storage => html! {
                <StoragePage session={session.clone()} db_name={props.db_name.clone()}
                    platform={props.platform.clone()} onpersistence={on_persistence} />
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
    let storage_notice = (*session).as_ref().map(|session| {
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
            { body }
        </div>
    }
}

async fn open_session(platform: &PlatformHandle, db_name: &str) -> Session {
    let store = platform.open_store(db_name).await;
    let (audits, unreadable) = match list_audits(&*store.store).await {
        Ok((audits, problems)) => (audits, problems.iter().map(ToString::to_string).collect()),
        Err(error) => (Vec::new(), vec![error.to_string()]),
    };
    let persistence = match store.kind {
        StorageKind::IndexedDb => platform.persistence().await,
        StorageKind::Memory { .. } => Persistence::Unknown,
    };
    Session { store, audits: Rc::new(audits), unreadable: Rc::new(unreadable), persistence }
}
