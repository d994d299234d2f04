//! What the import screen decides on its own, yew-free: files refused before they are read,
//! the choices made for conflicts, and how many records an import will write.

use std::collections::BTreeMap;

use lens_analysis::protocol::import::{ChosenRecord, ImportChoice, ImportPreview, ImportedRecord};

/// The largest file read: the same limit as a bundle (`lens_store::bundle::MAX_BUNDLE_BYTES`).
pub(crate) const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// A size in words, e.g. "3.4 MB" or "820 KB".
pub(crate) fn size_words(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes / 1024.0).ceil().max(1.0))
    }
}

/// Why each file that is too large is refused before it is read, in the order chosen.
pub(crate) fn oversize(files: &[(String, f64)]) -> Vec<String> {
    files
        .iter()
        .filter(|(_, bytes)| *bytes > MAX_FILE_BYTES)
        .map(|(name, bytes)| {
            format!(
                "{name} is {}; a file may be at most 64 MB. Ask for it to be exported in smaller parts (a filtered export)",
                size_words(*bytes)
            )
        })
        .collect()
}

/// The person's choice for each conflict, by record; a conflict with none keeps this device's copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Choices(BTreeMap<ImportedRecord, ImportChoice>);

impl Choices {
    /// The choice for `record`.
    pub(crate) fn get(&self, record: &ImportedRecord) -> ImportChoice {
        self.0.get(record).copied().unwrap_or_default()
    }

    /// Chooses `choice` for `record`.
    pub(crate) fn set(&mut self, record: ImportedRecord, choice: ImportChoice) {
        self.0.insert(record, choice);
    }

    /// The choices as the worker takes them.
    pub(crate) fn chosen(&self) -> Vec<ChosenRecord> {
        self.0
            .iter()
            .map(|(record, choice)| ChosenRecord { record: record.clone(), choice: *choice })
            .collect()
    }

    /// How many records the import will write with these choices.
    pub(crate) fn records_to_write(&self, preview: &ImportPreview) -> usize {
        let decided = preview
            .conflicts
            .iter()
            .filter(|conflict| match self.get(&conflict.record) {
                ImportChoice::KeepMine => false,
                ImportChoice::TakeIncoming => conflict.can_take_incoming,
                ImportChoice::KeepBoth => conflict.can_keep_both,
            })
            .count();
        preview.total.new + preview.total.updated + decided
    }
}

#[cfg(test)]
mod tests {
    use lens_analysis::protocol::import::{ConflictView, ImportTally, ImportedKind};

    use super::*;

    fn conflict(id: &str, can_take_incoming: bool) -> ConflictView {
        ConflictView {
            record: ImportedRecord { kind: ImportedKind::Audit, id: id.into() },
            title: format!("Audit {id}"),
            file: "a.json".into(),
            reason: "changed in two places".into(),
            differences: Vec::new(),
            can_take_incoming,
            can_keep_both: true,
        }
    }

    #[test]
    fn a_file_too_large_is_refused_by_name_and_size_before_it_is_read() {
        let files = [("small.json".to_owned(), 2_000.0), ("huge.json".to_owned(), 70.0 * 1024.0 * 1024.0)];
        assert_eq!(
            oversize(&files),
            ["huge.json is 70.0 MB; a file may be at most 64 MB. Ask for it to be exported in smaller parts (a filtered export)"]
        );
        assert_eq!(size_words(2_000.0), "2 KB");
    }

    #[test]
    fn records_to_write_count_only_the_choices_the_lock_allows() {
        let preview = ImportPreview {
            import: 1,
            files: Vec::new(),
            people: Vec::new(),
            total: ImportTally { new: 3, updated: 1, unchanged: 5, conflicts: 2, refused: 1 },
            conflicts: vec![conflict("draft", true), conflict("locked", false)],
            refusals: Vec::new(),
            templates: Vec::new(),
        };
        let mut choices = Choices::default();
        assert_eq!(
            choices.records_to_write(&preview),
            4,
            "a conflict keeps this device's copy unless chosen"
        );
        choices.set(preview.conflicts[0].record.clone(), ImportChoice::TakeIncoming);
        choices.set(preview.conflicts[1].record.clone(), ImportChoice::TakeIncoming);
        assert_eq!(choices.records_to_write(&preview), 5, "a locked audit cannot be replaced");
        choices.set(preview.conflicts[1].record.clone(), ImportChoice::KeepBoth);
        assert_eq!(choices.records_to_write(&preview), 6);
        assert_eq!(choices.chosen().len(), 2);
    }
}
