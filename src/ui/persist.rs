//! Drafts are never lost: the editor buffer is saved atomically (a temporary file, then a
//! rename) in the platform state directory and restored on the next start. A file that cannot
//! be read is set aside under a new name and reported, never fatal.

use std::io;
use std::path::{Path, PathBuf};

/// The directory kubestory keeps its state in (`directories`' state dir, or the data dir on
/// platforms without one); `None` when the platform gives no home.
pub fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("dev", "kubestory", "kubestory")?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf(),
    )
}

/// The sandbox's draft file name in the state directory (lessons keep theirs per step).
pub const SANDBOX_DRAFT: &str = "draft.yaml";

/// Writes `text` to `path` atomically, creating the folder.
pub fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// What was found at the draft path.
#[derive(Debug, PartialEq, Eq)]
pub enum Restored {
    /// No draft.
    Nothing,
    /// The draft's text.
    Draft(String),
    /// The file could not be read as text; it was moved to this path.
    SetAside(PathBuf),
    /// The file could not be read or moved (the message says why).
    Failed(String),
}

/// The largest draft read back (far above any manifest the loader accepts).
pub const MAX_DRAFT_BYTES: u64 = 4 << 20;

/// Reads the draft at `path` (a regular file only: a FIFO planted there cannot block the
/// start); one that is not text is renamed to `*.corrupt`.
pub fn restore(path: &Path) -> Restored {
    let bytes = match crate::kubectl::file_source::read_regular_bytes(path, MAX_DRAFT_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Restored::Nothing,
        Err(e) => return Restored::Failed(e.to_string()),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Restored::Draft(text),
        Err(_) => {
            let aside = path.with_extension("yaml.corrupt");
            match std::fs::rename(path, &aside) {
                Ok(()) => Restored::SetAside(aside),
                Err(e) => Restored::Failed(e.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_and_corrupt_files_are_set_aside() {
        let dir_guard = tempfile::tempdir().expect("tempdir");
        let dir = dir_guard.path().to_path_buf();
        let path = dir.join("draft.yaml");
        assert_eq!(restore(&path), Restored::Nothing);
        write_atomic(&path, "kind: Pod\n").expect("write");
        assert_eq!(restore(&path), Restored::Draft("kind: Pod\n".into()));
        std::fs::write(&path, [0xff, 0xfe, 0x00]).expect("write");
        assert!(matches!(restore(&path), Restored::SetAside(_)));
        assert_eq!(restore(&path), Restored::Nothing);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
