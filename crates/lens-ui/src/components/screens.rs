//! The home view's screens: the one the person is on, with the callbacks that move between them.

use std::rc::Rc;

use lens_core::{find_template, AuditId, Template, TemplateRef};
use yew::prelude::*;

use super::{
    AgreementDashboard, AuditForm, CodebookPage, DrawSample, Home, ImportBundles, ModerationForm,
    ModerationList, QaDrafts, QaReportScreen, ReportChoice, Reports, StartAudit, TemplatesPage, ThemeChoice,
    ThemesPanel,
};
use crate::app::{Session, SessionActions};
use crate::config::Config;
use crate::council_templates::ConfiguredTemplate;
use crate::ports::{PlatformHandle, StorageKind, UnsavedWork};
use crate::screen::Screen;

/// The teams a service review's lens 3 may be drafted for: those of the device's audits. Other
/// audits do not ask, so the list is not made for them.
fn review_teams(session: &Session, template: &lens_core::Template) -> Rc<Vec<String>> {
    if template.kind != lens_core::TemplateKind::ServiceReview {
        return Rc::default();
    }
    Rc::new(crate::app::teams_of(session.audits.iter()).into_iter().collect())
}

#[derive(Properties, PartialEq)]
pub(crate) struct ScreensProps {
    pub session: Session,
    pub screen: Screen,
    pub config: Config,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// What became of the templates the page's `config` names.
    pub configured: Rc<Vec<ConfiguredTemplate>>,
    pub actions: SessionActions,
}

#[component]
pub(crate) fn Screens(props: &ScreensProps) -> Html {
    let session = &props.session;
    let actions = &props.actions;
    // Kept here, not in the panel, so that opening an audit from a quote and coming back finds
    // the same choice.
    let theme_choice = {
        let today = props.platform.now().date_naive();
        use_state(move || ThemeChoice::opening(today))
    };
    // What Reports covers and the figure open, kept here for the same reason.
    let report_choice = {
        let today = props.platform.now().date_naive();
        use_state(move || ReportChoice::opening(today))
    };
    // The QA report being written, kept here for the same reason.
    let qa_drafts = use_reducer(QaDrafts::default);
    {
        // Warned of here, not in the editor, so opening a quote's audit still warns.
        let durable = session.store.kind == StorageKind::IndexedDb;
        let lost = qa_drafts.0.as_ref().is_some_and(|draft| draft.would_be_lost(durable));
        let platform = props.platform.clone();
        use_effect_with(lost, move |lost| {
            platform.warn_before_leaving(UnsavedWork::QaReport, *lost);
            move || platform.warn_before_leaving(UnsavedWork::QaReport, false)
        });
    }
    let go = |screen: Screen| {
        let onnavigate = actions.onnavigate.clone();
        Callback::from(move |_: ()| onnavigate.emit(screen.clone()))
    };
    let open = {
        let onnavigate = actions.onnavigate.clone();
        Callback::from(move |id: AuditId| onnavigate.emit(Screen::Audit(id)))
    };
    let template_of = |reference: &TemplateRef| find_template(&props.templates, reference);
    match &props.screen {
        Screen::Home => html! {
            <Home session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                author={props.config.auditor.clone()} actions={actions.clone()} />
        },
        Screen::StartAudit | Screen::StartReflection => html! {
            <StartAudit key={format!("{:?}", props.screen)} store={session.store.clone()}
                platform={props.platform.clone()} auditor={props.config.auditor.clone().unwrap_or_default()}
                persistence={session.persistence.clone()} templates={props.templates.clone()}
                reflection={props.screen == Screen::StartReflection} onsaved={actions.onsaved.clone()}
                onopen={open} onback={go(Screen::Home)} onpersistence={actions.onpersistence.clone()} />
        },
        Screen::Audit(id) => match session.audits.iter().find(|audit| &audit.value.id == id) {
            Some(opened) => match template_of(&opened.value.template) {
                Some(template) => html! {
                    <AuditForm key={opened.value.id.to_string()} store={session.store.clone()}
                        platform={props.platform.clone()} opened={opened.clone()}
                        template={Rc::new(template.clone())} onsaved={actions.onsaved.clone()}
                        onback={go(Screen::Home)} marking={props.config.protective_marking.clone()}
                        moderation={moderation_of(session, id)} teams={review_teams(session, template)} />
                },
                None => missing_template(&opened.value.template.to_string()),
            },
            None => not_on_device(go(Screen::Home)),
        },
        Screen::AuditAtStandard { audit: id, item, back } => {
            let back_label = match **back {
                Screen::QaReport(_) => "Back to the QA report",
                _ => "Back to themes",
            };
            match session.audits.iter().find(|audit| &audit.value.id == id) {
                Some(opened) => match template_of(&opened.value.template) {
                    Some(template) => html! {
                        <AuditForm key={format!("{id}@{item}")} store={session.store.clone()}
                            platform={props.platform.clone()} opened={opened.clone()}
                            template={Rc::new(template.clone())} onsaved={actions.onsaved.clone()}
                            onback={go((**back).clone())} back_label={AttrValue::Static(back_label)}
                            at_standard={item.clone()} marking={props.config.protective_marking.clone()}
                            moderation={moderation_of(session, id)} />
                    },
                    None => missing_template(&opened.value.template.to_string()),
                },
                None => not_on_device(go((**back).clone())),
            }
        }
        Screen::Themes => {
            let onchoice = {
                let theme_choice = theme_choice.clone();
                Callback::from(move |choice: ThemeChoice| theme_choice.set(choice))
            };
            let onopen = {
                let onnavigate = actions.onnavigate.clone();
                Callback::from(move |(audit, item): (AuditId, String)| {
                    onnavigate.emit(Screen::AuditAtStandard { audit, item, back: Box::new(Screen::Themes) })
                })
            };
            html! {
                <ThemesPanel session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                    choice={(*theme_choice).clone()} {onchoice} {onopen} onback={go(Screen::Home)}
                    oncodebook={go(Screen::Codebook)} />
            }
        }
        Screen::Moderate => html! {
            <ModerationList session={session.clone()} templates={props.templates.clone()} platform={props.platform.clone()}
                onnavigate={actions.onnavigate.clone()} />
        },
        Screen::ModerateAudit(id) => match session.audits.iter().find(|audit| &audit.value.id == id) {
            Some(audit) => match template_of(&audit.value.template) {
                Some(template) => html! {
                    <ModerationForm key={id.to_string()} store={session.store.clone()}
                        platform={props.platform.clone()} audit={audit.clone()} template={Rc::new(template.clone())}
                        moderator={props.config.auditor.clone().unwrap_or_default()}
                        onsaved={actions.onsaved.clone()} onmoderated={actions.onmoderated.clone()}
                        onback={go(Screen::Moderate)} />
                },
                None => missing_template(&audit.value.template.to_string()),
            },
            None => not_on_device(go(Screen::Moderate)),
        },
        Screen::DrawSample => {
            let onsampled = {
                let (onsampled, onnavigate) = (actions.onsampled.clone(), actions.onnavigate.clone());
                Callback::from(move |saved| {
                    onsampled.emit(saved);
                    onnavigate.emit(Screen::Moderate);
                })
            };
            html! {
                <DrawSample session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                    drawn_by={props.config.auditor.clone()} {onsampled} onback={go(Screen::Moderate)} />
            }
        }
        Screen::Agreement => html! {
            <AgreementDashboard session={session.clone()} platform={props.platform.clone()}
                templates={props.templates.clone()} onback={go(Screen::Moderate)} />
        },
        Screen::Import => html! {
            <ImportBundles session={session.clone()} platform={props.platform.clone()}
                reader={props.config.auditor.clone()} onimported={actions.onreload.clone()}
                onback={go(Screen::Home)} />
        },
        Screen::Codebook => html! {
            <CodebookPage session={session.clone()} platform={props.platform.clone()}
                oncodebook={actions.oncodebook.clone()} onback={go(Screen::Themes)} />
        },
        Screen::Templates => html! {
            <TemplatesPage session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                configured={props.configured.clone()} ontemplate={actions.ontemplate.clone()} onback={go(Screen::Home)} />
        },
        Screen::Reports => {
            let onchoice = {
                let report_choice = report_choice.clone();
                Callback::from(move |choice: ReportChoice| report_choice.set(choice))
            };
            html! {
                <Reports session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                    expected={props.config.expected()} onback={go(Screen::Home)}
                    onnavigate={actions.onnavigate.clone()} choice={(*report_choice).clone()} {onchoice} />
            }
        }
        Screen::AuditFromReport(id) => match session.audits.iter().find(|audit| &audit.value.id == id) {
            Some(opened) => match template_of(&opened.value.template) {
                Some(template) => html! {
                    <AuditForm key={opened.value.id.to_string()} store={session.store.clone()}
                        platform={props.platform.clone()} opened={opened.clone()}
                        template={Rc::new(template.clone())} onsaved={actions.onsaved.clone()}
                        onback={go(Screen::Reports)} back_label={AttrValue::Static("Back to the figure's audits")}
                        marking={props.config.protective_marking.clone()}
                        moderation={moderation_of(session, id)} teams={review_teams(session, template)} />
                },
                None => missing_template(&opened.value.template.to_string()),
            },
            None => not_on_device(go(Screen::Reports)),
        },
        Screen::QaReport(open) => {
            let ondraft = {
                let dispatch = qa_drafts.dispatcher();
                Callback::from(move |change| dispatch.dispatch(change))
            };
            html! {
                <QaReportScreen session={session.clone()} platform={props.platform.clone()} templates={props.templates.clone()}
                    config={props.config.clone()} expected={props.config.expected()} open={open.clone()}
                    draft={qa_drafts.0.clone()} {ondraft} actions={actions.clone()} />
            }
        }
    }
}

/// The newest moderation of audit `id` on this device.
fn moderation_of(session: &Session, id: &AuditId) -> Option<lens_store::Versioned<lens_core::Moderation>> {
    session.moderations.iter().rev().find(|moderation| &moderation.value.audit == id).cloned()
}

fn missing_template(template: &str) -> Html {
    html! {
        <div class="lens-notification lens-notification--warning" role="alert">
            <h3 class="lens-heading-m">{ "This audit's template is not on this device" }</h3>
            <p class="lens-body">{ format!("It was made with template {template}. Add that template under Templates on Home, or import a file from a device that has it, to open it.") }</p>
        </div>
    }
}

fn not_on_device(onback: Callback<()>) -> Html {
    html! {
        <div class="lens-notification lens-notification--warning" role="alert">
            <h3 class="lens-heading-m">{ "This audit is no longer on this device" }</h3>
            <button type="button" class="lens-link-button" onclick={move |_| onback.emit(())}>{ "Go back" }</button>
        </div>
    }
}
