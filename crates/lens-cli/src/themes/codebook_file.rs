//! Reading a council's codebook: the same JSON shape as the published audit theme codebook.
//!
//! `{"name", "themes": [{"id", "label", "description", "indicative_phrases": [..]}],
//! "abbreviations": {"IRO": "independent reviewing officer", ...}}`; only `themes`, each theme's
//! `id` and its phrases are required.

use lens_themes::{Codebook, CodebookTheme};
use serde_json::Value;

/// The codebook in `text`, or every problem with it, worded for the person who wrote it.
pub fn parse(path: &str, text: &str) -> Result<Codebook, Vec<String>> {
    let value: Value =
        serde_json::from_str(text).map_err(|error| vec![format!("{path} is not valid JSON ({error})")])?;
    let themes = value.get("themes").and_then(Value::as_array).ok_or_else(|| {
        vec![format!(
            "{path} needs \"themes\": a list of themes, each with an \"id\" and \"indicative_phrases\""
        )]
    })?;
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (index, theme) in themes.iter().enumerate() {
        let text_field = |name: &str| theme.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
        let cues: Vec<String> = theme
            .get("indicative_phrases")
            .and_then(Value::as_array)
            .map(|phrases| phrases.iter().filter_map(|phrase| phrase.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        if theme.get("id").and_then(Value::as_str).is_none() {
            problems.push(format!("{path}: theme {} has no \"id\"", index + 1));
        }
        parsed.push(CodebookTheme {
            id: text_field("id"),
            label: text_field("label"),
            description: text_field("description"),
            cues,
        });
    }
    let abbreviations = value
        .get("abbreviations")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .map(|(abbreviation, expansion)| {
                    (abbreviation.clone(), expansion.as_str().unwrap_or_default().to_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    if !problems.is_empty() {
        return Err(problems);
    }
    let name = value.get("name").and_then(Value::as_str).unwrap_or(path);
    Codebook::new(name, parsed, abbreviations)
        .map_err(|problems| problems.into_iter().map(|problem| format!("{path}: {problem}")).collect())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn the_published_codebook_reads_back() {
        let text = include_str!("../../../../tests/data/themes/codebook.json");
        let codebook = parse("codebook.json", text).expect("the published codebook is valid");
        assert_eq!(codebook.themes.len(), 17);
        assert!(codebook.abbreviations.iter().any(|(abbreviation, _)| abbreviation == "IRO"));
    }

    #[test]
    fn problems_name_the_file_and_the_theme() {
        assert_eq!(
            parse("mine.json", r#"{"themes": [{"label": "x", "indicative_phrases": ["a"]}]}"#).unwrap_err(),
            ["mine.json: theme 1 has no \"id\""]
        );
        let problems =
            parse("mine.json", r#"{"themes": [{"id": "Bad Id", "indicative_phrases": []}]}"#).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(parse("mine.json", "{").unwrap_err()[0].starts_with("mine.json is not valid JSON"));
    }
}
