//! `entente run FILE`: a headless run writing the trajectory and ledger as CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;

use crate::io::csv_export::{LedgerWriter, TrajectoryWriter};
use crate::io::load_file;
use crate::sim::{self, State, World};

use super::RunArgs;

/// Runs the scenario and writes what `args` asks for. Errors are invalid scenarios or I/O.
pub fn run(args: &RunArgs) -> anyhow::Result<()> {
    let name = args.file.display().to_string();
    let scenario =
        load_file(&args.file).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))?;
    let seed = args.seed.unwrap_or(scenario.seed);
    let ticks = args.ticks.unwrap_or(scenario.horizon);
    let (world, mut state) = sim::start(&scenario, seed)
        .map_err(|invalid| anyhow::anyhow!("{name}: error: {invalid}"))?;

    let mut trajectory = args
        .csv
        .as_deref()
        .map(open)
        .transpose()?
        .map(TrajectoryWriter::new)
        .transpose()?;
    let mut ledger = args
        .ledger
        .as_deref()
        .map(open)
        .transpose()?
        .map(LedgerWriter::new)
        .transpose()?;
    let mut summary = Summary::new(&state);
    if let Some(writer) = &mut trajectory {
        writer.write_state(&world, &state)?;
    }
    for _ in 0..ticks {
        let changes = sim::step::step(&world, &mut state, ledger.is_some());
        if let Some(writer) = &mut trajectory {
            writer.write_state(&world, &state)?;
        }
        if let Some(writer) = &mut ledger {
            writer.write_tick(&world, &changes)?;
        }
        summary.observe(&state);
    }
    if let Some(writer) = trajectory {
        writer.finish().context("cannot finish the CSV")?;
    }
    if let Some(writer) = ledger {
        writer.finish().context("cannot finish the ledger CSV")?;
    }
    if !args.quiet {
        let text = summary.render(&world, &scenario.meta.title.0, ticks, seed, &state);
        // With the CSV on standard output, the summary goes to standard error to keep the CSV clean.
        let to_stdout = [&args.csv, &args.ledger]
            .iter()
            .all(|target| target.as_deref() != Some(Path::new("-")));
        if to_stdout {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }
    Ok(())
}

/// Opens `-` as standard output, anything else as a new file.
fn open(path: &Path) -> anyhow::Result<Box<dyn Write>> {
    if path == Path::new("-") {
        return Ok(Box::new(BufWriter::new(std::io::stdout().lock())));
    }
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(Box::new(BufWriter::new(file)))
}

/// Running extremes of each region's index, for the summary table.
struct Summary {
    start: Vec<f64>,
    min: Vec<(f64, u32)>,
    max: Vec<(f64, u32)>,
    stability0: Vec<f64>,
}

impl Summary {
    fn new(state: &State) -> Self {
        let start = state.region_stability.clone();
        Self {
            min: start.iter().map(|&v| (v, 0)).collect(),
            max: start.iter().map(|&v| (v, 0)).collect(),
            start,
            stability0: state.nations.iter().map(|n| n.stability).collect(),
        }
    }

    fn observe(&mut self, state: &State) {
        for (r, &value) in state.region_stability.iter().enumerate() {
            if value < self.min[r].0 {
                self.min[r] = (value, state.tick);
            }
            if value > self.max[r].0 {
                self.max[r] = (value, state.tick);
            }
        }
    }

    fn render(&self, world: &World, title: &str, ticks: u32, seed: u64, end: &State) -> String {
        let (y0, q0) = world.start.at_tick(0);
        let (y1, q1) = world.start.at_tick(ticks);
        let mut out = format!("{title}: {ticks} ticks ({y0} Q{q0} to {y1} Q{q1}), seed {seed}\n\n");
        let width = world
            .regions
            .iter()
            .map(|r| r.name.or_id(r.id.as_str()).chars().count())
            .max()
            .unwrap_or(6)
            .max(6);
        out.push_str(&format!(
            "{:width$}  {:>6}  {:>13}  {:>13}  {:>6}\n",
            "region", "start", "min (tick)", "max (tick)", "end"
        ));
        for (r, info) in world.regions.iter().enumerate() {
            out.push_str(&format!(
                "{:width$}  {:>6.3}  {:>6.3} ({:>4})  {:>6.3} ({:>4})  {:>6.3}\n",
                info.name.or_id(info.id.as_str()),
                self.start[r],
                self.min[r].0,
                self.min[r].1,
                self.max[r].0,
                self.max[r].1,
                end.region_stability[r]
            ));
        }
        let mut movers: Vec<(usize, f64)> = end
            .nations
            .iter()
            .enumerate()
            .map(|(i, n)| (i, n.stability - self.stability0[i]))
            .filter(|(_, delta)| delta.abs() >= 0.0005)
            .collect();
        movers.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        if !movers.is_empty() {
            out.push_str("\nlargest changes in domestic stability:\n");
            for &(i, delta) in movers.iter().take(5) {
                let info = &world.nations[i];
                out.push_str(&format!(
                    "  {}: {:.3} -> {:.3} ({:+.3})\n",
                    info.name.or_id(info.id.as_str()),
                    self.stability0[i],
                    end.nations[i].stability,
                    delta
                ));
            }
        }
        out
    }
}
