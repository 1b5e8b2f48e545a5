//! Reading the small files kubestory keeps between runs (`progress.json`, `settings.json`).
//! They are JSON, which serde_json reads in linear time and refuses past 128 levels of
//! nesting; what is left to bound is the read itself: only a regular file (a named pipe
//! put in its place would block the start for ever) and at most a size limit of bytes (a
//! huge file would be read whole into memory).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Reads `path` as UTF-8 text if it is a regular file of at most `max_bytes` bytes. A missing
/// file is `NotFound`; anything else refused is an error whose message names the limit.
pub fn read_bounded(path: &Path, max_bytes: u64) -> io::Result<String> {
    // Checked before opening: opening a FIFO for reading blocks until a writer appears.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file (a folder, a pipe or a device); kubestory reads only regular files here",
            path.display()
        )));
    }
    let file = File::open(path)?;
    let mut text = String::new();
    file.take(max_bytes + 1)
        .read_to_string(&mut text)
        .map_err(|e| io::Error::other(format!("{} is not UTF-8 text: {e}", path.display())))?;
    if text.len() as u64 > max_bytes {
        return Err(io::Error::other(format!(
            "{} is larger than {max_bytes} bytes, the limit for this file",
            path.display()
        )));
    }
    Ok(text)
}
