//! Bundles: the versioned JSON in which audits, moderations and their templates leave a device
//! and are shared between auditors and tools (docs/bundle-format.md, docs/bundle.schema.json).
//! Reading one is all or nothing: a bundle with any problem gives every problem found, with
//! its path, and no records.

mod merge;
mod v1;
mod v2;
mod v3;
mod v4;

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use lens_core::{Audit, Moderation, Template};

use crate::audit_record::{audit_from_record, audit_to_record};
use crate::moderation_record::{moderation_from_record, moderation_to_record};
use crate::template_document::{parse_template, write_template};
use crate::{Revision, Versioned};

pub use merge::{merge_bundles, MergeConflict, MergeReport};
pub use v1::{BundleV1, BundledAuditV1, BundledModerationV1};
pub use v2::{BundleV2, BundledModerationV2};
pub use v3::{BundleV3, BundledAuditV3};
pub use v4::{BundleV4, BundledAuditV4};

/// The `format` every bundle declares.
pub const FORMAT: &str = "practice-lens-bundle";
/// The newest bundle version this build reads and the one it writes. Versions 1 to 3 are read
/// too.
pub const FORMAT_VERSION: u32 = 4;
/// The largest bundle accepted: room for about 20,000 audits with long narratives.
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;

/// Audits, moderations and templates, each record with its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// When it was made.
    pub exported_at: DateTime<Utc>,
    /// The templates it carries.
    pub templates: Vec<Template>,
    /// The audits.
    pub audits: Vec<Versioned<Audit>>,
    /// The moderations.
    pub moderations: Vec<Versioned<Moderation>>,
}

/// One problem with a bundle, at a path in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleProblem {
    /// Where, e.g. `audits[3].audit.status`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Vec<BundleProblem> {
    vec![BundleProblem { path: path.into(), message: message.into() }]
}

/// Reads a bundle. Decoding stops at a value of the wrong type (its path is given); after
/// that every record is checked and all problems are returned together.
pub fn parse_bundle(text: &str) -> Result<Bundle, Vec<BundleProblem>> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(problem(
            "document",
            format!(
                "is {} MiB; a bundle may be at most {} MiB. Export fewer audits at a time",
                text.len() >> 20,
                MAX_BUNDLE_BYTES >> 20
            ),
        ));
    }
    let text = text.trim_start_matches('\u{feff}');
    // Decode straight into the layout; the slower whole-document checks only run to explain a
    // failure, or when the declared format or version is not this one.
    match serde_json::from_str::<BundleV4>(text) {
        Ok(document)
            if document.format == FORMAT && (1..=FORMAT_VERSION).contains(&document.format_version) =>
        {
            from_document(document)
        }
        Ok(_) => {
            Err(check_declaration(text).err().unwrap_or_else(|| problem("document", "is not a valid bundle")))
        }
        Err(_) => {
            check_declaration(text)?;
            // Decode again, tracking paths this time, to say where the problem is.
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let error = match serde_path_to_error::deserialize::<_, BundleV4>(&mut deserializer) {
                Ok(_) => return Err(problem("document", "is not a valid bundle")),
                Err(error) => error,
            };
            let path = error.path().to_string();
            let message = in_words(&error.into_inner().to_string());
            Err(problem(if path == "." { "document" } else { &path }, message))
        }
    }
}

/// A decoding error in the bundle's own words: the record layouts' type names ("struct
/// ResponseV3", "u64") are internal, so they are said as what a person wrote.
fn in_words(message: &str) -> String {
    let mut words = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("struct ") {
        words.push_str(&rest[..at]);
        let after = &rest[at + "struct ".len()..];
        let name_end = after.find(|c: char| !c.is_alphanumeric() && c != '_').unwrap_or(after.len());
        words.push_str("an object");
        rest = &after[name_end..];
    }
    words.push_str(rest);
    for (internal, said) in [
        ("expected u64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a borrowed string", "expected text"),
        ("expected a string", "expected text"),
    ] {
        words = words.replace(internal, said);
    }
    words
}

/// Whether the text is JSON that declares itself a bundle of a version this build reads.
fn check_declaration(text: &str) -> Result<(), Vec<BundleProblem>> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|error| problem("document", format!("is not valid JSON ({error})")))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(problem("format", format!("must be \"{FORMAT}\": this is not a Practice Lens bundle")));
    }
    let declared = value.get("format_version");
    match declared.and_then(serde_json::Value::as_u64) {
        None if declared.is_some() => Err(problem(
            "format_version",
            format!("is {}: it must be a whole number such as {FORMAT_VERSION}, without quotes", declared.map(ToString::to_string).unwrap_or_default()),
        )),
        None => Err(problem("format_version", "is missing: a bundle declares its version")),
        Some(version) if version > u64::from(FORMAT_VERSION) => Err(problem(
            "format_version",
            format!("is {version}, made by a newer Practice Lens; this one reads up to version {FORMAT_VERSION}. Update Practice Lens to open this bundle"),
        )),
        Some(0) => Err(problem("format_version", "must be 1 or more")),
        Some(_) => Ok(()),
    }
}

fn revision(number: u64, path: &str, problems: &mut Vec<BundleProblem>) -> Revision {
    Revision::new(number).unwrap_or_else(|| {
        problems
            .push(BundleProblem { path: format!("{path}.revision"), message: "must be 1 or more".into() });
        Revision::FIRST
    })
}

fn from_document(document: BundleV4) -> Result<Bundle, Vec<BundleProblem>> {
    let mut problems = Vec::new();
    let mut templates = Vec::new();
    let mut template_keys = BTreeSet::new();
    for (index, value) in document.templates.iter().enumerate() {
        match parse_template(&value.to_string()) {
            Ok(template) => {
                if !template_keys.insert(template.reference()) {
                    problems.push(BundleProblem {
                        path: format!("templates[{index}]"),
                        message: format!("template {} appears twice", template.reference()),
                    });
                }
                templates.push(template);
            }
            Err(found) => problems.extend(found.into_iter().map(|p| BundleProblem {
                path: format!("templates[{index}].{}", p.path),
                message: p.message,
            })),
        }
    }
    let mut audits = Vec::new();
    let mut audit_ids = BTreeSet::new();
    for (index, bundled) in document.audits.into_iter().enumerate() {
        let path = format!("audits[{index}]");
        let revision = revision(bundled.revision, &path, &mut problems);
        if !audit_ids.insert(bundled.audit.id.clone()) {
            problems.push(BundleProblem {
                path: format!("{path}.audit.id"),
                message: format!("audit \"{}\" appears twice", bundled.audit.id),
            });
        }
        if document.format_version < 3 && !bundled.audit.follow_up.events.is_empty() {
            problems.push(BundleProblem {
                path: format!("{path}.audit.follow_up.events"),
                message: format!("is not part of bundle version {}: a bundle with follow-up events declares format_version 3", document.format_version),
            });
        }
        let findings_events = bundled.audit.follow_up.events.iter().any(|event| !event.what.in_schema_4());
        if document.format_version < 4 && findings_events {
            problems.push(BundleProblem {
                path: format!("{path}.audit.follow_up.events"),
                message: format!("holds findings shared or answered, which are not part of bundle version {}: such a bundle declares format_version 4", document.format_version),
            });
        }
        match audit_from_record(bundled.audit) {
            Ok(value) => audits.push(Versioned { value, revision, updated_at: bundled.updated_at }),
            Err(message) => problems.push(BundleProblem { path: format!("{path}.audit"), message }),
        }
    }
    let mut moderations = Vec::new();
    let mut moderation_ids = BTreeSet::new();
    for (index, bundled) in document.moderations.into_iter().enumerate() {
        let path = format!("moderations[{index}]");
        let revision = revision(bundled.revision, &path, &mut problems);
        if !moderation_ids.insert(bundled.moderation.id.clone()) {
            problems.push(BundleProblem {
                path: format!("{path}.moderation.id"),
                message: format!("moderation \"{}\" appears twice", bundled.moderation.id),
            });
        }
        if document.format_version == 1 && bundled.moderation.overall.is_some() {
            problems.push(BundleProblem {
                path: format!("{path}.moderation.overall"),
                message: "is not part of bundle version 1: a bundle with moderated overall judgements declares format_version 2".into(),
            });
        }
        let value = moderation_from_record(bundled.moderation);
        moderations.push(Versioned { value, revision, updated_at: bundled.updated_at });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Bundle { exported_at: document.exported_at, templates, audits, moderations })
}

/// The bundle as pretty-printed JSON in the current version.
pub fn write_bundle(bundle: &Bundle) -> String {
    let document = BundleV4 {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        exported_at: bundle.exported_at,
        templates: bundle
            .templates
            .iter()
            .map(|template| serde_json::from_str(&write_template(template)).unwrap_or_default())
            .collect(),
        audits: bundle
            .audits
            .iter()
            .map(|bundled| BundledAuditV4 {
                revision: bundled.revision.get(),
                updated_at: bundled.updated_at,
                audit: audit_to_record(&bundled.value),
            })
            .collect(),
        moderations: bundle
            .moderations
            .iter()
            .map(|bundled| BundledModerationV2 {
                revision: bundled.revision.get(),
                updated_at: bundled.updated_at,
                moderation: moderation_to_record(&bundled.value),
            })
            .collect(),
    };
    // Serialising strings, numbers, dates and maps with string keys cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

#[cfg(test)]
mod tests;
