//! The engine skeleton's contracts: the ledger explains every change exactly, the world without
//! actions stands still, bounded variables stay in bounds, events take effect at their tick.

use entente::io::library::EXAMPLES;
use entente::io::load_str;
use entente::model::{Action, Attribute, Event, Scenario};
use entente::sim::{self, Entity};

fn default_scenario() -> Scenario {
    load_str(EXAMPLES[0].text).unwrap()
}

#[test]
fn ledger_terms_sum_to_every_change() {
    let scenario = default_scenario();
    let (world, mut state) = sim::start(&scenario, scenario.seed).unwrap();
    let mut checked = 0;
    for _ in 0..80 {
        let ledger = sim::step::step(&world, &mut state, true);
        for change in &ledger.changes {
            let sum: f64 = change.terms.iter().map(|t| t.value).sum();
            assert!(
                (sum - change.delta()).abs() < 1e-12,
                "tick {} {:?} {}: terms {sum} vs change {}",
                ledger.tick,
                change.entity,
                change.var,
                change.delta()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} changes checked");
}

#[test]
fn the_ledger_links_state_to_state() {
    let scenario = default_scenario();
    let (world, mut state) = sim::start(&scenario, scenario.seed).unwrap();
    for _ in 0..30 {
        let before = state.clone();
        let ledger = sim::step::step(&world, &mut state, true);
        for (r, &value) in state.region_stability.iter().enumerate() {
            let change = ledger.change(Entity::Region(sim::RegionIx(r as u32)), "stability");
            let delta = change.map_or(0.0, |c| c.delta());
            assert!((before.region_stability[r] + delta - value).abs() < 1e-12);
        }
    }
}

#[test]
fn without_actions_the_world_stands_still_for_200_ticks() {
    for example in EXAMPLES {
        let mut scenario = load_str(example.text).unwrap();
        scenario.events.clear();
        scenario.horizon = 200;
        let (world, start) = sim::start(&scenario, scenario.seed).unwrap();
        let mut state = start.clone();
        for _ in 0..200 {
            sim::step::step(&world, &mut state, false);
        }
        for (a, b) in start.nations.iter().zip(&state.nations) {
            for (x, y) in [
                (a.stability, b.stability),
                (a.legitimacy, b.legitimacy),
                (a.capacity, b.capacity),
                (a.armed_groups, b.armed_groups),
                (a.grievance, b.grievance),
                (a.economy, b.economy),
                (a.effort, b.effort),
                (a.capability, b.capability),
            ] {
                assert!(
                    (x - y).abs() < 1e-12,
                    "{}: {x} drifted to {y}",
                    example.name
                );
            }
        }
        for (x, y) in start.region_stability.iter().zip(&state.region_stability) {
            assert!((x - y).abs() < 1e-12, "{}: region {x} -> {y}", example.name);
        }
        for dyad in state.dyads.iter() {
            let before = start.dyads.get(dyad.a, dyad.b).unwrap();
            assert!((before.relation - dyad.relation).abs() < 1e-12);
            assert!((before.trust - dyad.trust).abs() < 1e-12);
        }
    }
}

#[test]
fn an_event_takes_effect_in_the_step_of_its_tick_and_names_itself_as_cause() {
    let mut scenario = default_scenario();
    scenario.events = vec![Event::new(
        5,
        Action::SetAttribute {
            nation: "T".into(),
            attribute: Attribute::Stability,
            value: 0.2,
            structural: false,
        },
    )];
    let (world, mut state) = sim::start(&scenario, scenario.seed).unwrap();
    let target = world.nation("T").unwrap();
    for _ in 0..5 {
        sim::step::step(&world, &mut state, true);
        assert_eq!(state.nation(target).stability, 0.45);
    }
    let ledger = sim::step::step(&world, &mut state, true);
    assert_eq!(state.tick, 6);
    let change = ledger.change(Entity::Nation(target), "stability").unwrap();
    let edit = change.terms.iter().find(|t| t.id == "user_edit").unwrap();
    assert!((edit.value - (0.2 - 0.45)).abs() < 1e-15);
    assert!(matches!(edit.cause, sim::Cause::Event(_)));
    // Reversion then pulls stability back toward its structural level, and the region follows.
    let low = state.nation(target).stability;
    for _ in 0..40 {
        sim::step::step(&world, &mut state, false);
    }
    assert!(state.nation(target).stability > low + 0.1);
    assert!(state.nation(target).stability < 0.45);
}

#[test]
fn the_default_scenario_moves_mesa_visibly() {
    let scenario = default_scenario();
    let mut simulation = sim::Simulation::new(&scenario).unwrap();
    simulation.run_to(80);
    let mesa = simulation.world().region("mesa").unwrap().ix();
    let series: Vec<f64> = simulation
        .collect_states()
        .iter()
        .map(|s| s.region_stability[mesa])
        .collect();
    let (lo, hi) = series
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    assert!(hi - lo > 0.02, "Mesa's stability moves visibly: {lo}..{hi}");
    assert!(series.iter().all(|v| (0.0..=1.0).contains(v)));
}

#[test]
fn bounded_variables_stay_in_bounds_under_extreme_edits() {
    let mut scenario = default_scenario();
    for (i, attribute) in [
        Attribute::ArmedGroups,
        Attribute::Grievance,
        Attribute::Capacity,
    ]
    .into_iter()
    .enumerate()
    {
        for nation in ["T", "N1", "N2", "N3"] {
            scenario.events.push(Event::new(
                2 + i as u32,
                Action::SetAttribute {
                    nation: nation.into(),
                    attribute,
                    value: if attribute == Attribute::Capacity {
                        0.0
                    } else {
                        1.0
                    },
                    structural: false,
                },
            ));
        }
    }
    let (world, mut state) = sim::start(&scenario, scenario.seed).unwrap();
    for _ in 0..80 {
        sim::step::step(&world, &mut state, false);
        for x in &state.nations {
            for v in [
                x.stability,
                x.legitimacy,
                x.capacity,
                x.armed_groups,
                x.grievance,
                x.presence,
            ] {
                assert!(v.is_finite() && (0.0..=1.0).contains(&v), "{v}");
            }
        }
        for v in &state.region_stability {
            assert!((0.0..=1.0).contains(v));
        }
    }
}

#[test]
fn the_load_time_self_test_finds_no_drift_in_calibrated_worlds() {
    for example in EXAMPLES {
        let scenario = load_str(example.text).unwrap();
        let (world, _) = sim::start(&scenario, scenario.seed).unwrap();
        assert!(
            world.calibration.self_test_drift < 1e-12,
            "{}: {}",
            example.name,
            world.calibration.self_test_drift
        );
    }
    // A post-conflict state whose armed groups sit above their structural level moves on purpose.
    let mut scenario = default_scenario();
    scenario.nations[3].baseline.armed_groups = Some(0.01);
    let (world, _) = sim::start(&scenario, scenario.seed).unwrap();
    assert!(world.calibration.self_test_drift > 1e-6);
}
