//! `entente report FILE --out DIR [--original FILE]`: the report a student hands in.

use std::path::Path;

use crate::io::load_file;
use crate::io::report::{self, Report};

/// Loads `file` (and the scenario as handed out, to mark the student's own events), runs it and
/// writes the report into `out`.
pub fn report(file: &Path, out: &Path, original: Option<&Path>) -> anyhow::Result<Report> {
    let load = |path: &Path| {
        let name = path.display().to_string();
        load_file(path).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))
    };
    let scenario = load(file)?;
    let original = original.map(load).transpose()?;
    Ok(report::write(&scenario, original.as_ref(), out)?)
}
