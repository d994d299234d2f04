//! The codebook the narratives are read with: the council's own, kept on the device
//! (`lens_store::council_codebook`), or the built-in one. A council's document is checked twice
//! over: its shape by lens-store, then its themes by `lens_themes::Codebook::new`; every problem
//! is listed in the words of the person who wrote it. The command line's `--codebook` reads files
//! through the same check.

use std::cell::RefCell;
use std::rc::Rc;

use lens_store::council_codebook::parse_codebook_document;
use lens_themes::{Codebook, CodebookTheme, Tagger};

pub use crate::protocol::codebook::COUNCIL_UNNAMED;
use crate::protocol::codebook::{CodebookSummary, CodebookThemeSummary};
use crate::theme_view::builtin_tagger;

/// The codebook in `text`, or every problem with it; `unnamed` names one whose document does
/// not.
pub fn check_codebook(text: &str, unnamed: &str) -> Result<Codebook, Vec<String>> {
    let document = parse_codebook_document(text)?;
    let themes = document
        .themes
        .into_iter()
        .map(|theme| CodebookTheme {
            // Themes are named by their label wherever they are read; an id stands in for none.
            label: if theme.label.trim().is_empty() { theme.id.clone() } else { theme.label },
            id: theme.id,
            description: theme.description,
            cues: theme.indicative_phrases,
        })
        .collect();
    let name = if document.name.is_empty() { unnamed } else { &document.name };
    Codebook::new(name, themes, document.abbreviations)
        .map_err(|problems| problems.into_iter().map(|problem| problem.to_string()).collect())
}

/// What a person reads about `codebook`.
pub fn codebook_summary(codebook: &Codebook, council: bool) -> CodebookSummary {
    CodebookSummary {
        name: codebook.name.clone(),
        council,
        themes: codebook
            .themes
            .iter()
            .map(|theme| CodebookThemeSummary {
                id: theme.id.clone(),
                label: theme.label.clone(),
                phrases: theme.cues.len(),
            })
            .collect(),
        abbreviations: codebook.abbreviations.len(),
        note: None,
    }
}

thread_local! {
    /// The council document last compiled and its tagger: compiling every cue costs a few
    /// milliseconds, and the document changes only when someone loads another.
    static COUNCIL_TAGGER: RefCell<Option<(String, Rc<Tagger>)>> = const { RefCell::new(None) };
}

/// The tagger for the council's `document`, or the built-in one when there is none, with what
/// a person reads about it. A kept document that no longer checks (written by a newer version,
/// say) is not used: the built-in codebook is, and the summary's note says why.
pub(crate) fn tagger_for(document: Option<&str>) -> (Rc<Tagger>, CodebookSummary) {
    let builtin = || {
        let tagger = builtin_tagger();
        let summary = codebook_summary(tagger.codebook(), false);
        (tagger, summary)
    };
    let Some(document) = document else { return builtin() };
    let cached = COUNCIL_TAGGER.with(|cell| {
        cell.borrow().as_ref().filter(|(text, _)| text == document).map(|(_, tagger)| tagger.clone())
    });
    if let Some(tagger) = cached {
        let summary = codebook_summary(tagger.codebook(), true);
        return (tagger, summary);
    }
    match check_codebook(document, COUNCIL_UNNAMED) {
        Ok(codebook) => {
            let tagger = Rc::new(Tagger::new(&codebook));
            COUNCIL_TAGGER.with(|cell| *cell.borrow_mut() = Some((document.to_owned(), tagger.clone())));
            (tagger, codebook_summary(&codebook, true))
        }
        Err(problems) => builtin_with_note(&problems.join("; ")),
    }
}

/// The built-in tagger, used because the council's kept codebook could not be (`why`), with a
/// note saying so and what to do.
pub(crate) fn builtin_with_note(why: &str) -> (Rc<Tagger>, CodebookSummary) {
    let tagger = builtin_tagger();
    let mut summary = codebook_summary(tagger.codebook(), false);
    summary.note = Some(format!(
        "Your council's codebook kept on this device could not be used ({why}), so the built-in codebook was used instead. Choose \"Change the theme codebook\" to load your codebook again or remove it."
    ));
    (tagger, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNCIL: &str = r#"{"name": "Northshire practice themes",
        "themes": [{"id": "family_network", "label": "Family network",
                    "indicative_phrases": ["family network meeting", "family group conference"]}],
        "abbreviations": {"FGC": "family group conference"}}"#;

    #[test]
    fn a_council_codebook_checks_and_its_problems_are_listed_one_by_one() {
        let codebook = check_codebook(COUNCIL, COUNCIL_UNNAMED).unwrap();
        assert_eq!(codebook.name, "Northshire practice themes");
        let summary = codebook_summary(&codebook, true);
        assert_eq!(
            summary.themes,
            [CodebookThemeSummary {
                id: "family_network".into(),
                label: "Family network".into(),
                phrases: 2
            }]
        );
        assert_eq!(summary.abbreviations, 1);
        let problems = check_codebook(
            r#"{"themes": [{"id": "Bad Id", "indicative_phrases": ["a"]}, {"id": "x", "indicative_phrases": []},
                           {"id": "x", "indicative_phrases": ["b"]}]}"#,
            COUNCIL_UNNAMED,
        )
        .unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("theme 1 has the id 'Bad Id'"), "{problems:?}");
        assert!(
            problems.iter().any(|problem| problem.contains("two themes have the id 'x'")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|problem| problem.contains("theme 'x' has no indicative phrases")),
            "{problems:?}"
        );
        assert_eq!(
            check_codebook(r#"{"themes": []}"#, COUNCIL_UNNAMED).unwrap_err(),
            ["the codebook has no themes: add at least one"]
        );
    }

    #[test]
    fn the_kept_document_decides_the_tagger_and_one_that_no_longer_checks_falls_back_with_a_note() {
        let (tagger, summary) = tagger_for(Some(COUNCIL));
        assert!(summary.council && summary.note.is_none());
        assert_eq!(tagger.codebook().themes.len(), 1);
        let tagging =
            tagger.tag("A family group conference was held and the family network is strong.", None);
        assert!(!tagging.themes.is_empty(), "the council's own theme is found: {tagging:?}");
        let (builtin, summary) = tagger_for(None);
        assert!(!summary.council);
        assert_eq!(builtin.codebook().themes.len(), 17);
        let (fallback, summary) = tagger_for(Some("{"));
        assert_eq!(fallback.codebook().themes.len(), 17);
        assert!(!summary.council);
        assert!(summary.note.unwrap().contains("could not be used (the file is not a codebook"));
        let (_, summary) = builtin_with_note("it is damaged");
        assert!(summary
            .note
            .unwrap()
            .starts_with("Your council's codebook kept on this device could not be used (it is damaged)"));
        let unlabelled =
            check_codebook(r#"{"themes": [{"id": "respite", "indicative_phrases": ["respite"]}]}"#, "x")
                .unwrap();
        assert_eq!(unlabelled.themes[0].label, "respite", "a theme without a label is named by its id");
    }
}
