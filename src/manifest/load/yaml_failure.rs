//! A YAML error as a failure: kubectl's message (go-yaml's words, with the line counted
//! from the document's start) and kubestory's pointer.

use super::diag;
use crate::manifest::diagnostic::{Failure, FailureKind, ObjectRef};
use crate::manifest::messages as msg;
use crate::manifest::tree::Pos;
use crate::manifest::yaml::{self, YamlError, YamlProblem};

pub(super) fn parse_failure(file: &str, index: usize, e: &YamlError, text: &str) -> Failure {
    let (reason, message, suggestion) = match &e.problem {
        YamlProblem::TooLarge { bytes } => {
            let m = msg::too_large(*bytes, yaml::MAX_INPUT_BYTES);
            (
                m.clone(),
                m,
                Some("split it into several files".to_string()),
            )
        }
        YamlProblem::BadSeparator(rest) => (
            msg::bad_separator(rest),
            msg::bad_separator(rest),
            Some(msg::BAD_SEPARATOR_HINT.to_string()),
        ),
        YamlProblem::Syntax(raw) if raw.contains("unknown anchor") => {
            let problem = msg::unknown_anchor(&alias_name_at(text, e.pos));
            (
                msg::yaml_to_json(e.document_line, &problem),
                msg::explain_yaml(&problem),
                None,
            )
        }
        YamlProblem::Syntax(raw) => {
            let problem = msg::go_yaml_problem(raw);
            (
                msg::yaml_to_json(e.document_line, &problem),
                format!("{problem}: {}", msg::explain_yaml(&problem)),
                None,
            )
        }
        YamlProblem::UnknownAnchor => {
            let problem = msg::unknown_anchor(&alias_name_at(text, e.pos));
            (
                msg::yaml_to_json(e.document_line, &problem),
                msg::explain_yaml(&problem),
                None,
            )
        }
        YamlProblem::TooDeep => (
            format!(
                "error converting YAML to JSON: yaml: exceeded max depth of {}",
                yaml::MAX_DEPTH
            ),
            msg::too_deep(yaml::MAX_DEPTH),
            None,
        ),
        YamlProblem::TooManyNodes { aliases: true } => (
            format!(
                "error converting YAML to JSON: yaml: {}",
                msg::EXCESSIVE_ALIASING
            ),
            msg::too_many_nodes(yaml::MAX_NODES),
            None,
        ),
        YamlProblem::TooManyNodes { aliases: false } => {
            let m = msg::too_many_values(yaml::MAX_NODES);
            (
                m.clone(),
                m,
                Some("split it into several files".to_string()),
            )
        }
        YamlProblem::BadMerge => (
            msg::yaml_to_json(e.document_line, msg::BAD_MERGE),
            msg::BAD_MERGE.to_string(),
            None,
        ),
        YamlProblem::TagMismatch(m) => (
            format!("error converting YAML to JSON: yaml: {m}"),
            m.clone(),
            None,
        ),
        YamlProblem::UnsupportedKey => (
            format!("error converting YAML to JSON: {}", msg::UNSUPPORTED_KEY),
            msg::UNSUPPORTED_KEY_HINT.to_string(),
            None,
        ),
        YamlProblem::NonFinite(t) => (
            format!(
                "error converting YAML to JSON: {}",
                msg::unsupported_float(t)
            ),
            format!("{t} cannot be sent to the API server: JSON has no infinity or NaN"),
            Some(format!("write it in quotes if you meant the text: \"{t}\"")),
        ),
    };
    Failure {
        kind: FailureKind::Parse,
        document: index,
        object: ObjectRef::default(),
        reason,
        causes: Vec::new(),
        diagnostics: vec![diag(file, tab_position(text, e), "", message, suggestion)],
    }
}

/// For tab errors, the column of the first tab on the line (the scanner reports the
/// character after it).
fn tab_position(text: &str, e: &YamlError) -> Pos {
    let is_tab_error = matches!(&e.problem, YamlProblem::Syntax(raw) if raw.contains("tab"));
    let line = text
        .lines()
        .nth(e.pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    match (is_tab_error, line.find('\t')) {
        (true, Some(i)) => Pos::new(e.pos.line, line[..i].chars().count() as u32 + 1),
        _ => e.pos,
    }
}

/// The alias name written at a position (`*name`).
fn alias_name_at(text: &str, pos: Pos) -> String {
    let line = text
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let rest: String = line
        .chars()
        .skip(pos.column.saturating_sub(1) as usize)
        .collect();
    let rest = rest.trim_start().trim_start_matches('*');
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .collect()
}
