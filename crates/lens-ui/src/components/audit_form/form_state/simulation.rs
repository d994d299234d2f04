//! The form's saving, simulated against a store that fails on purpose: seeded runs of typing,
//! saves that start and finish in any order with keys typed between, and faults (an aborted
//! write, a full disk, a closed connection, a deleted database). Whenever the form says
//! "Saved", what is stored must be exactly what is on screen.

use chrono::{NaiveDate, TimeZone, Utc};
use futures::executor::block_on;
use lens_core::random::SplitMix64;
use lens_core::{AuditId, NewAudit, TemplateRef};
use lens_store::faults::{Fault, FaultyStore};
use lens_store::{load_audit, save_audit, Versioned};

use super::*;

const RUNS: u64 = 2_000;
const STEPS: usize = 200;

fn pick(random: &mut SplitMix64, below: u64) -> u64 {
    random.next_u64() % below
}

fn stored(store: &FaultyStore) -> Option<Versioned<Audit>> {
    block_on(load_audit(store, &AuditId::new("a1"))).ok().flatten()
}

/// Runs one seeded session; returns how many times "Saved" was checked against the store.
fn run(seed: u64) -> usize {
    let mut random = SplitMix64::new(seed);
    let store = FaultyStore::default();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam Patel".into() };
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let audit = typed.start(AuditId::new("a1"), TemplateRef::new("case-file-audit", 1), day).unwrap();
    let opened = block_on(save_audit(&store, &audit, None, now)).unwrap();
    let mut form = FormState::new(&opened, true);
    let mut in_flight: Option<(Audit, Option<Revision>)> = None;
    let mut text = String::new();
    let mut checked = 0;
    let finish = |form: &mut FormState, saving: (Audit, Option<Revision>), fault: Fault| -> bool {
        store.plan(fault);
        match block_on(save_audit(&store, &saving.0, saving.1, now)) {
            Ok(saved) => form.saved(saved.revision, "09:00".into()),
            Err(lens_store::StoreError::Deleted { .. }) => {
                form.storage_deleted();
                false
            }
            Err(error) => form.save_failed(error.to_string()),
        }
    };
    for step in 0..STEPS {
        match pick(&mut random, 10) {
            0..=4 => {
                text.push(char::from(b'a' + pick(&mut random, 26) as u8));
                form.edit(Edit::Narrative("risk".into(), text.clone()));
            }
            // A pause or the deadline ends: a save starts unless one is under way.
            5 | 6 => {
                if let Some(saving) = form.save_started() {
                    assert!(in_flight.is_none(), "seed {seed} step {step}: two saves at once");
                    in_flight = Some(saving);
                }
            }
            // The save under way finishes, sometimes with a fault.
            7 | 8 => {
                if let Some(saving) = in_flight.take() {
                    let fault = match pick(&mut random, 20) {
                        0 => Fault::Aborted,
                        1 => Fault::Quota,
                        2 => Fault::ConnectionClosed,
                        3 if pick(&mut random, 5) == 0 => Fault::Deleted,
                        _ => Fault::None,
                    };
                    if finish(&mut form, saving, fault) {
                        in_flight = form.save_started();
                    }
                }
            }
            // The person chooses to save again after the data was deleted.
            _ => {
                if form.status == SaveStatus::Deleted {
                    form.save_again_here();
                }
            }
        }
        if let SaveStatus::Saved(_) = form.status {
            let stored = stored(&store).expect("an audit shown as saved is stored");
            assert_eq!(
                stored.value, form.audit,
                "seed {seed} step {step}: Saved, but the store holds another audit"
            );
            assert_eq!(Some(stored.revision), form.base, "seed {seed} step {step}");
            checked += 1;
        }
    }
    // Typing stops and every save is let finish: the last text is stored and shown as saved.
    if form.status == SaveStatus::Deleted {
        form.save_again_here();
    }
    for _ in 0..4 {
        if let Some(saving) = in_flight.take().or_else(|| form.save_started()) {
            if finish(&mut form, saving, Fault::None) {
                in_flight = form.save_started();
            }
        }
    }
    assert!(matches!(form.status, SaveStatus::Saved(_)), "seed {seed}: ends {:?}", form.status);
    assert_eq!(stored(&store).unwrap().value.responses["risk"].narrative, text, "seed {seed}");
    checked
}

#[test]
fn whenever_the_form_says_saved_the_store_holds_what_is_on_screen() {
    let checked: usize = (0..RUNS).map(run).sum();
    assert!(checked > RUNS as usize * 5, "Saved was checked {checked} times");
}
