//! Writing scenario files: canonical text, written atomically.

use std::io::Write;
use std::path::Path;

use crate::model::Scenario;

/// Why a scenario could not be saved. The previous file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The scenario could not be turned into RON (a number RON cannot write, for instance).
    #[error("cannot write the scenario as RON: {0}")]
    Format(#[from] ron::Error),
    /// The comments of the file about to be replaced could not be kept beside it, so it was
    /// not replaced.
    #[error("cannot keep the comments of {} in {}: {source}; nothing was saved", path.display(), super::comments::companion(path).display())]
    Comments {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file system refused.
    #[error("cannot save {}: {source}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

const HEADER: &str = "// Entente scenario, format version 1: see docs/FORMAT.md.\n";

/// The canonical text of a scenario: saving the same scenario twice gives identical bytes.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, ron::Error> {
    let mut canonical = scenario.clone();
    canonical.canonicalize();
    // Node positions to a tenth of a canvas unit: a drag leaves float noise ("123.45679")
    // that a hand-written file did not have and nobody can see.
    for position in canonical.layout.positions.values_mut() {
        *position = (tenths(position.0), tenths(position.1));
    }
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let body = ron::ser::to_string_pretty(&canonical, config)?;
    let body = sources_one_per_line(&body, &canonical)?;
    // RON's writer escapes every apostrophe ("Gaddafi\'s"); a double-quoted string needs no
    // such escape, and a teacher reading the file should not see one. The writer escapes each
    // backslash too, so every `\'` it writes is an escaped apostrophe.
    let body = body.replace("\\'", "'");
    Ok(format!("{HEADER}{body}\n"))
}

/// The pretty printer writes lists two levels down on one line; the sources, long citations,
/// read better one per line, as people write them.
fn sources_one_per_line(body: &str, scenario: &Scenario) -> Result<String, ron::Error> {
    let sources = &scenario.meta.sources;
    if sources.is_empty() {
        return Ok(body.to_owned());
    }
    let items = sources
        .iter()
        .map(|source| ron::to_string(&source.0))
        .collect::<Result<Vec<String>, _>>()?;
    let inline = format!("        sources: [{}],\n", items.join(", "));
    let mut listed = "        sources: [\n".to_owned();
    for item in &items {
        listed.push_str(&format!("            {item},\n"));
    }
    listed.push_str("        ],\n");
    Ok(body.replacen(&inline, &listed, 1))
}

fn tenths(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

/// What a save did besides writing the scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Where the comments of the file it replaced were kept, if it had any.
    pub comments_kept: Option<std::path::PathBuf>,
}

/// Saves a scenario atomically: the text goes to a temporary file in the same folder, is flushed
/// to disk, then renamed over `path`. A crash at any moment leaves either the old or the new file.
/// The comments of a file it replaces are kept first in a companion file (`io::comments`).
pub fn save_file(scenario: &Scenario, path: &Path) -> Result<Saved, SaveError> {
    let text = to_ron_string(scenario)?;
    let comments_kept =
        super::comments::keep(path, HEADER).map_err(|source| SaveError::Comments {
            path: path.to_owned(),
            source,
        })?;
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(Saved { comments_kept })
}

/// Writes bytes to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".entente-save-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.flush()?;
    // A temporary file is private (0600); a saved document is readable like any other (or
    // keeps the mode of the file it replaces), so a colleague on the same machine can open it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        temporary
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}
