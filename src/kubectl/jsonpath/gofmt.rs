//! How Go prints the values of an unstructured object, for JSONPath output and errors:
//! `fmt.Fprint` (`%v`), `%#v` (kubectl's "object given to jsonpath engine"), and
//! `encoding/json` (sorted keys, `<`, `>`, `&` escaped as `\u003c`…).

use serde_json::Value;

/// Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)` with `%v`'s exponent
/// thresholds: exponent form below 1e-4 and from 1e21).
pub fn float_v(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    let exp = f.abs().log10().floor();
    if !(-4.0..21.0).contains(&exp) {
        let text = format!("{f:e}");
        let Some((mantissa, e)) = text.split_once('e') else {
            return text;
        };
        let (sign, digits) = match e.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', e),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    format!("{f}")
}

/// A number as Go prints it: int64 when it is an integer, float64 otherwise.
fn number(n: &serde_json::Number) -> String {
    match (n.as_i64(), n.as_u64(), n.as_f64()) {
        (Some(i), _, _) => i.to_string(),
        (_, Some(u), _) => u.to_string(),
        (_, _, Some(f)) => float_v(f),
        _ => n.to_string(),
    }
}

/// `fmt.Fprint` of a scalar (`evalToText`); `null` for a nil value.
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => s.clone(),
        other => plain(other),
    }
}

/// Go's `%v`: `map[a:1 b:[x y]]`, `<nil>`.
pub fn plain(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(plain).collect();
            format!("[{}]", inner.join(" "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}:{}", plain(v)))
                .collect();
            format!("map[{}]", inner.join(" "))
        }
    }
}

/// Go's `%#v` of an unstructured value.
pub fn sharp_v(v: &Value) -> String {
    let mut out = String::new();
    push_sharp_v(&mut out, v, true);
    out
}

fn push_sharp_v(out: &mut String, v: &Value, top: bool) {
    match v {
        Value::Null if top => out.push_str("<nil>"),
        Value::Null => out.push_str("interface {}(nil)"),
        Value::Bool(b) => out.push_str(&b.to_string()),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => out.push_str(&crate::kubectl::goparse::quote(s)),
        Value::Array(items) => {
            out.push_str("[]interface {}{");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_sharp_v(out, item, false);
            }
            out.push('}');
        }
        Value::Object(map) => {
            out.push_str("map[string]interface {}{");
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&crate::kubectl::goparse::quote(k));
                out.push(':');
                push_sharp_v(out, item, false);
            }
            out.push('}');
        }
    }
}

/// `encoding/json`'s `Marshal` (`indent` false) or `MarshalIndent(v, "", "    ")`.
pub fn json(v: &Value, indent: bool) -> String {
    let text = if indent {
        let mut buf = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
        match serde::Serialize::serialize(v, &mut ser) {
            Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
            Err(_) => String::new(),
        }
    } else {
        serde_json::to_string(v).unwrap_or_default()
    };
    // Go's HTMLEscape and line-separator escapes; these characters occur only in strings.
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
