//! kubectl's JSONPath template parser, a port of client-go `util/jsonpath/parser.go`
//! (`Parser.parseText`, `parseInsideAction`, `parseArray`, `parseFilter`, `parseQuote`…),
//! with the same node kinds and the same error texts. Written as loops, not recursion per
//! token, so no template can exhaust the stack.

/// One bound of an array subscript (`parser.go` `ParamsEntry`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Param {
    /// The number as typed (or derived).
    pub value: i64,
    /// Whether the bound was given (or derived).
    pub known: bool,
    /// `[n]`: the end bound is derived from the start (`n+1`).
    pub derived: bool,
}

/// A node of a parsed template (`node.go`).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// An action `{…}`: its nodes are applied in turn.
    List(Vec<Node>),
    /// Literal text, outside an action or quoted inside one.
    Text(String),
    /// `.name` (backslashes removed, so `kubernetes\.io/hostname` is one field).
    Field(String),
    /// `[start:end:step]` or `[n]`.
    Array([Param; 3]),
    /// `[?(left op right)]`, or `[?(left)]` with operator `exists`.
    Filter(Vec<Node>, Vec<Node>, String),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `.*` or `[*]` on a map.
    Wildcard,
    /// `..`.
    Recursive,
    /// `[a,b]`.
    Union(Vec<Vec<Node>>),
    /// `range`, `end` or any other bare word.
    Identifier(String),
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    width: usize,
}

const EOF: Option<char> = None;

impl<'a> Parser<'a> {
    fn next(&mut self) -> Option<char> {
        match self.input[self.pos..].chars().next() {
            None => {
                self.width = 0;
                EOF
            }
            Some(c) => {
                self.width = c.len_utf8();
                self.pos += self.width;
                Some(c)
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        let r = self.next();
        self.backup();
        r
    }

    fn backup(&mut self) {
        self.pos -= self.width;
        self.width = 0;
    }

    fn consume(&mut self) -> &'a str {
        let v = &self.input[self.start..self.pos];
        self.start = self.pos;
        v
    }

    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    fn byte_before(&self, back: usize) -> Option<u8> {
        self.pos
            .checked_sub(back)
            .and_then(|i| self.input.as_bytes().get(i).copied())
    }

    /// `parseText` + `parseLeftDelim` + `parseRightDelim`: text and actions at the top.
    fn parse_template(&mut self) -> Result<Vec<Node>, String> {
        let mut root = Vec::new();
        loop {
            // parseText: up to the next `{`.
            loop {
                if self.rest().starts_with('{') {
                    break;
                }
                if self.next().is_none() {
                    break;
                }
            }
            if self.pos > self.start {
                root.push(Node::Text(self.consume().to_string()));
            }
            if !self.rest().starts_with('{') {
                return Ok(root);
            }
            self.pos += 1;
            self.consume();
            let mut action = Vec::new();
            let result = self.parse_inside_action(&mut action);
            root.push(Node::List(action));
            result?;
        }
    }

    /// `parseInsideAction` until the closing `}` (consumed).
    fn parse_inside_action(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        loop {
            let rest = self.rest();
            if rest.starts_with('}') {
                self.pos += 1;
                self.consume();
                return Ok(());
            }
            if rest.starts_with("[?(") {
                self.parse_filter(cur)?;
                continue;
            }
            if rest.starts_with("..") {
                if matches!(cur.last(), Some(Node::Recursive)) {
                    return Err("invalid multiple recursive descent".to_string());
                }
                self.pos += 2;
                self.consume();
                cur.push(Node::Recursive);
                if self.peek().is_some_and(is_alpha_numeric) {
                    self.parse_field(cur);
                }
                continue;
            }
            match self.next() {
                None | Some('\r' | '\n') => return Err("unclosed action".to_string()),
                Some(' ' | '@' | '$') => {
                    self.consume();
                }
                Some('[') => self.parse_array(cur)?,
                Some(q @ ('"' | '\'')) => self.parse_quote(cur, q)?,
                Some('.') => self.parse_field(cur),
                Some(c) if c == '+' || c == '-' || c.is_numeric() => {
                    self.backup();
                    self.parse_number(cur)?;
                }
                Some(c) if is_alpha_numeric(c) => {
                    self.backup();
                    self.parse_identifier(cur);
                }
                Some(c) => {
                    return Err(format!(
                        "unrecognized character in action: {}",
                        go_unicode_verb(c)
                    ));
                }
            }
        }
    }

    fn parse_identifier(&mut self, cur: &mut Vec<Node>) {
        loop {
            let r = self.next();
            if is_terminator(r) {
                self.backup();
                break;
            }
        }
        let value = self.consume();
        cur.push(match value {
            "true" => Node::Bool(true),
            "false" => Node::Bool(false),
            other => Node::Identifier(other.to_string()),
        });
    }

    fn parse_number(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        if matches!(self.peek(), Some('+' | '-')) {
            self.next();
        }
        loop {
            match self.next() {
                Some(c) if c == '.' || c.is_numeric() => {}
                _ => {
                    self.backup();
                    break;
                }
            }
        }
        let value = self.consume();
        if let Some(i) = go_atoi(value) {
            cur.push(Node::Int(i));
        } else if let Some(f) = go_parse_float(value) {
            cur.push(Node::Float(f));
        } else {
            return Err(format!("cannot parse number {value}"));
        }
        Ok(())
    }

    fn parse_array(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated array".to_string()),
                Some(']') => break,
                _ => {}
            }
        }
        let text = self.consume();
        let mut text = &text[1..text.len() - 1];
        if text == "*" {
            text = ":";
        }
        if text.contains(',') {
            let mut union = Vec::new();
            for part in text.split(',') {
                union.push(parse_action(&format!("[{}]", part.trim_matches(' ')))?);
            }
            cur.push(Node::Union(union));
            return Ok(());
        }
        if let Some(key) = text
            .strip_prefix('\'')
            .and_then(|t| t.strip_suffix('\''))
            .filter(|k| !k.contains('\''))
        {
            cur.extend(parse_action(&format!(".{key}"))?);
            return Ok(());
        }
        let params = slice_params(text)?;
        cur.push(Node::Array(params));
        Ok(())
    }

    fn parse_filter(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        self.pos += 3;
        self.consume();
        let (mut begin, mut end) = (false, false);
        let mut pair = '\0';
        loop {
            let r = self.next();
            match r {
                None | Some('\n') => return Err("unterminated filter".to_string()),
                Some(q @ ('"' | '\'')) => {
                    if !begin {
                        begin = true;
                        pair = q;
                        continue;
                    }
                    if self.byte_before(2) != Some(b'\\') && q == pair {
                        end = true;
                    }
                }
                Some(')') if begin == end => break,
                _ => {}
            }
        }
        if self.next() != Some(']') {
            return Err("unclosed array expect ]".to_string());
        }
        let text = self.consume();
        let text = &text[..text.len() - 2];
        match split_comparison(text) {
            None => cur.push(Node::Filter(
                parse_action(text)?,
                Vec::new(),
                "exists".to_string(),
            )),
            Some((left, op, right)) => {
                let left = parse_action(left)?;
                let right = parse_action(right)?;
                cur.push(Node::Filter(left, right, op.to_string()));
            }
        }
        Ok(())
    }

    fn parse_quote(&mut self, cur: &mut Vec<Node>, end: char) -> Result<(), String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated quoted string".to_string()),
                Some(c) if c == end && self.byte_before(2) != Some(b'\\') => break,
                _ => {}
            }
        }
        let value = self.consume();
        let s = super::unquote::unquote_extend(value)
            .map_err(|e| format!("unquote string {value} error {e}"))?;
        cur.push(Node::Text(s));
        Ok(())
    }

    fn parse_field(&mut self, cur: &mut Vec<Node>) {
        self.consume();
        loop {
            match self.next() {
                Some('\\') => {
                    self.next();
                }
                r if is_terminator(r) => {
                    self.backup();
                    break;
                }
                _ => {}
            }
        }
        let value = self.consume();
        cur.push(if value == "*" {
            Node::Wildcard
        } else {
            Node::Field(value.replace('\\', ""))
        });
    }
}

/// `parseAction`: `text` parsed as the inside of one action.
fn parse_action(text: &str) -> Result<Vec<Node>, String> {
    let wrapped = format!("{{{text}}}");
    let mut nodes = parse(&wrapped)?;
    match nodes.first_mut() {
        Some(Node::List(inner)) => Ok(std::mem::take(inner)),
        _ => Ok(Vec::new()),
    }
}

/// Parses a whole template (`jsonpath.Parse`): the top-level text and action nodes.
pub fn parse(text: &str) -> Result<Vec<Node>, String> {
    Parser {
        input: text,
        pos: 0,
        start: 0,
        width: 0,
    }
    .parse_template()
}

/// `^([^!<>=]+)([!<>=]+)(.+?)$`.
fn split_comparison(text: &str) -> Option<(&str, &str, &str)> {
    let is_op = |c: char| matches!(c, '!' | '<' | '>' | '=');
    let op_start = text.find(is_op)?;
    if op_start == 0 || text.contains('\n') {
        return None;
    }
    let after = &text[op_start..];
    let op_len = after.find(|c: char| !is_op(c))?;
    let right = &after[op_len..];
    if right.is_empty() {
        return None;
    }
    Some((&text[..op_start], &after[..op_len], right))
}

/// `sliceOperatorRex` `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$` and the bounds `parseArray` derives.
fn slice_params(text: &str) -> Result<[Param; 3], String> {
    let invalid = || format!("invalid array index {text}");
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 {
        return Err(invalid());
    }
    let valid = |p: &str| {
        let digits = p.strip_prefix('-').unwrap_or(p);
        digits.chars().all(|c| c.is_ascii_digit())
    };
    if !parts.iter().all(|p| valid(p)) {
        return Err(invalid());
    }
    let mut params = [Param::default(); 3];
    for i in 0..3 {
        match parts.get(i) {
            Some(p) if !p.is_empty() => {
                params[i].known = true;
                // "-" alone or overflow: Atoi fails.
                params[i].value =
                    go_atoi(p).ok_or_else(|| format!("array index {p} is not a number"))?;
            }
            Some(_) if i > 0 => params[i].known = false,
            _ if i == 1 => {
                params[1] = Param {
                    value: params[0].value.saturating_add(1),
                    known: true,
                    derived: true,
                };
            }
            _ => {}
        }
    }
    Ok(params)
}

/// Go's `strconv.Atoi`: an optional sign and ASCII digits, within 64 bits.
pub fn go_atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// Go's `strconv.ParseFloat` for what `parseNumber` can collect (sign, digits, dots).
fn go_parse_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if body.bytes().filter(|b| *b == b'.').count() > 1 || body == "." {
        return None;
    }
    s.parse().ok()
}

fn is_terminator(r: Option<char>) -> bool {
    match r {
        None => true,
        Some(c) => matches!(
            c,
            ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
        ),
    }
}

fn is_alpha_numeric(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

/// Go's `%#U`: `U+0021 '!'`.
fn go_unicode_verb(c: char) -> String {
    format!("U+{:04X} '{c}'", c as u32)
}
