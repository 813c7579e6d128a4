//! Files: RON scenario load and save (versions, migration, atomic write), CSV export and the
//! bundled scenario library.

pub mod chart;
pub mod comments;
pub mod csv_export;
pub mod diagnostic;
pub mod library;
pub mod load;
pub mod locate;
pub mod migrate;
pub mod report;
pub mod runs_file;
pub mod save;

pub use diagnostic::Diagnostic;
pub use load::{LoadError, load_bytes, load_file, load_str};
pub use save::{SaveError, Saved, save_file, to_ron_string, write_atomically};
