//! Ensembles: the same scenario run under many seeds of its random events, in parallel, and
//! summarised per tick as percentiles. Each seed's run is deterministic and the runs are
//! gathered in seed order, so the summary is the same bit for bit whatever the number of
//! threads.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use rayon::prelude::*;

use crate::model::Scenario;

use super::goals::{Standing, evaluate};
use super::run::Simulation;
use super::world::InvalidScenario;

/// Whose value an ensemble follows: every region's stability, then every nation's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    /// "region" or "nation".
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its name as shown.
    pub name: String,
}

/// The runs of one scenario under many seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct Ensemble {
    /// What is followed, in column order.
    pub followed: Vec<Followed>,
    /// The seeds, in order.
    pub seeds: Vec<u64>,
    /// Ticks 0 to `horizon`.
    pub horizon: u32,
    /// values[seed][tick × followed + column].
    values: Vec<Vec<f64>>,
    /// For each goal of the exercise, in how many seeds it is met at the horizon.
    pub goals_met: Vec<u32>,
}

/// Percentiles of one followed value at one tick across the seeds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// 5th percentile.
    pub p05: f64,
    /// 25th.
    pub p25: f64,
    /// The median.
    pub p50: f64,
    /// 75th.
    pub p75: f64,
    /// 95th.
    pub p95: f64,
    /// The mean.
    pub mean: f64,
}

/// How an ensemble is run.
#[derive(Debug, Default)]
pub struct Control {
    /// Threads to use; 0 for one per core.
    pub threads: usize,
    /// Seeds finished so far (for a progress bar).
    pub done: AtomicU32,
    /// Set to stop early; the runs not started are skipped and the result is None.
    pub cancel: AtomicBool,
}

/// The seeds of an ensemble of `count` runs of `scenario`: its own seed and the next ones.
pub fn seeds(scenario: &Scenario, count: u32) -> Vec<u64> {
    (0..u64::from(count))
        .map(|k| scenario.seed.wrapping_add(k))
        .collect()
}

/// Runs `scenario` to its horizon under `count` seeds. None if cancelled.
pub fn run(
    scenario: &Scenario,
    count: u32,
    control: &Control,
) -> Result<Option<Ensemble>, InvalidScenario> {
    // Checked once here, so that a run below cannot fail.
    let first = Simulation::new(scenario)?;
    let world = first.world();
    let mut followed: Vec<Followed> = world
        .regions
        .iter()
        .map(|r| Followed {
            kind: "region",
            id: r.id.to_string(),
            name: r.shown_name().to_owned(),
        })
        .collect();
    followed.extend(world.nations.iter().map(|n| Followed {
        kind: "nation",
        id: n.id.to_string(),
        name: n.shown_name().to_owned(),
    }));
    let seeds = seeds(scenario, count);
    let one = |seed: u64| -> Option<(Vec<f64>, Vec<bool>)> {
        if control.cancel.load(Ordering::Relaxed) {
            return None;
        }
        let mut run = Simulation::with_seed(scenario, seed).ok()?;
        run.run_to(scenario.horizon);
        let mut values = Vec::with_capacity((scenario.horizon as usize + 1) * followed.len());
        run.for_each_state(0, scenario.horizon, |state| {
            values.extend_from_slice(&state.region_stability);
            values.extend(state.nations.iter().map(|n| n.stability));
        });
        let met = goals_met(scenario, &run);
        control.done.fetch_add(1, Ordering::Relaxed);
        Some((values, met))
    };
    let Some(runs) = in_order(&seeds, "ensemble", control.threads, |&seed| one(seed)) else {
        return Ok(None);
    };
    let goals = scenario.exercise.as_ref().map_or(0, |e| e.goals.len());
    let mut goals_met = vec![0; goals];
    for (_, met) in &runs {
        for (count, &met) in goals_met.iter_mut().zip(met) {
            *count += u32::from(met);
        }
    }
    Ok(Some(Ensemble {
        followed,
        seeds,
        horizon: scenario.horizon,
        values: runs.into_iter().map(|(values, _)| values).collect(),
        goals_met,
    }))
}

impl Ensemble {
    /// The percentiles of column `column` at `tick` across the seeds.
    pub fn band(&self, tick: u32, column: usize) -> Band {
        let at = tick as usize * self.followed.len() + column;
        let mut sample: Vec<f64> = self.values.iter().map(|run| run[at]).collect();
        sample.sort_by(f64::total_cmp);
        let mean = sample.iter().sum::<f64>() / sample.len().max(1) as f64;
        Band {
            p05: percentile(&sample, 0.05),
            p25: percentile(&sample, 0.25),
            p50: percentile(&sample, 0.50),
            p75: percentile(&sample, 0.75),
            p95: percentile(&sample, 0.95),
            mean,
        }
    }

    /// One seed's value of column `column` at `tick`.
    pub fn value(&self, seed: usize, tick: u32, column: usize) -> f64 {
        self.values[seed][tick as usize * self.followed.len() + column]
    }
}

/// Whether each goal of `scenario`'s exercise is met at the horizon of `run` (empty without an
/// exercise).
pub fn goals_met(scenario: &Scenario, run: &Simulation) -> Vec<bool> {
    scenario
        .exercise
        .as_ref()
        .map(|exercise| {
            evaluate(exercise, run, scenario.horizon)
                .iter()
                .map(|outcome| outcome.standing == Standing::Met)
                .collect()
        })
        .unwrap_or_default()
}

/// `one` of every job on `threads` threads (0: one per core) named `entente-<name>-<k>`,
/// gathered in job order whichever thread ran which, so the result does not depend on the
/// threads; None if a job gives none (cancelled).
pub fn in_order<J: Sync, T: Send>(
    jobs: &[J],
    name: &'static str,
    threads: usize,
    one: impl Fn(&J) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(move |k| format!("entente-{name}-{k}"))
        .build();
    let results: Vec<Option<T>> = match pool {
        Ok(pool) => pool.install(|| jobs.par_iter().map(&one).collect()),
        // No threads to be had: one after the other, with the same result.
        Err(_) => jobs.iter().map(&one).collect(),
    };
    results.into_iter().collect()
}

/// The `q` quantile of a sorted sample, interpolating linearly between the order statistics
/// around it (the usual definition of spreadsheets and numpy).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    match sorted {
        [] => f64::NAN,
        [only] => *only,
        _ => {
            let position = q * (sorted.len() - 1) as f64;
            let below = position.floor() as usize;
            let above = (below + 1).min(sorted.len() - 1);
            let weight = position - below as f64;
            sorted[below] + weight * (sorted[above] - sorted[below])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&sorted, 0.5), 3.0);
        assert_eq!(percentile(&sorted, 0.25), 2.0);
        assert!((percentile(&sorted, 0.05) - 1.2).abs() < 1e-12);
        assert_eq!(percentile(&sorted, 1.0), 5.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
        assert!(percentile(&[], 0.5).is_nan());
    }
}
