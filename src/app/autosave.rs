//! Autosave: while there are unsaved changes, the scenario is written to the app's data folder
//! every minute; a clean close removes it, so one found at start means work to recover.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::Scenario;

/// The autosave file of one data folder.
#[derive(Clone, Debug)]
pub struct Autosave {
    file: PathBuf,
}

/// Seconds between autosaves while the document is dirty.
pub const INTERVAL_SECONDS: f64 = 60.0;

/// What an autosave found at start holds.
pub enum Found {
    /// Nothing to recover.
    Nothing,
    /// A scenario to offer.
    Scenario(Box<Scenario>),
    /// An unreadable autosave, moved aside to this file.
    SetAside(PathBuf),
}

impl Autosave {
    /// The autosave in `folder` (created on the first write).
    pub fn in_folder(folder: &Path) -> Self {
        Self {
            file: folder.join("autosave.ron"),
        }
    }

    /// The file written.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Writes the scenario atomically.
    pub fn write(&self, scenario: &Scenario) -> Result<(), String> {
        if let Some(folder) = self.file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
        }
        io::save_file(scenario, &self.file).map_err(|e| e.to_string())
    }

    /// Removes the autosave (after a save, a discard or a clean close).
    pub fn clear(&self) {
        // A missing file is the normal case.
        let _ = std::fs::remove_file(&self.file);
    }

    /// What the last session left behind. An autosave that no longer loads is renamed aside,
    /// never deleted, and never stops the app from starting.
    pub fn find(&self) -> Found {
        if !self.file.exists() {
            return Found::Nothing;
        }
        match io::load_file(&self.file) {
            Ok(scenario) => Found::Scenario(Box::new(scenario)),
            Err(_) => {
                let aside = self.file.with_extension("ron.unreadable");
                match std::fs::rename(&self.file, &aside) {
                    Ok(()) => Found::SetAside(aside),
                    Err(_) => Found::Nothing,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_autosave_is_found_until_cleared_and_a_broken_one_is_set_aside() {
        let folder = tempfile::tempdir().unwrap();
        let autosave = Autosave::in_folder(&folder.path().join("data"));
        assert!(matches!(autosave.find(), Found::Nothing));
        let scenario = io::load_str(io::library::default_example().text).unwrap();
        autosave.write(&scenario).unwrap();
        match autosave.find() {
            Found::Scenario(found) => assert_eq!(*found, scenario),
            _ => panic!("autosave not found"),
        }
        autosave.clear();
        assert!(matches!(autosave.find(), Found::Nothing));
        std::fs::write(autosave.file(), "(((broken").unwrap();
        assert!(matches!(autosave.find(), Found::SetAside(path) if path.exists()));
        assert!(!autosave.file().exists());
    }
}
