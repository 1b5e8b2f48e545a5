//! Lessons: the file format (`model`), strict loading with `file:line:column` errors
//! (`load`), goals checked against the simulator (`goals`), and the proof that every step
//! can be done and is not done already (`check`), which `kubestory lint` runs.
//!
//! The UI calls [`load_lesson`] (or [`load_dir`]), draws text through [`sanitize()`] (already
//! applied at load), and evaluates a step's goals with [`goals::check_met`] against the
//! live cluster and the [`goals::StepStart`] taken when the step began (or
//! [`goals::step_goals`] for the whole checklist). To open a lesson at step N, build the
//! cluster with [`check::replay_to_step`] in a [`check::Workspace`] (the folder that
//! `kubectl apply -f NAME` reads).
//!
//! Where a learner stands (steps done, hints, answers, drafts) is kept by [`progress`], in the
//! state folder the UI passes.

pub mod builtin;
mod builtin_cards;
pub mod card;
pub mod check;
mod cluster;
mod files;
pub mod goals;
pub mod library;
pub mod load;
pub mod model;
pub mod placeholders;
pub mod progress;
pub mod quiz;
pub mod sanitize;
pub mod schema;
mod spoilers;
pub mod state_file;
mod yaml;

pub use builtin::{builtin_lessons, builtin_library};
pub use card::LessonCard;
pub use check::{lint_lesson, lint_paths};
pub use library::LibraryLesson;
pub use load::{LoadedLesson, load_dir, load_lesson, load_str};
pub use model::{Check, Goal, Lesson, Step};
pub use sanitize::sanitize;
