//! `kubectl get --sort-by=EXPR`: kubectl `pkg/cmd/get/sorter.go` (`NewTableSorter` for the
//! tables, `SortingPrinter`/`SortObjects` for `-o json|yaml|name|jsonpath…`, `isLess`).
//! The expression is relaxed (`.a.b`, `{.a.b}`); an object without the field sorts first;
//! strings that are both quantities (`1Gi`, `500Mi`) compare as quantities; numbers as
//! numbers; a field no object has is an error. Go's `sort.Sort` is not stable; this sort is,
//! so ties keep the server's order.

use std::cmp::Ordering;

use serde_json::Value;

use super::templates::relaxed_expression;
use crate::kubectl::goparse::quote;
use crate::kubectl::jsonpath::JsonPath;
use crate::sim::Quantity;

/// Which of kubectl's two sorters runs (they word a bad expression differently).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sorter {
    /// The human-readable tables (`NewRuntimeSorter` → `NewTableSorter`).
    Table,
    /// The generic printers (`SortingPrinter.sortObj` → `SortObjects`).
    Objects,
}

/// Why objects could not be sorted.
#[derive(Debug, PartialEq, Eq)]
pub enum SortError {
    /// An error kubectl returns (`error: …`).
    Message(String),
    /// `klog.Exitf` in `Less`: the line is printed as is and kubectl exits with status 1.
    Fatal(String),
}

impl SortError {
    /// What kubectl prints for this error, on stderr, and a failed status.
    pub fn to_output(&self) -> crate::kubectl::output::Output {
        match self {
            SortError::Message(m) => crate::kubectl::error::KubectlError::message(m).to_output(),
            SortError::Fatal(line) => {
                let mut out = crate::kubectl::output::Output::new();
                out.err_line(line).fail();
                out
            }
        }
    }
}

/// The sort key of each object, in order: `None` when the field is missing.
/// Also returns the expression as parsed (relaxed when it could be).
fn keys(
    sort_by: &str,
    objects: &[Value],
    sorter: Sorter,
) -> Result<(String, Vec<Option<Value>>), String> {
    let field = match (relaxed_expression(sort_by), sorter) {
        (Ok(f), _) => f,
        (Err(_), Sorter::Table) => sort_by.to_string(),
        (Err(e), Sorter::Objects) => return Err(e),
    };
    let parser = JsonPath::parse(&field).map_err(|e| match sorter {
        Sorter::Table => format!("sorting error: {e}"),
        Sorter::Objects => e,
    })?;
    let mut keys = Vec::with_capacity(objects.len());
    for object in objects {
        let found = parser.find_results(object)?;
        keys.push(found.into_iter().next().and_then(|r| r.into_iter().next()));
    }
    if !objects.is_empty() && keys.iter().all(Option::is_none) {
        return Err(format!(
            "couldn't find any field with path {} in the list of objects",
            quote(&field)
        ));
    }
    Ok((field, keys))
}

/// The order of `objects` sorted by `sort_by`: indices into `objects`.
pub fn order(sort_by: &str, objects: &[Value], sorter: Sorter) -> Result<Vec<usize>, SortError> {
    if sorter == Sorter::Objects && objects.is_empty() {
        return Ok(Vec::new());
    }
    let (field, keys) = keys(sort_by, objects, sorter).map_err(SortError::Message)?;
    let unsortable = |err: &str| {
        // klog.Exitf's text in `Less` (`%T` of what is sorted), without klog's header.
        let what = match sorter {
            Sorter::Table => "[][][]reflect.Value",
            Sorter::Objects => "*unstructured.Unstructured",
        };
        SortError::Fatal(format!(
            "Field {field} in {what} is an unsortable type: interface, err: {err}"
        ))
    };
    // `isLess` fails on maps, arrays, booleans and mixed types (kubectl exits then); it only
    // runs when two objects both have a (non-null) value.
    let present: Vec<&Value> = keys.iter().flatten().filter(|v| !v.is_null()).collect();
    if let (Some(first), true) = (present.first(), present.len() > 1) {
        if let Some(bad) = present.iter().find(|v| !sortable(v)) {
            return Err(unsortable(&format!("unsortable type: {}", go_type(bad))));
        }
        if present.iter().any(|v| class(v) != class(first)) {
            return Err(unsortable("unsortable interface: interface"));
        }
    }
    let mut order: Vec<usize> = (0..objects.len()).collect();
    order.sort_by(|a, b| compare(keys[*a].as_ref(), keys[*b].as_ref()));
    Ok(order)
}

fn sortable(v: &Value) -> bool {
    matches!(v, Value::Number(_) | Value::String(_))
}

fn class(v: &Value) -> u8 {
    match v {
        Value::Number(n) if n.is_f64() => 1,
        Value::Number(_) => 0,
        _ => 2,
    }
}

fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "map[string]interface {}",
        Value::Array(_) => "[]interface {}",
        Value::Bool(_) => "bool",
        _ => "interface {}",
    }
}

/// `RuntimeSort.Less` / `TableSorter.Less` with `isLess`, as an ordering.
fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, _) => Ordering::Less,
        (_, None) => Ordering::Greater,
        (Some(a), Some(b)) => match (a, b) {
            (Value::Null, Value::Null) => Ordering::Equal,
            (Value::Null, _) => Ordering::Less,
            (_, Value::Null) => Ordering::Greater,
            (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => {
                    let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                    x.partial_cmp(&y).unwrap_or(Ordering::Equal)
                }
            },
            (Value::String(x), Value::String(y)) => {
                match (Quantity::parse(x), Quantity::parse(y)) {
                    (Ok(qx), Ok(qy)) => qx.cmp(&qy),
                    _ => x.cmp(y),
                }
            }
            _ => Ordering::Equal,
        },
    }
}
