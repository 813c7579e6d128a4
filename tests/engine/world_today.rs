//! The world today (`assets/scenarios/world-today.ron`): every state of the COW system in the UN
//! geoscheme's 22 regions. It loads clean, the stability report calls it stable, it stands still
//! without events, its capabilities are the published NMC figures, and a crisis in one region
//! moves that region and its allies' while the regions far from it stay still.

use entente::io::library::example;
use entente::io::load_str;
use entente::model::{Action, Event, Intervention, InterventionKind, LegalBasis, Scenario};
use entente::sim::Simulation;
use entente::sim::stability::{Options, analyse};

fn world() -> Scenario {
    load_str(example("world-today").expect("in the library").text).expect("loads")
}

#[test]
fn the_world_loads_clean_and_the_report_calls_it_stable() {
    let scenario = world();
    assert!(entente::model::validate(&scenario).is_empty());
    assert!(scenario.nations.len() >= 193, "{}", scenario.nations.len());
    assert_eq!(scenario.regions.len(), 22);
    // Every nation has a place on the canvas, inside its region's cluster.
    for nation in &scenario.nations {
        assert!(
            scenario.layout.positions.contains_key(&nation.id),
            "{} has no position",
            nation.id
        );
    }
    let simulation = Simulation::new(&scenario).unwrap();
    let report = analyse(simulation.world(), simulation.current(), Options::default());
    assert!(
        report.is_stable(),
        "{}",
        report.sentence(simulation.world())
    );
    // Where the numbers come from is said.
    let sources: String = scenario.meta.sources.iter().map(|s| s.0.as_str()).collect();
    for needed in [
        "National Material Capabilities",
        "North Atlantic Treaty",
        "Collective Security Treaty",
        "ANZUS",
        "Inter-American Treaty of Reciprocal Assistance",
        "M49",
        "SIPRI",
    ] {
        assert!(sources.contains(needed), "no source for {needed}");
    }
    assert!(
        scenario
            .meta
            .description
            .0
            .contains("teaching approximation")
    );
}

/// Every nation of every bundled scenario, this one included, stands still for 200 ticks
/// without events (`engine_skeleton`); here the regions the plot draws do too.
#[test]
fn without_events_every_region_stands_still_for_the_horizon() {
    let scenario = world();
    assert!(scenario.events.is_empty());
    let mut simulation = Simulation::new(&scenario).unwrap();
    simulation.run_to(scenario.horizon);
    let states = simulation.collect_states();
    let (first, last) = (&states[0], states.last().unwrap());
    for (x, y) in first.region_stability.iter().zip(&last.region_stability) {
        assert!((x - y).abs() < 1e-9, "a region moved from {x} to {y}");
    }
}

/// COW NMC v6.0 for 2016, as shipped beside the script that builds the world: (stateabb, cinc).
fn nmc_cinc(stateabb: &str) -> f64 {
    let text = include_str!("../../docs/world-today/nmc-v6-2016.csv");
    let row = text
        .lines()
        .find(|line| line.starts_with(&format!("{stateabb},")))
        .unwrap_or_else(|| panic!("{stateabb} not in the NMC file"));
    row.rsplit(',').next().unwrap().parse().unwrap()
}

#[test]
fn capabilities_are_forty_times_the_published_cinc() {
    let scenario = world();
    let capability = |id: &str| {
        scenario
            .nations
            .iter()
            .find(|n| n.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} missing"))
            .capability
    };
    for (iso, cow) in [
        ("USA", "USA"),
        ("CHN", "CHN"),
        ("RUS", "RUS"),
        ("IND", "IND"),
        ("GBR", "UKG"),
        ("DEU", "GMY"),
        ("EST", "EST"),
        ("BRA", "BRA"),
        ("NGA", "NIG"),
    ] {
        let expected = (40.0 * nmc_cinc(cow) * 1e4).round() / 1e4;
        assert!(
            (capability(iso) - expected.max(0.005)).abs() < 1e-9,
            "{iso}: {} against 40 × CINC {expected}",
            capability(iso)
        );
    }
}

/// The world with one intervention at tick 4.
fn with_crisis(kind: InterventionKind, by: &str, target: &str, basis: LegalBasis) -> Scenario {
    let mut scenario = world();
    let mut op = Intervention::new("crisis".into(), kind, vec![by.into()], target.into());
    op.legal_basis = basis;
    op.troops_per_1000 = 2.0;
    op.duration = 4;
    scenario
        .events
        .push(Event::new(4, Action::Intervention(op)));
    assert!(entente::model::validate(&scenario).is_empty());
    scenario
}

/// Each region's largest distance from its level at rest over the horizon, by region id.
fn largest_moves(scenario: &Scenario) -> Vec<(String, f64)> {
    let mut simulation = Simulation::new(scenario).unwrap();
    simulation.run_to(scenario.horizon);
    let states = simulation.collect_states();
    scenario
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let rest = states[0].region_stability[r];
            let moved = states
                .iter()
                .map(|s| (s.region_stability[r] - rest).abs())
                .fold(0.0, f64::max);
            (region.id.to_string(), moved)
        })
        .collect()
}

#[test]
fn a_strike_in_the_baltic_moves_europe_and_leaves_the_far_regions_nearly_still() {
    let moves = largest_moves(&with_crisis(
        InterventionKind::PreventiveStrike,
        "RUS",
        "EST",
        LegalBasis::NoMandate,
    ));
    let moved = |id: &str| moves.iter().find(|(r, _)| r == id).unwrap().1;
    // Russia and NATO's eastern members are drawn in: Eastern Europe falls by a few hundredths.
    assert!(moved("eastern-europe") > 0.01, "{moves:?}");
    for far in [
        "south-america",
        "central-america",
        "caribbean",
        "eastern-africa",
        "middle-africa",
        "southern-africa",
        "western-africa",
        "south-eastern-asia",
        "melanesia",
        "micronesia",
        "polynesia",
    ] {
        assert!(moved(far) < 0.002, "{far} moved {}", moved(far));
    }
}

#[test]
fn a_mandated_mission_in_somalia_stays_a_small_answer_in_its_region() {
    let moves = largest_moves(&with_crisis(
        InterventionKind::Peacekeeping,
        "USA",
        "SOM",
        LegalBasis::Unsc,
    ));
    for (region, moved) in &moves {
        let limit = if region == "eastern-africa" || region == "northern-america" {
            0.02
        } else {
            0.002
        };
        assert!(*moved < limit, "{region} moved {moved}");
    }
}
