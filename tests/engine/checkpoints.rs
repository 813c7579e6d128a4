//! Runs that outgrow their memory budget keep checkpoints instead of every state, and give
//! exactly what a run keeping every state gives: states, ledgers, rewinds and resumes.

use entente::io::library::EXAMPLES;
use entente::io::load_str;
use entente::model::Scenario;
use entente::model::generate::{Size, generate};
use entente::sim::{Simulation, State};

fn cold_war() -> Scenario {
    let example = EXAMPLES
        .iter()
        .find(|e| e.name == "cold-war-europe")
        .expect("Cold War Europe is bundled");
    load_str(example.text).unwrap()
}

/// A budget of about `states` states of `scenario`'s tick 0.
fn budget_of(scenario: &Scenario, states: usize) -> usize {
    Simulation::new(scenario)
        .unwrap()
        .current()
        .approximate_bytes()
        * states
}

fn bits(state: &State) -> String {
    format!("{state:?}")
}

#[test]
fn a_small_budget_keeps_checkpoints_and_the_same_states() {
    let scenario = cold_war();
    let mut full = Simulation::new(&scenario).unwrap();
    full.run_to(scenario.horizon);
    assert_eq!(
        full.checkpoint_spacing(),
        1,
        "a bundled scenario keeps every state"
    );

    let mut thin = Simulation::new(&scenario)
        .unwrap()
        .with_state_budget(budget_of(&scenario, 12));
    thin.run_to(scenario.horizon);
    assert!(
        thin.checkpoint_spacing() >= 16,
        "{}",
        thin.checkpoint_spacing()
    );
    // Every state, kept or recomputed, is the one the full run kept.
    let all = full.collect_states();
    assert_eq!(thin.collect_states(), all);
    for tick in [0, 1, 15, 16, 17, 100, scenario.horizon] {
        let state = thin.state(tick).unwrap();
        assert_eq!(bits(&state), bits(&all[tick as usize]), "tick {tick}");
    }
    assert!(thin.state(scenario.horizon + 1).is_none());
    // Playback forwards (one step from the last recomputed state) and scrubbing backwards.
    for tick in (0..=scenario.horizon).chain((0..=scenario.horizon).rev()) {
        assert_eq!(
            *thin.state(tick).unwrap(),
            all[tick as usize],
            "tick {tick}"
        );
    }
    // Visiting a stretch that starts and ends between checkpoints.
    let mut visited = Vec::new();
    thin.for_each_state(37, 75, |state| visited.push(state.clone()));
    assert_eq!(visited, all[37..=75]);
    // Ledgers are recomputed from recomputed states.
    assert_eq!(
        format!("{:?}", thin.ledgers(30, 50)),
        format!("{:?}", full.ledgers(30, 50))
    );
    assert_eq!(
        format!("{:?}", thin.ledger(99)),
        format!("{:?}", full.ledger(99))
    );
}

#[test]
fn a_thinned_run_rewinds_resumes_and_steps_on_identically() {
    let scenario = cold_war();
    let mut full = Simulation::new(&scenario).unwrap();
    full.run_to(scenario.horizon);
    let all = full.collect_states();

    let mut thin = Simulation::new(&scenario)
        .unwrap()
        .with_state_budget(budget_of(&scenario, 10));
    thin.run_to(120);
    thin.truncate_to(45);
    assert_eq!(thin.tick(), 45);
    assert_eq!(bits(thin.current()), bits(&all[45]));
    thin.run_to(scenario.horizon);
    assert_eq!(thin.collect_states(), all);

    let resumed = Simulation::resume(thin.clone(), &scenario, Some(77)).unwrap();
    assert_eq!(resumed.tick(), 77);
    assert_eq!(resumed.collect_states(), all[..=77]);
}

#[test]
fn kept_states_stay_within_the_budget_on_a_large_world() {
    let size = Size {
        nations: 300,
        relations: 1500,
        alliances: 10,
        treaties: 20,
        events: 30,
        horizon: 60,
    };
    let scenario = generate(size, 7);
    let budget = budget_of(&scenario, 8);
    let mut run = Simulation::new(&scenario)
        .unwrap()
        .with_state_budget(budget);
    run.run_to(60);
    assert!(run.checkpoint_spacing() >= 8);
    // Kept: tick 0, the checkpoints and the latest; each state is no larger than the latest.
    let kept = 60 / run.checkpoint_spacing() as usize + 2;
    assert!(kept * run.current().approximate_bytes() <= 2 * budget);
    let mut fresh = Simulation::new(&scenario).unwrap();
    fresh.run_to(60);
    assert_eq!(
        bits(&run.state(37).unwrap()),
        bits(&fresh.state(37).unwrap())
    );
}
