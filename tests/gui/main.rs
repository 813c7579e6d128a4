//! The app driven headless through its accessibility tree (egui_kittest).
//!
//! One test binary for a group of test files: each links the whole crate once, not once a file.

#[path = "../common/mod.rs"]
mod common;

mod app_ui;
mod editor_ui;
mod exercise_editor_ui;
mod exercise_ui;
mod file_dialog_ui;
mod find_ui;
mod focus_ui;
mod layout_ui;
mod monkey_ui;
mod runs_ui;
mod scale_ui;
mod timeline_ui;
mod world_ui;
