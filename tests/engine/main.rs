//! The model and the simulation: the engine's contracts, model 2's promises, the stylized
//! facts, causes, locality, determinism and the bundled scenarios' golden runs.
//!
//! One test binary for a group of test files: each links the whole crate once, not once a file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/generated.rs"]
mod generated;

mod causes;
mod checkpoints;
mod compare;
mod determinism;
mod engine_skeleton;
mod ensemble;
mod goals;
mod golden;
mod landscape_balance;
mod library;
mod locality;
mod model_v2;
mod properties;
mod random_events;
mod resume;
mod richardson;
mod stability_report;
mod stylized_facts;
mod sweep;
mod world_today;
