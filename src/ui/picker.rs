//! The lesson picker's state: the lessons, which row is selected, and the problems found
//! while loading (shown, never fatal). The last row is the free sandbox.

use crate::lesson::LoadedLesson;

/// The picker.
#[derive(Clone, Debug, Default)]
pub struct Picker {
    /// The lessons, in course order.
    pub lessons: Vec<LoadedLesson>,
    /// The selected row (`lessons.len()` is the sandbox).
    pub selected: usize,
    /// Lessons that did not load, one line each (`file:line:column: message`).
    pub problems: Vec<String>,
}

impl Picker {
    /// A picker over these lessons, first row selected.
    pub fn new(lessons: Vec<LoadedLesson>, problems: Vec<String>) -> Picker {
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
        if let Some(i) = self.lessons.iter().position(|l| l.lesson.id == id) {
            self.selected = i;
        }
    }

    /// The selected lesson (`None`: the sandbox row).
    pub fn chosen(&self) -> Option<&LoadedLesson> {
        self.lessons.get(self.selected)
    }

    /// The lesson with this id.
    pub fn find(&self, id: &str) -> Option<&LoadedLesson> {
        self.lessons.iter().find(|l| l.lesson.id == id)
    }
}
