//! The terminal UI (issue 3): the only room that imports ratatui and crossterm. Input becomes
//! an action at the edge; actions update the simulation and the lesson; rendering reads state.

pub mod diagram;
pub mod selection;
