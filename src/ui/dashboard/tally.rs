//! The live vote under the presentation: a bar per option of the presented step's prediction,
//! "N of M answered", updated as answers arrive; the right answer marked once revealed (`v`);
//! who chose what only after `N` (private by default: a class votes more honestly when
//! nobody's choice is on the projector).

use super::hub::Hub;
use super::state::Dashboard;
use super::strings;
use crate::ui::theme::{Theme, ascii_fold};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// How many rows the panel wants (its border included), or `None` when the presented step asks
/// nothing.
pub fn panel_rows(d: &Dashboard, hub: &dyn Hub) -> Option<usize> {
    let (lesson, step, q) = d.presented_vote()?;
    let names = d.presenter.as_ref().is_some_and(|p| p.names);
    let mut rows = q.options.len() + 2;
    if names {
        let t = hub.tally(&lesson, &step, q.options.len());
        rows += (0..q.options.len())
            .filter(|i| t.by_student.iter().any(|(_, o)| o == i))
            .count();
    }
    Some(rows)
}

/// The option's letter, as the students answer: `a`, `b`…
fn letter(i: usize) -> char {
    char::from(b'a' + (i.min(25) as u8))
}

/// Draws the panel into `r`.
pub fn render(d: &Dashboard, hub: &dyn Hub, f: &mut Frame, r: Rect, theme: &Theme) {
    let Some((lesson, step, q)) = d.presented_vote() else {
        return;
    };
    let ascii = d.options.ascii;
    let t = hub.tally(&lesson, &step, q.options.len());
    let revealed = d.revealed();
    let names = d.presenter.as_ref().is_some_and(|p| p.names);
    let mut title = strings::tally_title(t.answered(), t.connected);
    title.push_str(if names {
        "(N hides names) "
    } else {
        "(N shows names) "
    });
    let block = Block::bordered()
        .border_set(theme.border)
        .title(crate::ui::panes::fit_title(&title, r.width));
    let inner = block.inner(r);
    f.render_widget(ratatui::widgets::Clear, r);
    f.render_widget(block, r);
    let most = t.counts.iter().copied().max().unwrap_or(0).max(1);
    let bar_w = (inner.width as usize / 3).clamp(4, 30);
    let (full, empty) = if ascii { ('#', '.') } else { ('█', '░') };
    let mut lines = Vec::new();
    for (i, o) in q.options.iter().enumerate() {
        let n = t.counts.get(i).copied().unwrap_or(0);
        let filled = (n as usize * bar_w).div_ceil(most as usize).min(bar_w);
        let bar: String = std::iter::repeat_n(full, filled)
            .chain(std::iter::repeat_n(empty, bar_w - filled))
            .collect();
        let mark = if revealed && o.correct {
            if ascii { "+" } else { "✓" }
        } else {
            " "
        };
        let style = if revealed && o.correct {
            theme.good
        } else {
            theme.normal
        };
        // Letter and mark, the bar, the count: the option's text has the rest (less a column).
        let room = (inner.width as usize).saturating_sub(3 + bar_w + 6 + 1);
        let text = crate::ui::panes::fit(&o.text, room);
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{} ", letter(i)), theme.key),
            Span::styled(bar, style),
            Span::styled(format!(" {n:>3}  "), theme.key),
            Span::styled(ascii_fold(&text, ascii).into_owned(), style),
        ]));
    }
    if names {
        for i in 0..q.options.len() {
            let who: Vec<&str> = t
                .by_student
                .iter()
                .filter(|(_, o)| *o == i)
                .map(|(n, _)| n.as_str())
                .collect();
            if !who.is_empty() {
                let text = format!("  {}: {}", letter(i), who.join(", "));
                let text = crate::ui::panes::fit(&text, (inner.width as usize).saturating_sub(1));
                lines.push(Line::styled(
                    ascii_fold(&text, ascii).into_owned(),
                    theme.dim,
                ));
            }
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}
