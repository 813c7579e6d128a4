//! Threat perception (MODEL.md 2.4): bloc hostility h̃, threat weights w and threat levels Θ.
//!
//! Computed sparsely: i perceives threat only from nations it is hostile to, members of
//! alliances that contain one of them, and partners of its rivals in exercises or arms deals.

use crate::model::{DEFAULT_TRUST, TreatyKind};

use super::ids::{NationIx, to_u32};
use super::state::State;
use super::world::World;

/// What nation i perceives of one other nation j.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreatEntry {
    /// j.
    pub other: NationIx,
    /// Whether i is hostile to j or to an alliance j belongs to (false when j only partners i's
    /// rivals).
    pub hostile: bool,
    /// h̃_ij: bloc hostility (0 when not `hostile`).
    pub bloc: f64,
    /// Storage position of the pair (i, j), if it was stored when this was computed.
    pub position: Option<u32>,
    /// w_ij: threat weight (counts only when positive).
    pub weight: f64,
}

/// Threat weights of one tick: for each nation i, the nations it perceives, in ascending order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Threat {
    offsets: Vec<u32>,
    entries: Vec<ThreatEntry>,
    scratch: Scratch,
}

/// Buffers reused from tick to tick.
#[derive(Clone, Debug, Default, PartialEq)]
struct Scratch {
    /// (outsider i, alliance, hostility toward one of its members).
    hatred: Vec<(NationIx, u32, f64)>,
    /// (i, j, extra weight) from exercises and arms deals of i's rivals, in treaty order.
    partnered: Vec<(NationIx, NationIx, f64)>,
    /// Strongest confidence-building treaty per pair.
    cbm: Vec<((NationIx, NationIx), f64)>,
    /// Bloc hostility being summed for one nation, by other nation.
    bloc: Vec<f64>,
    counted: Vec<bool>,
    touched: Vec<NationIx>,
    /// Storage position + 1 of the pair (i, j) by j for the nation i being computed (0: none).
    stored: Vec<u32>,
    counts: Vec<u32>,
    hatred_grouped: Vec<(NationIx, u32, f64)>,
    partnered_grouped: Vec<(NationIx, NationIx, f64)>,
}

/// Moves `items` into `out` grouped by nation, ascending, keeping their order within each
/// nation (a counting sort: linear in the items and the nations).
fn group_by_nation<T: Copy>(
    items: &[T],
    out: &mut Vec<T>,
    counts: &mut Vec<u32>,
    n: usize,
    nation: impl Fn(&T) -> NationIx,
) {
    counts.clear();
    counts.resize(n + 1, 0);
    for item in items {
        counts[nation(item).ix() + 1] += 1;
    }
    for k in 1..=n {
        counts[k] += counts[k - 1];
    }
    out.clear();
    out.extend_from_slice(items);
    for item in items {
        let slot = &mut counts[nation(item).ix()];
        out[*slot as usize] = *item;
        *slot += 1;
    }
}

impl Threat {
    /// What nation i perceives, in ascending order of the other nation.
    pub fn of(&self, i: NationIx) -> &[ThreatEntry] {
        let (from, to) = (self.offsets[i.ix()], self.offsets[i.ix() + 1]);
        &self.entries[from as usize..to as usize]
    }

    fn entry(&self, i: NationIx, j: NationIx) -> Option<&ThreatEntry> {
        let list = self.of(i);
        list.binary_search_by_key(&j, |e| e.other)
            .ok()
            .map(|at| &list[at])
    }

    /// w_ij (0 when j poses no threat to i).
    pub fn weight(&self, i: NationIx, j: NationIx) -> f64 {
        self.entry(i, j)
            .map_or(0.0, |e| if e.weight > 0.0 { e.weight } else { 0.0 })
    }

    /// h̃_ij (0 when i is not hostile to j or its bloc).
    pub fn bloc(&self, i: NationIx, j: NationIx) -> f64 {
        self.entry(i, j).map_or(0.0, |e| e.bloc)
    }

    /// Σ_j w_ij·x_j: the rivals' effort nation i fears, in ascending j.
    pub fn fear(&self, state: &State, i: NationIx) -> f64 {
        self.of(i)
            .iter()
            .filter(|e| e.weight > 0.0)
            .map(|e| e.weight * state.nation(e.other).effort)
            .sum()
    }

    /// Recomputes h̃ and w for every nation from `state`, given alliance cohesions and each
    /// nation's allied capability (for free riding), reusing this value's buffers.
    pub fn recompute(&mut self, world: &World, state: &State, cohesion: &[f64], allied: &[f64]) {
        let n = world.nation_count();
        let p = &world.params;
        let dyads = &state.dyads;
        let relations = dyads.relations();
        let scratch = &mut self.scratch;
        // For each active alliance, how hostile each outsider is to its most hated member.
        scratch.hatred.clear();
        for (a, alliance) in state.alliances.iter().enumerate() {
            if !alliance.status.is_active() || cohesion[a] == 0.0 {
                continue;
            }
            for &(m, _) in &alliance.members {
                for &(i, position) in dyads.neighbours(m) {
                    let r = relations[position as usize];
                    if r < 0.0 {
                        scratch.hatred.push((i, to_u32(a), -r));
                    }
                }
            }
        }
        // Alliances were visited in ascending order, so grouping by nation sorts by (i, a).
        group_by_nation(
            &scratch.hatred,
            &mut scratch.hatred_grouped,
            &mut scratch.counts,
            n,
            |&(i, _, _)| i,
        );
        std::mem::swap(&mut scratch.hatred, &mut scratch.hatred_grouped);
        scratch.hatred.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && later.1 == kept.1;
            if same {
                kept.2 = f64::max(kept.2, later.2);
            }
            same
        });
        // Exercises and arms deals with i's rivals: for a treaty between q and j where i is hostile
        // to q, i perceives extra threat from j.
        scratch.partnered.clear();
        scratch.cbm.clear();
        for (t, info) in world.treaties.iter().enumerate() {
            if !state.treaties[t].status.is_active() {
                continue;
            }
            let epsilon = match info.kind {
                TreatyKind::JointExercises => p.exercise_threat,
                TreatyKind::ArmsTrade => p.arms_trade_threat,
                TreatyKind::ConfidenceBuilding => {
                    for (x, &a) in info.parties.iter().enumerate() {
                        for &b in &info.parties[x + 1..] {
                            scratch.cbm.push(((a.min(b), a.max(b)), info.strength));
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            for &q in &info.parties {
                for &(i, position) in dyads.neighbours(q) {
                    if relations[position as usize] >= 0.0 {
                        continue;
                    }
                    for &j in &info.parties {
                        if j != q && j != i {
                            scratch.partnered.push((i, j, epsilon * info.strength));
                        }
                    }
                }
            }
        }
        // Stable: each pair's extras are summed in treaty order.
        group_by_nation(
            &scratch.partnered,
            &mut scratch.partnered_grouped,
            &mut scratch.counts,
            n,
            |&(i, _, _)| i,
        );
        std::mem::swap(&mut scratch.partnered, &mut scratch.partnered_grouped);
        scratch.cbm.sort_by_key(|&(key, _)| key);
        scratch.bloc.clear();
        scratch.bloc.resize(n, 0.0);
        scratch.counted.clear();
        scratch.counted.resize(n, false);
        scratch.stored.clear();
        scratch.stored.resize(n, 0);

        self.offsets.clear();
        self.entries.clear();
        self.offsets.push(0);
        let (mut hatred_at, mut partnered_at) = (0, 0);
        for i in world.nation_indices() {
            // h_ij from i's own hostile relations, then bloc provocation in alliance order.
            scratch.touched.clear();
            for &(j, position) in dyads.neighbours(i) {
                scratch.stored[j.ix()] = position + 1;
                let r = relations[position as usize];
                if r < 0.0 {
                    scratch.bloc[j.ix()] = -r;
                    scratch.counted[j.ix()] = true;
                    scratch.touched.push(j);
                }
            }
            while hatred_at < scratch.hatred.len() && scratch.hatred[hatred_at].0 == i {
                let (_, a, hate) = scratch.hatred[hatred_at];
                hatred_at += 1;
                let alliance = &state.alliances[a as usize];
                if alliance.members.iter().any(|&(m, _)| m == i) {
                    continue;
                }
                let push = p.bloc_provocation * cohesion[a as usize] * hate;
                for &(j, _) in &alliance.members {
                    if !scratch.counted[j.ix()] {
                        scratch.counted[j.ix()] = true;
                        scratch.bloc[j.ix()] = 0.0;
                        scratch.touched.push(j);
                    }
                    scratch.bloc[j.ix()] += push;
                }
            }
            if scratch.touched.len() > n / 16 {
                // Many candidates: listing the counted ones is cheaper than sorting them.
                scratch.touched.clear();
                scratch.touched.extend(
                    (0..n)
                        .filter(|&j| scratch.counted[j])
                        .map(|j| NationIx(to_u32(j))),
                );
            } else {
                scratch.touched.sort_unstable();
            }
            let partnered_from = partnered_at;
            while partnered_at < scratch.partnered.len() && scratch.partnered[partnered_at].0 == i {
                partnered_at += 1;
            }
            // Each nation's extras by partner, in treaty order for each partner.
            scratch.partnered[partnered_from..partnered_at].sort_by_key(|&(_, j, _)| j);
            let extras = &scratch.partnered[partnered_from..partnered_at];
            let first = self.entries.len();
            // Merge the bloc candidates with the partners' extras, both ascending.
            let (mut b, mut e) = (0, 0);
            while b < scratch.touched.len() || e < extras.len() {
                let next_bloc = scratch.touched.get(b).copied();
                let next_extra = extras.get(e).map(|&(_, j, _)| j);
                let j = match (next_bloc, next_extra) {
                    (Some(x), Some(y)) => x.min(y),
                    (Some(x), None) => x,
                    (None, Some(y)) => y,
                    (None, None) => break,
                };
                let position = scratch.stored[j.ix()].checked_sub(1);
                let mut entry = ThreatEntry {
                    other: j,
                    hostile: false,
                    bloc: 0.0,
                    weight: 0.0,
                    position,
                };
                if next_bloc == Some(j) {
                    b += 1;
                    let h = f64::min(1.0, scratch.bloc[j.ix()]);
                    scratch.counted[j.ix()] = false;
                    // An unstored pair has the default trust and no treaty.
                    let (trust, cbm) = position.map_or((DEFAULT_TRUST, 0.0), |at| {
                        (dyads.trusts()[at as usize], strongest(&scratch.cbm, i, j))
                    });
                    entry.hostile = true;
                    entry.bloc = h;
                    entry.weight = world.proximity(i, j)
                        * h
                        * (1.0 - p.trust_threat_damping * trust)
                        * (1.0 - p.cbm_threat_damping * cbm);
                }
                let mut extra_sum: Option<f64> = None;
                while e < extras.len() && extras[e].1 == j {
                    *extra_sum.get_or_insert(0.0) += extras[e].2;
                    e += 1;
                }
                if let Some(extra) = extra_sum {
                    entry.weight += extra;
                }
                self.entries.push(entry);
            }
            if p.free_riding > 0.0 && self.entries.len() > first {
                // Protected allies free-ride: allied deterrence lowers the threat they perceive.
                for entry in &mut self.entries[first..] {
                    entry.weight *= 1.0
                        - p.free_riding
                            * super::hazards::deterrence_by(
                                allied[i.ix()],
                                state.nation(entry.other).capability,
                            );
                }
            }
            for &(j, _) in dyads.neighbours(i) {
                scratch.stored[j.ix()] = 0;
            }
            self.offsets.push(to_u32(self.entries.len()));
        }
    }
}

/// The strongest confidence-building treaty in force between i and j (0 if none).
fn strongest(cbm: &[((NationIx, NationIx), f64)], i: NationIx, j: NationIx) -> f64 {
    if cbm.is_empty() {
        return 0.0;
    }
    let key = (i.min(j), i.max(j));
    let from = cbm.partition_point(|&(k, _)| k < key);
    cbm[from..]
        .iter()
        .take_while(|&&(k, _)| k == key)
        .fold(0.0, |strongest, &(_, sigma)| f64::max(strongest, sigma))
}
