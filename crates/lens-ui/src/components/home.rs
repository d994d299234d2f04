//! The home screen: the tasks, the follow-up still to do, the audits kept on this device, the
//! person's own reflections apart from them, and whether the browser will keep them.

use std::rc::Rc;

use lens_core::{AuditId, Template};
use yew::prelude::*;

use super::moderation_list::waiting_for_moderation;
use super::{AuditList, DeviceData, FollowUpList, MyReflections, TaskList};
use crate::app::{Session, SessionActions};
use crate::ports::PlatformHandle;
use crate::screen::Screen;

#[derive(Properties, PartialEq)]
pub(crate) struct HomeProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The person using the page, from `config`.
    pub author: Option<String>,
    pub actions: SessionActions,
}

#[component]
pub(crate) fn Home(props: &HomeProps) -> Html {
    let session = &props.session;
    let onopen = {
        let onnavigate = props.actions.onnavigate.clone();
        Callback::from(move |id: AuditId| onnavigate.emit(Screen::Audit(id)))
    };
    let waiting = waiting_for_moderation(session, &props.templates).len();
    html! {
        <>
            <TaskList awaiting_moderation={waiting} onnavigate={props.actions.onnavigate.clone()} />
            <FollowUpList audits={session.audits.clone()} moderations={session.moderations.clone()} templates={props.templates.clone()}
                today={props.platform.now().date_naive()} onopen={onopen.clone()} />
            <AuditList audits={session.audits.clone()} templates={props.templates.clone()} onopen={onopen.clone()}
                store={session.store.clone()} platform={props.platform.clone()}
                onexported={props.actions.onexported.clone()} />
            <MyReflections audits={session.audits.clone()} templates={props.templates.clone()}
                author={props.author.clone()} {onopen} />
            <DeviceData session={session.clone()} platform={props.platform.clone()}
                templates={props.templates.clone()} author={props.author.clone()}
                onexported={props.actions.onexported.clone()} />
        </>
    }
}
