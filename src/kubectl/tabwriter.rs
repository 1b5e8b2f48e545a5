//! A faithful port of Go's `text/tabwriter` (elastic tabstops), plus the `RememberWidths` flag
//! of `github.com/liggitt/tabwriter`, the fork kubectl's table printer uses.
//!
//! Sources: golang/go `src/text/tabwriter/tabwriter.go` and liggitt/tabwriter `tabwriter.go`
//! (`Writer.Write`, `format`, `writeLines`, `writePadding`, `terminateCell`, `Flush`).
//! Cells are terminated by `\t` (or `\v`); tab-terminated cells of consecutive lines form a
//! column; the last cell of a line is not part of a column and is never padded; a line with
//! a single cell (and `\f`) flushes. Text is handled as bytes, widths count UTF-8 runes.
//!
//! kubectl's settings: [`TabWriter::kubectl_get`] (cli-runtime `printers/tabwriter.go`
//! `GetNewTabWriter`: minwidth 6, tabwidth 4, padding 3, padchar ' ', `RememberWidths`) and
//! [`TabWriter::kubectl_describe`] (kubectl `describe/describe.go` `tabbedString`:
//! `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`).

/// Ignore HTML tags and count entities (`&lt;`) as one character.
pub const FILTER_HTML: u32 = 1;
/// Strip the `0xff` escape bytes bracketing escaped text.
pub const STRIP_ESCAPE: u32 = 1 << 1;
/// Right-align cell content.
pub const ALIGN_RIGHT: u32 = 1 << 2;
/// Treat columns made only of empty `\v`-terminated cells as absent.
pub const DISCARD_EMPTY_COLUMNS: u32 = 1 << 3;
/// Pad leading empty cells with tabs whatever the pad character.
pub const TAB_INDENT: u32 = 1 << 4;
/// Print `|` between columns.
pub const DEBUG: u32 = 1 << 5;
/// Remember the widest width seen per column across flushes (liggitt/tabwriter).
pub const REMEMBER_WIDTHS: u32 = 1 << 6;

/// The escape byte: text between two of them is copied through as one cell part.
pub const ESCAPE: u8 = 0xff;

#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    size: usize,
    width: usize,
    htab: bool,
}

/// A buffering filter that aligns tab-separated columns (Go's `tabwriter.Writer`).
#[derive(Clone, Debug)]
pub struct TabWriter {
    minwidth: usize,
    tabwidth: usize,
    padding: usize,
    padchar: u8,
    flags: u32,
    buf: Vec<u8>,
    pos: usize,
    cell: Cell,
    end_char: u8,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
    maxwidths: Vec<usize>,
    out: Vec<u8>,
}

impl TabWriter {
    /// `tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, flags)`.
    pub fn new(
        minwidth: usize,
        tabwidth: usize,
        padding: usize,
        padchar: u8,
        flags: u32,
    ) -> TabWriter {
        let flags = if padchar == b'\t' {
            flags & !ALIGN_RIGHT
        } else {
            flags
        };
        let mut w = TabWriter {
            minwidth,
            tabwidth,
            padding,
            padchar,
            flags,
            buf: Vec::new(),
            pos: 0,
            cell: Cell::default(),
            end_char: 0,
            lines: Vec::new(),
            widths: Vec::new(),
            maxwidths: Vec::new(),
            out: Vec::new(),
        };
        w.reset();
        w
    }

    /// The writer `kubectl get` prints tables through.
    pub fn kubectl_get() -> TabWriter {
        TabWriter::new(6, 4, 3, b' ', REMEMBER_WIDTHS)
    }

    /// The writer `kubectl describe` prints through.
    pub fn kubectl_describe() -> TabWriter {
        TabWriter::new(0, 8, 2, b' ', 0)
    }

    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.cell = Cell::default();
        self.end_char = 0;
        self.lines.clear();
        self.widths.clear();
        self.lines.push(Vec::new());
    }

    /// `SetRememberedWidths`: replaces the remembered per-column widths (`None` forgets them).
    pub fn set_remembered_widths(&mut self, widths: Option<Vec<usize>>) {
        self.maxwidths = widths.unwrap_or_default();
    }

    /// `RememberedWidths`: the widest width seen per column so far.
    pub fn remembered_widths(&self) -> Vec<usize> {
        self.maxwidths.clone()
    }

    /// Writes text (see [`TabWriter::write`]).
    pub fn write_str(&mut self, text: &str) {
        self.write(text.as_bytes());
    }

    /// `Writer.Write`: splits the bytes into cells; lines are formatted when a flush happens.
    pub fn write(&mut self, buf: &[u8]) {
        let mut n = 0;
        for (i, &ch) in buf.iter().enumerate() {
            if self.end_char == 0 {
                match ch {
                    b'\t' | 0x0b | b'\n' | 0x0c => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i + 1;
                        let ncells = self.terminate_cell(ch == b'\t');
                        if ch == b'\n' || ch == 0x0c {
                            self.lines.push(Vec::new());
                            if ch == 0x0c || ncells == 1 {
                                self.flush();
                                if ch == 0x0c && self.flags & DEBUG != 0 {
                                    self.out.extend_from_slice(b"---\n");
                                }
                            }
                        }
                    }
                    ESCAPE => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        if self.flags & STRIP_ESCAPE != 0 {
                            n += 1;
                        }
                        self.end_char = ESCAPE;
                    }
                    b'<' | b'&' if self.flags & FILTER_HTML != 0 => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        self.end_char = if ch == b'<' { b'>' } else { b';' };
                    }
                    _ => {}
                }
            } else if ch == self.end_char {
                let j = if ch == ESCAPE && self.flags & STRIP_ESCAPE != 0 {
                    i
                } else {
                    i + 1
                };
                self.append(&buf[n..j]);
                n = i + 1;
                self.end_escape();
            }
        }
        self.append(&buf[n..]);
    }

    /// `Writer.Flush`: formats everything buffered into the output.
    pub fn flush(&mut self) {
        if self.cell.size > 0 {
            if self.end_char != 0 {
                self.end_escape();
            }
            self.terminate_cell(false);
        }
        let line_count = self.lines.len();
        self.format(0, 0, line_count);
        self.reset();
    }

    /// Takes the formatted output produced so far (call [`TabWriter::flush`] first).
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// Flushes and returns all output as text (invalid UTF-8 is replaced).
    pub fn finish(mut self) -> String {
        self.flush();
        String::from_utf8_lossy(&self.out).into_owned()
    }

    fn append(&mut self, text: &[u8]) {
        self.buf.extend_from_slice(text);
        self.cell.size += text.len();
    }

    fn update_width(&mut self) {
        self.cell.width += rune_count(&self.buf[self.pos..]);
        self.pos = self.buf.len();
    }

    fn end_escape(&mut self) {
        match self.end_char {
            ESCAPE => {
                self.update_width();
                if self.flags & STRIP_ESCAPE == 0 {
                    self.cell.width = self.cell.width.saturating_sub(2);
                }
            }
            b';' => self.cell.width += 1,
            _ => {}
        }
        self.pos = self.buf.len();
        self.end_char = 0;
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let cell = std::mem::take(&mut self.cell);
        match self.lines.last_mut() {
            Some(line) => {
                line.push(cell);
                line.len()
            }
            None => {
                self.lines.push(vec![cell]);
                1
            }
        }
    }

    fn format(&mut self, pos0: usize, line0: usize, line1: usize) -> usize {
        let mut pos = pos0;
        let mut line0 = line0;
        let column = self.widths.len();
        let mut this = line0;
        while this < line1 {
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            pos = self.write_lines(pos, line0, this);
            line0 = this;
            let mut width = self.minwidth;
            let mut discardable = true;
            while this < line1 {
                let line = &self.lines[this];
                if column + 1 >= line.len() {
                    break;
                }
                let c = line[column];
                width = width.max(c.width + self.padding);
                if c.width > 0 || c.htab {
                    discardable = false;
                }
                this += 1;
            }
            if discardable && self.flags & DISCARD_EMPTY_COLUMNS != 0 {
                width = 0;
            }
            if self.flags & REMEMBER_WIDTHS != 0 {
                let n = self.widths.len();
                if self.maxwidths.len() < n {
                    let start = self.maxwidths.len();
                    self.maxwidths.extend_from_slice(&self.widths[start..]);
                }
                if self.maxwidths.len() == n {
                    self.maxwidths.push(width);
                } else if self.maxwidths[n] > width {
                    width = self.maxwidths[n];
                } else {
                    self.maxwidths[n] = width;
                }
            }
            self.widths.push(width);
            pos = self.format(pos, line0, this);
            self.widths.pop();
            line0 = this;
            this += 1;
        }
        self.write_lines(pos, line0, line1)
    }

    fn write_lines(&mut self, pos0: usize, line0: usize, line1: usize) -> usize {
        let mut pos = pos0;
        for i in line0..line1 {
            let mut use_tabs = self.flags & TAB_INDENT != 0;
            for j in 0..self.lines[i].len() {
                let c = self.lines[i][j];
                if j > 0 && self.flags & DEBUG != 0 {
                    self.out.push(b'|');
                }
                let width = self.widths.get(j).copied();
                if c.size == 0 {
                    if let Some(w) = width {
                        self.write_padding(c.width, w, use_tabs);
                    }
                    continue;
                }
                use_tabs = false;
                let end = (pos + c.size).min(self.buf.len());
                if self.flags & ALIGN_RIGHT == 0 {
                    self.out.extend_from_slice(&self.buf[pos.min(end)..end]);
                    if let Some(w) = width {
                        self.write_padding(c.width, w, false);
                    }
                } else {
                    if let Some(w) = width {
                        self.write_padding(c.width, w, false);
                    }
                    self.out.extend_from_slice(&self.buf[pos.min(end)..end]);
                }
                pos += c.size;
            }
            if i + 1 == self.lines.len() {
                let end = (pos + self.cell.size).min(self.buf.len());
                self.out.extend_from_slice(&self.buf[pos.min(end)..end]);
                pos += self.cell.size;
            } else {
                self.out.push(b'\n');
            }
        }
        pos
    }

    fn write_padding(&mut self, textw: usize, cellw: usize, use_tabs: bool) {
        if self.padchar == b'\t' || use_tabs {
            if self.tabwidth == 0 {
                return;
            }
            let cellw = cellw.div_ceil(self.tabwidth) * self.tabwidth;
            let n = cellw.saturating_sub(textw);
            let tabs = n.div_ceil(self.tabwidth);
            self.out.extend(std::iter::repeat_n(b'\t', tabs));
            return;
        }
        let n = cellw.saturating_sub(textw);
        self.out.extend(std::iter::repeat_n(self.padchar, n));
    }
}

/// `utf8.RuneCount`: every invalid byte counts as one rune.
fn rune_count(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => return count + s.chars().count(),
            Err(e) => {
                let valid = e.valid_up_to();
                count += std::str::from_utf8(&rest[..valid]).map_or(0, |s| s.chars().count());
                let bad = e.error_len().unwrap_or(rest.len() - valid).max(1);
                // Go counts each byte of an invalid sequence as one rune.
                count += bad;
                rest = &rest[valid + bad..];
            }
        }
    }
    count
}
