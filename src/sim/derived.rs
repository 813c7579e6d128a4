//! Derived quantities of MODEL.md 2.4, recomputed from the state at the start of each step.

use crate::model::InterventionKind;

use super::calibrate::Normalisers;
use super::ids::{AllianceIx, NationIx};
use super::state::State;
use super::world::World;

/// Quantities every rule reads, computed once per tick from the post-shock state.
#[derive(Clone, Debug, PartialEq)]
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
    /// h̃ and w (MODEL.md 2.4).
    pub threat: super::threat::Threat,
    /// Θ_i = Σ_j w_ij·x_j / x̄₀.
    pub threat_level: Vec<f64>,
    /// Links between pairs: alliances, treaties, joint peacekeeping.
    pub links: std::collections::BTreeMap<(NationIx, NationIx), super::links::PairLinks>,
    /// Σ s over all nations (denominator of the balance sums).
    pub total_size: f64,
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
    /// Computes everything from `state` at its tick, with the world's load-time normalisers.
    pub fn compute(world: &World, state: &State) -> Derived {
        Self::compute_with(world, state, &world.calibration.norms)
    }

    /// Computes everything from `state` with the given normalisers (used while calibrating).
    pub fn compute_with(world: &World, state: &State, norms: &Normalisers) -> Derived {
        let n = world.nation_count();
        let size = sizes(state, norms);
        let mut presence = vec![0.0; n];
        let mut weighted_e = vec![0.0; n];
        let mut weighted_pk = vec![0.0; n];
        let mut weight = vec![0.0; n];
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
            presence[k] += f;
            weighted_e[k] += f * e;
            if info.kind == InterventionKind::Peacekeeping {
                weighted_pk[k] += f * e;
            }
            weight[k] += f;
        }
        let mut effectiveness = vec![0.0; n];
        let mut peacekeeping_effectiveness = vec![0.0; n];
        for k in 0..n {
            presence[k] = f64::min(1.0, presence[k]);
            if weight[k] > 0.0 {
                effectiveness[k] = weighted_e[k] / weight[k];
                peacekeeping_effectiveness[k] = weighted_pk[k] / weight[k];
            }
        }
        let mut fighting = vec![0.0; n];
        for dyad in state.dyads.iter() {
            fighting[dyad.a.ix()] += dyad.fighting;
            fighting[dyad.b.ix()] += dyad.fighting;
        }
        for w in &mut fighting {
            *w = f64::min(1.0, *w);
        }
        let mut derived = Derived {
            size,
            presence,
            effectiveness,
            peacekeeping_effectiveness,
            fighting,
            cohesion: Vec::new(),
            threat: super::threat::Threat::default(),
            threat_level: Vec::new(),
            links: std::collections::BTreeMap::new(),
            total_size: 0.0,
        };
        derived.total_size = derived.size.iter().sum();
        derived.cohesion = (0..state.alliances.len())
            .map(|a| derived.alliance_cohesion(state, AllianceIx(a as u32)))
            .collect();
        derived.threat = super::threat::compute(world, state, &derived.cohesion);
        derived.links = super::links::pair_links(world, state, &derived.cohesion);
        let mean_effort = norms.effort;
        derived.threat_level = derived
            .threat
            .weights
            .iter()
            .map(|row| {
                let total: f64 = row
                    .iter()
                    .map(|&(j, w)| w * state.nations[j.ix()].effort)
                    .sum();
                total / mean_effort
            })
            .collect();
        derived
    }

    /// C_a = Σ s_i ω_ia / Σ s_i over members (0 when the alliance is not in force).
    pub fn alliance_cohesion(&self, state: &State, alliance: AllianceIx) -> f64 {
        cohesion(state, &self.size, alliance)
    }

    /// The links of a pair (all zero when unlinked).
    pub fn link(&self, a: NationIx, b: NationIx) -> super::links::PairLinks {
        self.links
            .get(&(a.min(b), a.max(b)))
            .copied()
            .unwrap_or_default()
    }

    /// s of a nation.
    pub fn size_of(&self, nation: NationIx) -> f64 {
        self.size[nation.ix()]
    }
}

/// s_i = ½·M_i/M̄₀ + ½·E_i/Ē₀ for every nation: the CINC-like size. Cheap; for callers that need
/// sizes only, instead of every derived quantity.
pub fn sizes(state: &State, norms: &Normalisers) -> Vec<f64> {
    state
        .nations
        .iter()
        .map(|x| 0.5 * x.capability / norms.capability + 0.5 * x.economy / norms.economy)
        .collect()
}

/// C_a = Σ s_i ω_ia / Σ s_i over members (0 when the alliance is not in force).
pub fn cohesion(state: &State, sizes: &[f64], alliance: AllianceIx) -> f64 {
    let a = &state.alliances[alliance.ix()];
    if !a.status.is_active() {
        return 0.0;
    }
    let (num, den) = a
        .members
        .iter()
        .fold((0.0, 0.0), |(num, den), &(m, omega)| {
            let s = sizes[m.ix()];
            (num + s * omega, den + s)
        });
    if den > 0.0 { num / den } else { 0.0 }
}
