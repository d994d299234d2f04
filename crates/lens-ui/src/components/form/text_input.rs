//! A text input with its label, optional hint and inline error.

use yew::prelude::*;

use super::messages::{described_by, error_message, group_class};

#[derive(Properties, PartialEq)]
pub(crate) struct TextInputProps {
    /// The input's id; its hint and error are `{id}-hint` and `{id}-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Where the error summary moves focus.
    pub node: NodeRef,
    pub oninput: Callback<InputEvent>,
    /// A GOV.UK width class such as `lens-input--width-20`, or empty for the full width.
    #[prop_or_default]
    pub width_class: AttrValue,
    /// Turns the browser's spelling check off, for references and names.
    #[prop_or_default]
    pub no_spellcheck: bool,
}

#[component]
pub(crate) fn TextInput(props: &TextInputProps) -> Html {
    let id = props.id.as_str();
    let error = props.error.as_deref();
    let class = classes!("lens-input", props.width_class.to_string(), error.map(|_| "lens-input--error"));
    html! {
        <div class={group_class(error)}>
            <label class="lens-label" for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <div class="lens-hint" id={format!("{id}-hint")}>{ hint.clone() }</div>
            }
            { error_message(id, error) }
            <input {class} id={props.id.clone()} name={props.id.clone()} type="text" autocomplete="off"
                spellcheck={props.no_spellcheck.then_some("false")} value={props.value.clone()}
                ref={props.node.clone()} oninput={props.oninput.clone()}
                aria-describedby={described_by(id, props.hint.is_some(), error.is_some())} />
        </div>
    }
}
