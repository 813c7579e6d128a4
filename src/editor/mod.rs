//! The editor: everything the app does with a scenario that is not drawing. The open document
//! with its undo history and run, the edits it accepts, the selection, the classroom session,
//! what the canvas, plot and Why panel show, layout and autosave.
//!
//! Nothing here imports egui, eframe or rfd (`tests/files/architecture.rs` checks it), so the
//! editor's behaviour is tested without a window and the GUI stays a thin layer that draws it.

pub mod autosave;
mod background;
pub mod compare;
pub mod document;
pub mod edit;
pub mod exercise;
pub mod explain;
pub mod focus;
pub mod goal_marks;
pub mod layout;
pub mod model_events;
pub mod prefs;
pub mod run_cache;
pub mod runs;
pub mod seeds;
pub mod selection;
pub mod series;
pub mod shown;

pub use document::Document;
pub use selection::{Item, Selection};
