//! Seeded random events (MODEL.md 2.10): reproducible for a seed, different across seeds, and
//! drawn from counter-based streams so an added action leaves other nations' draws alone.

use crate::common;

use common::{Run, w0};
use entente::sim::observe::observe;

fn with_events(seed: u64, events: &str) -> Run {
    let mut scenario = w0(events);
    scenario.settings.random_events = true;
    scenario.seed = seed;
    Run::new(&scenario, 120)
}

fn bits(run: &Run) -> Vec<u64> {
    run.states
        .iter()
        .flat_map(|s| {
            observe(&run.world, s)
                .into_iter()
                .map(|o| o.value.to_bits())
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_history_and_another_seed_another() {
    let (a, b, c) = (with_events(7, ""), with_events(7, ""), with_events(8, ""));
    assert_eq!(bits(&a), bits(&b));
    assert_ne!(bits(&a), bits(&c));
}

#[test]
fn random_events_happen_and_are_named_in_the_ledger() {
    let mut scenario = w0("");
    scenario.settings.random_events = true;
    let (world, mut state) = entente::sim::start(&scenario, 3).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let ledger = entente::sim::step::step(&world, &mut state, true);
        for change in &ledger.changes {
            for term in &change.terms {
                if let entente::sim::Cause::Random(kind) = term.cause {
                    kinds.insert(kind);
                }
            }
        }
    }
    assert!(
        kinds.contains("economic_shock") && kinds.contains("leadership"),
        "{kinds:?}"
    );
}

#[test]
fn an_added_action_does_not_reshuffle_other_draws() {
    // Recessions depend on nothing but their draws: the same nations are hit at the same ticks
    // with and without an unrelated treaty.
    let recessions = |events: &str| {
        let mut scenario = w0(events);
        scenario.settings.random_events = true;
        let (world, mut state) = entente::sim::start(&scenario, 11).unwrap();
        let mut hits = Vec::new();
        for _ in 0..120 {
            let ledger = entente::sim::step::step(&world, &mut state, true);
            for change in &ledger.changes {
                if change.terms.iter().any(|t| t.id == "recession") {
                    hits.push((ledger.tick, change.entity));
                }
            }
        }
        hits
    };
    let plain = recessions("");
    let treaty = recessions(
        r#"(tick: 2, action: SignTreaty((id: "na", kind: NonAggression, parties: ["N2", "N3"])))"#,
    );
    assert!(!plain.is_empty());
    assert_eq!(plain, treaty);
}
