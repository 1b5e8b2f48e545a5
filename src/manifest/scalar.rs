//! Scalar resolution: what type a YAML scalar becomes.
//!
//! **Decision:** kubestory resolves scalars exactly as kubectl does, not as the YAML 1.2 core
//! schema would. kubectl converts YAML to JSON with `sigs.k8s.io/yaml`, which decodes with a
//! fork of go-yaml v2 (`goyaml.v2/resolve.go`), a YAML 1.1 resolver. So:
//! - quoted (`'…'`, `"…"`) and block (`|`, `>`) scalars are always strings;
//! - `true/True/TRUE`, `false/…` **and** the YAML 1.1 words `y/Y/yes/Yes/YES`,
//!   `n/N/no/No/NO`, `on/On/ON`, `off/Off/OFF` are booleans (so `enabled: yes` in a label is a
//!   bool and the API server rejects it: a real and common mistake, which kubestory explains);
//! - `~`, `null/Null/NULL` and an empty value are null;
//! - integers accept a sign, `_` separators, `0x`/`0o`/`0b` prefixes and a leading-zero octal
//!   (`0755` is 493), as Go's `strconv.ParseInt(s, 0, 64)` does;
//! - floats match `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` plus `.inf`/`.nan`;
//! - timestamps stay strings (go-yaml v2 hands them to untyped targets as strings);
//! - everything else is a string.
//!
//! Explicit tags: `!!str` forces a string, `!!int`/`!!float`/`!!bool`/`!!null` resolve the text
//! and fail if it does not fit, and unknown tags (`!foo`) leave the text a string.

use super::tree::NodeValue;

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Unquoted.
    Plain,
    /// `'…'` or `"…"`.
    Quoted,
    /// `|` or `>`.
    Block,
}

/// A scalar whose explicit tag does not fit its text (`!!int abc`), in go-yaml's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagMismatch(pub String);

/// Resolves a scalar with an optional tag (`tag` is the full tag, e.g.
/// `tag:yaml.org,2002:int`, or a local tag such as `!foo`).
pub fn resolve(text: &str, style: Style, tag: Option<&str>) -> Result<NodeValue, TagMismatch> {
    let short = tag.and_then(|t| t.strip_prefix("tag:yaml.org,2002:"));
    match (tag, short) {
        (None, _) if style != Style::Plain => Ok(NodeValue::Str(text.to_string())),
        (None, _) => Ok(resolve_plain(text)),
        (Some(_), Some("str" | "binary" | "timestamp")) => Ok(NodeValue::Str(text.to_string())),
        (Some(_), Some(t @ ("int" | "float" | "bool" | "null"))) => {
            let v = resolve_plain(text);
            let fits = match (t, &v) {
                ("int", NodeValue::Int(_) | NodeValue::UInt(_)) => true,
                ("float", NodeValue::Float(_)) => true,
                ("float", NodeValue::Int(i)) => return Ok(NodeValue::Float(*i as f64)),
                ("bool", NodeValue::Bool(_)) => true,
                ("null", NodeValue::Null) => true,
                _ => false,
            };
            if fits {
                Ok(v)
            } else {
                Err(TagMismatch(format!(
                    "cannot decode {} `{text}` as a !!{t}",
                    short_tag_of(&v)
                )))
            }
        }
        // Unknown and local tags: go-yaml leaves the text as it is.
        _ => Ok(NodeValue::Str(text.to_string())),
    }
}

fn short_tag_of(v: &NodeValue) -> &'static str {
    match v {
        NodeValue::Null => "!!null",
        NodeValue::Bool(_) => "!!bool",
        NodeValue::Int(_) | NodeValue::UInt(_) => "!!int",
        NodeValue::Float(_) => "!!float",
        _ => "!!str",
    }
}

/// Resolves an unquoted, untagged scalar (go-yaml v2 `resolve("", in)`).
pub fn resolve_plain(text: &str) -> NodeValue {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return NodeValue::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return NodeValue::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return NodeValue::Bool(false);
        }
        ".nan" | ".NaN" | ".NAN" => return NodeValue::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeValue::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return NodeValue::Float(f64::NEG_INFINITY),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if first == b'.' {
        return match text.parse::<f64>() {
            Ok(f) if is_yaml_float(text) => NodeValue::Float(f),
            _ => NodeValue::Str(text.to_string()),
        };
    }
    if !(first.is_ascii_digit() || first == b'+' || first == b'-') {
        return NodeValue::Str(text.to_string());
    }
    let plain: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(i) = parse_go_int(&plain) {
        if let Ok(v) = i64::try_from(i) {
            return NodeValue::Int(v);
        }
        if let Ok(v) = u64::try_from(i) {
            if !plain.starts_with('+') {
                return NodeValue::UInt(v);
            }
        }
    }
    if is_yaml_float(&plain) {
        if let Ok(f) = plain.parse::<f64>() {
            return NodeValue::Float(f);
        }
    }
    NodeValue::Str(text.to_string())
}

/// Go's `strconv.ParseInt(s, 0, 64)` digit rules (sign, `0x`, `0o`, `0b`, leading-zero octal),
/// returning the value in i128 so callers can try i64 and then u64.
fn parse_go_int(s: &str) -> Option<i128> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string())
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string())
    } else {
        (10, lower)
    };
    if digits.is_empty() || digits.len() > 70 || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = u128::from_str_radix(&digits, radix).ok()?;
    let v = i128::try_from(v).ok()?;
    Some(if neg { -v } else { v })
}

/// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeValue::*;

    fn plain(s: &str) -> NodeValue {
        resolve_plain(s)
    }

    #[test]
    fn booleans_follow_yaml_1_1_like_kubectl() {
        for t in [
            "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y",
        ] {
            assert_eq!(plain(t), Bool(true), "{t}");
        }
        for f in ["false", "no", "No", "off", "OFF", "n", "N"] {
            assert_eq!(plain(f), Bool(false), "{f}");
        }
        assert_eq!(plain("yEs"), Str("yEs".into()));
        assert_eq!(plain("tRue"), Str("tRue".into()));
    }

    #[test]
    fn nulls() {
        for n in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(n), Null, "{n:?}");
        }
        assert_eq!(plain("nil"), Str("nil".into()));
    }

    #[test]
    fn integers_like_go_parse_int() {
        assert_eq!(plain("80"), Int(80));
        assert_eq!(plain("-3"), Int(-3));
        assert_eq!(plain("+3"), Int(3));
        assert_eq!(plain("1_000"), Int(1000));
        assert_eq!(plain("0x1F"), Int(31));
        assert_eq!(plain("0o17"), Int(15));
        assert_eq!(plain("0b101"), Int(5));
        assert_eq!(plain("0755"), Int(493));
        assert_eq!(plain("18446744073709551615"), UInt(u64::MAX));
        // Not octal, but still a YAML float.
        assert_eq!(plain("08"), Float(8.0));
    }

    #[test]
    fn floats_and_strings() {
        assert_eq!(plain("1.0"), Float(1.0));
        assert_eq!(plain(".5"), Float(0.5));
        assert_eq!(plain("1e3"), Float(1000.0));
        assert_eq!(plain("-.inf"), Float(f64::NEG_INFINITY));
        assert!(matches!(plain(".nan"), Float(f) if f.is_nan()));
        for s in [
            "10Gi",
            "1.2.3",
            "1e",
            "-",
            "+",
            "0x",
            "2024-01-01",
            "v1",
            "ReadWriteOnce",
        ] {
            assert_eq!(plain(s), Str(s.into()), "{s}");
        }
    }

    #[test]
    fn quoted_and_block_scalars_are_strings() {
        assert_eq!(resolve("yes", Style::Quoted, None), Ok(Str("yes".into())));
        assert_eq!(resolve("80", Style::Block, None), Ok(Str("80".into())));
        assert_eq!(resolve("", Style::Quoted, None), Ok(Str(String::new())));
    }

    #[test]
    fn explicit_tags() {
        let str_tag = Some("tag:yaml.org,2002:str");
        let int_tag = Some("tag:yaml.org,2002:int");
        assert_eq!(resolve("12", Style::Plain, str_tag), Ok(Str("12".into())));
        assert_eq!(resolve("12", Style::Quoted, int_tag), Ok(Int(12)));
        assert_eq!(
            resolve("abc", Style::Plain, int_tag),
            Err(TagMismatch("cannot decode !!str `abc` as a !!int".into()))
        );
        assert_eq!(
            resolve("x", Style::Plain, Some("!custom")),
            Ok(Str("x".into()))
        );
    }
}
