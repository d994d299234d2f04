//! The envelope every stored record travels in.

use std::fmt;

use chrono::{DateTime, Utc};

/// The kinds of record Practice Lens stores. Each has its own body types and migrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// An audit of a child's case file.
    Audit,
    /// A moderator's grading of one audit.
    Moderation,
    /// What has been done with this device's data as a whole, such as its last export.
    DeviceLog,
    /// An amendment of a submitted audit while it is being written, keyed by the audit's id.
    AmendmentDraft,
    /// A drawn moderation sample: its rule, seed and audits.
    ModerationSample,
    /// One version of a council's own template, keyed `id@version`.
    Template,
    /// A QA report for a period: its findings and, once signed off, its figures as they were.
    QaReport,
    /// The council's own theme codebook, or none once removed (one record, keyed `council`).
    Codebook,
}

impl RecordKind {
    /// The name used in keys and indexes. Stored data depends on it: never change one.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Audit => "audit",
            Self::Moderation => "moderation",
            Self::DeviceLog => "device-log",
            Self::AmendmentDraft => "amendment-draft",
            Self::ModerationSample => "moderation-sample",
            Self::Template => "template",
            Self::QaReport => "qa-report",
            Self::Codebook => "codebook",
        }
    }

    /// The kind with the given stored name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "audit" => Some(Self::Audit),
            "moderation" => Some(Self::Moderation),
            "device-log" => Some(Self::DeviceLog),
            "amendment-draft" => Some(Self::AmendmentDraft),
            "moderation-sample" => Some(Self::ModerationSample),
            "template" => Some(Self::Template),
            "qa-report" => Some(Self::QaReport),
            "codebook" => Some(Self::Codebook),
            _ => None,
        }
    }
}

/// Identifies one record: its kind and its id within that kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    /// The kind of record.
    pub kind: RecordKind,
    /// The id within the kind.
    pub id: String,
}

impl RecordKey {
    /// The key of `id` within `kind`.
    pub fn new(kind: RecordKind, id: impl Into<String>) -> Self {
        Self { kind, id: id.into() }
    }

    /// One string that orders and compares like the key, for stores keyed by text.
    pub fn storage_key(&self) -> String {
        format!("{}/{}", self.kind.as_str(), self.id)
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            RecordKind::Audit => write!(f, "Audit {}", self.id),
            RecordKind::Moderation => write!(f, "Moderation {}", self.id),
            // There is one log per device, so its id says nothing to a reader.
            RecordKind::DeviceLog => write!(f, "The record of exports from this device"),
            RecordKind::AmendmentDraft => write!(f, "The amendment being written of audit {}", self.id),
            RecordKind::ModerationSample => write!(f, "Moderation sample {}", self.id),
            RecordKind::Template => match self.id.split_once('@') {
                Some((id, version)) => write!(f, "The template {id} version {version}"),
                None => write!(f, "The template {}", self.id),
            },
            RecordKind::QaReport => write!(f, "QA report {}", self.id),
            RecordKind::Codebook => write!(f, "The council's theme codebook"),
        }
    }
}

/// How many times a record has been saved: 1 after its first save, then one more per save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(u64);

impl Revision {
    /// The revision of a record's first save.
    pub const FIRST: Revision = Revision(1);

    /// A revision from its number; `None` for 0, which no saved record has.
    pub fn new(number: u64) -> Option<Self> {
        (number > 0).then_some(Self(number))
    }

    /// The revision number.
    pub fn get(self) -> u64 {
        self.0
    }

    /// The revision after this one.
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }
}

impl fmt::Display for Revision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A record as a store holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// Which record.
    pub key: RecordKey,
    /// How many times it has been saved.
    pub revision: Revision,
    /// The format version of `body`.
    pub schema_version: u32,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// The record's content as JSON text, in the format `schema_version` names.
    pub body: String,
}

/// What a write expects to find before it replaces anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// No record with this key exists yet.
    New,
    /// The record is still at this revision.
    At(Revision),
}

impl Expected {
    /// The expectation matching what a reader saw: nothing, or a record at some revision.
    pub fn from_base(base: Option<Revision>) -> Self {
        base.map_or(Self::New, Self::At)
    }

    /// The revision the write was based on, if any.
    pub fn base(self) -> Option<Revision> {
        match self {
            Self::New => None,
            Self::At(revision) => Some(revision),
        }
    }

    /// Whether a store holding `current` may accept the write.
    pub fn matches(self, current: Option<Revision>) -> bool {
        self.base() == current
    }

    /// The revision the record has after the write.
    pub fn next_revision(self) -> Revision {
        self.base().map_or(Revision::FIRST, Revision::next)
    }
}

/// One write: the new content and the revision it was based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordWrite {
    /// Which record.
    pub key: RecordKey,
    /// What the writer saw before changing it.
    pub expected: Expected,
    /// The format version of `body`.
    pub schema_version: u32,
    /// When the change was made.
    pub updated_at: DateTime<Utc>,
    /// The new content as JSON text.
    pub body: String,
    /// The revision the record already had where it came from, for a record brought in from
    /// another device: the stored revision is at least this, so a later edit here and another
    /// copy of the same revision are told apart when the next bundle arrives.
    pub carried: Option<Revision>,
}

impl RecordWrite {
    /// The revision the record has once this write is accepted.
    pub fn new_revision(&self) -> Revision {
        let next = self.expected.next_revision();
        self.carried.map_or(next, |carried| carried.max(next))
    }

    /// The record as stored once this write is accepted.
    pub fn into_stored(self) -> StoredRecord {
        StoredRecord {
            revision: self.new_revision(),
            key: self.key,
            schema_version: self.schema_version,
            updated_at: self.updated_at,
            body: self.body,
        }
    }
}
