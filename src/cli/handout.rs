//! `entente handout EXERCISE.ron --out STUDENT.ron`: the student's copy of an exercise.

use std::path::Path;

use anyhow::Context;

use crate::io::{load_file, save_file};

/// Writes the student's copy of the exercise in `file` to `out` (teacher notes removed, marked
/// so that the app does not enter teacher mode), refusing to overwrite an existing file.
pub fn handout(file: &Path, out: &Path) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let scenario =
        load_file(file).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))?;
    let Some(copy) = crate::model::exercise::handout(&scenario) else {
        anyhow::bail!("{name} has no exercise block, so there is nothing to hand out");
    };
    if out.exists() {
        anyhow::bail!(
            "{} already exists; choose another name or delete it first",
            out.display()
        );
    }
    save_file(&copy, out).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(())
}
