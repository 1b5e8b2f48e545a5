//! kubestory: an interactive tutorial on how Kubernetes keeps (and loses) data.
//!
//! The crate is split into rooms with one job each (see `DEVELOPERS.md`):
//! - [`sim`]: the pure, deterministic cluster model (no terminal, no files, no wall clock);
//! - [`manifest`]: learner YAML to API objects, with `file:line:column` diagnostics;
//! - [`kubectl`]: a kubectl command line in, kubectl's exact text out;
//! - [`runner`]: the headless `kubestory sim` script runner built on the three above;
//! - [`lesson`]: the lesson format, its strict loader, goals, and `kubestory lint`'s replay.
//! - [`class`]: the class record (issue 14), a SQLite database per class in the state folder.

pub mod class;
pub mod kubectl;
pub mod lesson;
pub mod manifest;
pub mod runner;
pub mod serve;
pub mod sim;
pub mod ui;
