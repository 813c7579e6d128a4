//! The stability report (docs/MODEL.md, "The stability report") on worlds it has never seen: it
//! calls every default-parameter generated world of 5 to 1,000 nations stable, inside the bound
//! the small-gain certificate gives every world, and finds a Richardson runaway when one is set
//! up, naming its two nations.

use crate::generated;

use entente::model::Scenario;
use entente::sim::Simulation;
use entente::sim::small_gain::Certificate;
use entente::sim::stability::{Options, analyse};
use generated::{at_rest, world, worlds};
use proptest::prelude::*;

proptest! {
    #![proptest_config(worlds(24))]

    #[test]
    fn the_report_calls_every_default_world_stable(nations in 5usize..60, seed in 0u64..10_000) {
        let simulation = Simulation::new(&world(nations, seed, 0, 80)).unwrap();
        let report = analyse(simulation.world(), simulation.current(), Options::default());
        prop_assert!(report.is_stable(), "{}", report.sentence(simulation.world()));
        // The world's slowest mode lies inside the bound the small-gain certificate gives every
        // world with these parameters.
        let certificate = Certificate::of(&simulation.world().params);
        prop_assert!(certificate.holds());
        let modulus = report.dominant().unwrap().modulus();
        prop_assert!(modulus <= certificate.bound() + 1e-6, "{modulus} > {}", certificate.bound());
    }
}

#[test]
fn the_report_calls_large_default_worlds_stable() {
    for (nations, seed) in [(200, 21), (1000, 22)] {
        let simulation = Simulation::new(&world(nations, seed, 0, 80)).unwrap();
        let report = analyse(simulation.world(), simulation.current(), Options::default());
        assert!(
            report.is_stable(),
            "{}",
            report.sentence(simulation.world())
        );
        // The slowest disturbance does fade, measurably.
        assert!(report.dominant().unwrap().rate() < -0.001);
    }
}

/// Two fully hostile states whose fear beats their fatigue (k > a, Richardson's runaway), alone or
/// in a region of their own inside a generated world.
fn runaway(inside: Option<usize>) -> Scenario {
    let mut scenario = match inside {
        Some(nations) => at_rest(world(nations, 5, 0, 80)),
        None => at_rest(world(5, 5, 0, 80)),
    };
    if inside.is_none() {
        scenario.nations.clear();
        scenario.relations.clear();
        scenario.alliances.clear();
        scenario.treaties.clear();
    }
    scenario.params.reaction_k = Some(0.3);
    scenario.params.fatigue_a = Some(0.2);
    scenario.params.trust_threat_damping = Some(0.0);
    scenario.regions.push(entente::model::Region {
        id: "duel".into(),
        name: "Duel".into(),
    });
    for (id, name) in [("A", "Atlantis"), ("B", "Borduria")] {
        let mut nation = entente::model::Nation::new(id, "duel");
        nation.name = name.into();
        nation.economy = 10.0;
        nation.defence_share = 0.02;
        scenario.nations.push(nation);
    }
    scenario.relations.push(entente::model::Relation {
        a: "A".into(),
        b: "B".into(),
        relation: -1.0,
        trust: 0.5,
    });
    scenario.layout.positions.clear();
    scenario
}

#[test]
fn the_report_names_nations_without_a_display_name_by_their_ids() {
    // A teacher's hand-written file may leave names out.
    let mut scenario = runaway(None);
    for nation in &mut scenario.nations {
        nation.name = "".into();
    }
    let simulation = Simulation::new(&scenario).unwrap();
    let world = simulation.world();
    let report = analyse(world, simulation.current(), Options::default());
    let sentence = report.sentence(world);
    assert!(
        sentence.contains("A and B") || sentence.contains("B and A"),
        "{sentence}"
    );
    let details = report.details(world).join("\n");
    assert!(
        details.contains("of A") || details.contains("of B"),
        "{details}"
    );
}

#[test]
fn the_report_finds_a_richardson_runaway_and_names_its_two_nations() {
    for inside in [None, Some(60)] {
        let scenario = runaway(inside);
        let simulation = Simulation::new(&scenario).unwrap();
        let world = simulation.world();
        let report = analyse(world, simulation.current(), Options::default());
        assert!(!report.is_stable(), "{inside:?}");
        let sentence = report.sentence(world);
        assert!(sentence.starts_with("UNSTABLE"), "{sentence}");
        assert!(
            sentence.contains("Atlantis") && sentence.contains("Borduria"),
            "{sentence}"
        );
        assert!(sentence.contains("the arms race"), "{sentence}");
        // Richardson: the symmetric mode of x' = x + k·y − a·x grows by k − a = 10% a tick.
        let rate = report.dominant().unwrap().rate();
        assert!((0.09..0.11).contains(&rate), "{rate}");
    }
}
