//! Threat perception (MODEL.md 2.4, model 2 in docs/MODEL.md): bloc hostility h̃, threat weights
//! w and the threat level Θ, a mean over a nation's relations.
//!
//! Computed sparsely: i perceives threat only from nations it is hostile to, members of
//! alliances that contain one of them, and partners of its rivals in exercises or arms deals.
//! Every aggregate is a mean or a maximum, so no nation's perception grows with how many
//! relations or alliances it has: bloc hostility is the mean hostility toward an alliance's
//! members (the most provoking alliance counts), a rival's partners add the strongest such
//! partnership, and the threat level divides by the threat denominator D_i.

use crate::model::{DEFAULT_TRUST, TreatyKind};

use super::ids::{NationIx, group_by_nation, to_u32};
use super::reference::Scales;
use super::state::State;
use super::world::World;

/// Hostility, beyond the dead zone, toward a rival at which its partners in exercises and arms
/// deals count fully.
pub const PARTNER_HOSTILITY: f64 = 0.2;

/// Hostility toward one nation that its allies and partners ignore (model 2): B and the partner
/// ramp read max(0, h − 0.02). Provocation then starts from zero as hostility grows, with no
/// step, and a relation that wobbles around 0 does not draw every member of its alliances into
/// the network.
pub const BLOC_DEAD_ZONE: f64 = 0.02;

/// What nation i perceives of one other nation j.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreatEntry {
    /// j.
    pub other: NationIx,
    /// Whether i is hostile to j or to an alliance j belongs to (false when j only partners i's
    /// rivals).
    pub hostile: bool,
    /// h̃_ij = h_ij + (1 − h_ij)·B_ij: hostility including the provocation of j's bloc (0 when
    /// not `hostile`).
    pub bloc: f64,
    /// Storage position of the pair (i, j), if it was stored when this was computed.
    pub position: Option<u32>,
    /// w_ij = prox·min(1, h̃ + partners)·(1 − ψ_T·T)·(1 − ψ_C·cbm): threat weight, at most prox.
    pub weight: f64,
}

/// Threat weights of one tick: for each nation i, the nations it perceives, in ascending order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Threat {
    offsets: Vec<u32>,
    entries: Vec<ThreatEntry>,
    scratch: Scratch,
    /// The buffers of the nation-by-nation pass.
    nation: NationScratch,
}

/// Buffers reused from tick to tick.
#[derive(Clone, Debug, Default, PartialEq)]
struct Scratch {
    /// (outsider i, alliance, hostility toward one of its members), grouped by i, alliances
    /// ascending within each i.
    hatred: Vec<(NationIx, u32, f64)>,
    /// (i, j, extra weight) from exercises and arms deals of i's rivals, grouped by i, by j
    /// within each i, in treaty order within each j (the strongest counts).
    partnered: Vec<(NationIx, NationIx, f64)>,
    /// Where each nation's entries start in `hatred` and in `partnered` (n + 1 each).
    hatred_starts: Vec<u32>,
    partnered_starts: Vec<u32>,
    /// Strongest confidence-building treaty per pair.
    cbm: Vec<((NationIx, NationIx), f64)>,
    ungrouped: Vec<(NationIx, u32, f64)>,
    ungrouped_partnered: Vec<(NationIx, NationIx, f64)>,
}

/// Buffers for perceiving one nation's threats, indexed by the other nation.
#[derive(Clone, Debug, Default, PartialEq)]
struct NationScratch {
    /// h_ij: own hostility, by other nation.
    own: Vec<f64>,
    /// B_ij: bloc provocation (the largest over alliances), by other nation.
    bloc: Vec<f64>,
    counted: Vec<bool>,
    touched: Vec<NationIx>,
    /// Storage position + 1 of the pair (i, j) by j (0: not stored).
    stored: Vec<u32>,
}

impl NationScratch {
    fn resize(&mut self, n: usize) {
        self.own.clear();
        self.own.resize(n, 0.0);
        self.bloc.clear();
        self.bloc.resize(n, 0.0);
        self.counted.clear();
        self.counted.resize(n, false);
        self.stored.clear();
        self.stored.resize(n, 0);
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

    /// h̃_ij (0 when i is not hostile to j or its bloc).
    pub fn bloc(&self, i: NationIx, j: NationIx) -> f64 {
        self.entry(i, j).map_or(0.0, |e| e.bloc)
    }

    /// Θ_i = Σ_j w_ij·(x_j/X_j) / D_i: the threat-weighted relative effort of i's rivals, a mean
    /// over its relations (in ascending j).
    pub fn level(&self, state: &State, scales: &Scales, i: NationIx) -> f64 {
        let sum: f64 = self
            .of(i)
            .iter()
            .filter(|e| e.weight > 0.0)
            .map(|e| e.weight * (state.nation(e.other).effort / scales.effort[e.other.ix()]))
            .sum();
        sum / scales.threat[i.ix()]
    }

    /// Recomputes h̃ and w for every nation from `state`, given each alliance's cohesion at
    /// joining (what provokes its rivals), each nation's allied capability (for free riding) and
    /// strongest confidence-building treaty (only nations with one are looked up in the pair
    /// list), reusing this value's buffers.
    pub fn recompute(
        &mut self,
        world: &World,
        state: &State,
        cohesion: &[f64],
        allied: &[f64],
        has_cbm: &[f64],
    ) {
        let n = world.nation_count();
        gather_hatred(state, cohesion, &mut self.scratch, n);
        gather_partners(world, state, &mut self.scratch, n);
        let context = Context {
            world,
            state,
            cohesion,
            allied,
            has_cbm,
            scratch: &self.scratch,
        };
        self.offsets.clear();
        self.entries.clear();
        self.offsets.push(0);
        self.nation.resize(n);
        for i in world.nation_indices() {
            context.perceive(i, &mut self.nation, &mut self.entries);
            self.offsets.push(to_u32(self.entries.len()));
        }
    }
}

/// For each active alliance, how hostile each outsider is to each of its members: entries
/// (i, a, −R_im) for every member m and every i hostile to it, grouped by i.
fn gather_hatred(state: &State, cohesion: &[f64], scratch: &mut Scratch, n: usize) {
    let dyads = &state.dyads;
    let relations = dyads.relations();
    scratch.ungrouped.clear();
    for (a, alliance) in state.alliances.iter().enumerate() {
        if !alliance.status.is_active() || cohesion[a] == 0.0 {
            continue;
        }
        for &(m, _) in &alliance.members {
            for &(i, position) in dyads.neighbours(m) {
                let beyond = -relations[position as usize] - BLOC_DEAD_ZONE;
                if beyond > 0.0 {
                    scratch.ungrouped.push((i, to_u32(a), beyond));
                }
            }
        }
    }
    // Alliances were visited in ascending order, so grouping by nation sorts by (i, a).
    group_by_nation(
        &scratch.ungrouped,
        &mut scratch.hatred,
        &mut scratch.hatred_starts,
        n,
        |&(i, _, _)| i,
    );
}

/// Exercises and arms deals with i's rivals: for a treaty between q and j where i is hostile to
/// q, i perceives extra threat from j. Also lists the confidence-building treaties by pair.
fn gather_partners(world: &World, state: &State, scratch: &mut Scratch, n: usize) {
    let p = &world.params;
    let dyads = &state.dyads;
    let relations = dyads.relations();
    scratch.ungrouped_partnered.clear();
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
                let beyond = -relations[position as usize] - BLOC_DEAD_ZONE;
                if beyond <= 0.0 {
                    continue;
                }
                // A ramp instead of a sign test: a partner of a barely hostile rival barely counts.
                let ramp = f64::min(1.0, beyond / PARTNER_HOSTILITY);
                for &j in &info.parties {
                    if j != q && j != i {
                        scratch
                            .ungrouped_partnered
                            .push((i, j, epsilon * info.strength * ramp));
                    }
                }
            }
        }
    }
    // Stable: each pair's extras stay in treaty order.
    group_by_nation(
        &scratch.ungrouped_partnered,
        &mut scratch.partnered,
        &mut scratch.partnered_starts,
        n,
        |&(i, _, _)| i,
    );
    for i in 0..n {
        let (from, to) = (scratch.partnered_starts[i], scratch.partnered_starts[i + 1]);
        scratch.partnered[from as usize..to as usize].sort_by_key(|&(_, j, _)| j);
    }
    scratch.cbm.sort_by_key(|&(key, _)| key);
}

/// What perceiving one nation reads.
#[derive(Clone, Copy)]
struct Context<'a> {
    world: &'a World,
    state: &'a State,
    cohesion: &'a [f64],
    allied: &'a [f64],
    has_cbm: &'a [f64],
    scratch: &'a Scratch,
}

impl Context<'_> {
    /// Appends what nation i perceives to `out`, in ascending order of the other nation.
    fn perceive(&self, i: NationIx, scratch: &mut NationScratch, out: &mut Vec<ThreatEntry>) {
        let (world, state) = (self.world, self.state);
        let p = &world.params;
        let n = world.nation_count();
        let dyads = &state.dyads;
        let relations = dyads.relations();
        // h_ij from i's own hostile relations, then bloc provocation in alliance order.
        scratch.touched.clear();
        for &(j, position) in dyads.neighbours(i) {
            scratch.stored[j.ix()] = position + 1;
            let r = relations[position as usize];
            if r < 0.0 {
                scratch.own[j.ix()] = -r;
                scratch.bloc[j.ix()] = 0.0;
                scratch.counted[j.ix()] = true;
                scratch.touched.push(j);
            }
        }
        let hatred = {
            let starts = &self.scratch.hatred_starts;
            &self.scratch.hatred[starts[i.ix()] as usize..starts[i.ix() + 1] as usize]
        };
        let mut at = 0;
        while at < hatred.len() {
            // B_ij = φ·max_a Ĉ_a·H_ia, H_ia the mean hostility of i toward a's members beyond the
            // dead zone.
            let (_, a, mut hate) = hatred[at];
            at += 1;
            while at < hatred.len() && hatred[at].1 == a {
                hate += hatred[at].2;
                at += 1;
            }
            let alliance = &state.alliances[a as usize];
            if alliance.members.iter().any(|&(m, _)| m == i) {
                continue;
            }
            let mean = hate / alliance.members.len().max(1) as f64;
            let push = p.bloc_provocation * self.cohesion[a as usize] * mean;
            for &(j, _) in &alliance.members {
                if !scratch.counted[j.ix()] {
                    scratch.counted[j.ix()] = true;
                    scratch.own[j.ix()] = 0.0;
                    scratch.bloc[j.ix()] = 0.0;
                    scratch.touched.push(j);
                }
                scratch.bloc[j.ix()] = f64::max(scratch.bloc[j.ix()], push);
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
        let extras = {
            let starts = &self.scratch.partnered_starts;
            &self.scratch.partnered[starts[i.ix()] as usize..starts[i.ix() + 1] as usize]
        };
        let first = out.len();
        // Merge the bloc candidates with the partners' extras, both ascending.
        let (mut b, mut e) = (0, 0);
        loop {
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
                position,
                weight: 0.0,
            };
            if next_bloc == Some(j) {
                b += 1;
                let own = scratch.own[j.ix()];
                entry.hostile = true;
                entry.bloc = own + (1.0 - own) * f64::min(1.0, scratch.bloc[j.ix()]);
                scratch.counted[j.ix()] = false;
            }
            let mut partners = 0.0f64;
            while e < extras.len() && extras[e].1 == j {
                partners = partners.max(extras[e].2);
                e += 1;
            }
            // Trust and confidence-building damp every kind of threat alike, so a relation that
            // crosses zero changes no weight by a step. An unstored pair has the default trust
            // and no treaty.
            let (trust, cbm) = position.map_or((DEFAULT_TRUST, 0.0), |at| {
                let cbm = if self.has_cbm[i.ix()] > 0.0 {
                    strongest(&self.scratch.cbm, i, j)
                } else {
                    0.0
                };
                (dyads.trusts()[at as usize], cbm)
            });
            let damping =
                (1.0 - p.trust_threat_damping * trust) * (1.0 - p.cbm_threat_damping * cbm);
            entry.weight = world.proximity(i, j) * f64::min(1.0, entry.bloc + partners) * damping;
            out.push(entry);
        }
        if p.free_riding > 0.0 && out.len() > first {
            // Protected allies free-ride: allied deterrence lowers the threat they perceive.
            for entry in &mut out[first..] {
                entry.weight *= 1.0
                    - p.free_riding
                        * super::hazards::deterrence_by(
                            self.allied[i.ix()],
                            state.nation(entry.other).capability,
                        );
            }
        }
        for &(j, _) in dyads.neighbours(i) {
            scratch.stored[j.ix()] = 0;
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
