//! Where `-f PATH` (and `--patch-file`) are read from. kubectl reads the disk; kubestory reads
//! either a folder of the learner's own (`kubestory sim SCRIPT`, the sandbox) through
//! [`DiskFiles`], or a lesson's manifests held in memory through [`MemoryFiles`], so that a
//! lesson's lines can name nothing but the lesson's own files: there is no path by which
//! they could reach the disk, and no scratch folder to plant or leave behind.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most bytes read from one file (the manifest loader refuses anything above 1 MiB, and
/// says so; this only bounds reading).
pub const READ_LIMIT: u64 = 4 << 20;

/// What a path names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Nothing.
    Missing,
    /// A regular file.
    File,
    /// A folder.
    Folder,
    /// A FIFO, a device, a socket: never opened (a FIFO would block the reader forever).
    Other,
}

/// A tree of files `-f` can read, addressed by the path as typed (`story.yaml`,
/// `manifests/pvc.yaml`, `./`).
pub trait FileSource {
    /// What `path` names.
    fn node(&self, path: &str) -> Node;
    /// The text of the regular file at `path` (invalid UTF-8 replaced), at most
    /// [`READ_LIMIT`] bytes; `None` when it cannot be read.
    fn read(&self, path: &str) -> Option<String>;
    /// The entry names of the folder at `path`, sorted; at most `max` of them.
    fn list(&self, path: &str, max: usize) -> Vec<String>;
}

/// Files on disk, relative to a folder (absolute paths as they are): what kubectl itself
/// reads. Only for the learner's own commands and scripts, never for a lesson's lines.
#[derive(Clone, Debug)]
pub struct DiskFiles {
    /// The folder relative paths start from.
    pub base: PathBuf,
}

impl DiskFiles {
    fn real(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        }
    }
}

impl FileSource for DiskFiles {
    fn node(&self, path: &str) -> Node {
        match std::fs::metadata(self.real(path)) {
            Err(_) => Node::Missing,
            Ok(m) if m.is_dir() => Node::Folder,
            Ok(m) if m.is_file() => Node::File,
            Ok(_) => Node::Other,
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        read_regular(&self.real(path), READ_LIMIT).ok()
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.real(path)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .take(max)
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Files held in memory under plain names (a lesson's manifests, a quiz question's, the
/// editor's buffer): one flat folder, `.` or `./` listing it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryFiles {
    files: BTreeMap<String, String>,
}

impl MemoryFiles {
    /// No files.
    pub fn new() -> MemoryFiles {
        MemoryFiles::default()
    }

    /// Adds or replaces the file `name`.
    pub fn insert(&mut self, name: &str, text: &str) {
        self.files.insert(name.to_string(), text.to_string());
    }

    /// The file names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The text of `name`, if there is such a file.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }

    fn key(path: &str) -> &str {
        path.strip_prefix("./").unwrap_or(path)
    }

    fn is_folder(path: &str) -> bool {
        matches!(path, "." | "./" | "")
    }
}

impl FileSource for MemoryFiles {
    fn node(&self, path: &str) -> Node {
        if Self::is_folder(path) {
            Node::Folder
        } else if self.files.contains_key(Self::key(path)) {
            Node::File
        } else {
            Node::Missing
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        self.files.get(Self::key(path)).cloned()
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        if Self::is_folder(path) {
            self.files.keys().take(max).cloned().collect()
        } else {
            Vec::new()
        }
    }
}

/// One file shown over another source: the editor's buffer under its file name, whatever
/// the folder beneath holds.
pub struct Overlay<'a> {
    /// The file name the buffer answers to (`story.yaml`).
    pub name: &'a str,
    /// The buffer.
    pub text: &'a str,
    /// Everything else.
    pub under: &'a dyn FileSource,
}

impl Overlay<'_> {
    fn is_mine(&self, path: &str) -> bool {
        MemoryFiles::key(path) == self.name
    }
}

impl FileSource for Overlay<'_> {
    fn node(&self, path: &str) -> Node {
        if self.is_mine(path) {
            Node::File
        } else {
            self.under.node(path)
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        if self.is_mine(path) {
            Some(self.text.to_string())
        } else {
            self.under.read(path)
        }
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        let mut names = self.under.list(path, max);
        if MemoryFiles::is_folder(path) && !names.iter().any(|n| n == self.name) {
            names.push(self.name.to_string());
            names.sort();
            names.truncate(max);
        }
        names
    }
}

/// Opens `path` only if it is a regular file, without following a last-component symlink
/// swap into a FIFO: the file is opened non-blocking (a FIFO swapped in after a check cannot
/// block the open), then checked on the open handle, then read up to `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<String> {
    let bytes = read_regular_bytes(path, limit)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// [`read_regular`] without the UTF-8 decoding; reads at most `limit` bytes (the caller
/// compares the length with its limit to say "too large").
pub fn read_regular_bytes(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens a regular file for reading without ever blocking on a FIFO or a device.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// Files copied out of containers (`kubectl cp POD:PATH LOCAL`), held in memory over the
/// workspace they were copied into: later `-f` and `cp` lines read them, and nothing is
/// written to disk.
pub struct Copies<'a> {
    /// The copies, by the local path typed.
    pub copies: &'a MemoryFiles,
    /// The workspace beneath.
    pub under: &'a dyn FileSource,
}

impl FileSource for Copies<'_> {
    fn node(&self, path: &str) -> Node {
        match self.copies.get(MemoryFiles::key(path)) {
            Some(_) => Node::File,
            None => self.under.node(path),
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        match self.copies.get(MemoryFiles::key(path)) {
            Some(text) => Some(text.to_string()),
            None => self.under.read(path),
        }
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        let mut names = self.under.list(path, max);
        if MemoryFiles::is_folder(path) {
            names.extend(self.copies.names().map(str::to_string));
            names.sort();
            names.dedup();
            names.truncate(max);
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_files_answer_plain_names_and_the_folder_only() {
        let mut m = MemoryFiles::new();
        m.insert("story.yaml", "kind: Pod\n");
        m.insert("pvc.yaml", "kind: PersistentVolumeClaim\n");
        assert_eq!(m.node("story.yaml"), Node::File);
        assert_eq!(m.node("./story.yaml"), Node::File);
        assert_eq!(m.node("."), Node::Folder);
        assert_eq!(m.list(".", 10), vec!["pvc.yaml", "story.yaml"]);
        for outside in [
            "/etc/hostname",
            "../story.yaml",
            "../../etc/passwd",
            "x/story.yaml",
        ] {
            assert_eq!(m.node(outside), Node::Missing, "{outside}");
            assert_eq!(m.read(outside), None, "{outside}");
        }
    }

    #[test]
    fn the_overlay_serves_the_buffer_under_its_name() {
        let mut m = MemoryFiles::new();
        m.insert("story.yaml", "old");
        let o = Overlay {
            name: "story.yaml",
            text: "new",
            under: &m,
        };
        assert_eq!(o.read("./story.yaml").as_deref(), Some("new"));
        let o = Overlay {
            name: "editor.yaml",
            text: "mine",
            under: &m,
        };
        assert_eq!(o.list(".", 10), vec!["editor.yaml", "story.yaml"]);
        assert_eq!(o.read("story.yaml").as_deref(), Some("old"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.yaml");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_regular(&fifo, 10).expect_err("a FIFO is not read");
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
        let disk = DiskFiles {
            base: dir.path().to_path_buf(),
        };
        assert_eq!(disk.node("pipe.yaml"), Node::Other);
    }
}
