//! Go's `encoding/json` where kubectl's output depends on it: the compact encoding of
//! `json.Marshal` (the `last-applied-configuration` annotation, the patch shown in `error when
//! applying patch`) and the syntax errors of its scanner (a malformed `kubectl patch -p`).
//!
//! Ported from golang/go `src/encoding/json/encode.go` (sorted map keys, HTML escaping, see
//! [`crate::kubectl::print_json`]) and `src/encoding/json/scanner.go` (`checkValid`, the
//! `state*` functions, `quoteChar`, `maxNestingDepth`).

use crate::kubectl::print_json::{go_json_number, write_string};
use serde_json::Value;

/// `json.Marshal(value)`: compact, map keys sorted, `<`, `>`, `&` escaped.
pub fn marshal(value: &Value) -> String {
    let mut out = String::new();
    write_compact(&mut out, value);
    out
}

fn write_compact(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&go_json_number(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_compact(out, &map[key.as_str()]);
            }
            out.push('}');
        }
    }
}

/// `maxNestingDepth` of Go's scanner.
const MAX_NESTING_DEPTH: usize = 10_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    BeginValueOrEmpty,
    BeginValue,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    InStringEscU(u8),
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    Literal(&'static [u8], usize, &'static str),
}

/// `json.Unmarshal`'s syntax check (`checkValid`): `Ok` for valid JSON, else the
/// `SyntaxError` text (`invalid character 's' looking for beginning of object key string`,
/// `unexpected end of JSON input`).
pub fn check_valid(data: &[u8]) -> Result<(), String> {
    let mut stack: Vec<Parse> = Vec::new();
    let mut state = State::BeginValue;
    for &c in data {
        state = step(state, &mut stack, c)?;
    }
    // scanner.eof: feed a space, which ends a number at top level.
    if state == State::EndTop {
        return Ok(());
    }
    match step(state, &mut stack, b' ') {
        Ok(State::EndTop) => Ok(()),
        _ => Err("unexpected end of JSON input".to_string()),
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        c => {
            let quoted = crate::kubectl::goparse::quote(&char::from(c).to_string());
            format!("'{}'", &quoted[1..quoted.len() - 1])
        }
    }
}

fn error(c: u8, context: &str) -> String {
    format!("invalid character {} {context}", quote_char(c))
}

fn push(stack: &mut Vec<Parse>, p: Parse) -> Result<(), String> {
    stack.push(p);
    if stack.len() > MAX_NESTING_DEPTH {
        return Err("exceeded max depth".to_string());
    }
    Ok(())
}

fn pop(stack: &mut Vec<Parse>) -> State {
    stack.pop();
    if stack.is_empty() {
        State::EndTop
    } else {
        State::EndValue
    }
}

fn step(state: State, stack: &mut Vec<Parse>, c: u8) -> Result<State, String> {
    use State as S;
    Ok(match state {
        S::BeginValueOrEmpty if is_space(c) => state,
        S::BeginValueOrEmpty if c == b']' => return step(S::EndValue, stack, c),
        S::BeginValueOrEmpty => return step(S::BeginValue, stack, c),
        S::BeginValue if is_space(c) => state,
        S::BeginValue => match c {
            b'{' => {
                push(stack, Parse::ObjectKey)?;
                S::BeginStringOrEmpty
            }
            b'[' => {
                push(stack, Parse::ArrayValue)?;
                S::BeginValueOrEmpty
            }
            b'"' => S::InString,
            b'-' => S::Neg,
            b'0' => S::Zero,
            b't' => S::Literal(b"rue", 0, "true"),
            b'f' => S::Literal(b"alse", 0, "false"),
            b'n' => S::Literal(b"ull", 0, "null"),
            b'1'..=b'9' => S::One,
            _ => return Err(error(c, "looking for beginning of value")),
        },
        S::BeginStringOrEmpty if is_space(c) => state,
        S::BeginStringOrEmpty if c == b'}' => {
            if let Some(top) = stack.last_mut() {
                *top = Parse::ObjectValue;
            }
            return step(S::EndValue, stack, c);
        }
        S::BeginStringOrEmpty => return step(S::BeginString, stack, c),
        S::BeginString if is_space(c) => state,
        S::BeginString if c == b'"' => S::InString,
        S::BeginString => {
            return Err(error(c, "looking for beginning of object key string"));
        }
        S::EndValue => {
            let Some(&top) = stack.last() else {
                return step(S::EndTop, stack, c);
            };
            if is_space(c) {
                return Ok(S::EndValue);
            }
            match (top, c) {
                (Parse::ObjectKey, b':') => {
                    if let Some(t) = stack.last_mut() {
                        *t = Parse::ObjectValue;
                    }
                    S::BeginValue
                }
                (Parse::ObjectKey, _) => return Err(error(c, "after object key")),
                (Parse::ObjectValue, b',') => {
                    if let Some(t) = stack.last_mut() {
                        *t = Parse::ObjectKey;
                    }
                    S::BeginString
                }
                (Parse::ObjectValue, b'}') => pop(stack),
                (Parse::ObjectValue, _) => {
                    return Err(error(c, "after object key:value pair"));
                }
                (Parse::ArrayValue, b',') => S::BeginValue,
                (Parse::ArrayValue, b']') => pop(stack),
                (Parse::ArrayValue, _) => return Err(error(c, "after array element")),
            }
        }
        S::EndTop if is_space(c) => state,
        S::EndTop => return Err(error(c, "after top-level value")),
        S::InString => match c {
            b'"' => S::EndValue,
            b'\\' => S::InStringEsc,
            c if c < 0x20 => return Err(error(c, "in string literal")),
            _ => state,
        },
        S::InStringEsc => match c {
            b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => S::InString,
            b'u' => S::InStringEscU(0),
            _ => return Err(error(c, "in string escape code")),
        },
        S::InStringEscU(n) => {
            if !c.is_ascii_hexdigit() {
                return Err(error(c, "in \\u hexadecimal character escape"));
            }
            if n == 3 {
                S::InString
            } else {
                S::InStringEscU(n + 1)
            }
        }
        S::Neg => match c {
            b'0' => S::Zero,
            b'1'..=b'9' => S::One,
            _ => return Err(error(c, "in numeric literal")),
        },
        S::One if c.is_ascii_digit() => state,
        S::One => return step(S::Zero, stack, c),
        S::Zero => match c {
            b'.' => S::Dot,
            b'e' | b'E' => S::E,
            _ => return step(S::EndValue, stack, c),
        },
        S::Dot if c.is_ascii_digit() => S::Dot0,
        S::Dot => return Err(error(c, "after decimal point in numeric literal")),
        S::Dot0 if c.is_ascii_digit() => state,
        S::Dot0 if c == b'e' || c == b'E' => S::E,
        S::Dot0 => return step(S::EndValue, stack, c),
        S::E if c == b'+' || c == b'-' => S::ESign,
        S::E => return step(S::ESign, stack, c),
        S::ESign if c.is_ascii_digit() => S::E0,
        S::ESign => return Err(error(c, "in exponent of numeric literal")),
        S::E0 if c.is_ascii_digit() => state,
        S::E0 => return step(S::EndValue, stack, c),
        S::Literal(rest, i, word) => {
            let expected = rest[i];
            if c != expected {
                return Err(error(
                    c,
                    &format!("in literal {word} (expecting {})", quote_char(expected)),
                ));
            }
            if i + 1 == rest.len() {
                S::EndValue
            } else {
                S::Literal(rest, i + 1, word)
            }
        }
    })
}

/// Decodes JSON as Go's `json.Unmarshal` into `interface{}` would: Go's syntax error text on
/// failure. Nesting deeper than serde_json accepts is reported as Go's depth error.
pub fn unmarshal(data: &str) -> Result<Value, String> {
    check_valid(data.as_bytes())?;
    serde_json::from_str(data).map_err(|_| "exceeded max depth".to_string())
}

/// The Go type name `json.Unmarshal` reports for a JSON value (`cannot unmarshal array into …`).
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn marshal_sorts_keys_and_escapes_html() {
        let v = json!({"b": 1, "a": {"z": "<&>", "y": [true, null]}, "c": {}});
        assert_eq!(
            marshal(&v),
            r#"{"a":{"y":[true,null],"z":"\u003c\u0026\u003e"},"b":1,"c":{}}"#
        );
    }

    #[test]
    fn syntax_errors_read_like_go() {
        let err = |s: &str| check_valid(s.as_bytes()).err().unwrap_or_default();
        assert_eq!(
            err("{spec:{}}"),
            "invalid character 's' looking for beginning of object key string"
        );
        assert_eq!(err(r#"{"spec":"#), "unexpected end of JSON input");
        assert_eq!(err(""), "unexpected end of JSON input");
        assert_eq!(err(r#"{"a" 1}"#), "invalid character '1' after object key");
        assert_eq!(
            err(r#"{"a":1 "b":2}"#),
            "invalid character '\"' after object key:value pair"
        );
        assert_eq!(err("[1 2]"), "invalid character '2' after array element");
        assert_eq!(err("{} x"), "invalid character 'x' after top-level value");
        assert_eq!(
            err("{'a':1}"),
            "invalid character '\\'' looking for beginning of object key string"
        );
        assert_eq!(
            err(r#"{"a":nul}"#),
            "invalid character '}' in literal null (expecting 'l')"
        );
        assert_eq!(err("-x"), "invalid character 'x' in numeric literal");
        assert!(check_valid(br#" {"a": [1, -2.5e+3, "x\u00e9", true, false, null]} "#).is_ok());
        assert!(check_valid(b"12").is_ok());
        assert!(check_valid(b"[]").is_ok());
        assert!(check_valid(b"{}").is_ok());
    }
}
