//! `entente ensemble FILE --seeds N [--out CSV]`: the scenario run under N seeds of its random
//! events on every core, summarised per tick as percentiles; the share of seeds in which each
//! goal is met.

use std::fmt::Write as _;
use std::path::Path;

use crate::io::csv_export::ensemble_csv;
use crate::io::load_file;
use crate::sim::ensemble::{self, Control};

/// How `entente ensemble` is asked to run.
#[derive(Debug)]
pub struct EnsembleArgs<'a> {
    /// The scenario file.
    pub file: &'a Path,
    /// How many seeds.
    pub seeds: u32,
    /// Where to write the CSV (`-` for standard output).
    pub out: Option<&'a Path>,
    /// Threads; 0 for one per core.
    pub threads: usize,
    /// Turn random events on for the ensemble when the scenario has them off.
    pub random_events: bool,
}

/// Runs the ensemble; returns the summary to print, and the CSV when it goes to standard output.
pub fn ensemble(args: &EnsembleArgs) -> anyhow::Result<String> {
    let name = args.file.display().to_string();
    let mut scenario =
        load_file(args.file).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))?;
    if args.seeds == 0 {
        anyhow::bail!("an ensemble needs at least one seed");
    }
    let mut out = String::new();
    if args.random_events {
        scenario.settings.random_events = true;
    } else if !scenario.settings.random_events {
        let _ = writeln!(
            out,
            "note: random events are off in {name}, so every seed gives the same run; pass --random-events to turn them on"
        );
    }
    let control = Control {
        threads: args.threads,
        ..Control::default()
    };
    let ensemble = ensemble::run(&scenario, args.seeds, &control)
        .map_err(|invalid| anyhow::anyhow!("{name}: error: {invalid}"))?
        .ok_or_else(|| anyhow::anyhow!("the ensemble was cancelled"))?;
    let csv = ensemble_csv(&ensemble);
    if let Some(csv) = super::deliver(args.out, csv)? {
        return Ok(csv);
    }
    let (first, last) = (ensemble.seeds[0], ensemble.seeds[ensemble.seeds.len() - 1]);
    let _ = writeln!(
        out,
        "{}: {} seeds ({first} to {last}), tick {}",
        scenario.meta.title,
        ensemble.seeds.len(),
        ensemble.horizon
    );
    let _ = writeln!(
        out,
        "regional stability at the horizon: median [50% band] [90% band]"
    );
    for (column, followed) in ensemble.followed.iter().enumerate() {
        if followed.kind != "region" {
            continue;
        }
        let band = ensemble.band(ensemble.horizon, column);
        let _ = writeln!(
            out,
            "  {:<24} {:.3}  [{:.3}, {:.3}]  [{:.3}, {:.3}]",
            followed.name, band.p50, band.p25, band.p75, band.p05, band.p95
        );
    }
    if let Some(exercise) = &scenario.exercise {
        let _ = writeln!(out, "goals met at the horizon:");
        for (goal, met) in exercise.goals.iter().zip(&ensemble.goals_met) {
            let _ = writeln!(
                out,
                "  {met} of {} seeds ({:.0}%): {}",
                ensemble.seeds.len(),
                100.0 * f64::from(*met) / ensemble.seeds.len() as f64,
                goal.text
            );
        }
    }
    if let Some(path) = args.out {
        let _ = writeln!(out, "wrote {}", path.display());
    }
    Ok(out)
}
