//! The lesson picker's state: the lessons, which row is selected, and the problems found
//! while loading (shown, never fatal). The last row is the free sandbox.

use crate::lesson::{LibraryLesson, LoadedLesson};

/// The picker.
#[derive(Clone, Debug, Default)]
pub struct Picker {
    /// The lessons, in course order: cards shown at once, each lesson parsed when opened.
    pub lessons: Vec<LibraryLesson>,
    /// The selected row (`lessons.len()` is the sandbox).
    pub selected: usize,
    /// Lessons that did not load, one line each (`file:line:column: message`).
    pub problems: Vec<String>,
}

impl Picker {
    /// A picker over these lessons, first row selected.
    pub fn new(lessons: Vec<LoadedLesson>, problems: Vec<String>) -> Picker {
        Picker::from_library(lessons.into_iter().map(Into::into).collect(), problems)
    }

    /// A picker over a library (built-in lessons not parsed yet), first row selected.
    pub fn from_library(lessons: Vec<LibraryLesson>, problems: Vec<String>) -> Picker {
        Picker {
            lessons,
            selected: 0,
            problems,
        }
    }

    /// How many rows: every lesson and the sandbox.
    pub fn rows(&self) -> usize {
        self.lessons.len() + 1
    }

    /// Moves the selection by `by` rows, stopping at the ends.
    pub fn move_by(&mut self, by: i32) {
        let last = self.rows() - 1;
        self.selected = self.selected.saturating_add_signed(by as isize).min(last);
    }

    /// Selects the lesson with this id, if it is listed.
    pub fn select_id(&mut self, id: &str) {
        if let Some(i) = self.lessons.iter().position(|l| l.card.id == id) {
            self.selected = i;
        }
    }

    /// The selected lesson, parsed (`None`: the sandbox row, or a lesson that does not parse).
    pub fn chosen(&self) -> Option<&LoadedLesson> {
        self.lessons.get(self.selected)?.lesson().ok()
    }

    /// The selected row's card (`None`: the sandbox row).
    pub fn chosen_card(&self) -> Option<&LibraryLesson> {
        self.lessons.get(self.selected)
    }

    /// The lesson with this id, parsed.
    pub fn find(&self, id: &str) -> Option<&LoadedLesson> {
        self.lessons.iter().find(|l| l.card.id == id)?.lesson().ok()
    }

    /// Every lesson, parsed (a quiz over all of them): the ones that parse.
    pub fn all_lessons(&self) -> Vec<&LoadedLesson> {
        self.lessons
            .iter()
            .filter_map(|l| l.lesson().ok())
            .collect()
    }
}
