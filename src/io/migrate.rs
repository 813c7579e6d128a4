//! The migration chain: each step rewrites a file of version v into version v + 1.
//!
//! Format 1 is the first published version, so the chain is empty today. When format 2 comes,
//! a step `v1_to_v2` is appended and a fixture `tests/data/format_v1.ron` keeps proving that
//! version-1 files still load.

/// A step from version `index + 1` to `index + 2`, working on RON text.
type Step = fn(&str) -> Result<String, MigrationError>;

/// Steps in order: `STEPS[0]` migrates version 1 to 2, and so on.
const STEPS: &[Step] = &[];

/// The oldest version Entente ever wrote.
pub const OLDEST_VERSION: u32 = 1;

/// Why a file could not be brought to the current format.
#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    /// The file claims a version that never existed.
    #[error(
        "format_version {version} does not exist; Entente scenario files start at version {OLDEST_VERSION}"
    )]
    NoSuchVersion {
        /// The version the file names.
        version: u32,
    },
    /// A step of the chain could not rewrite the file (its own words).
    #[error("cannot bring the file from format {from} to {}: {message}", from + 1)]
    Step {
        /// The version the step starts from.
        from: u32,
        /// What it could not do.
        message: String,
    },
}

/// Rewrites `text` from `version` to the current format version.
/// A file already at the current version comes back as it is, without a copy.
pub fn migrate(text: &str, version: u32) -> Result<std::borrow::Cow<'_, str>, MigrationError> {
    if version < OLDEST_VERSION {
        return Err(MigrationError::NoSuchVersion { version });
    }
    let mut current = std::borrow::Cow::Borrowed(text);
    for step in &STEPS[(version - OLDEST_VERSION) as usize..] {
        current = std::borrow::Cow::Owned(step(&current)?);
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FORMAT_VERSION;

    #[test]
    fn the_chain_reaches_the_current_version_from_every_older_one() {
        assert_eq!(
            OLDEST_VERSION as usize + STEPS.len(),
            FORMAT_VERSION as usize,
            "every format version needs a migration step"
        );
        for version in OLDEST_VERSION..=FORMAT_VERSION {
            assert!(migrate("()", version).is_ok());
        }
        assert!(migrate("()", 0).is_err());
    }
}
