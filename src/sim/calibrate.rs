//! Baseline calibration at load (MODEL.md 2.11): the reference values that make a world without
//! actions a fixed point. They are computed once and never change during a run.

use super::rules::domestic::neighbour_mean;
use super::state::State;
use super::world::World;

/// Load-time reference values the deviation-form drivers are measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    /// M̄₀: mean capability at load (size normalisation).
    pub mean_capability: f64,
    /// Ē₀: mean economy at load (size normalisation).
    pub mean_economy: f64,
    /// S̄0_nbr per nation: size-weighted mean stability of the other nations of its region at load.
    pub neighbour_stability: Vec<f64>,
    /// max(0, N̄_nbr − N) per nation at load: the spillover that is already priced in.
    pub spillover_gap: Vec<f64>,
}

impl Calibration {
    /// Measures the reference values on the state at load.
    pub fn measure(world: &World, state: &State) -> Calibration {
        let n = state.nations.len().max(1) as f64;
        let mean_capability = state.nations.iter().map(|x| x.capability).sum::<f64>() / n;
        let mean_economy = state.nations.iter().map(|x| x.economy).sum::<f64>() / n;
        let mut calibration = Calibration {
            // A world with no military at all still needs a finite size measure.
            mean_capability: if mean_capability > 0.0 {
                mean_capability
            } else {
                1.0
            },
            mean_economy: if mean_economy > 0.0 {
                mean_economy
            } else {
                1.0
            },
            neighbour_stability: Vec::new(),
            spillover_gap: Vec::new(),
        };
        let sizes =
            super::derived::Derived::compute(world, state, calibration.size_normalisers()).size;
        calibration.neighbour_stability = world
            .nation_indices()
            .map(|i| neighbour_mean(world, state, &sizes, i, |x| x.stability))
            .collect();
        calibration.spillover_gap = world
            .nation_indices()
            .map(|i| {
                let nbr = neighbour_mean(world, state, &sizes, i, |x| x.armed_groups);
                f64::max(0.0, nbr - state.nation(i).armed_groups)
            })
            .collect();
        calibration
    }

    /// The normalisers of the size measure, (M̄₀, Ē₀).
    pub fn size_normalisers(&self) -> (f64, f64) {
        (self.mean_capability, self.mean_economy)
    }
}
