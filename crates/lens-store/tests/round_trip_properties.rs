//! Property tests: any audit, with any text a person might type (quotes, commas, new lines,
//! leading `=` or `'`), survives a bundle and a CSV export unchanged.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use lens_core::{
    Action, ActionField, ActionStatus, Amendment, Audit, AuditId, AuditStatus, FieldChange, FieldPath,
    FollowUpEvent, FollowUpEventKind, FollowUpRecord, ItemResponse, TemplateRef,
};
use lens_store::bundle::{parse_bundle, write_bundle, Bundle};
use lens_store::csv_export::{read_audits_csv, write_audits_csv};
use lens_store::{Revision, Versioned};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,24}", "[=+@'\\-\\t\\r\\n,\" a-z]{0,8}", Just(String::new())]
}

fn some_text() -> impl Strategy<Value = String> {
    "[=+@'\\-a-zA-Z0-9 ,\"é✓]{1,12}"
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..20_000).prop_map(|days| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(days))
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800i64..2_500_000_000).prop_map(|seconds| Utc.timestamp_opt(seconds, 0).unwrap())
}

fn action() -> impl Strategy<Value = Action> {
    ("[a-z0-9-]{1,8}", text(), text(), option::of(day()), 0usize..4, option::of(day())).prop_map(
        |(id, what, owner, due_on, status, completed_on)| Action {
            id,
            what,
            owner,
            due_on,
            status: ActionStatus::ALL[status],
            completed_on,
        },
    )
}

fn field_path() -> impl Strategy<Value = FieldPath> {
    prop_oneof![
        some_text().prop_map(FieldPath::Header),
        some_text().prop_map(FieldPath::Grade),
        some_text().prop_map(FieldPath::Narrative),
        Just(FieldPath::Overall),
        (some_text(), 0..ActionField::ALL.len())
            .prop_map(|(id, field)| FieldPath::Action(id, ActionField::ALL[field])),
    ]
}

fn amendment() -> impl Strategy<Value = Amendment> {
    let change = (field_path(), text(), text()).prop_map(|(field, before, after)| FieldChange {
        field,
        before,
        after,
    });
    // Who and why are never blank: the importer refuses an amendment without them.
    let said = || "[=+@a-zA-Z][=+@'\\-a-zA-Z0-9 ,\"é✓]{0,11}";
    (day(), said(), said(), vec(change, 1..3)).prop_map(|(on, by, reason, changes)| Amendment {
        on,
        by,
        reason,
        changes,
    })
}

fn follow_up_event() -> impl Strategy<Value = FollowUpEvent> {
    let what = prop_oneof![
        ("[a-z0-9-]{1,8}", 0usize..4, option::of(day()), text()).prop_map(
            |(action, status, completed_on, note)| {
                FollowUpEventKind::ActionProgress {
                    action,
                    status: ActionStatus::ALL[status],
                    completed_on,
                    note,
                }
            }
        ),
        (day(), text()).prop_map(|(confirmed_on, what_was_done)| {
            FollowUpEventKind::CorrectiveActionConfirmed { confirmed_on, what_was_done }
        }),
        (day(), text(), text()).prop_map(|(held_on, who_took_part, agreed)| {
            FollowUpEventKind::ReflectiveDiscussion { held_on, who_took_part, agreed }
        }),
        (1usize..3).prop_map(|status| FollowUpEventKind::Closed { was: AuditStatus::ALL[status] }),
        text().prop_map(|reason| FollowUpEventKind::Reopened { reason }),
    ];
    (day(), text(), what).prop_map(|(recorded_on, by, what)| FollowUpEvent { recorded_on, by, what })
}

fn audit() -> impl Strategy<Value = Audit> {
    let response =
        (option::of("[A-Z]{1,4}"), text()).prop_map(|(grade, narrative)| ItemResponse { grade, narrative });
    let identity =
        ("[a-z0-9-]{1,12}", "[a-z-]{1,10}", 1u32..5, 0usize..4, text(), text(), day(), option::of(day()));
    let content = (
        btree_map("[a-z-]{1,8}", some_text(), 0..4),
        btree_map("[a-z-]{1,8}", response, 0..5),
        option::of("[A-Z]{1,4}"),
        vec(action(), 0..3),
        vec(amendment(), 0..2),
        (option::of(day()), option::of(day()), vec(follow_up_event(), 0..4)),
    );
    (identity, content).prop_map(
        |(
            (id, template, version, status, case_reference, auditor, started_on, submitted_on),
            (header, responses, overall, actions, amendments, (confirmed, discussed, events)),
        )| Audit {
            id: AuditId::new(id),
            template: TemplateRef::new(template, version),
            status: AuditStatus::ALL[status],
            case_reference,
            auditor,
            started_on,
            responses,
            header,
            overall,
            actions,
            submitted_on,
            amendments,
            follow_up: FollowUpRecord {
                corrective_action_confirmed_on: confirmed,
                reflective_discussion_on: discussed,
                events,
            },
        },
    )
}

fn audits() -> impl Strategy<Value = Vec<Versioned<Audit>>> {
    vec((audit(), 1u64..1_000, moment()), 0..6).prop_map(|audits| {
        let mut seen = BTreeSet::new();
        audits
            .into_iter()
            .filter(|(audit, _, _)| seen.insert(audit.id.clone()))
            .map(|(value, revision, updated_at)| Versioned {
                value,
                revision: Revision::new(revision).unwrap(),
                updated_at,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_audit_round_trips_through_a_bundle(audits in audits(), exported_at in moment()) {
        let bundle = Bundle { exported_at, templates: Vec::new(), audits, moderations: Vec::new() };
        prop_assert_eq!(parse_bundle(&write_bundle(&bundle)), Ok(bundle));
    }

    #[test]
    fn every_audit_round_trips_through_a_csv_export(audits in audits()) {
        let files = write_audits_csv(&audits, &[]);
        prop_assert_eq!(read_audits_csv(&files), Ok(audits));
    }
}
