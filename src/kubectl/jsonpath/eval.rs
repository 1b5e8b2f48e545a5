//! Running a parsed template over a JSON value: a port of client-go
//! `util/jsonpath/jsonpath.go` (`FindResults` with its range/end bookkeeping, `walk`,
//! `evalArray`, `evalField`, `evalFilter`, `evalRecursive`, `PrintResults`). Values are
//! kubectl's unstructured content: maps iterate in sorted key order (Go's is random).

use std::borrow::Cow;

use serde_json::Value;

use super::gofmt;
use super::parser::{Node, Param};

type V<'a> = Cow<'a, Value>;

/// One execution's state (`JSONPath`'s `beginRange`, `inRange`, `endRange`, `lastEndNode`).
pub struct Exec {
    begin_range: usize,
    in_range: usize,
    end_range: usize,
    last_end: Option<usize>,
    allow_missing: bool,
    /// Values produced so far, bounded so that `..` or nested ranges cannot fill memory.
    produced: usize,
}

/// At most this many values are produced by one execution (far beyond any real object).
const MAX_VALUES: usize = 1_000_000;

/// Ranges nest at most this deep (each level is one call of `find_results`).
const MAX_RANGE_DEPTH: usize = 64;

impl Exec {
    /// A fresh execution; `allow_missing` is `--allow-missing-template-keys`.
    pub fn new(allow_missing: bool) -> Exec {
        Exec {
            begin_range: 0,
            in_range: 0,
            end_range: 0,
            last_end: None,
            allow_missing,
            produced: 0,
        }
    }

    /// `FindResults` over `nodes[from..]`.
    pub fn find_results<'a>(
        &mut self,
        nodes: &[Node],
        from: usize,
        data: V<'a>,
    ) -> Result<Vec<Vec<V<'a>>>, String> {
        let cur = vec![data];
        let mut full = Vec::new();
        let mut i = from;
        while i < nodes.len() {
            let results = self.walk(cur.clone(), &nodes[i])?;
            if self.end_range > 0 && self.end_range <= self.in_range {
                self.end_range -= 1;
                self.last_end = Some(i);
                break;
            }
            if self.begin_range > 0 {
                if self.in_range >= MAX_RANGE_DEPTH {
                    return Err(format!(
                        "kubestory: ranges nested more than {MAX_RANGE_DEPTH} deep are not simulated"
                    ));
                }
                self.begin_range -= 1;
                self.in_range += 1;
                if results.is_empty() {
                    self.find_results(nodes, i + 1, Cow::Owned(Value::Null))?;
                } else {
                    for value in results {
                        full.extend(self.find_results(nodes, i + 1, value)?);
                    }
                }
                self.in_range -= 1;
                if let Some(end) = self.last_end.filter(|e| *e > i) {
                    i = end;
                }
                i += 1;
                continue;
            }
            full.push(results);
            i += 1;
        }
        Ok(full)
    }

    fn count(&mut self, n: usize) -> Result<(), String> {
        self.produced += n;
        if self.produced > MAX_VALUES {
            return Err(format!(
                "kubestory: the template produced more than {MAX_VALUES} values"
            ));
        }
        Ok(())
    }

    fn walk<'a>(&mut self, input: Vec<V<'a>>, node: &Node) -> Result<Vec<V<'a>>, String> {
        let out = match node {
            Node::List(nodes) => self.eval_list(input, nodes)?,
            Node::Text(t) => vec![Cow::Owned(Value::String(t.clone()))],
            Node::Field(name) => self.eval_field(input, name)?,
            Node::Array(params) => eval_array(input, params)?,
            Node::Filter(left, right, op) => self.eval_filter(input, left, right, op)?,
            Node::Int(n) => vec![Cow::Owned(Value::from(*n)); input.len()],
            Node::Float(f) => {
                let v = serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number);
                vec![Cow::Owned(v); input.len()]
            }
            Node::Bool(b) => vec![Cow::Owned(Value::Bool(*b)); input.len()],
            Node::Wildcard => input.iter().flat_map(children).collect(),
            Node::Recursive => {
                let mut out = Vec::new();
                recursive(input, &mut out, self)?;
                out
            }
            Node::Union(lists) => {
                let mut out = Vec::new();
                for list in lists {
                    out.extend(self.eval_list(input.clone(), list)?);
                }
                out
            }
            Node::Identifier(name) => match name.as_str() {
                "range" => {
                    self.begin_range += 1;
                    input
                }
                "end" if self.in_range > 0 => {
                    self.end_range += 1;
                    Vec::new()
                }
                "end" => return Err("not in range, nothing to end".to_string()),
                other => return Err(format!("unrecognized identifier {other}")),
            },
        };
        self.count(out.len())?;
        Ok(out)
    }

    fn eval_list<'a>(&mut self, input: Vec<V<'a>>, nodes: &[Node]) -> Result<Vec<V<'a>>, String> {
        let mut cur = input;
        for node in nodes {
            cur = self.walk(cur, node)?;
        }
        Ok(cur)
    }

    fn eval_field<'a>(&mut self, input: Vec<V<'a>>, name: &str) -> Result<Vec<V<'a>>, String> {
        if input.is_empty() {
            return Ok(Vec::new());
        }
        let mut results = Vec::new();
        for value in input {
            let found = match value {
                Cow::Borrowed(Value::Object(map)) => map.get(name).map(Cow::Borrowed),
                Cow::Owned(Value::Object(mut map)) => map.remove(name).map(Cow::Owned),
                _ => None,
            };
            results.extend(found);
        }
        if results.is_empty() && !self.allow_missing {
            return Err(format!("{name} is not found"));
        }
        Ok(results)
    }

    fn eval_filter<'a>(
        &mut self,
        input: Vec<V<'a>>,
        left: &[Node],
        right: &[Node],
        op: &str,
    ) -> Result<Vec<V<'a>>, String> {
        let mut results = Vec::new();
        for value in input {
            let Value::Array(_) = value.as_ref() else {
                return Err(format!(
                    "{} is not array or slice and cannot be filtered",
                    gofmt::plain(&value)
                ));
            };
            for item in children(&value) {
                let lefts = self.eval_list(vec![item.clone()], left);
                if op == "exists" {
                    if lefts.is_ok_and(|l| !l.is_empty()) {
                        results.push(item);
                    }
                    continue;
                }
                let lefts = lefts?;
                match lefts.len() {
                    0 => continue,
                    1 => {}
                    _ => return Err("can only compare one element at a time".to_string()),
                }
                let rights = self.eval_list(vec![item.clone()], right)?;
                match rights.len() {
                    0 => continue,
                    1 => {}
                    _ => return Err("can only compare one element at a time".to_string()),
                }
                if super::compare::compare(&lefts[0], &rights[0], op)? {
                    results.push(item);
                }
            }
        }
        Ok(results)
    }
}

/// The elements of a map (sorted keys), an array, or the bytes of a string (`evalWildcard`).
fn children<'a>(value: &V<'a>) -> Vec<V<'a>> {
    match value {
        Cow::Borrowed(v) => match v {
            Value::Object(map) => map.values().map(Cow::Borrowed).collect(),
            Value::Array(items) => items.iter().map(Cow::Borrowed).collect(),
            Value::String(s) => s.bytes().map(|b| Cow::Owned(Value::from(b))).collect(),
            _ => Vec::new(),
        },
        Cow::Owned(v) => match v {
            Value::Object(map) => map.values().cloned().map(Cow::Owned).collect(),
            Value::Array(items) => items.iter().cloned().map(Cow::Owned).collect(),
            Value::String(s) => s.bytes().map(|b| Cow::Owned(Value::from(b))).collect(),
            _ => Vec::new(),
        },
    }
}

/// `evalRecursive`: every value that has children, then its descendants, depth first.
fn recursive<'a>(input: Vec<V<'a>>, out: &mut Vec<V<'a>>, exec: &mut Exec) -> Result<(), String> {
    // An explicit stack instead of recursion; order: value, then its children's expansion.
    let mut stack: Vec<std::vec::IntoIter<V<'a>>> = vec![input.into_iter()];
    while let Some(top) = stack.last_mut() {
        let Some(value) = top.next() else {
            stack.pop();
            continue;
        };
        if value.is_null() {
            continue;
        }
        let kids = children(&value);
        if !kids.is_empty() {
            out.push(value);
            exec.count(1)?;
            stack.push(kids.into_iter());
        }
    }
    Ok(())
}

/// Go's type name in `evalArray`'s error.
fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "map[string]interface {}",
        Value::String(_) => "string",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float64",
        Value::Number(_) => "int64",
        Value::Array(_) => "[]interface {}",
        Value::Null => "interface {}",
    }
}

/// `evalArray`: `[n]`, `[start:end:step]`, negative indices, kubectl's bounds errors.
fn eval_array<'a>(input: Vec<V<'a>>, node: &[Param; 3]) -> Result<Vec<V<'a>>, String> {
    let mut result = Vec::new();
    for value in &input {
        if value.is_null() {
            continue;
        }
        let Value::Array(items) = value.as_ref() else {
            return Err(format!("{} is not array or slice", go_type(value)));
        };
        let len = items.len() as i64;
        let mut p = *node;
        if !p[0].known {
            p[0].value = 0;
        }
        if p[0].value < 0 {
            p[0].value += len;
        }
        if !p[1].known {
            p[1].value = len;
        }
        if p[1].value < 0 || (p[1].value == 0 && p[1].derived) {
            p[1].value += len;
        }
        if p[1].value == p[0].value {
            return Ok(result);
        }
        if p[0].value >= len || p[0].value < 0 {
            return Err(format!(
                "array index out of bounds: index {}, length {len}",
                p[0].value
            ));
        }
        if p[1].value > len || p[1].value < 0 {
            return Err(format!(
                "array index out of bounds: index {}, length {len}",
                p[1].value.wrapping_sub(1)
            ));
        }
        if p[0].value > p[1].value {
            return Err(format!(
                "starting index {} is greater than ending index {}",
                p[0].value, p[1].value
            ));
        }
        let step = if p[2].known {
            if p[2].value <= 0 {
                return Err("step must be > 0".to_string());
            }
            p[2].value as usize
        } else {
            1
        };
        let (start, end) = (p[0].value as usize, p[1].value as usize);
        let picked = children(value)
            .into_iter()
            .skip(start)
            .take(end - start)
            .step_by(step);
        result.extend(picked);
    }
    Ok(result)
}
