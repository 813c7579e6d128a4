//! Derived quantities of MODEL.md 2.4, recomputed from the state at the start of each step.

use std::sync::Arc;

use crate::model::InterventionKind;

use super::ids::{AllianceIx, NationIx};
use super::neighbourhood::Neighbourhoods;
use super::reference::Normalisers;
use super::state::State;
use super::world::World;

/// Quantities every rule reads, computed once per tick from the post-shock state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    /// s_i: CINC-like size.
    pub size: Vec<f64>,
    /// P_k: foreign security presence.
    pub presence: Vec<f64>,
    /// e_k: f-weighted mean effectiveness of the presence.
    pub effectiveness: Vec<f64>,
    /// e^PK_k: the peacekeeping part of the effectiveness.
    pub peacekeeping_effectiveness: Vec<f64>,
    /// W_i = min(1, Σ_j W_ij): how much a nation is fighting.
    pub fighting: Vec<f64>,
    /// C_a: cohesion of each alliance (0 when not in force).
    pub cohesion: Vec<f64>,
    /// Ĉ_a: cohesion with the commitments members had when they joined (0 when not in force):
    /// what provokes the alliance's rivals and warms its members.
    pub joined_cohesion: Vec<f64>,
    /// h̃ and w (MODEL.md 2.4).
    pub threat: super::threat::Threat,
    /// Σ_j w_ij·x_j: the rivals' effort each nation fears.
    pub fear: Vec<f64>,
    /// Θ_i = Σ_j w_ij·x_j / x̄₀.
    pub threat_level: Vec<f64>,
    /// Links between pairs: alliances, treaties, joint peacekeeping.
    pub links: super::links::Links,
    /// Per-nation sums over the agreements and interventions in force.
    pub agreements: super::agreements::Agreements,
    /// Σ s over all nations.
    pub total_size: f64,
    /// The weights of nations in the means of alliances and balance sums: their sizes at load
    /// (model 2). A weight that followed capability and economy would pass every change of them
    /// on to every relation and commitment around a nation, a loop no world-independent bound
    /// can contain (docs/MODEL.md, small gain); structural weights keep the means' weights fixed.
    pub weights: Vec<f64>,
    /// Σ of the weights.
    pub total_weight: f64,
    /// Each nation's ties at load (until calibration, its current ties): what a pair's balance
    /// sum is a mean over. Shared with the load snapshot, so a tick copies no list.
    pub neighbourhoods: Arc<Neighbourhoods>,
    /// Scratch: f-weighted effectiveness sums while computing presence.
    weighted: Vec<(f64, f64, f64)>,
    /// Scratch: positions of fighting pairs.
    fighting_pairs: Vec<usize>,
}

/// Presence effectiveness e of an intervention kind (MODEL.md 2.7).
pub fn kind_effectiveness(kind: InterventionKind) -> f64 {
    match kind {
        InterventionKind::Humanitarian => 0.7,
        InterventionKind::RegimeChange | InterventionKind::CoalitionOperation => 0.8,
        InterventionKind::PreventiveStrike => 0.0,
        InterventionKind::Peacekeeping => 1.0,
    }
}

/// φ_ι(t): 1 during the active phase, then (1 − δ)^(t − t0 − D); strikes leave no presence.
pub fn presence_profile(world: &World, intervention: usize, tick: u32) -> f64 {
    let info = &world.interventions[intervention];
    if info.kind == InterventionKind::PreventiveStrike || tick < info.start {
        return 0.0;
    }
    let since_end = tick - info.start;
    if since_end < info.duration {
        return 1.0;
    }
    let mut remaining = 1.0;
    // A loop of multiplications instead of powf keeps results identical on every platform.
    for _ in 0..(since_end - info.duration).min(2_000) {
        remaining *= 1.0 - info.drawdown;
    }
    remaining
}

/// Presence below this is treated as gone, which ends the intervention.
pub const PRESENCE_GONE: f64 = 1e-4;

impl Derived {
    /// Computes everything from `state` at its tick, with the world's load-time references.
    pub fn compute(world: &World, state: &State) -> Derived {
        let mut derived = Derived::default();
        derived.recompute(world, state);
        derived
    }

    /// Recomputes everything for `state` in place, reusing the buffers of an earlier tick.
    pub fn recompute(&mut self, world: &World, state: &State) {
        let norms = &world.calibration.norms;
        let n = world.nation_count();
        sizes_into(state, norms, &mut self.size);
        self.measure_presence(world, state, n);
        self.measure_fighting(state, n);
        self.total_size = self.size.iter().sum();
        self.weights.clear();
        self.weights
            .extend_from_slice(structural_weights(world, &self.size));
        self.total_weight = self.weights.iter().sum();
        let load = &world.calibration.load;
        if load.neighbourhoods.weight.len() == n {
            self.neighbourhoods = Arc::clone(&load.neighbourhoods);
        } else {
            self.neighbourhoods = Arc::new(Neighbourhoods::of(&state.dyads, &self.weights));
        }
        self.cohesion.clear();
        self.cohesion.extend(
            (0..state.alliances.len())
                .map(|a| cohesion(state, &self.weights, AllianceIx(a as u32))),
        );
        self.joined_cohesion.clear();
        self.joined_cohesion.extend(
            (0..state.alliances.len())
                .map(|a| joined_cohesion(state, &self.weights, AllianceIx(a as u32))),
        );
        self.agreements.recompute(world, state, &self.size, norms);
        self.threat.recompute(
            world,
            state,
            &self.joined_cohesion,
            &self.agreements.allied,
            &self.agreements.cbm,
        );
        self.links.recompute(world, state, &self.joined_cohesion);
        let scales = &world.calibration.scales;
        self.threat_level.clear();
        self.threat_level.extend(
            world
                .nation_indices()
                .map(|i| self.threat.level(state, scales, i)),
        );
        self.fear.clear();
        self.fear.extend(
            self.threat_level
                .iter()
                .zip(&scales.effort)
                .map(|(level, scale)| level * scale),
        );
    }

    fn measure_presence(&mut self, world: &World, state: &State, n: usize) {
        self.presence.clear();
        self.presence.resize(n, 0.0);
        self.weighted.clear();
        self.weighted.resize(n, (0.0, 0.0, 0.0));
        for (i, info) in world.interventions.iter().enumerate() {
            if !state.interventions[i].status.is_active() {
                continue;
            }
            let phi = presence_profile(world, i, state.tick);
            let f = info.force_ratio * phi;
            let k = info.target.ix();
            let mut e = kind_effectiveness(info.kind);
            // Peacekeeping without consent is halved (MODEL.md 2.7).
            if info.kind == InterventionKind::Peacekeeping && !info.consent {
                e *= 0.5;
            }
            self.presence[k] += f;
            let (weighted_e, weighted_pk, weight) = &mut self.weighted[k];
            *weighted_e += f * e;
            if info.kind == InterventionKind::Peacekeeping {
                *weighted_pk += f * e;
            }
            *weight += f;
        }
        self.effectiveness.clear();
        self.effectiveness.resize(n, 0.0);
        self.peacekeeping_effectiveness.clear();
        self.peacekeeping_effectiveness.resize(n, 0.0);
        for k in 0..n {
            self.presence[k] = f64::min(1.0, self.presence[k]);
            let (weighted_e, weighted_pk, weight) = self.weighted[k];
            if weight > 0.0 {
                self.effectiveness[k] = weighted_e / weight;
                self.peacekeeping_effectiveness[k] = weighted_pk / weight;
            }
        }
    }

    /// W_i, summed over i's pairs in ascending (a, b) order (only fighting pairs add anything).
    fn measure_fighting(&mut self, state: &State, n: usize) {
        let dyads = &state.dyads;
        self.fighting_pairs.clear();
        self.fighting_pairs.extend(
            dyads
                .fightings()
                .iter()
                .enumerate()
                .filter(|&(_, &w)| w != 0.0)
                .map(|(p, _)| p),
        );
        self.fighting_pairs.sort_unstable_by_key(|&p| dyads.ends(p));
        self.fighting.clear();
        self.fighting.resize(n, 0.0);
        for &p in &self.fighting_pairs {
            let (a, b) = dyads.ends(p);
            let w = dyads.fightings()[p];
            self.fighting[a.ix()] += w;
            self.fighting[b.ix()] += w;
        }
        for w in &mut self.fighting {
            *w = f64::min(1.0, *w);
        }
    }

    /// C_a = Σ s_i ω_ia / Σ s_i over members, with the structural weights (0 when the alliance
    /// is not in force).
    pub fn alliance_cohesion(&self, state: &State, alliance: AllianceIx) -> f64 {
        cohesion(state, &self.weights, alliance)
    }

    /// The structural weight of a nation (its size at load).
    pub fn weight_of(&self, nation: NationIx) -> f64 {
        self.weights[nation.ix()]
    }

    /// D_ab, the denominator of a pair's balance sum ([`Neighbourhoods::denominator`]);
    /// `position` is the pair's storage position, `None` when it is not stored.
    pub fn balance_denominator(&self, a: NationIx, b: NationIx, position: Option<usize>) -> f64 {
        self.neighbourhoods
            .denominator(&self.weights, a, b, position)
    }

    /// The links of a pair (all zero when unlinked).
    pub fn link(&self, a: NationIx, b: NationIx) -> super::links::PairLinks {
        self.links.get(a, b)
    }

    /// s of a nation.
    pub fn size_of(&self, nation: NationIx) -> f64 {
        self.size[nation.ix()]
    }
}

/// s_i = ½·M_i/M̄₀ + ½·E_i/Ē₀ for every nation: the CINC-like size. Cheap; for callers that need
/// sizes only, instead of every derived quantity.
pub fn sizes(state: &State, norms: &Normalisers) -> Vec<f64> {
    let mut sizes = Vec::with_capacity(state.nations.len());
    sizes_into(state, norms, &mut sizes);
    sizes
}

/// [`sizes`] into a buffer.
pub fn sizes_into(state: &State, norms: &Normalisers, sizes: &mut Vec<f64>) {
    sizes.clear();
    sizes.extend(
        state
            .nations
            .iter()
            .map(|x| 0.5 * x.capability / norms.capability + 0.5 * x.economy / norms.economy),
    );
}

/// The weights of the means: the sizes at load once the world is calibrated, and until then
/// (while calibration measures the load state) the current sizes, which are the same.
pub fn structural_weights<'a>(world: &'a World, sizes: &'a [f64]) -> &'a [f64] {
    let load = &world.calibration.load.sizes;
    if load.len() == sizes.len() {
        load
    } else {
        sizes
    }
}

/// Ĉ_a = Σ s_i ω_ia(join) / Σ s_i over members (0 when the alliance is not in force).
pub fn joined_cohesion(state: &State, sizes: &[f64], alliance: AllianceIx) -> f64 {
    size_weighted_commitment(state, sizes, alliance, |_, record| {
        record.commitment_at_join
    })
}

/// C_a = Σ s_i ω_ia / Σ s_i over members (0 when the alliance is not in force).
pub fn cohesion(state: &State, sizes: &[f64], alliance: AllianceIx) -> f64 {
    size_weighted_commitment(state, sizes, alliance, |omega, _| omega)
}

/// The size-weighted mean over an alliance's members of `commitment(ω, record)`.
fn size_weighted_commitment(
    state: &State,
    sizes: &[f64],
    alliance: AllianceIx,
    commitment: impl Fn(f64, &super::state::MemberRecord) -> f64,
) -> f64 {
    let a = &state.alliances[alliance.ix()];
    if !a.status.is_active() {
        return 0.0;
    }
    let (num, den) =
        a.members
            .iter()
            .zip(&a.records)
            .fold((0.0, 0.0), |(num, den), (&(m, omega), record)| {
                let s = sizes[m.ix()];
                (num + s * commitment(omega, record), den + s)
            });
    if den > 0.0 { num / den } else { 0.0 }
}
