//! What a student hands in: a Markdown summary of goals, decisions and results, the regional
//! stability chart as PNG, and the whole run as CSV, in one folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Scenario, describe};
use crate::sim::Simulation;
use crate::sim::goals::{Standing, evaluate};

use super::chart;
use super::csv_export::TrajectoryWriter;

/// The files of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// `report.md`.
    pub summary: PathBuf,
    /// `stability.png`.
    pub chart: PathBuf,
    /// `run.csv`.
    pub csv: PathBuf,
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The scenario cannot be run.
    #[error("the scenario cannot be run: {0}")]
    Invalid(#[from] crate::sim::InvalidScenario),
    /// A file could not be written.
    #[error("cannot write {path}: {message}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

fn write_error(path: &Path, message: impl ToString) -> ReportError {
    ReportError::Write {
        path: path.to_owned(),
        message: message.to_string(),
    }
}

/// Runs `scenario` to its horizon and writes the report into `folder` (created if needed).
/// Events not in `original` (the scenario as handed out) are marked as the student's decisions.
pub fn write(
    scenario: &Scenario,
    original: Option<&Scenario>,
    folder: &Path,
) -> Result<Report, ReportError> {
    std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
    let mut run = Simulation::new(scenario)?;
    run.run_to(scenario.horizon);
    let report = Report {
        summary: folder.join("report.md"),
        chart: folder.join("stability.png"),
        csv: folder.join("run.csv"),
    };

    let mut csv = TrajectoryWriter::new(Vec::new()).map_err(|e| write_error(&report.csv, e))?;
    let mut written = Ok(());
    run.for_each_state(0, run.tick(), |state| {
        if written.is_ok() {
            written = csv.write_state(run.world(), state);
        }
    });
    written.map_err(|e| write_error(&report.csv, e))?;
    let bytes = csv.into_inner().map_err(|e| write_error(&report.csv, e))?;
    super::save::write_atomically(&report.csv, &bytes).map_err(|e| write_error(&report.csv, e))?;

    let world = run.world();
    let by_region = region_stability_by_tick(&run);
    let lines: Vec<chart::Line> = world
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| chart::Line {
            name: region.name.or_id(region.id.as_str()).to_owned(),
            colour: r,
            values: by_region[r].iter().copied().map(Some).collect(),
        })
        .collect();
    let events: Vec<u32> = scenario.events.iter().map(|e| e.tick).collect();
    chart::write_png(
        &report.chart,
        &format!("{}: regional stability", scenario.meta.title),
        "regional stability",
        &lines,
        &events,
        scenario.horizon,
    )
    .map_err(|e| write_error(&report.chart, e))?;

    let text = summary(scenario, original, &run);
    super::save::write_atomically(&report.summary, text.as_bytes())
        .map_err(|e| write_error(&report.summary, e))?;
    Ok(report)
}

/// The Markdown summary.
pub fn summary(scenario: &Scenario, original: Option<&Scenario>, run: &Simulation) -> String {
    let mut out = String::new();
    let meta = &scenario.meta;
    let (end_year, end_quarter) = meta.start.at_tick(scenario.horizon);
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# Report: {}\n", meta.title);
    if !meta.description.0.is_empty() {
        let _ = writeln!(out, "{}\n", meta.description);
    }
    let _ = writeln!(
        out,
        "Run of {} ticks from {} Q{} to {end_year} Q{end_quarter}, seed {}.\n",
        scenario.horizon, meta.start.year, meta.start.quarter, scenario.seed
    );
    if let Some(exercise) = &scenario.exercise {
        if !exercise.objectives.is_empty() {
            let _ = writeln!(out, "## Learning objectives\n");
            for objective in &exercise.objectives {
                let _ = writeln!(out, "- {objective}");
            }
            out.push('\n');
        }
        let outcomes = evaluate(exercise, run, scenario.horizon);
        let met = outcomes
            .iter()
            .filter(|o| o.standing == Standing::Met)
            .count();
        let _ = writeln!(out, "## Goals: {met} of {} met\n", outcomes.len());
        let _ = writeln!(out, "| Goal | Outcome | Why |\n|---|---|---|");
        for (goal, outcome) in exercise.goals.iter().zip(&outcomes) {
            let _ = writeln!(
                out,
                "| {} | **{}** | {} |",
                cell(&goal.text.0),
                outcome.standing.label(),
                cell(&outcome.reason)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Decisions\n");
    if scenario.events.is_empty() {
        let _ = writeln!(out, "No events on the timeline.\n");
    } else {
        let _ = writeln!(out, "| Event | By |\n|---|---|");
        for event in &scenario.events {
            let added = original.is_some_and(|o| !o.events.contains(event));
            let _ = writeln!(
                out,
                "| {} | {} |",
                cell(&describe::event(scenario, event)),
                if added { "**student**" } else { "scenario" }
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Results\n\n![Regional stability](stability.png)\n");
    let _ = writeln!(out, "| Region | Start | Lowest | End |\n|---|---|---|---|");
    let by_region = region_stability_by_tick(run);
    for (r, region) in run.world().regions.iter().enumerate() {
        let values = &by_region[r];
        let (low_tick, low) = values
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((0, f64::NAN));
        let _ = writeln!(
            out,
            "| {} | {:.2} | {low:.2} (tick {low_tick}) | {:.2} |",
            region.name.or_id(region.id.as_str()).to_owned(),
            values.first().copied().unwrap_or(f64::NAN),
            values.last().copied().unwrap_or(f64::NAN),
        );
    }
    out.push('\n');
    if let Some(exercise) = &scenario.exercise
        && !exercise.debrief.is_empty()
    {
        let _ = writeln!(out, "## Debrief questions\n");
        for (k, question) in exercise.debrief.iter().enumerate() {
            let _ = writeln!(out, "{}. {question}", k + 1);
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "The whole run is in `run.csv` (one row per value and tick)."
    );
    out
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Each region's stability index at every computed tick, in one pass over the run.
fn region_stability_by_tick(run: &Simulation) -> Vec<Vec<f64>> {
    let mut by_region = vec![Vec::new(); run.world().regions.len()];
    run.for_each_state(0, run.tick(), |state| {
        for (values, &value) in by_region.iter_mut().zip(&state.region_stability) {
            values.push(value);
        }
    });
    by_region
}
