//! The deterministic engine: world state at a tick, the step, rules, the ledger of named terms,
//! the regional stability index and the seeded random numbers. No egui, no files, no clock.

pub mod agreements;
pub mod balance;
pub mod bounded;
pub mod calibrate;
pub mod derived;
pub mod draws;
pub mod dyads;
pub mod ensemble;
pub mod events;
pub mod goals;
pub mod hazards;
pub mod ids;
pub mod index;
pub mod intervention;
pub mod landscape;
pub mod ledger;
pub mod links;
pub mod neighbourhood;
pub mod network;
pub mod observe;
pub mod origins;
pub mod random_events;
pub mod reference;
pub mod rng;
pub mod rules;
pub mod run;
pub mod small_gain;
pub mod stability;
pub mod state;
pub mod step;
pub mod sweep;
pub mod threat;
pub mod world;

pub use ids::{AllianceIx, EventIx, InterventionIx, NationIx, RegionIx, TreatyIx};
pub use ledger::{Cause, Change, Entity, Term, TickLedger, Trigger};
pub use run::{Simulation, start};
pub use state::State;
pub use world::{InvalidScenario, World};
