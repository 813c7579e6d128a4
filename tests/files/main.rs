//! Everything around the engine that needs no window: the scenario format and its errors,
//! hostile files, crash-safe saves, the command line, document edits, the docs and the layer rules.
//!
//! One test binary for a group of test files: each links the whole crate once, not once a file.

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod cli;
mod crash_safety;
mod docs;
mod edit_sequences;
mod format_errors;
mod format_roundtrip;
mod hostile_input;
mod loader_robustness;
