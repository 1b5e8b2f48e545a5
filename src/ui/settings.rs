//! Choices kubestory remembers between runs (`settings.json` in the state folder): the
//! theme, and the presenting theme apart from it (a projector and a laptop differ).

use super::theme::ThemeName;
use crate::lesson::state_file::read_bounded;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The remembered choices; a missing or unreadable file means defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `--theme` outside classroom mode.
    pub theme: Option<ThemeName>,
    /// `--theme` with `present`.
    pub present_theme: Option<ThemeName>,
}

/// The file's name in the state folder.
pub const FILE: &str = "settings.json";

/// Reads the settings (defaults when there are none or they cannot be read: a preference is
/// never worth failing over).
pub fn load(dir: &Path) -> Settings {
    read_bounded(&dir.join(FILE), MAX_BYTES)
        .ok()
        .map(|t| from_json(&t))
        .unwrap_or_default()
}

/// The largest settings file read: two theme names need a few dozen bytes.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The settings in a file's text; defaults for anything that is not settings JSON
/// (serde_json refuses nesting past 128 levels, so no text makes this recurse deeply).
pub fn from_json(text: &str) -> Settings {
    serde_json::from_str(text).unwrap_or_default()
}

/// Writes the settings atomically.
pub fn save(dir: &Path, s: &Settings) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(s).map_err(std::io::Error::other)?;
    super::persist::write_atomic(&dir.join(FILE), &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_survive_garbage() {
        let dir = std::env::temp_dir().join(format!("kubestory-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(load(&dir), Settings::default());
        let s = Settings {
            theme: Some(ThemeName::Light),
            present_theme: Some(ThemeName::HighContrast),
        };
        save(&dir, &s).unwrap();
        assert_eq!(load(&dir), s);
        assert!(
            std::fs::read_to_string(dir.join(FILE))
                .unwrap()
                .contains("high-contrast")
        );
        std::fs::write(dir.join(FILE), "{not json").unwrap();
        assert_eq!(load(&dir), Settings::default());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
