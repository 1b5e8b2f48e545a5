//! go-yaml v2's `parseTimestamp` (`resolve.go`): a string that parses with one of its layouts
//! resolves to `!!timestamp`, so the encoder double-quotes it (`"2026-01-01T00:00:00Z"`).
//!
//! The layouts, read with Go's `time.Parse` rules (numbers in `1`, `2`, `15`, `4`, `5` take one
//! or two digits; fractional seconds are optional; values are range-checked):
//! `2006-1-2T15:4:5.999999999Z07:00`, the same with a lower-case `t`,
//! `2006-1-2 15:4:5.999999999` and `2006-1-2`.

/// Whether `s` is a YAML timestamp for go-yaml v2.
pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let year: i64 = s[..4].parse().unwrap_or(0);
    let mut p = Cursor { b, i: 5 };
    let Some(month) = p.num() else { return false };
    if !p.eat(b'-') {
        return false;
    }
    let Some(day) = p.num() else { return false };
    if !(1..=12).contains(&month) || day < 1 || day > days_in(month, year) {
        return false;
    }
    if p.done() {
        return true;
    }
    let zoned = match p.next() {
        Some(b'T' | b't') => true,
        Some(b' ') => false,
        _ => return false,
    };
    let (Some(hour), true, Some(min), true, Some(sec)) =
        (p.num(), p.eat(b':'), p.num(), p.eat(b':'), p.num())
    else {
        return false;
    };
    if hour > 23 || min > 59 || sec > 59 {
        return false;
    }
    if p.peek() == Some(b'.') && p.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
        p.i += 1;
        while p.peek().is_some_and(|c| c.is_ascii_digit()) {
            p.i += 1;
        }
    }
    if !zoned {
        return p.done();
    }
    match p.next() {
        Some(b'Z') => p.done(),
        Some(b'+' | b'-') => {
            let digits = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
            let ok = digits(p.peek()) && digits(p.peek_at(1)) && p.peek_at(2) == Some(b':');
            let ok = ok && digits(p.peek_at(3)) && digits(p.peek_at(4));
            p.i += 5;
            ok && p.done()
        }
        _ => false,
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }
    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        self.i += 1;
        c
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
    /// Go's `getnum(value, false)`: one or two digits.
    fn num(&mut self) -> Option<i64> {
        let d1 = self.peek().filter(u8::is_ascii_digit)?;
        self.i += 1;
        match self.peek().filter(u8::is_ascii_digit) {
            Some(d2) => {
                self.i += 1;
                Some(i64::from(d1 - b'0') * 10 + i64::from(d2 - b'0'))
            }
            None => Some(i64::from(d1 - b'0')),
        }
    }
}

fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
