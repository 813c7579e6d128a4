//! The performance targets of the issue tracker, one benchmark per row that runs in reasonable
//! time today (`cargo bench --bench targets`). Figures and the rows still missing are in the
//! README's Performance section.

use divan::Bencher;
use entente::app::shown::Shown;
use entente::io::library::EXAMPLES;
use entente::io::{load_str, to_ron_string};
use entente::model::Scenario;
use entente::model::generate::{Size, generate};
use entente::sim::Simulation;
use entente::sim::landscape::Landscape;

/// The app's allocator (see `src/main.rs`), so figures match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The bundled scenario with the most nation-ticks.
fn largest_bundled() -> Scenario {
    EXAMPLES
        .iter()
        .map(|e| load_str(e.text).unwrap())
        .max_by_key(|s| s.nations.len() * s.horizon as usize)
        .unwrap()
}

/// Row 1: a full run of the largest bundled scenario over its horizon (target ≤ 2 ms), keeping
/// every state as the app does (the ledger is recomputed on demand, see `ledger_of_one_tick`).
#[divan::bench]
fn full_run_of_the_largest_bundled_scenario(bencher: Bencher) {
    let scenario = largest_bundled();
    bencher.bench(|| {
        let mut run = Simulation::new(divan::black_box(&scenario)).unwrap();
        run.run_to(scenario.horizon);
        run
    });
}

/// With row 1: the ledger of one tick, recomputed on demand when the why panel or an export asks
/// for it (one step from the kept state before it, with recording on).
#[divan::bench]
fn ledger_of_one_tick(bencher: Bencher) {
    let scenario = largest_bundled();
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    let mut tick = 0;
    bencher.bench_local(|| {
        tick = tick % scenario.horizon + 1;
        run.ledger(divan::black_box(tick))
    });
}

/// Row 4: seeking to a tick of a computed run: what the canvas needs at the cursor (≤ 1 ms).
#[divan::bench]
fn seek_to_a_tick_of_a_computed_run(bencher: Bencher) {
    let scenario = largest_bundled();
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    let mut tick = 0;
    bencher.bench_local(|| {
        tick = (tick + 37) % (scenario.horizon + 1);
        Shown::at(&scenario, Some(&run), divan::black_box(tick))
    });
}

/// Row 5: enumerating the landscape of 20 nations, 2^19 configurations (≤ 100 ms).
#[divan::bench]
fn landscape_enumeration_of_20_nations(bencher: Bencher) {
    let sizes: Vec<f64> = (0..20).map(|i| 0.5 + (i % 7) as f64 * 0.2).collect();
    let pairs: Vec<(usize, usize, f64)> = (0..20)
        .flat_map(|i| {
            (i + 1..20).map(move |j| (i, j, if (i * 7 + j * 3) % 5 < 2 { -0.4 } else { 0.3 }))
        })
        .collect();
    let landscape = Landscape::new(sizes, &pairs);
    bencher.bench(|| divan::black_box(&landscape).minima());
}

/// Row 6: loading and validating a scenario of about 10 MiB (≤ 200 ms).
#[divan::bench(sample_count = 10)]
fn load_and_validate_10_mib(bencher: Bencher) {
    let scenario = generate(
        Size {
            nations: 5000,
            relations: 70_000,
            alliances: 500,
            treaties: 2000,
            events: 6000,
            horizon: 400,
        },
        1,
    );
    let text = to_ron_string(&scenario).unwrap();
    assert!(text.len() > 9 << 20, "{} bytes", text.len());
    bencher.bench(|| load_str(divan::black_box(&text)).unwrap());
}
