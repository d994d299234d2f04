//! Merging bundles from several auditors: records are matched by id, a newer revision replaces
//! an older one, and a record that would lose work is reported as a conflict and left alone.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::Bundle;
use lens_core::Audit;

use crate::Versioned;

/// A record that was not merged, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    /// The record, e.g. `audit a-17` or `template case-file-audit version 2`.
    pub record: String,
    /// What happened and what to do, in words.
    pub message: String,
}

/// What a merge did, record by record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records new to the base.
    pub added: Vec<String>,
    /// Records replaced by a newer revision.
    pub updated: Vec<String>,
    /// Records already present and identical.
    pub unchanged: Vec<String>,
    /// Records left as they were in the base.
    pub conflicts: Vec<MergeConflict>,
}

/// Merges `incoming` into `base`. The result keeps every record of `base` unless `incoming`
/// has a newer revision of it; ties and older revisions that differ are conflicts.
pub fn merge_bundles(base: &Bundle, incoming: &Bundle, now: DateTime<Utc>) -> (Bundle, MergeReport) {
    let mut report = MergeReport::default();
    let audits = merge_records(
        &base.audits,
        &incoming.audits,
        |audit| format!("audit {}", audit.id),
        unrecorded_changes,
        &mut report,
    );
    let moderations = merge_records(
        &base.moderations,
        &incoming.moderations,
        |m| format!("moderation {}", m.id),
        |_, _| None,
        &mut report,
    );

    let mut templates: BTreeMap<_, _> =
        base.templates.iter().map(|template| (template.reference(), template.clone())).collect();
    for template in &incoming.templates {
        let name = format!("template {}", template.reference());
        match templates.get(&template.reference()) {
            None => {
                templates.insert(template.reference(), template.clone());
                report.added.push(name);
            }
            Some(existing) if existing == template => report.unchanged.push(name),
            Some(_) => report.conflicts.push(MergeConflict {
                message: format!("{name} differs between the bundles. A changed template must be given a new version number; the one already held is kept"),
                record: name,
            }),
        }
    }
    let merged =
        Bundle { exported_at: now, templates: templates.into_values().collect(), audits, moderations };
    (merged, report)
}

/// Why a newer revision of a submitted audit cannot replace the held one: it changes answers
/// that no recorded amendment explains (a locked record cannot be rewritten by raising its
/// revision).
fn unrecorded_changes(held: &Audit, incoming: &Audit) -> Option<String> {
    let problems = held.unrecorded_changes(incoming);
    (!problems.is_empty()).then(|| {
        format!(
            "audit {} was submitted, and this bundle's newer revision changes it without recorded amendments ({}). The copy already held is kept",
            held.id,
            problems.join("; ")
        )
    })
}

fn merge_records<T: Clone + PartialEq>(
    base: &[Versioned<T>],
    incoming: &[Versioned<T>],
    name: impl Fn(&T) -> String,
    refuse_update: impl Fn(&T, &T) -> Option<String>,
    report: &mut MergeReport,
) -> Vec<Versioned<T>> {
    let mut merged: BTreeMap<String, Versioned<T>> =
        base.iter().map(|record| (name(&record.value), record.clone())).collect();
    for record in incoming {
        let key = name(&record.value);
        match merged.get(&key) {
            None => {
                merged.insert(key.clone(), record.clone());
                report.added.push(key);
            }
            Some(held) if held.value == record.value => report.unchanged.push(key),
            Some(held) if record.revision > held.revision => {
                if let Some(message) = refuse_update(&held.value, &record.value) {
                    report.conflicts.push(MergeConflict { record: key, message });
                    continue;
                }
                merged.insert(key.clone(), record.clone());
                report.updated.push(key);
            }
            Some(held) => {
                let message = if record.revision == held.revision {
                    format!(
                        "{key} was changed in two places from the same revision ({}). The copy already held is kept; compare the two and amend it by hand",
                        held.revision.get()
                    )
                } else {
                    format!(
                        "{key} in this bundle is revision {}, older than revision {} already held. The newer one is kept",
                        record.revision.get(),
                        held.revision.get()
                    )
                };
                report.conflicts.push(MergeConflict { record: key, message });
            }
        }
    }
    merged.into_values().collect()
}
