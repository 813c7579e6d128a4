//! MODEL.md 4 / stylized fact 12: with relations frozen and two hostile states only, the defence
//! block is exactly the discrete Richardson system x' = x + k·y − a·x + g, in all four regimes;
//! and again with the two states inside a generated world of 120 other nations
//! (`inside_a_generated_world::…`), where fear is a mean over each state's ties at load, so the
//! same system holds with k_i = k·w/D_i (D_i, the threat denominator, from the world).

use crate::common;

use entente::io::load_str;
use entente::sim;

/// Where the duel is fought.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    /// The two states alone.
    Alone,
    /// The two states inside a generated world at rest (`common::embed`), each with friendly
    /// ties to some of its nations.
    InsideAWorld,
}

/// A duel ready to run, with the reaction gains the engine's fear gives it.
struct Duel {
    world: sim::World,
    state: sim::State,
    /// k_A, k_B: reaction_k · X_i / (X_j · D_i), with w_AB = 1.
    gains: (f64, f64),
}

/// Two fully hostile states in one region; w = 1 both ways (trust does not damp threat here),
/// relation drivers off so relations stay frozen. `k` is the reaction each state should feel:
/// inside a world, `reaction_k` is raised by the larger threat denominator so that the stronger
/// gain is `k` (fear is divided by D_i there).
fn duel(k: f64, a: f64, events: &str, place: Place) -> Duel {
    let build = |reaction_k: f64| {
        let text = format!(
            r#"(
    format_version: 1,
    meta: (title: "Richardson duel"),
    horizon: 400,
    params: (reaction_k: {reaction_k}, fatigue_a: {a}, trust_threat_damping: 0.0, arms_push: 0.0,
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
        let mut scenario = load_str(&text).unwrap_or_else(|e| panic!("{e}"));
        if place == Place::InsideAWorld {
            scenario = common::embed(&scenario, 120, 12);
        }
        sim::start(&scenario, 0).unwrap()
    };
    let (world, _) = build(k);
    let (ia, ib) = (world.nation("A").unwrap(), world.nation("B").unwrap());
    let scales = &world.calibration.scales;
    let (da, db) = (scales.threat[ia.ix()], scales.threat[ib.ix()]);
    if place == Place::InsideAWorld {
        assert!(
            da > 1.0 && db > 1.0,
            "the world's ties count in the threat denominators: {da}, {db}"
        );
    }
    let reaction_k = k * f64::max(da, db);
    let (world, state) = build(reaction_k);
    let scales = &world.calibration.scales;
    let (xa, xb) = (scales.effort[ia.ix()], scales.effort[ib.ix()]);
    Duel {
        gains: (reaction_k * xa / (xb * da), reaction_k * xb / (xa * db)),
        world,
        state,
    }
}

impl Duel {
    /// Runs `ticks` steps and returns (x_A, x_B) at every tick after the first step.
    fn efforts(&mut self, ticks: usize) -> Vec<(f64, f64)> {
        let (a, b) = (self.nation("A"), self.nation("B"));
        (0..ticks)
            .map(|_| {
                sim::step::step(&self.world, &mut self.state, false);
                (self.state.nations[a].effort, self.state.nations[b].effort)
            })
            .collect()
    }

    fn nation(&self, id: &str) -> usize {
        self.world.nation(id).unwrap().ix()
    }

    /// (g_A, g_B), the ambitions in force.
    fn ambitions(&self) -> (f64, f64) {
        let g = |id| self.state.nations[self.nation(id)].ambition;
        (g("A"), g("B"))
    }

    /// (x_A, x_B) now.
    fn now(&self) -> (f64, f64) {
        let x = |id| self.state.nations[self.nation(id)].effort;
        (x("A"), x("B"))
    }
}

/// The hand-written Euler iteration of the same system, with the cap and the zero floor.
fn euler(
    k: (f64, f64),
    a: f64,
    g: (f64, f64),
    start: (f64, f64),
    cap: f64,
    ticks: usize,
) -> Vec<(f64, f64)> {
    let (mut x, mut y) = start;
    (0..ticks)
        .map(|_| {
            let nx = (x + (k.0 * y + -a * x + g.0)).clamp(0.0, cap);
            let ny = (y + (k.1 * x + -a * y + g.1)).clamp(0.0, cap);
            (x, y) = (nx, ny);
            (x, y)
        })
        .collect()
}

fn assert_close(engine: &[(f64, f64)], hand: &[(f64, f64)]) {
    assert!(!engine.is_empty(), "nothing to compare");
    for (t, (e, h)) in engine.iter().zip(hand).enumerate() {
        assert!(
            (e.0 - h.0).abs() < 1e-12 && (e.1 - h.1).abs() < 1e-12,
            "tick {}: engine {e:?}, closed form {h:?}",
            t + 1
        );
    }
}

/// Steps once (the tick-0 events apply), then checks the engine against the Euler iteration from
/// there, with the ambitions in force; returns every tick's (x_A, x_B) after the first.
fn matches_richardson_while(
    duel: &mut Duel,
    a: f64,
    ticks: usize,
    exact_while: impl Fn(&(f64, f64)) -> bool,
) -> Vec<(f64, f64)> {
    duel.efforts(1);
    let (g, start) = (duel.ambitions(), duel.now());
    let engine = duel.efforts(ticks);
    let hand = euler(duel.gains, a, g, start, 2.5, ticks);
    let early = engine.iter().take_while(|x| exact_while(x)).count();
    assert_close(&engine[..early], &hand[..early]);
    engine
}

fn stable_armed_equilibrium_when_fatigue_beats_fear(place: Place) {
    let (k, a) = (0.1, 0.2);
    // Calibration makes (0.2, 0.2) the fixed point: g = a·x − k_i·y for each.
    let mut duel = duel(
        k,
        a,
        r#"(tick: 0, action: SetAttribute(nation: "A", attribute: DefenceShare, value: 0.05))"#,
        place,
    );
    let (ka, kb) = duel.gains;
    assert!(ka * kb < a * a, "fatigue beats fear: {ka}·{kb} < {a}²");
    let engine = matches_richardson_while(&mut duel, a, 299, |_| true);
    // x* = (a·g_A + k_A·g_B)/(a² − k_A·k_B) from MODEL.md 4, and likewise y*.
    let (ga, gb) = duel.ambitions();
    let fixed = (
        (a * ga + ka * gb) / (a * a - ka * kb),
        (a * gb + kb * ga) / (a * a - ka * kb),
    );
    assert!(
        (fixed.0 - 0.2).abs() < 1e-9 && (fixed.1 - 0.2).abs() < 1e-9,
        "calibrated to the load point: {fixed:?}"
    );
    let last = engine.last().unwrap();
    assert!(
        (last.0 - fixed.0).abs() < 1e-9 && (last.1 - fixed.1).abs() < 1e-9,
        "{last:?} vs {fixed:?}"
    );
}

fn runaway_to_the_cap_when_fear_beats_fatigue(place: Place) {
    let (k, a) = (0.3, 0.2);
    // Both aim for 5% of GDP (x = 0.5) while the rival is at 0.2: g = a·0.5 − k_i·0.2 > 0.
    let mut duel = duel(
        k,
        a,
        r#"(tick: 0, action: ChangeDefenceAmbition(nation: "A", target_share: 0.05)),
           (tick: 0, action: ChangeDefenceAmbition(nation: "B", target_share: 0.05))"#,
        place,
    );
    let (ka, kb) = duel.gains;
    assert!(ka * kb > a * a, "fear beats fatigue: {ka}·{kb} > {a}²");
    // Until the cap binds, the race is exactly Richardson's.
    let mut engine = matches_richardson_while(&mut duel, a, 198, |x| x.0 < 2.0);
    // The cap binds on the economy at the start of each step (it moves: the burden weighs on it).
    let a_ix = duel.nation("A");
    let final_cap = 0.25 * duel.state.nations[a_ix].economy;
    engine.extend(duel.efforts(1));
    let last = engine.last().unwrap();
    assert!(
        (last.0 - final_cap).abs() < 1e-9,
        "{last:?} at the cap {final_cap}"
    );
}

fn disarmament_when_grievances_are_negative(place: Place) {
    let (k, a) = (0.1, 0.2);
    // Aiming for zero: g = −k_i·0.2 < 0, so x* < 0 and both disarm to the floor.
    let mut duel = duel(
        k,
        a,
        r#"(tick: 0, action: ChangeDefenceAmbition(nation: "A", target_share: 0.0)),
           (tick: 0, action: ChangeDefenceAmbition(nation: "B", target_share: 0.0))"#,
        place,
    );
    let engine = matches_richardson_while(&mut duel, a, 199, |_| true);
    let (ga, gb) = duel.ambitions();
    assert!(ga < 0.0 && gb < 0.0, "negative grievances: {ga}, {gb}");
    assert_eq!(*engine.last().unwrap(), (0.0, 0.0));
}

fn saddle_races_or_disarms_depending_on_the_side_of_the_separatrix(place: Place) {
    let (k, a) = (0.3, 0.2);
    // Calibrated g = a·0.2 − k_i·0.2 < 0 with a·a < k_A·k_B: the load point is a saddle, and
    // the diagonal crosses its separatrix there.
    for (share, races) in [(0.021, true), (0.019, false)] {
        let mut duel = duel(
            k,
            a,
            &format!(
                r#"(tick: 0, action: SetAttribute(nation: "A", attribute: DefenceShare, value: {share})),
                   (tick: 0, action: SetAttribute(nation: "B", attribute: DefenceShare, value: {share}))"#
            ),
            place,
        );
        let (ka, kb) = duel.gains;
        assert!(ka * kb > a * a, "a saddle: {ka}·{kb} > {a}²");
        let engine = matches_richardson_while(&mut duel, a, 149, |x| (0.1..0.3).contains(&x.0));
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

#[test]
fn sf12_stable_armed_equilibrium_when_fatigue_beats_fear() {
    stable_armed_equilibrium_when_fatigue_beats_fear(Place::Alone);
}

#[test]
fn sf12_runaway_to_the_cap_when_fear_beats_fatigue() {
    runaway_to_the_cap_when_fear_beats_fatigue(Place::Alone);
}

#[test]
fn sf12_disarmament_when_grievances_are_negative() {
    disarmament_when_grievances_are_negative(Place::Alone);
}

#[test]
fn sf12_saddle_races_or_disarms_depending_on_the_side_of_the_separatrix() {
    saddle_races_or_disarms_depending_on_the_side_of_the_separatrix(Place::Alone);
}

/// The four regimes again, the duel inside a generated world of 120 nations at rest.
mod inside_a_generated_world {
    use super::Place::InsideAWorld;

    #[test]
    fn sf12_stable_armed_equilibrium_when_fatigue_beats_fear() {
        super::stable_armed_equilibrium_when_fatigue_beats_fear(InsideAWorld);
    }

    #[test]
    fn sf12_runaway_to_the_cap_when_fear_beats_fatigue() {
        super::runaway_to_the_cap_when_fear_beats_fatigue(InsideAWorld);
    }

    #[test]
    fn sf12_disarmament_when_grievances_are_negative() {
        super::disarmament_when_grievances_are_negative(InsideAWorld);
    }

    #[test]
    fn sf12_saddle_races_or_disarms_depending_on_the_side_of_the_separatrix() {
        super::saddle_races_or_disarms_depending_on_the_side_of_the_separatrix(InsideAWorld);
    }
}
