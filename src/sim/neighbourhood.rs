//! The weight of each nation's own ties at load: what a pair's balance sum is a mean over
//! (docs/MODEL.md, "Balance over a pair's own ties").
//!
//! Heider's balance is about the ties a nation has, not about the whole world: the enemy of my
//! enemy matters as much in a world of 200 nations as in one of three. Dividing the sum over
//! common neighbours by the size of every other nation made it vanish in a large world; dividing
//! it by the pair's own neighbourhoods keeps it a mean of the pair's own ties. The neighbourhoods
//! are those at load (like the nations' weights), so the sum stays linear in the relations it
//! adds: a denominator that followed the current relations would pass every change of one tie on
//! to every other pair of the nation.

use super::ids::NationIx;
use super::state::Dyads;

/// A pair's balance denominator is never below this share of the mean nation weight: two
/// nations that had next to no ties at load are treated as if their neighbourhoods held half a
/// typical nation, which keeps the sum and its derivatives bounded.
pub const BALANCE_FLOOR_SHARE: f64 = 0.5;

/// The load neighbourhood of every nation, for the balance sums.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Neighbourhoods {
    /// N_i = Σ_{k stored with i at load} w_k.
    pub weight: Vec<f64>,
    /// Pairs stored at load; they are the first positions of the pair table (pairs are only
    /// ever appended), so a position below this was a pair at load.
    pub load_pairs: usize,
    /// The least denominator: [`BALANCE_FLOOR_SHARE`] of the mean weight.
    pub floor: f64,
}

impl Neighbourhoods {
    /// The neighbourhoods of the stored pairs of `dyads`, with nation weights `weights`.
    pub fn of(dyads: &Dyads, weights: &[f64]) -> Neighbourhoods {
        let weight = (0..weights.len())
            .map(|i| {
                dyads
                    .neighbours(NationIx(i as u32))
                    .iter()
                    .map(|&(k, _)| weights[k.ix()])
                    .sum()
            })
            .collect();
        let total: f64 = weights.iter().sum();
        Neighbourhoods {
            weight,
            load_pairs: dyads.len(),
            floor: if weights.is_empty() {
                0.0
            } else {
                BALANCE_FLOOR_SHARE * total / weights.len() as f64
            },
        }
    }

    /// D_ab = ½[(N_a − w_b·t_ab) + (N_b − w_a·t_ab)], at least the floor, where t_ab is 1 when
    /// the pair was stored at load: the mean weight of the two nations' other ties at load. In a
    /// world where every pair is stored this is Σ_{k≠a,b} w_k, the sum of model 1.
    /// `position` is the pair's storage position, `None` when it is not stored.
    pub fn denominator(
        &self,
        weights: &[f64],
        a: NationIx,
        b: NationIx,
        position: Option<usize>,
    ) -> f64 {
        let (a, b) = (a.ix(), b.ix());
        if a >= self.weight.len() || b >= self.weight.len() {
            return self.floor;
        }
        let tied = position.is_some_and(|p| p < self.load_pairs);
        let own = if tied {
            (self.weight[a] - weights[b]) + (self.weight[b] - weights[a])
        } else {
            self.weight[a] + self.weight[b]
        };
        f64::max(0.5 * own, self.floor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_world_divides_by_every_other_nation() {
        let n = 5;
        let mut dyads = Dyads::new(n as usize);
        for a in 0..n {
            for b in a + 1..n {
                dyads.insert(NationIx(a), NationIx(b));
            }
        }
        let weights = [1.0, 2.0, 3.0, 4.0, 5.0];
        let hoods = Neighbourhoods::of(&dyads, &weights);
        let (a, b) = (NationIx(1), NationIx(3));
        let d = hoods.denominator(&weights, a, b, dyads.position(a, b));
        assert_eq!(d, 15.0 - 2.0 - 4.0);
    }

    #[test]
    fn a_pair_of_loners_gets_the_floor() {
        let mut dyads = Dyads::new(4);
        dyads.insert(NationIx(0), NationIx(1));
        let weights = [1.0, 1.0, 1.0, 1.0];
        let hoods = Neighbourhoods::of(&dyads, &weights);
        let d = hoods.denominator(&weights, NationIx(2), NationIx(3), None);
        assert_eq!(d, 0.5);
        // A stored pair with no other ties also falls to the floor, not to zero.
        let d = hoods.denominator(&weights, NationIx(0), NationIx(1), Some(0));
        assert_eq!(d, 0.5);
    }
}
