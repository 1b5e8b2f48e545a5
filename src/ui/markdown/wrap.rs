//! Word wrapping of styled pieces to a number of display columns, with an optional marker on
//! the first line (`• `, `1. `) and a hanging indent on the others.
//!
//! Widths are measured exactly as ratatui's `Line::width` measures the lines we hand it (the
//! sum of each span's `unicode-width`), on the spans as they will be emitted, so emoji
//! sequences and combining marks cannot make a line overflow behind our back.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::inline::Piece;

/// A word: the pieces between two runs of whitespace, possibly in several styles
/// (`**bold**,` is a bold piece and a plain comma).
struct Word {
    pieces: Vec<Piece>,
    /// The style of the whitespace before the word (the word's own when it is the first).
    space: Style,
}

/// How the lines of one block start.
pub(super) struct Hang {
    /// Drawn before the first line (a list marker), if any.
    pub marker: Option<Piece>,
    /// Spaces before every later line.
    pub indent: usize,
}

impl Hang {
    /// No marker, no indent: headings and paragraphs.
    pub(super) fn flush() -> Hang {
        Hang {
            marker: None,
            indent: 0,
        }
    }
}

/// Wraps `pieces` to `width` columns into `out`. Words longer than a line are broken hard;
/// whitespace runs become one space, as in Markdown.
pub(super) fn wrap(pieces: &[Piece], width: usize, hang: Hang, out: &mut Vec<Line<'static>>) {
    let words = words(pieces);
    // A hanging indent that would leave less than two columns is dropped, and a marker that
    // would is drawn on a line of its own: tiny panes still show every word.
    let indent = if hang.indent + 2 > width {
        0
    } else {
        hang.indent
    };
    let start = pad(indent);
    let mut line: Vec<Piece> = Vec::new();
    if let Some(marker) = hang.marker {
        if marker.0.width() + 2 > width {
            out.push(emit(vec![(cut(&marker.0, width, ""), marker.1)]));
            line = start.clone();
        } else {
            line.push(marker);
        }
    }
    let marker_only = !line.is_empty() && words.is_empty();
    let mut has_text = false;
    for word in &words {
        if has_text {
            let mut with = line.clone();
            push(&mut with, (" ".to_string(), word.space));
            push_all(&mut with, &word.pieces);
            if measure(&with) <= width {
                line = with;
                continue;
            }
            out.push(emit(std::mem::replace(&mut line, start.clone())));
        }
        let mut with = line.clone();
        push_all(&mut with, &word.pieces);
        if measure(&with) <= width {
            line = with;
            has_text = true;
            continue;
        }
        for (text, style) in &word.pieces {
            for c in text.chars() {
                let piece = (c.to_string(), *style);
                let mut with = line.clone();
                push(&mut with, piece.clone());
                if measure(&with) <= width || !has_text {
                    line = with;
                } else {
                    out.push(emit(std::mem::replace(&mut line, start.clone())));
                    push(&mut line, piece);
                }
                has_text = true;
            }
        }
    }
    if has_text || marker_only {
        out.push(emit(line));
    }
}

/// Cuts `text` to `width` columns, ending with `mark` when something was cut.
pub(super) fn cut(text: &str, width: usize, mark: &str) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    // Only the start can be shown; bounding it keeps the exact measuring below cheap on a
    // long line (a shown character is at least one column, bar zero-width marks).
    let mut kept = String::new();
    for c in text.chars().take(width * 4 + 8) {
        let mut with = kept.clone();
        with.push(c);
        with.push_str(mark);
        if with.width() > width {
            break;
        }
        kept.push(c);
    }
    if format!("{kept}{mark}").width() <= width {
        kept.push_str(mark);
    }
    kept
}

fn words(pieces: &[Piece]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut space: Option<Style> = None;
    for (text, style) in pieces {
        for c in text.chars() {
            if c.is_whitespace() {
                if !current.is_empty() {
                    let first = current[0].1;
                    words.push(Word {
                        pieces: std::mem::take(&mut current),
                        space: space.take().unwrap_or(first),
                    });
                }
                space.get_or_insert(*style);
            } else {
                push(&mut current, (c.to_string(), *style));
            }
        }
    }
    if !current.is_empty() {
        let first = current[0].1;
        words.push(Word {
            pieces: current,
            space: space.unwrap_or(first),
        });
    }
    words
}

/// Appends a piece, merging it into the last one when the style is the same (as the emitted
/// line will have it, so that [`measure`] sees the real spans).
fn push(line: &mut Vec<Piece>, piece: Piece) {
    match line.last_mut() {
        Some(last) if last.1 == piece.1 => last.0.push_str(&piece.0),
        _ => line.push(piece),
    }
}

fn push_all(line: &mut Vec<Piece>, pieces: &[Piece]) {
    for p in pieces {
        push(line, p.clone());
    }
}

fn measure(line: &[Piece]) -> usize {
    line.iter().map(|(t, _)| t.width()).sum()
}

fn pad(indent: usize) -> Vec<Piece> {
    if indent == 0 {
        Vec::new()
    } else {
        vec![(" ".repeat(indent), Style::default())]
    }
}

fn emit(line: Vec<Piece>) -> Line<'static> {
    Line::from(
        line.into_iter()
            .map(|(t, s)| Span::styled(t, s))
            .collect::<Vec<_>>(),
    )
}
