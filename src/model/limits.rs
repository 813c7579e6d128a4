//! Hard limits on what a scenario may contain.
//!
//! They are enforced while the file is read (a list stops being read at its limit, a string is
//! refused before it is copied), so a hostile file cannot make Entente spend memory or time on it.

/// Largest scenario file read, in bytes (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most nations in one scenario.
pub const MAX_NATIONS: usize = 5_000;
/// Most listed relations (dyads) in one scenario.
pub const MAX_RELATIONS: usize = 200_000;
/// Most timeline events in one scenario.
pub const MAX_EVENTS: usize = 100_000;
/// Longest string (title, description, name, id), in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Most regions in one scenario.
pub const MAX_REGIONS: usize = 1_000;
/// Most proximity entries between regions.
pub const MAX_PROXIMITY: usize = 200_000;
/// Most alliances, and most treaties, listed at load.
pub const MAX_AGREEMENTS: usize = 100_000;
/// Most entries of any other list (members, parties, interveners, sources).
pub const MAX_LIST: usize = 5_000;
/// Longest horizon, in ticks (quarters): 1,000 years.
pub const MAX_HORIZON: u32 = 4_000;
/// How deeply RON values may nest before the parser refuses the file.
pub const MAX_NESTING: usize = 64;
