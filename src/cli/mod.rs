//! Headless commands (`run`, `check`, `new`, `examples`), built on model + sim + io.
//! Never imports egui.

mod blocs;
mod check;
mod compare;
mod ensemble;
mod handout;
mod new;
mod report;
mod run;
mod sweep;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use blocs::blocs;
pub use check::check;
pub use compare::compare;
pub use ensemble::{EnsembleArgs, ensemble};
pub use handout::handout;
pub use new::{examples, generate, new};
pub use report::report;
pub use run::run;
pub use sweep::{SweepArgs, sweep};

/// Entente: a strategy sandbox for military diplomacy. Without a command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "entente", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A scenario file (.ron) to open in the app; without one, the bundled default scenario opens.
    pub file: Option<PathBuf>,
    /// Open the app, print how long the first frame took to reach the screen, and quit (the
    /// start-up benchmark uses it).
    #[arg(long)]
    pub time_first_frame: bool,
    /// What to do instead of opening the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a scenario without the app and write its trajectory as CSV.
    Run(RunArgs),
    /// Check scenario files: report every problem with its line and column, and for a valid
    /// file how stable its world is (the slowest disturbance, its rate and the loop behind it).
    Check {
        /// Scenario files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also list the slowest modes of the world, their loops and the variables that carry
        /// them.
        #[arg(long)]
        stability: bool,
    },
    /// Write a bundled scenario to a file to start from.
    New {
        /// Where to write it (refuses to overwrite an existing file).
        #[arg(long)]
        out: PathBuf,
        /// Which bundled scenario (see `entente examples`).
        #[arg(long, default_value = "mesa-crisis")]
        example: String,
    },
    /// List the bundled scenarios.
    Examples,
    /// Write a synthetic scenario of any size (deterministic for a seed, always valid).
    Generate {
        /// Nations.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(2..=5000))]
        nations: u32,
        /// Relation pairs.
        #[arg(long, default_value_t = 500)]
        relations: u32,
        /// Alliances in force at the start.
        #[arg(long, default_value_t = 10)]
        alliances: u32,
        /// Treaties in force at the start.
        #[arg(long, default_value_t = 20)]
        treaties: u32,
        /// Timeline events.
        #[arg(long, default_value_t = 50)]
        events: u32,
        /// Ticks.
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u32).range(2..=4000))]
        horizon: u32,
        /// Seed of the generator (and of the scenario's random events).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it (refuses to overwrite an existing file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write what a student hands in: a summary of goals, decisions and results (report.md),
    /// the stability chart (stability.png) and the run (run.csv).
    Report {
        /// The scenario file (the student's).
        file: PathBuf,
        /// The folder to write into (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// The scenario as handed out: events not in it are marked as the student's decisions.
        #[arg(long)]
        original: Option<PathBuf>,
    },
    /// Write the student's copy of an exercise: the teacher notes removed, the locks kept, and
    /// marked so that the app does not enter teacher mode.
    Handout {
        /// The exercise file (the teacher's).
        file: PathBuf,
        /// Where to write the student's copy (refuses to overwrite an existing file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Compare two scenarios' runs: how a region's or a nation's stability differs at a tick,
    /// what separates the scenarios, and the named causes of the difference, largest first.
    Compare {
        /// The first scenario (the baseline): FILE.ron, or FILE.ron#RUN for a run kept beside it.
        first: PathBuf,
        /// The second scenario (the alternative), written the same way.
        second: PathBuf,
        /// A region's or a nation's id; default: the region that differs most.
        #[arg(long)]
        subject: Option<String>,
        /// The tick compared; default: the shorter horizon.
        #[arg(long)]
        tick: Option<u32>,
    },
    /// Run a scenario under many seeds of its random events, on every core, and write the
    /// percentiles of every region's and nation's stability per tick (tick, subject, variable,
    /// p05, p25, p50, p75, p95, mean); the same file and seeds give the same bytes.
    Ensemble {
        /// The scenario file.
        file: PathBuf,
        /// How many seeds: the scenario's own and the next ones.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        seeds: u32,
        /// Where the CSV goes, and on how many threads.
        #[command(flatten)]
        output: ManyRuns,
        /// Turn random events on for the ensemble when the scenario has them off.
        #[arg(long)]
        random_events: bool,
    },
    /// Run a grid of parameter values (times seeds) in parallel and write one row per run: the
    /// regions' final and lowest stabilities and the goals met. `--list-params` names what can
    /// be swept.
    Sweep {
        /// The scenario file (optional with --list-params).
        file: Option<PathBuf>,
        /// A knob and its range, NAME=FROM..TO (repeat for a grid).
        #[arg(long = "param", value_name = "NAME=FROM..TO")]
        params: Vec<String>,
        /// Values per knob, evenly spaced, both ends included.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
        steps: u32,
        /// Seeds per grid point: the scenario's own and the next ones.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        seeds: u32,
        /// Where the CSV goes, and on how many threads.
        #[command(flatten)]
        output: ManyRuns,
        /// List the model parameters and the scenario's event numbers that can be swept.
        #[arg(long)]
        list_params: bool,
    },
    /// Predict blocs with the landscape model: minima, basin shares and wavering states.
    Blocs {
        /// The scenario file.
        file: PathBuf,
        /// Tick at which to look (the scenario is simulated up to it); default 0.
        #[arg(long)]
        tick: Option<u32>,
    },
}

/// Writes a command's CSV where `out` says: to the file (atomically), or back to the caller to
/// print when it is `-`; nothing without `out`.
fn deliver(out: Option<&std::path::Path>, csv: String) -> anyhow::Result<Option<String>> {
    match out {
        Some(path) if path == std::path::Path::new("-") => Ok(Some(csv)),
        Some(path) => crate::io::write_atomically(path, csv.as_bytes())
            .map(|()| None)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", path.display())),
        None => Ok(None),
    }
}

/// The output and the threads of the commands that run many runs (`ensemble`, `sweep`).
#[derive(Debug, clap::Args)]
pub struct ManyRuns {
    /// Write the CSV to this file, or `-` for standard output.
    #[arg(long, value_name = "PATH|-")]
    pub out: Option<PathBuf>,
    /// Threads; default one per core. The result does not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
}

/// Arguments of `entente run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Number of ticks (quarters) to simulate; defaults to the scenario's horizon.
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub ticks: Option<u32>,
    /// Seed for random events, replacing the scenario's.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Write the trajectory (`tick,kind,id,variable,value`) to this file, or `-` for standard output.
    #[arg(long, value_name = "PATH|-")]
    pub csv: Option<PathBuf>,
    /// Write the ledger (`tick,kind,id,variable,term,cause,value`) to this file, or `-`.
    #[arg(long, value_name = "PATH|-")]
    pub ledger: Option<PathBuf>,
    /// Print no summary table.
    #[arg(long)]
    pub quiet: bool,
}

/// Exit status of a command: 0 ok, 1 invalid scenario or I/O error (2, usage, is clap's).
pub type ExitCode = u8;
