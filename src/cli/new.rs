//! `entente new`, `entente examples` and `entente generate`.

use std::path::Path;

use anyhow::Context;

use crate::io::library::{EXAMPLES, example};
use crate::io::write_atomically;

/// Writes the bundled scenario `name` to `out`, refusing to overwrite an existing file.
pub fn new(out: &Path, name: &str) -> anyhow::Result<()> {
    let Some(chosen) = example(name) else {
        let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
        anyhow::bail!(
            "there is no bundled scenario \"{name}\"; choose one of: {}",
            names.join(", ")
        );
    };
    refuse_to_overwrite(out)?;
    write_atomically(out, chosen.text.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))
}

fn refuse_to_overwrite(out: &Path) -> anyhow::Result<()> {
    if out.exists() {
        anyhow::bail!(
            "{} already exists; choose another name or delete it first",
            out.display()
        );
    }
    Ok(())
}

/// The list printed by `entente examples`.
pub fn examples() -> String {
    let width = EXAMPLES.iter().map(|e| e.name.len()).max().unwrap_or(0);
    EXAMPLES
        .iter()
        .map(|e| format!("{:width$}  {}\n", e.name, e.summary))
        .collect()
}

/// Writes a generated scenario of `size` to `out`, refusing to overwrite an existing file. The
/// file comes laid out by region, so it opens as clusters rather than one circle of crossing
/// lines.
pub fn generate(size: crate::model::generate::Size, seed: u64, out: &Path) -> anyhow::Result<()> {
    refuse_to_overwrite(out)?;
    let mut scenario = crate::model::generate::generate(size, seed);
    scenario.layout.positions = crate::editor::layout::region_layout(&scenario);
    crate::io::save_file(&scenario, out)?;
    Ok(())
}
