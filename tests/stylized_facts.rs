//! The stylized facts of MODEL.md section 3, each a named experiment on the canonical world W0
//! with the default parameters, asserting the expectation MODEL.md states.

mod common;

use common::{MISCALIBRATED_REGIME_CHANGE, Run, w0};

#[test]
fn sf01_miscalibrated_regime_change_rises_then_falls() {
    let run = Run::new(&w0(MISCALIBRATED_REGIME_CHANGE), 40);
    let before = run.stability("T", 3);
    for t in 6..=12 {
        assert!(run.stability("T", t) > before, "S_T({t}) = {} vs {before}", run.stability("T", t));
    }
    assert!(run.stability("T", 18) < before, "S_T(18) = {}", run.stability("T", 18));
    assert!(run.stability("T", 40) < before - 0.15, "S_T(40) = {}", run.stability("T", 40));
    let n3 = run.nation("T", 3).armed_groups;
    assert!(run.nation("T", 20).armed_groups >= 4.0 * n3, "N_T(20) = {}", run.nation("T", 20).armed_groups);
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
        assert!(run.stability("T", t) >= before - 0.03, "S_T({t}) = {}", run.stability("T", t));
    }
    assert!(run.stability("T", 40) >= before, "S_T(40) = {}", run.stability("T", 40));
}

#[test]
fn sf04_catastrophic_success_pacifies_the_interstate_relation() {
    let run = Run::new(&w0(MISCALIBRATED_REGIME_CHANGE), 40);
    assert!(run.relation("H", "T", 8) > 0.0, "R_HT(8) = {}", run.relation("H", "T", 8));
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
    assert!(run.relation("A", "C", 20) > 0.0, "R_AC(20) = {}", run.relation("A", "C", 20));
    let product = run.relation("A", "B", 20) * run.relation("B", "C", 20) * run.relation("A", "C", 20);
    assert!(product > 0.0, "the triangle is balanced");
}
