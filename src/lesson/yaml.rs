//! The one module that names `serde_yaml` (deprecated upstream; a maintained fork such as
//! `serde_yaml_ng` is a one-line swap here).

use serde::de::DeserializeOwned;

/// A YAML or shape error with its 1-based position, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line (1 when unknown).
    pub line: u32,
    /// 1-based column (1 when unknown).
    pub column: u32,
    /// serde_yaml's message without its trailing position.
    pub message: String,
}

/// Reads one YAML document into `T`. serde_yaml refuses alias expansion beyond a fixed
/// budget ("repetition limit exceeded") and deep recursion; both come back as errors.
///
/// A first pass (saphyr's event parser, no values built) refuses any alias and any document
/// nested deeper than [`MAX_DEPTH`]: lessons never need `*alias`, and refusing them outright
/// rules out billion-laughs expansion whatever serde_yaml's own limits do.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    refuse_aliases(text)?;
    serde_yaml::from_str(text).map_err(convert)
}

fn convert(e: serde_yaml::Error) -> YamlError {
    {
        let (line, column) = e
            .location()
            .map(|l| (l.line() as u32, l.column() as u32))
            .unwrap_or((1, 1));
        let mut message = e.to_string();
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        YamlError {
            line: line.max(1),
            column: column.max(1),
            message,
        }
    }
}

/// The deepest nesting a lesson may use.
pub const MAX_DEPTH: usize = 64;

fn refuse_aliases(text: &str) -> Result<(), YamlError> {
    use saphyr_parser::{Event, Parser};
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(x) => x,
            // Syntax errors are reported by serde_yaml's pass, with its wording.
            Err(_) => return Ok(()),
        };
        let at = |message: String| YamlError {
            line: span.start.line() as u32,
            column: span.start.col() as u32 + 1,
            message,
        };
        match event {
            Event::Alias(_) => {
                return Err(at(
                    "YAML aliases (`*name`) are not allowed in lessons: the file expands into a huge document (a YAML bomb) or repeats text; write the text out"
                        .into(),
                ));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(at(format!(
                        "the document is nested deeper than {MAX_DEPTH} levels: a huge document"
                    )));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            Event::StreamEnd => break,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bomb() -> String {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for name in "bcdefghi".chars() {
            let refs = vec![format!("*{prev}"); 9].join(",");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
            prev = name;
        }
        text
    }

    /// What serde_yaml does alone: it stops expanding after a budget of alias jumps
    /// ("repetition limit exceeded"), so a bomb read into an open type fails rather than
    /// eating memory. We still refuse aliases first, with a clearer message.
    #[test]
    fn serde_yaml_alone_refuses_a_bomb_and_we_refuse_aliases_first() {
        let raw = serde_yaml::from_str::<serde_json::Value>(&bomb()).expect_err("bomb");
        assert!(
            raw.to_string().contains("repetition limit exceeded"),
            "{raw}"
        );
        let ours = from_str::<serde_json::Value>(&bomb()).expect_err("bomb");
        assert!(ours.message.contains("aliases"), "{}", ours.message);
        assert_eq!((ours.line, ours.column), (2, 8));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let e = from_str::<serde_json::Value>(&text).expect_err("deep");
        assert!(e.message.contains("nested deeper"), "{}", e.message);
    }
}
