//! The editor pane: the text area, each loader diagnostic marked at its line (with the
//! did-you-mean), and the first problem in the block's bottom title.

use crate::ui::editor::Editor;
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;

/// Draws the editor in `area`.
pub fn render(f: &mut Frame, area: Rect, editor: &Editor, file: &str, theme: &Theme, ascii: bool) {
    let status_style = if editor.diagnostics.is_empty() {
        theme.dim
    } else {
        theme.error
    };
    let status = editor.status();
    let title = super::fit_title(&format!("{}: {file}", strings::EDITOR_TITLE), area.width);
    let block = Block::bordered().border_set(theme.border).title(title);
    // The first problem in full: on the bottom border when it fits, else wrapped at words on
    // the pane's last rows (never cut at the border, so the did-you-mean at its end stays).
    let room = (area.width as usize).saturating_sub(3);
    let (block, below) = if unicode_width::UnicodeWidthStr::width(status.as_str()) <= room {
        (
            block.title_bottom(Line::styled(status, status_style)),
            Vec::new(),
        )
    } else {
        let width = (area.width as usize).saturating_sub(3).max(1);
        (block, super::drawer_pane::wrap_words(&status, width))
    };
    let outer = block.inner(area);
    f.render_widget(block, area);
    let rows = (below.len() as u16).min(outer.height.saturating_sub(3));
    let inner = Rect {
        height: outer.height - rows,
        ..outer
    };
    for (i, line) in below.iter().take(rows as usize).enumerate() {
        f.buffer_mut()
            .set_string(outer.x, inner.bottom() + i as u16, line, status_style);
    }
    f.render_widget(&editor.area, inner);
    let (top, _) = editor.area.scroll_offset();
    let gutter = editor.area.line_number_width();
    let lines = editor.area.lines();
    let buf = f.buffer_mut();
    for d in &editor.diagnostics {
        let Some(row) = (d.line as usize).checked_sub(1 + top as usize) else {
            continue;
        };
        if row >= inner.height as usize {
            continue;
        }
        let y = inner.y + row as u16;
        let mark = if ascii { "!" } else { "●" };
        buf.set_string(inner.x, y, mark, theme.error);
        let text_len = lines
            .get(d.line as usize - 1)
            .map(|l| l.chars().count())
            .unwrap_or(0);
        let x = inner.x + gutter + text_len as u16 + 2;
        let right = inner.x + inner.width;
        if x < right {
            let arrow = if ascii { "<- " } else { "◀ " };
            let mut msg = format!("{arrow}{}", d.message);
            if let Some(s) = &d.suggestion {
                msg.push_str(&format!(" ({s})"));
            }
            // Shortened with `…` (and a column before the border): the whole message is
            // in the editor's status line below.
            let room = (right - x) as usize;
            buf.set_string(x, y, super::fit(&msg, room.saturating_sub(1)), theme.error);
        }
    }
}
