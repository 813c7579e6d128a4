//! The small-gain certificate (docs/MODEL.md, "Why a world at rest stays at rest, for any
//! world"): from the parameters alone, a bound on how strongly each kind of variable can move
//! each other kind in one step linearised at rest, valid for every world because model 2's sums
//! are means (threat weights at most the proximity, divided by the sum of proximities; bloc
//! hostility a mean over members; commitments' inputs measured since joining). If the classes'
//! gain matrix passes the M-matrix test, the linearised step is a contraction in a weighted max
//! norm for every world, and no eigenvalue of it exceeds [`Certificate::bound`].
//!
//! Assumptions, stated in the derivation: no nation sits exactly on its war-economy cap at
//! load, treaty strengths are at most 1, free riding ζ is off, and fighting W is zero at rest
//! (W has no source at rest and decays at ρ_Wd, so it leaves the spectrum's bound unchanged).

use crate::model::Params;

use super::rules::alliances::{MATURE_THREAT_DAMPING, OTHER_CAMP_PULL};
use super::rules::domestic::{CAPACITY_FLOOR, GROWTH_SCALE, TURMOIL_COST};
use super::threat::PARTNER_HOSTILITY;

/// The classes of variables, in the order of the matrices.
pub const CLASSES: [&str; 12] = [
    "defence effort (build-up)",
    "capability",
    "economy",
    "growth",
    "stability",
    "legitimacy",
    "state capacity",
    "armed groups",
    "grievance",
    "relations",
    "trust",
    "alliance commitments",
];

const X: usize = 0;
const M: usize = 1;
const E: usize = 2;
const GROWTH: usize = 3;
const S: usize = 4;
const L: usize = 5;
const CAPACITY: usize = 6;
const N: usize = 7;
const GRIEVANCE: usize = 8;
const R: usize = 9;
const T: usize = 10;
const OMEGA: usize = 11;

/// Smallest commitment a member keeps (below ω_exit it leaves).
const COMMITMENT_FLOOR: f64 = 0.2;

/// The largest slope of the logistic trust update in its evidence, T(1 − T) ≤ ¼.
const LOGISTIC_SLOPE: f64 = 0.25;

/// The certificate of one parameter set.
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
    /// Per class: 1 minus what a variable keeps of its own deviation and passes to others of its
    /// class (its reversion, less same-class coupling). Must be positive.
    pub margins: [f64; 12],
    /// gains[c][d]: the most a unit deviation of every variable of class d together can move one
    /// variable of class c in a tick.
    pub gains: [[f64; 12]; 12],
    /// An upper bound on the spectral radius of diag(margins)⁻¹·gains (Collatz–Wielandt).
    pub radius: f64,
}

impl Certificate {
    /// The certificate of `p`.
    pub fn of(p: &Params) -> Certificate {
        let mut g = [[0.0; 12]; 12];
        let phi = p.bloc_provocation;
        // Own hostility, the bloc it joins and the rivals' partners (a ramp of slope 1/0.2).
        let hostility = 1.0 + phi + p.exercise_threat.max(p.arms_trade_threat) / PARTNER_HOSTILITY;
        let mature = 1.0 - MATURE_THREAT_DAMPING;

        // The means weigh nations by their sizes at load, so capability and economy reach
        // relations, threat, trust and commitments only where they act directly (below).
        g[X][R] = p.reaction_k * hostility;
        g[X][T] = p.reaction_k * p.trust_threat_damping;
        g[M][X] = p.capability_depreciation;
        for row in [E, GROWTH] {
            // The burden drag follows effort over the economy at load: X/E0 ≤ x_max.
            g[row][X] = p.burden_drag * p.effort_cap_share;
            g[row][N] = p.insurgency_drag;
            g[row][S] = p.instability_drag;
        }
        g[GROWTH][E] = p.economy_recovery;
        g[S][GROWTH] = p.stability_economy / GROWTH_SCALE;
        // Stability's burden term reads x/E, full at b̄ + 0.05.
        g[S][E] = p.stability_burden * (p.burden_threshold + 0.05) / 0.05;
        g[S][X] = p.stability_burden * (p.burden_threshold + 0.05) / 0.05 + p.stability_threat;
        g[S][CAPACITY] = p.stability_capacity / CAPACITY_FLOOR;
        g[S][N] = p.stability_armed_groups;
        g[S][GRIEVANCE] = p.stability_grievance;
        g[S][L] = p.stability_legitimacy;
        g[S][R] = p.stability_threat * hostility;
        // Reassurance M̄0·A/(A + M̄0)² ≤ ¼ in the allies' capability and their trust.
        g[S][T] = p.stability_threat * p.trust_threat_damping + p.stability_alliance / 4.0;
        g[S][OMEGA] = p.stability_alliance / (4.0 * COMMITMENT_FLOOR);
        g[S][M] = p.stability_alliance / 4.0;
        g[L][S] = TURMOIL_COST / 0.4;
        g[CAPACITY][N] = p.capacity_insurgency;
        g[N][CAPACITY] = p.vacuum_recruitment;
        g[N][GRIEVANCE] = p.grievance_recruitment;
        let pair_room = 2.0;
        g[R][T] = pair_room * p.trust_pull;
        g[R][X] = 2.0 * pair_room * p.arms_push;
        g[T][L] = LOGISTIC_SLOPE * 0.02;
        g[T][X] = LOGISTIC_SLOPE * 2.0 * p.build_up_distrust;
        // The other camp's pull: the direct term and the leanings of a member and its neighbours.
        let lean = (1.0 + 4.0 + 4.0) / OTHER_CAMP_PULL;
        g[OMEGA][R] = p.shared_threat * mature * (1.0 + phi)
            + p.diverging_interests * mature
            + p.other_camp_pull * lean;

        let mut margins = [0.0; 12];
        margins[X] = p.fatigue_a - p.reaction_k;
        margins[M] = p.capability_depreciation;
        margins[E] = p.economy_recovery;
        margins[GROWTH] = 1.0;
        margins[S] = p.stability_reversion;
        margins[L] = p.legitimacy_reversion;
        margins[CAPACITY] = p.capacity_reversion;
        margins[N] = p.armed_groups_reversion;
        margins[GRIEVANCE] = p.grievance_reversion;
        margins[R] = p.relation_reversion - pair_room * (2.0 * p.balance_pull + phi * p.bloc_push);
        margins[T] = p.trust_reversion;
        margins[OMEGA] = p.commitment_adjustment;
        let radius = if margins.iter().all(|&m| m > 0.0) {
            collatz_wielandt(&margins, &g)
        } else {
            f64::INFINITY
        };
        Certificate {
            margins,
            gains: g,
            radius,
        }
    }

    /// Whether the linearised step at rest is a contraction for every world: every margin is
    /// positive and the scaled gain matrix has spectral radius below 1.
    pub fn holds(&self) -> bool {
        self.radius < 1.0
    }

    /// When the certificate holds, no eigenvalue of the linearised step at rest of any world
    /// exceeds 1 − (1 − radius)·min margin in modulus (the norm of the step in the weighted max
    /// norm the Perron vector defines).
    pub fn bound(&self) -> f64 {
        let smallest = self.margins.iter().copied().fold(f64::INFINITY, f64::min);
        1.0 - (1.0 - self.radius) * smallest
    }

    /// The class whose margin is smallest: the slowest return the bound allows for.
    pub fn slowest_class(&self) -> &'static str {
        let (at, _) = self
            .margins
            .iter()
            .enumerate()
            .fold(
                (0, f64::INFINITY),
                |best, (k, &m)| if m < best.1 { (k, m) } else { best },
            );
        CLASSES[at]
    }
}

/// An upper bound on the spectral radius of A = diag(margins)⁻¹·gains: for any positive v,
/// ρ(A) ≤ max_c (A·v)_c / v_c. v is refined by power steps on A + ε (positive, so every
/// coordinate stays positive); the bound holds whatever v the steps reach.
fn collatz_wielandt(margins: &[f64; 12], gains: &[[f64; 12]; 12]) -> f64 {
    let a: Vec<[f64; 12]> = (0..12)
        .map(|c| {
            let mut row = gains[c];
            for value in &mut row {
                *value /= margins[c];
            }
            row
        })
        .collect();
    let times = |v: &[f64; 12], shift: f64| -> [f64; 12] {
        let mut out = [0.0; 12];
        let total: f64 = v.iter().sum();
        for c in 0..12 {
            out[c] = a[c].iter().zip(v).map(|(x, y)| x * y).sum::<f64>() + shift * total;
        }
        out
    };
    let mut v = [1.0; 12];
    for _ in 0..2_000 {
        // Steps of I + A + ε: the same Perron vector, and no oscillation between cycles.
        let step = times(&v, 1e-9);
        let next: [f64; 12] = std::array::from_fn(|c| v[c] + step[c]);
        let norm = next.iter().copied().fold(0.0, f64::max);
        v = next.map(|x| x / norm);
    }
    let av = times(&v, 0.0);
    (0..12).map(|c| av[c] / v[c]).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_parameters_meet_the_condition_with_a_margin() {
        let certificate = Certificate::of(&Params::default());
        assert!(
            certificate.margins.iter().all(|&m| m > 0.0),
            "{certificate:?}"
        );
        assert!(certificate.holds());
        assert!(certificate.radius <= 0.92, "radius {}", certificate.radius);
        assert!(certificate.bound() < 1.0);
    }

    #[test]
    fn richardsons_runaway_fails_it() {
        let p = Params {
            reaction_k: 0.3,
            fatigue_a: 0.2,
            ..Params::default()
        };
        let certificate = Certificate::of(&p);
        assert!(!certificate.holds());
        assert_eq!(certificate.slowest_class(), CLASSES[X]);
    }

    #[test]
    fn the_bound_is_an_upper_bound_on_the_radius_of_a_known_matrix() {
        // Two classes that feed each other with gains g and h over margins 1: ρ = √(g·h).
        let mut gains = [[0.0; 12]; 12];
        gains[0][1] = 0.25;
        gains[1][0] = 0.64;
        let radius = collatz_wielandt(&[1.0; 12], &gains);
        assert!((0.4 - 1e-9..=0.4 + 1e-6).contains(&radius), "{radius}");
    }
}
