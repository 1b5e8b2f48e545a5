//! Boxes and rows as plain data, and where they go in an area. Nothing here draws: the result
//! is a list of [`Op`]s that `render` paints and `item_at` searches, so both agree by
//! construction and the placement is testable without a terminal.

use crate::ui::selection::Item;
use ratatui::layout::Rect;

/// What a piece of text or a box means, which `render` turns into a colour and a modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Secondary text (reasons, paths).
    Dim,
    /// A heading.
    Title,
    /// Healthy, bound, running.
    Good,
    /// Waiting, pending, released.
    Warn,
    /// Failed, not ready, lost claim.
    Bad,
    /// Data that was just destroyed.
    Lost,
    /// Data that survived the last event.
    Kept,
    /// A story.
    Story,
    /// Storage in memory (tmpfs).
    Memory,
    /// A node's disk.
    Disk,
}

/// A run of text with one tone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seg {
    /// The text.
    pub text: String,
    /// Its tone.
    pub tone: Tone,
}

/// Shorthand for a [`Seg`].
pub fn seg(text: impl Into<String>, tone: Tone) -> Seg {
    Seg {
        text: text.into(),
        tone,
    }
}

/// One line of text, optionally standing for a selectable item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The text.
    pub segs: Vec<Seg>,
    /// What selecting this row selects.
    pub item: Option<Item>,
}

/// A thing inside a box: a row or a nested box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A line.
    Row(Row),
    /// A nested box.
    Block(Block),
}

/// A bordered box with a title, contents and an optional footer kept at its bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The title, drawn in the top border.
    pub title: Vec<Seg>,
    /// The border's tone.
    pub tone: Tone,
    /// What selecting the box selects.
    pub item: Option<Item>,
    /// The contents, top to bottom.
    pub entries: Vec<Entry>,
    /// A box pinned to the bottom (a node's disk strip).
    pub footer: Option<Box<Block>>,
}

impl Block {
    /// Rows and boxes needed to show everything.
    pub fn natural_height(&self) -> u16 {
        let inner: u32 = self.entries.iter().map(entry_height).sum::<u32>()
            + self
                .footer
                .as_ref()
                .map_or(0, |f| f.natural_height() as u32);
        (inner + 2).min(u16::MAX as u32) as u16
    }

    /// Every item in the box, in drawing order.
    pub fn items(&self, out: &mut Vec<Item>) {
        out.extend(self.item.clone());
        for e in &self.entries {
            match e {
                Entry::Row(r) => out.extend(r.item.clone()),
                Entry::Block(b) => b.items(out),
            }
        }
        if let Some(f) = &self.footer {
            f.items(out);
        }
    }
}

fn entry_height(e: &Entry) -> u32 {
    match e {
        Entry::Row(_) => 1,
        Entry::Block(b) => b.natural_height() as u32,
    }
}

/// One drawing step, inside the area it was laid out for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// A box border with its title.
    Frame {
        /// Where.
        rect: Rect,
        /// Border tone.
        tone: Tone,
        /// Title text.
        title: Vec<Seg>,
        /// The item the box stands for.
        item: Option<Item>,
    },
    /// A line of text, truncated to `width` with an ellipsis.
    Text {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// Columns available.
        width: u16,
        /// The text.
        segs: Vec<Seg>,
        /// The item the line stands for.
        item: Option<Item>,
    },
}

/// Text op helper.
pub fn text(x: u16, y: u16, width: u16, row: &Row) -> Op {
    Op::Text {
        x,
        y,
        width,
        segs: row.segs.clone(),
        item: row.item.clone(),
    }
}

fn more(n: usize) -> Row {
    Row {
        segs: vec![seg(format!("+{n} more"), Tone::Dim)],
        item: None,
    }
}

/// Lays a box out in `rect`, truncating its contents with "+N more" when they do not fit. A
/// rectangle too small for a border gets the title as one line.
pub fn place_block(b: &Block, rect: Rect, ops: &mut Vec<Op>) {
    if rect.width == 0 || rect.height == 0 {
        return;
    }
    if rect.height < 3 || rect.width < 6 {
        let row = Row {
            segs: b.title.clone(),
            item: b.item.clone(),
        };
        ops.push(text(rect.x, rect.y, rect.width, &row));
        return;
    }
    ops.push(Op::Frame {
        rect,
        tone: b.tone,
        title: b.title.clone(),
        item: b.item.clone(),
    });
    let inner = Rect::new(rect.x + 1, rect.y + 1, rect.width - 2, rect.height - 2);
    let mut bottom = inner.bottom();
    if let Some(f) = &b.footer {
        let need: u16 = b
            .entries
            .iter()
            .map(entry_height)
            .sum::<u32>()
            .min(u16::MAX as u32) as u16;
        let room = inner.height.saturating_sub(need.min(inner.height / 2));
        let want = f.natural_height().min(room);
        if want >= 1 {
            let fr = Rect::new(inner.x, bottom - want, inner.width, want);
            place_block(f, fr, ops);
            bottom -= want;
        }
    }
    place_entries(&b.entries, inner.x, inner.y, inner.width, bottom, ops);
}

/// Lays entries out top to bottom between `y` and `bottom`. A nested box gets its natural
/// height if that leaves a line for each later entry, else what is left (truncated inside), and
/// collapses to its title line when even that is under three rows, so a crowded node still
/// lists its pods. What does not fit at all is counted as "+N more".
pub fn place_entries(
    entries: &[Entry],
    x: u16,
    y: u16,
    width: u16,
    bottom: u16,
    ops: &mut Vec<Op>,
) {
    let mut y = y;
    let n = entries.len();
    for (i, e) in entries.iter().enumerate() {
        let avail = bottom.saturating_sub(y);
        let later = (n - i - 1).min(u16::MAX as usize) as u16;
        let one_line_fits = avail >= 1 && (later == 0 || avail >= 2);
        let room = avail.saturating_sub(later);
        match e {
            Entry::Block(b) if room >= 3 => {
                let h = b.natural_height().min(room);
                place_block(b, Rect::new(x, y, width, h), ops);
                y += h;
            }
            Entry::Block(b) if one_line_fits => {
                let title = Row {
                    segs: b.title.clone(),
                    item: b.item.clone(),
                };
                ops.push(text(x, y, width, &title));
                y += 1;
            }
            Entry::Row(r) if one_line_fits => {
                ops.push(text(x, y, width, r));
                y += 1;
            }
            _ => {
                if y < bottom {
                    ops.push(text(x, y, width, &more(n - i)));
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(t: &str) -> Entry {
        Entry::Row(Row {
            segs: vec![seg(t, Tone::Plain)],
            item: None,
        })
    }

    #[test]
    fn entries_that_do_not_fit_are_counted() {
        let b = Block {
            title: vec![seg("box", Tone::Title)],
            tone: Tone::Plain,
            item: None,
            entries: (0..10).map(|i| row(&format!("line {i}"))).collect(),
            footer: None,
        };
        assert_eq!(b.natural_height(), 12);
        let mut ops = Vec::new();
        place_block(&b, Rect::new(0, 0, 20, 6), &mut ops);
        let texts: Vec<String> = ops
            .iter()
            .filter_map(|o| match o {
                Op::Text { segs, .. } => Some(segs[0].text.clone()),
                Op::Frame { .. } => None,
            })
            .collect();
        assert_eq!(texts, ["line 0", "line 1", "line 2", "+7 more"]);
    }

    #[test]
    fn a_box_too_small_for_a_border_is_its_title() {
        let b = Block {
            title: vec![seg("box", Tone::Title)],
            tone: Tone::Plain,
            item: None,
            entries: vec![row("x")],
            footer: None,
        };
        let mut ops = Vec::new();
        place_block(&b, Rect::new(3, 4, 20, 2), &mut ops);
        assert!(matches!(&ops[..], [Op::Text { x: 3, y: 4, .. }]));
    }
}
