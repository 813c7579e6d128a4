//! Paths into a scenario (`events[3].action.target`), used to locate problems.

use std::fmt;

/// One step of a [`Path`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct (or of an enum variant's content).
    Field(&'static str),
    /// An element of a list.
    Index(usize),
    /// An entry of a map, by key.
    Key(String),
}

/// Where in a scenario something is, as a chain of fields, list indices and map keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// The empty path: the scenario as a whole.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a field.
    pub fn field(&self, name: &'static str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Field(name));
        Self(segs)
    }

    /// This path extended by a list index.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        Self(segs)
    }

    /// This path extended by a map key.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_owned()));
        Self(segs)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(scenario)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(index) => write!(f, "[{index}]")?,
                Seg::Key(key) => write!(f, "[\"{}\"]", key.escape_debug())?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_field_accesses() {
        let path = Path::root()
            .field("events")
            .index(3)
            .field("action")
            .field("target");
        assert_eq!(path.to_string(), "events[3].action.target");
        assert_eq!(
            Path::root()
                .field("layout")
                .field("positions")
                .key("H")
                .to_string(),
            "layout.positions[\"H\"]"
        );
    }
}
