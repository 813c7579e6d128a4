//! Human-readable identifiers of the things a scenario names.
//!
//! Ids are what teachers type in a `.ron` file ("H", "mesa", "nato"), so they are strings, unique
//! per kind. The simulation works on dense `Copy` indices built from them (see `sim::world`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// The longest id the loader accepts, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Why an id string is not acceptable.
pub fn id_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("an id must not be empty".to_owned());
    }
    if text.chars().count() > MAX_ID_CHARS {
        return Some(format!("an id may have at most {MAX_ID_CHARS} characters"));
    }
    if text.trim() != text {
        return Some(format!("id \"{text}\" starts or ends with a space"));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| c.is_control() || *c == '|' || *c == '"')
    {
        return Some(format!(
            "id \"{}\" contains {:?}, which ids may not contain (no '|', quotes or control characters)",
            text.escape_debug(),
            bad
        ));
    }
    None
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the scenario file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_owned())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // Ids pass through the same length guard as every other string, so a hostile file
                // cannot make the loader hold a huge id; the finer rules are checked by validation.
                let text = crate::model::text::Text::deserialize(deserializer)?;
                Ok(Self(text.0))
            }
        }
    };
}

string_id!(
    /// A nation (state) of the scenario, e.g. `"H"` or `"france"`.
    NationId
);
string_id!(
    /// A region, e.g. `"mesa"`.
    RegionId
);
string_id!(
    /// An alliance, e.g. `"nato"`.
    AllianceId
);
string_id!(
    /// A treaty, e.g. `"cbm1"`.
    TreatyId
);
string_id!(
    /// An intervention, e.g. `"op1"`.
    InterventionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_with_separators_or_blanks_are_refused() {
        assert!(id_problem("H").is_none());
        assert!(id_problem("North Atlantic").is_none());
        assert!(id_problem("").is_some());
        assert!(id_problem("  ").is_some());
        assert!(id_problem("A|B").is_some());
        assert!(id_problem(" lead").is_some());
        assert!(id_problem(&"x".repeat(MAX_ID_CHARS + 1)).is_some());
    }
}
