//! `kubectl get -o json`: Go's `json.MarshalIndent(obj, "", "    ")` plus a newline.
//!
//! Sources: cli-runtime `printers/json.go` (`JSONPrinter.PrintObj`) and golang/go
//! `src/encoding/json` (`Marshal` sorts map keys, escapes `<`, `>`, `&`, U+2028 and U+2029
//! for HTML safety and writes `\b`, `\f`, `\n`, `\r`, `\t` short escapes (Go ≥ 1.22; kubectl
//! v1.34 is built with Go 1.24); `Indent` keeps `{}` and `[]` compact; `floatEncoder` uses
//! `%f`-style shortest digits unless the magnitude is below 1e-6 or at least 1e21).

use serde_json::Value;

/// Renders `value` as `kubectl get -o json` prints it (trailing newline included).
pub fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0, None);
    out.push('\n');
    out
}

/// Renders `value` as Go's `json.MarshalIndent` renders a typed object (not a map): keys in
/// the order of the struct fields, given as one list of field names (`kind`, `apiVersion`,
/// `metadata`…) that must be consistent for the types involved; other keys follow, sorted.
/// kubectl prints the objects it generated itself this way (`create … --dry-run=client -o json`).
pub fn to_json_struct_order(value: &Value, order: &[&str]) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0, Some(order));
    out.push('\n');
    out
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("    ");
    }
}

fn write_value(out: &mut String, value: &Value, depth: usize, order: Option<&[&str]>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&go_json_number(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_value(out, item, depth + 1, order);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = map.keys().collect();
            let rank = |k: &str| {
                order
                    .and_then(|o| o.iter().position(|x| *x == k))
                    .unwrap_or(usize::MAX)
            };
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_string(out, key);
                out.push_str(": ");
                write_value(out, &map[key.as_str()], depth + 1, order);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

/// `encodeState.string` with `escapeHTML` on.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' => out.push_str(&format!("\\u00{:02x}", c as u32)),
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON number as Go's encoder writes it (integers as is; floats via `floatEncoder`).
pub fn go_json_number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format_float(f, 'e');
        // clean up e-09 to e-9
        return match s.rfind("e-0") {
            Some(i) if i + 4 == s.len() => format!("{}e-{}", &s[..i], &s[i + 3..]),
            _ => s,
        };
    }
    format_float(f, 'f')
}

/// The shortest decimal digits of `|f|` and the decimal point position (`0.d1d2… × 10^dp`).
fn shortest_digits(f: f64) -> (String, i32) {
    let repr = format!("{:e}", f.abs());
    let (mantissa, exp) = repr.split_once('e').unwrap_or((repr.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if digits.trim_start_matches('0').is_empty() {
        return ("0".to_string(), 1);
    }
    (digits, exp + 1)
}

/// `strconv.FormatFloat(f, fmt, -1, 64)` for `fmt` in `'e'`, `'f'` and `'g'`.
pub fn format_float(f: f64, fmt: char) -> String {
    let sign = if f.is_sign_negative() && f != 0.0 {
        "-"
    } else {
        ""
    };
    let (digits, dp) = shortest_digits(f);
    let fmt = if fmt == 'g' {
        let exp = dp - 1;
        if (-4..6).contains(&exp) { 'f' } else { 'e' }
    } else {
        fmt
    };
    let body = if fmt == 'e' {
        let exp = if digits == "0" { 0 } else { dp - 1 };
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{esign}{:02}", exp.abs())
    } else if dp <= 0 {
        format!("0.{}{digits}", "0".repeat(dp.unsigned_abs() as usize))
    } else if dp as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(dp as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(dp as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}
