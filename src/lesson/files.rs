//! Reading the files a lesson names, safely: relative paths only, no `..`, no symbolic
//! links, nothing but regular files (a FIFO or a device is refused before it is opened, so
//! it cannot hang the reader), nothing outside the lesson's folder, and a size limit on every
//! read. The paths a lesson's script lines give to `-f` are held to the same rule at load
//! time; when the lines run they read only the lesson's manifests, from memory.

use crate::kubectl::file_source::read_regular_bytes;
use crate::manifest::suggest::did_you_mean;
use std::collections::BTreeSet;
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
    // Every component below the folder must be a real folder or, last, a regular file: a
    // symbolic link could point anywhere (and its target must not be quoted in errors).
    let mut full = folder.to_path_buf();
    let parts: Vec<Component> = p.components().collect();
    for (i, part) in parts.iter().enumerate() {
        full.push(part);
        let last = i + 1 == parts.len();
        let meta = match std::fs::symlink_metadata(&full) {
            Ok(m) => m,
            Err(_) => {
                return Err((
                    format!(
                        "file {rel:?} does not exist (looked in {})",
                        folder.display()
                    ),
                    None,
                ));
            }
        };
        if meta.file_type().is_symlink() {
            return Err((
                format!(
                    "file {rel:?} is a symbolic link; lessons may only name regular files in their own folder"
                ),
                Some("copy the file next to the lesson instead of linking it".into()),
            ));
        }
        if !last && !meta.is_dir() {
            return Err((format!("file {rel:?} does not exist"), None));
        }
        if last && !meta.is_file() {
            return Err((
                format!("file {rel:?} is not a regular file (a folder, a FIFO or a device)"),
                None,
            ));
        }
    }
    read_limited(&full).map_err(|m| (m, None))
}

/// Checks a name a lesson's script line gives to `-f` (or `--patch-file`): a plain file name
/// (or `.`, every manifest), never a path that leaves the lesson, and, when `known` lists
/// the manifests the lesson provides, one of them.
pub(super) fn check_script_path(
    path: &str,
    known: Option<&BTreeSet<String>>,
) -> Result<(), (String, Option<String>)> {
    let bare = path.strip_prefix("./").unwrap_or(path);
    if matches!(bare, "." | "") {
        return Ok(());
    }
    if path.contains("://") {
        return Err((
            format!("-f {path:?}: lessons cannot read URLs"),
            Some("put the manifest under `manifests:` and pass its name to -f".into()),
        ));
    }
    if Path::new(path).is_absolute()
        || path.starts_with(['/', '\\', '~'])
        || bare.contains(['/', '\\'])
        || bare.contains("..")
    {
        return Err((
            format!(
                "-f {path:?} names a file outside the lesson; a lesson's lines may only name the lesson's own manifests"
            ),
            Some("put the manifest under `manifests:` and pass its plain name to -f".into()),
        ));
    }
    match known {
        Some(names) if !names.contains(bare) => {
            let hint = did_you_mean(bare, names.iter().map(String::as_str))
                .map(|s| format!("did you mean {s:?}?"))
                .or_else(|| {
                    Some(if names.is_empty() {
                        "the lesson has no manifests: add one under `manifests:`".to_string()
                    } else {
                        format!(
                            "the lesson's manifests are: {}",
                            names.iter().cloned().collect::<Vec<_>>().join(", ")
                        )
                    })
                });
            Err((
                format!("-f {path:?}: the lesson has no manifest of that name"),
                hint,
            ))
        }
        _ => Ok(()),
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8.
/// Only regular files are read: a FIFO, a device or a folder is refused without blocking.
pub(super) fn read_limited(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let bytes = read_regular_bytes(path, MAX_FILE_BYTES + 1).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidInput {
            format!("cannot read {shown}: not a regular file (a folder, a FIFO or a device)")
        } else {
            format!("cannot read {shown}: {e}")
        }
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{shown} is larger than {MAX_FILE_BYTES} bytes; lesson files are limited to that size"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))
}
