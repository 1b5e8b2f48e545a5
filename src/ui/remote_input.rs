//! The keys of a remote terminal: the raw bytes an SSH channel delivers (in chunks of any
//! size, a sequence split anywhere) decoded into the same [`Event`]s crossterm gives the local
//! TUI, so that [`super::terminal::to_action`] and the keymap serve a student over SSH
//! exactly as they serve the local keyboard. crossterm's own parser reads only its own
//! terminal and is private, hence this one.
//!
//! What is understood is what xterm-compatible clients send (OpenSSH from xterm, GNOME
//! Terminal, Windows Terminal, macOS Terminal, tmux), after xterm's "Control Sequences"
//! (ctlseqs): printable UTF-8, Enter (CR; CR LF and LF alone are one Enter too), Tab,
//! Shift-Tab (`CSI Z`), Backspace (DEL and BS), Ctrl-letters (Ctrl-Space is NUL), Alt-key as
//! ESC then the key, the "PC-Style Function Keys" in their CSI and SS3 forms with xterm's
//! modifier parameter (1 + Shift 1, Alt 2, Ctrl 4, Super 8), "Bracketed Paste Mode" and the
//! "SGR (1006)" mouse (left press and the wheel; other buttons and focus reports are
//! ignored). Anything unknown or malformed is dropped without eating the keys after it.
//!
//! A lone ESC cannot be told from the start of a sequence until the next byte comes: the
//! decoder keeps it, and the caller, which owns the clock, calls
//! [`RemoteInput::flush_pending`] when no byte has followed for [`ESC_WAIT_MS`].
//!
//! Bounded: an unfinished sequence is at most [`MAX_SEQUENCE_BYTES`] (longer ones are skipped
//! to their end), a paste at most [`MAX_PASTE_BYTES`] (the rest is cut), so the decoder never
//! holds more than [`MAX_BUFFERED_BYTES`] whatever a client sends.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long (milliseconds) the caller waits after a lone ESC before calling
/// [`RemoteInput::flush_pending`]: the bytes of one sequence leave a client in one write, so
/// 50 ms over a network is ample, and short enough that Escape still feels immediate.
pub const ESC_WAIT_MS: u64 = 50;

/// The longest escape sequence kept while waiting for its end. Real keys are at most
/// about 20 bytes (`ESC [ < 65 ; 9999 ; 9999 M`); a longer sequence is skipped to its final
/// byte and dropped.
pub const MAX_SEQUENCE_BYTES: usize = 64;

/// The largest paste delivered: a draft's limit ([`super::persist::MAX_DRAFT_BYTES`], 4 MiB),
/// since the editor is the biggest place a paste can go (the command line cuts its own at
/// its line limit). A longer paste is cut here, the rest read and dropped up to its end.
pub const MAX_PASTE_BYTES: usize = super::persist::MAX_DRAFT_BYTES as usize;

/// The most bytes the decoder ever holds: a paste at its limit plus an unfinished sequence.
pub const MAX_BUFFERED_BYTES: usize = MAX_PASTE_BYTES + MAX_SEQUENCE_BYTES;

/// Ends a bracketed paste (ctlseqs, "Bracketed Paste Mode").
const PASTE_END: &[u8] = b"\x1b[201~";

const ESC: u8 = 0x1b;

/// A streaming decoder for one remote terminal: feed it every byte the client sends, in
/// order, and it returns the events completed so far.
#[derive(Debug, Default)]
pub struct RemoteInput {
    /// The start of a sequence or UTF-8 character not finished yet (≤ [`MAX_SEQUENCE_BYTES`]).
    pending: Vec<u8>,
    /// Inside a bracketed paste: its text so far.
    paste: Option<Paste>,
    /// Skipping the rest of an over-long CSI sequence, up to its final byte.
    skipping: bool,
    /// The last byte was a CR: a LF right after it belongs to the same Enter.
    after_cr: bool,
}

/// A bracketed paste being read.
#[derive(Debug, Default)]
struct Paste {
    /// The text so far (at most [`MAX_PASTE_BYTES`]).
    bytes: Vec<u8>,
    /// How many bytes of [`PASTE_END`] have just been seen.
    matched: usize,
    /// Something was cut.
    cut: bool,
}

impl Paste {
    fn push(&mut self, b: u8) {
        if self.bytes.len() < MAX_PASTE_BYTES {
            self.bytes.push(b);
        } else {
            self.cut = true;
        }
    }

    /// Takes one byte; the finished text once the end marker is complete.
    fn byte(&mut self, b: u8) -> Option<String> {
        if b == PASTE_END[self.matched] {
            self.matched += 1;
            if self.matched == PASTE_END.len() {
                return Some(self.text());
            }
            return None;
        }
        // Only the marker's first byte is ESC, so a mismatch restarts the match at most there.
        for &m in &PASTE_END[..self.matched] {
            self.push(m);
        }
        self.matched = 0;
        if b == ESC {
            self.matched = 1;
        } else {
            self.push(b);
        }
        None
    }

    /// The text, as crossterm gives it (invalid UTF-8 replaced); a cut never splits a
    /// character.
    fn text(&mut self) -> String {
        let mut bytes = std::mem::take(&mut self.bytes);
        if self.cut
            && let Err(e) = std::str::from_utf8(&bytes)
            && e.error_len().is_none()
        {
            bytes.truncate(e.valid_up_to());
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// What the front of the input is.
enum Parsed {
    /// Not finished: wait for more bytes.
    Incomplete,
    /// This many bytes make this event.
    Event(usize, Event),
    /// This many bytes mean nothing kubestory uses (or are malformed): dropped.
    Drop(usize),
    /// This many bytes start a bracketed paste.
    PasteStart(usize),
    /// This many bytes start a CSI sequence longer than [`MAX_SEQUENCE_BYTES`].
    TooLong(usize),
}

impl RemoteInput {
    /// A decoder in its initial state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes the next bytes from the client; returns the events they complete, in order.
    /// Bytes that start a sequence are kept until the rest comes (or [`Self::flush_pending`]).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut out = Vec::new();
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut i = 0;
        while i < buf.len() {
            if let Some(paste) = &mut self.paste {
                let b = buf[i];
                i += 1;
                if let Some(text) = paste.byte(b) {
                    self.paste = None;
                    out.push(Event::Paste(text));
                }
                continue;
            }
            if self.skipping {
                let b = buf[i];
                if (0x20..=0x3f).contains(&b) {
                    i += 1;
                    continue;
                }
                self.skipping = false;
                if (0x40..=0x7e).contains(&b) {
                    i += 1;
                }
                continue;
            }
            match parse(&buf[i..]) {
                Parsed::Incomplete => {
                    // `parse` never waits on more than MAX_SEQUENCE_BYTES (TooLong instead).
                    self.pending = buf[i..].to_vec();
                    break;
                }
                Parsed::Event(n, ev) => {
                    let cr = buf[i] == b'\r';
                    let lf_after_cr = self.after_cr && buf[i] == b'\n';
                    i += n;
                    self.after_cr = cr;
                    if !lf_after_cr {
                        out.push(ev);
                    }
                    continue;
                }
                Parsed::Drop(n) => i += n,
                Parsed::PasteStart(n) => {
                    i += n;
                    self.paste = Some(Paste::default());
                }
                Parsed::TooLong(n) => {
                    i += n;
                    self.skipping = true;
                }
            }
            self.after_cr = false;
        }
        out
    }

    /// Resolves what is kept when no byte has followed for [`ESC_WAIT_MS`]: a lone ESC is the
    /// Escape key, ESC and one byte is Alt and that key (`ESC [` is Alt-`[`); an unfinished
    /// sequence or character is dropped. A paste goes on (its text is kept until its end
    /// marker, within [`MAX_PASTE_BYTES`]). The caller owns the clock; the decoder has none.
    pub fn flush_pending(&mut self) -> Vec<Event> {
        self.after_cr = false;
        self.skipping = false;
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [ESC] => vec![key(KeyCode::Esc, KeyModifiers::NONE)],
            [ESC, b @ (b'[' | b'O')] => vec![char_key(*b as char, KeyModifiers::ALT)],
            _ => Vec::new(),
        }
    }

    /// How many bytes the decoder holds now (never above [`MAX_BUFFERED_BYTES`]).
    pub fn buffered_len(&self) -> usize {
        self.pending.len() + self.paste.as_ref().map_or(0, |p| p.bytes.len() + p.matched)
    }
}

/// A key press with these modifiers (kind Press, as crossterm gives without the kitty
/// protocol).
fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A character key: an uppercase letter carries Shift, as crossterm's does.
fn char_key(c: char, modifiers: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers | shift)
}

/// Decodes the sequence at the front of `b` (not empty).
fn parse(b: &[u8]) -> Parsed {
    if b[0] != ESC {
        return parse_plain(b);
    }
    match b.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => parse_csi(b),
        Some(b'O') => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&f) => ss3(f).map_or(Parsed::Drop(3), |code| {
                Parsed::Event(3, key(code, KeyModifiers::NONE))
            }),
        },
        // ESC ESC: the first is Escape; the second may start a sequence.
        Some(&ESC) => Parsed::Event(1, key(KeyCode::Esc, KeyModifiers::NONE)),
        // ESC and a key: that key with Alt.
        Some(_) => match parse_plain(&b[1..]) {
            Parsed::Event(n, Event::Key(mut k)) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(n + 1, Event::Key(k))
            }
            Parsed::Incomplete => Parsed::Incomplete,
            Parsed::Drop(n) => Parsed::Drop(n + 1),
            _ => Parsed::Drop(1),
        },
    }
}

/// A key that is not an escape sequence: a control byte or a UTF-8 character.
fn parse_plain(b: &[u8]) -> Parsed {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let ev = match b[0] {
        b'\r' | b'\n' => key(KeyCode::Enter, none),
        b'\t' => key(KeyCode::Tab, none),
        0x7f | 0x08 => key(KeyCode::Backspace, none),
        0x00 => key(KeyCode::Char(' '), ctrl),
        c @ 0x01..=0x1a => key(KeyCode::Char((c - 1 + b'a') as char), ctrl),
        c @ 0x1c..=0x1f => key(KeyCode::Char((c - 0x1c + b'4') as char), ctrl),
        c @ 0x20..=0x7e => char_key(c as char, none),
        _ => return parse_utf8(b),
    };
    Parsed::Event(1, ev)
}

/// A multi-byte UTF-8 character (or a byte that cannot start one, dropped alone).
fn parse_utf8(b: &[u8]) -> Parsed {
    let len = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Drop(1),
    };
    let have = b.len().min(len);
    // A continuation byte missing: the lead byte alone is dropped, the next byte read anew.
    if b[1..have].iter().any(|&c| c & 0xc0 != 0x80) {
        return Parsed::Drop(1);
    }
    if b.len() < len {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&b[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Parsed::Event(len, char_key(c, KeyModifiers::NONE)),
        None => Parsed::Drop(1),
    }
}

/// The SS3 keys (`ESC O x`): arrows, Home/End and F1–F4 in the application cursor mode,
/// the keypad's Enter in the application keypad mode.
fn ss3(f: u8) -> Option<KeyCode> {
    Some(match f {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        // The keypad's Enter in application keypad mode.
        b'M' => KeyCode::Enter,
        b'P'..=b'S' => KeyCode::F(f - b'P' + 1),
        _ => return None,
    })
}

/// A CSI sequence (`ESC [` parameters, intermediates, a final byte).
fn parse_csi(b: &[u8]) -> Parsed {
    let mut i = 2;
    loop {
        if i >= MAX_SEQUENCE_BYTES {
            return Parsed::TooLong(i);
        }
        let Some(&c) = b.get(i) else {
            return Parsed::Incomplete;
        };
        match c {
            0x20..=0x3f => i += 1,
            0x40..=0x7e => break,
            // Not part of a sequence: the sequence so far is dropped, this byte read anew.
            _ => return Parsed::Drop(i),
        }
    }
    let params = &b[2..i];
    let fin = b[i];
    let n = i + 1;
    // X10 mouse (`CSI M` and three bytes): only when SGR mouse is not understood; ignored.
    if params.is_empty() && fin == b'M' {
        return if b.len() < n + 3 {
            Parsed::Incomplete
        } else {
            Parsed::Drop(n + 3)
        };
    }
    // The Linux console's F1–F5 (`CSI [ A`…`CSI [ E`): one byte more.
    if params.is_empty() && fin == b'[' {
        return match b.get(n) {
            None => Parsed::Incomplete,
            Some(&c @ b'A'..=b'E') => {
                Parsed::Event(n + 1, key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE))
            }
            Some(_) => Parsed::Drop(n),
        };
    }
    if let Some(sgr) = params.strip_prefix(b"<") {
        return sgr_mouse(sgr, fin).map_or(Parsed::Drop(n), |ev| Parsed::Event(n, ev));
    }
    let Some(nums) = numbers(params) else {
        return Parsed::Drop(n);
    };
    let first = nums.first().copied().flatten();
    let mods = modifiers(nums.get(1).copied().flatten().unwrap_or(1));
    let code = match fin {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' | b'Q' | b'S' => KeyCode::F(fin - b'P' + 1),
        // `CSI row ; col R` is a cursor position report; only `CSI 1 ; mods R` is F3.
        b'R' if nums.len() == 2 && first == Some(1) => KeyCode::F(3),
        b'Z' => return Parsed::Event(n, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'~' => match first {
            Some(200) => return Parsed::PasteStart(n),
            Some(1 | 7) => KeyCode::Home,
            Some(2) => KeyCode::Insert,
            Some(3) => KeyCode::Delete,
            Some(4 | 8) => KeyCode::End,
            Some(5) => KeyCode::PageUp,
            Some(6) => KeyCode::PageDown,
            Some(v @ 11..=15) => KeyCode::F((v - 10) as u8),
            Some(v @ 17..=21) => KeyCode::F((v - 11) as u8),
            Some(v @ 23..=24) => KeyCode::F((v - 12) as u8),
            // 201 outside a paste, and every other number: nothing.
            _ => return Parsed::Drop(n),
        },
        // Focus in/out (`CSI I`, `CSI O`) and everything else: nothing.
        _ => return Parsed::Drop(n),
    };
    Parsed::Event(n, key(code, mods))
}

/// The `;`-separated decimal parameters (an empty one is `None`); `None` when a parameter
/// is not a number (a private sequence such as `CSI ? 1 u`).
fn numbers(params: &[u8]) -> Option<Vec<Option<u16>>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    params
        .split(|&c| c == b';')
        .map(|p| {
            if p.is_empty() {
                return Some(None);
            }
            p.iter()
                .try_fold(0u16, |v, &c| {
                    c.is_ascii_digit()
                        .then(|| v.saturating_mul(10).saturating_add(u16::from(c - b'0')))
                })
                .map(Some)
        })
        .collect()
}

/// xterm's modifier parameter: 1 plus a bitmask (Shift 1, Alt 2, Ctrl 4, Super 8), as
/// crossterm reads it.
fn modifiers(param: u16) -> KeyModifiers {
    let mask = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, flag) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
    ] {
        if mask & bit != 0 {
            m |= flag;
        }
    }
    m
}

/// An SGR mouse report (`CSI < b ; x ; y M` pressed, `m` released; 1-based cells): the left
/// button's press and the wheel, which the TUI uses; the rest is `None`.
fn sgr_mouse(params: &[u8], fin: u8) -> Option<Event> {
    let nums = numbers(params)?;
    let [Some(b), Some(x), Some(y)] = nums.as_slice() else {
        return None;
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, flag) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if b & bit != 0 {
            modifiers |= flag;
        }
    }
    let kind = match (b & !(4 | 8 | 16), fin) {
        (0, b'M') => MouseEventKind::Down(MouseButton::Left),
        (64, b'M') => MouseEventKind::ScrollUp,
        (65, b'M') => MouseEventKind::ScrollDown,
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    }))
}

#[cfg(test)]
#[path = "remote_input_tests.rs"]
mod tests;
