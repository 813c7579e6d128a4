//! File dialogs: the operating system's (rfd) behind a trait, so tests can answer them, and the
//! test for whether there is one. Where there is none (a Linux desktop without a file-chooser
//! portal or zenity, as on many classroom machines) the app draws its own
//! (`ui/file_dialog.rs`) instead of failing silently.

use std::path::{Path, PathBuf};

/// Asks the user for files to open and save.
pub trait FileDialogs {
    /// Whether these dialogs can be shown at all; when not, the app shows its own.
    fn available(&self) -> bool {
        true
    }
    /// A scenario file to open, or None if the user cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save, suggesting `file_name`; None if the user cancelled.
    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf>;
    /// Where to export a `extension` file (csv, png), suggesting `file_name`. Answered like a
    /// save unless a dialog knows better.
    fn pick_export(&mut self, file_name: &str, extension: &str) -> Option<PathBuf> {
        let _ = extension;
        self.pick_save(file_name)
    }
    /// A folder to write into (a report), suggesting `name`. Answered like a save unless a
    /// dialog knows better.
    fn pick_folder(&mut self, name: &str) -> Option<PathBuf> {
        self.pick_save(name)
    }
}

/// The operating system's dialogs (rfd), filtered to `.ron` scenario files.
pub struct NativeDialogs {
    /// The folder dialogs start in.
    pub folder: Option<PathBuf>,
    /// Whether the system has a file dialog (see [`native_dialogs_available`]).
    pub available: bool,
}

impl NativeDialogs {
    /// The system's dialogs, starting in `folder`, if the system has them.
    pub fn new(folder: Option<PathBuf>) -> Self {
        Self {
            folder,
            available: native_dialogs_available(&DialogEnvironment::of_this_process()),
        }
    }

    fn dialog(&self) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new().add_filter("Entente scenario", &["ron"]);
        match &self.folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn available(&self) -> bool {
        self.available
    }

    fn pick_open(&mut self) -> Option<PathBuf> {
        self.dialog().set_title("Open scenario").pick_file()
    }

    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf> {
        self.dialog()
            .set_title("Save scenario")
            .set_file_name(file_name)
            .save_file()
    }

    fn pick_folder(&mut self, name: &str) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new().set_title(format!("Folder for the report ({name})"));
        match &self.folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
        .pick_folder()
    }

    fn pick_export(&mut self, file_name: &str, extension: &str) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new()
            .add_filter(extension.to_uppercase(), &[extension])
            .set_title("Export")
            .set_file_name(file_name);
        match &self.folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
        .save_file()
    }
}

/// What decides whether the system has file dialogs: read from the environment once, and made
/// up in tests.
#[derive(Clone, Debug, Default)]
pub struct DialogEnvironment {
    /// `ENTENTE_FILE_DIALOG`: `in-app` always uses the app's own dialog, `native` never does.
    pub choice: Option<String>,
    /// The folders of `PATH` (rfd falls back to `zenity` when there is no portal).
    pub path: Vec<PathBuf>,
    /// The folders of `XDG_DATA_DIRS` (where portal back-ends are described).
    pub data_dirs: Vec<PathBuf>,
    /// Whether a desktop session bus is there to reach a portal on.
    pub session_bus: bool,
}

impl DialogEnvironment {
    /// This process's environment.
    pub fn of_this_process() -> Self {
        let list = |name: &str, default: &str| -> Vec<PathBuf> {
            let value = std::env::var_os(name).unwrap_or_else(|| default.into());
            std::env::split_paths(&value)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        };
        let runtime_bus = std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
        Self {
            choice: std::env::var("ENTENTE_FILE_DIALOG").ok(),
            path: list("PATH", ""),
            data_dirs: list("XDG_DATA_DIRS", "/usr/local/share:/usr/share"),
            session_bus: std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || runtime_bus,
        }
    }
}

/// Whether the operating system can show a file dialog. Windows and macOS always can. On Linux
/// and the BSDs rfd asks the desktop's file-chooser portal over the session bus, and falls back
/// to `zenity`; with neither it returns nothing, as if the user had cancelled. So: a portal
/// back-end that offers a file chooser (a `*.portal` file naming
/// `org.freedesktop.impl.portal.FileChooser`) and a session bus to reach it, or `zenity` on the
/// `PATH`. `ENTENTE_FILE_DIALOG=in-app` or `=native` overrides the guess.
pub fn native_dialogs_available(environment: &DialogEnvironment) -> bool {
    match environment.choice.as_deref() {
        Some("in-app") => return false,
        Some("native") => return true,
        _ => {}
    }
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let zenity = environment
        .path
        .iter()
        .any(|folder| folder.join("zenity").is_file());
    let portal = environment.session_bus
        && environment.data_dirs.iter().any(|folder| {
            let Ok(entries) = std::fs::read_dir(folder.join("xdg-desktop-portal/portals")) else {
                return false;
            };
            entries.flatten().any(|entry| {
                std::fs::read_to_string(entry.path())
                    .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
        });
    zenity || portal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    #[test]
    fn a_file_chooser_portal_or_zenity_makes_native_dialogs_available() {
        let root = tempfile::tempdir().unwrap();
        let bin = root.path().join("bin");
        let share = root.path().join("share");
        let portals = share.join("xdg-desktop-portal/portals");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&portals).unwrap();
        let mut environment = DialogEnvironment {
            choice: None,
            path: vec![bin.clone()],
            data_dirs: vec![share],
            session_bus: true,
        };
        // A bare machine: nothing to show a dialog with.
        assert!(!native_dialogs_available(&environment));
        // A portal back-end without a file chooser does not count.
        std::fs::write(
            portals.join("x.portal"),
            "Interfaces=org.freedesktop.impl.portal.Screenshot",
        )
        .unwrap();
        assert!(!native_dialogs_available(&environment));
        std::fs::write(
            portals.join("gtk.portal"),
            "Interfaces=org.freedesktop.impl.portal.FileChooser;",
        )
        .unwrap();
        assert!(native_dialogs_available(&environment));
        // …but only with a session bus to reach it.
        environment.session_bus = false;
        assert!(!native_dialogs_available(&environment));
        std::fs::write(bin.join("zenity"), "").unwrap();
        assert!(native_dialogs_available(&environment));
        // The teacher's choice wins.
        environment.choice = Some("in-app".to_owned());
        assert!(!native_dialogs_available(&environment));
        environment.choice = Some("native".to_owned());
        environment.path.clear();
        assert!(native_dialogs_available(&environment));
    }
}
