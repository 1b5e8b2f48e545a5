//! What opens over the screen: the lesson list (`p`, `Q`) and the help (`?`).

use super::keys;
use super::render::{fold, scroll_for};
use super::state::{ChooserFor, Dashboard};
use super::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The lesson list over the screen (`p`, `Q`).
pub fn render_chooser(
    d: &Dashboard,
    purpose: ChooserFor,
    selected: usize,
    f: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let mut items: Vec<String> = Vec::new();
    if purpose == ChooserFor::Quiz {
        items.push(strings::ALL_LESSONS.to_string());
    }
    for l in &d.options.lessons {
        items.push(format!("{}  {}", l.card.id, l.card.title));
    }
    let title = match purpose {
        ChooserFor::Present => strings::CHOOSE_PRESENT,
        ChooserFor::Quiz => strings::CHOOSE_QUIZ,
    };
    let width = (items
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .max(title.chars().count())
        + 4)
    .min(area.width as usize) as u16;
    let height = (items.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    clear_popup(f, area, popup);
    let block = Block::bordered().border_set(theme.border).title(title);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let visible = inner.height as usize;
    let first = scroll_for(selected, 0, visible);
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, s)| {
            let s = fold(
                d,
                &crate::ui::panes::fit(s, inner.width.saturating_sub(2) as usize),
            )
            .into_owned();
            if i == selected {
                Line::styled(format!(" {s}"), theme.active)
            } else {
                Line::raw(format!(" {s}"))
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// Clears a popup and a blank column on each side of it: text under it ends before its border
/// instead of running into it (where it would look cut), as the app's help does.
fn clear_popup(f: &mut Frame, area: Rect, popup: Rect) {
    let margin = Rect {
        x: popup.x.saturating_sub(1).max(area.x),
        width: (popup.width + 2).min(area.width),
        ..popup
    };
    f.render_widget(Clear, margin);
}

/// A `w`×`h` rectangle centred in `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(row);
    r
}

/// The help: every dashboard key by where it works, and the presentation's own keys.
pub fn help_lines(d: &Dashboard) -> Vec<(String, String)> {
    use keys::When;
    let mut out: Vec<(String, String)> = Vec::new();
    let groups = [
        (
            "the table",
            vec![
                When::Table,
                When::Filtered,
                When::TablePresenting,
                When::TableIdle,
                When::Always,
            ],
        ),
        ("watching a student", vec![When::Watch]),
        ("the line at the bottom", vec![When::Prompt]),
        ("presenting", vec![When::Present]),
    ];
    for (title, whens) in groups {
        out.push((String::new(), format!("{title}:")));
        let mut shown: Vec<String> = Vec::new();
        for b in keys::bindings() {
            if whens.contains(&b.when) {
                let k: Vec<String> = b.keys.iter().map(keys::label).collect();
                let k = fold(d, &k.join(" ")).into_owned();
                // A key bound twice in a group (`p` with and without a presentation) once.
                if !shown.contains(&k) {
                    shown.push(k.clone());
                    out.push((k, b.label.to_string()));
                }
            }
        }
    }
    if d.presenter.is_some() {
        out.push((String::new(), strings::HELP_PRESENT.to_string()));
        for b in crate::ui::keymap::bindings() {
            if b.when == crate::ui::keymap::When::Present && b.in_status {
                let k: Vec<String> = b.keys.iter().map(keys::label).collect();
                out.push((fold(d, &k.join(" ")).into_owned(), b.label.to_string()));
            }
        }
    }
    out
}

/// The help overlay, in as many columns as it takes.
pub fn render_help(d: &Dashboard, f: &mut Frame, area: Rect, theme: &Theme) {
    let rows = help_lines(d);
    let room = (area.height.saturating_sub(2) as usize).max(1);
    let columns = rows.len().div_ceil(room).max(1);
    let per = rows.len().div_ceil(columns).max(1);
    let width = (40 * columns as u16 + 2).min(area.width);
    let height = (per as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    clear_popup(f, area, popup);
    let block = Block::bordered()
        .border_set(theme.border)
        .title(strings::HELP_TITLE);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (i, chunk) in rows.chunks(per).enumerate() {
        let Some(r) = parts.get(i) else {
            continue;
        };
        let kw = chunk
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(k, l)| {
                if k.is_empty() {
                    Line::styled(l.clone(), theme.active)
                } else {
                    Line::from(vec![
                        Span::styled(format!(" {k:<kw$} "), theme.key),
                        Span::raw(l.clone()),
                    ])
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), *r);
    }
}
