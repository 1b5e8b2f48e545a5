//! The label selector lexer, ported from apimachinery `labels/selector.go` (`Lexer`,
//! `scanIDOrKeyword`, `scanSpecialSymbol`, `Lex`). It works on bytes like the Go original: a NUL
//! byte ends the input, blanks are space, tab, CR and LF.

/// A lexer token (`labels.Token`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A scan error (never produced for valid single-character operators).
    Error,
    /// End of the input.
    End,
    /// `)`.
    ClosedPar,
    /// `,`.
    Comma,
    /// `!`.
    DoesNotExist,
    /// `==`.
    DoubleEquals,
    /// `=`.
    Equals,
    /// `>`.
    GreaterThan,
    /// A key or a value.
    Identifier,
    /// `in`.
    In,
    /// `<`.
    LessThan,
    /// `!=`.
    NotEquals,
    /// `notin`.
    NotIn,
    /// `(`.
    OpenPar,
}

impl Token {
    /// In a values context the keywords `in` and `notin` are ordinary identifiers.
    pub(crate) fn as_value(self) -> Token {
        match self {
            Token::In | Token::NotIn => Token::Identifier,
            other => other,
        }
    }
}

fn keyword(s: &[u8]) -> Option<Token> {
    Some(match s {
        b")" => Token::ClosedPar,
        b"," => Token::Comma,
        b"!" => Token::DoesNotExist,
        b"==" => Token::DoubleEquals,
        b"=" => Token::Equals,
        b">" => Token::GreaterThan,
        b"in" => Token::In,
        b"<" => Token::LessThan,
        b"!=" => Token::NotEquals,
        b"notin" => Token::NotIn,
        b"(" => Token::OpenPar,
        _ => return None,
    })
}

fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_special(c: u8) -> bool {
    matches!(c, b'=' | b'!' | b'(' | b')' | b',' | b'>' | b'<')
}

/// Splits a selector into tokens, ending with [`Token::End`].
pub(crate) fn lex(input: &str) -> Vec<(Token, String)> {
    let s = input.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let mut pos = 0;
    let mut out = Vec::new();
    loop {
        while at(pos) != 0 && is_whitespace(at(pos)) {
            pos += 1;
        }
        let c = at(pos);
        if c == 0 {
            out.push((Token::End, String::new()));
            return out;
        }
        if is_special(c) {
            let start = pos;
            let mut last: Option<(Token, usize)> = None;
            while is_special(at(pos)) {
                pos += 1;
                match keyword(&s[start..pos]) {
                    Some(tok) => last = Some((tok, pos)),
                    None if last.is_some() => {
                        pos -= 1;
                        break;
                    }
                    None => {}
                }
            }
            match last {
                Some((tok, end)) => {
                    pos = end;
                    out.push((tok, text(&s[start..end])));
                }
                None => out.push((
                    Token::Error,
                    format!("error expected: keyword found '{}'", text(&s[start..pos])),
                )),
            }
        } else {
            let start = pos;
            while at(pos) != 0 && !is_special(at(pos)) && !is_whitespace(at(pos)) {
                pos += 1;
            }
            let word = &s[start..pos];
            out.push((keyword(word).unwrap_or(Token::Identifier), text(word)));
        }
    }
}
