//! What a command read through `-f`, kept so the command can run again later on exactly the
//! same files: the sandbox's journal replays the learner's commands when kubestory starts
//! again, and `editor.yaml` or a file on disk may have changed since.
//!
//! [`Recording`] wraps the real source and notes every answer it gives; [`Recorded`] gives the
//! same answers back, and "missing" for anything else.

use super::file_source::{FileSource, Node};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The answers a command got from its files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// Paths that were files, with their text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
    /// Paths that were folders, with the entries listed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub folders: BTreeMap<String, Vec<String>>,
}

impl Recorded {
    /// Whether the command read nothing.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.folders.is_empty()
    }

    /// The bytes of text kept (for the journal's bound).
    pub fn size(&self) -> usize {
        self.files
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + self
                .folders
                .iter()
                .map(|(k, v)| k.len() + v.iter().map(String::len).sum::<usize>())
                .sum::<usize>()
    }
}

impl FileSource for Recorded {
    fn node(&self, path: &str) -> Node {
        if self.files.contains_key(path) {
            Node::File
        } else if self.folders.contains_key(path) {
            Node::Folder
        } else {
            Node::Missing
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        self.folders
            .get(path)
            .map(|v| v.iter().take(max).cloned().collect())
            .unwrap_or_default()
    }
}

/// A file source that notes what it answers.
pub struct Recording<'a> {
    /// The real files.
    pub under: &'a dyn FileSource,
    /// What was read so far.
    pub seen: RefCell<Recorded>,
}

impl<'a> Recording<'a> {
    /// Starts recording reads of `under`.
    pub fn new(under: &'a dyn FileSource) -> Recording<'a> {
        Recording {
            under,
            seen: RefCell::new(Recorded::default()),
        }
    }

    /// What was read.
    pub fn into_recorded(self) -> Recorded {
        self.seen.into_inner()
    }
}

impl FileSource for Recording<'_> {
    fn node(&self, path: &str) -> Node {
        let node = self.under.node(path);
        if node == Node::File
            && let Some(text) = self.under.read(path)
        {
            self.seen.borrow_mut().files.insert(path.to_string(), text);
        }
        node
    }

    fn read(&self, path: &str) -> Option<String> {
        let text = self.under.read(path);
        if let Some(t) = &text {
            self.seen
                .borrow_mut()
                .files
                .insert(path.to_string(), t.clone());
        }
        text
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        let entries = self.under.list(path, max);
        self.seen
            .borrow_mut()
            .folders
            .insert(path.to_string(), entries.clone());
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::MemoryFiles;

    #[test]
    fn a_recording_answers_later_as_the_files_did_then() {
        let mut real = MemoryFiles::default();
        real.insert("story.yaml", "kind: Pod\n");
        let rec = Recording::new(&real);
        assert_eq!(rec.node("story.yaml"), Node::File);
        assert_eq!(rec.read("story.yaml").as_deref(), Some("kind: Pod\n"));
        assert_eq!(rec.node("gone.yaml"), Node::Missing);
        let kept = rec.into_recorded();
        assert_eq!(kept.node("story.yaml"), Node::File);
        assert_eq!(kept.read("story.yaml").as_deref(), Some("kind: Pod\n"));
        assert_eq!(kept.node("gone.yaml"), Node::Missing);
        let json = serde_json::to_string(&kept).expect("json");
        assert_eq!(serde_json::from_str::<Recorded>(&json).expect("back"), kept);
    }
}
