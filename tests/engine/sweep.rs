//! Parameter sweeps (`sim::sweep`): the grid in order, each run the same as that scenario run
//! alone, the same bytes on any number of threads, and every invalid grid point named before
//! anything runs.

use crate::generated::world;
use entente::io::csv_export::sweep_csv;
use entente::model::knobs;
use entente::sim::Simulation;
use entente::sim::ensemble::Control;
use entente::sim::sweep::{Axis, run};

fn control(threads: usize) -> Control {
    Control {
        threads,
        ..Control::default()
    }
}

#[test]
fn a_sweep_runs_its_grid_in_order_and_the_same_on_any_number_of_threads() {
    let mut scenario = world(14, 9, 6, 24);
    scenario.settings.random_events = true;
    let axes = [
        Axis::linear("reaction_k", 0.05, 0.2, 3),
        Axis::linear("fatigue_a", 0.1, 0.3, 2),
    ];
    let sweep = run(&scenario, &axes, 2, &control(1)).unwrap().unwrap();
    assert_eq!(sweep.runs.len(), 3 * 2 * 2);
    assert_eq!(sweep.runs[0].point, vec![0.05, 0.1]);
    assert_eq!(sweep.runs[2].point, vec![0.05, 0.3]);
    assert_eq!(sweep.runs[11].point, vec![0.2, 0.3]);
    assert_eq!(sweep.runs[1].seed, scenario.seed + 1);
    // Each run is that scenario's run alone.
    let probe = &sweep.runs[7];
    let mut alone = scenario.clone();
    knobs::set(&mut alone, "reaction_k", probe.point[0]).unwrap();
    knobs::set(&mut alone, "fatigue_a", probe.point[1]).unwrap();
    let mut single = Simulation::with_seed(&alone, probe.seed).unwrap();
    single.run_to(24);
    let last = single.state(24).unwrap();
    assert_eq!(probe.finals, last.region_stability);
    for (r, &minimum) in probe.minima.iter().enumerate() {
        assert!(minimum <= probe.finals[r]);
    }
    let reference = sweep_csv(&sweep);
    for threads in [2, 0] {
        let again = sweep_csv(
            &run(&scenario, &axes, 2, &control(threads))
                .unwrap()
                .unwrap(),
        );
        assert!(again == reference, "{threads} threads");
    }
}

#[test]
fn a_sweep_names_every_bad_knob_and_value_before_running() {
    let scenario = world(10, 1, 4, 12);
    let axes = [
        Axis::linear("reaction_k", 0.5, 2.0, 2),
        Axis::linear("no_such_knob", 0.0, 1.0, 1),
    ];
    let problems = run(&scenario, &axes, 1, &control(1)).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"no_such_knob\" is no model parameter")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("reaction_k = 2") && p.contains("outside")),
        "{problems:?}"
    );
}

#[test]
fn parameters_and_named_events_are_read_and_set_by_name() {
    let mut scenario = entente::io::load_str(entente::io::library::default_example().text).unwrap();
    let all = knobs::knobs(&scenario);
    assert!(
        all.iter()
            .any(|k| k.name == "reaction_k" && k.value == 0.10)
    );
    let troops = "event:op-freedom.troops_per_1000";
    assert!(all.iter().any(|k| k.name == troops && k.value == 7.0));
    knobs::set(&mut scenario, troops, 3.5).unwrap();
    assert_eq!(knobs::get(&scenario, troops).unwrap(), 3.5);
    knobs::set(&mut scenario, "reaction_k", 0.3).unwrap();
    assert_eq!(scenario.params.reaction_k, Some(0.3));
    knobs::set(&mut scenario, "event:op-freedom.tick", 19.6).unwrap();
    assert_eq!(
        knobs::get(&scenario, "event:op-freedom.tick").unwrap(),
        20.0
    );
    assert!(knobs::set(&mut scenario, "reaction", 1.0).is_err());
    assert!(knobs::set(&mut scenario, "event:nowhere.tick", 1.0).is_err());
    assert!(knobs::set(&mut scenario, "event:op-freedom.colour", 1.0).is_err());
}
