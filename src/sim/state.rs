//! The world state at one tick: everything the step reads and writes.
//!
//! A `State` is a plain value: cloning it is a checkpoint, and stepping a clone gives bit-for-bit
//! the same trajectory as stepping the original (resuming equals a straight run).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::{DEFAULT_TRUST, Scenario};

use super::ids::{NationIx, to_u32};
use super::world::World;

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
    /// Δx of the last tick (for the arms-race indicator and hostile build-up evidence).
    pub effort_change: f64,
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

/// One pair's variables (MODEL.md 2.3), smaller index first.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DyadState {
    /// The nation with the smaller index.
    pub a: NationIx,
    /// The other nation.
    pub b: NationIx,
    /// R.
    pub relation: f64,
    /// T.
    pub trust: f64,
    /// W: intensity of fighting.
    pub fighting: f64,
    /// Last tick the pair fought (W > 0.01), for self-defence claims.
    pub fought_at: Option<u32>,
    /// R0: structural relation.
    pub relation0: f64,
    /// T0: structural trust.
    pub trust0: f64,
    /// Load-time values of the drivers the deviation rule subtracts (MODEL.md 2.11).
    pub reference: DyadReference,
}

/// Driver values of a pair at load; zero for pairs that had no such link at load.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DyadReference {
    /// c^bal: the balance sum at load (0 when calibration is off).
    pub balance: f64,
    /// Σ C_a over shared alliances at load.
    pub allies: f64,
    /// Bloc provocation at load: ½[(h̃_ij − h_ij) + (h̃_ji − h_ji)].
    pub bloc: f64,
    /// Treaty pushes on R at load.
    pub treaty_relation: f64,
    /// Positive trust evidence at load (treaties, co-membership, peacekeeping, soft power).
    pub evidence: f64,
}

impl DyadState {
    /// A pair at its defaults: relation 0, trust 0.5, no fighting.
    pub fn neutral(a: NationIx, b: NationIx) -> Self {
        Self {
            a: a.min(b),
            b: a.max(b),
            relation: 0.0,
            trust: DEFAULT_TRUST,
            fighting: 0.0,
            fought_at: None,
            relation0: 0.0,
            trust0: DEFAULT_TRUST,
            reference: DyadReference::default(),
        }
    }
}

/// The pairs of nations that have a relation, stored sparsely.
///
/// A pair absent from the table is at its defaults (relation 0, trust 0.5, no fighting). Each
/// nation keeps its list of neighbours so sums over relations never scan all pairs. Up to
/// [`DENSE_LIMIT`] nations a dense table finds a pair in one step. Which pairs exist (the
/// topology) changes rarely, so it is shared between the states of a run until a pair is added:
/// cloning a state copies only the pairs' values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dyads {
    entries: Vec<DyadState>,
    topology: Arc<Topology>,
}

/// Where each stored pair lives in [`Dyads`]'s value list.
#[derive(Clone, Debug, Default, PartialEq)]
struct Topology {
    /// Position of each pair, for worlds too large for the dense table (empty otherwise).
    index: BTreeMap<(NationIx, NationIx), usize>,
    neighbours: Vec<Vec<(NationIx, usize)>>,
    /// Position + 1 of pair (a, b) at `a * n + b` and `b * n + a`; 0 for an absent pair.
    dense: Option<Vec<u32>>,
}

/// Up to this many nations pairs are also found through a dense table (4 MiB at 1,000 nations).
pub const DENSE_LIMIT: usize = 1500;

impl Dyads {
    /// An empty table for `nations` nations.
    pub fn new(nations: usize) -> Self {
        Self {
            entries: Vec::new(),
            topology: Arc::new(Topology {
                index: BTreeMap::new(),
                neighbours: vec![Vec::new(); nations],
                dense: (nations <= DENSE_LIMIT).then(|| vec![0; nations * nations]),
            }),
        }
    }

    /// Storage position of a pair, if stored.
    fn position(&self, a: NationIx, b: NationIx) -> Option<usize> {
        let topology = &*self.topology;
        match &topology.dense {
            Some(dense) => match dense[a.ix() * topology.neighbours.len() + b.ix()] {
                0 => None,
                position => Some(position as usize - 1),
            },
            None => topology.index.get(&(a.min(b), a.max(b))).copied(),
        }
    }

    /// A pair's state, if the pair is stored.
    pub fn get(&self, a: NationIx, b: NationIx) -> Option<&DyadState> {
        self.position(a, b).map(|i| &self.entries[i])
    }

    /// R_ab, 0 when the pair is not stored.
    pub fn relation(&self, a: NationIx, b: NationIx) -> f64 {
        self.get(a, b).map_or(0.0, |d| d.relation)
    }

    /// The pair's state, inserted at its defaults if absent.
    pub fn entry(&mut self, a: NationIx, b: NationIx) -> &mut DyadState {
        let position = match self.position(a, b) {
            Some(position) => position,
            None => {
                let key = (a.min(b), a.max(b));
                let position = self.entries.len();
                self.entries.push(DyadState::neutral(key.0, key.1));
                let topology = Arc::make_mut(&mut self.topology);
                let n = topology.neighbours.len();
                match &mut topology.dense {
                    Some(dense) => {
                        let stored = u32::try_from(position + 1).unwrap_or(u32::MAX);
                        dense[key.0.ix() * n + key.1.ix()] = stored;
                        dense[key.1.ix() * n + key.0.ix()] = stored;
                    }
                    None => {
                        topology.index.insert(key, position);
                    }
                }
                for (from, to) in [key, (key.1, key.0)] {
                    let list = &mut topology.neighbours[from.ix()];
                    let at = list.partition_point(|&(other, _)| other < to);
                    list.insert(at, (to, position));
                }
                position
            }
        };
        &mut self.entries[position]
    }

    /// Every stored pair in ascending (a, b) order: the fixed order of sums over dyads.
    pub fn iter(&self) -> impl Iterator<Item = &DyadState> {
        // The sorted neighbour lists of a, from the first b > a, give (a, b) in ascending order
        // without walking the index.
        self.topology
            .neighbours
            .iter()
            .enumerate()
            .flat_map(move |(a, list)| {
                let later = list.partition_point(|&(b, _)| b.ix() <= a);
                list[later..].iter().map(move |&(_, i)| &self.entries[i])
            })
    }

    /// Every stored pair in storage order (the order of [`Dyads::values_mut`]).
    pub fn iter_storage(&self) -> impl Iterator<Item = &DyadState> {
        self.entries.iter()
    }

    /// Mutable access to every stored pair, in storage order (for element-wise updates).
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut DyadState> {
        self.entries.iter_mut()
    }

    /// The nations `nation` has a stored relation with, with their pair states, in ascending order.
    pub fn neighbours(&self, nation: NationIx) -> impl Iterator<Item = (NationIx, &DyadState)> {
        self.topology.neighbours[nation.ix()]
            .iter()
            .map(|&(other, position)| (other, &self.entries[position]))
    }

    /// The pair states of `nation`'s neighbours, by ascending neighbour, as (neighbour, position
    /// in storage order): for merging two lists in one pass.
    pub fn neighbour_positions(&self, nation: NationIx) -> &[(NationIx, usize)] {
        &self.topology.neighbours[nation.ix()]
    }

    /// The state at a position in storage order (see [`Dyads::neighbour_positions`]).
    pub fn at(&self, position: usize) -> &DyadState {
        &self.entries[position]
    }

    /// How many stored pairs a nation belongs to.
    pub fn degree(&self, nation: NationIx) -> usize {
        self.topology.neighbours[nation.ix()].len()
    }

    /// Number of stored pairs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no pair is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
    /// Div_ia when the member joined.
    pub divergence_at_join: f64,
    /// Σ of the commitment drivers at load, for members of alliances in force at load
    /// (the deviation rule); 0 for alliances formed later.
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
    /// Random events drawn at the end of the previous tick, applied at the start of this one.
    pub pending_random: Vec<super::random_events::RandomEvent>,
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
            + self.dyads.len() * size_of::<DyadState>()
            + alliances
            + self.treaties.len() * size_of::<TreatyState>()
            + self.interventions.len() * size_of::<InterventionState>()
            + self.region_stability.len() * size_of::<f64>()
            + self.pending_random.len() * size_of::<super::random_events::RandomEvent>()
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
                effort_change: 0.0,
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
                let dyad = dyads.entry(a, b);
                dyad.relation = relation.relation;
                dyad.relation0 = relation.relation;
                dyad.trust = relation.trust;
                dyad.trust0 = relation.trust;
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
            pending_random: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The same pairs in a table small enough for the dense lookup and in one too large for it.
    #[test]
    fn dense_and_indexed_tables_find_and_list_the_same_pairs() {
        let pairs = [(3, 7), (0, 9), (7, 1), (9, 3), (2, 0)];
        for nations in [10, DENSE_LIMIT + 1] {
            let mut dyads = Dyads::new(nations);
            for (k, &(a, b)) in pairs.iter().enumerate() {
                dyads.entry(NationIx(a), NationIx(b)).relation = k as f64 + 1.0;
            }
            assert_eq!(dyads.len(), 5);
            assert_eq!(dyads.relation(NationIx(9), NationIx(0)), 2.0);
            assert_eq!(dyads.relation(NationIx(1), NationIx(7)), 3.0);
            assert!(dyads.get(NationIx(1), NationIx(2)).is_none());
            // An existing pair is found, not added again.
            dyads.entry(NationIx(0), NationIx(2)).trust = 0.9;
            assert_eq!(dyads.len(), 5);
            let order: Vec<(u32, u32)> = dyads.iter().map(|d| (d.a.0, d.b.0)).collect();
            assert_eq!(order, [(0, 2), (0, 9), (1, 7), (3, 7), (3, 9)]);
            let around_3: Vec<u32> = dyads.neighbours(NationIx(3)).map(|(n, _)| n.0).collect();
            assert_eq!(around_3, [7, 9]);
        }
    }
}
