//! Baseline calibration at load (MODEL.md 2.11): the reference values that make a world without
//! actions a fixed point. They are computed once and never change during a run.

use super::derived::Derived;
use super::rules::economy::EconomyTerms;
use super::rules::relations;
use super::state::{DyadReference, State};
use super::world::World;

/// Means at load that make sizes and threat levels dimensionless.
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

/// Load-time reference values the deviation-form drivers are measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    /// M̄₀, Ē₀, x̄₀.
    pub norms: Normalisers,
    /// g_i solving Δx_i = 0 at load (0 for every nation when calibration is off).
    pub ambition: Vec<f64>,
    /// μ_i = δ_M·M_i/x_i at load: capability bought per unit of defence effort.
    pub capability_per_effort: Vec<f64>,
    /// Load-time economy terms (burden, trade, cost) removed by the deviation rule.
    pub economy: Vec<EconomyTerms>,
    /// Arms inflow per nation at load (removed by the deviation rule).
    pub arms_inflow: Vec<f64>,
    /// Θ_i at load.
    pub threat_level: Vec<f64>,
    /// Strength of the strongest CBM each nation holds at load (its ambition already reflects it).
    pub cbm: Vec<f64>,
    /// Inputs of blocks F–I at load (the deviation rule subtracts them).
    pub domestic: Vec<super::rules::domestic::DomesticInputs>,
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
}

fn positive_mean(values: impl Iterator<Item = f64>, count: usize) -> f64 {
    let mean = values.sum::<f64>() / count.max(1) as f64;
    // A world with no military at all still needs finite normalisers.
    if mean > 0.0 { mean } else { 1.0 }
}

impl Normalisers {
    /// The means of the state at load.
    pub fn measure(state: &State) -> Normalisers {
        let n = state.nations.len();
        Normalisers {
            capability: positive_mean(state.nations.iter().map(|x| x.capability), n),
            economy: positive_mean(state.nations.iter().map(|x| x.economy), n),
            effort: positive_mean(state.nations.iter().map(|x| x.effort), n),
        }
    }
}

impl Calibration {
    /// Measures the reference values on the state at load.
    pub fn measure(world: &World, state: &State) -> Calibration {
        let norms = Normalisers::measure(state);
        let derived = Derived::compute_with(world, state, &norms);
        let p = &world.params;
        let calibrate = world.settings.calibrate_baseline;
        let mut calibration = Calibration {
            norms,
            ..Calibration::default()
        };
        for i in world.nation_indices() {
            let x = state.nation(i);
            calibration.ideology.push(x.ideology);
            calibration
                .domestic
                .push(super::rules::domestic::DomesticInputs::measure(
                    world, state, &derived, i,
                ));
            let fear = super::rules::arms::fear(&derived, i);
            calibration.ambition.push(if calibrate {
                p.fatigue_a * x.effort - p.reaction_k * fear
            } else {
                0.0
            });
            calibration.capability_per_effort.push(if x.effort > 0.0 {
                p.capability_depreciation * x.capability / x.effort
            } else {
                0.0
            });
            calibration
                .economy
                .push(EconomyTerms::measure(world, state, &derived, i));
            calibration
                .arms_inflow
                .push(derived.agreements.arms_inflow[i.ix()]);
            calibration.threat_level.push(derived.threat_level[i.ix()]);
            calibration.cbm.push(derived.agreements.cbm[i.ix()]);
            calibration.stability.push(x.stability);
            calibration
                .conflict
                .push(x.armed_groups + derived.fighting[i.ix()]);
            calibration.armed_groups.push(x.armed_groups);
        }
        calibration
    }

    /// Stores in every pair the load values of the drivers the deviation rule subtracts.
    pub fn set_references(&self, world: &World, state: &mut State) {
        let derived = Derived::compute(world, state);
        let calibrate = world.settings.calibrate_baseline;
        let balance = super::rules::balance_pull::balance_sums(state, &derived);
        let references: Vec<DyadReference> = (0..state.dyads.len())
            .zip(balance)
            .map(|(position, balance)| {
                let (i, j) = state.dyads.ends(position);
                let link = derived.link(i, j);
                DyadReference {
                    balance: if calibrate { balance } else { 0.0 },
                    allies: link.allies,
                    bloc: relations::bloc_provocation(state, &derived, i, j),
                    treaty_relation: link.treaty_relation,
                    evidence: relations::positive_evidence(state, &derived, i, j),
                }
            })
            .collect();
        state.dyads.set_references(references);
        // Members of alliances in force at load: their commitment drivers are priced in.
        let incentives = super::rules::alliances::switching_incentives(world, state);
        for (a, info) in world.alliances.iter().enumerate() {
            if info.formed_by.is_some() {
                continue;
            }
            let ax = super::ids::AllianceIx(a as u32);
            let references: Vec<[f64; 5]> = state.alliances[a]
                .members
                .iter()
                .zip(&state.alliances[a].records)
                .map(|(&(m, _), record)| {
                    super::rules::alliances::drivers(
                        world,
                        state,
                        &derived,
                        ax,
                        m,
                        record,
                        incentives[m.ix()],
                    )
                    .map(|d| d.u)
                })
                .collect();
            for (record, reference) in state.alliances[a].records.iter_mut().zip(references) {
                record.reference = reference;
            }
        }
    }

    /// Runs the self-test: one tick of a copy of the world without events or random events.
    pub fn self_test(world: &World, state: &State) -> f64 {
        let mut quiet = world.clone();
        quiet.events.clear();
        quiet.settings.random_events = false;
        let mut next = state.clone();
        next.pending_random.clear();
        super::step::step(&quiet, &mut next, false);
        let before = super::observe::observe(&quiet, state);
        let after = super::observe::observe(&quiet, &next);
        before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a.kind == b.kind && a.id == b.id && a.variable == b.variable)
            .map(|(a, b)| (a.value - b.value).abs())
            .fold(0.0, f64::max)
    }
}
