//! Native file dialogs behind a trait, so tests can answer them.

use std::path::PathBuf;

/// Asks the user for files to open and save.
pub trait FileDialogs {
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
}

impl NativeDialogs {
    fn dialog(&self) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new().add_filter("Entente scenario", &["ron"]);
        match &self.folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
    }
}

impl FileDialogs for NativeDialogs {
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
