//! The text of a one-line prompt (the `:` command line, the story input line) with a cursor,
//! edited the way bash's readline edits (GNU Readline's emacs mode, `man 3 readline`,
//! "Commands for Moving" and "Killing And Yanking"): people type `kubectl` lines with the
//! habits of their shell, so Ctrl-A, Alt-B and Ctrl-W must do what their fingers expect.
//!
//! A pure value: keys become an [`Edit`] in the keymap, [`LineEdit::apply`] changes the text,
//! and rendering asks [`LineEdit::window`] which part fits. Nothing here knows a terminal.

use unicode_width::UnicodeWidthChar;

/// The most bytes a line holds: the size of the Linux terminal's own line buffer in cooked
/// mode (`N_TTY_BUF_SIZE`, 4096), so nothing a person types at a shell is cut, and a pasted
/// file cannot grow the line (or the saved history) without bound.
pub const MAX_LINE_BYTES: usize = 4096;

/// One editing command, named after readline's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// `backward-char` (←, Ctrl-B).
    Left,
    /// `forward-char` (→, Ctrl-F).
    Right,
    /// `beginning-of-line` (Home, Ctrl-A).
    Home,
    /// `end-of-line` (End, Ctrl-E).
    End,
    /// `backward-word` (Alt-B, Ctrl-←): to the start of this or the previous word of letters
    /// and digits.
    WordLeft,
    /// `forward-word` (Alt-F, Ctrl-→): to the end of this or the next word.
    WordRight,
    /// `backward-delete-char` (Backspace).
    Backspace,
    /// `delete-char` (Delete, Ctrl-D).
    Delete,
    /// `unix-word-rubout` (Ctrl-W): kills back to the previous space, so
    /// `-f story.yaml` goes in one press.
    KillWordBefore,
    /// `backward-kill-word` (Alt-Backspace): kills back to the start of a word of letters and
    /// digits (`story.yaml` → `story.`).
    KillWordBack,
    /// `kill-word` (Alt-D): kills to the end of the word.
    KillWordAfter,
    /// `kill-line` (Ctrl-K): kills to the end of the line.
    KillToEnd,
    /// `unix-line-discard` (Ctrl-U): kills to the start of the line.
    KillToStart,
    /// `yank` (Ctrl-Y): inserts the text killed last.
    Yank,
}

/// A line of text and the cursor in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// A byte offset on a character boundary, `0..=text.len()`.
    cursor: usize,
    /// What the last kill removed, for [`Edit::Yank`] (readline's kill ring, one deep).
    killed: String,
}

impl LineEdit {
    /// A line holding `text` (cut to [`MAX_LINE_BYTES`]), the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        let mut l = LineEdit::default();
        l.set(text);
        l
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`LineEdit::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the line is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Empties the line (the kill ring stays, as in readline across lines).
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Replaces the text (a history entry, a completion), the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = cut(text, MAX_LINE_BYTES).to_string();
        self.cursor = self.text.len();
    }

    /// Replaces the text and puts the cursor at byte `at` (clamped to a character boundary).
    pub fn set_with_cursor(&mut self, text: &str, at: usize) {
        self.set(text);
        self.cursor = floor_boundary(&self.text, at);
    }

    /// Takes the text out, leaving the line empty.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::take(&mut self.text)
    }

    /// Types `c` at the cursor; `false` (nothing changes) when the line is full or `c` is a
    /// control character (a pasted escape sequence must never reach the screen).
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.text.len() + c.len_utf8() > MAX_LINE_BYTES {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    /// Inserts `s` at the cursor as typed text: a tab becomes a space, other control
    /// characters are dropped. Returns whether all of it fit.
    pub fn insert_str(&mut self, s: &str) -> bool {
        for c in s.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if c.is_control() {
                continue;
            }
            if !self.insert(c) {
                return false;
            }
        }
        true
    }

    /// Applies one editing command.
    pub fn apply(&mut self, e: Edit) {
        let end = self.text.len();
        match e {
            Edit::Left => self.cursor = self.prev(self.cursor),
            Edit::Right => self.cursor = self.next(self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = end,
            Edit::WordLeft => self.cursor = self.word_start_before(self.cursor),
            Edit::WordRight => self.cursor = self.word_end_after(self.cursor),
            Edit::Backspace => {
                let from = self.prev(self.cursor);
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Edit::Delete => {
                let to = self.next(self.cursor);
                self.text.replace_range(self.cursor..to, "");
            }
            Edit::KillWordBefore => {
                let before = &self.text[..self.cursor];
                let trimmed = before.trim_end_matches(char::is_whitespace);
                let from = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
                    i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
                });
                self.kill(from, self.cursor);
            }
            Edit::KillWordBack => self.kill(self.word_start_before(self.cursor), self.cursor),
            Edit::KillWordAfter => self.kill(self.cursor, self.word_end_after(self.cursor)),
            Edit::KillToEnd => self.kill(self.cursor, end),
            Edit::KillToStart => self.kill(0, self.cursor),
            Edit::Yank => {
                let text = self.killed.clone();
                self.insert_str(&text);
            }
        }
    }

    /// Removes `from..to` into the kill ring (an empty range keeps the ring, as readline).
    fn kill(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.killed = self.text[from..to].to_string();
        self.text.replace_range(from..to, "");
        self.cursor = from;
    }

    fn prev(&self, at: usize) -> usize {
        self.text[..at]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    /// readline's `backward-word`: skip what is not a word, then the word.
    fn word_start_before(&self, at: usize) -> usize {
        let mut i = at;
        while i > 0 && !is_word(self.char_before(i)) {
            i = self.prev(i);
        }
        while i > 0 && is_word(self.char_before(i)) {
            i = self.prev(i);
        }
        i
    }

    /// readline's `forward-word`: skip what is not a word, then the word.
    fn word_end_after(&self, at: usize) -> usize {
        let mut i = at;
        let end = self.text.len();
        while i < end && !is_word(self.char_at(i)) {
            i = self.next(i);
        }
        while i < end && is_word(self.char_at(i)) {
            i = self.next(i);
        }
        i
    }

    fn char_before(&self, at: usize) -> char {
        self.text[..at].chars().next_back().unwrap_or(' ')
    }

    fn char_at(&self, at: usize) -> char {
        self.text[at..].chars().next().unwrap_or(' ')
    }

    /// What to draw in `width` columns so the cursor stays visible, as readline's
    /// `horizontal-scroll-mode` does: the line scrolls by half a width when the cursor would
    /// leave it. Returns the visible text, the cursor's column in it, and whether text is
    /// hidden on the left and on the right (drawn as `<` and `>` by the caller).
    pub fn window(&self, width: usize) -> Window {
        let width = width.max(2);
        let cursor_col = columns(&self.text[..self.cursor]);
        // One column stays free after the text for the cursor at the end.
        let start_col = if cursor_col < width - 1 {
            0
        } else {
            let half = (width / 2).max(1);
            ((cursor_col - (width - 1)) / half + 1) * half
        };
        let mut col = 0;
        let mut shown = String::new();
        let mut shown_cols = 0;
        let mut first_col = None;
        let mut more_right = false;
        for c in self.text.chars() {
            let w = c.width().unwrap_or(0);
            if col >= start_col {
                if shown_cols + w > width {
                    more_right = true;
                    break;
                }
                first_col.get_or_insert(col);
                shown.push(c);
                shown_cols += w;
            }
            col += w;
        }
        let first_col = first_col.unwrap_or(start_col);
        Window {
            text: shown,
            cursor: cursor_col.saturating_sub(first_col),
            more_left: first_col > 0,
            more_right,
        }
    }
}

/// The part of a line that fits on screen (see [`LineEdit::window`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The visible text.
    pub text: String,
    /// The cursor's column within it.
    pub cursor: usize,
    /// Text is hidden on the left.
    pub more_left: bool,
    /// Text is hidden on the right.
    pub more_right: bool,
}

/// readline's word characters: letters and digits.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The display width of `s` in terminal columns.
pub fn columns(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The longest prefix of `s` of at most `max` bytes, on a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use Edit::*;

    /// One step of a test: type text, or an editing command.
    enum Step {
        Type(&'static str),
        Do(Edit),
    }
    use Step::{Do, Type};

    /// Runs the steps on an empty line; the result as the text with `|` at the cursor.
    fn run(steps: &[Step]) -> String {
        let mut l = LineEdit::default();
        for s in steps {
            match s {
                Type(t) => assert!(l.insert_str(t)),
                Do(e) => l.apply(*e),
            }
        }
        format!("{}|{}", &l.text()[..l.cursor()], &l.text()[l.cursor()..])
    }

    #[test]
    fn key_sequences_edit_as_readline_does() {
        let table: &[(&str, &[Step], &str)] = &[
            ("typing appends", &[Type("get pods")], "get pods|"),
            (
                "← moves back",
                &[Type("get pods"), Do(Left), Do(Left)],
                "get po|ds",
            ),
            ("→ stops at the end", &[Type("ab"), Do(Right)], "ab|"),
            (
                "← stops at the start",
                &[Type("a"), Do(Left), Do(Left)],
                "|a",
            ),
            (
                "Home, then type",
                &[Type("get pods"), Do(Home), Type("kubectl ")],
                "kubectl |get pods",
            ),
            ("End after Home", &[Type("get"), Do(Home), Do(End)], "get|"),
            (
                "typing mid-line inserts",
                &[Type("get pds"), Do(Left), Do(Left), Type("o")],
                "get po|ds",
            ),
            (
                "Backspace mid-line",
                &[Type("get podds"), Do(Left), Do(Left), Do(Backspace)],
                "get po|ds",
            ),
            (
                "Backspace at the start does nothing",
                &[Type("ab"), Do(Home), Do(Backspace)],
                "|ab",
            ),
            (
                "Delete under the cursor",
                &[
                    Type("get ppods"),
                    Do(Home),
                    Do(WordRight),
                    Do(Right),
                    Do(Delete),
                ],
                "get |pods",
            ),
            (
                "Delete at the end does nothing",
                &[Type("ab"), Do(Delete)],
                "ab|",
            ),
            (
                "Alt-B to the word's start",
                &[Type("get pvc data"), Do(WordLeft)],
                "get pvc |data",
            ),
            (
                "Alt-B skips punctuation",
                &[Type("apply -f story.yaml"), Do(WordLeft), Do(WordLeft)],
                "apply -f |story.yaml",
            ),
            (
                "Alt-F to the word's end",
                &[Type("get pvc data"), Do(Home), Do(WordRight)],
                "get| pvc data",
            ),
            (
                "Alt-F twice",
                &[Type("get pvc data"), Do(Home), Do(WordRight), Do(WordRight)],
                "get pvc| data",
            ),
            (
                "Ctrl-W kills back to a space",
                &[Type("apply -f story.yaml"), Do(KillWordBefore)],
                "apply -f |",
            ),
            (
                "Ctrl-W skips trailing spaces",
                &[Type("get pods  "), Do(KillWordBefore)],
                "get |",
            ),
            (
                "Ctrl-W mid-line",
                &[Type("get pvc data"), Do(WordLeft), Do(KillWordBefore)],
                "get |data",
            ),
            (
                "Alt-Backspace stops at punctuation",
                &[Type("apply -f story.yaml"), Do(KillWordBack)],
                "apply -f story.|",
            ),
            (
                "Alt-D kills the next word",
                &[Type("get pvc data"), Do(Home), Do(KillWordAfter)],
                "| pvc data",
            ),
            (
                "Ctrl-K kills to the end",
                &[
                    Type("get pods -o wide"),
                    Do(WordLeft),
                    Do(WordLeft),
                    Do(KillToEnd),
                ],
                "get pods -|",
            ),
            (
                "Ctrl-U kills to the start",
                &[Type("get pods -o wide"), Do(WordLeft), Do(KillToStart)],
                "|wide",
            ),
            (
                "Ctrl-Y yanks the last kill",
                &[Type("get pods"), Do(KillWordBefore), Do(Home), Do(Yank)],
                "pods|get ",
            ),
            (
                "a kill of nothing keeps the ring",
                &[Type("ab"), Do(KillWordBefore), Do(KillToEnd), Do(Yank)],
                "ab|",
            ),
            (
                "multi-byte characters",
                &[Type("é✓x"), Do(Left), Do(Left), Do(Backspace)],
                "|✓x",
            ),
        ];
        for (what, steps, want) in table {
            assert_eq!(run(steps), *want, "{what}");
        }
    }

    #[test]
    fn the_line_is_bounded_and_keeps_control_characters_out() {
        let mut l = LineEdit::default();
        assert!(!l.insert('\u{1b}'), "ESC would reach the terminal");
        assert!(l.insert_str("a\tb\u{7}c"));
        assert_eq!(l.text(), "a bc");
        let long = "x".repeat(MAX_LINE_BYTES);
        assert!(!l.insert_str(&long), "over the limit");
        assert_eq!(l.text().len(), MAX_LINE_BYTES);
        assert!(!l.insert('y'));
        assert_eq!(
            LineEdit::new(&"é".repeat(MAX_LINE_BYTES)).text().len(),
            MAX_LINE_BYTES
        );
    }

    #[test]
    fn a_long_line_scrolls_so_the_cursor_stays_visible() {
        let mut l = LineEdit::new("");
        l.insert_str("0123456789abcdefghij");
        // 10 columns: the end of the line, with a free column for the cursor.
        let w = l.window(10);
        assert!(w.more_left && !w.more_right, "{w:?}");
        assert_eq!(&w.text[w.cursor.min(w.text.len())..], "");
        assert!(w.cursor < 10);
        l.apply(Edit::Home);
        let w = l.window(10);
        assert_eq!(
            (w.text.as_str(), w.cursor, w.more_left, w.more_right),
            ("0123456789", 0, false, true)
        );
        for _ in 0..12 {
            l.apply(Edit::Right);
        }
        let w = l.window(10);
        assert!(w.cursor < 10, "{w:?}");
        assert_eq!(
            w.text.chars().nth(w.cursor),
            Some('c'),
            "the cursor is on c: {w:?}"
        );
        // A short line is shown whole.
        let w = LineEdit::new("get").window(10);
        assert_eq!(
            (w.text.as_str(), w.cursor, w.more_left, w.more_right),
            ("get", 3, false, false)
        );
    }
}
