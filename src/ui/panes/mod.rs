//! The panes of the app shell, one file each.

pub mod cluster_tree;
pub mod editor_pane;
pub mod help;
pub mod log;
