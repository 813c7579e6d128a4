//! Random sequences of edits, undos and redos through the document model, with the run computed
//! part-way in between: whatever the sequence, the scenario stays valid, the run stays finite and
//! in bounds with a ledger that explains every change, and the document's run equals a fresh run
//! of the scenario it ends with (so reusing computed ticks after an edit never shows stale ones).

use std::time::Duration;

use entente::editor::document::Document;
use entente::editor::edit::Edit;
use entente::model::{
    Action, Alliance, Attribute, Event, Intervention, InterventionKind, LegalBasis, Nation,
    Scenario, Settings, Text, Treaty, TreatyKind,
};
use entente::sim::{Simulation, State};
use proptest::prelude::*;

/// One step of a session, with its targets given as indices resolved against the scenario of
/// the moment (so every sequence names nations that exist).
#[derive(Clone, Debug)]
enum Op {
    Attribute(usize, usize, f64),
    Relation(usize, usize, f64, f64),
    RemoveRelation(usize),
    Alliance(usize, usize, bool),
    RemoveAlliance(usize),
    Treaty(usize, usize, usize, f64),
    RemoveTreaty(usize),
    Intervention(u32, usize, usize, usize, f64, f64),
    Leadership(u32, usize, f64),
    MoveEvent(usize, u32),
    RemoveEvent(usize),
    AddNation(usize),
    RemoveNation(usize),
    Horizon(u32),
    Settings(bool, bool),
    Undo,
    Redo,
    /// Compute the run for a little while (part of it, as the app does frame by frame).
    Compute,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), 0usize..8, -0.5f64..1.5).prop_map(|(n, a, v)| Op::Attribute(n, a, v)),
        (any::<usize>(), any::<usize>(), -1.2f64..1.2, 0.0f64..1.0)
            .prop_map(|(a, b, r, t)| Op::Relation(a, b, r, t)),
        any::<usize>().prop_map(Op::RemoveRelation),
        (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(a, b, c)| Op::Alliance(a, b, c)),
        any::<usize>().prop_map(Op::RemoveAlliance),
        (any::<usize>(), any::<usize>(), 0usize..6, 0.1f64..1.0)
            .prop_map(|(a, b, k, s)| Op::Treaty(a, b, k, s)),
        any::<usize>().prop_map(Op::RemoveTreaty),
        (
            0u32..40,
            any::<usize>(),
            any::<usize>(),
            0usize..5,
            0.0f64..1.0,
            0.5f64..25.0
        )
            .prop_map(|(t, a, b, k, x, f)| Op::Intervention(t, a, b, k, x, f)),
        (0u32..40, any::<usize>(), -0.8f64..0.8).prop_map(|(t, n, s)| Op::Leadership(t, n, s)),
        (any::<usize>(), 0u32..40).prop_map(|(e, t)| Op::MoveEvent(e, t)),
        any::<usize>().prop_map(Op::RemoveEvent),
        any::<usize>().prop_map(Op::AddNation),
        any::<usize>().prop_map(Op::RemoveNation),
        (1u32..60).prop_map(Op::Horizon),
        (any::<bool>(), any::<bool>()).prop_map(|(r, a)| Op::Settings(r, a)),
        Just(Op::Undo),
        Just(Op::Redo),
        Just(Op::Compute),
        Just(Op::Compute),
    ]
}

const ATTRIBUTES: [Attribute; 8] = [
    Attribute::Stability,
    Attribute::Economy,
    Attribute::Capability,
    Attribute::Legitimacy,
    Attribute::Capacity,
    Attribute::ArmedGroups,
    Attribute::Grievance,
    Attribute::Ideology,
];

/// The edit an op stands for in `scenario`, if it can stand for one.
fn edit(scenario: &Scenario, op: &Op, serial: usize) -> Option<Edit> {
    let nations = &scenario.nations;
    let nation = |k: usize| nations[k % nations.len()].id.clone();
    let pair = |a: usize, b: usize| {
        let (x, y) = (a % nations.len(), b % nations.len());
        (x != y).then(|| (nations[x].id.clone(), nations[y].id.clone()))
    };
    Some(match *op {
        Op::Attribute(n, a, value) => Edit::SetAttribute {
            nation: nation(n),
            attribute: ATTRIBUTES[a],
            value,
        },
        Op::Relation(a, b, relation, trust) => {
            let (a, b) = pair(a, b)?;
            Edit::SetRelation {
                a,
                b,
                relation,
                trust,
            }
        }
        Op::RemoveRelation(k) => {
            let relation = scenario
                .relations
                .get(k % scenario.relations.len().max(1))?;
            Edit::RemoveRelation {
                a: relation.a.clone(),
                b: relation.b.clone(),
            }
        }
        Op::Alliance(a, b, collective_defence) => {
            let (a, b) = pair(a, b)?;
            Edit::AddAlliance(Alliance {
                id: format!("pact-{serial}").as_str().into(),
                name: Text(format!("Pact {serial}")),
                members: vec![a, b],
                collective_defence,
            })
        }
        Op::RemoveAlliance(k) => Edit::RemoveAlliance(
            scenario
                .alliances
                .get(k % scenario.alliances.len().max(1))?
                .id
                .clone(),
        ),
        Op::Treaty(a, b, kind, strength) => {
            let (a, b) = pair(a, b)?;
            let mut treaty = Treaty::new(
                format!("treaty-{serial}").as_str().into(),
                TreatyKind::BETWEEN_PARTIES[kind],
                vec![a, b],
            );
            treaty.strength = strength;
            Edit::AddTreaty(treaty)
        }
        Op::RemoveTreaty(k) => Edit::RemoveTreaty(
            scenario
                .treaties
                .get(k % scenario.treaties.len().max(1))?
                .id
                .clone(),
        ),
        Op::Intervention(tick, a, b, kind, x, troops) => {
            let (intervener, target) = pair(a, b)?;
            let mut op = Intervention::new(
                format!("op-{serial}").as_str().into(),
                InterventionKind::ALL[kind],
                vec![intervener],
                target,
            );
            op.legal_basis = if x > 0.5 {
                LegalBasis::Unsc
            } else {
                LegalBasis::NoMandate
            };
            op.post_conflict_planning = x;
            op.local_engagement = 1.0 - x;
            op.troops_per_1000 = troops;
            op.host_consent = x > 0.3;
            Edit::ScheduleEvent(Event::new(tick, Action::Intervention(op)))
        }
        Op::Leadership(tick, n, shift) => Edit::ScheduleEvent(Event::new(
            tick,
            Action::LeadershipChange {
                nation: nation(n),
                leader: Text(format!("Leader {serial}")),
                ideology_shift: shift,
                democracy_shift: -shift / 2.0,
            },
        )),
        Op::MoveEvent(k, tick) => {
            let index = k % scenario.events.len().max(1);
            let mut event = scenario.events.get(index)?.clone();
            event.tick = tick;
            Edit::UpdateEvent {
                handle: event.handle,
                event,
            }
        }
        Op::RemoveEvent(k) => {
            let index = k % scenario.events.len().max(1);
            Edit::RemoveEvent(scenario.events.get(index)?.handle)
        }
        Op::AddNation(k) => {
            let region = &scenario.regions[k % scenario.regions.len()];
            Edit::AddNation {
                nation: Nation::new(&format!("new-{serial}"), region.id.as_str()),
                position: (serial as f32, 0.0),
            }
        }
        Op::RemoveNation(k) => Edit::RemoveNations(vec![nation(k)]),
        Op::Horizon(ticks) => Edit::SetHorizon(ticks),
        Op::Settings(random_events, autonomous_states) => Edit::SetSettings(Settings {
            random_events,
            autonomous_states,
            ..scenario.settings
        }),
        Op::Undo | Op::Redo | Op::Compute => return None,
    })
}

/// The scenario a session starts from: the default one, or a small generated world.
fn starting_scenario(choice: u64) -> Scenario {
    if choice == 0 {
        return entente::io::load_str(entente::io::library::default_example().text).unwrap();
    }
    let nations = 3 + 2 * choice as usize;
    let size = entente::model::generate::Size {
        nations,
        relations: nations * 2,
        alliances: 2,
        treaties: 3,
        events: 8,
        horizon: 40,
    };
    entente::model::generate::generate(size, choice)
}

fn in_bounds(state: &State) -> Result<(), String> {
    for x in &state.nations {
        for v in [
            x.stability,
            x.legitimacy,
            x.capacity,
            x.armed_groups,
            x.grievance,
            x.presence,
            x.democracy,
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("nation variable {v} out of [0, 1]"));
            }
        }
        if !((-1.0..=1.0).contains(&x.ideology)
            && x.economy.is_finite()
            && x.economy > 0.0
            && x.effort.is_finite()
            && x.effort >= 0.0
            && x.capability.is_finite()
            && x.capability >= 0.0)
        {
            return Err(format!("nation out of bounds: {x:?}"));
        }
    }
    for d in state.dyads.iter() {
        if !((-1.0..=1.0).contains(&d.relation)
            && (0.0..=1.0).contains(&d.trust)
            && (0.0..=1.0).contains(&d.fighting))
        {
            return Err(format!("pair out of bounds: {d:?}"));
        }
    }
    if !state
        .region_stability
        .iter()
        .all(|v| (0.0..=1.0).contains(v))
    {
        return Err(format!(
            "regional index out of [0, 1]: {:?}",
            state.region_stability
        ));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_edits_and_undos_gives_the_run_of_its_scenario(
        start in 0u64..6,
        ops in proptest::collection::vec(op(), 1..14),
    ) {
        let mut document = Document::unchanged(starting_scenario(start));
        for (serial, op) in ops.iter().enumerate() {
            match op {
                Op::Undo => {
                    document.undo();
                }
                Op::Redo => {
                    document.redo();
                }
                Op::Compute => {
                    document.compute(Duration::from_micros(300));
                }
                op => {
                    if let Some(edit) = edit(document.scenario(), op, serial) {
                        // An invalid edit is refused and changes nothing; both are fine here.
                        let before = document.scenario().clone();
                        if document.apply(&edit, None).is_err() {
                            prop_assert_eq!(document.scenario(), &before);
                        }
                    }
                }
            }
            let problems = entente::model::validate(document.scenario());
            prop_assert!(problems.is_empty(), "after {:?}: {:?}", op, problems);
        }
        document.compute_all();
        let scenario = document.scenario().clone();
        let run = document.simulation().expect("a valid scenario runs");
        let mut fresh = Simulation::new(&scenario).unwrap();
        fresh.run_to(scenario.horizon);
        let (kept, expected) = (run.collect_states(), fresh.collect_states());
        prop_assert_eq!(kept.len(), expected.len());
        for (tick, (a, b)) in kept.iter().zip(&expected).enumerate() {
            prop_assert!(a == b, "tick {} differs from a fresh run", tick);
            if let Err(problem) = in_bounds(a) {
                prop_assert!(false, "tick {}: {}", tick, problem);
            }
        }
        // The ledger explains every change of the last ticks exactly.
        for tick in scenario.horizon.saturating_sub(3).max(1)..=scenario.horizon {
            let ledger = run.ledger(tick).unwrap();
            for change in &ledger.changes {
                let sum: f64 = change.terms.iter().map(|t| t.value).sum();
                prop_assert!(change.after.is_finite());
                prop_assert!(
                    (sum - change.delta()).abs() < 1e-12,
                    "tick {} {} {:?}: {} vs {}", tick, change.var, change.entity, sum, change.delta()
                );
            }
        }
    }
}
