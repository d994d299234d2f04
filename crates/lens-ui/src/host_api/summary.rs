//! What `element.importBundle` resolves to: the preview's summary and what was written, as the
//! host page reads it (JSON with camelCase keys, `apiVersion` first).

use lens_analysis::protocol::import::{ImportOutcome, ImportPreview, ImportTally, ImportedKind};
use serde::Serialize;

/// The version of the element's methods and of what they resolve to.
pub(crate) const API_VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImportSummary<'a> {
    api_version: u32,
    written: usize,
    copies: usize,
    total: Tally,
    files: Vec<FileSummary<'a>>,
    people: Vec<PersonSummary<'a>>,
    conflicts: Vec<ConflictSummary<'a>>,
    refusals: Vec<RefusalSummary<'a>>,
}

#[derive(Serialize)]
struct Tally {
    new: usize,
    updated: usize,
    unchanged: usize,
    conflicts: usize,
    refused: usize,
}

impl From<&ImportTally> for Tally {
    fn from(tally: &ImportTally) -> Self {
        Self {
            new: tally.new,
            updated: tally.updated,
            unchanged: tally.unchanged,
            conflicts: tally.conflicts,
            refused: tally.refused,
        }
    }
}

#[derive(Serialize)]
struct FileSummary<'a> {
    name: &'a str,
    #[serde(flatten)]
    tally: Tally,
}

#[derive(Serialize)]
struct PersonSummary<'a> {
    name: &'a str,
    #[serde(flatten)]
    tally: Tally,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConflictSummary<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    file: &'a str,
    reason: &'a str,
    differences: Vec<DifferenceSummary<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DifferenceSummary<'a> {
    field: &'a str,
    on_this_device: &'a str,
    incoming: &'a str,
}

#[derive(Serialize)]
struct RefusalSummary<'a> {
    title: &'a str,
    file: &'a str,
    reason: &'a str,
}

/// The summary of `preview` once `outcome` (if anything was written) is done, as JSON text.
/// Conflicts were left as they are on this device, for a person to decide on the import screen.
pub(crate) fn import_summary(preview: &ImportPreview, outcome: Option<&ImportOutcome>) -> String {
    let summary = ImportSummary {
        api_version: API_VERSION,
        written: outcome.map_or(0, |outcome| outcome.written),
        copies: outcome.map_or(0, |outcome| outcome.copies),
        total: Tally::from(&preview.total),
        files: preview
            .files
            .iter()
            .map(|file| FileSummary { name: &file.name, tally: Tally::from(&file.tally) })
            .collect(),
        people: preview
            .people
            .iter()
            .map(|person| PersonSummary { name: &person.name, tally: Tally::from(&person.tally) })
            .collect(),
        conflicts: preview
            .conflicts
            .iter()
            .map(|conflict| ConflictSummary {
                kind: match conflict.record.kind {
                    ImportedKind::Audit => "audit",
                    ImportedKind::Moderation => "moderation",
                },
                id: &conflict.record.id,
                title: &conflict.title,
                file: &conflict.file,
                reason: &conflict.reason,
                differences: conflict
                    .differences
                    .iter()
                    .map(|difference| DifferenceSummary {
                        field: &difference.field,
                        on_this_device: &difference.held,
                        incoming: &difference.incoming,
                    })
                    .collect(),
            })
            .collect(),
        refusals: preview
            .refusals
            .iter()
            .map(|refusal| RefusalSummary {
                title: &refusal.title,
                file: &refusal.file,
                reason: &refusal.reason,
            })
            .collect(),
    };
    serde_json::to_string(&summary).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use lens_analysis::protocol::import::{
        ConflictView, DifferenceView, FilePreview, ImportedRecord, PersonPreview, RefusalView,
    };
    use serde_json::{json, Value};

    use super::*;

    #[test]
    fn the_summary_names_every_count_conflict_and_refusal_in_camel_case() {
        let tally = ImportTally { new: 2, updated: 1, unchanged: 0, conflicts: 1, refused: 1 };
        let preview = ImportPreview {
            import: 7,
            files: vec![FilePreview { name: "sam.json".into(), problems: Vec::new(), tally }],
            people: vec![PersonPreview { name: "Sam Patel".into(), tally }],
            total: tally,
            conflicts: vec![ConflictView {
                record: ImportedRecord { kind: ImportedKind::Audit, id: "a-1".into() },
                title: "Audit of case CF-1 by Sam Patel".into(),
                file: "sam.json".into(),
                reason: "Changed on this device and in the file".into(),
                differences: vec![DifferenceView {
                    field: "Team".into(),
                    held: "East".into(),
                    incoming: "West".into(),
                }],
                can_take_incoming: true,
                can_keep_both: true,
            }],
            refusals: vec![RefusalView {
                title: "Moderation of CF-2".into(),
                file: "sam.json".into(),
                reason: "Sam Patel wrote this audit".into(),
            }],
            templates: Vec::new(),
        };
        let outcome = ImportOutcome { written: 3, copies: 0, records: Vec::new() };
        let summary: Value = serde_json::from_str(&import_summary(&preview, Some(&outcome))).unwrap();
        assert_eq!(summary["apiVersion"], 1);
        assert_eq!(summary["written"], 3);
        assert_eq!(
            summary["total"],
            json!({"new": 2, "updated": 1, "unchanged": 0, "conflicts": 1, "refused": 1})
        );
        assert_eq!(summary["files"][0]["name"], "sam.json");
        assert_eq!(summary["files"][0]["new"], 2);
        assert_eq!(summary["people"][0]["name"], "Sam Patel");
        assert_eq!(summary["conflicts"][0]["kind"], "audit");
        assert_eq!(summary["conflicts"][0]["differences"][0]["onThisDevice"], "East");
        assert_eq!(summary["refusals"][0]["reason"], "Sam Patel wrote this audit");
        let nothing: Value = serde_json::from_str(&import_summary(&preview, None)).unwrap();
        assert_eq!(nothing["written"], 0);
    }
}
