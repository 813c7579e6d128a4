//! Block K (alliances): threat, divergence and the commitment of a new member.

use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::state::State;
use super::super::world::World;

/// h_ij = max(0, −R_ij).
pub fn hostility(state: &State, i: NationIx, j: NationIx) -> f64 {
    f64::max(0.0, -state.dyads.relation(i, j))
}

/// h̃_ij: hostility of i toward j, raised by the alliances j belongs to and i does not
/// (the provocation side of the alliance security dilemma).
pub fn bloc_hostility(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
    j: NationIx,
) -> f64 {
    let mut bloc = 0.0;
    for (a, alliance) in state.alliances.iter().enumerate() {
        if !alliance.status.is_active() {
            continue;
        }
        let has = |n: NationIx| alliance.members.iter().any(|&(m, _)| m == n);
        if has(j) && !has(i) {
            let worst = alliance
                .members
                .iter()
                .map(|&(m, _)| hostility(state, i, m))
                .fold(0.0, f64::max);
            bloc += derived.cohesion[a] * worst;
        }
    }
    f64::min(
        1.0,
        hostility(state, i, j) + world.params.bloc_provocation * bloc,
    )
}

/// Θ_ia: the largest threat to member i from a nation outside alliance a.
pub fn shared_threat(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
    members: &[NationIx],
) -> f64 {
    let s_i = derived.size_of(i);
    world
        .nation_indices()
        .filter(|j| *j != i && !members.contains(j))
        .map(|j| {
            let s_j = derived.size_of(j);
            let share = if s_i + s_j > 0.0 {
                s_j / (s_i + s_j)
            } else {
                0.0
            };
            bloc_hostility(world, state, derived, i, j)
                * share
                * (0.5 + 0.5 * world.proximity(i, j))
        })
        .fold(0.0, f64::max)
}

/// Div_ia: mean over members of ¼(1 − R_im) + ¼|I_i − I_m|.
pub fn divergence(state: &State, i: NationIx, members: &[NationIx]) -> f64 {
    let others: Vec<NationIx> = members.iter().copied().filter(|&m| m != i).collect();
    if others.is_empty() {
        return 0.0;
    }
    let total: f64 = others
        .iter()
        .map(|&m| {
            0.25 * (1.0 - state.dyads.relation(i, m))
                + 0.25 * (state.nation(i).ideology - state.nation(m).ideology).abs()
        })
        .sum();
    total / others.len() as f64
}

/// ω_ia(0) = clamp(0.4 + 0.6·Θ_ia − 0.4·Div_ia, 0.2, 0.95).
pub fn initial_commitment(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
    members: &[NationIx],
) -> f64 {
    let threat = shared_threat(world, state, derived, i, members);
    let divergence = divergence(state, i, members);
    (0.4 + 0.6 * threat - 0.4 * divergence).clamp(0.2, 0.95)
}
