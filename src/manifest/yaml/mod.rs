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

use super::tree::{Node, Pos};

mod builder;
#[cfg(test)]
mod tests;

use builder::parse_document;

/// The largest manifest kubestory reads (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// The deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 100;
/// The most nodes a file may expand to, aliases included. A scalar's text counts too, one
/// node per [`BYTES_PER_NODE`] bytes, so a file expands to at most about 6 MB of text.
pub const MAX_NODES: usize = 100_000;
/// How many bytes of scalar text weigh as much as one node in the [`MAX_NODES`] budget.
pub const BYTES_PER_NODE: usize = 64;

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
