//! The home screen: start a case file audit, and the audits kept on this device.

use lens_core::Audit;
use lens_store::Versioned;
use yew::prelude::*;

use super::{AuditList, PersistenceStatus, StartAudit};
use crate::app::Session;
use crate::config::Config;
use crate::ports::{Persistence, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct HomeProps {
    pub session: Session,
    pub config: Config,
    pub platform: PlatformHandle,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onpersistence: Callback<Persistence>,
}

#[component]
pub(crate) fn Home(props: &HomeProps) -> Html {
    html! {
        <>
            <StartAudit store={props.session.store.clone()} platform={props.platform.clone()}
                auditor={props.config.auditor.clone().unwrap_or_default()}
                persistence={props.session.persistence.clone()}
                onsaved={props.onsaved.clone()} onpersistence={props.onpersistence.clone()} />
            <AuditList audits={props.session.audits.clone()} />
            <PersistenceStatus kind={props.session.store.kind.clone()}
                persistence={props.session.persistence.clone()} />
        </>
    }
}
