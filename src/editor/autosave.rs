//! Autosave: while there are unsaved changes, the scenario is written to the app's data folder
//! every minute as a new numbered version (`autosave-000042.ron`), and the last
//! [`KEPT_VERSIONS`] are kept. Saving, discarding or closing cleanly removes them, so versions
//! found at start mean work to recover: the newest that still loads is offered, and any newer
//! one that does not is set aside (renamed, never deleted) with a message.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::Scenario;

/// The autosaves of one data folder.
#[derive(Clone, Debug)]
pub struct Autosave {
    folder: PathBuf,
}

/// Seconds between autosaves while the document is dirty.
pub const INTERVAL_SECONDS: f64 = 60.0;

/// How many autosave versions are kept.
pub const KEPT_VERSIONS: usize = 3;

/// The single autosave file of earlier Entente versions, read as the oldest version.
const LEGACY_FILE: &str = "autosave.ron";

/// An autosave that loads.
#[derive(Debug)]
pub struct Recovered {
    /// What it holds.
    pub scenario: Box<Scenario>,
    /// Its file.
    pub file: PathBuf,
}

/// What the autosaves found at start hold.
#[derive(Debug, Default)]
pub struct Found {
    /// The newest autosave that loads, if any.
    pub newest: Option<Recovered>,
    /// Newer autosaves that did not load, each renamed aside to the path given.
    pub set_aside: Vec<PathBuf>,
}

/// Why an autosave could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// The app's data folder could not be created.
    #[error("cannot create {}: {source}", folder.display())]
    Folder {
        /// The folder.
        folder: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The version could not be saved.
    #[error(transparent)]
    Save(#[from] io::SaveError),
}

impl Autosave {
    /// The autosaves in `folder` (created on the first write).
    pub fn in_folder(folder: &Path) -> Self {
        Self {
            folder: folder.to_owned(),
        }
    }

    /// The autosave files present, newest first.
    pub fn versions(&self) -> Vec<PathBuf> {
        let mut numbered: Vec<(u64, PathBuf)> = std::fs::read_dir(&self.folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| Some((Self::number_of(&entry.path())?, entry.path())))
            .collect();
        numbered.sort_by_key(|&(number, _)| std::cmp::Reverse(number));
        let mut versions: Vec<PathBuf> = numbered.into_iter().map(|(_, path)| path).collect();
        let legacy = self.folder.join(LEGACY_FILE);
        if legacy.is_file() {
            versions.push(legacy);
        }
        versions
    }

    fn number_of(path: &Path) -> Option<u64> {
        path.file_name()?
            .to_str()?
            .strip_prefix("autosave-")?
            .strip_suffix(".ron")?
            .parse()
            .ok()
    }

    /// Writes the scenario as a new version, atomically, and removes versions beyond the last
    /// [`KEPT_VERSIONS`]. Returns the file written.
    pub fn write(&self, scenario: &Scenario) -> Result<PathBuf, AutosaveError> {
        std::fs::create_dir_all(&self.folder).map_err(|source| AutosaveError::Folder {
            folder: self.folder.clone(),
            source,
        })?;
        let versions = self.versions();
        let next = versions
            .iter()
            .filter_map(|path| Self::number_of(path))
            .max()
            .map_or(1, |n| n + 1);
        let file = self.folder.join(format!("autosave-{next:06}.ron"));
        io::save_file(scenario, &file)?;
        // The new file is in place before any old one goes.
        for old in versions.iter().skip(KEPT_VERSIONS - 1) {
            let _ = std::fs::remove_file(old);
        }
        Ok(file)
    }

    /// Removes every autosave version (after a save, a discard or a clean close).
    pub fn clear(&self) {
        for file in self.versions() {
            // A file already gone is what we wanted.
            let _ = std::fs::remove_file(file);
        }
    }

    /// What the last session left behind: the newest version that loads. Newer versions that
    /// no longer load are renamed aside (`….ron.unreadable`), never deleted, and never stop the
    /// app from starting.
    pub fn find(&self) -> Found {
        let mut found = Found::default();
        for file in self.versions() {
            match io::load_file(&file) {
                Ok(scenario) => {
                    found.newest = Some(Recovered {
                        scenario: Box::new(scenario),
                        file,
                    });
                    break;
                }
                Err(_) => {
                    let aside = file.with_extension("ron.unreadable");
                    if std::fs::rename(&file, &aside).is_ok() {
                        found.set_aside.push(aside);
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(title: &str) -> Scenario {
        let mut scenario = io::load_str(io::library::default_example().text).unwrap();
        scenario.meta.title.0 = title.to_owned();
        scenario
    }

    #[test]
    fn the_last_versions_are_kept_and_the_newest_is_found() {
        let folder = tempfile::tempdir().unwrap();
        let autosave = Autosave::in_folder(&folder.path().join("data"));
        assert!(autosave.find().newest.is_none());
        for k in 1..=5 {
            autosave.write(&scenario(&format!("version {k}"))).unwrap();
        }
        assert_eq!(autosave.versions().len(), KEPT_VERSIONS);
        let found = autosave.find();
        assert_eq!(found.newest.unwrap().scenario.meta.title.0, "version 5");
        assert!(found.set_aside.is_empty());
        autosave.clear();
        assert!(autosave.versions().is_empty());
        assert!(autosave.find().newest.is_none());
    }

    #[test]
    fn a_corrupted_newest_version_is_set_aside_and_the_one_before_is_found() {
        let folder = tempfile::tempdir().unwrap();
        let autosave = Autosave::in_folder(folder.path());
        autosave.write(&scenario("good")).unwrap();
        let newest = autosave.write(&scenario("about to break")).unwrap();
        std::fs::write(&newest, "(((broken").unwrap();
        let found = autosave.find();
        assert_eq!(found.newest.unwrap().scenario.meta.title.0, "good");
        assert_eq!(found.set_aside.len(), 1);
        assert!(found.set_aside[0].exists());
        assert!(!newest.exists());
        // Nothing readable at all: nothing to offer, everything set aside.
        let empty = tempfile::tempdir().unwrap();
        let broken = Autosave::in_folder(empty.path());
        std::fs::write(empty.path().join("autosave-000001.ron"), "\0\0").unwrap();
        std::fs::write(empty.path().join("autosave.ron"), "").unwrap();
        let found = broken.find();
        assert!(found.newest.is_none());
        assert_eq!(found.set_aside.len(), 2);
    }

    #[test]
    fn the_autosave_of_earlier_versions_is_read_as_the_oldest() {
        let folder = tempfile::tempdir().unwrap();
        let autosave = Autosave::in_folder(folder.path());
        io::save_file(&scenario("legacy"), &folder.path().join("autosave.ron")).unwrap();
        assert_eq!(
            autosave.find().newest.unwrap().scenario.meta.title.0,
            "legacy"
        );
        autosave.write(&scenario("new")).unwrap();
        assert_eq!(autosave.find().newest.unwrap().scenario.meta.title.0, "new");
    }
}
