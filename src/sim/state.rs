//! The world state at one tick: everything the step reads and writes.
//!
//! A `State` is a plain value: cloning it is a checkpoint, and stepping a clone gives bit-for-bit
//! the same trajectory as stepping the original (resuming equals a straight run).

use std::sync::Arc;

use crate::model::Scenario;

use super::ids::{NationIx, to_u32};
use super::world::World;

pub use super::dyads::{DyadReference, DyadState, Dyads, PairColumn};

/// Structural baselines (long-run attractors) of a nation's bounded variables.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NationBaselines {
    /// S0.
    pub stability: f64,
    /// L0.
    pub legitimacy: f64,
    /// G0.
    pub capacity: f64,
    /// N0.
    pub armed_groups: f64,
    /// Γ0.
    pub grievance: f64,
}

/// One nation's variables (MODEL.md 2.3).
#[derive(Clone, Debug, PartialEq)]
pub struct NationState {
    /// E: economy (GDP index).
    pub economy: f64,
    /// x: defence effort, in the units of E.
    pub effort: f64,
    /// M: military capability.
    pub capability: f64,
    /// S: domestic stability.
    pub stability: f64,
    /// L: legitimacy.
    pub legitimacy: f64,
    /// G: state capacity.
    pub capacity: f64,
    /// N: non-state armed groups.
    pub armed_groups: f64,
    /// Γ: grievance.
    pub grievance: f64,
    /// I: ideology.
    pub ideology: f64,
    /// D: democracy.
    pub democracy: f64,
    /// P: foreign security presence (derived from interventions).
    pub presence: f64,
    /// Structural baselines.
    pub baseline: NationBaselines,
    /// h: current leadership (shared: states are cloned every tick, leaders rarely change).
    pub leader: Arc<str>,
    /// Target defence share set by a defence-policy event, if any.
    pub target_share: Option<f64>,
    /// g: the Richardson ambition constant (calibrated at load, reset by defence-policy events).
    pub ambition: f64,
    /// G0eff: the capacity institutions return to (lowered when a regime change dismantles them).
    pub capacity_target: f64,
    /// Γ0eff: the grievance level it returns to (halved when a regime change removes a hated regime).
    pub grievance_target: f64,
    /// m_k: the slowed rebuilding rate after a regime change, until capacity is back to 95%.
    pub rebuilding: Option<f64>,
    /// Tick of this nation's last abrogation or alliance exit (its promises count less for 40 ticks).
    pub abrogated_at: Option<u32>,
    /// gE: economic growth of the last tick.
    pub growth: f64,
}

impl NationState {
    /// b = x/E: defence burden.
    pub fn burden(&self) -> f64 {
        if self.economy > 0.0 {
            self.effort / self.economy
        } else {
            0.0
        }
    }
}

/// Lifecycle of a treaty, alliance or intervention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Scheduled for later.
    Pending,
    /// In force / active since the given tick.
    Active {
        /// Tick it came into force.
        since: u32,
    },
    /// Ended (expired, abrogated, dissolved, withdrawn) at the given tick.
    Ended {
        /// Tick it ended.
        at: u32,
    },
}

impl Status {
    /// Whether it is in force.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Active { .. })
    }
}

/// An alliance's variables.
#[derive(Clone, Debug, PartialEq)]
pub struct AllianceState {
    /// Lifecycle.
    pub status: Status,
    /// Members with their commitment ω, in joining order.
    pub members: Vec<(NationIx, f64)>,
    /// Age in ticks (alliances in force at load count as mature, MODEL.md 2.11).
    pub age: u32,
    /// Per member: what its commitment dynamics remember, in the order of `members`.
    pub records: Vec<MemberRecord>,
}

/// What the commitment rule remembers about one member (MODEL.md 2.5 K).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MemberRecord {
    /// ω when the member joined (or at load): the commitment returns toward it.
    pub commitment_at_join: f64,
    /// The commitment's inputs when the member joined (or at load): shared threat (at least
    /// θ_req for alliances formed during a run), divergence, maturity, hegemonic leadership and
    /// the other camp's pull. The commitment follows their changes since then.
    pub reference: [f64; 5],
    /// Consecutive ticks with ω below ω_exit.
    pub ticks_below_exit: u32,
    /// Consecutive ticks with a switching incentive above z_exit (autonomous states).
    pub ticks_wavering: u32,
}

/// A treaty's lifecycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreatyState {
    /// Lifecycle.
    pub status: Status,
    /// Whether a party broke it (an abrogation), rather than letting it run its term.
    pub abrogated: bool,
}

/// An intervention's lifecycle.
#[derive(Clone, Debug, PartialEq)]
pub struct InterventionState {
    /// Pending until t0, active from t0 (including drawdown) until its presence fades out.
    pub status: Status,
    /// x_k(t0 − 1): the target's defence effort just before the intervention started.
    pub target_effort_before: f64,
    /// ℓ: legality, fixed when the intervention starts.
    pub legality: f64,
    /// Tick the intervention started (t0), once it has.
    pub started_at: Option<u32>,
    /// Outside states whose pre-intervention relation with the target makes them potential backers
    /// of the side the interveners oppose, fixed at t0; whether each backs it at a given tick
    /// depends on its current relation with the interveners (`intervention::counter_interveners`).
    pub counter_candidates: Vec<NationIx>,
}

/// The whole world at one tick.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The tick these values hold at.
    pub tick: u32,
    /// Nations by index.
    pub nations: Vec<NationState>,
    /// Pairs with a relation.
    pub dyads: Dyads,
    /// Alliances by index.
    pub alliances: Vec<AllianceState>,
    /// Treaties by index.
    pub treaties: Vec<TreatyState>,
    /// Interventions by index.
    pub interventions: Vec<InterventionState>,
    /// RSI per region (MODEL.md 2.5 N).
    pub region_stability: Vec<f64>,
    /// What each region's RSI is made of (the next step's ledger decomposes against it).
    pub region_parts: Vec<IndexParts>,
    /// Random events drawn at the end of the previous tick, applied at the start of this one.
    pub pending_random: Vec<super::draws::RandomEvent>,
    /// Per nation, the most recent trigger of change that reached it (none at load): what the
    /// ledger names on the model's responses (`origins` passes them on).
    pub origins: Vec<Option<super::ledger::Origin>>,
}

impl State {
    /// The bytes this state holds of its own (the pair topology it shares with other states is not
    /// counted): what keeping one more state costs. Approximate — it counts lengths, not spare
    /// capacity — which is all the run's memory budget needs.
    pub fn approximate_bytes(&self) -> usize {
        use std::mem::size_of;
        let alliances: usize = self
            .alliances
            .iter()
            .map(|a| {
                size_of::<AllianceState>()
                    + a.members.len() * size_of::<(NationIx, f64)>()
                    + a.records.len() * size_of::<MemberRecord>()
            })
            .sum();
        size_of::<State>()
            + self.nations.len() * size_of::<NationState>()
            + self.dyads.own_bytes()
            + alliances
            + self.treaties.len() * size_of::<TreatyState>()
            + self.interventions.len() * size_of::<InterventionState>()
            + self.region_stability.len() * size_of::<f64>()
            + self.region_parts.len() * size_of::<IndexParts>()
            + self.pending_random.len() * size_of::<super::draws::RandomEvent>()
            + self.origins.len() * size_of::<Option<super::ledger::Origin>>()
    }

    /// Gives back spare capacity, so that a state kept in a run costs what
    /// [`State::approximate_bytes`] counts.
    pub fn shrink_to_fit(&mut self) {
        self.dyads.shrink_to_fit();
    }

    /// The state at tick 0 of a validated scenario, resolved against its world, before calibration
    /// (see [`super::run::start`], which completes it).
    pub fn initial(scenario: &Scenario, world: &World) -> State {
        let nations = scenario
            .nations
            .iter()
            .map(|n| NationState {
                economy: n.economy,
                effort: n.defence_share * n.economy,
                capability: n.capability,
                stability: n.stability,
                legitimacy: n.legitimacy,
                capacity: n.capacity,
                armed_groups: n.armed_groups,
                grievance: n.grievance,
                ideology: n.ideology,
                democracy: n.democracy,
                presence: 0.0,
                baseline: NationBaselines {
                    stability: n.baseline.stability.unwrap_or(n.stability),
                    legitimacy: n.baseline.legitimacy.unwrap_or(n.legitimacy),
                    capacity: n.baseline.capacity.unwrap_or(n.capacity),
                    armed_groups: n.baseline.armed_groups.unwrap_or(n.armed_groups),
                    grievance: n.baseline.grievance.unwrap_or(n.grievance),
                },
                leader: Arc::from(n.leader.0.as_str()),
                target_share: None,
                ambition: 0.0,
                abrogated_at: None,
                capacity_target: n.baseline.capacity.unwrap_or(n.capacity),
                grievance_target: n.baseline.grievance.unwrap_or(n.grievance),
                rebuilding: None,
                growth: 0.0,
            })
            .collect();
        let mut dyads = Dyads::new(world.nation_count());
        for relation in &scenario.relations {
            if let (Some(a), Some(b)) = (
                world.nation(relation.a.as_str()),
                world.nation(relation.b.as_str()),
            ) {
                let p = dyads.insert(a, b);
                *dyads.value_mut(p, PairColumn::Relation) = relation.relation;
                *dyads.value_mut(p, PairColumn::Trust) = relation.trust;
                dyads.set_structural(p, Some(relation.relation), Some(relation.trust));
            }
        }
        let alliances = world
            .alliances
            .iter()
            .map(|info| AllianceState {
                status: if info.formed_by.is_none() {
                    Status::Active { since: 0 }
                } else {
                    Status::Pending
                },
                members: if info.formed_by.is_none() {
                    info.founders.iter().map(|&m| (m, 1.0)).collect()
                } else {
                    Vec::new()
                },
                age: if info.formed_by.is_none() { 40 } else { 0 },
                records: Vec::new(),
            })
            .collect();
        let treaties = world
            .treaties
            .iter()
            .map(|info| TreatyState {
                status: if info.signed_by.is_none() {
                    Status::Active { since: 0 }
                } else {
                    Status::Pending
                },
                abrogated: false,
            })
            .collect();
        let interventions = vec![
            InterventionState {
                status: Status::Pending,
                target_effort_before: 0.0,
                legality: 0.0,
                started_at: None,
                counter_candidates: Vec::new(),
            };
            world.interventions.len()
        ];
        State {
            tick: 0,
            nations,
            dyads,
            alliances,
            treaties,
            interventions,
            region_stability: vec![0.0; world.regions.len()],
            region_parts: vec![IndexParts::default(); world.regions.len()],
            pending_random: Vec::new(),
            origins: vec![None; world.nation_count()],
        }
    }

    /// The nation's state.
    pub fn nation(&self, nation: NationIx) -> &NationState {
        &self.nations[nation.ix()]
    }

    /// Indices of all nations.
    pub fn nation_indices(&self) -> impl Iterator<Item = NationIx> + use<> {
        (0..to_u32(self.nations.len())).map(NationIx)
    }
}

/// The parts RSI_r is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct IndexParts {
    /// Σ s_i S_i / Σ s_i over the region's nations.
    pub mean_stability: f64,
    /// W̄_r: mean fighting of the region's pairs (pairs with an outsider count half).
    pub fighting: f64,
    /// Tension_r: weighted share of unbalanced triangles inside the region.
    pub tension: f64,
    /// The index itself, clamped to \[0, 1\].
    pub value: f64,
}
