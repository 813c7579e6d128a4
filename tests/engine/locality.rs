//! Locality measured in ties (shared/design/MODEL-V2.md, principle 6: effects travel along
//! relations, alliances and treaties and fade with each step). After an intervention in a
//! generated world, a nation's answer is judged by its distance from the parties in the
//! couplings through which a step passes a change on (`sim::network::Network::of_couplings`:
//! stored pairs, regions, alliances): two ties away it is at most 1% of what the parties feel,
//! three ties away at most 0.01% (measured over 60 worlds of 200 to 600 nations: at most 0.2% and
//! 0.0002%).

use crate::generated;

use entente::model::generate::{Size, generate};
use entente::sim::network::Network;
use entente::sim::{NationIx, Simulation};
use generated::{at_rest, parties, run, with_intervention, worlds};
use proptest::prelude::*;

/// The largest |ΔS| of each nation over `ticks` between a calm run and one with an
/// intervention of kind `kind` at tick 4, and each nation's distance in couplings from the
/// parties at load.
fn answers_by_distance(
    nations: usize,
    seed: u64,
    kind: usize,
    mandate: bool,
) -> Vec<(Option<u32>, f64)> {
    // Two relations a nation: a world wide enough to have nations three couplings away.
    let scenario = at_rest(generate(
        Size {
            nations,
            relations: 2 * nations,
            alliances: nations / 10,
            treaties: nations / 4,
            events: 0,
            horizon: 120,
        },
        seed,
    ));
    let (target, intervener) = parties(&scenario);
    let acted = with_intervention(&scenario, kind, mandate);
    let (calm, answer) = (run(&scenario, 120), run(&acted, 120));
    let simulation = Simulation::new(&scenario).unwrap();
    let parties = [target, intervener].map(|i| NationIx(i as u32));
    let distances =
        Network::of_couplings(simulation.world(), simulation.current()).distances(&parties);
    (0..nations)
        .map(|i| {
            let moved = (0..=120)
                .map(|t| (answer[t].nations[i].stability - calm[t].nations[i].stability).abs())
                .fold(0.0, f64::max);
            (distances[i], moved)
        })
        .collect()
}

proptest! {
    #![proptest_config(worlds(16))]

    #[test]
    fn an_interventions_answer_fades_with_each_tie(
        nations in 200usize..600,
        seed in 0u64..10_000,
        kind in 0usize..5,
        mandate in any::<bool>(),
    ) {
        let answers = answers_by_distance(nations, seed, kind, mandate);
        let largest = |from: u32| {
            answers
                .iter()
                .filter(|(d, _)| d.is_some_and(|d| d >= from))
                .map(|&(_, moved)| moved)
                .fold(0.0, f64::max)
        };
        let count = |from: u32| answers.iter().filter(|(d, _)| d.is_some_and(|d| d >= from)).count();
        let parties = answers
            .iter()
            .filter(|(d, _)| *d == Some(0))
            .map(|&(_, moved)| moved)
            .fold(0.0, f64::max);
        prop_assert!(parties > 1e-3, "the intervention moved its parties: {parties}");
        prop_assert!(count(3) > 0, "a nation three couplings away");
        prop_assert!(largest(2) <= 1e-2 * parties, "two ties away: {} of {parties}", largest(2));
        prop_assert!(largest(3) <= 1e-4 * parties, "three ties away: {} of {parties}", largest(3));
        // Nations no coupling reaches do not move at all.
        for &(d, moved) in &answers {
            prop_assert!(d.is_some() || moved == 0.0, "an unreachable nation moved {moved}");
        }
    }
}
