//! Lesson files read by the same bounded YAML parser as manifests (`manifest::yaml`), then
//! shaped into the lesson types by a serde deserializer over its positioned tree
//! ([`de`]). There is one path and no fallback: a file that parser refuses is refused, with
//! its line and column, so the size, depth and alias limits hold for every lesson.

mod de;

use crate::manifest::yaml::{self, MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES, YamlProblem};
use serde::de::DeserializeOwned;

/// A YAML or shape error with its 1-based position, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line (1 when unknown).
    pub line: u32,
    /// 1-based column (1 when unknown).
    pub column: u32,
    /// What is wrong, in serde's words for shape errors (`steps[0].title: invalid type: …`,
    /// `unknown field `x`, expected one of …`), without a trailing position.
    pub message: String,
}

/// Reads one YAML document into `T`. The text is parsed once, by the manifest parser, with
/// its limits ([`MAX_INPUT_BYTES`], [`MAX_DEPTH`] levels, [`MAX_NODES`] values with aliases
/// and text counted); a second document in the file is an error.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let parsed = yaml::parse_file(text);
    if let Some(e) = parsed.error {
        // A tab on the line the parser stopped at is the usual cause: point at the tab itself
        // (issue 10: the column after it was reported).
        let tab = tab_column(text, e.pos.line);
        return Err(YamlError {
            line: e.pos.line.max(1),
            column: tab.unwrap_or(e.pos.column).max(1),
            message: describe(&e.problem, tab.is_some()),
        });
    }
    let mut roots = parsed.documents.iter().filter_map(|d| d.root.as_ref());
    let root = roots.next();
    if let Some(second) = roots.next() {
        return Err(YamlError {
            line: second.pos.line,
            column: 1,
            message: "a second YAML document (after `---`): a lesson file holds one document"
                .into(),
        });
    }
    let null = crate::manifest::tree::Node::new(
        crate::manifest::tree::Pos::new(1, 1),
        crate::manifest::tree::NodeValue::Null,
    );
    de::from_node(root.unwrap_or(&null)).map_err(|e| {
        let pos = e.pos.unwrap_or_default();
        YamlError {
            line: pos.line.max(1),
            column: pos.column.max(1),
            message: e.full_message(),
        }
    })
}

/// The 1-based column of the first tab on 1-based line `line` of `text`, if it has one (the
/// usual cause of a syntax error that looks fine on screen).
fn tab_column(text: &str, line: u32) -> Option<u32> {
    let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
    let col = text.lines().nth(index)?.chars().position(|c| c == '\t')?;
    u32::try_from(col + 1).ok()
}

/// The parser's refusal in a lesson author's words, naming the limit where there is one.
fn describe(problem: &YamlProblem, tab: bool) -> String {
    match problem {
        YamlProblem::TooLarge { bytes } => format!(
            "the file is {bytes} bytes; YAML files are limited to {MAX_INPUT_BYTES} bytes: split it"
        ),
        YamlProblem::BadSeparator(rest) => {
            format!("a `---` document separator must be alone on its line (found `--- {rest}`)")
        }
        YamlProblem::Syntax(raw) if tab => format!(
            "{raw} (this line has a tab: YAML indents and separates with spaces; replace the tab with spaces)"
        ),
        YamlProblem::Syntax(raw) => raw.clone(),
        YamlProblem::TooDeep => format!(
            "the document is nested deeper than {MAX_DEPTH} levels: a huge document; flatten it"
        ),
        YamlProblem::TooManyNodes { aliases: true } => format!(
            "YAML aliases (`*name`) expand the file past {MAX_NODES} values (text counted): a huge document (a YAML bomb); write the text out"
        ),
        YamlProblem::TooManyNodes { aliases: false } => format!(
            "the file holds more than {MAX_NODES} values (text counted): a huge document; split it"
        ),
        YamlProblem::UnknownAnchor => {
            "an alias (`*name`) with no anchor (`&name`) before it".into()
        }
        YamlProblem::BadMerge => "a `<<` merge takes a mapping or a list of mappings".into(),
        YamlProblem::TagMismatch(m) => m.clone(),
        YamlProblem::UnsupportedKey => {
            "a mapping key must be text, a number or a boolean (not null, a list or a mapping)"
                .into()
        }
        YamlProblem::NonFinite(t) => format!("`{t}` is not a finite number; quote it for text"),
    }
}

#[cfg(test)]
mod tests;
