//! Paints laid-out [`Op`]s into a ratatui buffer, clipped to the area: tones become colours
//! only when colour is on, the selection is reversed and marked with a cursor glyph.

use super::DiagramStyle;
use super::glyphs::Glyphs;
use super::layout::{Op, Seg, Tone};
use crate::ui::selection::Item;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthChar;

/// The style of a tone.
pub fn tone_style(tone: Tone, style: &DiagramStyle) -> Style {
    let base = match tone {
        Tone::Title => Style::new().add_modifier(Modifier::BOLD),
        Tone::Lost => Style::new().add_modifier(Modifier::BOLD),
        Tone::Kept => Style::new().add_modifier(Modifier::BOLD),
        _ => Style::new(),
    };
    if !style.color {
        return base;
    }
    let fg = match tone {
        Tone::Plain | Tone::Title => return base,
        Tone::Dim => Color::DarkGray,
        Tone::Good => Color::Green,
        Tone::Warn => Color::Yellow,
        Tone::Bad | Tone::Lost => Color::Red,
        Tone::Kept => Color::LightGreen,
        Tone::Story => Color::Cyan,
        Tone::Memory => Color::Magenta,
        Tone::Disk => Color::Blue,
    };
    base.fg(fg)
}

/// Cuts segments to `width` columns, ending with `ellipsis` when something was cut.
pub fn fit(segs: &[Seg], width: u16, ellipsis: &str) -> Vec<(String, Tone)> {
    let total: usize = segs.iter().flat_map(|s| s.text.chars()).map(cw).sum();
    let width = width as usize;
    if total <= width {
        return segs.iter().map(|s| (s.text.clone(), s.tone)).collect();
    }
    let budget = width.saturating_sub(ellipsis.chars().map(cw).sum());
    let mut used = 0;
    let mut out = Vec::new();
    let mut last = Tone::Plain;
    'outer: for s in segs {
        let mut t = String::new();
        for c in s.text.chars() {
            if used + cw(c) > budget {
                out.push((t, s.tone));
                last = s.tone;
                break 'outer;
            }
            used += cw(c);
            t.push(c);
        }
        out.push((t, s.tone));
        last = s.tone;
    }
    if width >= ellipsis.chars().map(cw).sum() {
        out.push((ellipsis.to_string(), last));
    }
    out
}

fn cw(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

/// Draws ops into `buf`, never outside `area`.
pub fn draw(
    ops: &[Op],
    area: Rect,
    buf: &mut Buffer,
    style: &DiagramStyle,
    g: &Glyphs,
    selected: Option<&Item>,
) {
    let area = area.intersection(buf.area);
    for op in ops {
        match op {
            Op::Frame {
                rect,
                tone,
                title,
                item,
            } => {
                let rect = rect.intersection(area);
                if rect.width < 2 || rect.height < 2 {
                    continue;
                }
                let sel = item.is_some() && item.as_ref() == selected;
                let mut st = tone_style(*tone, style);
                if sel {
                    st = st.add_modifier(Modifier::BOLD);
                }
                frame(rect, buf, st, g);
                let mut t = vec![Seg {
                    text: " ".into(),
                    tone: Tone::Plain,
                }];
                if sel {
                    t.push(Seg {
                        text: format!("{} ", g.cursor),
                        tone: Tone::Title,
                    });
                }
                t.extend(title.iter().cloned());
                t.push(Seg {
                    text: " ".into(),
                    tone: Tone::Plain,
                });
                line(
                    rect.x + 1,
                    rect.y,
                    rect.width - 2,
                    &t,
                    area,
                    buf,
                    style,
                    g,
                    sel,
                );
            }
            Op::Text {
                x,
                y,
                width,
                segs,
                item,
            } => {
                let sel = item.is_some() && item.as_ref() == selected;
                if sel {
                    let mut t = vec![Seg {
                        text: format!("{} ", g.cursor),
                        tone: Tone::Title,
                    }];
                    t.extend(segs.iter().cloned());
                    line(*x, *y, *width, &t, area, buf, style, g, true);
                } else {
                    line(*x, *y, *width, segs, area, buf, style, g, false);
                }
            }
        }
    }
}

fn frame(r: Rect, buf: &mut Buffer, st: Style, g: &Glyphs) {
    let (right, bottom) = (r.right() - 1, r.bottom() - 1);
    for x in r.x..=right {
        for y in [r.y, bottom] {
            buf[(x, y)].set_char(g.horizontal).set_style(st);
        }
    }
    for y in r.y..=bottom {
        for x in [r.x, right] {
            buf[(x, y)].set_char(g.vertical).set_style(st);
        }
    }
    let [tl, tr, bl, br] = g.corners;
    buf[(r.x, r.y)].set_char(tl);
    buf[(right, r.y)].set_char(tr);
    buf[(r.x, bottom)].set_char(bl);
    buf[(right, bottom)].set_char(br);
}

#[allow(clippy::too_many_arguments)]
fn line(
    x: u16,
    y: u16,
    width: u16,
    segs: &[Seg],
    area: Rect,
    buf: &mut Buffer,
    style: &DiagramStyle,
    g: &Glyphs,
    sel: bool,
) {
    if y < area.y || y >= area.bottom() || x < area.x || x >= area.right() {
        return;
    }
    // One column is kept before the box's (or pane's) right border, so text that fills its
    // room never looks cut by the border (issue 10); what does not fit ends with `…`.
    let width = width.min(area.right() - x).saturating_sub(1);
    let mut cx = x;
    for (t, tone) in fit(segs, width, g.ellipsis) {
        let mut st = tone_style(tone, style);
        if sel {
            st = st.add_modifier(Modifier::REVERSED);
        }
        let room = (x + width).saturating_sub(cx);
        let (nx, _) = buf.set_stringn(cx, y, &t, room as usize, st);
        cx = nx;
    }
}
