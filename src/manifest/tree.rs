//! The positioned YAML tree: every node, and every mapping key, knows its `line:column`.
//!
//! Scalars are already resolved (see [`super::scalar`]), so the tree is JSON-shaped: the
//! conversion to `serde_json::Value` ([`Node::to_json`]) is what kubectl would send to the API
//! server.

use serde_json::Value;
use std::fmt;

/// A position in the learner's file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Pos {
    /// A position from 1-based line and column.
    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Where the node starts.
    pub pos: Pos,
    /// The resolved value.
    pub value: NodeValue,
    /// For plain scalars that did not resolve to a string (`yes`, `1.0`, `~`): the text as
    /// written, so hints can say "YAML read `yes` as a boolean".
    pub source: Option<Box<str>>,
}

/// A resolved value.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    /// `null`, `~` or nothing.
    Null,
    /// `true`/`false` (and YAML 1.1 `yes`/`no`/`on`/`off`, as kubectl reads them).
    Bool(bool),
    /// An integer that fits in i64.
    Int(i64),
    /// An integer above i64::MAX.
    UInt(u64),
    /// A float (may be infinite or NaN, which JSON cannot carry).
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order. Keys may repeat (reported as duplicate fields).
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key as JSON will see it (`on:` becomes `"true"`, as in kubectl's YAML-to-JSON).
    pub key: String,
    /// Where the key is written.
    pub key_pos: Pos,
    /// The value.
    pub value: Node,
    /// True when the entry came from a `<<: *anchor` merge (never a duplicate).
    pub merged: bool,
}

impl Node {
    /// A node without source text.
    pub fn new(pos: Pos, value: NodeValue) -> Node {
        Node {
            pos,
            value,
            source: None,
        }
    }

    /// The string value, if this is a string scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The entries, if this is a mapping.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            NodeValue::Map(e) => Some(e),
            _ => None,
        }
    }

    /// The items, if this is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            NodeValue::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.value, NodeValue::Null)
    }

    /// The value of `key` in a mapping. Like JSON decoding, the last occurrence wins.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .rev()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    /// The entry for `key` (last occurrence), with its key position.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?.iter().rev().find(|e| e.key == key)
    }

    /// The value of `key`, treating an explicit `null` as absent.
    pub fn field(&self, key: &str) -> Option<&Node> {
        self.get(key).filter(|n| !n.is_null())
    }

    /// A string field (`None` when absent, null or not a string).
    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_str)
    }

    /// The items of a sequence field (empty when absent or null).
    pub fn seq_field(&self, key: &str) -> &[Node] {
        self.get(key).and_then(Node::as_seq).unwrap_or(&[])
    }

    /// The entries of a mapping field (empty when absent or null).
    pub fn map_field(&self, key: &str) -> &[Entry] {
        self.get(key).and_then(Node::as_map).unwrap_or(&[])
    }

    /// An integer value (integral floats count, as they do after kubectl's JSON round trip).
    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            NodeValue::Int(i) => Some(i),
            NodeValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
            _ => None,
        }
    }

    /// The word a Go decoder uses for this JSON value: `string`, `number`, `bool`, `array`,
    /// `object` or `null`.
    pub fn json_kind(&self) -> &'static str {
        match self.value {
            NodeValue::Null => "null",
            NodeValue::Bool(_) => "bool",
            NodeValue::Int(_) | NodeValue::UInt(_) | NodeValue::Float(_) => "number",
            NodeValue::Str(_) => "string",
            NodeValue::Seq(_) => "array",
            NodeValue::Map(_) => "object",
        }
    }

    /// The node at a dotted field path such as `spec.containers[0].volumeMounts[1].name`
    /// (map keys in brackets are accepted too: `spec.resources[storage]`).
    pub fn locate(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for step in parse_path(path)? {
            node = match step {
                Step::Key(k) => node.get(&k)?,
                Step::Index(i) => node.as_seq()?.get(i)?,
            };
        }
        Some(node)
    }

    /// Converts to JSON, as kubectl's YAML-to-JSON step does: later duplicate keys win, and
    /// non-finite floats (which JSON cannot carry) become `null` (the loader reports them
    /// before this is called).
    pub fn to_json(&self) -> Value {
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(b) => Value::Bool(*b),
            NodeValue::Int(i) => Value::from(*i),
            NodeValue::UInt(u) => Value::from(*u),
            NodeValue::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    Value::from(*f as i64)
                } else {
                    serde_json::Number::from_f64(*f)
                        .map(Value::Number)
                        .unwrap_or(Value::Null)
                }
            }
            NodeValue::Str(s) => Value::String(s.clone()),
            NodeValue::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Map(entries) => {
                let mut map = serde_json::Map::new();
                for e in entries {
                    map.insert(e.key.clone(), e.value.to_json());
                }
                Value::Object(map)
            }
        }
    }

    /// Finds the first non-finite float (`.inf`, `.nan`), which cannot be converted to JSON.
    pub fn find_non_finite(&self) -> Option<&Node> {
        match &self.value {
            NodeValue::Float(f) if !f.is_finite() => Some(self),
            NodeValue::Seq(items) => items.iter().find_map(Node::find_non_finite),
            NodeValue::Map(entries) => entries.iter().find_map(|e| e.value.find_non_finite()),
            _ => None,
        }
    }
}

/// One step of a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Parses `a.b[0].c[key]` into steps.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            steps.push(Step::Key(name.to_string()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            let inner = &stripped[..end];
            steps.push(match inner.parse::<usize>() {
                Ok(i) => Step::Index(i),
                Err(_) => Step::Key(inner.to_string()),
            });
            rest = &stripped[end + 1..];
        }
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Node {
        Node::new(Pos::new(1, 1), NodeValue::Str(v.into()))
    }

    #[test]
    fn locate_follows_keys_indexes_and_bracketed_keys() {
        let inner = Node::new(
            Pos::new(3, 5),
            NodeValue::Map(vec![Entry {
                key: "storage".into(),
                key_pos: Pos::new(3, 5),
                value: s("1Gi"),
                merged: false,
            }]),
        );
        let seq = Node::new(Pos::new(2, 3), NodeValue::Seq(vec![inner]));
        let root = Node::new(
            Pos::new(1, 1),
            NodeValue::Map(vec![Entry {
                key: "items".into(),
                key_pos: Pos::new(1, 1),
                value: seq,
                merged: false,
            }]),
        );
        assert_eq!(
            root.locate("items[0].storage").and_then(Node::as_str),
            Some("1Gi")
        );
        assert_eq!(
            root.locate("items[0][storage]").and_then(Node::as_str),
            Some("1Gi")
        );
        assert!(root.locate("items[1]").is_none());
    }

    #[test]
    fn integral_floats_become_json_integers() {
        let n = Node::new(Pos::default(), NodeValue::Float(3.0));
        assert_eq!(n.to_json(), serde_json::json!(3));
        assert_eq!(n.as_i64(), Some(3));
    }
}
