//! go-yaml v2's scalar writers (`emitterc.go`: `yaml_emitter_write_plain_scalar`,
//! `yaml_emitter_write_single_quoted_scalar`, `yaml_emitter_write_double_quoted_scalar`,
//! `yaml_emitter_write_literal_scalar` with `yaml_emitter_write_block_scalar_hints`), ported
//! from kubernetes-sigs/yaml `goyaml.v2`. Plain and quoted scalars fold at a space once past
//! column 80 (the continuation is indented two more than the key).

use super::print_yaml::{BEST_INDENT, BEST_WIDTH, Emitter};
use super::yaml_scalar::{at, is_bom, is_break, is_printable, is_space, width};

impl Emitter {
    pub(super) fn plain(&mut self, b: &[u8], allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let (mut spaces, mut breaks) = (false, false);
        let mut i = 0;
        while i < b.len() {
            if is_space(b, i) {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && !is_space(b, i + 1) {
                    self.write_indent();
                    i += 1;
                } else {
                    i = self.write(b, i);
                }
                spaces = true;
            } else if is_break(b, i) {
                if !breaks && b[i] == b'\n' {
                    self.put_break();
                }
                i = self.write_break(b, i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                i = self.write(b, i);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    pub(super) fn single_quoted(&mut self, b: &[u8], allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let (mut spaces, mut breaks) = (false, false);
        let mut i = 0;
        while i < b.len() {
            if is_space(b, i) {
                let fold =
                    allow_breaks && !spaces && self.column > BEST_WIDTH && i > 0 && i + 1 < b.len();
                if fold && !is_space(b, i + 1) {
                    self.write_indent();
                    i += 1;
                } else {
                    i = self.write(b, i);
                }
                spaces = true;
            } else if is_break(b, i) {
                if !breaks && b[i] == b'\n' {
                    self.put_break();
                }
                i = self.write_break(b, i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if b[i] == b'\'' {
                    self.put('\'');
                }
                i = self.write(b, i);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    pub(super) fn double_quoted(&mut self, b: &[u8], allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let mut spaces = false;
        let mut i = 0;
        while i < b.len() {
            if !is_printable(b, i) || is_bom(b) || is_break(b, i) || b[i] == b'"' || b[i] == b'\\' {
                let end = (i + width(b[i])).min(b.len());
                let c = std::str::from_utf8(&b[i..end])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .unwrap_or('\u{fffd}');
                i = end;
                self.put('\\');
                match c {
                    '\0' => self.put('0'),
                    '\u{7}' => self.put('a'),
                    '\u{8}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{b}' => self.put('v'),
                    '\u{c}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1b}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    c => {
                        let v = c as u32;
                        let (letter, digits) = if v <= 0xFF {
                            ('x', 2)
                        } else if v <= 0xFFFF {
                            ('u', 4)
                        } else {
                            ('U', 8)
                        };
                        self.put(letter);
                        for ch in format!("{v:0digits$X}").chars() {
                            self.put(ch);
                        }
                    }
                }
                spaces = false;
            } else if is_space(b, i) {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i > 0 && i + 1 < b.len() {
                    self.write_indent();
                    if is_space(b, i + 1) {
                        self.put('\\');
                    }
                    i += 1;
                } else {
                    i = self.write(b, i);
                }
                spaces = true;
            } else {
                i = self.write(b, i);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    pub(super) fn literal(&mut self, b: &[u8]) {
        self.write_indicator("|", true, false, false);
        // Block scalar hints: an indentation hint when the text starts with a blank or break,
        // then the chomping indicator.
        if is_space(b, 0) || is_break(b, 0) {
            self.write_indicator(&BEST_INDENT.to_string(), false, false, false);
        }
        let mut last = b.len().saturating_sub(1);
        while last > 0 && at(b, last) & 0xC0 == 0x80 {
            last -= 1;
        }
        let chomp = if b.is_empty() || !is_break(b, last) {
            Some("-")
        } else if last == 0 {
            Some("+")
        } else {
            let mut prev = last - 1;
            while prev > 0 && at(b, prev) & 0xC0 == 0x80 {
                prev -= 1;
            }
            is_break(b, prev).then_some("+")
        };
        if let Some(chomp) = chomp {
            self.write_indicator(chomp, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        let mut i = 0;
        while i < b.len() {
            if is_break(b, i) {
                i = self.write_break(b, i);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                i = self.write(b, i);
                self.indention = false;
                breaks = false;
            }
        }
    }
}
