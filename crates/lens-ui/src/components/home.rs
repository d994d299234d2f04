//! The home screen: start an audit, and the audits kept on this device.

use std::rc::Rc;

use lens_core::{Audit, AuditId, Template};
use lens_store::Versioned;
use yew::prelude::*;

use super::{AuditList, FollowUpList, PersistenceStatus, StartAudit};
use crate::app::Session;
use crate::config::Config;
use crate::ports::{Persistence, PlatformHandle};

#[derive(Properties, PartialEq)]
pub(crate) struct HomeProps {
    pub session: Session,
    pub config: Config,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    pub onsaved: Callback<Versioned<Audit>>,
    pub onopen: Callback<AuditId>,
    pub onpersistence: Callback<Persistence>,
}

#[component]
pub(crate) fn Home(props: &HomeProps) -> Html {
    html! {
        <>
            <StartAudit store={props.session.store.clone()} platform={props.platform.clone()}
                auditor={props.config.auditor.clone().unwrap_or_default()}
                persistence={props.session.persistence.clone()} templates={props.templates.clone()}
                onsaved={props.onsaved.clone()} onopen={props.onopen.clone()}
                onpersistence={props.onpersistence.clone()} />
            <FollowUpList audits={props.session.audits.clone()} templates={props.templates.clone()}
                today={props.platform.now().date_naive()} onopen={props.onopen.clone()} />
            <AuditList audits={props.session.audits.clone()} templates={props.templates.clone()}
                onopen={props.onopen.clone()} />
            <PersistenceStatus kind={props.session.store.kind.clone()}
                persistence={props.session.persistence.clone()} />
        </>
    }
}
