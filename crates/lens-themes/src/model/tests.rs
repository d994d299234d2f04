//! The theme model: its file, its training and what the shipped one knows.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::{ThemeModel, TrainingSettings, SHIPPED};
use crate::{Codebook, CodebookTheme, LabelledNarrative, Polarity, Tagger};

#[test]
fn the_shipped_model_reads_and_writes_back_to_the_same_file() {
    let model = ThemeModel::parse(SHIPPED).expect("the shipped model reads");
    assert_eq!(model.to_file(), SHIPPED);
    assert_eq!(ThemeModel::shipped(), &model);
}

#[test]
fn the_shipped_model_decides_every_built_in_theme() {
    let model = ThemeModel::shipped();
    let built_in: Vec<String> = Codebook::builtin().themes.iter().map(|theme| theme.id.clone()).collect();
    assert_eq!(model.themes(), built_in.as_slice());
    assert!(model.narratives_trained_on() > 1_000, "{}", model.narratives_trained_on());
    assert!(model.weights() > 1_000, "{}", model.weights());
}

#[test]
fn a_damaged_model_file_is_refused_with_its_line() {
    let mut lines: Vec<&str> = SHIPPED.lines().collect();
    let damaged = lines.iter().position(|line| line.starts_with("presence")).unwrap();
    lines[damaged] = "presence\tword";
    let error = ThemeModel::parse(&lines.join("\n")).unwrap_err();
    assert!(error.starts_with(&format!("line {} of the theme model", damaged + 1)), "{error}");
    let error = ThemeModel::parse("narratives\tmany\n").unwrap_err();
    assert!(error.starts_with("line 1 of the theme model"), "{error}");
}

fn transport_codebook() -> Codebook {
    let theme = |id: &str, cue: &str| CodebookTheme {
        id: id.to_owned(),
        label: id.to_owned(),
        description: String::new(),
        cues: vec![cue.to_owned()],
    };
    Codebook::new("transport", vec![theme("transport", "taxi"), theme("housing", "tenancy")], Vec::new())
        .unwrap()
}

/// Narratives where a word that is no cue, "minibus", always carries the transport theme.
fn minibus_narratives() -> Vec<LabelledNarrative> {
    let children = ["Ava", "Noah", "Leo", "Mia", "Zara", "Theo", "Isla", "Omar", "Ruby", "Finn"];
    let mut narratives = Vec::new();
    for (number, child) in children.iter().enumerate() {
        let late = format!("The minibus to school was late for {child} again.");
        let tenancy = format!("The family's tenancy is secure and {child} has a settled home.");
        narratives.push(LabelledNarrative {
            id: format!("t-{number}"),
            text: format!("{late} {tenancy}"),
            labels: vec![
                ("transport".to_owned(), Polarity::Concern, vec![late]),
                ("housing".to_owned(), Polarity::Strength, vec![tenancy]),
            ],
        });
        narratives.push(LabelledNarrative {
            id: format!("u-{number}"),
            text: format!("{child} enjoys drawing. The visit notes are brief."),
            labels: Vec::new(),
        });
    }
    narratives
}

#[test]
fn training_learns_words_that_are_not_cues_and_gives_the_same_model_every_time() {
    let rules = Tagger::rules_only(&transport_codebook());
    let settings = TrainingSettings::default();
    let model = ThemeModel::train(&rules, &minibus_narratives(), &settings);
    assert_eq!(model.themes(), ["transport", "housing"]);
    assert_eq!(model.to_file(), ThemeModel::train(&rules, &minibus_narratives(), &settings).to_file());
    let unseen = "The minibus was late for Sam.";
    assert!(rules.tag(unseen, None).themes.is_empty(), "no cue names transport here");
    let tagging = Tagger::rules_only(&transport_codebook()).with_model(model).tag(unseen, None);
    let found: Vec<(&str, Polarity)> =
        tagging.themes.iter().map(|finding| (finding.theme.as_str(), finding.polarity)).collect();
    assert_eq!(found, [("transport", Polarity::Concern)]);
    let evidence = &tagging.themes[0].evidence[0];
    assert!(unseen[evidence.start..evidence.end].contains("minibus"), "{evidence:?}");
}

#[test]
fn the_rules_say_nothing_of_a_theme_the_model_has_decided() {
    let tagging = Tagger::new(&Codebook::builtin()).tag("The chronology was updated.", None);
    for diagnostic in &tagging.diagnostics {
        let text = diagnostic.to_string();
        assert!(
            !tagging.themes.iter().any(|finding| text.starts_with(&finding.theme)),
            "{text} beside {:?}",
            tagging.themes
        );
    }
}
