//! Parameter sweeps, BehaviorSpace for the classroom: a grid of values of one or more knobs
//! (`model::knobs`), each point run under one or more seeds, in parallel; for each run, every
//! region's final and lowest stability and whether each goal is met. Runs are gathered in grid
//! order, so the result does not depend on the number of threads.

use crate::model::{Scenario, knobs, validate};

use super::ensemble::{Control, goals_met, in_order, seeds};
use super::run::Simulation;

/// One knob and the values it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The knob's name.
    pub name: String,
    /// Its values, in order.
    pub values: Vec<f64>,
}

impl Axis {
    /// `steps` values evenly spaced from `from` to `to`, both included (one step: `from`).
    pub fn linear(name: &str, from: f64, to: f64, steps: u32) -> Axis {
        let values = match steps {
            0 | 1 => vec![from],
            n => (0..n)
                .map(|k| from + (to - from) * f64::from(k) / f64::from(n - 1))
                .collect(),
        };
        Axis {
            name: name.to_owned(),
            values,
        }
    }
}

/// One run of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    /// The value of each axis, in axis order.
    pub point: Vec<f64>,
    /// The seed.
    pub seed: u64,
    /// Each region's stability at the horizon.
    pub finals: Vec<f64>,
    /// Each region's lowest stability over the run.
    pub minima: Vec<f64>,
    /// Whether each goal of the exercise is met at the horizon.
    pub goals: Vec<bool>,
}

/// A whole sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    /// The axes, first outermost.
    pub axes: Vec<Axis>,
    /// The regions' ids, in column order.
    pub regions: Vec<String>,
    /// How many goals the exercise has.
    pub goals: usize,
    /// The runs: the grid in order (first axis outermost), seeds innermost.
    pub runs: Vec<SweepRun>,
}

/// Runs the grid of `axes` on `scenario` under `seed_count` seeds each. Fails, before running
/// anything, with every knob that does not exist and every grid point whose scenario is
/// invalid; None if cancelled.
pub fn run(
    scenario: &Scenario,
    axes: &[Axis],
    seed_count: u32,
    control: &Control,
) -> Result<Option<Sweep>, Vec<String>> {
    let mut points: Vec<Vec<f64>> = vec![Vec::new()];
    for axis in axes {
        points = points
            .into_iter()
            .flat_map(|point| {
                axis.values.iter().map(move |&value| {
                    let mut next = point.clone();
                    next.push(value);
                    next
                })
            })
            .collect();
    }
    let mut problems = Vec::new();
    let mut scenarios = Vec::with_capacity(points.len());
    for point in &points {
        let mut variant = scenario.clone();
        for (axis, &value) in axes.iter().zip(point) {
            if let Err(problem) = knobs::set(&mut variant, &axis.name, value) {
                problems.push(problem);
            }
        }
        if let Some(problem) = validate(&variant).into_iter().next() {
            let at: Vec<String> = axes
                .iter()
                .zip(point)
                .map(|(axis, value)| format!("{} = {value}", axis.name))
                .collect();
            problems.push(format!("at {}: {}", at.join(", "), problem.message));
        }
        scenarios.push(variant);
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(problems);
    }
    let seeds = seeds(scenario, seed_count.max(1));
    let jobs: Vec<(usize, u64)> = (0..points.len())
        .flat_map(|p| seeds.iter().map(move |&seed| (p, seed)))
        .collect();
    let one = |&(p, seed): &(usize, u64)| -> Option<SweepRun> {
        if control.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        let variant = &scenarios[p];
        let mut run = Simulation::with_seed(variant, seed).ok()?;
        run.run_to(variant.horizon);
        let regions = run.world().regions.len();
        let mut minima = vec![f64::INFINITY; regions];
        let mut finals = vec![f64::NAN; regions];
        run.for_each_state(0, variant.horizon, |state| {
            for (r, &value) in state.region_stability.iter().enumerate() {
                minima[r] = minima[r].min(value);
                finals[r] = value;
            }
        });
        let goals = goals_met(variant, &run);
        control
            .done
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(SweepRun {
            point: points[p].clone(),
            seed,
            finals,
            minima,
            goals,
        })
    };
    // Gathered in grid order, whichever thread ran which point.
    let Some(runs) = in_order(&jobs, "sweep", control.threads, one) else {
        return Ok(None);
    };
    Ok(Some(Sweep {
        axes: axes.to_vec(),
        regions: scenario.regions.iter().map(|r| r.id.to_string()).collect(),
        goals: scenario.exercise.as_ref().map_or(0, |e| e.goals.len()),
        runs,
    }))
}

#[cfg(test)]
mod tests {
    use super::Axis;

    #[test]
    fn an_axis_spans_its_range_in_even_steps() {
        assert_eq!(
            Axis::linear("k", 0.0, 1.0, 5).values,
            vec![0.0, 0.25, 0.5, 0.75, 1.0]
        );
        assert_eq!(Axis::linear("k", 0.3, 0.9, 1).values, vec![0.3]);
    }
}
