//! Reading a council's codebook file: the same JSON shape and the same checks as a codebook
//! loaded in the browser (`lens_analysis::council_codebook`), each problem naming the file.

use lens_themes::Codebook;

/// The codebook in `text`, or every problem with it, worded for the person who wrote it; a
/// document without a name is called by its path.
pub fn parse(path: &str, text: &str) -> Result<Codebook, Vec<String>> {
    lens_analysis::council_codebook::check_codebook(text, path)
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
        assert!(parse("mine.json", "{").unwrap_err()[0].starts_with("mine.json: the file is not a codebook"));
        assert_eq!(
            parse("mine.json", r#"{"themes": [{"id": "a", "indicative_phrases": ["b"]}]}"#).unwrap().name,
            "mine.json"
        );
    }
}
