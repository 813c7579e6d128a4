//! The scenario as data: ids, nations, regions, relations, alliances, treaties, interventions,
//! timeline events and parameters, with validation. Pure data and serde; no files, no clock.

pub mod canonical;
pub mod construct;
pub mod describe;
pub mod exercise;
pub mod generate;
pub mod ids;
pub mod knobs;
pub mod limits;
pub mod params;
pub mod path;
pub mod refs;
pub mod scenario;
pub mod text;
pub mod validate;

pub use exercise::Exercise;
pub use ids::{AllianceId, InterventionId, NationId, RegionId, TreatyId};
pub use params::{ParamOverrides, Params};
pub use path::{Path, Seg};
pub use scenario::*;
pub use text::Text;
pub use validate::{Problem, validate};
