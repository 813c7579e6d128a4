//! What the app remembers between runs: theme, text size and recent files (window geometry is
//! remembered by eframe itself).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Remembered preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Dark theme (else light).
    pub dark: bool,
    /// Zoom factor of the whole interface (1 = normal; larger for projectors).
    pub text_scale: f32,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: true,
            text_scale: 1.0,
            recent: Vec::new(),
        }
    }
}

/// How many recent files are listed.
const RECENT: usize = 8;

/// Smallest and largest interface scale.
pub const TEXT_SCALES: (f32, f32) = (0.75, 2.5);

/// The key the preferences are stored under.
pub const STORAGE_KEY: &str = "entente-prefs";

impl Prefs {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT);
    }

    /// Preferences from their stored text; defaults if absent or unreadable.
    pub fn from_stored(text: Option<String>) -> Self {
        text.and_then(|text| ron::from_str(&text).ok())
            .map(|prefs: Prefs| Prefs {
                text_scale: prefs.text_scale.clamp(TEXT_SCALES.0, TEXT_SCALES.1),
                ..prefs
            })
            .unwrap_or_default()
    }

    /// The text to store.
    pub fn to_stored(&self) -> String {
        ron::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut prefs = Prefs::default();
        for k in 0..10 {
            prefs.remember(Path::new(&format!("{k}.ron")));
        }
        prefs.remember(Path::new("5.ron"));
        assert_eq!(prefs.recent.len(), RECENT);
        assert_eq!(prefs.recent[0], Path::new("5.ron"));
        assert_eq!(
            prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
    }

    #[test]
    fn stored_prefs_round_trip_and_garbage_gives_defaults() {
        let mut prefs = Prefs {
            dark: false,
            ..Prefs::default()
        };
        prefs.remember(Path::new("a.ron"));
        assert_eq!(Prefs::from_stored(Some(prefs.to_stored())), prefs);
        assert_eq!(Prefs::from_stored(Some("(((".into())), Prefs::default());
    }
}
