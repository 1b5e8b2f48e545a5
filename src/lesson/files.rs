//! Reading the files a lesson names, safely: relative paths only, no `..`, nothing outside
//! the lesson's folder (symlinks included), and a size limit on every read.

use std::io::Read;
use std::path::{Component, Path};

/// The largest lesson file (and referenced file) read, in bytes: a YAML bomb or a stray
/// binary is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Reads a file named by the lesson: relative, without `..`, inside `folder` (symlinks
/// included), at most [`MAX_FILE_BYTES`].
pub(super) fn read_inside(folder: &Path, rel: &str) -> Result<String, (String, Option<String>)> {
    let p = Path::new(rel);
    if p.is_absolute() || rel.starts_with(['/', '\\']) || rel.contains(':') {
        return Err((
            format!(
                "file {rel:?} is an absolute path; lessons may only name files in their own folder"
            ),
            Some("write the path relative to the lesson's folder".into()),
        ));
    }
    if p.components().any(|c| matches!(c, Component::ParentDir)) || rel.contains("..") {
        return Err((
            format!(
                "file {rel:?} leaves the lesson's folder (`..`); lessons may only name files in their own folder"
            ),
            Some("copy the file next to the lesson".into()),
        ));
    }
    let full = folder.join(p);
    let inside = match (full.canonicalize(), folder.canonicalize()) {
        (Ok(f), Ok(base)) => f.starts_with(base),
        _ => {
            return Err((
                format!(
                    "file {rel:?} does not exist (looked in {})",
                    folder.display()
                ),
                None,
            ));
        }
    };
    if !inside {
        return Err((
            format!("file {rel:?} points outside the lesson's folder"),
            None,
        ));
    }
    read_limited(&full).map_err(|m| (m, None))
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8.
pub(super) fn read_limited(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{shown} is larger than {MAX_FILE_BYTES} bytes; lesson files are limited to that size"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))
}
