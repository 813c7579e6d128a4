//! The app's own file dialog, for machines whose system shows none (`app/dialogs.rs` decides):
//! a window listing the folder's files, a name field and a button that says what it will do.
//! What the user chose goes back as an intent; the app, not this window, opens or writes files.

use std::path::{Path, PathBuf};

use egui_file::{FileDialog, State};

use crate::app::command::Intent;

/// What the dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asking {
    /// A scenario file to open (only `.ron` files are listed).
    Open,
    /// Where to write a file, with a suggested name.
    Save,
    /// A folder to write into.
    Folder,
}

/// An open dialog.
pub struct InAppFileDialog {
    dialog: FileDialog,
}

impl std::fmt::Debug for InAppFileDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InAppFileDialog")
            .field("folder", &self.dialog.directory())
            .finish()
    }
}

/// The label of the button that confirms, by what the dialog asks for.
pub fn confirm_label(asking: Asking) -> &'static str {
    match asking {
        Asking::Open => "Open this file",
        Asking::Save => "Save here",
        Asking::Folder => "Use this folder",
    }
}

impl InAppFileDialog {
    /// A dialog titled `title`, asking for `asking`, starting in `folder` with `name` suggested.
    pub fn open(asking: Asking, title: &str, folder: &Path, name: &str) -> Self {
        let dialog = match asking {
            Asking::Open => FileDialog::open_file().show_files_filter(Box::new(|path: &Path| {
                path.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            })),
            Asking::Save => FileDialog::save_file().default_filename(name),
            Asking::Folder => FileDialog::select_folder(),
        };
        let label = confirm_label(asking);
        let mut dialog = dialog
            .title(title)
            .id(egui::Id::unique("entente file dialog"))
            .initial_path(folder.to_path_buf())
            // Renaming and making folders are the file manager's job, not a save dialog's.
            .show_rename(false)
            .show_new_folder(false)
            .open_button_text(label.into())
            .save_button_text(label.into())
            .cancel_button_text("Cancel".into())
            .default_size(egui::vec2(560.0, 420.0));
        dialog.open();
        Self { dialog }
    }
}

/// Draws the dialog while one is open; when it closes, pushes what was chosen (or None) and
/// forgets it.
pub fn file_dialog_ui(
    ctx: &egui::Context,
    open: &mut Option<InAppFileDialog>,
    intents: &mut Vec<Intent>,
) {
    let Some(in_app) = open else {
        return;
    };
    let chosen: Option<Option<PathBuf>> = match in_app.dialog.show(ctx).state() {
        State::Open => None,
        State::Selected => Some(in_app.dialog.path().map(Path::to_path_buf)),
        State::Cancelled | State::Closed => Some(None),
    };
    if let Some(chosen) = chosen {
        intents.push(Intent::FileChosen(chosen));
        *open = None;
    }
}
