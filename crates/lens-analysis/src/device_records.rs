//! The audits and moderations a request reads, decoded once, and kept between requests while
//! the page says the records are the same (a [`DataSource::Snapshot`]).
//!
//! Reading and decoding 10,000 audits from IndexedDB takes seconds; a dashboard asks again on
//! every filter change. The page knows every record's revision, so it names its records by a
//! fingerprint of them; the worker reuses what it decoded while the fingerprint is unchanged.
//! Writes the page does not know of (another tab, another element on the same data) are
//! announced by every store that makes them (`lens_idb::CHANGES_CHANNEL`), and the worker then
//! [forgets](RecordCache::forget) what it decoded from that database.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use lens_core::{Audit, Moderation};
use lens_store::council_codebook::{read_council_codebook, KeptCodebook};
use lens_store::{list_audits, list_moderations, Revision, Store, Versioned};
use lens_themes::{Tagger, Tagging};

use crate::council_codebook::{builtin_with_note, tagger_for};
use crate::protocol::agreement::AgreementView;
use crate::protocol::codebook::CodebookSummary;
use crate::protocol::DataSource;

/// Every audit and moderation on the device that could be read, and the codebook their
/// narratives are read with.
pub struct DeviceRecords {
    /// The audits, as their values (reports and agreement read these).
    pub audits: Vec<Audit>,
    /// Each audit's revision and save time, in the same order (exports need them).
    pub audit_versions: Vec<(Revision, DateTime<Utc>)>,
    /// The moderations.
    pub moderations: Vec<Versioned<Moderation>>,
    /// Records that could not be read, so are in none of the above.
    pub unreadable: usize,
    /// What the tagger found in each narrative read so far, by `audit id/item id`: the records
    /// do not change while they are kept, so a narrative is tagged once however many reports
    /// read it.
    pub taggings: RefCell<HashMap<String, Rc<Tagging>>>,
    /// Agreement dashboards worked out over these records, by their request without its
    /// source, newest last.
    pub agreements: RefCell<Vec<(String, AgreementView)>>,
    /// The council's codebook kept on the device, or the built-in one: read with the records,
    /// so `taggings` always come from it (the page's snapshot names the codebook's revision).
    pub tagger: Rc<Tagger>,
    /// What a person reads about it.
    pub codebook: CodebookSummary,
}

impl Default for DeviceRecords {
    fn default() -> Self {
        let (tagger, codebook) = tagger_for(None);
        DeviceRecords {
            audits: Vec::new(),
            audit_versions: Vec::new(),
            moderations: Vec::new(),
            unreadable: 0,
            taggings: RefCell::default(),
            agreements: RefCell::default(),
            tagger,
            codebook,
        }
    }
}

impl DeviceRecords {
    /// The audits with their revisions, as a bundle carries them.
    pub fn versioned_audits(&self) -> impl Iterator<Item = Versioned<Audit>> + '_ {
        self.audits.iter().zip(&self.audit_versions).map(|(audit, (revision, updated_at))| Versioned {
            value: audit.clone(),
            revision: *revision,
            updated_at: *updated_at,
        })
    }

    /// The moderations' values.
    pub fn moderation_values(&self) -> Vec<Moderation> {
        self.moderations.iter().map(|moderation| moderation.value.clone()).collect()
    }
}

/// The records decoded for the latest snapshot, if any.
#[derive(Clone, Default)]
pub struct RecordCache(Rc<RefCell<CacheState>>);

#[derive(Default)]
struct CacheState {
    cached: Option<Cached>,
    /// Raised by every [`RecordCache::forget`], so a read under way when a change is announced
    /// is not kept.
    changes: u64,
}

struct Cached {
    name: String,
    snapshot: u64,
    records: Rc<DeviceRecords>,
}

impl RecordCache {
    /// The records of `store`, which `source` opened: those decoded before for the same
    /// snapshot, or read afresh (and kept, when the source is a snapshot).
    pub async fn read(&self, store: &dyn Store, source: &DataSource) -> Result<Rc<DeviceRecords>, String> {
        let snapshot = match source {
            DataSource::Snapshot { name, snapshot } => Some((name.clone(), *snapshot)),
            DataSource::Database { .. } | DataSource::Records { .. } => None,
        };
        if let (Some((name, snapshot)), Some(cached)) = (&snapshot, self.0.borrow().cached.as_ref()) {
            if cached.name == *name && cached.snapshot == *snapshot {
                return Ok(cached.records.clone());
            }
        }
        let changes_before = self.0.borrow().changes;
        let records = Rc::new(read_records(store).await?);
        let mut state = self.0.borrow_mut();
        state.cached = snapshot.filter(|_| state.changes == changes_before).map(|(name, snapshot)| Cached {
            name,
            snapshot,
            records: records.clone(),
        });
        Ok(records)
    }

    /// Drops what was decoded from the database `name`: it was written by someone the page
    /// does not hear from.
    pub fn forget(&self, name: &str) {
        let mut state = self.0.borrow_mut();
        state.changes += 1;
        if state.cached.as_ref().is_some_and(|cached| cached.name == name) {
            state.cached = None;
        }
    }
}

async fn read_records(store: &dyn Store) -> Result<DeviceRecords, String> {
    let (audits, unreadable_audits) = list_audits(store).await.map_err(|error| error.to_string())?;
    let (moderations, unreadable_moderations) =
        list_moderations(store).await.map_err(|error| error.to_string())?;
    let audit_versions = audits.iter().map(|audit| (audit.revision, audit.updated_at)).collect();
    let kept = read_council_codebook(store).await.map_err(|error| error.to_string())?;
    let (tagger, codebook) = match &kept {
        Some(KeptCodebook { unreadable: Some(why), .. }) => builtin_with_note(why),
        kept => tagger_for(kept.as_ref().and_then(|kept| kept.document.as_deref())),
    };
    Ok(DeviceRecords {
        audits: audits.into_iter().map(|audit| audit.value).collect(),
        audit_versions,
        moderations,
        unreadable: unreadable_audits.len() + unreadable_moderations.len(),
        taggings: RefCell::default(),
        agreements: RefCell::default(),
        tagger,
        codebook,
    })
}
