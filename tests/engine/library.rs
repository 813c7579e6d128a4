//! The scenario library's exercises: each has the classroom parts and its sources, a scripted
//! good plan meets every goal and a scripted bad plan misses at least one.

use entente::io::library::{EXAMPLES, example};
use entente::io::load_str;
use entente::model::{Event, Scenario};
use entente::sim::Simulation;
use entente::sim::goals::{Standing, evaluate};

/// A good and a bad plan (timeline events in RON) for each exercise in the library.
const PLANS: &[(&str, &str, &str)] = &[
    (
        "teaching-world",
        r#"[(tick: 9, action: Intervention((id: "unmit", kind: Peacekeeping, interveners: ["H", "N1", "N2"], target: "T", legal_basis: Unsc, post_conflict_planning: 0.8, local_engagement: 0.8, troops_per_1000: 4.0, duration: 24, drawdown: Gradual, side: Neutral, host_consent: true)))]"#,
        r#"[(tick: 12, action: Intervention((id: "op-freedom", kind: RegimeChange, interveners: ["H"], target: "T", legal_basis: NoMandate, troops_per_1000: 7.0, duration: 8, drawdown: Rapid, side: Opposition)))]"#,
    ),
    (
        "libya-2011",
        r#"[
            (tick: 0, action: Intervention((id: "protect", kind: Humanitarian, interveners: ["USA", "FRA", "GBR"], target: "LBY", legal_basis: Unsc, post_conflict_planning: 0.8, local_engagement: 0.7, troops_per_1000: 5.0, duration: 3, drawdown: Gradual, side: Neutral))),
            (tick: 3, action: Intervention((id: "stabilise", kind: Peacekeeping, interveners: ["FRA", "GBR", "ITA", "QAT"], target: "LBY", legal_basis: Unsc, post_conflict_planning: 0.8, local_engagement: 0.8, troops_per_1000: 3.0, duration: 20, drawdown: Gradual, side: Neutral, host_consent: true))),
        ]"#,
        // The historical sequence: protection under resolution 1973, the turn to regime change
        // with no post-conflict plan and a rapid drawdown, the transitional council.
        r#"[
            (tick: 0, action: Intervention((id: "unified-protector", kind: Humanitarian, interveners: ["USA", "FRA", "GBR"], target: "LBY", legal_basis: Unsc, local_engagement: 0.3, troops_per_1000: 5.0, duration: 3, drawdown: Rapid, side: Neutral))),
            (tick: 1, action: Intervention((id: "regime-change", kind: CoalitionOperation, interveners: ["USA", "FRA", "GBR", "ITA", "QAT", "ARE"], target: "LBY", legal_basis: Unsc, local_engagement: 0.2, troops_per_1000: 1.0, duration: 2, drawdown: Rapid, side: Opposition, regime_change_goal: true))),
            (tick: 3, action: LeadershipChange(nation: "LBY", leader: "National Transitional Council", ideology_shift: 0.5, democracy_shift: 0.4)),
        ]"#,
    ),
    (
        "kosovo-1999",
        // A stabilisation force under a Security Council mandate from 1998, had Russia agreed.
        r#"[(tick: 2, action: Intervention((id: "kfor-early", kind: Peacekeeping, interveners: ["USA", "GBR", "FRA", "DEU", "ITA", "RUS"], target: "FRY", legal_basis: Unsc, post_conflict_planning: 0.7, local_engagement: 0.6, troops_per_1000: 20.0, duration: 38, drawdown: Gradual, side: Neutral, host_consent: true)))]"#,
        // The historical sequence: Allied Force without a mandate, then KFOR under 1244.
        r#"[
            (tick: 4, action: Intervention((id: "allied-force", kind: Humanitarian, interveners: ["USA", "GBR", "FRA", "DEU", "ITA"], target: "FRY", legal_basis: NoMandate, troops_per_1000: 3.0, duration: 1, drawdown: Rapid, side: Opposition))),
            (tick: 5, action: Intervention((id: "kfor", kind: Peacekeeping, interveners: ["USA", "GBR", "FRA", "DEU", "ITA", "RUS"], target: "FRY", legal_basis: Unsc, post_conflict_planning: 0.6, local_engagement: 0.5, troops_per_1000: 20.0, duration: 35, drawdown: Gradual, side: Neutral, host_consent: true))),
        ]"#,
    ),
    (
        "iraq-2003",
        r#"[(tick: 0, action: SignTreaty((id: "inspections", name: "Inspections and containment", kind: ConfidenceBuilding, parties: ["USA", "IRQ"], strength: 0.8)))]"#,
        // The historical sequence: regime change without a new resolution, little planning.
        r#"[(tick: 0, action: Intervention((id: "iraqi-freedom", kind: CoalitionOperation, interveners: ["USA", "GBR", "AUS", "POL"], target: "IRQ", legal_basis: NoMandate, post_conflict_planning: 0.1, local_engagement: 0.1, troops_per_1000: 6.0, duration: 35, drawdown: Gradual, side: Opposition, regime_change_goal: true)))]"#,
    ),
    (
        "world-today",
        // A peacekeeping mission in Somalia under a Security Council mandate.
        r#"[(tick: 4, action: Intervention((id: "unsom", kind: Peacekeeping, interveners: ["USA", "GBR", "FRA", "DEU"], target: "SOM", legal_basis: Unsc, post_conflict_planning: 0.7, local_engagement: 0.7, troops_per_1000: 2.0, duration: 12, drawdown: Gradual, side: Neutral, host_consent: true)))]"#,
        // A strike on Iran without a mandate.
        r#"[(tick: 4, action: Intervention((id: "strike", kind: PreventiveStrike, interveners: ["USA"], target: "IRN", legal_basis: NoMandate, troops_per_1000: 1.0, duration: 1, drawdown: Rapid)))]"#,
    ),
    (
        "cold-war-europe",
        // Helsinki with every state, then arms control between the superpowers.
        r#"[
            (tick: 105, action: SignTreaty((id: "helsinki", name: "Helsinki Final ResolvedAction", kind: ConfidenceBuilding, parties: ["USA", "GBR", "FRA", "FRG", "ITA", "SUN", "POL", "GDR", "CSK", "HUN"], strength: 0.8))),
            (tick: 154, action: SignTreaty((id: "inf", name: "INF Treaty", kind: NonAggression, parties: ["USA", "SUN"], strength: 0.8))),
        ]"#,
        // Rollback: a preventive strike on the Soviet Union in 1956.
        r#"[(tick: 30, action: Intervention((id: "rollback", kind: PreventiveStrike, interveners: ["USA", "GBR"], target: "SUN", legal_basis: NoMandate, strike_intensity: 0.8, duration: 1)))]"#,
    ),
    (
        "indo-pacific",
        r#"[
            (tick: 2, action: SignTreaty((id: "us-china-cbm", name: "US-China crisis hotline", kind: ConfidenceBuilding, parties: ["USA", "CHN"], strength: 0.8))),
            (tick: 2, action: SignTreaty((id: "keen-sword", name: "Joint exercises", kind: JointExercises, parties: ["USA", "JPN"], strength: 0.6))),
        ]"#,
        r#"[(tick: 4, action: Intervention((id: "strike", kind: PreventiveStrike, interveners: ["USA"], target: "PRK", legal_basis: NoMandate, strike_intensity: 0.8, duration: 1)))]"#,
    ),
];

fn with_plan(name: &str, plan: &str) -> (Scenario, Simulation) {
    let mut scenario = load_str(example(name).unwrap().text).unwrap();
    let events: Vec<Event> = ron::from_str(plan).unwrap();
    scenario.events.extend(events);
    assert!(entente::model::validate(&scenario).is_empty(), "{name}");
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    (scenario, run)
}

fn standings(scenario: &Scenario, run: &Simulation) -> Vec<Standing> {
    let exercise = scenario.exercise.as_ref().unwrap();
    evaluate(exercise, run, scenario.horizon)
        .into_iter()
        .map(|o| o.standing)
        .collect()
}

#[test]
fn every_exercise_has_its_classroom_parts_and_sources() {
    let exercises: Vec<_> = EXAMPLES
        .iter()
        .map(|e| (e.name, load_str(e.text).unwrap()))
        .filter(|(_, s)| s.exercise.is_some())
        .collect();
    let names: Vec<&str> = exercises.iter().map(|(name, _)| *name).collect();
    for required in [
        "teaching-world",
        "cold-war-europe",
        "kosovo-1999",
        "iraq-2003",
        "libya-2011",
        "indo-pacific",
        "world-today",
    ] {
        assert!(
            names.contains(&required),
            "{required} missing from the library"
        );
    }
    for (name, scenario) in &exercises {
        let exercise = scenario.exercise.as_ref().unwrap();
        assert!(!exercise.briefing.0.is_empty(), "{name}: briefing");
        assert!(!exercise.goals.is_empty(), "{name}: goals");
        assert!(
            !exercise.teacher_notes.0.is_empty(),
            "{name}: teacher notes"
        );
        assert!(!exercise.debrief.is_empty(), "{name}: debrief");
        assert!(scenario.meta.sources.len() >= 2, "{name}: sources");
        assert!(
            scenario
                .meta
                .description
                .0
                .contains("teaching approximations"),
            "{name} says its numbers are approximations"
        );
        assert!(
            PLANS.iter().any(|(plan, _, _)| plan == name),
            "{name} has no plans"
        );
    }
}

#[test]
fn a_good_plan_meets_every_goal_and_a_bad_plan_misses_one() {
    for (name, good, bad) in PLANS {
        let (scenario, run) = with_plan(name, good);
        let got = standings(&scenario, &run);
        assert!(
            got.iter().all(|s| *s == Standing::Met),
            "{name} good plan: {got:?}"
        );
        let (scenario, run) = with_plan(name, bad);
        let got = standings(&scenario, &run);
        assert!(got.contains(&Standing::Failed), "{name} bad plan: {got:?}");
    }
}

#[test]
fn libyas_history_protects_first_and_destabilises_later() {
    let (_, bad) = with_plan("libya-2011", PLANS[1].2);
    let (_, nothing) = with_plan("libya-2011", "[]");
    let libya = bad.world().nation("LBY").unwrap();
    let stability =
        |run: &Simulation, tick: usize| run.collect_states()[tick].nations[libya.ix()].stability;
    let armed =
        |run: &Simulation, tick: usize| run.collect_states()[tick].nations[libya.ix()].armed_groups;
    // Short-term protection: better than doing nothing through 2012 and into 2013.
    for tick in [1, 4, 6, 8] {
        assert!(
            stability(&bad, tick) > stability(&nothing, tick),
            "tick {tick}"
        );
    }
    // Longer-term instability: worse than doing nothing from 2018, armed groups growing.
    for tick in [28, 34, 40] {
        assert!(
            stability(&bad, tick) < stability(&nothing, tick),
            "tick {tick}"
        );
    }
    assert!(armed(&bad, 40) > armed(&bad, 4) + 0.15);
    assert!(armed(&bad, 40) > 2.5 * armed(&nothing, 40));
}
