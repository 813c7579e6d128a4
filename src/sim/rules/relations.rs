//! Blocks D (relations), E (trust) and M (fighting) for every stored pair.

use super::super::bounded::{Driver, bounded_update, logistic_update};
use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder, Term};
use super::super::state::{DyadState, State};
use super::super::world::World;

/// Ticks during which a nation that broke a commitment has its positive signals discounted.
pub const ABROGATION_MEMORY: u32 = 40;

/// Nations up to which [`balance_sums`] multiplies a dense relation matrix when the network is
/// dense (beyond, the matrix would not fit comfortably in memory).
const DENSE_BALANCE_LIMIT: usize = 2048;

/// Σ_{k≠i,j} s_k R_ik R_kj / Σ_{k≠i,j} s_k: "friend of a friend, enemy of an enemy", for every
/// stored pair (i < j) in storage order.
///
/// Terms (s_k·R_ik)·R_jk are added in ascending k into four partial sums (k mod 4), joined as
/// (0 + 1) + (2 + 3): one fixed order, so the dense path (a row-by-row product of the relation
/// matrix, which the compiler vectorises) and the sparse path (merging two sorted neighbour lists)
/// give the same bits, and the load-time reference c^bal cancels exactly.
pub fn balance_sums(state: &State, derived: &Derived) -> Vec<f64> {
    let n = state.nations.len();
    let dense = n <= DENSE_BALANCE_LIMIT && state.dyads.len() * 8 >= n * n;
    balance_sums_by(state, derived, dense)
}

fn balance_sums_by(state: &State, derived: &Derived, dense: bool) -> Vec<f64> {
    let n = state.nations.len();
    let dyads = &state.dyads;
    let relations = dyads.relations();
    let matrix = dense.then(|| {
        let mut matrix = vec![0.0; n * n];
        for (position, &r) in relations.iter().enumerate() {
            let (a, b) = dyads.ends(position);
            matrix[a.ix() * n + b.ix()] = r;
            matrix[b.ix() * n + a.ix()] = r;
        }
        matrix
    });
    (0..dyads.len())
        .map(|position| {
            let (i, j) = dyads.ends(position);
            let denominator = derived.total_size - derived.size_of(i) - derived.size_of(j);
            if denominator <= 0.0 {
                return 0.0;
            }
            let total = match &matrix {
                Some(matrix) => weighted_dot(
                    &derived.size,
                    &matrix[i.ix() * n..][..n],
                    &matrix[j.ix() * n..][..n],
                ),
                None => sparse_weighted_dot(state, derived, i, j),
            };
            total / denominator
        })
        .collect()
}

/// Σ_k (s_k·a_k)·b_k in four lanes by k mod 4.
fn weighted_dot(s: &[f64], a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 4];
    let (s4, a4, b4) = (s.chunks_exact(4), a.chunks_exact(4), b.chunks_exact(4));
    let rest = (s4.remainder(), a4.remainder(), b4.remainder());
    for ((s, a), b) in s4.zip(a4).zip(b4) {
        for lane in 0..4 {
            lanes[lane] += s[lane] * a[lane] * b[lane];
        }
    }
    for (lane, ((s, a), b)) in rest.0.iter().zip(rest.1).zip(rest.2).enumerate() {
        lanes[lane] += s * a * b;
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}

/// [`weighted_dot`] over the common neighbours of i and j only (the other terms are zero).
fn sparse_weighted_dot(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    let dyads = &state.dyads;
    let relations = dyads.relations();
    let (mut a, mut b) = (
        dyads.neighbours(i).iter().peekable(),
        dyads.neighbours(j).iter().peekable(),
    );
    let mut lanes = [0.0f64; 4];
    while let (Some(&&(k, x)), Some(&&(l, y))) = (a.peek(), b.peek()) {
        match k.cmp(&l) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                let term = derived.size_of(k) * relations[x as usize] * relations[y as usize];
                if term != 0.0 {
                    lanes[k.ix() % 4] += term;
                }
                a.next();
                b.next();
            }
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}

/// AR_ij: 1 when both hostile parties raise spending by ≥ 2% per tick (MODEL.md 2.4).
/// `relation` is R_ij (0 for an unstored pair).
pub fn arms_race(state: &State, i: NationIx, j: NationIx, relation: f64) -> f64 {
    if f64::max(0.0, -relation) <= 0.2 {
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
    bloc_provocation_of(derived, i, j, state.dyads.relation(i, j))
}

/// [`bloc_provocation`] for a pair whose relation R_ij is known.
fn bloc_provocation_of(derived: &Derived, i: NationIx, j: NationIx, relation: f64) -> f64 {
    let h = f64::max(0.0, -relation);
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
    balance: f64,
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
    let arms = f64::min(
        1.0,
        0.5 * arms_race(old, i, j, dyad.relation) + 0.5 * build_up,
    );
    let relation = bounded_update(
        dyad.relation,
        (-1.0, 1.0),
        p.relation_reversion,
        dyad.relation0,
        &[
            Driver::new(
                "u_bal",
                "friend of friend / enemy of enemy",
                p.balance_pull * (balance - reference.balance),
            ),
            Driver::new(
                "u_co",
                "allies",
                p.alliance_pull * (link.allies - reference.allies),
            ),
            Driver::new(
                "u_bloc",
                "in the rival bloc",
                -p.bloc_push * (bloc_provocation_of(derived, i, j, dyad.relation) - reference.bloc),
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
        ledger.is_enabled(),
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
        ledger.is_enabled(),
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

/// Stores every pair the rules can move: pairs with a common neighbour that carries weight in
/// their balance sum (at least `balance_reach` of the others' size), pairs where one is hostile to
/// the other's bloc, and linked pairs. New pairs start neutral, so storing them changes no value;
/// it only lets their relation evolve.
///
/// The weight rule keeps large worlds sparse: a common neighbour k moves the balance sum of (a, b)
/// by at most s_k / Σ_{m≠a,b} s_m, which in a world of hundreds of nations is a few thousandths,
/// yet storing every such pair made the network complete within a tick (docs/MODEL.md, 15).
pub fn close_pairs(world: &World, state: &mut State, derived: &Derived) {
    let n = world.nation_count();
    if state.dyads.len() == n * n.saturating_sub(1) / 2 {
        return; // every pair is stored already
    }
    let reach = world.params.balance_reach;
    let mut largest = derived.size.clone();
    largest.sort_by(|x, y| y.total_cmp(x));
    // The smallest the denominator can be: without the two largest nations.
    let least_others = derived.total_size - largest.iter().take(2).sum::<f64>();
    let mut wanted = Vec::new();
    let relations = state.dyads.relations();
    for k in world.nation_indices() {
        let weight = derived.size_of(k);
        if weight < reach * least_others {
            continue; // k cannot reach the threshold for any pair
        }
        let friends: Vec<NationIx> = state
            .dyads
            .neighbours(k)
            .iter()
            .filter(|&&(_, position)| relations[position as usize] != 0.0)
            .map(|&(other, _)| other)
            .collect();
        for (x, &a) in friends.iter().enumerate() {
            for &b in &friends[x + 1..] {
                let others = derived.total_size - derived.size_of(a) - derived.size_of(b);
                if weight >= reach * others && state.dyads.position(a, b).is_none() {
                    wanted.push((a, b));
                }
            }
        }
    }
    for i in world.nation_indices() {
        for entry in derived.threat.of(i) {
            if entry.hostile {
                wanted.push((i, entry.other));
            }
        }
    }
    wanted.extend(derived.links.iter().map(|(key, _)| key));
    for (a, b) in wanted {
        if a != b {
            state.dyads.insert(a, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{Size, generate};

    /// Pairs stored at load that no scenario relation, agreement or bloc accounts for: the pairs
    /// balance drew in.
    fn drawn_by_balance(scenario: &crate::model::Scenario) -> usize {
        let run = crate::sim::Simulation::new(scenario).unwrap();
        let (world, state) = (run.world(), run.current());
        let derived = Derived::compute(world, state);
        let listed: std::collections::BTreeSet<_> = scenario
            .relations
            .iter()
            .map(|r| {
                let (a, b) = (
                    world.nation(r.a.as_str()).unwrap(),
                    world.nation(r.b.as_str()).unwrap(),
                );
                (a.min(b), a.max(b))
            })
            .collect();
        let bloc = |a: NationIx, b: NationIx| {
            let hostile = |x: NationIx, y: NationIx| {
                derived
                    .threat
                    .of(x)
                    .iter()
                    .any(|e| e.other == y && e.hostile)
            };
            hostile(a, b) || hostile(b, a)
        };
        state
            .dyads
            .iter()
            .filter(|d| {
                !listed.contains(&(d.a, d.b))
                    && !derived.links.contains(d.a, d.b)
                    && !bloc(d.a, d.b)
            })
            .count()
    }

    #[test]
    fn balance_draws_in_new_pairs_only_through_weighty_common_neighbours() {
        let size = Size {
            nations: 200,
            relations: 1000,
            alliances: 0,
            treaties: 0,
            events: 0,
            horizon: 10,
        };
        let mut scenario = generate(size, 5);
        // No nation holds 2% of a 200-nation world: balance draws in no pair.
        assert_eq!(drawn_by_balance(&scenario), 0);
        // Every common neighbour counts when the reach is 0: thousands of pairs join.
        scenario.params.balance_reach = Some(0.0);
        assert!(drawn_by_balance(&scenario) > 2000);
        // In a small world every nation carries weight, as in the bundled scenarios.
        let mut small = generate(
            Size {
                nations: 12,
                relations: 20,
                ..size
            },
            5,
        );
        let default = drawn_by_balance(&small);
        small.params.balance_reach = Some(0.0);
        assert!(default > 0);
        assert_eq!(default, drawn_by_balance(&small));
    }

    #[test]
    fn the_dense_and_the_sparse_balance_sums_are_bit_identical() {
        let size = Size {
            nations: 37,
            relations: 120,
            alliances: 4,
            treaties: 6,
            events: 0,
            horizon: 10,
        };
        let mut run = crate::sim::Simulation::new(&generate(size, 3)).unwrap();
        run.run_to(3);
        for state in &run.collect_states() {
            let derived = Derived::compute(run.world(), state);
            let dense = balance_sums_by(state, &derived, true);
            let sparse = balance_sums_by(state, &derived, false);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&dense), bits(&sparse));
            assert!(dense.iter().any(|&b| b != 0.0));
        }
    }
}
