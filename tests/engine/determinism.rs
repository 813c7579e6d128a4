//! Same file + same seed ⇒ bit-identical results: two runs, a save → load → run, and a run
//! resumed from a mid-run state all give exactly the same trajectory and ledger.

use entente::io::library::EXAMPLES;
use entente::io::{load_str, to_ron_string};
use entente::model::Scenario;
use entente::sim::observe::observe;
use entente::sim::{self, State, TickLedger, World};

fn default_scenario() -> Scenario {
    load_str(EXAMPLES[0].text).unwrap()
}

/// Every observable value of every tick, as raw bits.
fn fingerprint(world: &World, states: &[State]) -> Vec<(u32, String, &'static str, u64)> {
    states
        .iter()
        .flat_map(|state| {
            observe(world, state)
                .into_iter()
                .map(move |row| (state.tick, row.id, row.variable, row.value.to_bits()))
        })
        .collect()
}

fn ledger_bits(ledgers: &[TickLedger]) -> Vec<(u32, &'static str, &'static str, u64)> {
    ledgers
        .iter()
        .flat_map(|l| {
            l.changes.iter().flat_map(move |c| {
                c.terms
                    .iter()
                    .map(move |t| (l.tick, c.var, t.id, t.value.to_bits()))
            })
        })
        .collect()
}

fn run(scenario: &Scenario, ticks: u32) -> (World, Vec<State>, Vec<TickLedger>) {
    let (world, mut state) = sim::start(scenario, scenario.seed).unwrap();
    let mut states = vec![state.clone()];
    let mut ledgers = Vec::new();
    for _ in 0..ticks {
        ledgers.push(sim::step::step(&world, &mut state, true));
        states.push(state.clone());
    }
    (world, states, ledgers)
}

#[test]
fn two_runs_are_bit_identical() {
    let scenario = default_scenario();
    let (world, a, la) = run(&scenario, 80);
    let (_, b, lb) = run(&scenario, 80);
    assert_eq!(fingerprint(&world, &a), fingerprint(&world, &b));
    assert_eq!(ledger_bits(&la), ledger_bits(&lb));
    assert!(
        !la.iter().all(|l| l.changes.is_empty()),
        "the default scenario moves"
    );
}

#[test]
fn save_load_run_is_bit_identical() {
    let scenario = default_scenario();
    let reloaded = load_str(&to_ron_string(&scenario).unwrap()).unwrap();
    let (world, a, la) = run(&scenario, 80);
    let (_, b, lb) = run(&reloaded, 80);
    assert_eq!(fingerprint(&world, &a), fingerprint(&world, &b));
    assert_eq!(ledger_bits(&la), ledger_bits(&lb));
}

#[test]
fn resuming_from_a_mid_run_state_equals_a_straight_run() {
    let scenario = default_scenario();
    let (world, straight, _) = run(&scenario, 80);
    for checkpoint in [0usize, 11, 12, 13, 40] {
        let mut state = straight[checkpoint].clone();
        let mut resumed = straight[..=checkpoint].to_vec();
        while resumed.len() < straight.len() {
            sim::step::step(&world, &mut state, false);
            resumed.push(state.clone());
        }
        assert_eq!(
            fingerprint(&world, &straight),
            fingerprint(&world, &resumed),
            "resumed at tick {checkpoint}"
        );
    }
}

#[test]
fn recording_the_ledger_does_not_change_the_trajectory() {
    let scenario = default_scenario();
    let (world, mut quiet) = sim::start(&scenario, scenario.seed).unwrap();
    let (_, recorded, _) = run(&scenario, 40);
    let mut states = vec![quiet.clone()];
    for _ in 0..40 {
        sim::step::step(&world, &mut quiet, false);
        states.push(quiet.clone());
    }
    assert_eq!(fingerprint(&world, &states), fingerprint(&world, &recorded));
}

#[test]
fn the_simulation_rewinds_and_replays_identically() {
    let scenario = default_scenario();
    let mut simulation = sim::Simulation::new(&scenario).unwrap();
    simulation.run_to(60);
    let first = fingerprint(simulation.world(), &simulation.collect_states());
    simulation.truncate_to(10);
    assert_eq!(simulation.tick(), 10);
    simulation.run_to(60);
    assert_eq!(
        first,
        fingerprint(simulation.world(), &simulation.collect_states())
    );
}

#[test]
fn ledgers_recomputed_on_demand_equal_those_of_a_recording_run() {
    for example in EXAMPLES {
        let scenario = load_str(example.text).unwrap();
        let ticks = scenario.horizon.min(60);
        let (_, states, recorded) = run(&scenario, ticks);
        let mut simulation = sim::Simulation::new(&scenario).unwrap();
        simulation.run_to(ticks);
        assert_eq!(simulation.collect_states(), &states[..], "{}", example.name);
        let on_demand = simulation.ledgers(0, ticks);
        assert_eq!(
            ledger_bits(&on_demand),
            ledger_bits(&recorded),
            "{}",
            example.name
        );
        assert_eq!(simulation.ledger(0), None);
        assert_eq!(simulation.ledger(ticks + 1), None);
        assert_eq!(simulation.ledger(7).map(|l| l.tick), Some(7));
    }
}
