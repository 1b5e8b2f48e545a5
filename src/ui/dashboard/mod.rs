//! The teacher's dashboard (issue 14), in the terminal where `kubestory serve` runs: how to
//! connect (for the projector), every student with where they are and whether they look stuck,
//! sortable and filterable; a student's screen watched read-only; messages and hints to one
//! student or to everyone; a lesson presented from here with the class following or at its
//! own pace, its predictions voted on live; a quiz started for the class.
//!
//! It knows the server only through the [`Hub`] trait (the server implements it; `serve` never
//! imports ratatui, and `ui` never imports `serve`). The shape is the app's: one
//! [`Dashboard`] state, [`keys::action_for`] turning keys into [`DashAction`]s,
//! [`update::update`] changing the state and sending directives, [`render::render`] drawing;
//! [`shell::run`] is the terminal around them.

pub mod fake;
pub mod hub;
pub mod keys;
pub mod overlay;
pub mod presenting;
pub mod render;
pub mod screens;
pub mod shell;
pub mod state;
pub mod strings;
pub mod table;
pub mod table_view;
pub mod tally;
pub mod update;

pub use hub::Hub;
pub use keys::DashAction;
pub use shell::run;
pub use state::{Dashboard, Options, View};
