//! Exact checks of the landscape and structural-balance modules (MODEL.md 4; stylized fact 21).

use entente::sim::balance::SignedGraph;
use entente::sim::landscape::Landscape;
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
