//! The container shell's grammar: a small subset of POSIX `sh` (dash, as in the Debian-based
//! images the course uses), enough for what people type into `kubectl exec`:
//!
//! - words, with `'single'` and `"double"` quotes and `\` escapes; `$NAME`, `${NAME}` and `$?`
//!   expand outside single quotes; an unquoted `*` or `?` globs the last path component;
//! - redirections `>`, `>>`, `2>`, `2>>`, `2>&1`, `<`;
//! - pipelines `a | b`, and-or lists `a && b || c`, sequences `a; b` (and newlines);
//! - `#` comments; `NAME=value` alone sets a shell variable.
//!
//! Anything else (`$(…)`, backquotes, `(`, `{`, `if`, `for`, `&`, here-documents) is a
//! syntax error worded as dash words it, or kubestory's note when dash would accept it.
//! Parsing is bounded: the input is at most [`MAX_COMMAND_BYTES`] and the parser does no
//! recursion, so hostile input cannot exhaust the stack.

use std::fmt;

/// Bytes of one command line given to the shell ([`crate::sim::limits`]).
pub const MAX_COMMAND_BYTES: usize = crate::sim::limits::MAX_EXEC_COMMAND_BYTES;

/// One piece of a word, with how it was quoted (quoted pieces are not globbed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text; `quoted` when it came from quotes or an escape.
    Text {
        /// The characters.
        text: String,
        /// Whether it was quoted (no globbing).
        quoted: bool,
    },
    /// `$NAME`, `${NAME}` or `$?`; `quoted` inside double quotes.
    Var {
        /// The variable name (`?` for the last status).
        name: String,
        /// Whether it was inside double quotes.
        quoted: bool,
    },
}

/// A word before expansion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word(pub Vec<Piece>);

/// Where a redirection sends a stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Redirect {
    /// `> FILE` (`append`: `>>`), for stdout (`fd` 1) or stderr (`fd` 2).
    Out {
        /// 1 or 2.
        fd: u8,
        /// `>>`.
        append: bool,
        /// The target.
        target: Word,
    },
    /// `2>&1`.
    ErrToOut,
    /// `< FILE`.
    In(Word),
}

/// One simple command: its words and redirections in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Simple {
    /// The words (program and arguments).
    pub words: Vec<Word>,
    /// The redirections.
    pub redirects: Vec<Redirect>,
}

/// How an and-or list continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run the next pipeline only if this one succeeded.
    And,
    /// `||`: only if it failed.
    Or,
}

/// `a | b | c`.
pub type Pipeline = Vec<Simple>;

/// `p1 && p2 || p3`: the first pipeline, then each connector with its pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndOr {
    /// The first pipeline.
    pub first: Pipeline,
    /// The rest.
    pub rest: Vec<(Connector, Pipeline)>,
}

/// A whole command line: and-or lists run one after the other.
pub type Script = Vec<AndOr>;

/// A syntax error, displayed as dash words it after `sh: 1: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// `Syntax error: Unterminated quoted string`.
    Unterminated,
    /// `Syntax error: "X" unexpected` (`X` is `newline` at the end).
    Unexpected(String),
    /// A construct kubestory's shell does not have (its own note).
    NotSimulated(String),
    /// The line is longer than [`MAX_COMMAND_BYTES`].
    TooLong(usize),
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxError::Unterminated => f.write_str("Syntax error: Unterminated quoted string"),
            SyntaxError::Unexpected(t) if t == "newline" => {
                f.write_str("Syntax error: newline unexpected")
            }
            SyntaxError::Unexpected(t) => write!(f, "Syntax error: \"{t}\" unexpected"),
            SyntaxError::NotSimulated(what) => write!(
                f,
                "kubestory: {what} is not simulated in the container's shell; it has words, quotes, $VAR, globs, >, >>, 2>, <, |, &&, || and ;"
            ),
            SyntaxError::TooLong(n) => write!(
                f,
                "kubestory: the command is {n} bytes; the simulated container's shell takes at most {MAX_COMMAND_BYTES} (kubestory's limit)"
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Word(Word),
    Op(&'static str),
    /// A redirection operator with its file descriptor: (fd, op).
    Redir(u8, &'static str),
    Newline,
}

/// Splits a line into tokens (words and operators).
fn lex(input: &str) -> Result<Vec<Tok>, SyntaxError> {
    let chars: Vec<char> = input.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut word = Word::default();
    let mut in_word = false;
    fn push_text(word: &mut Word, c: char, quoted: bool) {
        if let Some(Piece::Text { text, quoted: q }) = word.0.last_mut()
            && *q == quoted
        {
            text.push(c);
            return;
        }
        word.0.push(Piece::Text {
            text: c.to_string(),
            quoted,
        });
    }
    fn flush(toks: &mut Vec<Tok>, word: &mut Word, in_word: &mut bool) {
        if *in_word {
            toks.push(Tok::Word(std::mem::take(word)));
            *in_word = false;
        }
    }
    // `$NAME`, `${NAME}`, `$?` starting at chars[i] == '$'; returns the piece and the next index.
    fn var(chars: &[char], i: usize, quoted: bool) -> Result<(Option<Piece>, usize), SyntaxError> {
        let next = chars.get(i + 1).copied();
        match next {
            Some('?') | Some('$') | Some('#') | Some('0') => Ok((
                Some(Piece::Var {
                    name: next.map(String::from).unwrap_or_default(),
                    quoted,
                }),
                i + 2,
            )),
            Some('{') => {
                let mut j = i + 2;
                let mut name = String::new();
                while let Some(&c) = chars.get(j) {
                    if c == '}' {
                        return Ok((Some(Piece::Var { name, quoted }), j + 1));
                    }
                    name.push(c);
                    j += 1;
                }
                Err(SyntaxError::Unexpected("newline".into()))
            }
            Some('(') => Err(SyntaxError::NotSimulated(
                "command substitution $(…)".into(),
            )),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let mut j = i + 1;
                let mut name = String::new();
                while let Some(&c) = chars.get(j) {
                    if !(c.is_ascii_alphanumeric() || c == '_') {
                        break;
                    }
                    name.push(c);
                    j += 1;
                }
                Ok((Some(Piece::Var { name, quoted }), j))
            }
            _ => Ok((None, i + 1)),
        }
    }
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' => {
                flush(&mut toks, &mut word, &mut in_word);
                i += 1;
            }
            '\n' => {
                flush(&mut toks, &mut word, &mut in_word);
                toks.push(Tok::Newline);
                i += 1;
            }
            '#' if !in_word => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                in_word = true;
                let start = i + 1;
                let Some(len) = chars[start..].iter().position(|&c| c == '\'') else {
                    return Err(SyntaxError::Unterminated);
                };
                if len == 0 {
                    word.0.push(Piece::Text {
                        text: String::new(),
                        quoted: true,
                    });
                }
                for &c in &chars[start..start + len] {
                    push_text(&mut word, c, true);
                }
                i = start + len + 1;
            }
            '"' => {
                in_word = true;
                i += 1;
                let mut closed = false;
                let mut empty = true;
                while i < chars.len() {
                    let c = chars[i];
                    match c {
                        '"' => {
                            closed = true;
                            i += 1;
                            break;
                        }
                        '\\' if matches!(chars.get(i + 1), Some('"' | '\\' | '$' | '`')) => {
                            push_text(&mut word, chars[i + 1], true);
                            i += 2;
                        }
                        '$' => {
                            let (piece, next) = var(&chars, i, true)?;
                            match piece {
                                Some(p) => word.0.push(p),
                                None => push_text(&mut word, '$', true),
                            }
                            i = next;
                        }
                        '`' => {
                            return Err(SyntaxError::NotSimulated(
                                "command substitution `…`".into(),
                            ));
                        }
                        other => {
                            push_text(&mut word, other, true);
                            i += 1;
                        }
                    }
                    empty = false;
                }
                if !closed {
                    return Err(SyntaxError::Unterminated);
                }
                if empty {
                    word.0.push(Piece::Text {
                        text: String::new(),
                        quoted: true,
                    });
                }
            }
            '\\' => {
                in_word = true;
                match chars.get(i + 1) {
                    Some('\n') => {}
                    Some(&n) => push_text(&mut word, n, true),
                    None => {}
                }
                i += 2;
            }
            '$' => {
                in_word = true;
                let (piece, next) = var(&chars, i, false)?;
                match piece {
                    Some(p) => word.0.push(p),
                    None => push_text(&mut word, '$', false),
                }
                i = next;
            }
            '`' => return Err(SyntaxError::NotSimulated("command substitution `…`".into())),
            ';' | '&' | '|' | '>' | '<' | '(' | ')' => {
                // `2>`: a lone `2` just before a redirection is its file descriptor.
                let fd_word = in_word
                    && matches!(c, '>' | '<')
                    && word.0
                        == vec![Piece::Text {
                            text: "2".into(),
                            quoted: false,
                        }];
                let fd = if fd_word {
                    word = Word::default();
                    in_word = false;
                    2
                } else {
                    flush(&mut toks, &mut word, &mut in_word);
                    1
                };
                let two = |a: char| chars.get(i + 1) == Some(&a);
                let (tok, len) = match c {
                    ';' if two(';') => return Err(SyntaxError::Unexpected(";;".into())),
                    ';' => (Tok::Op(";"), 1),
                    '&' if two('&') => (Tok::Op("&&"), 2),
                    '&' => {
                        return Err(SyntaxError::NotSimulated(
                            "running a command in the background (&)".into(),
                        ));
                    }
                    '|' if two('|') => (Tok::Op("||"), 2),
                    '|' => (Tok::Op("|"), 1),
                    '>' if two('>') => (Tok::Redir(fd, ">>"), 2),
                    '>' if two('&') => {
                        if fd == 2 && chars.get(i + 2) == Some(&'1') {
                            (Tok::Redir(2, ">&1"), 3)
                        } else {
                            return Err(SyntaxError::NotSimulated(
                                "duplicating file descriptors other than 2>&1".into(),
                            ));
                        }
                    }
                    '>' => (Tok::Redir(fd, ">"), 1),
                    '<' if two('<') => {
                        return Err(SyntaxError::NotSimulated("a here-document (<<)".into()));
                    }
                    '<' => (Tok::Redir(fd, "<"), 1),
                    '(' => return Err(SyntaxError::NotSimulated("a subshell ( … )".into())),
                    _ => return Err(SyntaxError::Unexpected(")".into())),
                };
                toks.push(tok);
                i += len;
            }
            '*' | '?' => {
                in_word = true;
                push_text(&mut word, c, false);
                i += 1;
            }
            other => {
                in_word = true;
                push_text(&mut word, other, false);
                i += 1;
            }
        }
    }
    flush(&mut toks, &mut word, &mut in_word);
    Ok(toks)
}

/// Words dash reserves: a command line starting with one is a compound command.
const RESERVED: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "{",
    "}", "!",
];

fn literal(word: &Word) -> Option<String> {
    let mut s = String::new();
    for p in &word.0 {
        match p {
            Piece::Text {
                text,
                quoted: false,
            } => s.push_str(text),
            _ => return None,
        }
    }
    Some(s)
}

/// Parses a command line into a [`Script`]. An empty line is an empty script.
pub fn parse(input: &str) -> Result<Script, SyntaxError> {
    if input.len() > MAX_COMMAND_BYTES {
        return Err(SyntaxError::TooLong(input.len()));
    }
    let toks = lex(input)?;
    let mut script: Script = Vec::new();
    let mut pipeline: Pipeline = Vec::new();
    let mut simple = Simple::default();
    let mut and_or: Option<AndOr> = None;
    let mut pending: Option<Connector> = None;
    let mut i = 0;
    // Ends the simple command; an empty one before an operator is dash's "unexpected".
    let describe = |t: &Tok| match t {
        Tok::Op(o) => o.to_string(),
        Tok::Redir(_, o) => o.to_string(),
        Tok::Newline => "newline".to_string(),
        Tok::Word(_) => "word".to_string(),
    };
    while i < toks.len() {
        match &toks[i] {
            Tok::Word(w) => {
                if simple.words.is_empty()
                    && let Some(lit) = literal(w)
                    && RESERVED.contains(&lit.as_str())
                {
                    return Err(SyntaxError::NotSimulated(format!(
                        "the compound command `{lit}`"
                    )));
                }
                simple.words.push(w.clone());
                i += 1;
            }
            Tok::Redir(fd, op) => {
                let redirect = if *op == ">&1" {
                    Redirect::ErrToOut
                } else {
                    let Some(Tok::Word(target)) = toks.get(i + 1) else {
                        let next = toks.get(i + 1).map_or("newline".to_string(), describe);
                        return Err(SyntaxError::Unexpected(next));
                    };
                    i += 1;
                    match *op {
                        "<" => Redirect::In(target.clone()),
                        _ => Redirect::Out {
                            fd: *fd,
                            append: *op == ">>",
                            target: target.clone(),
                        },
                    }
                };
                simple.redirects.push(redirect);
                i += 1;
            }
            Tok::Op(op) => {
                if simple.words.is_empty() && simple.redirects.is_empty() {
                    return Err(SyntaxError::Unexpected(op.to_string()));
                }
                pipeline.push(std::mem::take(&mut simple));
                match *op {
                    "|" => {}
                    "&&" | "||" => {
                        let conn = if *op == "&&" {
                            Connector::And
                        } else {
                            Connector::Or
                        };
                        let p = std::mem::take(&mut pipeline);
                        match (and_or.as_mut(), pending) {
                            (Some(a), Some(c)) => a.rest.push((c, p)),
                            _ => {
                                and_or = Some(AndOr {
                                    first: p,
                                    rest: Vec::new(),
                                })
                            }
                        }
                        pending = Some(conn);
                    }
                    _ => {
                        let p = std::mem::take(&mut pipeline);
                        finish(&mut script, &mut and_or, &mut pending, p);
                    }
                }
                i += 1;
                // After `|`, `&&` or `||` a newline may follow; the command must come.
                if *op != ";" {
                    while matches!(toks.get(i), Some(Tok::Newline)) {
                        i += 1;
                    }
                    if i >= toks.len() {
                        return Err(SyntaxError::Unexpected("end of file".into()));
                    }
                }
            }
            Tok::Newline => {
                if !simple.words.is_empty() || !simple.redirects.is_empty() {
                    pipeline.push(std::mem::take(&mut simple));
                    let p = std::mem::take(&mut pipeline);
                    finish(&mut script, &mut and_or, &mut pending, p);
                }
                i += 1;
            }
        }
    }
    if !simple.words.is_empty() || !simple.redirects.is_empty() {
        pipeline.push(simple);
        finish(&mut script, &mut and_or, &mut pending, pipeline);
    }
    Ok(script)
}

fn finish(
    script: &mut Script,
    and_or: &mut Option<AndOr>,
    pending: &mut Option<Connector>,
    p: Pipeline,
) {
    match (and_or.take(), pending.take()) {
        (Some(mut a), Some(c)) => {
            a.rest.push((c, p));
            script.push(a);
        }
        _ => script.push(AndOr {
            first: p,
            rest: Vec::new(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &Simple) -> Vec<String> {
        s.words
            .iter()
            .map(|w| {
                w.0.iter()
                    .map(|p| match p {
                        Piece::Text { text, .. } => text.clone(),
                        Piece::Var { name, .. } => format!("${name}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn quotes_join_into_one_word() {
        let s = parse(r#"echo 'a b'"c $X"d\ e"#).expect("parses");
        assert_eq!(words(&s[0].first[0]), vec!["echo", "a bc $Xd e"]);
    }

    #[test]
    fn lists_and_redirections() {
        let s = parse("mkdir -p /d && echo hi > /d/f; cat /d/f || echo no 2>/dev/null")
            .expect("parses");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].rest.len(), 1);
        assert_eq!(s[0].rest[0].0, Connector::And);
        assert_eq!(s[0].rest[0].1[0].redirects.len(), 1);
        assert_eq!(s[1].rest[0].0, Connector::Or);
        assert!(matches!(
            s[1].rest[0].1[0].redirects[0],
            Redirect::Out { fd: 2, .. }
        ));
    }

    /// dash's own messages (`src/parser.c` `synexpect`, `synerror`).
    #[test]
    fn syntax_errors_read_as_dash_prints_them() {
        let cases = [
            ("echo 'oops", "Syntax error: Unterminated quoted string"),
            ("&& ls", "Syntax error: \"&&\" unexpected"),
            ("echo >", "Syntax error: newline unexpected"),
            ("ls ;; ls", "Syntax error: \";;\" unexpected"),
            ("ls |", "Syntax error: \"end of file\" unexpected"),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line).expect_err(line).to_string(), want, "{line}");
        }
    }

    #[test]
    fn long_lines_are_refused() {
        let line = "x".repeat(MAX_COMMAND_BYTES + 1);
        assert!(matches!(parse(&line), Err(SyntaxError::TooLong(_))));
    }

    #[test]
    fn comments_and_empty_lines_are_nothing() {
        assert!(parse("  # just a comment").expect("parses").is_empty());
        assert!(parse("").expect("parses").is_empty());
    }
}
