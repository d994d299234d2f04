//! A codebook: the practice themes a council looks for, each with the words that signal it.
//!
//! The built-in codebook ([`Codebook::builtin`]) holds the seventeen themes of UK children's
//! social care case-file audits. A council can bring its own: [`Codebook::new`] checks one and
//! says what is wrong with it, theme by theme. Cues are phrases as people write them; the tagger
//! folds, expands and stems them once, when it is built. A cue needs no polarity: the words around
//! it in a narrative give that, so "no chronology on file" and "chronology on file" are one cue.

use std::fmt;

use super::builtin;

/// The longest a theme identifier may be, in characters.
pub const MAX_THEME_ID_CHARS: usize = 64;

/// One theme of a codebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookTheme {
    /// Stable identifier used in output (`voice_of_child`).
    pub id: String,
    /// The name people read (`Voice of the child`).
    pub label: String,
    /// What the theme covers.
    pub description: String,
    /// Phrases whose presence signals the theme.
    pub cues: Vec<String>,
}

/// A set of themes and the abbreviations its narratives use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codebook {
    /// What the codebook is called.
    pub name: String,
    /// The themes, in the order reports list them.
    pub themes: Vec<CodebookTheme>,
    /// Abbreviation and its expansion (`IRO`, `independent reviewing officer`), matched case-sensitively.
    pub abbreviations: Vec<(String, String)>,
}

/// Something wrong with a codebook a council supplied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodebookProblem {
    /// The codebook has no themes.
    NoThemes,
    /// A theme has an empty or over-long identifier, or one with characters other than a-z, 0-9 and `_`.
    BadThemeId {
        /// Position of the theme, from 1.
        position: usize,
        /// The identifier as given.
        id: String,
    },
    /// Two themes share an identifier.
    DuplicateThemeId(String),
    /// A theme has no cue with a word in it.
    NoCues(String),
    /// An abbreviation or its expansion is empty.
    EmptyAbbreviation(String),
}

impl fmt::Display for CodebookProblem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoThemes => write!(formatter, "the codebook has no themes: add at least one"),
            Self::BadThemeId { position, id } => write!(
                formatter,
                "theme {position} has the id '{id}': use 1 to {MAX_THEME_ID_CHARS} lower-case letters, digits or _"
            ),
            Self::DuplicateThemeId(id) => {
                write!(formatter, "two themes have the id '{id}': give each theme its own id")
            }
            Self::NoCues(id) => {
                write!(formatter, "theme '{id}' has no indicative phrases: add the words that signal it")
            }
            Self::EmptyAbbreviation(abbreviation) => {
                write!(formatter, "the abbreviation '{abbreviation}' is empty or has no expansion")
            }
        }
    }
}

impl Codebook {
    /// A codebook from its parts, or every problem with it.
    pub fn new(
        name: &str,
        themes: Vec<CodebookTheme>,
        abbreviations: Vec<(String, String)>,
    ) -> Result<Self, Vec<CodebookProblem>> {
        let mut problems = Vec::new();
        if themes.is_empty() {
            problems.push(CodebookProblem::NoThemes);
        }
        let mut seen: Vec<&str> = Vec::new();
        for (index, theme) in themes.iter().enumerate() {
            let id_is_good = !theme.id.is_empty()
                && theme.id.chars().count() <= MAX_THEME_ID_CHARS
                && theme.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !id_is_good {
                problems.push(CodebookProblem::BadThemeId { position: index + 1, id: theme.id.clone() });
            } else if seen.contains(&theme.id.as_str()) {
                problems.push(CodebookProblem::DuplicateThemeId(theme.id.clone()));
            }
            seen.push(&theme.id);
            if !theme.cues.iter().any(|cue| cue.chars().any(char::is_alphanumeric)) {
                problems.push(CodebookProblem::NoCues(theme.id.clone()));
            }
        }
        for (abbreviation, expansion) in &abbreviations {
            if abbreviation.trim().is_empty() || expansion.trim().is_empty() {
                problems.push(CodebookProblem::EmptyAbbreviation(abbreviation.clone()));
            }
        }
        if problems.is_empty() {
            Ok(Self { name: name.to_owned(), themes, abbreviations })
        } else {
            Err(problems)
        }
    }

    /// The built-in codebook of UK children's social care case-file audit themes.
    pub fn builtin() -> Self {
        let themes = builtin::THEMES
            .iter()
            .map(|theme| CodebookTheme {
                id: theme.id.to_owned(),
                label: theme.label.to_owned(),
                description: theme.description.to_owned(),
                cues: theme.cues.iter().map(|cue| (*cue).to_owned()).collect(),
            })
            .collect();
        let abbreviations = builtin::ABBREVIATIONS
            .iter()
            .map(|(abbreviation, expansion)| ((*abbreviation).to_owned(), (*expansion).to_owned()))
            .collect();
        Self { name: builtin::NAME.to_owned(), themes, abbreviations }
    }

    /// The theme with this identifier.
    pub fn theme(&self, id: &str) -> Option<&CodebookTheme> {
        self.themes.iter().find(|theme| theme.id == id)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{Codebook, CodebookProblem, CodebookTheme};

    fn theme(id: &str, cues: &[&str]) -> CodebookTheme {
        CodebookTheme {
            id: id.to_owned(),
            label: id.to_owned(),
            description: String::new(),
            cues: cues.iter().map(|cue| (*cue).to_owned()).collect(),
        }
    }

    #[test]
    fn the_builtin_codebook_is_valid() {
        let builtin = Codebook::builtin();
        assert_eq!(builtin.themes.len(), 17);
        assert!(Codebook::new(&builtin.name, builtin.themes.clone(), builtin.abbreviations.clone()).is_ok());
        assert_eq!(
            builtin.theme("voice_of_child").map(|theme| theme.label.as_str()),
            Some("Voice of the child")
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let problems = Codebook::new(
            "council",
            vec![
                theme("Voice", &["views"]),
                theme("chronology", &["--"]),
                theme("chronology", &["chronology"]),
            ],
            vec![("IRO".to_owned(), " ".to_owned())],
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                CodebookProblem::BadThemeId { position: 1, id: "Voice".to_owned() },
                CodebookProblem::NoCues("chronology".to_owned()),
                CodebookProblem::DuplicateThemeId("chronology".to_owned()),
                CodebookProblem::EmptyAbbreviation("IRO".to_owned()),
            ]
        );
        assert_eq!(Codebook::new("empty", Vec::new(), Vec::new()).unwrap_err(), [CodebookProblem::NoThemes]);
    }
}
