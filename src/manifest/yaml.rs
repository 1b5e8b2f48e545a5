//! Learner text to positioned YAML trees, one per document.
//!
//! The file is first split into documents the way kubectl's `YAMLReader` does
//! (`k8s.io/apimachinery/pkg/util/yaml`): a line starting with `---` ends the current document,
//! anything but a comment after it is an error, and each document is parsed on its own. So, as
//! in kubectl, a syntax error reports the line **within its document** (`yaml: line 3: …`),
//! while kubestory's own pointer gives the line in the file. Each document is then parsed with
//! `saphyr-parser` events into a [`Node`] tree (anchors, aliases and `<<` merges expanded).
//!
//! The input is untrusted: it is refused above [`MAX_INPUT_BYTES`], deeper than [`MAX_DEPTH`]
//! levels, or with more than [`MAX_NODES`] nodes after alias expansion (a "billion laughs"
//! YAML bomb). Nothing here panics or recurses on input-controlled depth.

use super::scalar::{self, Style};
use super::tree::{Entry, Node, NodeValue, Pos};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use std::collections::HashMap;

/// The largest manifest kubestory reads (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// The deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 100;
/// The most nodes a file may expand to, aliases included.
pub const MAX_NODES: usize = 100_000;

/// One document of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDocument {
    /// 0-based index of the document in the file (empty documents count).
    pub index: usize,
    /// The file line on which the document's text starts.
    pub first_line: u32,
    /// The root node; `None` for an empty document (only comments, or nothing).
    pub root: Option<Node>,
}

/// Why the text could not be read as YAML.
#[derive(Clone, Debug, PartialEq)]
pub enum YamlProblem {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The input's size.
        bytes: usize,
    },
    /// A `---` line followed by something other than a comment.
    BadSeparator(String),
    /// A syntax error, with go-yaml's wording where it is known.
    Syntax(String),
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_NODES`] nodes after alias expansion. `aliases` is true when an alias
    /// crossed the limit (a "billion laughs" bomb), false for a file that is simply huge.
    TooManyNodes {
        /// Whether alias expansion crossed the limit.
        aliases: bool,
    },
    /// An alias (`*name`) with no anchor before it.
    UnknownAnchor,
    /// A `<<` merge whose value is not a mapping.
    BadMerge,
    /// An explicit tag that does not fit the text (`!!int abc`).
    TagMismatch(String),
    /// A mapping key that is null, a list or a mapping (JSON keys are strings).
    UnsupportedKey,
    /// `.inf` or `.nan`, which JSON cannot represent.
    NonFinite(String),
}

/// A YAML error with where it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    /// Position in the file.
    pub pos: Pos,
    /// The line number kubectl reports: counted from the start of the document.
    pub document_line: u32,
    /// What went wrong.
    pub problem: YamlProblem,
}

/// The parsed file: every document before the first error, and that error.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ParsedFile {
    /// Documents, in file order, up to (not including) the one with an error.
    pub documents: Vec<RawDocument>,
    /// The first error; kubectl stops reading the file there.
    pub error: Option<YamlError>,
}

/// Parses a whole file.
pub fn parse_file(text: &str) -> ParsedFile {
    let mut out = ParsedFile::default();
    if text.len() > MAX_INPUT_BYTES {
        out.error = Some(YamlError {
            pos: Pos::new(1, 1),
            document_line: 1,
            problem: YamlProblem::TooLarge { bytes: text.len() },
        });
        return out;
    }
    let mut budget = MAX_NODES;
    for (index, chunk) in split_documents(text).into_iter().enumerate() {
        let chunk = match chunk {
            Ok(c) => c,
            Err(e) => {
                out.error = Some(e);
                return out;
            }
        };
        match parse_document(chunk.text, chunk.first_line, &mut budget) {
            Ok(root) => out.documents.push(RawDocument {
                index,
                first_line: chunk.first_line,
                root,
            }),
            Err(e) => {
                out.error = Some(e);
                return out;
            }
        }
    }
    out
}

/// One document's text and where it starts.
struct Chunk<'a> {
    text: &'a str,
    first_line: u32,
}

/// kubectl's `YAMLReader.Read`: a line beginning with `---` ends a non-empty document (and
/// is dropped); at the start of a document it is kept, as YAML's own document marker.
fn split_documents(text: &str) -> Vec<Result<Chunk<'_>, YamlError>> {
    let mut chunks = Vec::new();
    let mut start = 0usize;
    let mut start_line = 1u32;
    let mut offset = 0usize;
    for (line_no, line) in (1u32..).zip(text.split_inclusive('\n')) {
        if let Some(rest) = line.strip_prefix("---") {
            let trimmed = rest.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                chunks.push(Err(YamlError {
                    pos: Pos::new(line_no, 1),
                    document_line: line_no - start_line + 1,
                    problem: YamlProblem::BadSeparator(trimmed.to_string()),
                }));
                return chunks;
            }
            if offset > start {
                chunks.push(Ok(Chunk {
                    text: &text[start..offset],
                    first_line: start_line,
                }));
                start = offset + line.len();
                start_line = line_no + 1;
            }
        }
        offset += line.len();
    }
    if offset > start {
        chunks.push(Ok(Chunk {
            text: &text[start..offset],
            first_line: start_line,
        }));
    }
    chunks
}

/// A container being built.
enum Frame {
    Seq {
        node: Node,
        items: Vec<Node>,
        anchor: usize,
        size: usize,
    },
    Map {
        node: Node,
        entries: Vec<Entry>,
        key: Option<PendingKey>,
        anchor: usize,
        size: usize,
    },
}

/// A mapping key waiting for its value.
struct PendingKey {
    key: String,
    pos: Pos,
    merge: bool,
}

/// Builds one document's tree from parser events.
struct Builder {
    first_line: u32,
    frames: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    root: Option<Node>,
}

fn parse_document(
    text: &str,
    first_line: u32,
    budget: &mut usize,
) -> Result<Option<Node>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut b = Builder {
        first_line,
        frames: Vec::new(),
        anchors: HashMap::new(),
        root: None,
    };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| b.scan_error(&e))?;
        match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
            Event::Scalar(text, style, anchor, tag) => {
                take(budget, 1)
                    .ok_or_else(|| b.error(span, YamlProblem::TooManyNodes { aliases: false }))?;
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                };
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                let value = scalar::resolve(&text, style, tag.as_deref())
                    .map_err(|m| b.error(span, YamlProblem::TagMismatch(m.0)))?;
                let mut node = Node::new(b.pos(span), value);
                if style == Style::Plain && !matches!(node.value, NodeValue::Str(_)) {
                    node.source = Some(text.as_ref().into());
                }
                if anchor > 0 {
                    b.anchors.insert(anchor, (node.clone(), 1));
                }
                let merge_key = style == Style::Plain && tag.is_none() && text == "<<";
                b.push(node, 1, merge_key, span)?;
            }
            Event::Alias(id) => {
                let (node, size) = b
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| b.error(span, YamlProblem::UnknownAnchor))?;
                take(budget, size)
                    .ok_or_else(|| b.error(span, YamlProblem::TooManyNodes { aliases: true }))?;
                b.push(node, size, false, span)?;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                take(budget, 1)
                    .ok_or_else(|| b.error(span, YamlProblem::TooManyNodes { aliases: false }))?;
                if b.frames.len() >= MAX_DEPTH {
                    return Err(b.error(span, YamlProblem::TooDeep));
                }
                let node = Node::new(b.pos(span), NodeValue::Null);
                b.frames.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        node,
                        items: Vec::new(),
                        anchor,
                        size: 1,
                    }
                } else {
                    Frame::Map {
                        node,
                        entries: Vec::new(),
                        key: None,
                        anchor,
                        size: 1,
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor, size) = match b.frames.pop() {
                    Some(Frame::Seq {
                        mut node,
                        items,
                        anchor,
                        size,
                    }) => {
                        node.value = NodeValue::Seq(items);
                        (node, anchor, size)
                    }
                    Some(Frame::Map {
                        mut node,
                        entries,
                        anchor,
                        size,
                        ..
                    }) => {
                        node.value = NodeValue::Map(entries);
                        (node, anchor, size)
                    }
                    None => continue,
                };
                if anchor > 0 {
                    b.anchors.insert(anchor, (node.clone(), size));
                }
                b.push(node, size, false, span)?;
            }
        }
    }
    if let Some(root) = &b.root {
        if let Some(bad) = root.find_non_finite() {
            let text = bad.source.as_deref().unwrap_or(".inf").to_string();
            return Err(YamlError {
                pos: bad.pos,
                document_line: bad.pos.line + 1 - first_line,
                problem: YamlProblem::NonFinite(text),
            });
        }
    }
    Ok(b.root.filter(|r| !r.is_null()))
}

/// Takes `n` nodes from the budget.
fn take(budget: &mut usize, n: usize) -> Option<()> {
    *budget = budget.checked_sub(n)?;
    Some(())
}

impl Builder {
    fn pos(&self, span: Span) -> Pos {
        let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX);
        let col = u32::try_from(span.start.col()).unwrap_or(u32::MAX);
        Pos::new(
            line.saturating_add(self.first_line - 1),
            col.saturating_add(1),
        )
    }

    fn error(&self, span: Span, problem: YamlProblem) -> YamlError {
        let pos = self.pos(span);
        YamlError {
            pos,
            document_line: pos.line + 1 - self.first_line,
            problem,
        }
    }

    fn scan_error(&self, e: &ScanError) -> YamlError {
        let span = Span::empty(*e.marker());
        if e.info().contains("recursion limit") {
            return self.error(span, YamlProblem::TooDeep);
        }
        self.error(span, YamlProblem::Syntax(e.info().to_string()))
    }

    /// Attaches a finished node to the current container (or makes it the root).
    fn push(
        &mut self,
        node: Node,
        size: usize,
        merge_key: bool,
        span: Span,
    ) -> Result<(), YamlError> {
        let err_unsupported = self.error(span, YamlProblem::UnsupportedKey);
        let err_merge = self.error(span, YamlProblem::BadMerge);
        match self.frames.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq {
                items, size: total, ..
            }) => {
                *total += size;
                items.push(node);
            }
            Some(Frame::Map {
                entries,
                key,
                size: total,
                ..
            }) => {
                *total += size;
                match key.take() {
                    None => {
                        let text = key_text(&node).ok_or(err_unsupported)?;
                        *key = Some(PendingKey {
                            key: text,
                            pos: node.pos,
                            merge: merge_key,
                        });
                    }
                    Some(k) if k.merge => merge_into(entries, node).ok_or(err_merge)?,
                    Some(k) => entries.push(Entry {
                        key: k.key,
                        key_pos: k.pos,
                        value: node,
                        merged: false,
                    }),
                }
            }
        }
        Ok(())
    }
}

/// The JSON key for a YAML key, as sigs.k8s.io/yaml's `convertToJSONableObject` writes it.
fn key_text(node: &Node) -> Option<String> {
    Some(match &node.value {
        NodeValue::Str(s) => s.clone(),
        NodeValue::Bool(b) => b.to_string(),
        NodeValue::Int(i) => i.to_string(),
        NodeValue::UInt(u) => u.to_string(),
        NodeValue::Float(f) if f.is_nan() => ".nan".into(),
        NodeValue::Float(f) if f.is_infinite() => if *f > 0.0 { ".inf" } else { "-.inf" }.into(),
        NodeValue::Float(f) => format!("{}", *f as f32),
        NodeValue::Null | NodeValue::Seq(_) | NodeValue::Map(_) => return None,
    })
}

/// go-yaml v2's `merge`: a mapping's entries (or, for a list of mappings, each one, earlier
/// ones taking precedence) are written at the position of the `<<` key.
fn merge_into(entries: &mut Vec<Entry>, value: Node) -> Option<()> {
    match value.value {
        NodeValue::Map(merged) => {
            entries.extend(merged.into_iter().map(|e| Entry { merged: true, ..e }));
        }
        NodeValue::Seq(items) => {
            for item in items.into_iter().rev() {
                match item.value {
                    NodeValue::Map(merged) => {
                        entries.extend(merged.into_iter().map(|e| Entry { merged: true, ..e }));
                    }
                    _ => return None,
                }
            }
        }
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_one(text: &str) -> Node {
        let f = parse_file(text);
        assert_eq!(f.error, None);
        f.documents
            .into_iter()
            .find_map(|d| d.root)
            .expect("a document")
    }

    #[test]
    fn positions_of_keys_and_values_are_one_based() {
        let root = parse_one("a: 1\nb:\n  c: [x, y]\n");
        let b = root.entry("b").expect("b");
        assert_eq!(b.key_pos, Pos::new(2, 1));
        let c = b.value.entry("c").expect("c");
        assert_eq!(c.key_pos, Pos::new(3, 3));
        assert_eq!(c.value.as_seq().map(|s| s[1].pos), Some(Pos::new(3, 10)));
    }

    #[test]
    fn documents_split_like_kubectl() {
        let f = parse_file("a: 1\n---\n# only a comment\n---\nb: 2\n");
        assert_eq!(f.error, None);
        assert_eq!(f.documents.len(), 3);
        assert!(f.documents[1].root.is_none());
        let third = &f.documents[2];
        assert_eq!(third.first_line, 5);
        assert_eq!(
            third
                .root
                .as_ref()
                .and_then(|r| r.entry("b"))
                .map(|e| e.key_pos),
            Some(Pos::new(5, 1))
        );
    }

    #[test]
    fn leading_separator_is_part_of_the_first_document() {
        let f = parse_file("---\n{a: 1, b: [2, 3,],}\n");
        assert_eq!(f.error, None);
        assert_eq!(f.documents.len(), 1);
        assert_eq!(f.documents[0].first_line, 1);
    }

    #[test]
    fn separator_with_content_is_refused() {
        let f = parse_file("a: 1\n--- b: 2\n");
        assert_eq!(
            f.error.map(|e| e.problem),
            Some(YamlProblem::BadSeparator("b: 2".into()))
        );
    }

    #[test]
    fn syntax_errors_report_document_relative_lines() {
        let f = parse_file("a: 1\n---\nb: 2\nc: d: e\n");
        let e = f.error.expect("error");
        assert_eq!(e.pos.line, 4);
        assert_eq!(e.document_line, 2);
        assert_eq!(f.documents.len(), 1);
    }

    #[test]
    fn aliases_and_merges_expand() {
        let root = parse_one("base: &b {a: 1, b: 2}\ncopy: *b\nmerged:\n  <<: *b\n  b: 3\n");
        assert_eq!(root.get("copy"), root.get("base"));
        let merged = root.get("merged").expect("merged");
        assert_eq!(merged.to_json(), serde_json::json!({"a": 1, "b": 3}));
        // As in go-yaml v2, an unquoted `y` key is the boolean true.
        assert!(parse_one("y: 1\n").get("true").is_some());
    }

    #[test]
    fn yaml_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse_file(&text).error.expect("refused");
        assert_eq!(e.problem, YamlProblem::TooManyNodes { aliases: true });
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(200) + &"]".repeat(200);
        let e = parse_file(&text).error.expect("refused");
        assert!(matches!(
            e.problem,
            YamlProblem::TooDeep | YamlProblem::Syntax(_)
        ));
        let block: String = (0..150)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(
            parse_file(&block).error.map(|e| e.problem),
            Some(YamlProblem::TooDeep)
        );
    }

    #[test]
    fn unknown_anchor_and_bad_keys() {
        assert!(parse_file("a: *nope\n").error.is_some());
        let e = parse_file("? [a]\n: b\n").error.expect("error");
        assert_eq!(e.problem, YamlProblem::UnsupportedKey);
        let e = parse_file("a: .inf\n").error.expect("error");
        assert_eq!(e.problem, YamlProblem::NonFinite(".inf".into()));
    }

    #[test]
    fn yaml_1_1_keys_become_strings() {
        let root = parse_one("on: 1\n2: x\n");
        assert!(root.get("true").is_some());
        assert!(root.get("2").is_some());
    }
}
