//! The terminal UI (issue 3): the only room that imports ratatui and crossterm. Input becomes
//! an action at the edge; actions update the simulation and the lesson; rendering reads state.
//!
//! The shape is the Elm architecture: one [`App`], one [`Action`] enum,
//! [`update`]`(&mut App, Action)` and [`render`]`(&App, &mut Frame)`. The keymap
//! ([`keymap::bindings`]) is data that drives key handling, the status line and the help.

pub mod action;
pub mod app;
pub mod clock;
pub mod clock_status;
pub mod command_line;
pub mod completion;
pub mod dashboard;
pub mod diagram;
pub mod drafts;
pub mod drawer;
pub mod edit_session;
pub mod editor;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod line_edit;
pub mod markdown;
pub mod mirror;
pub mod notes;
pub mod ops;
pub mod panes;
pub mod persist;
pub mod picker;
pub mod player;
pub mod present;
pub mod quiz;
pub mod remote_class;
pub mod remote_directive;
pub mod remote_input;
pub mod remote_screen;
pub mod remote_session;
pub mod remote_term;
pub mod render;
pub mod sandbox;
pub mod search;
pub mod selection;
pub mod selection_keys;
pub mod settings;
pub mod shell;
pub mod signals;
pub mod strings;
pub mod termenv;
pub mod terminal;
pub mod theme;
pub mod tty;
pub mod update;
pub mod watching;

pub use action::Action;
pub use app::App;
pub use render::render;
pub use terminal::{Options, QuizOptions, run};
pub use update::update;
