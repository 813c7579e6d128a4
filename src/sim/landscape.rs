//! Block L: Axelrod & Bennett's landscape theory of aggregation (MODEL.md 1.2, 2.5 L).
//!
//! Nations with sizes s_i and symmetric propensities p_ij (= relations R_ij) split into two camps.
//! Frustration F_i = Σ_j s_j·p_ij·d_ij, energy E = Σ_i s_i·F_i; a nation whose switch lowers its
//! frustration is "wavering". Steepest descent predicts blocs; for n ≤ 20 every local minimum and
//! its basin of attraction is enumerated (camps are interchangeable: nation 0 stays in camp A).

use petgraph::unionfind::UnionFind;

use super::ids::NationIx;
use super::state::State;
use super::world::World;

/// Largest number of nations for the full enumeration of minima (2^(n−1) configurations).
pub const MAX_ENUMERATED: usize = 20;

/// Sizes and sparse symmetric propensities of a landscape.
#[derive(Clone, Debug, PartialEq)]
pub struct Landscape {
    /// s_i.
    pub sizes: Vec<f64>,
    /// For each i, (j, p_ij) with p_ij ≠ 0, ascending j.
    pub propensities: Vec<Vec<(usize, f64)>>,
}

/// A configuration: `true` puts a nation in camp B.
pub type Camps = Vec<bool>;

/// A local minimum with the share of configurations whose steepest descent ends in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    /// The configuration (nation 0 in camp A).
    pub camps: Camps,
    /// E at the minimum.
    pub energy: f64,
    /// Share of the 2^(n−1) starting configurations that descend into it.
    pub basin: f64,
}

impl Landscape {
    /// A landscape from explicit sizes and symmetric propensities (i, j, p) with i ≠ j.
    pub fn new(sizes: Vec<f64>, pairs: &[(usize, usize, f64)]) -> Landscape {
        let mut propensities = vec![Vec::new(); sizes.len()];
        for &(i, j, p) in pairs {
            if i != j && p != 0.0 {
                propensities[i].push((j, p));
                propensities[j].push((i, p));
            }
        }
        for row in &mut propensities {
            row.sort_by_key(|&(j, _)| j);
        }
        Landscape {
            sizes,
            propensities,
        }
    }

    /// The landscape of a state: sizes s_i and p_ij = R_ij over the stored relations.
    pub fn of_state(world: &World, state: &State) -> Landscape {
        let sizes = super::derived::sizes(state, &world.calibration.norms);
        let pairs: Vec<(usize, usize, f64)> = state
            .dyads
            .iter()
            .map(|d| (d.a.ix(), d.b.ix(), d.relation))
            .collect();
        Landscape::new(sizes, &pairs)
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Whether there are no actors.
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// F_i(X) for every i.
    pub fn frustrations(&self, camps: &[bool]) -> Vec<f64> {
        (0..self.len())
            .map(|i| {
                self.propensities[i]
                    .iter()
                    .filter(|&&(j, _)| camps[i] != camps[j])
                    .map(|&(j, p)| self.sizes[j] * p)
                    .sum()
            })
            .collect()
    }

    /// E(X) = Σ_i s_i·F_i(X).
    pub fn energy(&self, camps: &[bool]) -> f64 {
        self.frustrations(camps)
            .iter()
            .zip(&self.sizes)
            .map(|(f, s)| s * f)
            .sum()
    }

    /// z_i = F_i(X) − F_i(X with i switched) = Σ_j s_j·p_ij·(2·d_ij − 1).
    pub fn incentives(&self, camps: &[bool]) -> Vec<f64> {
        (0..self.len()).map(|i| self.incentive(camps, i)).collect()
    }

    fn incentive(&self, camps: &[bool], i: usize) -> f64 {
        self.propensities[i]
            .iter()
            .map(|&(j, p)| {
                let across = if camps[i] != camps[j] { 1.0 } else { -1.0 };
                self.sizes[j] * p * across
            })
            .sum()
    }

    /// Switches i and updates the incentives incrementally (ΔE = −2·s_i·z_i for the switch).
    fn switch(&self, camps: &mut [bool], incentives: &mut [f64], i: usize) {
        camps[i] = !camps[i];
        incentives[i] = -incentives[i];
        for &(j, p) in &self.propensities[i] {
            // d_ij flipped: j's term s_i·p·(2d − 1) changes sign.
            let now_across = camps[i] != camps[j];
            let term = self.sizes[i] * p;
            incentives[j] += if now_across { 2.0 * term } else { -2.0 * term };
        }
    }

    /// Steepest descent: the nation whose switch lowers its frustration most switches first (ties:
    /// lowest index) until nobody gains. Returns the local minimum reached.
    pub fn descend(&self, start: &[bool]) -> Camps {
        self.descend_from(start, &self.incentives(start), |_| {})
    }

    /// Every configuration steepest descent passes through from `start`, start and end included.
    pub fn descent_path(&self, start: &[bool]) -> Vec<Camps> {
        let mut path = vec![start.to_vec()];
        self.descend_from(start, &self.incentives(start), |camps| {
            path.push(camps.to_vec())
        });
        path
    }

    /// Every local minimum with its basin share, by enumerating all 2^(n−1) configurations in
    /// Gray-code order (one switch between neighbours, so incentives update incrementally).
    /// `None` when there are more than [`MAX_ENUMERATED`] actors.
    ///
    /// Steepest descent from X continues as descent from its first step X', so X's minimum is
    /// X''s: the enumeration records each configuration's first step (nation 0 kept in camp A,
    /// which mirrors the whole configuration when nation 0 is the one to switch) and the minima
    /// follow those links once, instead of descending from every configuration again.
    pub fn minima(&self) -> Option<Vec<Minimum>> {
        let n = self.len();
        if n == 0 || n > MAX_ENUMERATED {
            return None;
        }
        let total = 1usize << (n - 1);
        let all = (total - 1) as u32;
        // A configuration is the bit set of the nations 1..n in camp B (bit i − 1 for nation i).
        let mut next = vec![0u32; total];
        let mut camps = vec![false; n];
        let mut incentives = self.incentives(&camps);
        let mut config = 0u32;
        for step in 0..total {
            if step > 0 {
                // Gray code: flip the bit of the lowest set bit of `step`, among nations 1..n.
                let bit = step.trailing_zeros() as usize;
                self.switch(&mut camps, &mut incentives, bit + 1);
                config ^= 1 << bit;
            }
            next[config as usize] = match steepest(&incentives) {
                None => config,
                Some(0) => config ^ all,
                Some(i) => config ^ (1 << (i - 1)),
            };
        }
        // Steepest descent only ever lowers the energy, so the descent graph (each configuration
        // tied to the one it steps to) is a forest whose roots are the minima: a basin is one of
        // its connected components, found with petgraph's union-find.
        let mut basins = UnionFind::<u32>::new(total);
        for (config, &to) in next.iter().enumerate() {
            basins.union(config as u32, to);
        }
        let labels = basins.into_labeling();
        let mut minimum_of = vec![u32::MAX; total];
        for (config, &to) in next.iter().enumerate() {
            if to == config as u32 {
                minimum_of[labels[config] as usize] = to;
            }
        }
        let end: Vec<u32> = labels.iter().map(|&l| minimum_of[l as usize]).collect();
        // Minima in the order the Gray code first reaches their basins (the order of ties).
        let mut found: Vec<(u32, usize)> = Vec::new();
        let mut position = vec![u32::MAX; total];
        for step in 0..total {
            let minimum = end[step ^ (step >> 1)];
            match position[minimum as usize] {
                u32::MAX => {
                    position[minimum as usize] = found.len() as u32;
                    found.push((minimum, 1));
                }
                k => found[k as usize].1 += 1,
            }
        }
        let mut minima: Vec<Minimum> = found
            .into_iter()
            .map(|(config, count)| {
                let camps: Camps = (0..n)
                    .map(|i| i > 0 && config >> (i - 1) & 1 == 1)
                    .collect();
                Minimum {
                    energy: self.energy(&camps),
                    basin: count as f64 / total as f64,
                    camps,
                }
            })
            .collect();
        minima.sort_by(|a, b| {
            b.basin
                .total_cmp(&a.basin)
                .then(a.energy.total_cmp(&b.energy))
        });
        Some(minima)
    }

    fn descend_from(
        &self,
        camps: &[bool],
        incentives: &[f64],
        mut visit: impl FnMut(&[bool]),
    ) -> Camps {
        let mut camps = camps.to_vec();
        let mut incentives = incentives.to_vec();
        loop {
            match steepest(&incentives) {
                Some(i) => {
                    self.switch(&mut camps, &mut incentives, i);
                    visit(&camps);
                }
                None => return camps,
            }
        }
    }
}

/// The nation whose switch lowers its frustration most (ties: lowest index), if any gains.
fn steepest(incentives: &[f64]) -> Option<usize> {
    const GAIN: f64 = 1e-12;
    // A branch-free maximum first (the enumeration's inner loop), then its first position.
    let best = incentives
        .iter()
        .fold(GAIN, |best, &z| if z > best { z } else { best });
    if best > GAIN {
        incentives.iter().position(|&z| z == best)
    } else {
        None
    }
}

/// The same partition with nation 0 in camp A.
pub fn normalise(mut camps: Camps) -> Camps {
    if camps.first() == Some(&true) {
        for c in &mut camps {
            *c = !*c;
        }
    }
    camps
}

/// The current alignment X (MODEL.md 2.5 L): camp A is the largest alliance in force (by size),
/// camp B the largest alliance disjoint from it (or nobody); every other nation joins the camp
/// it is on better terms with on average. Without alliances, the split follows the first
/// hostile pair's sides.
pub fn current_camps(world: &World, state: &State) -> Camps {
    let sizes = super::derived::sizes(state, &world.calibration.norms);
    let n = world.nation_count();
    let (camp_a, camp_b) = anchors(state, &sizes);
    // Σ_{m∈camp} R_im for every i, added in the camp's member order from the members'
    // neighbour lists: the unrelated members' zeros are left out, which changes at most the sign
    // of a zero total and so no comparison below.
    let totals = |camp: &[NationIx]| {
        let mut totals = vec![-0.0; n];
        let relations = state.dyads.relations();
        for &m in camp {
            for &(i, position) in state.dyads.neighbours(m) {
                totals[i.ix()] += relations[position as usize];
            }
        }
        totals
    };
    let (totals_a, totals_b) = (totals(&camp_a), totals(&camp_b));
    let mean = |totals: &[f64], i: NationIx, camp: &[NationIx]| {
        if camp.is_empty() {
            return 0.0;
        }
        totals[i.ix()] / camp.len() as f64
    };
    let camps: Camps = world
        .nation_indices()
        .map(|i| {
            if camp_a.contains(&i) {
                false
            } else if camp_b.contains(&i) {
                true
            } else {
                mean(&totals_a, i, &camp_a) <= mean(&totals_b, i, &camp_b)
            }
        })
        .collect();
    debug_assert_eq!(camps.len(), n);
    normalise(camps)
}

/// The nations that anchor the two camps of the current alignment: the largest alliance in
/// force (by size) and the largest alliance disjoint from it; without alliances, the two ends of
/// the first hostile pair.
fn anchors(state: &State, sizes: &[f64]) -> (Vec<NationIx>, Vec<NationIx>) {
    let weight = |members: &[NationIx]| members.iter().map(|m| sizes[m.ix()]).sum::<f64>();
    let mut alliances: Vec<Vec<NationIx>> = state
        .alliances
        .iter()
        .filter(|a| a.status.is_active())
        .map(|a| a.members.iter().map(|&(m, _)| m).collect())
        .collect();
    alliances.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
    match alliances.first() {
        Some(first) => {
            let rival = alliances[1..]
                .iter()
                .find(|other| other.iter().all(|m| !first.contains(m)))
                .cloned()
                .unwrap_or_default();
            (first.clone(), rival)
        }
        None => match state.dyads.iter().find(|d| d.relation < 0.0) {
            Some(d) => (vec![d.a], vec![d.b]),
            None => (Vec::new(), Vec::new()),
        },
    }
}

/// Mean relation difference at which a nation outside the anchoring alliances counts fully in
/// one camp (below it, it leans: model 2's soft alignment).
const LEANING: f64 = 0.5;

/// z̄_i: the switching incentive on a soft alignment, in [−1, 1] (model 2, the driver u_fr).
///
/// Members of the anchoring alliances sit at c = ±1; every other nation leans by
/// c_i = clamp((R̄_iA − R̄_iB)/0.5, −1, 1), its mean relation to camp A's members minus camp B's,
/// so no relation crossing a threshold flips anybody. z̄_i = −c_i·Σ_j s_j R_ij c_j / Σ_{j≠i} s_j is
/// the landscape's incentive z_i (which it equals for c = ±1) as a mean, so it does not grow with
/// the number of relations.
pub fn soft_incentives(world: &World, state: &State, sizes: &[f64]) -> Vec<f64> {
    let n = world.nation_count();
    if !state.alliances.iter().any(|a| a.status.is_active()) {
        return vec![0.0; n];
    }
    let (camp_a, camp_b) = anchors(state, sizes);
    let relations = state.dyads.relations();
    let mean_to = |camp: &[NationIx]| {
        let mut totals = vec![0.0; n];
        for &m in camp {
            for &(i, position) in state.dyads.neighbours(m) {
                totals[i.ix()] += relations[position as usize];
            }
        }
        let count = camp.len().max(1) as f64;
        totals.iter_mut().for_each(|t| *t /= count);
        totals
    };
    let (to_a, to_b) = (mean_to(&camp_a), mean_to(&camp_b));
    let lean: Vec<f64> = (0..n)
        .map(|i| {
            let nation = NationIx(i as u32);
            if camp_a.contains(&nation) {
                1.0
            } else if camp_b.contains(&nation) {
                -1.0
            } else {
                ((to_a[i] - to_b[i]) / LEANING).clamp(-1.0, 1.0)
            }
        })
        .collect();
    let total: f64 = sizes.iter().sum();
    (0..n)
        .map(|i| {
            let others = total - sizes[i];
            if others <= 0.0 {
                return 0.0;
            }
            let pull: f64 = state
                .dyads
                .neighbours(NationIx(i as u32))
                .iter()
                .map(|&(j, position)| sizes[j.ix()] * relations[position as usize] * lean[j.ix()])
                .sum();
            -lean[i] * pull / others
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Descends from every configuration: the definition `minima` must agree with.
    fn minima_by_descending_from_everywhere(landscape: &Landscape) -> Vec<(Camps, f64)> {
        let n = landscape.len();
        let total = 1usize << (n - 1);
        let mut found: Vec<(Camps, usize)> = Vec::new();
        for config in 0..total {
            let camps: Camps = (0..n)
                .map(|i| i > 0 && config >> (i - 1) & 1 == 1)
                .collect();
            let end = normalise(landscape.descend(&camps));
            match found.iter_mut().find(|(c, _)| *c == end) {
                Some((_, count)) => *count += 1,
                None => found.push((end, 1)),
            }
        }
        let mut minima: Vec<(Camps, f64)> = found
            .into_iter()
            .map(|(camps, count)| (camps, count as f64 / total as f64))
            .collect();
        minima.sort_by(|a, b| a.0.cmp(&b.0));
        minima
    }

    #[test]
    fn following_first_steps_finds_the_minima_of_descending_from_everywhere() {
        let mut seed = 12345u64;
        let mut draw = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for n in [1, 2, 3, 5, 8, 11] {
            for _ in 0..4 {
                let sizes: Vec<f64> = (0..n).map(|_| 0.2 + draw()).collect();
                let mut pairs = Vec::new();
                for i in 0..n {
                    for j in i + 1..n {
                        if draw() < 0.7 {
                            pairs.push((i, j, 2.0 * draw() - 1.0));
                        }
                    }
                }
                let landscape = Landscape::new(sizes, &pairs);
                let mut fast: Vec<(Camps, f64)> = landscape
                    .minima()
                    .unwrap()
                    .into_iter()
                    .map(|m| (m.camps, m.basin))
                    .collect();
                fast.sort_by(|a, b| a.0.cmp(&b.0));
                assert_eq!(
                    fast,
                    minima_by_descending_from_everywhere(&landscape),
                    "n = {n}"
                );
            }
        }
    }

    #[test]
    fn two_hostile_camps_have_two_symmetric_choices() {
        // A–B friends, C–D friends, hostile across.
        let pairs = [
            (0, 1, 1.0),
            (2, 3, 1.0),
            (0, 2, -1.0),
            (0, 3, -1.0),
            (1, 2, -1.0),
            (1, 3, -1.0),
        ];
        let landscape = Landscape::new(vec![1.0; 4], &pairs);
        let minima = landscape.minima().unwrap();
        assert_eq!(minima[0].camps, vec![false, false, true, true]);
        assert_eq!(minima[0].energy, -8.0);
        let total: f64 = minima.iter().map(|m| m.basin).sum();
        assert!((total - 1.0).abs() < 1e-12);
    }
}
