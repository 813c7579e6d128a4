//! Located problems in a scenario file, as shown to users and printed by `entente check`.

use std::fmt;

use super::locate::Position;

/// One problem in a file: where it is (as precisely as known) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Line and column, when known.
    pub position: Option<Position>,
    /// Path inside the scenario (`events[3].action.target`), when known.
    pub path: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// A problem with the file as a whole (too large, not text, empty).
    pub fn file(message: impl Into<String>) -> Self {
        Self {
            position: None,
            path: None,
            message: message.into(),
        }
    }

    /// Formats as `FILE:LINE:COL: error: message` (or `FILE: error: message` without a position).
    pub fn render(&self, file: &str) -> String {
        let place = match self.position {
            Some(p) => format!("{file}:{}:{}", p.line, p.col),
            None => file.to_owned(),
        };
        match &self.path {
            Some(path) => format!("{place}: error: {} (at {path})", self.message),
            None => format!("{place}: error: {}", self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.position {
            write!(f, "line {}, column {}: ", p.line, p.col)?;
        }
        f.write_str(&self.message)?;
        if let Some(path) = &self.path {
            write!(f, " (at {path})")?;
        }
        Ok(())
    }
}
