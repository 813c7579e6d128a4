//! Property tests on random scenarios: no NaN or infinity ever enters the state, every bounded
//! variable stays in bounds, and the ledger's terms sum to every change within 1e-12.

use entente::model::{
    Action, Attribute, Event, InterventionKind, LegalBasis, Nation, Region, Relation, Scenario,
};
use proptest::prelude::*;

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    (2usize..8).prop_flat_map(|n| {
        (
            proptest::collection::vec(
                (
                    0.05f64..5.0,
                    0.0f64..0.2,
                    0.0f64..4.0,
                    0.0f64..1.0,
                    0.0f64..1.0,
                    0.05f64..1.0,
                    0.0f64..0.6,
                    0.0f64..0.8,
                    -1.0f64..1.0,
                    0.0f64..1.0,
                ),
                n,
            ),
            proptest::collection::vec(
                (0usize..n, 0usize..n, -1.0f64..1.0, 0.01f64..0.99),
                0..n * 2,
            ),
            proptest::collection::vec(
                (
                    0u32..30,
                    0usize..6,
                    0usize..n,
                    0usize..n,
                    0.0f64..1.0,
                    0.0f64..25.0,
                ),
                0..6,
            ),
        )
            .prop_map(move |(nations, relations, events)| build(n, nations, relations, events))
    })
}

type NationValues = (f64, f64, f64, f64, f64, f64, f64, f64, f64, f64);

fn build(
    n: usize,
    nations: Vec<NationValues>,
    relations: Vec<(usize, usize, f64, f64)>,
    events: Vec<(u32, usize, usize, usize, f64, f64)>,
) -> Scenario {
    let mut scenario =
        entente::io::load_str(include_str!("../../assets/scenarios/blank.ron")).unwrap();
    scenario.regions = vec![
        Region {
            id: "r0".into(),
            name: "R0".into(),
        },
        Region {
            id: "r1".into(),
            name: "R1".into(),
        },
    ];
    scenario.layout.positions.clear();
    scenario.proximity = vec![entente::model::Proximity("r0".into(), "r1".into(), 0.5)];
    scenario.nations = nations
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut nation = Nation::new(&format!("n{i}"), if i % 2 == 0 { "r0" } else { "r1" });
            (nation.economy, nation.defence_share, nation.capability) = (v.0, v.1, v.2);
            (nation.stability, nation.legitimacy, nation.capacity) = (v.3, v.4, v.5);
            (
                nation.armed_groups,
                nation.grievance,
                nation.ideology,
                nation.democracy,
            ) = (v.6, v.7, v.8, v.9);
            nation
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    scenario.relations = relations
        .into_iter()
        .filter(|&(a, b, _, _)| a != b && seen.insert((a.min(b), a.max(b))))
        .map(|(a, b, relation, trust)| Relation {
            a: format!("n{a}").as_str().into(),
            b: format!("n{b}").as_str().into(),
            relation,
            trust,
        })
        .collect();
    let kinds = InterventionKind::ALL;
    scenario.events = events
        .into_iter()
        .enumerate()
        .filter(|&(_, (_, _, a, b, _, _))| a != b || n == 1)
        .map(|(k, (tick, kind, a, b, x, troops))| {
            let (a, b) = (format!("n{a}"), format!("n{b}"));
            let action = match kind {
                0..=4 => Action::Intervention(entente::model::Intervention {
                    id: format!("op{k}").as_str().into(),
                    kind: kinds[kind],
                    interveners: vec![a.as_str().into()],
                    target: b.as_str().into(),
                    legal_basis: if x > 0.5 {
                        LegalBasis::Unsc
                    } else {
                        LegalBasis::NoMandate
                    },
                    post_conflict_planning: x,
                    local_engagement: 1.0 - x,
                    troops_per_1000: troops,
                    duration: 1 + (troops as u32 % 12),
                    drawdown: Default::default(),
                    side: Default::default(),
                    host_consent: x > 0.3,
                    strike_intensity: x,
                    regime_change_goal: kinds[kind] == InterventionKind::CoalitionOperation
                        && x > 0.5,
                }),
                _ => Action::SetAttribute {
                    nation: b.as_str().into(),
                    attribute: Attribute::ArmedGroups,
                    value: x,
                    structural: false,
                },
            };
            Event::new(tick, action)
        })
        .collect();
    scenario
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_worlds_stay_finite_bounded_and_explained(scenario in scenario_strategy()) {
        let (world, mut state) = entente::sim::start(&scenario, 7).unwrap();
        for _ in 0..40 {
            let ledger = entente::sim::step::step(&world, &mut state, true);
            for change in &ledger.changes {
                let sum: f64 = change.terms.iter().map(|t| t.value).sum();
                prop_assert!(change.after.is_finite(), "{} {:?}", change.var, change.entity);
                prop_assert!((sum - change.delta()).abs() < 1e-12, "{} {:?}: {sum} vs {}", change.var, change.entity, change.delta());
            }
            for x in &state.nations {
                for v in [x.stability, x.legitimacy, x.capacity, x.armed_groups, x.grievance, x.presence, x.democracy] {
                    prop_assert!((0.0..=1.0).contains(&v), "{v}");
                }
                prop_assert!((-1.0..=1.0).contains(&x.ideology));
                prop_assert!(x.economy.is_finite() && x.economy > 0.0);
                prop_assert!(x.effort.is_finite() && x.effort >= 0.0);
                prop_assert!(x.capability.is_finite() && x.capability >= 0.0);
            }
            for d in state.dyads.iter() {
                prop_assert!((-1.0..=1.0).contains(&d.relation));
                prop_assert!((0.0..=1.0).contains(&d.trust) && (0.0..=1.0).contains(&d.fighting));
            }
            for a in &state.alliances {
                for &(_, omega) in &a.members {
                    prop_assert!((0.0..=1.0).contains(&omega));
                }
            }
            for v in &state.region_stability {
                prop_assert!((0.0..=1.0).contains(v));
            }
        }
    }
}
