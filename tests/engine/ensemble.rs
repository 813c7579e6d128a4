//! Ensembles (`sim::ensemble`): the same scenario and seeds give the same bytes whatever the
//! number of threads; each seed's values are that seed's run; the percentiles are ordered;
//! without random events every seed is the same run; a cancelled ensemble gives nothing.

use std::sync::atomic::Ordering;

use crate::generated::world;
use entente::io::csv_export::ensemble_csv;
use entente::sim::Simulation;
use entente::sim::ensemble::{Control, run};

fn random(nations: usize, seed: u64) -> entente::model::Scenario {
    let mut scenario = world(nations, seed, 6, 30);
    scenario.settings.random_events = true;
    scenario
}

fn control(threads: usize) -> Control {
    Control {
        threads,
        ..Control::default()
    }
}

#[test]
fn the_same_seeds_give_the_same_bytes_on_any_number_of_threads() {
    for (nations, seed) in [(10, 3), (24, 11)] {
        let scenario = random(nations, seed);
        let reference = ensemble_csv(&run(&scenario, 12, &control(1)).unwrap().unwrap());
        for threads in [2, 3, 0] {
            let again = ensemble_csv(&run(&scenario, 12, &control(threads)).unwrap().unwrap());
            assert!(again == reference, "{nations} nations, {threads} threads");
        }
        assert!(reference.starts_with("tick,subject,variable,p05,p25,p50,p75,p95,mean\n"));
    }
}

#[test]
fn each_seed_is_its_own_run_and_the_bands_are_ordered() {
    let scenario = random(16, 5);
    let control = control(2);
    let ensemble = run(&scenario, 9, &control).unwrap().unwrap();
    assert_eq!(control.done.load(Ordering::Relaxed), 9);
    assert_eq!(ensemble.seeds[0], scenario.seed);
    let regions = scenario.regions.len();
    for k in [0, 4, 8] {
        let mut alone = Simulation::with_seed(&scenario, ensemble.seeds[k]).unwrap();
        alone.run_to(30);
        let state = alone.state(30).unwrap();
        assert_eq!(ensemble.value(k, 30, 0), state.region_stability[0]);
        assert_eq!(ensemble.value(k, 30, regions), state.nations[0].stability);
    }
    let mut spread = 0.0_f64;
    for tick in [0, 10, 30] {
        for column in 0..ensemble.followed.len() {
            let b = ensemble.band(tick, column);
            assert!(b.p05 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95);
            assert!(b.mean.is_finite());
            spread = spread.max(b.p95 - b.p05);
        }
    }
    assert!(spread > 0.0, "random events make the seeds differ");
}

#[test]
fn without_random_events_every_seed_is_the_same_run_and_cancel_stops() {
    let mut scenario = random(12, 2);
    scenario.settings.random_events = false;
    let ensemble = run(&scenario, 5, &control(2)).unwrap().unwrap();
    for column in 0..ensemble.followed.len() {
        let b = ensemble.band(30, column);
        assert_eq!(b.p05, b.p95);
    }
    let cancelled = control(2);
    cancelled.cancel.store(true, Ordering::Relaxed);
    assert!(run(&scenario, 5, &cancelled).unwrap().is_none());
}
