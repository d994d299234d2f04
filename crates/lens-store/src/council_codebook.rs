//! A council's own theme codebook kept on the device, in the JSON shape of the published audit
//! theme codebook (`lens themes --codebook` reads the same):
//! `{"name", "themes": [{"id", "label", "description", "indicative_phrases": [..]}],
//! "abbreviations": {"IRO": "independent reviewing officer", ...}}`; only `themes`, each
//! theme's `id` and its phrases are required, and other fields (`version`, labelling notes) are
//! kept as they are.
//!
//! This module reads the shape and lists what is missing; whether the themes make a codebook
//! (ids, duplicate ids, cues with words) is `lens_themes::Codebook::new`'s to say. One record,
//! keyed `council`, holds the document in use; removing it keeps the record with no document,
//! so a second tab's change is a conflict rather than lost.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::StoreError;
use crate::latest::not_newer;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision};
use crate::store::Store;

/// The schema version of the codebook record's body.
pub const CODEBOOK_SCHEMA: u32 = 1;

/// One theme as the document gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookDocumentTheme {
    /// Its identifier in output (`family_network`).
    pub id: String,
    /// The name people read; empty when not given.
    pub label: String,
    /// What it covers; empty when not given.
    pub description: String,
    /// The phrases whose presence signals it.
    pub indicative_phrases: Vec<String>,
}

/// A codebook document's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookDocument {
    /// What the codebook is called; empty when the document does not say.
    pub name: String,
    /// The themes, in the document's order.
    pub themes: Vec<CodebookDocumentTheme>,
    /// Abbreviation and expansion, in the document's order.
    pub abbreviations: Vec<(String, String)>,
}

/// The document in `text`, or every problem with its shape, worded for the person who wrote it.
pub fn parse_codebook_document(text: &str) -> Result<CodebookDocument, Vec<String>> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        vec![format!(
            "the file is not a codebook: it is not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        )]
    })?;
    let Some(themes) = value.get("themes").and_then(Value::as_array) else {
        return Err(vec![
            "the file needs \"themes\": a list of themes, each with an \"id\" and \"indicative_phrases\""
                .to_owned(),
        ]);
    };
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (index, theme) in themes.iter().enumerate() {
        let text_field = |name: &str| theme.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
        if theme.get("id").and_then(Value::as_str).is_none() {
            problems.push(format!("theme {} has no \"id\"", index + 1));
        }
        let phrases = theme.get("indicative_phrases").and_then(Value::as_array);
        if phrases.is_some_and(|phrases| phrases.iter().any(|phrase| !phrase.is_string())) {
            problems.push(format!("theme {}: every indicative phrase must be text in quotes", index + 1));
        }
        parsed.push(CodebookDocumentTheme {
            id: text_field("id"),
            label: text_field("label"),
            description: text_field("description"),
            indicative_phrases: phrases
                .map(|phrases| {
                    phrases.iter().filter_map(|phrase| phrase.as_str().map(str::to_owned)).collect()
                })
                .unwrap_or_default(),
        });
    }
    let abbreviations = match value.get("abbreviations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(abbreviation, expansion)| {
                (abbreviation.clone(), expansion.as_str().unwrap_or_default().to_owned())
            })
            .collect(),
        Some(_) => {
            problems.push(
                "\"abbreviations\" must map each abbreviation to its expansion, like {\"IRO\": \"independent reviewing officer\"}"
                    .to_owned(),
            );
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let name = value.get("name").and_then(Value::as_str).unwrap_or_default().trim().to_owned();
    Ok(CodebookDocument { name, themes: parsed, abbreviations })
}

/// The codebook record's body: the document as it was given, or none once it was removed.
#[derive(Serialize, Deserialize)]
struct CodebookBody {
    document: Option<String>,
}

/// The council codebook record as read: the document text and its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptCodebook {
    /// The document in use; none when the built-in codebook is.
    pub document: Option<String>,
    /// Why the record could not be read (a newer version wrote it, or it is damaged): the
    /// built-in codebook is used, and the revision still lets a person replace or remove it.
    pub unreadable: Option<String>,
    /// The record's revision, for the next write to name.
    pub revision: Revision,
}

fn codebook_key() -> RecordKey {
    RecordKey::new(RecordKind::Codebook, "council")
}

/// The council codebook record, if one was ever kept on this device. A record that cannot be
/// read is returned without its document, saying why, so it never stops the themes being read.
pub async fn read_council_codebook(store: &dyn Store) -> Result<Option<KeptCodebook>, StoreError> {
    let Some(record) = store.get(&codebook_key()).await? else { return Ok(None) };
    let revision = record.revision;
    let unreadable = |reason: &str| {
        Ok(Some(KeptCodebook { document: None, unreadable: Some(reason.to_owned()), revision }))
    };
    if not_newer(CODEBOOK_SCHEMA)(&record).is_err() {
        return unreadable("a newer version of Practice Lens kept it");
    }
    match serde_json::from_str::<CodebookBody>(&record.body) {
        Ok(body) => Ok(Some(KeptCodebook { document: body.document, unreadable: None, revision })),
        Err(_) => unreadable("it is damaged"),
    }
}

/// The write that puts `document` in use (or, with none, the built-in codebook again), based
/// on the record as last read.
pub fn council_codebook_write(
    document: Option<&str>,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> RecordWrite {
    let body = CodebookBody { document: document.map(str::to_owned) };
    RecordWrite {
        key: codebook_key(),
        expected: Expected::from_base(base),
        schema_version: CODEBOOK_SCHEMA,
        updated_at: now,
        body: serde_json::to_string(&body).unwrap_or_else(|_| "{\"document\":null}".to_owned()),
        carried: None,
    }
}

#[cfg(test)]
mod tests {
    use futures::executor::block_on;

    use super::*;
    use crate::MemoryStore;

    #[test]
    fn the_published_codebook_reads_with_its_themes_and_abbreviations() {
        let text = include_str!("../../../tests/data/themes/codebook.json");
        let document = parse_codebook_document(text).expect("the published codebook reads");
        assert_eq!(document.themes.len(), 17);
        assert!(document.name.starts_with("UK children's social care"));
        assert!(document.abbreviations.iter().any(|(abbreviation, _)| abbreviation == "IRO"));
        assert!(document.themes.iter().all(|theme| !theme.indicative_phrases.is_empty()));
    }

    #[test]
    fn every_shape_problem_is_listed_in_words() {
        assert_eq!(
            parse_codebook_document("{").unwrap_err(),
            ["the file is not a codebook: it is not valid JSON (line 1, column 1)"]
        );
        assert!(parse_codebook_document("{\"name\": \"x\"}").unwrap_err()[0].contains("needs \"themes\""));
        let problems = parse_codebook_document(
            r#"{"themes": [{"label": "x", "indicative_phrases": ["a"]}, {"id": "b", "indicative_phrases": [3]}],
               "abbreviations": ["IRO"]}"#,
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "theme 1 has no \"id\"",
                "theme 2: every indicative phrase must be text in quotes",
                "\"abbreviations\" must map each abbreviation to its expansion, like {\"IRO\": \"independent reviewing officer\"}",
            ]
        );
    }

    #[test]
    fn a_codebook_is_kept_removed_and_a_stale_write_is_a_conflict() {
        let store = MemoryStore::default();
        let now = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(block_on(read_council_codebook(&store)).unwrap(), None);
        let first = block_on(store.put(council_codebook_write(Some("{\"themes\": []}"), None, now))).unwrap();
        let kept = block_on(read_council_codebook(&store)).unwrap().unwrap();
        assert_eq!(kept.document.as_deref(), Some("{\"themes\": []}"));
        let removed = block_on(store.put(council_codebook_write(None, Some(first), now))).unwrap();
        assert_eq!(block_on(read_council_codebook(&store)).unwrap().unwrap().document, None);
        let stale = block_on(store.put(council_codebook_write(Some("{}"), Some(first), now)));
        assert!(matches!(stale, Err(StoreError::Conflict { .. })), "{stale:?}");
        assert_eq!(block_on(read_council_codebook(&store)).unwrap().unwrap().revision, removed);
    }

    #[test]
    fn a_damaged_or_newer_record_reads_as_unreadable_with_its_revision_so_it_can_be_replaced() {
        let now = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        for (schema_version, body, why) in [
            (1, "{\"doc", "it is damaged"),
            (2, "{\"document\": null}", "a newer version of Practice Lens kept it"),
        ] {
            let store = MemoryStore::default();
            let write = RecordWrite {
                schema_version,
                body: body.to_owned(),
                ..council_codebook_write(None, None, now)
            };
            let revision = block_on(store.put(write)).unwrap();
            let kept = block_on(read_council_codebook(&store)).unwrap().unwrap();
            assert_eq!(kept, KeptCodebook { document: None, unreadable: Some(why.to_owned()), revision });
            let replaced = block_on(store.put(council_codebook_write(Some("{}"), Some(kept.revision), now)));
            assert!(replaced.is_ok(), "{replaced:?}");
        }
    }
}
