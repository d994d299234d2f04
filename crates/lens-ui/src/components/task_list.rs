//! What each kind of user comes to do, as the first thing on the home screen: audit a case,
//! moderate, reflect on one's own practice, or make reports.

use yew::prelude::*;

use crate::screen::Screen;

#[derive(Properties, PartialEq)]
pub(crate) struct TaskListProps {
    /// Submitted audits with no moderation yet.
    pub awaiting_moderation: usize,
    pub onnavigate: Callback<Screen>,
}

/// One task: its id stem, its name, who it is for, and where it leads.
struct Task {
    id: &'static str,
    name: &'static str,
    description: String,
    screen: Screen,
}

#[component]
pub(crate) fn TaskList(props: &TaskListProps) -> Html {
    let waiting = match props.awaiting_moderation {
        0 => "No audits are waiting for moderation.".to_owned(),
        1 => "1 audit is waiting for moderation.".to_owned(),
        many => format!("{many} audits are waiting for moderation."),
    };
    let tasks = [
        Task {
            id: "audit",
            name: "Audit a case",
            description: "For managers and auditors: grade a child's case file, a supervision or an observation against the practice standards.".to_owned(),
            screen: Screen::StartAudit,
        },
        Task {
            id: "moderate",
            name: "Moderate an audit",
            description: format!("For moderators: grade a submitted audit independently and agree the grades. {waiting}"),
            screen: Screen::Moderate,
        },
        Task {
            id: "reflect",
            name: "Reflect on my practice",
            description: "For practitioners: a private reflection that stays on this device unless you share it.".to_owned(),
            screen: Screen::StartReflection,
        },
        Task {
            id: "reports",
            name: "Reports",
            description: "For the quality assurance team: how much was done, how well, and whether anyone is better off.".to_owned(),
            screen: Screen::Reports,
        },
        Task {
            id: "themes",
            name: "Themes",
            description: "For the quality assurance team: what the auditors' narratives say is going well and what needs to improve, with the words that show it.".to_owned(),
            screen: Screen::Themes,
        },
        Task {
            id: "import",
            name: "Import audits from other devices",
            description: "For the quality assurance team: bring in the files auditors and moderators exported, checking each before anything is written.".to_owned(),
            screen: Screen::Import,
        },
        Task {
            id: "templates",
            name: "Templates",
            description: "For whoever looks after Practice Lens: the templates audits are made with, and adding your council's own.".to_owned(),
            screen: Screen::Templates,
        },
    ];
    let items = tasks.into_iter().map(|task| {
        let onclick = {
            let (onnavigate, screen) = (props.onnavigate.clone(), task.screen);
            Callback::from(move |_: MouseEvent| onnavigate.emit(screen.clone()))
        };
        let hint_id = format!("lens-task-{}-hint", task.id);
        html! {
            <li class="lens-task-list__item">
                <button type="button" class="lens-link-button lens-task-list__name" id={format!("lens-task-{}", task.id)}
                    aria-describedby={hint_id.clone()} {onclick}>
                    { task.name }
                </button>
                <p class="lens-hint lens-task-list__hint" id={hint_id}>{ task.description }</p>
            </li>
        }
    });
    html! {
        <section class="lens-section" aria-labelledby="lens-tasks-title">
            <h3 class="lens-heading-m" id="lens-tasks-title">{ "What do you want to do?" }</h3>
            <ul class="lens-task-list">{ for items }</ul>
        </section>
    }
}
