//! Allied deterrence and the per-tick hazards of MODEL.md 2.4: the risk that j attacks i and the
//! risk that a nation relapses into civil war. Hazards are reported every tick; only the seeded
//! random events turn them into events.

use super::derived::Derived;
use super::ids::NationIx;
use super::state::{DyadState, State};
use super::world::World;

/// Def_i^(j): the share of the balance held by i's allies against attacker j.
pub fn deterrence(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    deterrence_by(
        derived.agreements.allied[i.ix()],
        state.nation(j).capability,
    )
}

/// Def from i's allied capability and the attacker's capability (for callers that reuse the
/// allied capability across attackers).
pub fn deterrence_by(allied: f64, attacker: f64) -> f64 {
    if allied + attacker > 0.0 {
        allied / (allied + attacker)
    } else {
        0.0
    }
}

/// Def_i against a nation of average capability M̄₀: the reassurance term of stability.
pub fn reassurance(world: &World, derived: &Derived, i: NationIx) -> f64 {
    let allied = derived.agreements.allied[i.ix()];
    allied / (allied + world.calibration.norms.capability)
}

/// H^int_{j→i}: the per-tick risk that j attacks i.
pub fn attack(world: &World, state: &State, derived: &Derived, j: NationIx, i: NationIx) -> f64 {
    let Some(dyad) = state.dyads.get(i, j) else {
        return 0.0;
    };
    attack_on_pair(world, state, derived, j, i, &dyad)
}

/// H^int_{j→i} for a stored pair.
pub fn attack_on_pair(
    world: &World,
    state: &State,
    derived: &Derived,
    j: NationIx,
    i: NationIx,
    dyad: &DyadState,
) -> f64 {
    let p = &world.params;
    let hostility = f64::max(0.0, -dyad.relation);
    if hostility == 0.0 {
        return 0.0;
    }
    let link = derived.link(i, j);
    p.attack_hazard
        * hostility
        * world.proximity(i, j)
        * (1.0 - dyad.trust)
        * (1.0 + p.arms_race_hazard * arms_race(world, state, i, j, dyad.relation))
        * (1.0 - p.deterrence * deterrence(state, derived, i, j))
        * (1.0 - 0.5 * link.non_aggression)
        * (1.0 - 0.3 * link.confidence_building)
}

/// H^rel_k: the per-tick risk of relapse into civil war.
pub fn relapse(world: &World, state: &State, derived: &Derived, k: NationIx) -> f64 {
    let p = &world.params;
    let x = state.nation(k);
    let peacekeeping = f64::min(
        1.0,
        derived.presence[k.ix()] * derived.peacekeeping_effectiveness[k.ix()] / 0.25,
    );
    p.relapse_hazard
        * (x.armed_groups / 0.3)
        * (1.0 + 0.5 * x.grievance)
        * (1.0 - p.peacekeeping_effect * peacekeeping)
}

/// AR_ij ∈ [0, 1]: how far a hostile pair is in a mutual build-up (model 2): the hostility ramp
/// clamp((h − 0.1)/0.2, 0, 1) times min(1, min(b_i, b_j)/0.1), with b the build-up since load
/// relative to each nation's effort scale (both 10% above their load effort: 1). Levels, not
/// growth rates, and no threshold: a wobble gives a wobble. It raises the attack hazard only.
pub fn arms_race(world: &World, state: &State, i: NationIx, j: NationIx, relation: f64) -> f64 {
    let scales = &world.calibration.scales;
    let build_up = |n: NationIx| f64::max(0.0, scales.build_up(n, state.nation(n).effort));
    let hostility = ((-relation - 0.1) / 0.2).clamp(0.0, 1.0);
    hostility * f64::min(1.0, f64::min(build_up(i), build_up(j)) / 0.1)
}
