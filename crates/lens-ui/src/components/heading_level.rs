//! The heading level of a block shared between screens: a report's charts and tables sit under
//! the Reports screen's title on one screen and under "The figures" on the QA report, so the
//! same block heads itself one level deeper there.

use yew::prelude::*;

/// A heading level for a shared block, from `<h4>` to `<h6>`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum HeadingLevel {
    Four,
    Five,
    Six,
}

impl HeadingLevel {
    /// The element's name.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            HeadingLevel::Four => "h4",
            HeadingLevel::Five => "h5",
            HeadingLevel::Six => "h6",
        }
    }

    /// The level of the headings inside a block at this level; HTML has nothing below `<h6>`.
    pub(crate) fn below(self) -> HeadingLevel {
        match self {
            HeadingLevel::Four => HeadingLevel::Five,
            HeadingLevel::Five | HeadingLevel::Six => HeadingLevel::Six,
        }
    }
}

/// A small heading at `level` with `id`, for a block's title.
pub(crate) fn small_heading(level: HeadingLevel, id: &str, text: &str) -> Html {
    html! { <@{level.tag()} class="lens-heading-s" id={id.to_owned()}>{ text.to_owned() }</@> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_heads_itself_at_its_level_and_its_parts_one_deeper_never_past_h6() {
        assert_eq!(HeadingLevel::Four.tag(), "h4");
        assert_eq!(HeadingLevel::Four.below(), HeadingLevel::Five);
        assert_eq!(HeadingLevel::Five.below().tag(), "h6");
        assert_eq!(HeadingLevel::Six.below(), HeadingLevel::Six);
    }
}
