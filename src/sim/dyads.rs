//! The pairs of a state: every stored pair's variables as columns indexed by the pair's storage
//! position, each nation's sorted neighbour list with those positions, and the load-time
//! references shared between the states of a run.

use std::sync::Arc;

use crate::model::DEFAULT_TRUST;

use super::ids::{NationIx, to_u32};

/// One pair's variables (MODEL.md 2.3), smaller index first: a copy assembled from [`Dyads`].
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
    /// |I_a − I_b| at load, or when a pair stored during a run was created: ideological drift
    /// is measured from it (a pair that did not exist did not register the drift before).
    pub ideology_gap: f64,
}

/// A pair variable the step rewrites every tick (and one-off shocks set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PairColumn {
    /// R.
    Relation,
    /// T.
    Trust,
    /// W.
    Fighting,
}

impl PairColumn {
    /// The CSV and ledger name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Relation => "relation",
            Self::Trust => "trust",
            Self::Fighting => "fighting",
        }
    }
}

/// The pairs of nations that have a relation, stored sparsely, one column per variable.
///
/// A pair absent from the table is at its defaults (relation 0, trust 0.5, no fighting). Each
/// stored pair has a position, fixed once it is added; the variables are columns indexed by
/// position, so the step reads and writes them as plain arrays. Each nation keeps its sorted
/// list of neighbours with the pairs' positions, so sums over relations never scan all pairs.
/// Which pairs exist (the topology) changes rarely, so it is shared between the states of a run
/// until a pair is added, and so are the load-time references: cloning a state copies only the
/// pairs' values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dyads {
    relation: Vec<f64>,
    trust: Vec<f64>,
    fighting: Vec<f64>,
    fought_at: Vec<Option<u32>>,
    relation0: Vec<f64>,
    trust0: Vec<f64>,
    topology: Arc<Topology>,
    /// Load-time references by position, in blocks of [`REFERENCE_BLOCK`]: full blocks are
    /// shared by every state of a run, so pricing in a new pair copies at most the last block,
    /// not every reference (which had doubled a large run's memory).
    references: Vec<Arc<Vec<DyadReference>>>,
}

/// Pairs per block of load-time references.
const REFERENCE_BLOCK: usize = 1024;

/// Which pairs are stored and where.
///
/// Each nation's list is shared on its own, so adding a pair to a topology that a kept state
/// still holds copies the two lists it changes and the list of pair ends, not every list.
#[derive(Clone, Debug, Default, PartialEq)]
struct Topology {
    /// The two nations of each pair, smaller index first, by position.
    ends: Vec<(NationIx, NationIx)>,
    /// Per nation, its neighbours in ascending order with the pair's position.
    neighbours: Vec<Arc<Vec<(NationIx, u32)>>>,
}

impl Dyads {
    /// An empty table for `nations` nations.
    pub fn new(nations: usize) -> Self {
        Self {
            topology: Arc::new(Topology {
                ends: Vec::new(),
                neighbours: (0..nations).map(|_| Arc::new(Vec::new())).collect(),
            }),
            ..Self::default()
        }
    }

    /// Storage position of a pair, if stored: a binary search in the shorter neighbour list.
    pub fn position(&self, a: NationIx, b: NationIx) -> Option<usize> {
        let lists = &self.topology.neighbours;
        let (from, to) = if lists[a.ix()].len() <= lists[b.ix()].len() {
            (a, b)
        } else {
            (b, a)
        };
        let list = &lists[from.ix()];
        list.binary_search_by_key(&to, |&(other, _)| other)
            .ok()
            .map(|at| list[at].1 as usize)
    }

    /// A pair's state, if the pair is stored.
    pub fn get(&self, a: NationIx, b: NationIx) -> Option<DyadState> {
        self.position(a, b).map(|p| self.at(p))
    }

    /// The state of the pair at a storage position.
    pub fn at(&self, position: usize) -> DyadState {
        let (a, b) = self.topology.ends[position];
        DyadState {
            a,
            b,
            relation: self.relation[position],
            trust: self.trust[position],
            fighting: self.fighting[position],
            fought_at: self.fought_at[position],
            relation0: self.relation0[position],
            trust0: self.trust0[position],
            reference: self.reference(position),
        }
    }

    /// R_ab, 0 when the pair is not stored.
    pub fn relation(&self, a: NationIx, b: NationIx) -> f64 {
        self.position(a, b).map_or(0.0, |p| self.relation[p])
    }

    /// T_ab, the default trust when the pair is not stored.
    pub fn trust(&self, a: NationIx, b: NationIx) -> f64 {
        self.position(a, b)
            .map_or(crate::model::DEFAULT_TRUST, |p| self.trust[p])
    }

    /// Position of the pair, inserted at its defaults if absent.
    pub fn insert(&mut self, a: NationIx, b: NationIx) -> usize {
        if let Some(position) = self.position(a, b) {
            return position;
        }
        let key = (a.min(b), a.max(b));
        let position = self.relation.len();
        self.relation.push(0.0);
        self.trust.push(DEFAULT_TRUST);
        self.fighting.push(0.0);
        self.fought_at.push(None);
        self.relation0.push(0.0);
        self.trust0.push(DEFAULT_TRUST);
        let topology = Arc::make_mut(&mut self.topology);
        topology.ends.push(key);
        let stored = to_u32(position);
        for (from, to) in [key, (key.1, key.0)] {
            let list = Arc::make_mut(&mut topology.neighbours[from.ix()]);
            let at = list.partition_point(|&(other, _)| other < to);
            list.insert(at, (to, stored));
        }
        position
    }

    /// The two nations of the pair at a position, smaller index first.
    pub fn ends(&self, position: usize) -> (NationIx, NationIx) {
        self.topology.ends[position]
    }

    /// The references of the pair at a position: its drivers' values at load (zero until a pair
    /// stored during a run is priced in).
    pub fn reference(&self, position: usize) -> DyadReference {
        self.references
            .get(position / REFERENCE_BLOCK)
            .and_then(|block| block.get(position % REFERENCE_BLOCK))
            .copied()
            .unwrap_or_default()
    }

    /// Sets the load-time references of the pairs stored now, by position (calibration).
    pub fn set_references(&mut self, references: Vec<DyadReference>) {
        self.references.clear();
        self.extend_references(references);
    }

    /// How many pairs, from position 0, have their references set.
    pub fn references_len(&self) -> usize {
        self.references.last().map_or(0, |last| {
            (self.references.len() - 1) * REFERENCE_BLOCK + last.len()
        })
    }

    /// Sets the references of the next pairs by position, after those already set (pairs stored
    /// during a run are priced in when they are created).
    pub fn extend_references(&mut self, references: Vec<DyadReference>) {
        for reference in references {
            if self
                .references
                .last()
                .is_none_or(|block| block.len() == REFERENCE_BLOCK)
            {
                self.references
                    .push(Arc::new(Vec::with_capacity(REFERENCE_BLOCK)));
            }
            if let Some(block) = self.references.last_mut() {
                Arc::make_mut(block).push(reference);
            }
        }
    }

    /// Every stored pair in ascending (a, b) order: the fixed order of sums over dyads.
    pub fn iter(&self) -> impl Iterator<Item = DyadState> + '_ {
        self.positions_in_order().map(|p| self.at(p))
    }

    /// Storage positions of every stored pair in ascending (a, b) order.
    pub fn positions_in_order(&self) -> impl Iterator<Item = usize> + '_ {
        // The sorted neighbour lists of a, from the first b > a, give (a, b) in ascending order.
        self.topology
            .neighbours
            .iter()
            .enumerate()
            .flat_map(move |(a, list)| {
                let later = list.partition_point(|&(b, _)| b.ix() <= a);
                list[later..].iter().map(|&(_, p)| p as usize)
            })
    }

    /// The nations `nation` has a stored relation with, ascending, with the pairs' positions.
    pub fn neighbours(&self, nation: NationIx) -> &[(NationIx, u32)] {
        &self.topology.neighbours[nation.ix()]
    }

    /// How many stored pairs a nation belongs to.
    pub fn degree(&self, nation: NationIx) -> usize {
        self.topology.neighbours[nation.ix()].len()
    }

    /// Number of stored pairs.
    pub fn len(&self) -> usize {
        self.relation.len()
    }

    /// Whether no pair is stored.
    pub fn is_empty(&self) -> bool {
        self.relation.is_empty()
    }

    /// R of every pair, by position.
    pub fn relations(&self) -> &[f64] {
        &self.relation
    }

    /// T of every pair, by position.
    pub fn trusts(&self) -> &[f64] {
        &self.trust
    }

    /// W of every pair, by position.
    pub fn fightings(&self) -> &[f64] {
        &self.fighting
    }

    /// One variable of the pair at a position, for a one-off change.
    pub fn value_mut(&mut self, position: usize, column: PairColumn) -> &mut f64 {
        match column {
            PairColumn::Relation => &mut self.relation[position],
            PairColumn::Trust => &mut self.trust[position],
            PairColumn::Fighting => &mut self.fighting[position],
        }
    }

    /// Sets the structural relation R0 and/or trust T0 of the pair at a position.
    pub fn set_structural(&mut self, position: usize, relation0: Option<f64>, trust0: Option<f64>) {
        if let Some(r) = relation0 {
            self.relation0[position] = r;
        }
        if let Some(t) = trust0 {
            self.trust0[position] = t;
        }
    }

    /// Records that the pair at a position fought at `tick`.
    pub fn set_fought_at(&mut self, position: usize, tick: u32) {
        self.fought_at[position] = Some(tick);
    }

    /// Sets R, T and W of the pair at a position (the step's update, written in place because
    /// a pair's new values depend on its own old ones only).
    pub fn set_values(&mut self, position: usize, relation: f64, trust: f64, fighting: f64) {
        self.relation[position] = relation;
        self.trust[position] = trust;
        self.fighting[position] = fighting;
    }

    /// Gives back the spare capacity of the columns (a table stepped in place grows them by
    /// doubling as pairs are added; a state kept for later needs only what it holds).
    pub(super) fn shrink_to_fit(&mut self) {
        self.relation.shrink_to_fit();
        self.trust.shrink_to_fit();
        self.fighting.shrink_to_fit();
        self.fought_at.shrink_to_fit();
        self.relation0.shrink_to_fit();
        self.trust0.shrink_to_fit();
    }

    /// Approximate heap bytes of the values this table holds of its own (the shared topology
    /// and references are not counted).
    pub(super) fn own_bytes(&self) -> usize {
        use std::mem::size_of;
        self.len() * (5 * size_of::<f64>() + size_of::<Option<u32>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs are found from either end, listed in (a, b) order and added only once.
    #[test]
    fn pairs_are_found_listed_and_added_once() {
        let pairs = [(3, 7), (0, 9), (7, 1), (9, 3), (2, 0)];
        let mut dyads = Dyads::new(10);
        for (k, &(a, b)) in pairs.iter().enumerate() {
            let p = dyads.insert(NationIx(a), NationIx(b));
            *dyads.value_mut(p, PairColumn::Relation) = k as f64 + 1.0;
        }
        assert_eq!(dyads.len(), 5);
        assert_eq!(dyads.relation(NationIx(9), NationIx(0)), 2.0);
        assert_eq!(dyads.relation(NationIx(1), NationIx(7)), 3.0);
        assert!(dyads.get(NationIx(1), NationIx(2)).is_none());
        assert_eq!(dyads.trust(NationIx(1), NationIx(2)), DEFAULT_TRUST);
        // An existing pair is found, not added again.
        let p = dyads.insert(NationIx(0), NationIx(2));
        *dyads.value_mut(p, PairColumn::Trust) = 0.9;
        assert_eq!(dyads.len(), 5);
        assert_eq!(dyads.get(NationIx(2), NationIx(0)).unwrap().trust, 0.9);
        let order: Vec<(u32, u32)> = dyads.iter().map(|d| (d.a.0, d.b.0)).collect();
        assert_eq!(order, [(0, 2), (0, 9), (1, 7), (3, 7), (3, 9)]);
        let around_3: Vec<u32> = dyads
            .neighbours(NationIx(3))
            .iter()
            .map(|(n, _)| n.0)
            .collect();
        assert_eq!(around_3, [7, 9]);
    }
}
