//! Re-simulating after a timeline edit (`Simulation::resume`): over many generated worlds, a
//! resumed run equals a fresh one bit for bit, keeps the calibration it can keep (a moved event)
//! and measures it again when it must (an event that adds an intervention).

use crate::generated::{with_intervention, world, worlds};
use entente::model::{Action, Scenario};
use entente::sim::Simulation;
use entente::sim::run::first_affected_tick;
use proptest::prelude::*;

/// `scenario` with its `k`-th event (of those that create nothing) moved to `tick`.
fn moved(scenario: &Scenario, k: usize, tick: u32) -> Option<Scenario> {
    let creates_nothing = |action: &Action| {
        !matches!(
            action,
            Action::Intervention(_) | Action::SignTreaty(_) | Action::FormAlliance(_)
        )
    };
    let candidates: Vec<usize> = (0..scenario.events.len())
        .filter(|&i| creates_nothing(&scenario.events[i].action))
        .collect();
    let &chosen = candidates.get(k % candidates.len().max(1))?;
    let mut edited = scenario.clone();
    edited.events[chosen].tick = tick;
    Some(edited)
}

/// The run of `previous` computed to its horizon, resumed for `edited`.
fn resumed(previous: &Scenario, edited: &Scenario) -> (Simulation, Simulation) {
    let mut old = Simulation::new(previous).unwrap();
    old.run_to(previous.horizon);
    let kept = old.clone();
    let from = first_affected_tick(previous, edited);
    let mut run = Simulation::resume(old, edited, from).unwrap();
    run.run_to(edited.horizon);
    (kept, run)
}

proptest! {
    #![proptest_config(worlds(12))]

    #[test]
    fn a_moved_event_keeps_the_calibration_and_gives_the_fresh_run(
        nations in 8usize..40,
        seed in 0u64..10_000,
        k in 0usize..50,
        tick in 0u32..30,
    ) {
        let scenario = world(nations, seed, 12, 30);
        let Some(edited) = moved(&scenario, k, tick) else {
            return Ok(());
        };
        let (old, run) = resumed(&scenario, &edited);
        let mut fresh = Simulation::new(&edited).unwrap();
        fresh.run_to(edited.horizon);
        prop_assert_eq!(run.collect_states(), fresh.collect_states());
        prop_assert_eq!(run.ledgers(0, 30), fresh.ledgers(0, 30));
        // Not measured again: the load snapshot is the previous run's own.
        prop_assert!(std::sync::Arc::ptr_eq(
            &run.world().calibration.load,
            &old.world().calibration.load
        ));
    }
}

#[test]
fn an_added_intervention_is_calibrated_afresh_and_gives_the_fresh_run() {
    for seed in [3, 17] {
        let scenario = world(30, seed, 10, 30);
        let edited = with_intervention(&scenario, 1, true);
        let (old, run) = resumed(&scenario, &edited);
        let mut fresh = Simulation::new(&edited).unwrap();
        fresh.run_to(edited.horizon);
        assert_eq!(run.collect_states(), fresh.collect_states());
        assert!(!std::sync::Arc::ptr_eq(
            &run.world().calibration.load,
            &old.world().calibration.load
        ));
    }
}
