//! Allied deterrence and the per-tick hazards of MODEL.md 2.4: the risk that j attacks i and the
//! risk that a nation relapses into civil war. Hazards are reported every tick; only the seeded
//! random events turn them into events.

use crate::model::TreatyKind;

use super::derived::Derived;
use super::ids::NationIx;
use super::intervention::collective_defence_allies;
use super::state::State;
use super::world::World;

/// Σ_{m∈CD(i)} rel_mi·M_m: the allied capability i can count on, with reliability
/// rel_mi = ω·(0.5 + 0.5·T_mi) (+0.1σ for joint exercises), capped at 1.
pub fn allied_capability(world: &World, state: &State, i: NationIx) -> f64 {
    let mut allies: Vec<NationIx> = collective_defence_allies(world, state, i).collect();
    allies.sort();
    allies.dedup();
    allies
        .into_iter()
        .map(|m| reliability(world, state, m, i) * state.nation(m).capability)
        .sum()
}

/// rel_mi: how reliably m would come to i's defence.
pub fn reliability(world: &World, state: &State, m: NationIx, i: NationIx) -> f64 {
    // The strongest commitment m has toward i: alliance commitment ω, or a treaty's strength.
    let mut commitment: f64 = 0.0;
    for (a, alliance) in state.alliances.iter().enumerate() {
        if !alliance.status.is_active() || !world.alliances[a].collective_defence {
            continue;
        }
        let has_i = alliance.members.iter().any(|&(n, _)| n == i);
        if let Some(&(_, omega)) = alliance.members.iter().find(|&&(n, _)| n == m)
            && has_i
        {
            commitment = commitment.max(omega);
        }
    }
    let mut exercises: f64 = 0.0;
    for (t, info) in world.treaties.iter().enumerate() {
        if !state.treaties[t].status.is_active()
            || !info.parties.contains(&i)
            || !info.parties.contains(&m)
        {
            continue;
        }
        match info.kind {
            TreatyKind::MutualDefence => commitment = commitment.max(info.strength),
            TreatyKind::JointExercises => exercises = exercises.max(info.strength),
            _ => {}
        }
    }
    let trust = state
        .dyads
        .get(m, i)
        .map_or(crate::model::DEFAULT_TRUST, |d| d.trust);
    f64::min(1.0, commitment * (0.5 + 0.5 * trust) + 0.1 * exercises)
}

/// Def_i^(j): the share of the balance held by i's allies against attacker j.
pub fn deterrence(world: &World, state: &State, i: NationIx, j: NationIx) -> f64 {
    deterrence_by(
        allied_capability(world, state, i),
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
pub fn reassurance(world: &World, state: &State, i: NationIx) -> f64 {
    let allied = allied_capability(world, state, i);
    allied / (allied + world.calibration.norms.capability)
}

/// H^int_{j→i}: the per-tick risk that j attacks i.
pub fn attack(world: &World, state: &State, derived: &Derived, j: NationIx, i: NationIx) -> f64 {
    let p = &world.params;
    let Some(dyad) = state.dyads.get(i, j) else {
        return 0.0;
    };
    let hostility = f64::max(0.0, -dyad.relation);
    if hostility == 0.0 {
        return 0.0;
    }
    let link = derived.link(i, j);
    p.attack_hazard
        * hostility
        * world.proximity(i, j)
        * (1.0 - dyad.trust)
        * (1.0 + p.arms_race_hazard * super::rules::relations::arms_race(state, i, j))
        * (1.0 - p.deterrence * deterrence(world, state, i, j))
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
