//! Which strings go-yaml v2 must quote: those that would read back as something other than a
//! string (`resolve.go` `resolve`, `parseTimestamp`; `encode.go` `isBase60Float`, `stringv`).
//! Ported from kubernetes-sigs/yaml `goyaml.v2/resolve.go` and `goyaml.v2/encode.go`.

use super::yaml_scalar::Style;

/// `encoder.stringv`: the style asked for a string before the emitter's own checks.
pub(crate) fn requested_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if resolves_to_string(s) && !is_base60_float(s) {
        Style::Plain
    } else {
        Style::DoubleQuoted
    }
}

/// `resolve("", s)` gives `!!str`: false for null, bools (y/yes/on/off… too), ints, floats and
/// timestamps (`2026-01-01T00:00:00Z`). Follows `resolveTable`'s first-byte hints, so `<<`
/// (whose first byte has no hint) stays a plain string in v2.
pub(crate) fn resolves_to_string(s: &str) -> bool {
    const MAP: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
        "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
        "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
        "-.Inf", "-.INF", "<<",
    ];
    let hint = match s.as_bytes().first() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(c) if b"yYnNtTfFoO~".contains(c) => b'M',
        Some(b'.') => b'.',
        Some(_) => 0,
    };
    if hint == 0 {
        return true;
    }
    if MAP.contains(&s) {
        return false;
    }
    match hint {
        b'.' => !(is_yaml_style_float(s) && s.parse::<f64>().is_ok_and(f64::is_finite)),
        b'D' | b'S' => {
            if super::yaml_timestamp::is_timestamp(s) {
                return false;
            }
            let plain = s.replace('_', "");
            if super::goparse::parse_int(&plain).is_ok() {
                return false;
            }
            let uint = super::goparse::parse_uint(&plain);
            if uint == Ok(()) {
                return false;
            }
            if is_yaml_style_float(&plain) && plain.parse::<f64>().is_ok_and(f64::is_finite) {
                return false;
            }
            // A value out of the 64-bit range is a `big.Int`, still an int.
            uint != Err(true)
        }
        _ => true,
    }
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
pub(crate) fn is_yaml_style_float(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let digits = |b: &[u8], from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut i;
    if b.first() == Some(&b'.') {
        let n = digits(b, 1);
        if n == 0 {
            return false;
        }
        i = 1 + n;
    } else {
        let n = digits(b, 0);
        if n == 0 {
            return false;
        }
        i = n;
        if b.get(i) == Some(&b'.') {
            i += 1 + digits(b, i + 1);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(b, i);
        if n == 0 {
            return false;
        }
        i += n;
    }
    i == b.len()
}

/// `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$` (quoted for YAML 1.1).
pub(crate) fn is_base60_float(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) || !s.contains(':') {
        return false;
    }
    let mut i = b
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == b'_')
        .count();
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let ok = match n {
            1 => true,
            2 => (b'0'..=b'5').contains(&b[i]),
            _ => false,
        };
        if !ok {
            return false;
        }
        i += n;
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1 + b.get(i + 1..).map_or(0, |r| {
            r.iter()
                .take_while(|c| c.is_ascii_digit() || **c == b'_')
                .count()
        });
    }
    i == b.len()
}
