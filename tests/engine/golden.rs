//! Golden run summaries: the regional stability of every bundled scenario at every tick, at
//! fixed precision. A change to the model shows up here as a diff to review; regenerate with
//! `ENTENTE_BLESS=1 cargo test --test golden` only when the change is intended.

use entente::io::csv_export::fixed;
use entente::io::library::EXAMPLES;

fn summary(text: &str) -> String {
    let scenario = entente::io::load_str(text).unwrap();
    let mut simulation = entente::sim::Simulation::new(&scenario).unwrap();
    simulation.run_to(scenario.horizon);
    let world = simulation.world();
    let mut out = String::from("tick,region,stability\n");
    for state in simulation.collect_states() {
        for (r, region) in world.regions.iter().enumerate() {
            out.push_str(&format!(
                "{},{},{}\n",
                state.tick,
                region.id,
                fixed(state.region_stability[r], 6)
            ));
        }
    }
    out
}

#[test]
fn bundled_scenarios_match_their_golden_summaries() {
    for example in EXAMPLES {
        let path = format!("tests/golden/{}.csv", example.name);
        let actual = summary(example.text);
        if std::env::var_os("ENTENTE_BLESS").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{path} differs; review the change and regenerate with ENTENTE_BLESS=1"
        );
    }
}
