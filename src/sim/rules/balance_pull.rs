//! The sums behind the structural-balance driver u_bal (MODEL.md 2.5 D):
//! B_ij = Σ_{k≠i,j} s_k R_ik R_kj / D_ij, "friend of a friend, enemy of an enemy", for every
//! stored pair, with D_ij the weight of the pair's own ties at load (`neighbourhood.rs`).
//!
//! Terms (s_k·R_ak)·R_bk (a < b) are added in ascending k into four partial sums (k mod 4), joined
//! as (0 + 1) + (2 + 3): one fixed order, so the dense path (a row-by-row product of the relation
//! matrix, which the compiler vectorises) and the sparse path (walking one neighbour list against
//! the other's marks) give the same bits, and the load-time reference c^bal cancels exactly.
//! Terms of nations that are not common neighbours are zeros, and adding a zero to a partial sum
//! that starts at +0 never changes it, so both paths may add them.

use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::state::State;

/// Nations up to which the dense path may be used (beyond, its matrix would not fit comfortably
/// in memory).
const DENSE_LIMIT: usize = 2048;

/// Buffers reused from tick to tick.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BalancePull {
    /// (R_xk, s_k·R_xk) by k for the nation x whose pairs are being summed (sparse path).
    marks: Vec<(f64, f64)>,
    /// Per nation, its neighbours k with R and s_k·R, in neighbour order (sparse path).
    table: Vec<(u32, f64, f64)>,
    offsets: Vec<usize>,
    /// The relation matrix, row-major (dense path).
    matrix: Vec<f64>,
    lanes: Vec<[f64; 4]>,
}

impl BalancePull {
    /// B for every stored pair, by storage position, into `out`.
    pub fn compute(&mut self, state: &State, derived: &Derived, out: &mut Vec<f64>) {
        let n = state.nations.len();
        let dense = n <= DENSE_LIMIT && state.dyads.len() * 8 >= n * n;
        self.compute_by(state, derived, dense, out);
    }

    fn compute_by(&mut self, state: &State, derived: &Derived, dense: bool, out: &mut Vec<f64>) {
        let pairs = state.dyads.len();
        self.lanes.clear();
        self.lanes.resize(pairs, [0.0; 4]);
        if dense {
            self.dense_lanes(state, derived);
        } else {
            self.sparse_lanes(state, derived);
        }
        out.clear();
        out.extend((0..pairs).map(|position| {
            let (i, j) = state.dyads.ends(position);
            let denominator = derived.balance_denominator(i, j, Some(position));
            if denominator <= 0.0 {
                return 0.0;
            }
            let lanes = self.lanes[position];
            ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) / denominator
        }));
    }

    fn dense_lanes(&mut self, state: &State, derived: &Derived) {
        let n = state.nations.len();
        let dyads = &state.dyads;
        self.matrix.clear();
        self.matrix.resize(n * n, 0.0);
        for (position, &r) in dyads.relations().iter().enumerate() {
            let (a, b) = dyads.ends(position);
            self.matrix[a.ix() * n + b.ix()] = r;
            self.matrix[b.ix() * n + a.ix()] = r;
        }
        for (position, lanes) in self.lanes.iter_mut().enumerate() {
            let (a, b) = dyads.ends(position);
            *lanes = weighted_dot(
                &derived.weights,
                &self.matrix[a.ix() * n..][..n],
                &self.matrix[b.ix() * n..][..n],
            );
        }
    }

    /// Each pair is summed from the end with more neighbours: that end's relations are marked,
    /// and the other end's (shorter) list is walked, so a nation related to everyone costs only
    /// its partners' degrees.
    fn sparse_lanes(&mut self, state: &State, derived: &Derived) {
        let dyads = &state.dyads;
        let relations = dyads.relations();
        let sizes = &derived.weights;
        let n = state.nations.len();
        // Every nation's neighbours with R and s_k·R in neighbour order, in one contiguous
        // table: the inner loop below reads them in sequence instead of all over the columns.
        self.offsets.clear();
        self.table.clear();
        self.offsets.push(0);
        for y in state.nation_indices() {
            for &(k, position) in dyads.neighbours(y) {
                let r = relations[position as usize];
                self.table.push((k.0, r, sizes[k.ix()] * r));
            }
            self.offsets.push(self.table.len());
        }
        // marks[k] = (R_xk, s_k·R_xk) for the nation x whose pairs are being summed.
        self.marks.clear();
        self.marks.resize(n, (0.0, 0.0));
        let rank = |x: NationIx| (dyads.degree(x), x);
        for x in state.nation_indices() {
            let owned = || {
                dyads
                    .neighbours(x)
                    .iter()
                    .filter(move |&&(y, _)| rank(y) < rank(x))
            };
            if owned().next().is_none() {
                continue;
            }
            let own = &self.table[self.offsets[x.ix()]..self.offsets[x.ix() + 1]];
            for &(k, r, weighted) in own {
                self.marks[k as usize] = (r, weighted);
            }
            for &(y, pair) in owned() {
                let list = &self.table[self.offsets[y.ix()]..self.offsets[y.ix() + 1]];
                // (s_k·R_ak)·R_bk with a the smaller index of the pair: the weighted factor
                // comes from whichever end is a.
                let lanes = if x < y {
                    sum_lanes(list, |k, _, r_y| self.marks[k].1 * r_y)
                } else {
                    sum_lanes(list, |k, weighted_y, _| weighted_y * self.marks[k].0)
                };
                self.lanes[pair as usize] = lanes;
            }
            for &(k, _, _) in own {
                self.marks[k as usize] = (0.0, 0.0);
            }
        }
    }
}

/// The terms `term(k, s_k·R_yk, R_yk)` over y's neighbour list, in four lanes by k mod 4.
#[inline(always)]
fn sum_lanes(list: &[(u32, f64, f64)], term: impl Fn(usize, f64, f64) -> f64) -> [f64; 4] {
    let mut lanes = [0.0f64; 4];
    for &(k, r, weighted) in list {
        lanes[k as usize % 4] += term(k as usize, weighted, r);
    }
    lanes
}

/// Σ_k (s_k·a_k)·b_k in four lanes by k mod 4.
fn weighted_dot(s: &[f64], a: &[f64], b: &[f64]) -> [f64; 4] {
    let mut lanes = [0.0f64; 4];
    let (s4, a4, b4) = (s.chunks_exact(4), a.chunks_exact(4), b.chunks_exact(4));
    let rest = (s4.remainder(), a4.remainder(), b4.remainder());
    for ((s, a), b) in s4.zip(a4).zip(b4) {
        for lane in 0..4 {
            lanes[lane] += s[lane] * a[lane] * b[lane];
        }
    }
    for (lane, ((s, a), b)) in rest.0.iter().zip(rest.1).zip(rest.2).enumerate() {
        lanes[lane] += s * a * b;
    }
    lanes
}

/// B for every stored pair of `state`, by storage position (for callers outside the step).
pub fn balance_sums(state: &State, derived: &Derived) -> Vec<f64> {
    let mut out = Vec::new();
    BalancePull::default().compute(state, derived, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{Size, generate};

    #[test]
    fn the_dense_and_the_sparse_sums_are_bit_identical() {
        let size = Size {
            nations: 37,
            relations: 120,
            alliances: 4,
            treaties: 6,
            events: 0,
            horizon: 10,
        };
        let mut run = crate::sim::Simulation::new(&generate(size, 3)).unwrap();
        run.run_to(3);
        let mut pull = BalancePull::default();
        for state in &run.collect_states() {
            let derived = Derived::compute(run.world(), state);
            let (mut dense, mut sparse) = (Vec::new(), Vec::new());
            pull.compute_by(state, &derived, true, &mut dense);
            pull.compute_by(state, &derived, false, &mut sparse);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&dense), bits(&sparse));
            assert!(dense.iter().any(|&b| b != 0.0));
        }
    }
}
