//! `kubectl get -o yaml`: what `sigs.k8s.io/yaml.Marshal` (JSON → go-yaml v2) prints.
//!
//! cli-runtime `printers/yaml.go` marshals each object with sigs.k8s.io/yaml: the object goes
//! to JSON, go-yaml v2 reads it back (JSON strings stay strings, numbers become ints or
//! floats) and emits it. This is a port of that emitter for JSON-shaped values (kubernetes-sigs
//! /yaml `goyaml.v2`: `encode.go` `marshal`/`stringv`/`floatv`, `emitterc.go` block mappings and
//! indentless sequences, `write_plain_scalar`, `write_single_quoted_scalar`,
//! `write_double_quoted_scalar`, `write_literal_scalar`, `write_block_scalar_hints`,
//! `write_indent`, `write_indicator`, `check_simple_key`): map keys sorted by go-yaml's
//! natural order, two-space indentation, `- ` items at their parent key's indentation, `{}` and
//! `[]` for empty collections, strings quoted exactly when go-yaml v2 quotes them, `|`/`|-`/`|+`
//! blocks for multi-line strings, and long plain or quoted strings folded past column 80.

use super::yaml_resolve::requested_style;
use super::yaml_scalar::{Style, analyze, select_style, sort_keys, width};
use serde_json::Value;

/// go-yaml's default indentation.
pub(super) const BEST_INDENT: i64 = 2;
/// go-yaml's default line width, past which long scalars are folded.
pub(super) const BEST_WIDTH: usize = 80;

/// Renders one object as `kubectl get -o yaml` prints it.
pub fn to_yaml(value: &Value) -> String {
    let mut e = Emitter {
        indent: -1,
        whitespace: true,
        indention: true,
        ..Emitter::default()
    };
    e.node(value, Context::default());
    e.write_indent();
    e.out
}

/// Several objects as one `PrintObj` call each: separated by `---` lines, as the YAML printer
/// does from its second object on (`kubectl apply -f dir -o yaml`).
pub fn to_yaml_documents(values: &[Value]) -> String {
    values.iter().map(to_yaml).collect::<Vec<_>>().join("---\n")
}

/// Where a node sits (`emit_node`'s `mapping` and `simple_key` flags; the root and sequence
/// flags only matter to the emitter for things kubectl's output never contains).
#[derive(Clone, Copy, Default)]
struct Context {
    mapping: bool,
    simple_key: bool,
}

/// go-yaml's emitter state (`yaml_emitter_t`) for one document.
#[derive(Default)]
pub(super) struct Emitter {
    pub(super) out: String,
    pub(super) column: usize,
    pub(super) indent: i64,
    pub(super) indents: Vec<i64>,
    pub(super) whitespace: bool,
    pub(super) indention: bool,
    pub(super) flow_level: usize,
}

impl Emitter {
    pub(super) fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    pub(super) fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// `write`: copies the character at `i` and returns the index after it.
    pub(super) fn write(&mut self, b: &[u8], i: usize) -> usize {
        let end = (i + width(b[i])).min(b.len());
        self.out.push_str(&String::from_utf8_lossy(&b[i..end]));
        self.column += 1;
        end
    }

    pub(super) fn write_break(&mut self, b: &[u8], i: usize) -> usize {
        if b[i] == b'\n' {
            self.put_break();
            return i + 1;
        }
        let next = self.write(b, i);
        self.column = 0;
        next
    }

    pub(super) fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    pub(super) fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn decrease_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn node(&mut self, value: &Value, ctx: Context) {
        match value {
            Value::Null => self.scalar("null", Style::Plain, ctx),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, Style::Plain, ctx),
            Value::Number(n) => self.scalar(&yaml_number(n), Style::Plain, ctx),
            Value::String(s) => self.scalar(s, requested_style(s), ctx),
            Value::Array(items) if items.is_empty() => self.empty_flow("[", "]"),
            Value::Object(map) if map.is_empty() => self.empty_flow("{", "}"),
            Value::Array(items) => {
                self.increase_indent(false, ctx.mapping && !self.indention);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, Context::default());
                }
                self.decrease_indent();
            }
            Value::Object(map) => {
                self.increase_indent(false, false);
                let mut keys: Vec<&String> = map.keys().collect();
                sort_keys(&mut keys);
                for key in keys {
                    self.write_indent();
                    let a = analyze(key);
                    let value_ctx = Context {
                        mapping: true,
                        ..Context::default()
                    };
                    if !a.multiline && key.len() <= 128 {
                        self.node(
                            &Value::String(key.clone()),
                            Context {
                                mapping: true,
                                simple_key: true,
                            },
                        );
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.node(&Value::String(key.clone()), value_ctx);
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(&map[key.as_str()], value_ctx);
                }
                self.decrease_indent();
            }
        }
    }

    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn scalar(&mut self, value: &str, requested: Style, ctx: Context) {
        let a = analyze(value);
        let style = select_style(requested, &a, value.len(), self.flow_level, ctx.simple_key);
        self.increase_indent(true, false);
        let allow_breaks = !ctx.simple_key;
        let b = value.as_bytes();
        match style {
            Style::Plain => self.plain(b, allow_breaks),
            Style::SingleQuoted => self.single_quoted(b, allow_breaks),
            Style::DoubleQuoted => self.double_quoted(b, allow_breaks),
            Style::Literal => self.literal(b),
        }
        self.decrease_indent();
    }
}

/// A JSON number as go-yaml prints it after reading kubectl's JSON: integers as they are,
/// other numbers with `strconv.FormatFloat(f, 'g', -1, 64)`.
fn yaml_number(n: &serde_json::Number) -> String {
    let text = super::print_json::go_json_number(n);
    if !text.contains(['.', 'e', 'E']) {
        return text;
    }
    super::print_json::format_float(text.parse::<f64>().unwrap_or(0.0), 'g')
}
