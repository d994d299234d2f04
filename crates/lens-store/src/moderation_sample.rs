//! Moderation samples as stored: who drew one and when, its period, rule, seed and audits.
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: the sample as drawn.
//! - 2 (current): as 1, with the rule `by_hand` (audits a person chose); a version 1 record
//!   reads unchanged.

use chrono::{DateTime, NaiveDate, Utc};
use lens_core::{AuditId, ModerationSample, PeriodLength, SampleRule};
use serde::{Deserialize, Serialize};

use crate::audits::Versioned;
use crate::error::StoreError;
use crate::latest::not_newer;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, Revision, StoredRecord};
use crate::store::Store;

/// The schema version samples are written in.
pub const CURRENT_SAMPLE_SCHEMA: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleV1 {
    id: String,
    drawn_by: String,
    drawn_on: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    rule: RuleV1,
    seed: u64,
    audits: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum RuleV1 {
    PerAuditor { per: usize, period: PeriodV1 },
    BelowGood,
    Inadequate,
    RandomShare { percent: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PeriodV1 {
    Month,
    Quarter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleV2 {
    id: String,
    drawn_by: String,
    drawn_on: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    rule: RuleV2,
    seed: u64,
    audits: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum RuleV2 {
    PerAuditor { per: usize, period: PeriodV1 },
    BelowGood,
    Inadequate,
    RandomShare { percent: u32 },
    ByHand,
}

impl From<SampleV1> for SampleV2 {
    fn from(old: SampleV1) -> Self {
        let rule = match old.rule {
            RuleV1::PerAuditor { per, period } => RuleV2::PerAuditor { per, period },
            RuleV1::BelowGood => RuleV2::BelowGood,
            RuleV1::Inadequate => RuleV2::Inadequate,
            RuleV1::RandomShare { percent } => RuleV2::RandomShare { percent },
        };
        Self {
            id: old.id,
            drawn_by: old.drawn_by,
            drawn_on: old.drawn_on,
            from: old.from,
            to: old.to,
            rule,
            seed: old.seed,
            audits: old.audits,
        }
    }
}

fn to_body(sample: &ModerationSample) -> SampleV2 {
    let rule = match &sample.rule {
        SampleRule::PerAuditor { per, period } => RuleV2::PerAuditor {
            per: *per,
            period: match period {
                PeriodLength::Month => PeriodV1::Month,
                PeriodLength::Quarter => PeriodV1::Quarter,
            },
        },
        SampleRule::BelowGood => RuleV2::BelowGood,
        SampleRule::Inadequate => RuleV2::Inadequate,
        SampleRule::RandomShare { percent } => RuleV2::RandomShare { percent: *percent },
        SampleRule::ByHand => RuleV2::ByHand,
    };
    SampleV2 {
        id: sample.id.clone(),
        drawn_by: sample.drawn_by.clone(),
        drawn_on: sample.drawn_on,
        from: sample.from,
        to: sample.to,
        rule,
        seed: sample.seed,
        audits: sample.audits.iter().map(|id| id.as_str().to_owned()).collect(),
    }
}

fn from_body(body: SampleV2) -> ModerationSample {
    let rule = match body.rule {
        RuleV2::PerAuditor { per, period } => SampleRule::PerAuditor {
            per,
            period: match period {
                PeriodV1::Month => PeriodLength::Month,
                PeriodV1::Quarter => PeriodLength::Quarter,
            },
        },
        RuleV2::BelowGood => SampleRule::BelowGood,
        RuleV2::Inadequate => SampleRule::Inadequate,
        RuleV2::RandomShare { percent } => SampleRule::RandomShare { percent },
        RuleV2::ByHand => SampleRule::ByHand,
    };
    ModerationSample {
        id: body.id,
        drawn_by: body.drawn_by,
        drawn_on: body.drawn_on,
        from: body.from,
        to: body.to,
        rule,
        seed: body.seed,
        audits: body.audits.into_iter().map(AuditId::new).collect(),
    }
}

fn decode(record: &StoredRecord) -> Result<ModerationSample, StoreError> {
    not_newer(CURRENT_SAMPLE_SCHEMA)(record)?;
    let body = if record.schema_version == 1 {
        serde_json::from_str::<SampleV1>(&record.body).map(SampleV2::from)
    } else {
        serde_json::from_str::<SampleV2>(&record.body)
    };
    body.map(from_body)
        .map_err(|error| StoreError::Corrupt { key: record.key.clone(), reason: error.to_string() })
}

/// Every moderation sample, newest drawn first, with a problem for each that could not be read.
pub async fn list_samples(
    store: &dyn Store,
) -> Result<(Vec<Versioned<ModerationSample>>, Vec<StoreError>), StoreError> {
    let mut samples = Vec::new();
    let mut problems = Vec::new();
    for record in store.list(RecordKind::ModerationSample).await? {
        match decode(&record) {
            Ok(value) => {
                samples.push(Versioned { value, revision: record.revision, updated_at: record.updated_at })
            }
            Err(problem) => problems.push(problem),
        }
    }
    samples.sort_by(|a, b| (b.value.drawn_on, &b.value.id).cmp(&(a.value.drawn_on, &a.value.id)));
    Ok((samples, problems))
}

/// Saves a sample; `base` is the revision it was read at (`None` for a new one).
pub async fn save_sample(
    store: &dyn Store,
    sample: &ModerationSample,
    base: Option<Revision>,
    now: DateTime<Utc>,
) -> Result<Versioned<ModerationSample>, StoreError> {
    let body = serde_json::to_string(&to_body(sample))
        .map_err(|error| StoreError::backend("EncodeError", error.to_string()))?;
    let write = RecordWrite {
        key: RecordKey::new(RecordKind::ModerationSample, sample.id.as_str()),
        expected: Expected::from_base(base),
        schema_version: CURRENT_SAMPLE_SCHEMA,
        updated_at: now,
        body,
        carried: None,
    };
    let revision = store.put(write).await?;
    Ok(Versioned { value: sample.clone(), revision, updated_at: now })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use futures::executor::block_on;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::MemoryStore;

    #[test]
    fn a_sample_is_kept_exactly_and_a_record_written_by_a_newer_version_is_refused() {
        let store = MemoryStore::default();
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let sample = ModerationSample {
            id: "sample-1".into(),
            drawn_by: "Amira Hussain".into(),
            drawn_on: day(1, 4),
            from: day(1, 1),
            to: day(3, 31),
            rule: SampleRule::PerAuditor { per: 2, period: PeriodLength::Quarter },
            seed: 4_821,
            audits: vec![AuditId::new("a1"), AuditId::new("a7")],
        };
        let now = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
        block_on(save_sample(&store, &sample, None, now)).unwrap();
        let (listed, problems) = block_on(list_samples(&store)).unwrap();
        assert!(problems.is_empty());
        assert_eq!(listed[0].value, sample);
        let stored =
            block_on(store.get(&RecordKey::new(RecordKind::ModerationSample, "sample-1"))).unwrap().unwrap();
        assert!(
            stored.body.contains(r#""rule":{"kind":"per_auditor","per":2,"period":"quarter"}"#),
            "{}",
            stored.body
        );
        store.insert_raw(StoredRecord {
            schema_version: 3,
            key: RecordKey::new(RecordKind::ModerationSample, "later"),
            ..stored
        });
        let (_, problems) = block_on(list_samples(&store)).unwrap();
        assert!(matches!(problems[0], StoreError::TooNew { found: 3, .. }));
    }

    #[test]
    fn a_version_1_sample_opens_and_a_sample_chosen_by_hand_is_kept() {
        let store = MemoryStore::default();
        let now = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
        // Written by the first layout.
        let old = r#"{"id":"s1","drawn_by":"Amira Hussain","drawn_on":"2027-01-04","from":"2027-01-01","to":"2027-03-31","rule":{"kind":"random_share","percent":10},"seed":4821,"audits":["a1"]}"#;
        store.insert_raw(StoredRecord {
            key: RecordKey::new(RecordKind::ModerationSample, "s1"),
            revision: Revision::FIRST,
            schema_version: 1,
            updated_at: now,
            body: old.to_owned(),
        });
        let (listed, problems) = block_on(list_samples(&store)).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(listed[0].value.rule, SampleRule::RandomShare { percent: 10 });

        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let chosen = ModerationSample {
            id: "s2".into(),
            drawn_by: "Amira Hussain".into(),
            drawn_on: day(1, 5),
            from: day(1, 1),
            to: day(3, 31),
            rule: SampleRule::ByHand,
            seed: 0,
            audits: vec![AuditId::new("a3")],
        };
        block_on(save_sample(&store, &chosen, None, now)).unwrap();
        let (listed, _) = block_on(list_samples(&store)).unwrap();
        assert_eq!(listed[0].value, chosen);
        // A version 1 record cannot hold a rule version 1 did not have.
        let by_hand = r#"{"id":"s3","drawn_by":"A","drawn_on":"2027-01-04","from":"2027-01-01","to":"2027-03-31","rule":{"kind":"by_hand"},"seed":0,"audits":[]}"#;
        store.insert_raw(StoredRecord {
            key: RecordKey::new(RecordKind::ModerationSample, "s3"),
            revision: Revision::FIRST,
            schema_version: 1,
            updated_at: now,
            body: by_hand.to_owned(),
        });
        let (_, problems) = block_on(list_samples(&store)).unwrap();
        assert!(matches!(problems[0], StoreError::Corrupt { .. }));
    }
}
