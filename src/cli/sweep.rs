//! `entente sweep FILE --param NAME=FROM..TO --steps K [--param …] [--seeds N] --out CSV`: a
//! grid of parameter values run in parallel, one row per run with the regions' final and lowest
//! stabilities and the goals met; `--list-params` names what can be swept.

use std::fmt::Write as _;
use std::path::Path;

use crate::io::csv_export::sweep_csv;
use crate::io::load_file;
use crate::model::knobs::knobs;
use crate::model::params::PARAM_TABLE;
use crate::sim::ensemble::Control;
use crate::sim::sweep::{self, Axis};

/// How `entente sweep` is asked to run.
#[derive(Debug)]
pub struct SweepArgs<'a> {
    /// The scenario file (optional with `list`).
    pub file: Option<&'a Path>,
    /// `NAME=FROM..TO` for each knob.
    pub params: &'a [String],
    /// Values per knob.
    pub steps: u32,
    /// Seeds per grid point.
    pub seeds: u32,
    /// Where to write the CSV (`-` for standard output).
    pub out: Option<&'a Path>,
    /// Threads; 0 for one per core.
    pub threads: usize,
    /// List the knobs instead of sweeping.
    pub list: bool,
}

/// Lists the knobs or runs the sweep; returns what to print.
pub fn sweep(args: &SweepArgs) -> anyhow::Result<String> {
    let mut out = String::new();
    let scenario = match args.file {
        Some(file) => {
            let name = file.display().to_string();
            Some(load_file(file).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))?)
        }
        None => None,
    };
    if args.list {
        match &scenario {
            Some(scenario) => {
                for knob in knobs(scenario) {
                    let _ = writeln!(out, "{:<44} {:<10} {}", knob.name, knob.value, knob.about);
                }
            }
            None => {
                for info in PARAM_TABLE {
                    let _ = writeln!(
                        out,
                        "{:<44} {:<10} model parameter {} ({} to {}): {}",
                        info.name, info.default, info.symbol, info.min, info.max, info.description
                    );
                }
                let _ = writeln!(
                    out,
                    "(with a scenario file, also its named events' numbers: event:ID.FIELD)"
                );
            }
        }
        return Ok(out);
    }
    let Some(scenario) = scenario else {
        anyhow::bail!("a sweep needs a scenario file");
    };
    if args.params.is_empty() {
        anyhow::bail!("name at least one --param NAME=FROM..TO (see --list-params)");
    }
    let axes = args
        .params
        .iter()
        .map(|param| parse_axis(param, args.steps))
        .collect::<anyhow::Result<Vec<Axis>>>()?;
    let control = Control {
        threads: args.threads,
        ..Control::default()
    };
    let result = sweep::run(&scenario, &axes, args.seeds, &control)
        .map_err(|problems| anyhow::anyhow!(problems.join("\n")))?
        .ok_or_else(|| anyhow::anyhow!("the sweep was cancelled"))?;
    let csv = sweep_csv(&result);
    if let Some(csv) = super::deliver(args.out, csv)? {
        return Ok(csv);
    }
    let seeds = args.seeds.max(1);
    let _ = writeln!(
        out,
        "{}: {} runs ({} grid points × {seeds} {})",
        scenario.meta.title,
        result.runs.len(),
        result.runs.len() / seeds as usize,
        if seeds == 1 { "seed" } else { "seeds" }
    );
    match args.out {
        Some(path) => {
            let _ = writeln!(out, "wrote {}", path.display());
        }
        None => {
            let _ = writeln!(
                out,
                "(pass --out FILE.csv, or --out - for standard output, to get the runs)"
            );
        }
    }
    Ok(out)
}

/// `NAME=FROM..TO` with `steps` values.
fn parse_axis(param: &str, steps: u32) -> anyhow::Result<Axis> {
    let malformed =
        || anyhow::anyhow!("--param {param}: write NAME=FROM..TO, as reaction_k=0.05..0.2");
    let (name, range) = param.split_once('=').ok_or_else(malformed)?;
    let (from, to) = range.split_once("..").ok_or_else(malformed)?;
    let number = |text: &str| text.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    let (from, to) = number(from).zip(number(to)).ok_or_else(malformed)?;
    Ok(Axis::linear(name.trim(), from, to, steps))
}
