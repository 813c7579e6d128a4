//! Blocks D (relations), E (trust) and M (fighting) for every stored pair.

use super::super::bounded::{Driver, bounded_update, logistic_update};
use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder, Term};
use super::super::links::PairLinks;
use super::super::state::{DyadState, NationState, State};
use super::super::world::World;

/// Ticks during which a nation that broke a commitment has its positive signals discounted.
pub const ABROGATION_MEMORY: u32 = 40;

pub use super::super::hazards::arms_race;

/// ½[(h̃_ij − h_ij) + (h̃_ji − h_ji)]: hostility added by each other's blocs. Relations are
/// symmetric, so both directions of the (asymmetric) bloc hostility count half.
pub fn bloc_provocation(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    let blocs = [derived.threat.bloc(i, j), derived.threat.bloc(j, i)];
    provocation(blocs, state.dyads.relation(i, j))
}

/// [`bloc_provocation`] from h̃ both ways and the pair's relation.
fn provocation(blocs: [f64; 2], relation: f64) -> f64 {
    let h = f64::max(0.0, -relation);
    let ij = f64::max(0.0, blocs[0] - h);
    let ji = f64::max(0.0, blocs[1] - h);
    0.5 * (ij + ji)
}

/// Positive trust evidence of a pair: treaties, co-membership, joint peacekeeping, soft power.
pub fn positive_evidence(state: &State, derived: &Derived, i: NationIx, j: NationIx) -> f64 {
    evidence_with(state.nation(i), state.nation(j), &derived.link(i, j))
}

/// [`positive_evidence`] given the pair's nations and links.
fn evidence_with(a: &NationState, b: &NationState, link: &PairLinks) -> f64 {
    link.evidence + soft_power(a.legitimacy, b.legitimacy, a.ideology, b.ideology)
}

/// Soft-power evidence 0.02·(½(L_a + L_b) − 0.5)·(1 − |I_a − I_b|/2) (MODEL.md 2.5 E).
pub fn soft_power(legitimacy_a: f64, legitimacy_b: f64, ideology_a: f64, ideology_b: f64) -> f64 {
    0.02 * (0.5 * (legitimacy_a + legitimacy_b) - 0.5)
        * (1.0 - (ideology_a - ideology_b).abs() / 2.0)
}

/// The factor on positive evidence about a nation that broke a commitment: 0.3 for 30 ticks,
/// then back to 1 over the next 10 (a ramp in time instead of a step at 40 ticks).
fn abrogation_discount(nation: &NationState, tick: u32) -> f64 {
    match nation.abrogated_at {
        Some(at) if tick < at + ABROGATION_MEMORY => {
            let since = f64::from(tick - at);
            let fading = ((since - 30.0) / 10.0).clamp(0.0, 1.0);
            0.3 + 0.7 * fading
        }
        _ => 1.0,
    }
}

/// B_ab = Σ_{k≠a,b} s_k R_ak R_kb / D_ab of one pair in a table of relations, with `sizes` and
/// the pair's balance denominator (for pricing in a pair stored after load against the load
/// state).
pub fn balance_of_pair(
    dyads: &super::super::state::Dyads,
    sizes: &[f64],
    denominator: f64,
    a: NationIx,
    b: NationIx,
) -> f64 {
    if denominator <= 0.0 || a.ix() >= sizes.len() || b.ix() >= sizes.len() {
        return 0.0;
    }
    let relations = dyads.relations();
    let (short, long) = if dyads.degree(a) <= dyads.degree(b) {
        (a, b)
    } else {
        (b, a)
    };
    let mut lanes = [0.0f64; 4];
    for &(k, position) in dyads.neighbours(short) {
        if k == long {
            continue;
        }
        if let Some(other) = dyads.position(long, k) {
            let (r_short, r_long) = (relations[position as usize], relations[other]);
            // (s_k·R_ak)·R_bk with a the smaller index, as the step's balance sums add it.
            let (r_a, r_b) = if short < long {
                (r_short, r_long)
            } else {
                (r_long, r_short)
            };
            lanes[k.ix() % 4] += (sizes[k.ix()] * r_a) * r_b;
        }
    }
    ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) / denominator
}

/// What the rules of one pair read of the tick's derived quantities.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairInput {
    /// The balance sum B_ab.
    pub balance: f64,
    /// ŵ_ab = w_ab/D_a and ŵ_ba = w_ba/D_b: the threat weights each way, as shares of each
    /// nation's threat level.
    pub weights: [f64; 2],
    /// h̃_ab and h̃_ba: bloc hostility each way.
    pub blocs: [f64; 2],
    /// Shared alliances, treaties and missions.
    pub link: PairLinks,
}

/// The derived quantities of every stored pair by storage position, gathered once per tick
/// from the per-nation threat lists and the links (no per-pair lookups in the step).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairInputs {
    threat: Vec<([f64; 2], [f64; 2])>,
    /// Each stored pair's links, by storage position (all zero when unlinked): filled in the
    /// order the links come and read in storage order, with no sort.
    links: Vec<PairLinks>,
}

impl PairInputs {
    /// Gathers the inputs of every pair stored in `state` (after [`close_pairs`]).
    pub fn compute(&mut self, world: &World, state: &State, derived: &Derived) {
        let denominators = &world.calibration.scales.threat;
        let dyads = &state.dyads;
        self.threat.clear();
        self.threat.resize(dyads.len(), ([0.0; 2], [0.0; 2]));
        for i in state.nation_indices() {
            for entry in derived.threat.of(i) {
                let j = entry.other;
                // Pairs stored since the threat was measured (by close_pairs) are looked up.
                let Some(position) = entry
                    .position
                    .map(|p| p as usize)
                    .or_else(|| dyads.position(i, j))
                else {
                    continue;
                };
                let weight = if entry.weight > 0.0 {
                    entry.weight / denominators[i.ix()]
                } else {
                    0.0
                };
                let direction = usize::from(i > j);
                let (weights, blocs) = &mut self.threat[position];
                weights[direction] = weight;
                blocs[direction] = entry.bloc;
            }
        }
        self.links.clear();
        self.links.resize(dyads.len(), PairLinks::default());
        for ((a, b), link) in derived.links.iter() {
            if let Some(position) = dyads.position(a, b) {
                self.links[position] = link;
            }
        }
    }

    /// The inputs of every pair in storage order, given the balance sums by position.
    pub fn in_storage_order<'a>(
        &'a self,
        balance: &'a [f64],
    ) -> impl Iterator<Item = PairInput> + 'a {
        self.threat.iter().zip(balance).zip(&self.links).map(
            |((&(weights, blocs), &balance), &link)| PairInput {
                balance,
                weights,
                blocs,
                link,
            },
        )
    }
}

/// The new state of one pair from the old state (Jacobi update): `nations` are the nations'
/// variables at the start of the step, `tick` its tick. `RECORD` says whether `ledger` records
/// (a constant, so the step's plain loop carries no ledger work at all).
#[inline(always)]
pub fn update_dyad<const RECORD: bool>(
    world: &World,
    nations: &[NationState],
    tick: u32,
    dyad: &DyadState,
    input: &PairInput,
    ledger: &mut LedgerBuilder,
) -> DyadState {
    let p = &world.params;
    let (i, j) = (dyad.a, dyad.b);
    let entity = Entity::Dyad(i, j);
    let reference = dyad.reference;
    let link = input.link;
    let balance = input.balance;
    let mut next = *dyad;
    let (xi, xj) = (&nations[i.ix()], &nations[j.ix()]);
    let scales = &world.calibration.scales;

    // D. Relations. Each side's build-up since load, as the other perceives it (ŵ): levels, in
    // both directions, so a build-up that is drawn down again leaves nothing behind.
    let perceived = input.weights[0] * scales.build_up(j, xj.effort)
        + input.weights[1] * scales.build_up(i, xi.effort);
    let arms = perceived.clamp(-1.0, 1.0);
    let relation = bounded_update(
        dyad.relation,
        (-1.0, 1.0),
        p.relation_reversion,
        dyad.relation0,
        &[
            Driver::against_load(
                "u_bal",
                "friend of friend / enemy of enemy",
                p.balance_pull * balance,
                p.balance_pull * reference.balance,
            ),
            Driver::against_load(
                "u_co",
                "allies",
                p.alliance_pull * link.allies,
                p.alliance_pull * reference.allies,
            ),
            Driver::against_load(
                "u_bloc",
                "in the rival bloc",
                -p.bloc_push * provocation(input.blocs, dyad.relation),
                -p.bloc_push * reference.bloc,
            ),
            Driver::new("u_arms", "arms build-up", -p.arms_push * arms),
            Driver::against_load(
                "u_treaty",
                "treaties",
                link.treaty_relation,
                reference.treaty_relation,
            ),
            Driver::new(
                "u_trust",
                "trust",
                p.trust_pull * (dyad.trust - dyad.trust0),
            ),
            Driver::new(
                "u_ideo",
                "ideological drift",
                -p.ideology_push * ((xi.ideology - xj.ideology).abs() - reference.ideology_gap),
            ),
            Driver::new("u_war", "fighting", -p.war_push * dyad.fighting),
        ],
        RECORD,
    );
    next.relation = relation.value;
    if RECORD {
        ledger.record(
            entity,
            "relation",
            dyad.relation,
            relation.value,
            relation.terms,
            relation.saturated,
        );
    }

    // E. Trust: evidence as in a Bayesian update; a recent abrogation discounts promises.
    let discount = f64::min(abrogation_discount(xi, tick), abrogation_discount(xj, tick));
    let trust = logistic_update(
        dyad.trust,
        p.trust_reversion,
        dyad.trust0,
        &[
            Driver::new(
                "e_signals",
                "treaties, alliances and shared missions",
                discount * evidence_with(xi, xj, &link) - reference.evidence,
            ),
            Driver::new(
                "e_build_up",
                "hostile build-up",
                -p.build_up_distrust * arms,
            ),
            Driver::new("e_war", "fighting", -0.3 * dyad.fighting),
        ],
        RECORD,
    );
    next.trust = trust.value;
    if RECORD {
        ledger.record(
            entity,
            "trust",
            dyad.trust,
            trust.value,
            trust.terms,
            trust.saturated,
        );
    }

    // M. Fighting dies down unless renewed.
    let fighting = dyad.fighting * (1.0 - p.war_decay);
    next.fighting = fighting;
    if RECORD {
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
    }
    next
}

/// Stores every pair the rules can move: pairs with a common neighbour that carries weight in
/// their balance sum (its term w_k·|R_ak·R_bk| is at least `balance_reach` of the pair's
/// denominator D_ab), pairs where one perceives a threat from the other (hostile to its bloc, or
/// its partner in exercises or arms deals with a rival), and linked pairs. New pairs start
/// neutral, so storing them changes no value; it only lets their relation evolve.
///
/// The weight rule keeps large worlds sparse: a friend of a friend is drawn in only when the
/// common tie is a real share of the two nations' own ties, not for every pair of a nation's
/// neighbours, which made the network complete within a tick (docs/MODEL.md, 15).
pub fn close_pairs(world: &World, state: &mut State, derived: &Derived) {
    let n = world.nation_count();
    if state.dyads.len() == n * n.saturating_sub(1) / 2 {
        return; // every pair is stored already
    }
    let reach = world.params.balance_reach;
    let hoods = &derived.neighbourhoods;
    let mut wanted = Vec::new();
    let relations = state.dyads.relations();
    let mut ties: Vec<(NationIx, f64)> = Vec::new();
    for k in world.nation_indices() {
        let weight = derived.weight_of(k);
        ties.clear();
        ties.extend(
            state
                .dyads
                .neighbours(k)
                .iter()
                .map(|&(other, position)| (other, relations[position as usize].abs()))
                .filter(|&(_, r)| r != 0.0),
        );
        let strongest = ties.iter().map(|&(_, r)| r).fold(0.0, f64::max);
        // D_ab is at least the floor and half of either end's neighbourhood, so a tie too weak
        // to reach that with k's strongest other tie cannot draw in any pair.
        ties.retain(|&(a, r)| {
            let least = f64::max(hoods.floor, 0.5 * hoods.weight[a.ix()]);
            weight * r * strongest >= reach * least
        });
        for (x, &(a, r_a)) in ties.iter().enumerate() {
            for &(b, r_b) in &ties[x + 1..] {
                if weight * r_a * r_b >= reach * derived.balance_denominator(a, b, None)
                    && state.dyads.position(a, b).is_none()
                {
                    wanted.push((a, b));
                }
            }
        }
    }
    for i in world.nation_indices() {
        for entry in derived.threat.of(i) {
            if entry.position.is_none() && (entry.hostile || entry.weight > 0.0) {
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
        // A common neighbour draws in a pair when its tie is a real share of the pair's own
        // ties: the enemy of my enemy reaches across a large world too...
        let default = drawn_by_balance(&scenario);
        assert!(default > 0);
        // ...but not every friend of a friend, so the world stays sparse: fewer pairs drawn in
        // than relations listed, under a third of what every common neighbour would draw.
        scenario.params.balance_reach = Some(0.0);
        let everyone = drawn_by_balance(&scenario);
        assert!(default < 2 * size.relations, "{default}");
        assert!(3 * default < everyone, "{default} of {everyone}");
        // In a small world most common neighbours carry weight, as in the bundled scenarios.
        let mut small = generate(
            Size {
                nations: 12,
                relations: 20,
                ..size
            },
            5,
        );
        let small_default = drawn_by_balance(&small);
        small.params.balance_reach = Some(0.0);
        let small_everyone = drawn_by_balance(&small);
        assert!(
            small_default <= small_everyone && 4 * small_default > 3 * small_everyone,
            "{small_default} of {small_everyone}"
        );
    }
}
