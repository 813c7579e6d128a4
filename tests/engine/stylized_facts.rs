//! The stylized facts of MODEL.md section 3, each a named experiment on the canonical world W0
//! with the default parameters, asserting the expectation MODEL.md states; and each again with
//! its world placed inside a generated world of 120 other nations with some ties to it
//! (`inside_a_generated_world::…`), since the model must keep its facts beyond the bundled files.

use crate::common;

use common::{MISCALIBRATED_REGIME_CHANGE, Run, prepared, w0};

#[test]
fn sf01_miscalibrated_regime_change_rises_then_falls() {
    let run = Run::new(&w0(MISCALIBRATED_REGIME_CHANGE), 40);
    let before = run.stability("T", 3);
    for t in 6..=12 {
        assert!(
            run.stability("T", t) > before,
            "S_T({t}) = {} vs {before}",
            run.stability("T", t)
        );
    }
    assert!(
        run.stability("T", 18) < before,
        "S_T(18) = {}",
        run.stability("T", 18)
    );
    assert!(
        run.stability("T", 40) < before - 0.15,
        "S_T(40) = {}",
        run.stability("T", 40)
    );
    let n3 = run.nation("T", 3).armed_groups;
    assert!(
        run.nation("T", 20).armed_groups >= 4.0 * n3,
        "N_T(20) = {}",
        run.nation("T", 20).armed_groups
    );
    assert!(run.region("mesa", 40) < run.region("mesa", 3));
}

#[test]
fn sf02_calibrated_regime_change_keeps_the_target_stable() {
    let event = MISCALIBRATED_REGIME_CHANGE
        .replace(r#"interveners: ["H"]"#, r#"interveners: ["H", "N1", "N2"]"#)
        .replace("legal_basis: NoMandate", "legal_basis: Unsc")
        .replace("post_conflict_planning: 0.0", "post_conflict_planning: 1.0")
        .replace("local_engagement: 0.0", "local_engagement: 1.0")
        .replace("troops_per_1000: 7.0", "troops_per_1000: 20.0")
        .replace("duration: 8", "duration: 20")
        .replace("drawdown: Rapid", "drawdown: Gradual");
    let run = Run::new(&w0(&event), 40);
    let before = run.stability("T", 3);
    for t in 4..=40 {
        assert!(
            run.stability("T", t) >= before - 0.03,
            "S_T({t}) = {}",
            run.stability("T", t)
        );
    }
    assert!(
        run.stability("T", 40) >= before,
        "S_T(40) = {}",
        run.stability("T", 40)
    );
}

#[test]
fn sf04_catastrophic_success_pacifies_the_interstate_relation() {
    let run = Run::new(&w0(MISCALIBRATED_REGIME_CHANGE), 40);
    assert!(
        run.relation("H", "T", 8) > 0.0,
        "R_HT(8) = {}",
        run.relation("H", "T", 8)
    );
    for t in 5..=40 {
        assert_eq!(run.fighting("H", "T", t), 0.0, "W_HT({t})");
    }
    assert!(run.stability("T", 40) < run.stability("T", 3));
}

#[test]
fn sf20_enemy_of_my_enemy_becomes_a_friend() {
    let scenario = entente::io::load_str(
        r#"(
    format_version: 1,
    meta: (title: "Enemy of my enemy"),
    settings: (calibrate_baseline: false),
    params: (trust_pull: 0.0, ideology_push: 0.0, arms_push: 0.0, bloc_push: 0.0),
    regions: [(id: "r")],
    nations: [(id: "A", region: "r"), (id: "B", region: "r"), (id: "C", region: "r")],
    relations: [(a: "A", b: "B", relation: -0.6), (a: "B", b: "C", relation: -0.6)],
)"#,
    )
    .unwrap();
    let run = Run::new(&scenario, 20);
    assert!(
        run.relation("A", "C", 20) > 0.0,
        "R_AC(20) = {}",
        run.relation("A", "C", 20)
    );
    let product =
        run.relation("A", "B", 20) * run.relation("B", "C", 20) * run.relation("A", "C", 20);
    assert!(product > 0.0, "the triangle is balanced");
}

fn humanitarian(basis: &str, interveners: &str) -> String {
    format!(
        r#"(tick: 4, action: Intervention((id: "hum", kind: Humanitarian, interveners: [{interveners}], target: "T", legal_basis: {basis}, troops_per_1000: 5.0, duration: 8, side: Neutral)))"#
    )
}

#[test]
fn sf05_legal_basis_orders_legitimacy_and_third_party_reactions() {
    let outcome = |basis: &str| {
        let run = Run::new(&w0(&humanitarian(basis, r#""H""#)), 6);
        let gain = run.nation("H", 5).legitimacy - run.nation("H", 4).legitimacy;
        let fall = run.relation("Q", "H", 4) - run.relation("Q", "H", 5);
        (gain, fall)
    };
    // Article 51 counts as valid only after a recent fight: H and T fought at tick 2.
    let valid_self_defence = {
        let events = format!(
            r#"(tick: 1, action: Intervention((id: "raid", kind: PreventiveStrike, interveners: ["H"], target: "T", legal_basis: NoMandate, strike_intensity: 0.0, duration: 1))), {}"#,
            humanitarian("SelfDefence", r#""H""#)
        );
        let run = Run::new(&w0(&events), 6);
        run.nation("H", 5).legitimacy - run.nation("H", 4).legitimacy
    };
    let (unsc, unsc_fall) = outcome("Unsc");
    let (regional, regional_fall) = outcome("Regional");
    let (none, none_fall) = outcome("NoMandate");
    assert!(
        unsc > regional && unsc > valid_self_defence,
        "{unsc} {regional} {valid_self_defence}"
    );
    assert!(
        regional > none && valid_self_defence > none,
        "{regional} {valid_self_defence} {none}"
    );
    assert!(unsc - none >= 0.06, "UNSC − none = {}", unsc - none);
    assert!(unsc_fall < regional_fall && regional_fall < none_fall);
    assert!(
        unsc_fall.abs() < 0.01,
        "|ΔR_QH| with a UNSC mandate = {unsc_fall}"
    );
}

#[test]
fn sf10_preventive_strike_delays_and_hardens() {
    let strike = r#"(tick: 4, action: Intervention((id: "strike", kind: PreventiveStrike, interveners: ["H"], target: "T", legal_basis: NoMandate, strike_intensity: 1.0, duration: 1)))"#;
    let run = Run::new(&w0(strike), 30);
    let before = run.nation("T", 4).capability;
    assert!(run.nation("T", 5).capability <= 0.75 * before);
    assert!(
        run.nation("T", 12).effort > run.nation("T", 4).effort,
        "T rearms"
    );
    assert!(
        (5..=28).any(|t| run.nation("T", t).capability >= before),
        "M_T recovers by t0 + 24"
    );
    assert!(run.relation("T", "H", 4) - run.relation("T", "H", 5) >= 0.3);
    let legitimacy_loss = run.nation("H", 4).legitimacy - run.nation("H", 5).legitimacy;
    assert!(legitimacy_loss > 0.0);
    let valid = strike.replace("legal_basis: NoMandate", "legal_basis: SelfDefence");
    let valid = format!(
        r#"(tick: 1, action: Intervention((id: "raid", kind: PreventiveStrike, interveners: ["H"], target: "T", legal_basis: NoMandate, strike_intensity: 0.0, duration: 1))), {valid}"#
    );
    let with_basis = Run::new(&w0(&valid), 6);
    let loss_with_basis =
        with_basis.nation("H", 4).legitimacy - with_basis.nation("H", 5).legitimacy;
    assert!(
        loss_with_basis < legitimacy_loss,
        "{loss_with_basis} vs {legitimacy_loss}"
    );
}

#[test]
fn sf16_defence_burden_causes_unrest_above_the_threshold() {
    let raise = |share: f64| {
        Run::new(
            &w0(&format!(
                r#"(tick: 3, action: ChangeDefenceAmbition(nation: "N2", target_share: {share}))"#
            )),
            16,
        )
    };
    let high = raise(0.08);
    assert!(
        high.nation("N2", 16).growth < 0.0,
        "gE = {}",
        high.nation("N2", 16).growth
    );
    assert!(high.stability("N2", 16) <= high.stability("N2", 3) - 0.03);
    // No effect of the burden while b ≤ b̄ = 3%: the burden terms of stability and economy stay 0.
    let scenario =
        w0(r#"(tick: 3, action: ChangeDefenceAmbition(nation: "N2", target_share: 0.03))"#);
    let (world, mut state) = entente::sim::start(&prepared(&scenario), 0).unwrap();
    let n2 = entente::sim::Entity::Nation(world.nation("N2").unwrap());
    for _ in 0..16 {
        let ledger = entente::sim::step::step(&world, &mut state, true);
        for var in ["stability", "economy"] {
            if let Some(change) = ledger.change(n2, var) {
                for term in change
                    .terms
                    .iter()
                    .filter(|t| t.id == "u_burden" || t.id == "burden")
                {
                    assert_eq!(term.value, 0.0, "{var} {}", term.id);
                }
            }
        }
    }
    assert!(state.nations[world.nation("N2").unwrap().ix()].burden() <= 0.03 + 1e-12);
}

#[test]
fn sf18_leadership_change_hurts_commitments_more_in_autocracies() {
    let loss = |democracy: f64| {
        let events = format!(
            r#"(tick: 1, action: SetAttribute(nation: "N1", attribute: Democracy, value: {democracy})),
               (tick: 2, action: FormAlliance((id: "pact", members: ["H", "N1"]))),
               (tick: 4, action: LeadershipChange(nation: "N1", ideology_shift: 0.8))"#
        );
        let scenario = w0(&events);
        let (world, mut state) = entente::sim::start(&prepared(&scenario), 0).unwrap();
        for _ in 0..4 {
            entente::sim::step::step(&world, &mut state, false);
        }
        let before = state.alliances[0].members[1].1;
        entente::sim::step::step(&world, &mut state, false);
        before - state.alliances[0].members[1].1
    };
    let (autocracy, democracy) = (loss(0.1), loss(0.9));
    assert!(autocracy >= 2.0 * democracy, "{autocracy} vs {democracy}");
}

const CBM: &str = r#"(tick: 4, action: SignTreaty((id: "cbm", kind: ConfidenceBuilding, parties: ["N1", "T"], strength: 1.0))),
    (tick: 4, action: SignTreaty((id: "intel", kind: IntelligenceSharing, parties: ["N1", "T"], strength: 1.0)))"#;

fn hostile_n1_t(events: &str) -> entente::model::Scenario {
    let mut scenario = w0(events);
    for relation in &mut scenario.relations {
        if (relation.a.as_str(), relation.b.as_str()) == ("N1", "T") {
            relation.relation = -0.5;
            relation.trust = 0.2;
        }
    }
    scenario
}

fn trust(run: &Run, a: &str, b: &str, t: usize) -> f64 {
    let (a, b) = (run.world.nation(a).unwrap(), run.world.nation(b).unwrap());
    run.states[t].dyads.get(a, b).unwrap().trust
}

#[test]
fn sf22_confidence_building_builds_trust_and_damps_arming() {
    let run = Run::new(&hostile_n1_t(CBM), 40);
    let control = Run::new(&hostile_n1_t(""), 40);
    for t in 5..=24 {
        assert!(
            trust(&run, "N1", "T", t) >= trust(&run, "N1", "T", t - 1),
            "monotone at {t}"
        );
    }
    assert!(
        trust(&run, "N1", "T", 24) >= 0.5,
        "T(24) = {}",
        trust(&run, "N1", "T", 24)
    );
    for n in ["N1", "T"] {
        assert!(
            run.nation(n, 40).effort <= 0.8 * control.nation(n, 40).effort,
            "{n}: {} vs {}",
            run.nation(n, 40).effort,
            control.nation(n, 40).effort
        );
    }
    let soft = Run::new(
        &hostile_n1_t(
            r#"(tick: 4, action: SetAttribute(nation: "H", attribute: Legitimacy, value: 0.95))"#,
        ),
        24,
    );
    assert!(trust(&soft, "H", "N1", 24) > trust(&control, "H", "N1", 24));
}

#[test]
fn sf23_trust_is_lost_fast_and_rebuilt_slowly() {
    let events = format!(
        r#"{CBM}, (tick: 24, action: AbrogateTreaty(treaty: "cbm", by: "T")),
        (tick: 25, action: SignTreaty((id: "cbm2", kind: ConfidenceBuilding, parties: ["N1", "T"], strength: 1.0)))"#
    );
    let run = Run::new(&hostile_n1_t(&events), 80);
    let largest_gain = (5..=24)
        .map(|t| trust(&run, "N1", "T", t) - trust(&run, "N1", "T", t - 1))
        .fold(0.0, f64::max);
    let fall = trust(&run, "N1", "T", 24) - trust(&run, "N1", "T", 25);
    assert!(
        fall >= 3.0 * largest_gain,
        "fall {fall} vs gain {largest_gain}"
    );
    let level = trust(&run, "N1", "T", 23);
    let regained = (25..=80).find(|&t| trust(&run, "N1", "T", t) >= level);
    assert!(
        regained.is_none_or(|t| t >= 25 + 20),
        "regained at {regained:?}"
    );
}

#[test]
fn sf24_stationarity_and_determinism() {
    let scenario = w0("");
    let run = Run::new(&scenario, 200);
    let again = Run::new(&scenario, 200);
    let observe = |run: &Run, t: usize| entente::sim::observe::observe(&run.world, &run.states[t]);
    let start = observe(&run, 0);
    for t in [1, 50, 200] {
        for (a, b) in start.iter().zip(observe(&run, t)) {
            assert!(
                (a.value - b.value).abs() < 1e-12,
                "{} {} at {t}",
                a.id,
                a.variable
            );
        }
    }
    for t in 0..=200 {
        let (a, b) = (observe(&run, t), observe(&again, t));
        assert!(
            a.iter()
                .zip(&b)
                .all(|(x, y)| x.value.to_bits() == y.value.to_bits())
        );
    }
}

fn attack_risk(run: &Run, attacker: &str, target: &str, t: usize) -> f64 {
    let state = &run.states[t];
    let derived = entente::sim::derived::Derived::compute(&run.world, state);
    let (j, i) = (
        run.world.nation(attacker).unwrap(),
        run.world.nation(target).unwrap(),
    );
    entente::sim::hazards::attack(&run.world, state, &derived, j, i)
}

fn relapse_risk(run: &Run, nation: &str, t: usize) -> f64 {
    let state = &run.states[t];
    let derived = entente::sim::derived::Derived::compute(&run.world, state);
    entente::sim::hazards::relapse(
        &run.world,
        state,
        &derived,
        run.world.nation(nation).unwrap(),
    )
}

fn q_hostile_to_n1(events: &str) -> entente::model::Scenario {
    let mut scenario = w0(events);
    scenario.relations.push(entente::model::Relation {
        a: "N1".into(),
        b: "Q".into(),
        relation: -0.5,
        trust: 0.2,
    });
    scenario
}

const PACT: &str = r#"(tick: 4, action: FormAlliance((id: "pact", members: ["H", "N1"], collective_defence: true)))"#;

#[test]
fn sf13_alliances_deter() {
    // "Within 2 ticks": the fall shows in one of the two ticks after the pact (later, the
    // provocation of SF14 starts an arms race that raises the risk again).
    let run = Run::new(&q_hostile_to_n1(PACT), 8);
    let before = attack_risk(&run, "Q", "N1", 4);
    let drops: Vec<f64> = [5, 6]
        .iter()
        .map(|&t| 1.0 - attack_risk(&run, "Q", "N1", t) / before)
        .collect();
    assert!(
        drops.iter().any(|d| (0.10..=0.40).contains(d)),
        "H_Q→N1 fell by {drops:?}"
    );
}

#[test]
fn sf14_alliances_provoke() {
    let run = Run::new(&q_hostile_to_n1(PACT), 16);
    assert!(run.nation("Q", 16).effort > run.nation("Q", 3).effort);
    assert!(run.relation("Q", "N1", 16) < run.relation("Q", "N1", 3));
    let race = (0..=16).any(|t| {
        let state = &run.states[t];
        let (h, q) = (
            run.world.nation("H").unwrap(),
            run.world.nation("Q").unwrap(),
        );
        entente::sim::rules::relations::arms_race(
            &run.world,
            state,
            h,
            q,
            state.dyads.relation(h, q),
        ) > 0.0
    });
    assert!(race, "AR_HQ > 0 at some t ≤ 16");
}

#[test]
fn sf15_arms_races_raise_war_risk() {
    let build_up = r#"(tick: 4, action: ChangeDefenceAmbition(nation: "H", target_share: 0.06)),
        (tick: 4, action: ChangeDefenceAmbition(nation: "Q", target_share: 0.06))"#;
    let race = Run::new(&w0(build_up), 12);
    let calm = Run::new(&w0(""), 12);
    let (with, without) = (
        attack_risk(&race, "Q", "H", 12),
        attack_risk(&calm, "Q", "H", 12),
    );
    // The same hostility: compare at equal relation by construction of the risk's other factors.
    assert!(with >= 1.5 * without, "{with} vs {without}");
}

fn post_ceasefire(mission: &str) -> entente::model::Scenario {
    w0(&format!(
        r#"(tick: 0, action: SetAttribute(nation: "T", attribute: ArmedGroups, value: 0.3)),
           (tick: 0, action: SetAttribute(nation: "T", attribute: Capacity, value: 0.4)),
           (tick: 0, action: SetAttribute(nation: "T", attribute: Grievance, value: 0.4)){mission}"#
    ))
}

fn peacekeeping(troops: f64) -> String {
    format!(
        r#", (tick: 0, action: Intervention((id: "pko", kind: Peacekeeping, interveners: ["N1", "N2", "N3"], target: "T", legal_basis: Unsc, local_engagement: 0.5, troops_per_1000: {troops}, duration: 20, host_consent: true)))"#
    )
}

#[test]
fn sf07_peacekeeping_reduces_relapse() {
    let with = Run::new(&post_ceasefire(&peacekeeping(5.0)), 20);
    let without = Run::new(&post_ceasefire(""), 20);
    let total = |run: &Run| (1..=20).map(|t| relapse_risk(run, "T", t)).sum::<f64>();
    let ratio = total(&with) / total(&without);
    assert!(
        (0.25..=0.50).contains(&ratio),
        "cumulative relapse ratio {ratio}"
    );
    assert!(with.stability("T", 20) > without.stability("T", 20));
    for n in ["N1", "N2", "N3"] {
        let t = |run: &Run, tick: usize| {
            let (a, b) = (run.world.nation(n).unwrap(), run.world.nation("T").unwrap());
            run.states[tick].dyads.get(a, b).unwrap().trust
        };
        assert!(
            t(&with, 20) > t(&with, 1),
            "trust T–{n} rises during the mission"
        );
    }
}

#[test]
fn sf08_dose_response() {
    let n12: Vec<f64> = [2.0, 5.0, 10.0, 20.0]
        .iter()
        .map(|&troops| {
            Run::new(&post_ceasefire(&peacekeeping(troops)), 12)
                .nation("T", 12)
                .armed_groups
        })
        .collect();
    assert!(n12.windows(2).all(|w| w[1] < w[0]), "{n12:?}");
    let ratios: Vec<f64> = [2.0, 5.0, 10.0, 20.0]
        .iter()
        .map(|&troops| {
            let with = Run::new(&post_ceasefire(&peacekeeping(troops)), 20);
            let without = Run::new(&post_ceasefire(""), 20);
            let total = |run: &Run| (1..=20).map(|t| relapse_risk(run, "T", t)).sum::<f64>();
            total(&with) / total(&without)
        })
        .collect();
    assert!(
        ratios.windows(2).all(|w| w[1] < w[0]),
        "hazard ratios {ratios:?}"
    );
}

#[test]
fn sf03_planning_without_local_engagement_only_delays_decline() {
    let event = MISCALIBRATED_REGIME_CHANGE
        .replace("legal_basis: NoMandate", "legal_basis: Unsc")
        .replace("post_conflict_planning: 0.0", "post_conflict_planning: 1.0")
        .replace("troops_per_1000: 7.0", "troops_per_1000: 12.0")
        .replace("duration: 8", "duration: 12")
        .replace("drawdown: Rapid", "drawdown: Rate(0.2)");
    let run = Run::new(&w0(&event), 40);
    let before = run.stability("T", 3);
    for t in 4..=20 {
        assert!(
            run.stability("T", t) >= before,
            "S_T({t}) = {}",
            run.stability("T", t)
        );
    }
    assert!(
        run.stability("T", 40) < before,
        "S_T(40) = {}",
        run.stability("T", 40)
    );
}

#[test]
fn sf06_multilateral_beats_unilateral_at_equal_force() {
    let operation = |interveners: &str| Run::new(&w0(&humanitarian("NoMandate", interveners)), 12);
    let alone = operation(r#""H""#);
    let together = operation(r#""H", "N1", "N2""#);
    assert!(together.nation("T", 12).grievance < alone.nation("T", 12).grievance);
    let fall = |run: &Run| (run.relation("Q", "H", 4) - run.relation("Q", "H", 5)).abs();
    assert!(
        fall(&together) < fall(&alone),
        "{} vs {}",
        fall(&together),
        fall(&alone)
    );
    // Each intervener's cost term is f·(s_k/s_i)/|J|: a third of the cost for H when shared.
    let cost = |run: &Run| {
        let state = &run.states[6];
        let derived = entente::sim::derived::Derived::compute(&run.world, state);
        let h = run.world.nation("H").unwrap();
        derived.agreements.cost[h.ix()]
    };
    let ratio = cost(&together) / cost(&alone);
    assert!((ratio - 1.0 / 3.0).abs() < 0.02, "cost ratio {ratio}");
}

/// SF17's world: the alliance {Q, T, N3, X} at t = 0 with H hostile (−0.6) to every member.
fn eastern_bloc(events: &str) -> entente::model::Scenario {
    let mut scenario = w0(&format!(
        r#"(tick: 0, action: FormAlliance((id: "bloc", members: ["Q", "T", "N3", "X"]))){events}"#
    ));
    let members = ["Q", "T", "N3", "X"];
    scenario.relations.retain(|r| {
        !(r.a.as_str() == "H" && members.contains(&r.b.as_str())
            || r.b.as_str() == "H" && members.contains(&r.a.as_str()))
    });
    for m in members {
        scenario.relations.push(entente::model::Relation {
            a: "H".into(),
            b: m.into(),
            relation: -0.6,
            trust: 0.2,
        });
    }
    scenario
}

const DETENTE: &str = r#", (tick: 4, action: SetRelation(a: "H", b: "Q", relation: 0.0, structural: true)),
    (tick: 4, action: SetRelation(a: "H", b: "T", relation: 0.0, structural: true)),
    (tick: 4, action: SetRelation(a: "H", b: "N3", relation: 0.0, structural: true)),
    (tick: 4, action: SetRelation(a: "H", b: "X", relation: 0.0, structural: true))"#;

/// The bloc's index among the run's alliances (after any the world holds at load).
fn bloc(run: &Run) -> usize {
    run.world
        .alliances
        .iter()
        .position(|a| a.id.as_str() == "bloc")
        .unwrap()
}

fn dissolved_at(run: &Run) -> Option<u32> {
    let bloc = bloc(run);
    run.states
        .iter()
        .find_map(|s| match s.alliances[bloc].status {
            entente::sim::state::Status::Ended { at } => Some(at),
            _ => None,
        })
}

fn cohesion(run: &Run, t: usize) -> f64 {
    let state = &run.states[t];
    entente::sim::derived::Derived::compute(&run.world, state).cohesion[bloc(run)]
}

#[test]
fn sf17_alliances_collapse_when_the_threat_fades() {
    let detente = Run::new(&eastern_bloc(DETENTE), 40);
    let ended = dissolved_at(&detente).expect("the bloc dissolves after détente");
    assert!(ended <= 30, "dissolved at {ended}");
    let hostile = Run::new(&eastern_bloc(""), 40);
    assert!(dissolved_at(&hostile).is_none());
    assert!(
        cohesion(&hostile, 40) > 0.5,
        "C(40) = {}",
        cohesion(&hostile, 40)
    );
    let reformers = format!(
        r#"{DETENTE}, (tick: 6, action: LeadershipChange(nation: "T", ideology_shift: 0.8)),
        (tick: 6, action: LeadershipChange(nation: "X", ideology_shift: 0.8))"#
    );
    let faster = Run::new(&eastern_bloc(&reformers), 40);
    let earlier = dissolved_at(&faster).expect("dissolves");
    assert!(earlier + 4 <= ended, "{earlier} vs {ended}");
    // After the dissolution, the landscape (on the alignment the bloc held until then) shows at
    // least one wavering former member.
    let state = &detente.states[ended as usize];
    let camps =
        entente::sim::landscape::current_camps(&detente.world, &detente.states[ended as usize - 1]);
    let landscape = entente::sim::landscape::Landscape::of_state(&detente.world, state);
    let incentives = landscape.incentives(&camps);
    let wavering: Vec<&str> = ["Q", "T", "N3", "X"]
        .into_iter()
        .filter(|n| incentives[detente.world.nation(n).unwrap().ix()] > 0.0)
        .collect();
    assert!(
        !wavering.is_empty(),
        "no former member wavers: {incentives:?}"
    );
}

#[test]
fn sf19_balance_of_threat() {
    let events = r#"(tick: 4, action: SetAttribute(nation: "Q", attribute: Capability, value: 4.0)),
        (tick: 4, action: SetRelation(a: "Q", b: "N1", relation: -0.5)),
        (tick: 4, action: SetRelation(a: "Q", b: "N2", relation: -0.5)),
        (tick: 4, action: SetRelation(a: "Q", b: "N3", relation: -0.5))"#;
    let run = Run::new(&w0(events), 20);
    for n in ["N1", "N2", "N3"] {
        assert!(
            run.relation("H", n, 20) > run.relation("H", n, 4),
            "R(H, {n})"
        );
    }
    // The landscape's lowest minimum, or in a world too large to enumerate, the minimum that
    // steepest descent reaches from the camps the alliances hold now.
    let landscape = entente::sim::landscape::Landscape::of_state(&run.world, &run.states[20]);
    let best = landscape.minima().map_or_else(
        || {
            let now = entente::sim::landscape::current_camps(&run.world, &run.states[20]);
            landscape.descend(&now)
        },
        |minima| minima[0].camps.clone(),
    );
    let h = run.world.nation("H").unwrap().ix();
    for n in ["N1", "N2", "N3"] {
        let i = run.world.nation(n).unwrap().ix();
        assert_eq!(best[i], best[h], "{n} balances with H");
    }
}

#[test]
fn sf09_one_sided_intervention_with_counter_intervention_prolongs_conflict() {
    let scenario = |mission: &str| {
        let mut scenario = w0(&format!(
            r#"(tick: 0, action: SetAttribute(nation: "T", attribute: ArmedGroups, value: 0.4)){mission}"#
        ));
        for relation in &mut scenario.relations {
            match (relation.a.as_str(), relation.b.as_str()) {
                ("H", "T") => relation.relation = 0.3,
                ("Q", "T") => relation.relation = -0.4,
                _ => {}
            }
        }
        scenario
    };
    let conflict_ticks = |mission: &str| {
        let run = Run::new(&scenario(mission), 40);
        (0..=40)
            .filter(|&t| run.nation("T", t).armed_groups > 0.3)
            .count()
    };
    let none = conflict_ticks("");
    let one_sided = conflict_ticks(
        r#", (tick: 0, action: Intervention((id: "aid", kind: Humanitarian, interveners: ["H"], target: "T", legal_basis: NoMandate, troops_per_1000: 5.0, duration: 12, local_engagement: 0.5, side: Government)))"#,
    );
    let peacekeeping = conflict_ticks(
        r#", (tick: 0, action: Intervention((id: "pko", kind: Peacekeeping, interveners: ["H"], target: "T", legal_basis: Unsc, troops_per_1000: 5.0, duration: 12, local_engagement: 0.5, host_consent: true)))"#,
    );
    assert!(one_sided > none, "{one_sided} vs {none}");
    assert!(peacekeeping < none, "{peacekeeping} vs {none}");
}

#[test]
fn sf11_power_vacuum_spills_over_regionally() {
    let run = Run::new(&w0(MISCALIBRATED_REGIME_CHANGE), 24);
    let neighbours = ["N1", "N2", "N3"];
    let mean = |t: usize| {
        neighbours
            .iter()
            .map(|n| run.nation(n, t).armed_groups)
            .sum::<f64>()
            / 3.0
    };
    assert!(mean(24) > mean(3) + 0.02, "N̄ {} -> {}", mean(3), mean(24));
    for n in neighbours {
        assert!(run.stability(n, 24) < run.stability(n, 3), "{n}");
    }
    // Outside Mesa the neighbourhood and spillover terms stay exactly zero.
    let scenario = w0(MISCALIBRATED_REGIME_CHANGE);
    let (world, mut state) = entente::sim::start(&prepared(&scenario), 0).unwrap();
    for _ in 0..24 {
        let ledger = entente::sim::step::step(&world, &mut state, true);
        for change in &ledger.changes {
            if let entente::sim::Entity::Nation(i) = change.entity {
                let region = &world.regions[world.nations[i.ix()].region.ix()];
                if region.id.as_str() != "mesa" {
                    for term in &change.terms {
                        assert!(
                            !(term.id == "u_nbr" || term.id == "u_sp") || term.value == 0.0,
                            "{} {} {}",
                            world.nations[i.ix()].id,
                            term.id,
                            term.value
                        );
                    }
                }
            }
        }
    }
}

/// Every fact again, its world inside a generated world of 120 nations (`common::embed`).
mod inside_a_generated_world {
    #[test]
    fn sf01_miscalibrated_regime_change_rises_then_falls() {
        super::common::embedded(super::sf01_miscalibrated_regime_change_rises_then_falls);
    }

    #[test]
    fn sf02_calibrated_regime_change_keeps_the_target_stable() {
        super::common::embedded(super::sf02_calibrated_regime_change_keeps_the_target_stable);
    }

    #[test]
    fn sf04_catastrophic_success_pacifies_the_interstate_relation() {
        super::common::embedded(super::sf04_catastrophic_success_pacifies_the_interstate_relation);
    }

    #[test]
    fn sf20_enemy_of_my_enemy_becomes_a_friend() {
        super::common::embedded(super::sf20_enemy_of_my_enemy_becomes_a_friend);
    }

    #[test]
    fn sf05_legal_basis_orders_legitimacy_and_third_party_reactions() {
        super::common::embedded(
            super::sf05_legal_basis_orders_legitimacy_and_third_party_reactions,
        );
    }

    #[test]
    fn sf10_preventive_strike_delays_and_hardens() {
        super::common::embedded(super::sf10_preventive_strike_delays_and_hardens);
    }

    #[test]
    fn sf16_defence_burden_causes_unrest_above_the_threshold() {
        super::common::embedded(super::sf16_defence_burden_causes_unrest_above_the_threshold);
    }

    #[test]
    fn sf18_leadership_change_hurts_commitments_more_in_autocracies() {
        super::common::embedded(
            super::sf18_leadership_change_hurts_commitments_more_in_autocracies,
        );
    }

    #[test]
    fn sf22_confidence_building_builds_trust_and_damps_arming() {
        super::common::embedded(super::sf22_confidence_building_builds_trust_and_damps_arming);
    }

    #[test]
    fn sf23_trust_is_lost_fast_and_rebuilt_slowly() {
        super::common::embedded(super::sf23_trust_is_lost_fast_and_rebuilt_slowly);
    }

    #[test]
    fn sf24_stationarity_and_determinism() {
        super::common::embedded(super::sf24_stationarity_and_determinism);
    }

    #[test]
    fn sf13_alliances_deter() {
        super::common::embedded(super::sf13_alliances_deter);
    }

    #[test]
    fn sf14_alliances_provoke() {
        super::common::embedded(super::sf14_alliances_provoke);
    }

    #[test]
    fn sf15_arms_races_raise_war_risk() {
        super::common::embedded(super::sf15_arms_races_raise_war_risk);
    }

    #[test]
    fn sf07_peacekeeping_reduces_relapse() {
        super::common::embedded(super::sf07_peacekeeping_reduces_relapse);
    }

    #[test]
    fn sf08_dose_response() {
        super::common::embedded(super::sf08_dose_response);
    }

    #[test]
    fn sf03_planning_without_local_engagement_only_delays_decline() {
        super::common::embedded(super::sf03_planning_without_local_engagement_only_delays_decline);
    }

    #[test]
    fn sf06_multilateral_beats_unilateral_at_equal_force() {
        super::common::embedded(super::sf06_multilateral_beats_unilateral_at_equal_force);
    }

    #[test]
    fn sf17_alliances_collapse_when_the_threat_fades() {
        super::common::embedded(super::sf17_alliances_collapse_when_the_threat_fades);
    }

    #[test]
    fn sf19_balance_of_threat() {
        super::common::embedded(super::sf19_balance_of_threat);
    }

    #[test]
    fn sf09_one_sided_intervention_with_counter_intervention_prolongs_conflict() {
        super::common::embedded(
            super::sf09_one_sided_intervention_with_counter_intervention_prolongs_conflict,
        );
    }

    #[test]
    fn sf11_power_vacuum_spills_over_regionally() {
        super::common::embedded(super::sf11_power_vacuum_spills_over_regionally);
    }
}
