//! Kept runs saved beside their scenario (`mesa.ron` → `mesa.runs.ron`), so that a class can
//! share a baseline and its branches. Each run is saved as its whole scenario: a run is
//! deterministic, so the scenario is the run, on any machine. Read with the same limits and
//! checks as a scenario file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::limits::{MAX_FILE_BYTES, MAX_NESTING};
use crate::model::{FORMAT_VERSION, Scenario, validate};

use super::diagnostic::Diagnostic;
use super::load::LoadError;

/// The runs file of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedRuns {
    /// The format version of the scenarios inside.
    pub format_version: u32,
    /// The runs, oldest first.
    pub runs: Vec<SavedRun>,
    /// The run the current one is compared with, by name.
    #[serde(default)]
    pub compared: Option<String>,
}

/// One kept run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedRun {
    /// Its name.
    pub name: String,
    /// Whether the plot draws it.
    #[serde(default = "shown")]
    pub shown: bool,
    /// The scenario it is the run of.
    pub scenario: Scenario,
}

fn shown() -> bool {
    true
}

/// Where the runs of the scenario at `path` are kept.
pub fn runs_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.runs.ron"))
}

const HEADER: &str = "// Runs kept beside a scenario by Entente: each is the whole scenario that makes it (docs/FORMAT.md, \"Kept runs\").\n";

/// Writes `runs` beside the scenario at `path` (atomically), or removes the runs file when
/// there are none left.
pub fn save_runs(path: &Path, runs: &SavedRuns) -> std::io::Result<()> {
    let target = runs_path(path);
    if runs.runs.is_empty() {
        return match std::fs::remove_file(&target) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        };
    }
    let mut canonical = runs.clone();
    for run in &mut canonical.runs {
        run.scenario.canonicalize();
    }
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(&canonical, config).map_err(std::io::Error::other)?;
    super::save::write_atomically(&target, format!("{HEADER}{body}\n").as_bytes())
}

/// The runs kept beside the scenario at `path`: None when there is no runs file, every problem
/// located when it cannot be read or one of its scenarios is invalid.
pub fn load_runs(path: &Path) -> Option<Result<SavedRuns, LoadError>> {
    let target = runs_path(path);
    let bytes = match std::fs::read(&target) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(source) => {
            return Some(Err(LoadError::Io {
                path: target,
                source,
            }));
        }
        Ok(bytes) => bytes,
    };
    Some(parse(&bytes))
}

fn parse(bytes: &[u8]) -> Result<SavedRuns, LoadError> {
    let invalid = |message: String| LoadError::Invalid(vec![Diagnostic::file(message)]);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(invalid(format!(
            "the runs file is larger than {} MiB",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| invalid("the runs file is not UTF-8 text".to_owned()))?;
    let saved: SavedRuns = ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|error| {
            LoadError::Invalid(vec![Diagnostic {
                position: Some(super::locate::Position {
                    line: error.span.start.line,
                    col: error.span.start.col,
                }),
                path: None,
                message: error.code.to_string(),
            }])
        })?;
    if saved.format_version > FORMAT_VERSION {
        return Err(invalid(format!(
            "the runs were saved by a newer Entente (format {}); please update Entente",
            saved.format_version
        )));
    }
    let mut problems = Vec::new();
    for run in &saved.runs {
        if let Some(problem) = validate(&run.scenario).into_iter().next() {
            problems.push(Diagnostic::file(format!(
                "run \"{}\": {} (at {})",
                run.name, problem.message, problem.path
            )));
        }
    }
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    let mut saved = saved;
    for run in &mut saved.runs {
        run.scenario.canonicalize();
    }
    Ok(saved)
}

/// A scenario named on the command line: `FILE.ron`, or `FILE.ron#RUN` for the run called RUN
/// kept beside it. Returns the scenario and the name it goes by.
pub fn load_named(spec: &str) -> Result<(Scenario, String), String> {
    let (file, run) = match spec.rsplit_once('#') {
        Some((file, run)) if !run.is_empty() => (file, Some(run)),
        _ => (spec, None),
    };
    let path = Path::new(file);
    let render = |error: LoadError, name: &str| error.render(name).join("\n");
    let Some(run) = run else {
        let scenario = super::load_file(path).map_err(|error| render(error, file))?;
        return Ok((scenario, file.to_owned()));
    };
    let runs_name = runs_path(path).display().to_string();
    let saved = load_runs(path)
        .ok_or_else(|| format!("{file} has no kept runs ({runs_name} does not exist)"))?
        .map_err(|error| render(error, &runs_name))?;
    let names: Vec<&str> = saved.runs.iter().map(|r| r.name.as_str()).collect();
    saved
        .runs
        .iter()
        .find(|r| r.name == run)
        .map(|r| (r.scenario.clone(), spec.to_owned()))
        .ok_or_else(|| {
            format!(
                "{runs_name} keeps no run \"{run}\"; it keeps: {}",
                names.join(", ")
            )
        })
}
