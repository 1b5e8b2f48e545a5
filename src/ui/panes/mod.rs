//! The panes of the app shell, one file each.

pub mod cluster_tree;
pub mod editor_pane;
pub mod help;
pub mod log;

use super::app::App;
use super::layout;
use super::selection::Item;

/// What is drawn at a screen cell, for mouse clicks. Today the cluster tree answers; when the
/// diagram merges, ask its `item_at` first where it is drawn and fall back to the tree.
pub fn item_at(app: &App, col: u16, row: u16) -> Option<Item> {
    let area = layout::tree_inner(app)?;
    if col < area.x || col >= area.x + area.width || row < area.y || row >= area.y + area.height {
        return None;
    }
    let rows = cluster_tree::rows(app.cluster());
    let sel = app
        .selected
        .as_ref()
        .and_then(|s| rows.iter().position(|r| &r.item == s))
        .unwrap_or(0);
    let offset = cluster_tree::scroll_offset(sel, area.height as usize);
    rows.get(offset + (row - area.y) as usize)
        .map(|r| r.item.clone())
}
