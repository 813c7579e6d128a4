//! Model 2's promises (docs/MODEL.md, "Model 2"), checked on worlds the model has never seen:
//! worlds made by `entente generate` of 5 to 1,000 nations and many seeds, and hand-made ones.
//! At rest a world stays at rest; a small push gives a small answer that fades; an action in one
//! region leaves regions without ties to it nearly still; a century of events does not collapse
//! a world; and the stability report calls every default-parameter world stable and finds a
//! runaway when one is set up. Model 1 failed every one of these.

use entente::model::generate::{Size, generate};
use entente::model::{
    Action, Attribute, Event, Intervention, InterventionKind, LegalBasis, Scenario,
};
use entente::sim::origins::OWN_TERMS;
use entente::sim::small_gain::Certificate;
use entente::sim::stability::{Options, analyse};
use entente::sim::world::Act;
use entente::sim::{AllianceIx, Cause, Entity, Simulation, State, TickLedger, Trigger};
use proptest::prelude::*;

/// A generated world of `nations` with the usual density: five relations, a fifth of an alliance
/// and half a treaty per nation, and `events` timeline events.
fn world(nations: usize, seed: u64, events: usize, horizon: u32) -> Scenario {
    generate(
        Size {
            nations,
            relations: 5 * nations,
            alliances: nations / 5,
            treaties: nations / 2,
            events,
            horizon,
        },
        seed,
    )
}

/// `cases` generated worlds, the same ones on every run and machine (a fixed seed): the suite
/// checks many worlds without a run that passes today and fails tomorrow on a world it never
/// drew before. `PROPTEST_RNG_SEED` does not apply; change the seed here to explore others.
fn worlds(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(2026),
        ..ProptestConfig::default()
    }
}

/// `scenario` with nothing scheduled: no events and every treaty open-ended.
fn at_rest(mut scenario: Scenario) -> Scenario {
    scenario.events.clear();
    for treaty in &mut scenario.treaties {
        treaty.duration = None;
    }
    scenario
}

fn run(scenario: &Scenario, ticks: u32) -> Vec<State> {
    let mut simulation = Simulation::new(scenario).unwrap();
    simulation.run_to(ticks);
    simulation.collect_states()
}

/// The largest change of any continuous variable between two states of one run (nations,
/// pairs stored in both, commitments, regional indices).
fn largest_change(a: &State, b: &State) -> f64 {
    let mut largest = 0.0f64;
    let mut note = |x: f64, y: f64| largest = largest.max((x - y).abs());
    for (x, y) in a.nations.iter().zip(&b.nations) {
        for (u, v) in [
            (x.stability, y.stability),
            (x.economy, y.economy),
            (x.effort, y.effort),
            (x.capability, y.capability),
            (x.legitimacy, y.legitimacy),
            (x.capacity, y.capacity),
            (x.armed_groups, y.armed_groups),
            (x.grievance, y.grievance),
        ] {
            note(u, v);
        }
    }
    for d in a.dyads.iter() {
        let other = b.dyads.get(d.a, d.b).unwrap();
        note(d.relation, other.relation);
        note(d.trust, other.trust);
        note(d.fighting, other.fighting);
    }
    for (x, y) in a.alliances.iter().zip(&b.alliances) {
        for (&(_, u), &(_, v)) in x.members.iter().zip(&y.members) {
            note(u, v);
        }
    }
    for (u, v) in a.region_stability.iter().zip(&b.region_stability) {
        note(*u, *v);
    }
    largest
}

fn mean_stability(state: &State) -> f64 {
    state.nations.iter().map(|x| x.stability).sum::<f64>() / state.nations.len() as f64
}

fn assert_at_rest(scenario: &Scenario, ticks: u32) {
    let states = run(scenario, ticks);
    for state in &states {
        let change = largest_change(&states[0], state);
        assert!(
            change <= 1e-9,
            "{}: moved {change:e} by tick {}",
            scenario.meta.title,
            state.tick
        );
        assert_eq!(state.dyads.len(), states[0].dyads.len(), "pairs appeared");
    }
}

proptest! {
    #![proptest_config(worlds(24))]

    #[test]
    fn a_world_at_rest_stands_still_for_400_ticks(nations in 5usize..60, seed in 0u64..10_000) {
        assert_at_rest(&at_rest(world(nations, seed, 0, 400)), 400);
    }

    #[test]
    fn load_time_treaties_running_out_move_the_world_little(
        nations in 5usize..120,
        seed in 0u64..10_000,
    ) {
        let mut scenario = world(nations, seed, 0, 400);
        scenario.events.clear();
        let states = run(&scenario, 400);
        let start = &states[0];
        for state in &states {
            let mean = state
                .nations
                .iter()
                .zip(&start.nations)
                .map(|(x, y)| (x.stability - y.stability).abs())
                .sum::<f64>()
                / nations as f64;
            prop_assert!(mean <= 0.01, "mean |ΔS| {mean} at tick {}", state.tick);
            for (r, (now, then)) in state
                .region_stability
                .iter()
                .zip(&start.region_stability)
                .enumerate()
            {
                prop_assert!(
                    (now - then).abs() <= 0.05,
                    "region {r} moved {} by tick {}",
                    now - then,
                    state.tick
                );
            }
        }
    }

    #[test]
    fn a_small_push_gives_a_small_answer_that_fades(
        nations in 5usize..80,
        seed in 0u64..10_000,
        pushed in 0usize..80,
    ) {
        let scenario = at_rest(world(nations, seed, 0, 200));
        let nation = &scenario.nations[pushed % nations];
        let mut edited = scenario.clone();
        edited.events.push(Event {
            tick: 4,
            action: Action::SetAttribute {
                nation: nation.id.clone(),
                attribute: Attribute::DefenceShare,
                value: nation.defence_share * 1.001,
                structural: false,
            },
        });
        let (calm, answer) = (run(&scenario, 200), run(&edited, 200));
        let nation_gap = |t: usize| {
            calm[t]
                .nations
                .iter()
                .zip(&answer[t].nations)
                .map(|(x, y)| (x.stability - y.stability).abs())
                .fold(0.0, f64::max)
        };
        let region_gap = |t: usize| {
            calm[t]
                .region_stability
                .iter()
                .zip(&answer[t].region_stability)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0, f64::max)
        };
        prop_assert!(nation_gap(200) <= 0.01, "a nation {}", nation_gap(200));
        prop_assert!(region_gap(200) <= 0.002, "a region {}", region_gap(200));
        // And it fades: the answer at tick 200 is below its largest.
        let peak = (5..=200).map(nation_gap).fold(0.0, f64::max);
        prop_assert!(nation_gap(200) <= 0.5 * peak || peak < 1e-12, "{} of {peak}", nation_gap(200));
    }

    #[test]
    fn an_intervention_leaves_regions_without_ties_to_it_nearly_still(
        nations in 30usize..150,
        seed in 0u64..10_000,
        kind in 0usize..5,
        mandate in any::<bool>(),
    ) {
        let scenario = at_rest(world(nations, seed, 0, 120));
        let (target, intervener) = (nations / 3, nations / 3 + 4);
        let mut acted = scenario.clone();
        let mut operation = Intervention::new(
            "op".into(),
            InterventionKind::ALL[kind],
            vec![scenario.nations[intervener].id.clone()],
            scenario.nations[target].id.clone(),
        );
        operation.legal_basis = if mandate { LegalBasis::Unsc } else { LegalBasis::NoMandate };
        operation.troops_per_1000 = 6.0;
        operation.duration = 8;
        operation.host_consent = true;
        acted.events.push(Event { tick: 4, action: Action::Intervention(operation) });
        let (calm, answer) = (run(&scenario, 120), run(&acted, 120));
        let simulation = Simulation::new(&scenario).unwrap();
        let world = simulation.world();
        let parties = [target, intervener].map(|i| world.nation(scenario.nations[i].id.as_str()).unwrap());
        // Ties at load: a stored relation (any, even neutral), an alliance or a treaty link all
        // store a pair, so "no stored pair with either party" is "no tie".
        let tied = |r: usize| {
            world.regions[r].members.iter().any(|&m| {
                parties.contains(&m)
                    || parties.iter().any(|&q| calm[0].dyads.position(m, q).is_some())
            })
        };
        let moved = |r: usize| {
            (0..=120)
                .map(|t| (answer[t].region_stability[r] - calm[t].region_stability[r]).abs())
                .fold(0.0, f64::max)
        };
        let home = world.nations[parties[0].ix()].region.ix();
        let target_change = moved(home);
        for r in (0..world.regions.len()).filter(|&r| !tied(r)) {
            prop_assert!(
                moved(r) <= 0.1 * target_change,
                "region {r} moved {} against {target_change} where it happened",
                moved(r)
            );
        }
    }

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
fn large_worlds_at_rest_stand_still() {
    assert_at_rest(&at_rest(world(200, 11, 0, 400)), 400);
    assert_at_rest(&at_rest(world(1000, 12, 0, 400)), 400);
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

#[test]
fn a_century_of_events_does_not_collapse_a_world_of_200_nations() {
    for seed in [1, 2] {
        let scenario = generate(
            Size {
                nations: 200,
                relations: 2000,
                alliances: 40,
                treaties: 100,
                events: 200,
                horizon: 400,
            },
            seed,
        );
        let states = run(&scenario, 400);
        let (start, end) = (&states[0], &states[400]);
        let ratio = mean_stability(end) / mean_stability(start);
        assert!(ratio >= 0.8, "seed {seed}: mean stability ×{ratio:.3}");
        let hostile = |state: &State| {
            state
                .dyads
                .relations()
                .iter()
                .filter(|&&r| r < -0.2)
                .count() as f64
                / (200.0 * 199.0 / 2.0)
        };
        assert!(
            hostile(end) <= 2.0 * hostile(start),
            "seed {seed}: hostile share {} -> {}",
            hostile(start),
            hostile(end)
        );
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
                .map(|e| &e.act)
                .collect();
            for (a, (x, y)) in before.alliances.iter().zip(&after.alliances).enumerate() {
                let alliance = AllianceIx(a as u32);
                let by_event = scheduled.iter().any(|act| {
                    matches!(act, Act::LeaveAlliance { alliance: left, .. } if *left == alliance)
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
