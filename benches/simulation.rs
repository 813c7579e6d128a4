//! Speed of loading and simulating scenarios (`cargo bench`).

use divan::Bencher;
use entente::io::library::EXAMPLES;
use entente::io::{load_str, to_ron_string};
use entente::model::{Nation, Region, Relation, Scenario};
use entente::sim;

fn main() {
    divan::main();
}

/// A synthetic world of `n` nations in regions of 10, each related to its ring neighbours.
fn synthetic(n: usize) -> Scenario {
    let mut scenario = load_str(entente::io::library::example("blank").unwrap().text).unwrap();
    scenario.regions = (0..n.div_ceil(10))
        .map(|r| Region {
            id: format!("r{r}").as_str().into(),
            name: format!("Region {r}").as_str().into(),
        })
        .collect();
    scenario.proximity.clear();
    scenario.layout.positions.clear();
    scenario.nations = (0..n)
        .map(|i| {
            let mut nation = Nation::new(&format!("n{i}"), &format!("r{}", i / 10));
            nation.stability = 0.4 + 0.4 * ((i * 7919) % 100) as f64 / 100.0;
            nation.armed_groups = 0.02 + 0.1 * ((i * 104_729) % 100) as f64 / 100.0;
            nation
        })
        .collect();
    scenario.relations = (0..n)
        .flat_map(|i| {
            [1, 3].map(move |step| Relation {
                a: format!("n{i}").as_str().into(),
                b: format!("n{}", (i + step) % n).as_str().into(),
                relation: if (i + step) % 3 == 0 { -0.4 } else { 0.3 },
                trust: 0.5,
            })
        })
        .collect();
    scenario
}

#[divan::bench]
fn load_default_scenario() -> Scenario {
    load_str(divan::black_box(EXAMPLES[0].text)).unwrap()
}

#[divan::bench]
fn save_default_scenario(bencher: Bencher) {
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    bencher.bench(|| to_ron_string(divan::black_box(&scenario)).unwrap());
}

#[divan::bench(args = [false, true])]
fn run_default_scenario_80_ticks(bencher: Bencher, ledger: bool) {
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    bencher.bench(|| {
        let (world, mut state) = sim::start(&scenario, scenario.seed).unwrap();
        for _ in 0..80 {
            divan::black_box(sim::step::step(&world, &mut state, ledger));
        }
        state
    });
}

#[divan::bench(args = [100, 1000])]
fn one_tick_of_a_synthetic_world(bencher: Bencher, nations: usize) {
    let scenario = synthetic(nations);
    let (world, state) = sim::start(&scenario, 1).unwrap();
    bencher
        .with_inputs(|| state.clone())
        .bench_local_refs(|state| sim::step::step(&world, state, false));
}
