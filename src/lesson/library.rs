//! The lessons kubestory offers: each a card the picker shows at once, and the lesson itself,
//! parsed the first time it is needed (opened, quizzed, presented). Lessons from a folder
//! (`--lessons DIR`, `--watch FILE`) are parsed when listed, so their errors show in the
//! picker; the built-in ones were linted when the binary was tested, and are parsed lazily.

use super::card::LessonCard;
use super::load::{LoadedLesson, load_str};
use crate::manifest::Diagnostic;
use std::path::Path;
use std::sync::OnceLock;

/// A lesson the picker lists.
#[derive(Debug)]
pub struct LibraryLesson {
    /// What the picker shows.
    pub card: LessonCard,
    /// The embedded text of a built-in lesson not parsed yet (`None`: parsed when listed).
    text: Option<(&'static str, &'static str)>,
    loaded: OnceLock<Result<LoadedLesson, Vec<Diagnostic>>>,
}

impl Clone for LibraryLesson {
    fn clone(&self) -> LibraryLesson {
        let loaded = OnceLock::new();
        if let Some(l) = self.loaded.get() {
            let _ = loaded.set(l.clone());
        }
        LibraryLesson {
            card: self.card.clone(),
            text: self.text,
            loaded,
        }
    }
}

impl From<LoadedLesson> for LibraryLesson {
    fn from(loaded: LoadedLesson) -> LibraryLesson {
        let cell = OnceLock::new();
        let card = LessonCard::of(&loaded.lesson);
        let _ = cell.set(Ok(loaded));
        LibraryLesson {
            card,
            text: None,
            loaded: cell,
        }
    }
}

impl LibraryLesson {
    /// A built-in lesson: its card now, its text (`name`, the file name under `lessons/`)
    /// parsed on first use.
    pub fn builtin(card: LessonCard, name: &'static str, text: &'static str) -> LibraryLesson {
        LibraryLesson {
            card,
            text: Some((name, text)),
            loaded: OnceLock::new(),
        }
    }

    /// The lesson, parsed now if it was not yet. An error is a lesson that changed since its
    /// card was made (a build defect for built-ins, which the lint test prevents).
    pub fn lesson(&self) -> Result<&LoadedLesson, &[Diagnostic]> {
        self.loaded
            .get_or_init(|| match self.text {
                Some((name, text)) => {
                    load_str(text, &format!("lessons/{name}"), Path::new("<built-in>"))
                }
                None => Err(Vec::new()),
            })
            .as_ref()
            .map_err(Vec::as_slice)
    }

    /// Whether the lesson has been parsed (the first screen parses none).
    pub fn is_parsed(&self) -> bool {
        self.loaded.get().is_some()
    }
}
