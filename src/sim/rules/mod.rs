//! The continuous update rules of MODEL.md 2.5, one file per group of blocks.

pub mod alliances;
pub mod arms;
pub mod balance_pull;
pub mod domestic;
pub mod economy;
pub mod relations;
