//! Entente: a desktop strategy sandbox for military diplomacy.
//!
//! Layers, with imports pointing one way only:
//!
//! - [`model`]: the scenario as data (nations, regions, relations, alliances, treaties,
//!   interventions, timeline events, parameters) and its validation. Pure data and serde.
//! - [`sim`]: the deterministic engine (state, step, rules, ledger, regional index, seeded
//!   random numbers). Depends on `model` only; no files, no clock, no GUI.
//! - [`io`]: RON load and save (format versions, migration, atomic writes), CSV export and the
//!   bundled scenarios. Depends on `model` and `sim`.
//! - [`cli`]: headless commands built on `model`, `sim` and `io`. Never imports egui.
//! - [`editor`]: the open document, its edits, undo and run, the selection, the classroom
//!   session and what the views show, without drawing anything. Depends on `model`, `sim` and
//!   `io`; never imports egui.
//! - [`app`]: the eframe GUI, the only module that knows egui, eframe and rfd. It draws the
//!   editor's state and turns what the user does into intents.

pub mod app;
pub mod cli;
pub mod editor;
pub mod io;
pub mod model;
pub mod sim;
