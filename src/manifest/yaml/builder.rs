//! One document's text to a tree, from saphyr-parser events, with an explicit stack (no
//! recursion on input depth), alias expansion within a node budget, and `<<` merges.

use super::{BYTES_PER_NODE, MAX_DEPTH, YamlError, YamlProblem};
use crate::manifest::scalar::{self, Style};
use crate::manifest::tree::{Entry, Node, NodeValue, Pos};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use std::collections::HashMap;

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

pub(super) fn parse_document(
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
        let (event, span) = next.map_err(|e| b.scan_error(&e, text))?;
        match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
            Event::Scalar(text, style, anchor, tag) => {
                let weight = scalar_weight(&text);
                take(budget, weight)
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
                    b.keep_anchor(anchor, &node, weight, budget, span)?;
                }
                let merge_key = style == Style::Plain && tag.is_none() && text == "<<";
                b.push(node, weight, merge_key, span)?;
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
                    b.keep_anchor(anchor, &node, size, budget, span)?;
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

/// What a scalar costs in the node budget: one node, plus one per [`BYTES_PER_NODE`] bytes
/// of its text. Counting text matters for aliases: 40,000 aliases of one 90,000-character
/// string are only 40,000 nodes but 3.6 GB of copies.
fn scalar_weight(text: &str) -> usize {
    1 + text.len() / BYTES_PER_NODE
}

/// Takes `n` nodes from the budget.
fn take(budget: &mut usize, n: usize) -> Option<()> {
    *budget = budget.checked_sub(n)?;
    Some(())
}

impl Builder {
    fn pos(&self, span: Span) -> Pos {
        let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX).max(1);
        let col = u32::try_from(span.start.col()).unwrap_or(u32::MAX);
        Pos::new(
            line.saturating_add(self.first_line - 1),
            col.saturating_add(1),
        )
    }

    /// Keeps a copy of an anchored node for its aliases. The copy counts in the budget:
    /// otherwise anchors nested 100 deep around one long text would copy it 100 times.
    fn keep_anchor(
        &mut self,
        anchor: usize,
        node: &Node,
        size: usize,
        budget: &mut usize,
        span: Span,
    ) -> Result<(), YamlError> {
        take(budget, size)
            .ok_or_else(|| self.error(span, YamlProblem::TooManyNodes { aliases: true }))?;
        self.anchors.insert(anchor, (node.clone(), size));
        Ok(())
    }

    fn error(&self, span: Span, problem: YamlProblem) -> YamlError {
        let pos = self.pos(span);
        YamlError {
            pos,
            document_line: pos.line + 1 - self.first_line,
            problem,
        }
    }

    fn scan_error(&self, e: &ScanError, text: &str) -> YamlError {
        let span = Span::empty(*e.marker());
        if e.info().contains("recursion limit") {
            return self.error(span, YamlProblem::TooDeep);
        }
        let mut err = self.error(span, YamlProblem::Syntax(e.info().to_string()));
        // The scanner notices a tab where the token before it ends (the line above, for an
        // indenting tab); the learner needs the tab itself (issue 10: a tab on line 8 was
        // reported at 7:13).
        if e.info().contains("tab")
            && let Some((line, col)) = first_tab_from(text, e.marker().line())
        {
            err.pos = Pos::new(line.saturating_add(self.first_line - 1), col);
            err.document_line = line;
        }
        err
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

/// The 1-based (line, column) of the first tab on line `from` (1-based) or after it.
fn first_tab_from(text: &str, from: usize) -> Option<(u32, u32)> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, l)| {
            let col = l.chars().position(|c| c == '\t')?;
            Some((u32::try_from(i + 1).ok()?, u32::try_from(col + 1).ok()?))
        })
}
