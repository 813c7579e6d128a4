//! Blocks D (relations), E (trust) and M (fighting) for every stored pair.

use super::super::bounded::{Driver, bounded_update, logistic_update};
use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder, Term};
use super::super::state::{DyadState, State};
use super::super::world::World;

/// Ticks during which a nation that broke a commitment has its positive signals discounted.
pub const ABROGATION_MEMORY: u32 = 40;

/// Σ_{k≠i,j} s_k R_ik R_kj / Σ_{k≠i,j} s_k: "friend of a friend, enemy of an enemy".
/// Only common neighbours contribute, so the sum walks the sparser of the two neighbour lists.
pub fn balance_sum(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    let denominator = derived.total_size - derived.size_of(i) - derived.size_of(j);
    if denominator <= 0.0 {
        return 0.0;
    }
    let (small, other) = if state.dyads.degree(i) <= state.dyads.degree(j) {
        (i, j)
    } else {
        (j, i)
    };
    let mut total = 0.0;
    for (k, dyad) in state.dyads.neighbours(small) {
        if k == other || dyad.relation == 0.0 {
            continue;
        }
        let far = state.dyads.relation(k, other);
        if far != 0.0 {
            total += derived.size_of(k) * dyad.relation * far;
        }
    }
    total / denominator
}

/// AR_ij: 1 when both hostile parties raise spending by ≥ 2% per tick (MODEL.md 2.4).
pub fn arms_race(state: &State, i: NationIx, j: NationIx) -> f64 {
    if f64::max(0.0, -state.dyads.relation(i, j)) <= 0.2 {
        return 0.0;
    }
    let growth = |n: NationIx| {
        let x = state.nation(n);
        let before = x.effort - x.effort_change;
        if before > 0.0 {
            f64::max(0.0, x.effort_change / before)
        } else {
            0.0
        }
    };
    f64::min(1.0, (growth(i) * growth(j)).sqrt() / 0.02)
}

/// ½[(h̃_ij − h_ij) + (h̃_ji − h_ji)]: hostility added by each other's blocs. Relations are
/// symmetric, so both directions of the (asymmetric) bloc hostility count half.
pub fn bloc_provocation(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    let h = f64::max(0.0, -state.dyads.relation(i, j));
    let ij = f64::max(0.0, derived.threat.bloc(i, j) - h);
    let ji = f64::max(0.0, derived.threat.bloc(j, i) - h);
    0.5 * (ij + ji)
}

/// Positive trust evidence of a pair: treaties, co-membership, joint peacekeeping, soft power.
pub fn positive_evidence(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    let (a, b) = (state.nation(i), state.nation(j));
    let soft_power = 0.02
        * (0.5 * (a.legitimacy + b.legitimacy) - 0.5)
        * (1.0 - (a.ideology - b.ideology).abs() / 2.0);
    derived.link(i, j).evidence + soft_power
}

fn recently_abrogated(state: &State, n: NationIx) -> bool {
    state
        .nation(n)
        .abrogated_at
        .is_some_and(|at| state.tick < at + ABROGATION_MEMORY)
}

/// The new state of one pair from the old state (Jacobi update).
pub fn update_dyad(
    world: &World,
    old: &State,
    derived: &Derived,
    dyad: &DyadState,
    ledger: &mut LedgerBuilder,
) -> DyadState {
    let p = &world.params;
    let (i, j) = (dyad.a, dyad.b);
    let entity = Entity::Dyad(i, j);
    let reference = dyad.reference;
    let link = derived.link(i, j);
    let mut next = *dyad;
    let (xi, xj) = (old.nation(i), old.nation(j));
    let mean_effort = world.calibration.norms.effort;
    let ideology0 = &world.calibration.ideology;

    // D. Relations.
    let build_up = (f64::max(0.0, xj.effort_change) * derived.threat.weight(i, j)
        + f64::max(0.0, xi.effort_change) * derived.threat.weight(j, i))
        / mean_effort;
    let arms = f64::min(1.0, 0.5 * arms_race(old, i, j) + 0.5 * build_up);
    let relation = bounded_update(
        dyad.relation,
        (-1.0, 1.0),
        p.relation_reversion,
        dyad.relation0,
        &[
            Driver::new(
                "u_bal",
                "friend of friend / enemy of enemy",
                p.balance_pull * (balance_sum(old, derived, i, j) - reference.balance),
            ),
            Driver::new(
                "u_co",
                "allies",
                p.alliance_pull * (link.allies - reference.allies),
            ),
            Driver::new(
                "u_bloc",
                "in the rival bloc",
                -p.bloc_push * (bloc_provocation(old, derived, i, j) - reference.bloc),
            ),
            Driver::new("u_arms", "arms build-up", -p.arms_push * arms),
            Driver::new(
                "u_treaty",
                "treaties",
                link.treaty_relation - reference.treaty_relation,
            ),
            Driver::new(
                "u_trust",
                "trust",
                p.trust_pull * (dyad.trust - dyad.trust0),
            ),
            Driver::new(
                "u_ideo",
                "ideological drift",
                -p.ideology_push
                    * ((xi.ideology - xj.ideology).abs()
                        - (ideology0[i.ix()] - ideology0[j.ix()]).abs()),
            ),
            Driver::new("u_war", "fighting", -p.war_push * dyad.fighting),
        ],
    );
    next.relation = relation.value;
    ledger.record(
        entity,
        "relation",
        dyad.relation,
        relation.value,
        relation.terms,
        relation.saturated,
    );

    // E. Trust: evidence as in a Bayesian update; a recent abrogation discounts promises.
    let discount = if recently_abrogated(old, i) || recently_abrogated(old, j) {
        0.3
    } else {
        1.0
    };
    let hostility = f64::max(0.0, -dyad.relation);
    let hostile_build_up = |x: &crate::sim::state::NationState| {
        let before = x.effort - x.effort_change;
        if before > 0.0 {
            f64::min(1.0, f64::max(0.0, x.effort_change) / (0.02 * before))
        } else {
            0.0
        }
    };
    let trust = logistic_update(
        dyad.trust,
        p.trust_reversion,
        dyad.trust0,
        &[
            Driver::new(
                "e_signals",
                "treaties, alliances and shared missions",
                discount * positive_evidence(old, derived, i, j) - reference.evidence,
            ),
            Driver::new(
                "e_build_up",
                "hostile build-up",
                -0.1 * hostility * (hostile_build_up(xi) + hostile_build_up(xj)),
            ),
            Driver::new("e_war", "fighting", -0.3 * dyad.fighting),
        ],
    );
    next.trust = trust.value;
    ledger.record(
        entity,
        "trust",
        dyad.trust,
        trust.value,
        trust.terms,
        trust.saturated,
    );

    // M. Fighting dies down unless renewed.
    let fighting = dyad.fighting * (1.0 - p.war_decay);
    next.fighting = fighting;
    ledger.record(
        entity,
        "fighting",
        dyad.fighting,
        fighting,
        [Term {
            id: "decay",
            label: "fighting dies down",
            value: fighting - dyad.fighting,
            cause: Cause::Dynamics,
        }],
        false,
    );
    next
}

/// Stores every pair the rules can move: pairs with a common neighbour (balance), pairs where one
/// is hostile to the other's bloc, and linked pairs. New pairs start neutral, so storing them
/// changes no value; it only lets their relation evolve.
pub fn close_pairs(world: &World, state: &mut State, derived: &Derived) {
    let mut wanted = Vec::new();
    for k in world.nation_indices() {
        let friends: Vec<NationIx> = state
            .dyads
            .neighbours(k)
            .filter(|(_, d)| d.relation != 0.0)
            .map(|(n, _)| n)
            .collect();
        for (x, &a) in friends.iter().enumerate() {
            for &b in &friends[x + 1..] {
                if state.dyads.get(a, b).is_none() {
                    wanted.push((a, b));
                }
            }
        }
    }
    for i in world.nation_indices() {
        for &(j, _) in &derived.threat.bloc_hostility[i.ix()] {
            wanted.push((i, j));
        }
    }
    wanted.extend(derived.links.keys().copied());
    for (a, b) in wanted {
        if a != b {
            state.dyads.entry(a, b);
        }
    }
}
