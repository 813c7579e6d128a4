//! Causes for everything (docs/MODEL.md, "Causes"), on generated worlds: every motion of the
//! model's own dynamics names what set it off, and the model's own changes (a treaty running
//! out, forces drawing down, a member leaving, an alliance dissolving) are named as themselves.

use crate::generated;

use entente::sim::origins::OWN_TERMS;
use entente::sim::world::ResolvedAction;
use entente::sim::{AllianceIx, Cause, Entity, Simulation, TickLedger, Trigger};
use generated::{world, worlds};
use proptest::prelude::*;

/// Every term of the model's own dynamics that moves a variable in `ledgers` names what set it
/// off, except a variable's return toward its structural level (`origins::OWN_TERMS`), which
/// answers the terms that displaced it.
fn assert_every_motion_named(title: &str, ledgers: &[TickLedger]) {
    for ledger in ledgers {
        for change in &ledger.changes {
            for term in &change.terms {
                assert!(
                    term.cause != Cause::Dynamics
                        || term.value.abs() <= 1e-12
                        || OWN_TERMS.contains(&term.id),
                    "{title}: tick {}: {:?} {} {} = {:e} names no cause",
                    ledger.tick,
                    change.entity,
                    change.var,
                    term.id,
                    term.value
                );
            }
        }
    }
}

/// Whether some term of `ledger` names `trigger`.
fn names(ledger: &TickLedger, trigger: Trigger) -> bool {
    ledger
        .changes
        .iter()
        .flat_map(|change| &change.terms)
        .any(|term| term.cause == Cause::After(trigger))
}

proptest! {
    #![proptest_config(worlds(12))]

    #[test]
    fn every_change_after_a_treaty_runs_out_names_it(nations in 5usize..60, seed in 0u64..10_000) {
        let scenario = world(nations, seed, 0, 120);
        let mut simulation = Simulation::new(&scenario).unwrap();
        simulation.run_to(120);
        let ledgers = simulation.ledgers(0, 120);
        assert_every_motion_named(&scenario.meta.title.0, &ledgers);
        // Each treaty that ran out is named on its own pair's relation the tick after; when
        // another treaty of one of the two nations ran out in the same tick, the ledger may name
        // that one (one trigger per nation: docs/MODEL.md, "Causes").
        let world = simulation.world();
        // A treaty in force at load runs out after its duration.
        let ends_with = |t: usize| scenario.treaties[t].duration;
        for (t, treaty) in scenario.treaties.iter().enumerate() {
            let Some(end) = ends_with(t).filter(|&d| d < 119) else { continue };
            let (a, b) = (
                world.nation(treaty.parties[0].as_str()).unwrap(),
                world.nation(treaty.parties[1].as_str()).unwrap(),
            );
            let change = ledgers[end as usize]
                .change(Entity::Dyad(a.min(b), a.max(b)), "relation")
                .unwrap();
            let named = change.terms.iter().any(|term| {
                term.id == "u_treaty"
                    && match term.cause {
                        Cause::After(Trigger::TreatyEnded(u)) => {
                            let other = &scenario.treaties[u.ix()];
                            ends_with(u.ix()) == Some(end)
                                && other.parties.iter().any(|p| treaty.parties.contains(p))
                        }
                        _ => false,
                    }
            });
            prop_assert!(
                named,
                "{:?}", change.terms            );
        }
    }
}

/// Worlds with a timeline: events, interventions with their drawdowns, members leaving on their
/// own and alliances dissolving. Every motion names its cause, and each of the model's own
/// changes is named as itself.
#[test]
fn the_models_own_changes_and_what_they_set_off_name_themselves() {
    let (mut exits, mut dissolutions, mut drawdowns) = (0, 0, 0);
    for seed in 1..=6 {
        let scenario = world(40, seed, 40, 160);
        let mut simulation = Simulation::new(&scenario).unwrap();
        simulation.run_to(160);
        let ledgers = simulation.ledgers(0, 160);
        assert_every_motion_named(&format!("seed {seed}"), &ledgers);
        let states = simulation.collect_states();
        let world = simulation.world();
        for tick in 1..160usize {
            let (before, after) = (&states[tick - 1], &states[tick]);
            let scheduled: Vec<_> = world
                .events_at(before.tick)
                .iter()
                .map(|e| &e.action)
                .collect();
            for (a, (x, y)) in before.alliances.iter().zip(&after.alliances).enumerate() {
                let alliance = AllianceIx(a as u32);
                let by_event = scheduled.iter().any(|act| {
                    matches!(act, ResolvedAction::LeaveAlliance { alliance: left, .. } if *left == alliance)
                });
                for &(member, _) in &x.members {
                    let stayed = y.members.iter().any(|&(m, _)| m == member);
                    if !stayed && !by_event && x.status.is_active() {
                        exits += 1;
                        let trigger = Trigger::Exit(alliance, member);
                        assert!(
                            names(&ledgers[tick - 1], trigger),
                            "seed {seed} tick {tick}: {trigger:?}"
                        );
                    }
                }
                if x.status.is_active() && !y.status.is_active() && y.members.len() >= 2 {
                    dissolutions += 1;
                    // The members' responses the next tick name the dissolution.
                    let trigger = Trigger::Dissolution(alliance);
                    assert!(
                        ledgers[tick..(tick + 3).min(160)]
                            .iter()
                            .any(|l| names(l, trigger)),
                        "seed {seed} tick {tick}: {trigger:?}"
                    );
                }
            }
            for (v, info) in world.interventions.iter().enumerate() {
                // Forces still there when the active phase ends draw down (a strike leaves none).
                let started = before.interventions[v].started_at;
                if started.is_some_and(|start| start + info.duration == before.tick)
                    && after.interventions[v].status.is_active()
                {
                    drawdowns += 1;
                    let trigger = Trigger::Drawdown(entente::sim::InterventionIx(v as u32));
                    assert!(
                        ledgers[tick - 1..(tick + 2).min(160)]
                            .iter()
                            .any(|l| names(l, trigger)),
                        "seed {seed} tick {tick}: {trigger:?}"
                    );
                }
            }
        }
    }
    assert!(
        drawdowns > 0 && exits + dissolutions > 0,
        "{drawdowns} drawdowns, {exits} exits, {dissolutions} dissolutions"
    );
}
