//! MODEL.md 4 / stylized fact 12: with relations frozen and two hostile states only, the defence
//! block is exactly the discrete Richardson system x' = x + k·y − a·x + g, in all four regimes.

use entente::io::load_str;
use entente::sim;

/// Two fully hostile states in one region; w = 1 both ways (trust does not damp threat here),
/// relation drivers off so relations stay frozen.
fn duel(k: f64, a: f64, events: &str) -> (sim::World, sim::State) {
    let text = format!(
        r#"(
    format_version: 1,
    meta: (title: "Richardson duel"),
    horizon: 400,
    params: (reaction_k: {k}, fatigue_a: {a}, trust_threat_damping: 0.0, arms_push: 0.0,
             trust_pull: 0.0, balance_pull: 0.0, ideology_push: 0.0),
    regions: [(id: "r")],
    nations: [
        (id: "A", region: "r", economy: 10.0, defence_share: 0.02),
        (id: "B", region: "r", economy: 10.0, defence_share: 0.02),
    ],
    relations: [(a: "A", b: "B", relation: -1.0, trust: 0.5)],
    events: [{events}],
)"#
    );
    let scenario = load_str(&text).unwrap_or_else(|e| panic!("{e}"));
    sim::start(&scenario, 0).unwrap()
}

/// Runs `ticks` steps and returns (x_A, x_B) at every tick after the first step.
fn efforts(world: &sim::World, state: &mut sim::State, ticks: usize) -> Vec<(f64, f64)> {
    (0..ticks)
        .map(|_| {
            sim::step::step(world, state, false);
            (state.nations[0].effort, state.nations[1].effort)
        })
        .collect()
}

/// The hand-written Euler iteration of the same system, with the cap and the zero floor.
fn euler(
    k: f64,
    a: f64,
    g: (f64, f64),
    start: (f64, f64),
    cap: f64,
    ticks: usize,
) -> Vec<(f64, f64)> {
    let (mut x, mut y) = start;
    (0..ticks)
        .map(|_| {
            let nx = (x + (k * y + -a * x + g.0)).clamp(0.0, cap);
            let ny = (y + (k * x + -a * y + g.1)).clamp(0.0, cap);
            (x, y) = (nx, ny);
            (x, y)
        })
        .collect()
}

fn assert_close(engine: &[(f64, f64)], hand: &[(f64, f64)]) {
    for (t, (e, h)) in engine.iter().zip(hand).enumerate() {
        assert!(
            (e.0 - h.0).abs() < 1e-12 && (e.1 - h.1).abs() < 1e-12,
            "tick {}: engine {e:?}, closed form {h:?}",
            t + 1
        );
    }
}

#[test]
fn sf12_stable_armed_equilibrium_when_fatigue_beats_fear() {
    let (k, a) = (0.1, 0.2);
    // Calibration makes (0.2, 0.2) the fixed point: g = a·x − k·y = 0.02 for both.
    let (world, mut state) = duel(
        k,
        a,
        r#"(tick: 0, action: SetAttribute(nation: "A", attribute: DefenceShare, value: 0.05))"#,
    );
    let engine = efforts(&world, &mut state, 300);
    let g = 0.02;
    assert_close(&engine, &euler(k, a, (g, g), (0.5, 0.2), 2.5, 300));
    // x* = (k·g_B + a·g_A)/(a·a − k·k) from MODEL.md 4.
    let fixed = (k * g + a * g) / (a * a - k * k);
    let last = engine.last().unwrap();
    assert!(
        (last.0 - fixed).abs() < 1e-9 && (last.1 - fixed).abs() < 1e-9,
        "{last:?} vs {fixed}"
    );
}

#[test]
fn sf12_runaway_to_the_cap_when_fear_beats_fatigue() {
    let (k, a) = (0.3, 0.2);
    // Both aim for 5% of GDP (x = 0.5) while the rival is at 0.2: g = a·0.5 − k·0.2 = 0.04 > 0.
    let (world, mut state) = duel(
        k,
        a,
        r#"(tick: 0, action: ChangeDefenceAmbition(nation: "A", target_share: 0.05)),
           (tick: 0, action: ChangeDefenceAmbition(nation: "B", target_share: 0.05))"#,
    );
    let mut engine = efforts(&world, &mut state, 199);
    // The cap binds on the economy at the start of each step (it moves: the burden weighs on it).
    let final_cap = 0.25 * state.nations[0].economy;
    engine.extend(efforts(&world, &mut state, 1));
    let cap = 0.25 * 10.0;
    let hand = euler(k, a, (0.04, 0.04), (0.2, 0.2), cap, 200);
    // Until the economy reacts to the burden, the race is exactly Richardson's.
    let early = engine.iter().take_while(|(x, _)| *x < 0.3).count();
    assert_close(&engine[..early], &hand[..early]);
    let last = engine.last().unwrap();
    assert!(
        (last.0 - final_cap).abs() < 1e-9,
        "{last:?} at the cap {final_cap}"
    );
}

#[test]
fn sf12_disarmament_when_grievances_are_negative() {
    let (k, a) = (0.1, 0.2);
    // Aiming for zero: g = −k·0.2 = −0.02 < 0, so x* < 0 and both disarm to the floor.
    let (world, mut state) = duel(
        k,
        a,
        r#"(tick: 0, action: ChangeDefenceAmbition(nation: "A", target_share: 0.0)),
           (tick: 0, action: ChangeDefenceAmbition(nation: "B", target_share: 0.0))"#,
    );
    let engine = efforts(&world, &mut state, 200);
    assert_close(&engine, &euler(k, a, (-0.02, -0.02), (0.2, 0.2), 2.5, 200));
    assert_eq!(*engine.last().unwrap(), (0.0, 0.0));
}

#[test]
fn sf12_saddle_races_or_disarms_depending_on_the_side_of_the_separatrix() {
    let (k, a) = (0.3, 0.2);
    // Calibrated g = a·0.2 − k·0.2 = −0.02 < 0 with a·a < k·k: the load point is a saddle.
    for (share, races) in [(0.021, true), (0.019, false)] {
        let (world, mut state) = duel(
            k,
            a,
            &format!(
                r#"(tick: 0, action: SetAttribute(nation: "A", attribute: DefenceShare, value: {share})),
                   (tick: 0, action: SetAttribute(nation: "B", attribute: DefenceShare, value: {share}))"#
            ),
        );
        let engine = efforts(&world, &mut state, 150);
        let start = share * 10.0;
        let hand = euler(k, a, (-0.02, -0.02), (start, start), 2.5, 150);
        let early = engine
            .iter()
            .take_while(|(x, _)| (0.1..0.3).contains(x))
            .count();
        assert_close(&engine[..early], &hand[..early]);
        let last = engine.last().unwrap();
        if races {
            // The race reaches the war-economy cap (later the burden ruins the economy, which
            // lowers the cap: a model effect beyond Richardson's two equations).
            let peak = engine.iter().map(|e| e.0).fold(0.0, f64::max);
            assert!(
                peak > 1.0,
                "above the separatrix the race runs away: peak {peak}"
            );
        } else {
            assert_eq!(last.0, 0.0, "below it both disarm: {last:?}");
        }
    }
}
