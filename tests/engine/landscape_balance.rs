//! Exact checks of the landscape and structural-balance modules (MODEL.md 4; stylized fact 21),
//! on random landscapes and on the landscape of W0 inside a generated world as the model moves it.

use crate::common;

use entente::sim::balance::SignedGraph;
use entente::sim::landscape::{Camps, Landscape, current_camps};
use proptest::prelude::*;

fn landscape_strategy() -> impl Strategy<Value = (Landscape, Vec<bool>)> {
    (3usize..9).prop_flat_map(|n| {
        let pairs = n * (n - 1) / 2;
        (
            proptest::collection::vec(0.1f64..3.0, n),
            proptest::collection::vec(-1.0f64..1.0, pairs),
            proptest::collection::vec(any::<bool>(), n),
        )
            .prop_map(move |(sizes, props, camps)| {
                let mut triples = Vec::new();
                let mut k = 0;
                for i in 0..n {
                    for j in i + 1..n {
                        triples.push((i, j, props[k]));
                        k += 1;
                    }
                }
                (Landscape::new(sizes, &triples), camps)
            })
    })
}

proptest! {
    #[test]
    fn sf21_a_switch_changes_energy_by_twice_the_size_times_the_frustration_change(
        (landscape, camps) in landscape_strategy(),
        who in 0usize..9,
    ) {
        let i = who % landscape.len();
        let mut switched = camps.clone();
        switched[i] = !switched[i];
        let delta_e = landscape.energy(&switched) - landscape.energy(&camps);
        let delta_f = landscape.frustrations(&switched)[i] - landscape.frustrations(&camps)[i];
        prop_assert!((delta_e - 2.0 * landscape.sizes[i] * delta_f).abs() < 1e-9);
    }

    #[test]
    fn sf21_descent_is_monotone_and_ends_in_a_local_minimum((landscape, camps) in landscape_strategy()) {
        let path = landscape.descent_path(&camps);
        for step in path.windows(2) {
            prop_assert!(landscape.energy(&step[1]) < landscape.energy(&step[0]));
        }
        let end = path.last().unwrap();
        prop_assert!(landscape.incentives(end).iter().all(|&z| z <= 1e-12));
    }

    #[test]
    fn enumeration_covers_every_configuration((landscape, _) in landscape_strategy()) {
        let minima = landscape.minima().unwrap();
        let total: f64 = minima.iter().map(|m| m.basin).sum();
        prop_assert!((total - 1.0).abs() < 1e-12);
        for minimum in &minima {
            prop_assert!(landscape.incentives(&minimum.camps).iter().all(|&z| z <= 1e-12));
            prop_assert!(!minimum.camps[0], "camp labels are normalised");
        }
    }
}

/// Stylized fact 21 on one landscape: every single switch from `camps` changes E by 2·s_i·ΔF_i,
/// and steepest descent from it lowers E at every step and ends where no nation wavers.
fn assert_sf21(landscape: &Landscape, camps: &Camps) {
    let energy = landscape.energy(camps);
    let frustrations = landscape.frustrations(camps);
    let tolerance = 1e-9 * (1.0 + energy.abs());
    for i in 0..landscape.len() {
        let mut switched = camps.clone();
        switched[i] = !switched[i];
        let delta_e = landscape.energy(&switched) - energy;
        let delta_f = landscape.frustrations(&switched)[i] - frustrations[i];
        assert!(
            (delta_e - 2.0 * landscape.sizes[i] * delta_f).abs() < tolerance,
            "nation {i}: ΔE {delta_e} vs 2·s·ΔF {}",
            2.0 * landscape.sizes[i] * delta_f
        );
    }
    let path = landscape.descent_path(camps);
    for step in path.windows(2) {
        assert!(landscape.energy(&step[1]) < landscape.energy(&step[0]));
    }
    let end = path.last().unwrap();
    assert!(landscape.incentives(end).iter().all(|&z| z <= 1e-12));
}

#[test]
fn sf21_holds_on_the_landscape_of_w0_inside_a_generated_world() {
    // W0 and its miscalibrated regime change inside 120 generated nations: the landscape of
    // the relations the model produces, at load and after the intervention has moved them.
    let scenario = common::embed(&common::w0(common::MISCALIBRATED_REGIME_CHANGE), 120, 7);
    let run = common::Run::new(&scenario, 24);
    assert!(run.world.nation_count() > 100);
    let mut descents = 0;
    for tick in [0, 24] {
        let state = &run.states[tick];
        let landscape = Landscape::of_state(&run.world, state);
        assert!(landscape.minima().is_none(), "too large to enumerate");
        let n = landscape.len();
        let starts: [Camps; 3] = [
            current_camps(&run.world, state),
            (0..n).map(|i| i % 2 == 1).collect(),
            (0..n).map(|i| (i * 7 + 3) % 5 < 2).collect(),
        ];
        for camps in &starts {
            assert_sf21(&landscape, camps);
            descents += usize::from(landscape.descent_path(camps).len() > 1);
        }
    }
    assert!(descents > 0, "some start is not already a minimum");
}

#[test]
fn a_complete_signed_graph_has_two_to_the_n_minus_one_balanced_patterns() {
    for n in 3..=6 {
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
        let balanced = (0..1u32 << pairs.len())
            .filter(|mask| {
                let graph = SignedGraph::from_relations(
                    n,
                    pairs
                        .iter()
                        .enumerate()
                        .map(|(k, &(i, j))| (i, j, if mask >> k & 1 == 1 { 1.0 } else { -1.0 })),
                );
                graph.triangle_index() == 1.0
            })
            .count();
        assert_eq!(balanced, 1 << (n - 1), "K_{n}");
    }
}

#[test]
fn the_frustration_index_of_an_all_hostile_complete_graph() {
    let choose2 = |k: usize| k * k.saturating_sub(1) / 2;
    for n in 2..=10 {
        let graph = SignedGraph::from_relations(
            n,
            (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j, -1.0))),
        );
        let expected = choose2(n.div_ceil(2)) + choose2(n / 2);
        assert_eq!(graph.frustration_index(), Some(expected), "K_{n}");
    }
}
