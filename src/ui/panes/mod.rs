//! The panes of the app shell, one file each.

pub mod cluster_tree;
pub mod drawer_pane;
pub mod editor_pane;
pub mod help;
pub mod lesson_pane;
pub mod log;
pub mod picker_pane;
pub mod quiz_pane;

use super::app::App;
use unicode_width::UnicodeWidthStr;

/// `text` shortened to `room` columns, ending with `…` when shortened: for one-line places
/// (titles, list rows) where wrapping is not possible. Nothing is ever cut at a pane's edge
/// without the mark (issue 10), and the whole text is one key away (the pane it titles, the
/// about box of the row).
pub fn fit(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > room {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// A block title that fits a pane `width` columns wide and keeps one border column before
/// the corner (so a title never runs into it), with a space after the mark when shortened.
pub fn fit_title(title: &str, width: u16) -> String {
    let room = (width as usize).saturating_sub(3);
    if title.width() <= room {
        return title.to_string();
    }
    format!("{} ", fit(title, room.saturating_sub(1)))
}
use super::layout;
use super::selection::Item;

/// What is drawn at a screen cell, for mouse clicks. Today the cluster tree answers; when the
/// diagram merges, ask its `item_at` first where it is drawn and fall back to the tree.
pub fn item_at(app: &App, col: u16, row: u16) -> Option<Item> {
    let area = layout::tree_inner(app)?;
    if col < area.x || col >= area.x + area.width || row < area.y || row >= area.y + area.height {
        return None;
    }
    let view = app.view();
    if diagram_fits(area) {
        let highlights = highlights(app);
        let style = crate::ui::diagram::DiagramStyle {
            unicode: !app.ascii,
            color: app.color,
        };
        let diagram = crate::ui::diagram::Diagram {
            cluster: &view,
            selected: app.selected.as_ref(),
            highlights: &highlights,
            style: &style,
        };
        return diagram.item_at(area, col, row);
    }
    let style = crate::ui::diagram::DiagramStyle {
        unicode: !app.ascii,
        color: app.color,
    };
    let highlights = highlights(app);
    let selected = app.selected.as_ref();
    cluster_tree::item_at(&view, &highlights, selected, &style, area, row)
}

/// Whether the cluster pane's inside is big enough for the diagram; below this the indented
/// tree is drawn instead (tiny terminals, the 80x24 tab layout on small screens).
pub fn diagram_fits(inner: ratatui::layout::Rect) -> bool {
    inner.width >= 60 && inner.height >= 16
}

/// The diagram's marks: the stories the last action lost, with the why, and (when the action
/// destroyed any storage) every story that survived it, marked kept.
pub fn highlights(app: &App) -> Vec<crate::ui::diagram::Highlight> {
    let losses = &app.cluster().data().losses;
    let end = app.seen_losses.min(losses.len());
    let recent: Vec<_> = losses
        .iter()
        .skip(app.highlight_from.min(end))
        .take(end.saturating_sub(app.highlight_from))
        .collect();
    let mut marks: Vec<crate::ui::diagram::Highlight> = recent
        .iter()
        .copied()
        // Storage that went away empty (a fresh container layer) is not news to mark.
        .filter(|loss| !loss.stories.is_empty())
        .cloned()
        .map(|loss| crate::ui::diagram::Highlight::Lost { loss })
        .collect();
    // Storage was destroyed (even an empty container layer, as a pod deletion does): every
    // story that is still stored survived it.
    if !recent.is_empty() {
        let kept = app
            .cluster()
            .data()
            .filesystems
            .values()
            .flat_map(|fs| fs.stories())
            .map(|s| crate::ui::diagram::Highlight::Kept { story_id: s.id });
        marks.extend(kept);
    }
    marks
}
