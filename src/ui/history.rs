//! The command line's history, as a shell keeps it: Up and Down walk it (the line being typed
//! is kept, never lost), Ctrl-R searches it ([`super::search`]), and it outlives kubestory —
//! one file per lesson and one for the sandbox in the state folder (`history/<slot>.txt`, one
//! command a line, oldest first), as bash keeps `~/.bash_history`.
//!
//! The file is someone else's input on the next start (SECURITY.md, "Nothing typed is lost"
//! and the state-file rules): it is read only when it is a regular file within
//! [`MAX_FILE_BYTES`], and every line must be a command the line editor could have produced
//! (UTF-8, no control characters, at most [`MAX_LINE_BYTES`]). Anything else is set aside as
//! `*.corrupt` and reported; the history then starts empty. Commands are appended as they
//! run (a crash loses none); the file is rewritten, atomically, only to drop old lines.

use super::line_edit::MAX_LINE_BYTES;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Commands kept per lesson (and for the sandbox): bash's default `HISTSIZE` is 500; a
/// thousand lines is many sessions of a lesson.
pub const MAX_ENTRIES: usize = 1_000;

/// The largest history file read: twice [`MAX_ENTRIES`] full lines, since the file grows by
/// appends up to that before it is rewritten with the newest [`MAX_ENTRIES`].
pub const MAX_FILE_BYTES: u64 = (2 * MAX_ENTRIES * (MAX_LINE_BYTES + 1)) as u64;

/// The folder of history files inside the state folder.
pub const DIR: &str = "history";

/// The sandbox's slot (a lesson's slot is its id).
pub const SANDBOX: &str = "sandbox";

/// A history: its commands, where Up/Down stands, and the file it is kept in.
#[derive(Clone, Debug, Default)]
pub struct History {
    entries: Vec<String>,
    /// Where Up/Down is (`None`: the line being typed).
    pos: Option<usize>,
    /// The line being typed when Up was first pressed, given back by Down.
    typed: String,
    /// The file commands are appended to (`None`: kept in memory only).
    file: Option<PathBuf>,
    /// Lines in the file, to know when to rewrite it.
    file_lines: usize,
}

/// What loading a history file found besides commands, for the learner.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// The file was read (or there was none).
    Fine,
    /// The file was not a history; it was moved to this path.
    SetAside(PathBuf, String),
    /// The file could not be used (not a regular file, unreadable); nothing is written to it.
    Unusable(String),
}

impl History {
    /// A history kept in memory only, holding `entries` (oldest first).
    pub fn in_memory(entries: Vec<String>) -> History {
        History {
            entries,
            ..History::default()
        }
    }

    /// The commands, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Keeps the history in memory only from now on (its file could not be written: the
    /// learner was told once, not at every command).
    pub fn stop_saving(&mut self) {
        self.file = None;
    }

    /// Back to the line being typed (the command line opens, or a line runs).
    pub fn reset_pos(&mut self) {
        self.pos = None;
        self.typed.clear();
    }

    /// Up: the previous command; `current` (the line as typed) is kept for Down. `None` when
    /// there is nothing older.
    pub fn older(&mut self, current: &str) -> Option<&str> {
        let i = match self.pos {
            None if self.entries.is_empty() => return None,
            None => {
                self.typed = current.to_string();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(i) => i - 1,
        };
        self.pos = Some(i);
        self.entries.get(i).map(String::as_str)
    }

    /// Down: the next command, or the line as it was typed after the newest. `None` when
    /// already on the line being typed.
    pub fn newer(&mut self) -> Option<String> {
        let i = self.pos?;
        if i + 1 < self.entries.len() {
            self.pos = Some(i + 1);
            return self.entries.get(i + 1).cloned();
        }
        self.pos = None;
        Some(std::mem::take(&mut self.typed))
    }

    /// Records a command that ran: not a blank line, not the same as the one before (bash's
    /// `ignoreboth`: nor one typed with a leading space), and the oldest dropped past
    /// [`MAX_ENTRIES`]. Appended to the file; an error says why it could not be.
    pub fn push(&mut self, line: &str) -> io::Result<()> {
        self.reset_pos();
        if line.trim().is_empty()
            || line.starts_with(' ')
            || self.entries.last().map(String::as_str) == Some(line)
            || !is_command(line)
        {
            return Ok(());
        }
        self.entries.push(line.to_string());
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
        let Some(path) = self.file.clone() else {
            return Ok(());
        };
        if self.file_lines >= 2 * MAX_ENTRIES {
            self.rewrite(&path)?;
        } else {
            append(&path, line)?;
            self.file_lines += 1;
        }
        Ok(())
    }

    /// Writes the kept commands over the file, atomically (a temporary file, then a rename).
    fn rewrite(&mut self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("txt.tmp");
        let mut text = self.entries.join("\n");
        text.push('\n');
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)?;
        self.file_lines = self.entries.len();
        Ok(())
    }

    /// Reads the history kept at `path` (see the module's rules); the history appends to it.
    pub fn load(path: &Path) -> (History, Loaded) {
        let mut h = History {
            file: Some(path.to_path_buf()),
            ..History::default()
        };
        let text = match crate::lesson::state_file::read_bounded(path, MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (h, Loaded::Fine),
            Err(e) => {
                let regular = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
                if !regular {
                    // A folder or a pipe: never written through, never moved.
                    h.file = None;
                    return (h, Loaded::Unusable(e.to_string()));
                }
                return set_aside(h, path, e.to_string());
            }
        };
        let mut lines = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if !is_command(line) {
                let why = format!("line {} is not a command kubestory wrote", n + 1);
                return set_aside(h, path, why);
            }
            if !line.is_empty() {
                lines.push(line.to_string());
            }
        }
        h.file_lines = lines.len();
        let keep_from = lines.len().saturating_sub(MAX_ENTRIES);
        h.entries = lines.split_off(keep_from);
        if h.file_lines > MAX_ENTRIES {
            // Best effort: the file only grows to its limit before the next rewrite anyway.
            let _ = h.rewrite(path);
        }
        (h, Loaded::Fine)
    }
}

/// Whether `line` is something the command line could have run: no control characters
/// (an escape sequence in a planted file must never reach the terminal) and not too long.
fn is_command(line: &str) -> bool {
    line.len() <= MAX_LINE_BYTES && !line.chars().any(char::is_control)
}

/// Moves a file that is not a history out of the way (`*.corrupt`), so the next command
/// starts a fresh one; the history is empty.
fn set_aside(mut h: History, path: &Path, why: String) -> (History, Loaded) {
    let aside = path.with_extension("txt.corrupt");
    match std::fs::rename(path, &aside) {
        Ok(()) => (h, Loaded::SetAside(aside, why)),
        Err(e) => {
            h.file = None;
            (
                h,
                Loaded::Unusable(format!("{why}; it could not be moved aside: {e}")),
            )
        }
    }
}

/// Appends one line to the file (created if needed, mode 0600), never blocking on a FIFO
/// and never writing to anything but a regular file.
fn append(path: &Path, line: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK).mode(0o600);
    }
    let mut file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", path.display()),
        ));
    }
    file.write_all(format!("{line}\n").as_bytes())
}

/// The history file of a slot (a lesson id, or [`SANDBOX`]): any character outside
/// `[A-Za-z0-9_-]` becomes `_`, so a slot can never name a parent folder or a hidden file.
pub fn path(state_dir: &Path, slot: &str) -> PathBuf {
    let safe: String = slot
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    state_dir.join(DIR).join(format!("{safe}.txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_walk_the_history_and_give_back_the_typed_line() {
        let mut h = History::in_memory(vec!["get pods".into(), "get pvc".into()]);
        assert_eq!(h.older("get no"), Some("get pvc"));
        assert_eq!(h.older("ignored"), Some("get pods"));
        assert_eq!(h.older("ignored"), None, "nothing older");
        assert_eq!(h.newer().as_deref(), Some("get pvc"));
        assert_eq!(h.newer().as_deref(), Some("get no"), "the line as typed");
        assert_eq!(h.newer(), None);
    }

    #[test]
    fn pushes_skip_blanks_repeats_and_leading_spaces_and_keep_the_newest() {
        let mut h = History::default();
        for l in ["get pods", "get pods", "  ", " secret", "get pvc"] {
            h.push(l).expect("in memory");
        }
        assert_eq!(h.entries(), ["get pods", "get pvc"]);
        for i in 0..MAX_ENTRIES + 5 {
            h.push(&format!("wait {i}s")).expect("in memory");
        }
        assert_eq!(h.entries().len(), MAX_ENTRIES);
        assert_eq!(h.entries()[0], "wait 5s");
    }

    #[test]
    fn the_file_survives_a_restart_and_is_rewritten_past_its_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = path(dir.path(), "01-container-fs");
        let (mut h, loaded) = History::load(&p);
        assert_eq!(loaded, Loaded::Fine);
        h.push("get pods").expect("append");
        h.push("story read deploy/story").expect("append");
        let (h2, _) = History::load(&p);
        assert_eq!(h2.entries(), ["get pods", "story read deploy/story"]);
        // Past twice the cap, the file is cut back to the newest commands.
        let (mut h3, _) = History::load(&p);
        for i in 0..2 * MAX_ENTRIES + 1 {
            h3.push(&format!("wait {i}s")).expect("append");
        }
        let lines = std::fs::read_to_string(&p).expect("read").lines().count();
        assert!(lines <= 2 * MAX_ENTRIES, "{lines} lines");
        let (h4, _) = History::load(&p);
        assert_eq!(h4.entries().len(), MAX_ENTRIES);
        assert_eq!(h4.entries().last().map(String::as_str), Some("wait 2000s"));
    }

    #[test]
    fn a_file_that_is_not_a_history_is_set_aside_and_a_fifo_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = path(dir.path(), SANDBOX);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, "get pods\n\u{1b}]0;owned\u{7}\n").expect("write");
        let (h, loaded) = History::load(&p);
        assert!(h.entries().is_empty());
        assert!(
            matches!(&loaded, Loaded::SetAside(a, why) if a.exists() && why.contains("line 2")),
            "{loaded:?}"
        );
        assert!(!p.exists());
        std::fs::write(&p, [0xff, 0xfe]).expect("write");
        assert!(matches!(History::load(&p).1, Loaded::SetAside(..)));
        #[cfg(unix)]
        {
            let fifo = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
            let (mut h, loaded) = History::load(&p);
            assert!(matches!(loaded, Loaded::Unusable(_)), "{loaded:?}");
            h.push("get pods").expect("not written to the pipe");
            assert_eq!(h.entries(), ["get pods"]);
        }
    }

    #[test]
    fn slots_cannot_leave_the_history_folder() {
        let p = path(Path::new("/state"), "../../etc/passwd");
        assert_eq!(p, Path::new("/state/history/______etc_passwd.txt"));
    }
}
