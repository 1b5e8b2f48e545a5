//! The label selector parser, ported from apimachinery `labels/selector.go` (`Parser.parse`,
//! `parseRequirement`, `parseKeyAndInferOperator`, `parseOperator`, `parseValues`,
//! `parseIdentifiersList`, `parseExactValue`, `NewRequirement`).

use super::selector::{Operator, Requirement};
use super::selector_lex::Token;
use super::selector_validate::{validate_key, validate_value};

/// The recursive-descent parser of `labels.Parse` over lexed tokens.
pub(crate) struct Parser {
    tokens: Vec<(Token, String)>,
    pos: usize,
}

impl Parser {
    /// A parser at the first token.
    pub(crate) fn new(tokens: Vec<(Token, String)>) -> Parser {
        Parser { tokens, pos: 0 }
    }

    /// The token at the cursor; in a values context `in`/`notin` are plain identifiers.
    fn peek(&self, values: bool) -> (Token, String) {
        let (tok, lit) = self
            .tokens
            .get(self.pos)
            .cloned()
            .unwrap_or((Token::End, String::new()));
        (if values { tok.as_value() } else { tok }, lit)
    }

    fn next(&mut self, values: bool) -> (Token, String) {
        let item = self.peek(values);
        self.pos += 1;
        item
    }

    /// `Parser.parse`: the requirements, or the error text.
    pub(crate) fn parse(&mut self) -> Result<Vec<Requirement>, String> {
        let mut out = Vec::new();
        loop {
            let (tok, lit) = self.peek(true);
            match tok {
                Token::Identifier | Token::DoesNotExist => {
                    let r = self
                        .requirement()
                        .map_err(|e| format!("unable to parse requirement: {e}"))?;
                    out.push(r);
                    let (t, l) = self.next(true);
                    match t {
                        Token::End => return Ok(out),
                        Token::Comma => {
                            let (t2, l2) = self.peek(true);
                            if t2 != Token::Identifier && t2 != Token::DoesNotExist {
                                return Err(format!(
                                    "found '{l2}', expected: identifier after ','"
                                ));
                            }
                        }
                        _ => return Err(format!("found '{l}', expected: ',' or 'end of string'")),
                    }
                }
                Token::End => return Ok(out),
                _ => {
                    return Err(format!(
                        "found '{lit}', expected: !, identifier, or 'end of string'"
                    ));
                }
            }
        }
    }

    fn requirement(&mut self) -> Result<Requirement, String> {
        let (mut tok, mut key) = self.next(true);
        let mut operator = None;
        if tok == Token::DoesNotExist {
            operator = Some(Operator::DoesNotExist);
            (tok, key) = self.next(true);
        }
        if tok != Token::Identifier {
            return Err(format!("found '{key}', expected: identifier"));
        }
        validate_key(&key, "<nil>")?;
        let (after, _) = self.peek(true);
        if after == Token::End || after == Token::Comma {
            operator = Some(operator.unwrap_or(Operator::Exists));
        }
        if let Some(op) =
            operator.filter(|o| *o == Operator::Exists || *o == Operator::DoesNotExist)
        {
            return Ok(Requirement {
                key,
                operator: op,
                values: Vec::new(),
            });
        }
        let (tok, lit) = self.next(false);
        let op = match tok {
            Token::In => Operator::In,
            Token::Equals => Operator::Equals,
            Token::DoubleEquals => Operator::DoubleEquals,
            Token::GreaterThan => Operator::GreaterThan,
            Token::LessThan => Operator::LessThan,
            Token::NotIn => Operator::NotIn,
            Token::NotEquals => Operator::NotEquals,
            _ => {
                return Err(format!(
                    "found '{lit}', expected: in, notin, =, ==, !=, gt, lt"
                ));
            }
        };
        let values = match op {
            Operator::In | Operator::NotIn => self.set_values()?,
            _ => self.exact_value()?,
        };
        new_requirement(key, op, values)
    }

    fn set_values(&mut self) -> Result<Vec<String>, String> {
        let (tok, lit) = self.next(true);
        if tok != Token::OpenPar {
            return Err(format!("found '{lit}' expected: '('"));
        }
        let (tok, lit) = self.peek(true);
        match tok {
            Token::Identifier | Token::Comma => {
                let values = self.identifiers()?;
                if self.next(true).0 != Token::ClosedPar {
                    return Err(format!("found '{lit}', expected: ')'"));
                }
                Ok(values)
            }
            Token::ClosedPar => {
                self.next(true);
                Ok(vec![String::new()])
            }
            _ => Err(format!("found '{lit}', expected: ',', ')' or identifier")),
        }
    }

    fn identifiers(&mut self) -> Result<Vec<String>, String> {
        let mut set: Vec<String> = Vec::new();
        let insert = |set: &mut Vec<String>, v: String| {
            if !set.contains(&v) {
                set.push(v);
            }
        };
        loop {
            let (tok, lit) = self.next(true);
            match tok {
                Token::Identifier => {
                    insert(&mut set, lit);
                    let (t2, l2) = self.peek(true);
                    match t2 {
                        Token::Comma => continue,
                        Token::ClosedPar => break,
                        _ => return Err(format!("found '{l2}', expected: ',' or ')'")),
                    }
                }
                Token::Comma => {
                    if set.is_empty() {
                        insert(&mut set, String::new());
                    }
                    let (t2, _) = self.peek(true);
                    if t2 == Token::ClosedPar {
                        insert(&mut set, String::new());
                        break;
                    }
                    if t2 == Token::Comma {
                        insert(&mut set, String::new());
                    }
                }
                _ => return Err(format!("found '{lit}', expected: ',', or identifier")),
            }
        }
        set.sort();
        Ok(set)
    }

    fn exact_value(&mut self) -> Result<Vec<String>, String> {
        let (tok, _) = self.peek(true);
        if tok == Token::End || tok == Token::Comma {
            return Ok(vec![String::new()]);
        }
        let (tok, lit) = self.next(true);
        if tok == Token::Identifier {
            return Ok(vec![lit]);
        }
        Err(format!("found '{lit}', expected: identifier"))
    }
}

/// `NewRequirement`: validates the key, the value count and every value; several problems are
/// reported like a Go aggregate (`[a, b]`).
fn new_requirement(
    key: String,
    operator: Operator,
    values: Vec<String>,
) -> Result<Requirement, String> {
    let mut errs = Vec::new();
    if let Err(e) = validate_key(&key, "key") {
        errs.push(e);
    }
    let shown = format!(
        "[]string{{{}}}",
        values
            .iter()
            .map(|v| super::goparse::quote(v))
            .collect::<Vec<_>>()
            .join(", ")
    );
    match operator {
        Operator::Equals | Operator::DoubleEquals | Operator::NotEquals if values.len() != 1 => errs.push(format!(
            "values: Invalid value: {shown}: exact-match compatibility requires one single value"
        )),
        Operator::GreaterThan | Operator::LessThan => {
            for (i, v) in values.iter().enumerate() {
                if v.parse::<i64>().is_err() {
                    errs.push(format!(
                        "values[{i}]: Invalid value: {}: for 'Gt', 'Lt' operators, the value must be an integer",
                        super::goparse::quote(v)
                    ));
                }
            }
        }
        _ => {}
    }
    for (i, v) in values.iter().enumerate() {
        if let Err(e) = validate_value(&key, v, i) {
            errs.push(e);
        }
    }
    match errs.len() {
        0 => Ok(Requirement {
            key,
            operator,
            values,
        }),
        1 => Err(errs.remove(0)),
        _ => Err(format!("[{}]", errs.join(", "))),
    }
}
