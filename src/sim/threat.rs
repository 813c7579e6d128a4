//! Threat perception (MODEL.md 2.4): bloc hostility h̃, threat weights w and threat levels Θ.
//!
//! Computed sparsely: i perceives threat only from nations it is hostile to, members of
//! alliances that contain one of them, and partners of its rivals in exercises or arms deals.

use std::collections::BTreeMap;

use crate::model::TreatyKind;

use super::ids::NationIx;
use super::state::State;
use super::world::World;

/// Threat weights of one tick.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Threat {
    /// For each i, the nations j with w_ij > 0 and that weight, in ascending j.
    pub weights: Vec<Vec<(NationIx, f64)>>,
    /// For each i, h̃_ij for the same candidates (bloc hostility), in ascending j.
    pub bloc_hostility: Vec<Vec<(NationIx, f64)>>,
}

impl Threat {
    /// w_ij (0 when j poses no threat to i).
    pub fn weight(&self, i: NationIx, j: NationIx) -> f64 {
        lookup(&self.weights[i.ix()], j)
    }

    /// h̃_ij (0 when i is not hostile to j or its bloc).
    pub fn bloc(&self, i: NationIx, j: NationIx) -> f64 {
        lookup(&self.bloc_hostility[i.ix()], j)
    }
}

fn lookup(list: &[(NationIx, f64)], j: NationIx) -> f64 {
    list.binary_search_by_key(&j, |&(k, _)| k)
        .map_or(0.0, |position| list[position].1)
}

/// Computes h̃ and w for every nation from `state`, given alliance cohesions.
pub fn compute(world: &World, state: &State, cohesion: &[f64]) -> Threat {
    let n = world.nation_count();
    let p = &world.params;
    // For each active alliance, how hostile each outsider is to its most hated member.
    let mut worst: Vec<BTreeMap<NationIx, f64>> = vec![BTreeMap::new(); state.alliances.len()];
    for (a, alliance) in state.alliances.iter().enumerate() {
        if !alliance.status.is_active() || cohesion[a] == 0.0 {
            continue;
        }
        for &(m, _) in &alliance.members {
            for (i, dyad) in state.dyads.neighbours(m) {
                if dyad.relation < 0.0 {
                    let entry = worst[a].entry(i).or_insert(0.0);
                    *entry = f64::max(*entry, -dyad.relation);
                }
            }
        }
    }
    // Exercises and arms deals with i's rivals: for a treaty between q and j where i is hostile
    // to q, i perceives extra threat from j.
    let mut partnered: Vec<BTreeMap<NationIx, f64>> = vec![BTreeMap::new(); n];
    for (t, info) in world.treaties.iter().enumerate() {
        let epsilon = match info.kind {
            TreatyKind::JointExercises => p.exercise_threat,
            TreatyKind::ArmsTrade => p.arms_trade_threat,
            _ => continue,
        };
        if !state.treaties[t].status.is_active() {
            continue;
        }
        for &q in &info.parties {
            for (i, dyad) in state.dyads.neighbours(q) {
                if dyad.relation >= 0.0 {
                    continue;
                }
                for &j in &info.parties {
                    if j != q && j != i {
                        *partnered[i.ix()].entry(j).or_insert(0.0) += epsilon * info.strength;
                    }
                }
            }
        }
    }
    let mut threat = Threat {
        weights: vec![Vec::new(); n],
        bloc_hostility: vec![Vec::new(); n],
    };
    let cbm = cbm_by_pair(world, state);
    for i in world.nation_indices() {
        let mut bloc: BTreeMap<NationIx, f64> = BTreeMap::new();
        for (j, dyad) in state.dyads.neighbours(i) {
            if dyad.relation < 0.0 {
                bloc.insert(j, -dyad.relation);
            }
        }
        for (a, alliance) in state.alliances.iter().enumerate() {
            let Some(&hate) = worst[a].get(&i) else {
                continue;
            };
            if alliance.members.iter().any(|&(m, _)| m == i) {
                continue;
            }
            for &(j, _) in &alliance.members {
                *bloc.entry(j).or_insert(0.0) += p.bloc_provocation * cohesion[a] * hate;
            }
        }
        let mut candidates: BTreeMap<NationIx, f64> = BTreeMap::new();
        for (&j, h) in &bloc {
            let h = f64::min(1.0, *h);
            threat.bloc_hostility[i.ix()].push((j, h));
            let (trust, cbm) = match state.dyads.get(i, j) {
                Some(d) => (d.trust, cbm.get(&(i.min(j), i.max(j))).copied()),
                None => (crate::model::DEFAULT_TRUST, None),
            };
            let cbm = cbm.unwrap_or(0.0);
            let w = world.proximity(i, j)
                * h
                * (1.0 - p.trust_threat_damping * trust)
                * (1.0 - p.cbm_threat_damping * cbm);
            candidates.insert(j, w);
        }
        for (&j, extra) in &partnered[i.ix()] {
            *candidates.entry(j).or_insert(0.0) += extra;
        }
        if p.free_riding > 0.0 && !candidates.is_empty() {
            // Protected allies free-ride: allied deterrence lowers the threat they perceive.
            let allied = super::hazards::allied_capability(world, state, i);
            for (&j, w) in candidates.iter_mut() {
                *w *= 1.0
                    - p.free_riding
                        * super::hazards::deterrence_by(allied, state.nation(j).capability);
            }
        }
        threat.weights[i.ix()] = candidates.into_iter().filter(|&(_, w)| w > 0.0).collect();
    }
    threat
}

/// Strength of the strongest confidence-building treaty in force between i and j (0 if none).
/// The strongest confidence-building treaty in force between each pair of its parties (i < j).
fn cbm_by_pair(world: &World, state: &State) -> BTreeMap<(NationIx, NationIx), f64> {
    let mut strongest: BTreeMap<(NationIx, NationIx), f64> = BTreeMap::new();
    for (t, info) in world.treaties.iter().enumerate() {
        if info.kind != TreatyKind::ConfidenceBuilding || !state.treaties[t].status.is_active() {
            continue;
        }
        for (x, &a) in info.parties.iter().enumerate() {
            for &b in &info.parties[x + 1..] {
                let entry = strongest.entry((a.min(b), a.max(b))).or_insert(0.0);
                *entry = f64::max(*entry, info.strength);
            }
        }
    }
    strongest
}

/// Strength of the strongest confidence-building treaty in force that `i` is a party to.
pub fn cbm_strength_of(world: &World, state: &State, i: NationIx) -> f64 {
    strongest_cbm(world, state, &[i])
}

/// The strongest confidence-building treaty in force that all of `parties` belong to.
fn strongest_cbm(world: &World, state: &State, parties: &[NationIx]) -> f64 {
    world
        .treaties
        .iter()
        .enumerate()
        .filter(|(t, info)| {
            info.kind == TreatyKind::ConfidenceBuilding
                && state.treaties[*t].status.is_active()
                && parties.iter().all(|p| info.parties.contains(p))
        })
        .map(|(_, info)| info.strength)
        .fold(0.0, f64::max)
}
