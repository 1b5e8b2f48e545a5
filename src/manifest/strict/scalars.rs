//! Values that a custom Go decoder checks: integers in range, quantities, int-or-string,
//! times and base64 bytes.

use super::{GoCtx, TypeIssue, Walker};
use crate::manifest::messages as msg;
use crate::manifest::schema::FieldType;
use crate::manifest::tree::{Node, NodeValue};
use crate::sim::Quantity;

impl Walker<'_> {
    pub(super) fn integer(
        &mut self,
        node: &Node,
        ty: &FieldType,
        go: &str,
        path: &str,
        ctx: &GoCtx,
    ) {
        let (lo, hi) = if *ty == FieldType::Int32 {
            (i32::MIN as i64, i32::MAX as i64)
        } else {
            (i64::MIN, i64::MAX)
        };
        let fits = |i: i64| i >= lo && i <= hi;
        let value = match node.value {
            NodeValue::Int(i) if fits(i) => return,
            NodeValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 && fits(f as i64) => return,
            NodeValue::Int(i) => format!("number {i}"),
            NodeValue::UInt(u) => format!("number {u}"),
            NodeValue::Float(f) => format!("number {f}"),
            _ => node.json_kind().to_string(),
        };
        self.type_error(node, &value, ty, go, path, ctx);
    }

    pub(super) fn quantity(&mut self, node: &Node, path: &str) {
        let text = match &node.value {
            NodeValue::Str(s) => s.trim().to_string(),
            NodeValue::Int(i) => i.to_string(),
            NodeValue::UInt(u) => u.to_string(),
            NodeValue::Float(f) => f.to_string(),
            NodeValue::Bool(b) => b.to_string(),
            _ => "{}".to_string(),
        };
        if let Err(e) = Quantity::parse(&text) {
            let shown = node.as_str().unwrap_or(&text).to_string();
            let (message, hint) = msg::bad_quantity(&shown);
            self.fatal(node, e.to_string(), path, message, hint);
        }
    }

    pub(super) fn int_or_string(&mut self, node: &Node, path: &str) {
        let value = match node.value {
            NodeValue::Str(_) => return,
            NodeValue::Int(i) if i32::try_from(i).is_ok() => return,
            NodeValue::Float(f) if f.fract() == 0.0 && f.abs() < 2.0e9 => return,
            NodeValue::Int(i) => format!("number {i}"),
            NodeValue::UInt(u) => format!("number {u}"),
            NodeValue::Float(f) => format!("number {f}"),
            _ => node.json_kind().to_string(),
        };
        let message = msg::wrong_type(path, FieldType::IntOrString.describe(), node);
        self.fatal(
            node,
            msg::json_value_error(&value, "int32"),
            path,
            message,
            None,
        );
    }

    pub(super) fn time(&mut self, node: &Node, path: &str) {
        let message = msg::wrong_type(path, "an RFC 3339 time", node);
        match node.as_str() {
            Some(s) if looks_like_rfc3339(s) => {}
            Some(s) => self.fatal(
                node,
                msg::bad_time(s),
                path,
                message,
                Some("for example 2026-01-01T00:00:00Z".into()),
            ),
            None => self.fatal(
                node,
                msg::json_value_error(node.json_kind(), "string"),
                path,
                message,
                None,
            ),
        }
    }

    pub(super) fn bytes(&mut self, node: &Node, go: &str, path: &str, ctx: &GoCtx) {
        match node.as_str() {
            Some(s) => {
                if let Some(at) = base64_error(s) {
                    self.report.types.push(TypeIssue {
                        server: msg::illegal_base64(at),
                        path: path.to_string(),
                        pos: node.pos,
                        fatal: false,
                        message: format!("{} is not base64", msg::go_quote(s)),
                        suggestion: Some(
                            "Secret `data` holds base64; put plain text under `stringData` instead"
                                .into(),
                        ),
                    });
                }
            }
            None => self.type_error(node, node.json_kind(), &FieldType::Bytes, go, path, ctx),
        }
    }
}

/// A loose RFC 3339 check: `YYYY-MM-DDTHH:MM:SS` followed by a zone.
pub(super) fn looks_like_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b't')
        && b[13] == b':'
        && b[16] == b':'
        && (s.ends_with('Z')
            || s.ends_with('z')
            || s.get(19..).is_some_and(|z| z.contains(['+', '-'])))
}

/// Where Go's `base64.StdEncoding` would stop on this text, if it is not valid base64
/// (line breaks are ignored, as in Go).
pub(super) fn base64_error(s: &str) -> Option<usize> {
    let mut count = 0usize;
    let mut padding = 0usize;
    for (i, c) in s.bytes().enumerate() {
        match c {
            b'\r' | b'\n' => continue,
            b'=' => padding += 1,
            c if padding == 0 && (c.is_ascii_alphanumeric() || c == b'+' || c == b'/') => {}
            _ => return Some(i),
        }
        count += 1;
    }
    if padding > 2 || count % 4 != 0 {
        let rem = count % 4;
        return Some(count - rem + if rem == 1 { 0 } else { rem });
    }
    None
}
