//! Block N: the regional stability index, the quantity on the live plot (MODEL.md 2.5 N).

use super::derived::Derived;
use super::ids::{NationIx, RegionIx, to_u32};
use super::ledger::{Cause, Entity, LedgerBuilder, Term};
use super::state::State;
use super::world::World;

pub use super::state::IndexParts;

/// Computes RSI_r and its parts.
pub fn region_index(world: &World, state: &State, sizes: &[f64], region: RegionIx) -> IndexParts {
    let members = &world.regions[region.ix()].members;
    let (num, den) = members.iter().fold((0.0, 0.0), |(num, den), &m| {
        let s = sizes[m.ix()];
        (num + s * state.nation(m).stability, den + s)
    });
    let mean_stability = if den > 0.0 { num / den } else { 0.0 };
    let fighting = region_fighting(world, state, region);
    let tension = region_tension(world, state, region);
    let p = &world.params;
    let raw = mean_stability - p.index_war * fighting - p.index_tension * tension;
    IndexParts {
        mean_stability,
        fighting,
        tension,
        value: raw.clamp(0.0, 1.0),
    }
}

/// W̄_r = (Σ inside W + ½ Σ W with an outsider) / number of pairs inside the region (≥ 1).
fn region_fighting(world: &World, state: &State, region: RegionIx) -> f64 {
    let n = world.regions[region.ix()].members.len() as f64;
    let pairs = f64::max(1.0, n * (n - 1.0) / 2.0);
    let mut total = 0.0;
    // Every pair with a member, once: from its member, or from its smaller member when both are.
    let fightings = state.dyads.fightings();
    for &i in &world.regions[region.ix()].members {
        for &(j, position) in state.dyads.neighbours(i) {
            let fighting = fightings[position as usize];
            if fighting == 0.0 {
                continue;
            }
            if world.nations[j.ix()].region != region {
                total += 0.5 * fighting;
            } else if i < j {
                total += fighting;
            }
        }
    }
    f64::min(1.0, total / pairs)
}

/// Weight of unbalanced triangles among the region's triangles, each weighted by |R_ij R_jk R_ik|,
/// over their total weight plus c_T = 0.2 (model 2): the share of a region's triangles that are
/// unbalanced, without jumping to 1 when the first faint triangle appears. Triangles are found
/// through stored relations only, so the cost follows the sparse network.
pub fn region_tension(world: &World, state: &State, region: RegionIx) -> f64 {
    let mut unbalanced = 0.0;
    let mut total = 0.0;
    let mut inside: Vec<(NationIx, f64)> = Vec::new();
    for &i in &world.regions[region.ix()].members {
        // i's non-zero relations with later members of the region, in neighbour order.
        inside.clear();
        let relations = state.dyads.relations();
        inside.extend(
            state
                .dyads
                .neighbours(i)
                .iter()
                .map(|&(j, position)| (j, relations[position as usize]))
                .filter(|&(j, r)| j > i && world.nations[j.ix()].region == region && r != 0.0),
        );
        for (x, &(j, rij)) in inside.iter().enumerate() {
            for &(k, rik) in &inside[x + 1..] {
                let rjk = state.dyads.relation(j, k);
                let product = rij * rik * rjk;
                if product == 0.0 {
                    continue;
                }
                total += product.abs();
                if product < 0.0 {
                    unbalanced += product.abs();
                }
            }
        }
    }
    unbalanced / (total + TENSION_FLOOR)
}

/// c_T: triangle weight added to the denominator of the tension share.
const TENSION_FLOOR: f64 = 0.2;

/// What [`update_regions`] needs to know of the state at the start of a step.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionsAtStart {
    /// Every nation's stability (empty when the ledger is off: only its terms need it).
    pub stability: Vec<f64>,
}

impl RegionsAtStart {
    /// Notes what the ledger of `state`'s step will need (the regions' parts at the start are
    /// kept in the state itself, see [`State::region_parts`]).
    pub fn measure(state: &State, record: bool) -> Self {
        Self {
            stability: if record {
                state.nations.iter().map(|x| x.stability).collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Recomputes every region's index from `new` and records its exact decomposition against `old`:
/// one term per member nation (its size-weighted stability change), fighting, tension, a
/// size-change residual and a clamp residual.
pub fn update_regions(
    world: &World,
    old: &RegionsAtStart,
    new: &mut State,
    new_sizes: &[f64],
    ledger: &mut LedgerBuilder,
) {
    let p = &world.params;
    for r in 0..world.regions.len() {
        let region = RegionIx(to_u32(r));
        // Still the parts of the state the step started from.
        let before = new.region_parts[r];
        let after = region_index(world, new, new_sizes, region);
        new.region_stability[r] = after.value;
        new.region_parts[r] = after;
        if !ledger.is_enabled() {
            continue;
        }
        let members = &world.regions[r].members;
        let weight_sum: f64 = members.iter().map(|m| new_sizes[m.ix()]).sum();
        let mut terms = Vec::with_capacity(members.len() + 4);
        let mut explained = 0.0;
        for &m in members {
            let w = if weight_sum > 0.0 {
                new_sizes[m.ix()] / weight_sum
            } else {
                0.0
            };
            let value = w * (new.nation(m).stability - old.stability[m.ix()]);
            explained += value;
            terms.push(member_term(m, value));
        }
        let size_residual = after.mean_stability - before.mean_stability - explained;
        let war = -p.index_war * (after.fighting - before.fighting);
        let tension = -p.index_tension * (after.tension - before.tension);
        let raw_before = before.mean_stability
            - p.index_war * before.fighting
            - p.index_tension * before.tension;
        let raw_after =
            after.mean_stability - p.index_war * after.fighting - p.index_tension * after.tension;
        let clamp = (after.value - raw_after) - (before.value - raw_before);
        terms.push(Term {
            id: "size_shift",
            label: "shifting weights of members",
            value: size_residual,
            cause: Cause::Dynamics,
        });
        terms.push(Term {
            id: "war",
            label: "fighting in the region",
            value: war,
            cause: Cause::Dynamics,
        });
        terms.push(Term {
            id: "tension",
            label: "unbalanced triangles",
            value: tension,
            cause: Cause::Dynamics,
        });
        terms.push(Term {
            id: "clamp",
            label: "index held within 0 to 1",
            value: clamp,
            cause: Cause::Dynamics,
        });
        ledger.record(
            Entity::Region(region),
            "stability",
            before.value,
            after.value,
            terms,
            false,
        );
    }
}

fn member_term(nation: NationIx, value: f64) -> Term {
    Term {
        id: "member_stability",
        label: "domestic stability of a member",
        value,
        cause: Cause::Nation(nation),
    }
}

/// Fills `state.region_stability` without recording anything (load time).
pub fn measure_regions(world: &World, state: &mut State, derived: &Derived) {
    for r in 0..world.regions.len() {
        let parts = region_index(world, state, &derived.size, RegionIx(to_u32(r)));
        state.region_stability[r] = parts.value;
        state.region_parts[r] = parts;
    }
}
