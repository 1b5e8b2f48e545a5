//! Splits a typed command line into words the way a POSIX shell would for kubectl usage.
//!
//! Supported: whitespace separation, `'single quotes'` (everything literal), `"double quotes"`
//! (where `\"`, `\\`, `` \` `` and `\$` are escapes and any other backslash stays), a backslash
//! outside quotes escaping the next character, `\` + newline as a line continuation, adjacent
//! quoted and unquoted parts joining into one word (`a'b'"c"` is `abc`), `''` as an empty word
//! and `#` at the start of a word beginning a comment. So both
//! `kubectl patch pv x -p '{"spec":{"claimRef":null}}'` and `-p "{\"spec\":{}}"` work.
//!
//! There is no expansion (`$HOME`, `*`, `~` stay as typed) and no redirections: an unquoted
//! `|`, `;`, `&`, `<`, `>` or `` ` `` is refused with [`TokenizeError::ShellOperator`], because
//! kubestory's prompt runs exactly one kubectl command. Simple pipes after a kubectl command
//! are split off before this runs (`super::pipe`).

use thiserror::Error;

/// Why a command line could not be split into words.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TokenizeError {
    /// A `'` was opened and never closed.
    #[error("unterminated single quote: the ' opened at column {column} is never closed")]
    UnterminatedSingleQuote {
        /// 1-based column (in characters) of the opening quote.
        column: usize,
    },
    /// A `"` was opened and never closed.
    #[error("unterminated double quote: the \" opened at column {column} is never closed")]
    UnterminatedDoubleQuote {
        /// 1-based column (in characters) of the opening quote.
        column: usize,
    },
    /// The line ends with a lone `\`, which a shell would treat as "continue on the next line".
    #[error("the line ends with a backslash (\\) that escapes nothing")]
    TrailingBackslash,
    /// An unquoted shell operator such as a pipe or a redirection.
    #[error(
        "one kubectl command runs at a time here: `{operator}` is not simulated (after \
         kubectl, pipes into `grep [-i] [-v] [-E]`, `head`, `tail`, `wc -l` and `sort` are; \
         other commands, redirections, command lists and substitutions are not); quote it if \
         you meant it literally"
    )]
    ShellOperator {
        /// The operator as typed (`|`, `>`, `&&`, `$(`…).
        operator: String,
    },
}

/// Splits `line` into words. Never panics.
pub fn tokenize(line: &str) -> Result<Vec<String>, TokenizeError> {
    let chars: Vec<char> = line.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    // Whether the current word exists even if empty (it had quotes: `''`).
    let mut in_word = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
                i += 1;
            }
            '#' if !in_word => break,
            '\\' => {
                match chars.get(i + 1) {
                    None => return Err(TokenizeError::TrailingBackslash),
                    Some('\n') => {}
                    Some(&next) => {
                        word.push(next);
                        in_word = true;
                    }
                }
                i += 2;
            }
            '\'' => {
                let start = i;
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(TokenizeError::UnterminatedSingleQuote {
                                column: start + 1,
                            });
                        }
                        Some('\'') => break,
                        Some(&ch) => word.push(ch),
                    }
                    i += 1;
                }
                in_word = true;
                i += 1;
            }
            '"' => {
                i = double_quoted(&chars, i, &mut word)?;
                in_word = true;
            }
            '|' | ';' | '&' | '<' | '>' | '`' => {
                let mut operator = c.to_string();
                if let Some(&next) = chars.get(i + 1) {
                    if (next == c && c != '`') || (c == '>' && next == '&') {
                        operator.push(next);
                    }
                }
                return Err(TokenizeError::ShellOperator { operator });
            }
            '$' if chars.get(i + 1) == Some(&'(') => {
                return Err(TokenizeError::ShellOperator {
                    operator: "$(".to_string(),
                });
            }
            _ => {
                word.push(c);
                in_word = true;
                i += 1;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Reads a double-quoted part starting at the opening quote `chars[start]`; returns the index
/// just past the closing quote.
fn double_quoted(chars: &[char], start: usize, word: &mut String) -> Result<usize, TokenizeError> {
    let mut i = start + 1;
    loop {
        match chars.get(i) {
            None => return Err(TokenizeError::UnterminatedDoubleQuote { column: start + 1 }),
            Some('"') => return Ok(i + 1),
            Some('\\') => match chars.get(i + 1) {
                Some(&next @ ('"' | '\\' | '`' | '$')) => {
                    word.push(next);
                    i += 2;
                }
                Some('\n') => i += 2,
                _ => {
                    word.push('\\');
                    i += 1;
                }
            },
            Some(&ch) => {
                word.push(ch);
                i += 1;
            }
        }
    }
}
