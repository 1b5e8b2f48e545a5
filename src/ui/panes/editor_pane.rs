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
    let block = Block::bordered()
        .border_set(theme.border)
        .title(format!("{}: {file}", strings::EDITOR_TITLE))
        .title_bottom(Line::styled(editor.status(), status_style));
    let inner = block.inner(area);
    f.render_widget(block, area);
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
            let room = (right - x) as usize;
            let clipped: String = msg.chars().take(room).collect();
            buf.set_string(x, y, clipped, theme.error);
        }
    }
}
