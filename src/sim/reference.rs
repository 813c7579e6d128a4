//! Load-time reference values (MODEL.md 2.11; docs/MODEL.md, model 2): the constants that make
//! a world without actions a fixed point and the scales that make every coupling dimensionless.
//! Plain data, set once when a run starts ([`super::calibrate`] measures them) and never changed.

use std::sync::Arc;

use super::ids::NationIx;
use super::state::Dyads;

/// Means at load that make sizes dimensionless.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Normalisers {
    /// M̄₀: mean capability.
    pub capability: f64,
    /// Ē₀: mean economy.
    pub economy: f64,
    /// x̄₀: mean defence effort.
    pub effort: f64,
}

impl Default for Normalisers {
    fn default() -> Self {
        Self {
            capability: 1.0,
            economy: 1.0,
            effort: 1.0,
        }
    }
}

/// Per-nation scales of model 2, fixed at load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scales {
    /// X_i = max(x_i0, 0.1·(x̄₀/Ē₀)·E_i0): the effort a nation's arming is measured against, so a
    /// build-up is a relative change and a nation that spends almost nothing is not infinitely
    /// sensitive.
    pub effort: Vec<f64>,
    /// x_i0: defence effort at load (build-ups are measured from it).
    pub effort_at_load: Vec<f64>,
    /// D_i = max(1, Σ_j prox_ij over the pairs stored at load): the threat denominator. Fear is a
    /// mean of threat over a nation's relations, so its sensitivity to them does not grow with
    /// how many it has.
    pub threat: Vec<f64>,
    /// M_i0: capability at load (procurement keeps it at rest).
    pub capability_at_load: Vec<f64>,
}

impl Scales {
    /// b_i = (x_i − x_i0)/X_i: how far a nation has built up (negative: drawn down) since load.
    pub fn build_up(&self, nation: NationIx, effort: f64) -> f64 {
        let i = nation.ix();
        (effort - self.effort_at_load[i]) / self.effort[i]
    }
}

/// What the world looked like at load, for pricing in the drivers of a pair stored later (a pair
/// created during a run starts at its own rest point: its references are its load values).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadSnapshot {
    /// Relations and trust at load.
    pub dyads: Dyads,
    /// s_i at load.
    pub sizes: Vec<f64>,
    /// L_i at load.
    pub legitimacy: Vec<f64>,
    /// Each nation's ties at load, the balance sums' denominators.
    pub neighbourhoods: Arc<super::neighbourhood::Neighbourhoods>,
}

/// Load-time reference values the deviation-form drivers are measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    /// M̄₀, Ē₀, x̄₀.
    pub norms: Normalisers,
    /// Per-nation scales.
    pub scales: Scales,
    /// g_i solving Δx_i = 0 at load (0 for every nation when calibration is off).
    pub ambition: Vec<f64>,
    /// Load-time economy terms (burden, trade, cost) removed by the deviation rule.
    pub economy: Vec<super::reference::EconomyReference>,
    /// X·Θ, the fear each nation felt at load (the ledger splits the arms terms against it).
    pub fear: Vec<f64>,
    /// x_i, each nation's defence effort at load.
    pub effort: Vec<f64>,
    /// Arms inflow per nation at load (removed by the deviation rule).
    pub arms_inflow: Vec<f64>,
    /// Θ_i at load.
    pub threat_level: Vec<f64>,
    /// Strength of the strongest CBM each nation holds at load (its ambition already reflects it).
    pub cbm: Vec<f64>,
    /// Inputs of blocks F–I at load (the deviation rule subtracts them).
    pub domestic: Vec<DomesticReference>,
    /// I_i at load (ideological drift is measured from it).
    pub ideology: Vec<f64>,
    /// Load-time self-test (MODEL.md 2.11 step 5): the largest change of any observed value in one
    /// tick without actions or random events. Below 1e-12 unless baselines were set apart from
    /// the tick-0 values on purpose.
    pub self_test_drift: f64,
    /// S_j at load per nation: neighbours' stability is measured from it.
    pub stability: Vec<f64>,
    /// N_j + W_j at load per nation: a neighbour's conflict is measured from it.
    pub conflict: Vec<f64>,
    /// N_j at load per nation: the spillover already present at load is measured from it.
    pub armed_groups: Vec<f64>,
    /// The world at load, shared by every copy of the world.
    pub load: Arc<LoadSnapshot>,
}

/// The growth-rate terms that objects can produce, measured at load and subtracted after.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EconomyReference {
    /// −η_B·max(0, b − b̄).
    pub burden: f64,
    /// η_T·Trade (arms trade, intelligence sharing and defence treaties).
    pub trade: f64,
    /// +0.001σ per arms-sale treaty where the nation sells.
    pub arms_sales: f64,
    /// −η_I·Cost of interventions it takes part in.
    pub cost: f64,
    /// E at load (the floor is 5% of it; catch-up growth returns to it).
    pub economy: f64,
    /// b = x/E at load.
    pub burden_share: f64,
}

/// The inputs of blocks F–J that depend on interventions and treaties, measured each tick and at
/// load (the deviation rule subtracts the load values).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DomesticReference {
    /// V = max(0, G0 − G − φ_P·P·e): excess power vacuum.
    pub vacuum: f64,
    /// Proxy: weight of outside backers of the insurgents.
    pub proxy: f64,
    /// Σσ of intelligence-sharing treaties in force.
    pub intelligence: f64,
    /// Number of treaties in force.
    pub treaties: f64,
    /// max(0, 0.4 − S)/0.4.
    pub turmoil: f64,
    /// Σ over own interventions (active or ended < 20 ticks ago) of max(0, S0_k − S_k).
    pub quagmire: f64,
    /// Σ f over own peacekeeping missions.
    pub peacekeeping: f64,
    /// P·(1 − ℓloc): presence seen as illegitimate.
    pub occupation: f64,
    /// max(0, G0 − G)·(1 − λ̄): dismantled institutions and excluded elites.
    pub exclusion: f64,
    /// λ̄: f-weighted local engagement of the interventions in the nation (1 without any).
    pub engagement: f64,
    /// f-weighted share of interventions with the host's consent (0 without any).
    pub consent: f64,
    /// Def_i: allied deterrence against a rival of average capability (alliance reassurance).
    pub reassurance: f64,
}
