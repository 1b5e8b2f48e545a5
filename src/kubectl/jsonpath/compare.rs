//! Filter comparisons (`[?(@.a==…)]`): client-go's fork of text/template's `Equal`, `Less`
//! and friends (`third_party/forked/golang/template/funcs.go`), on unstructured values:
//! integers with integers, floats with floats, strings with strings, booleans only for
//! equality; anything else is Go's error.

use serde_json::Value;

const BAD_TYPE: &str = "invalid type for comparison";
const INCOMPATIBLE: &str = "incompatible types for comparison";

#[derive(PartialEq)]
enum Basic<'a> {
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(&'a str),
}

fn basic(v: &Value) -> Result<Basic<'_>, String> {
    Ok(match v {
        Value::Bool(b) => Basic::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Basic::Int(i128::from(i)),
            (_, Some(u), _) => Basic::Int(i128::from(u)),
            (_, _, Some(f)) => Basic::Float(f),
            _ => return Err(BAD_TYPE.to_string()),
        },
        Value::String(s) => Basic::Str(s),
        _ => return Err(BAD_TYPE.to_string()),
    })
}

fn equal(a: &Basic<'_>, b: &Basic<'_>) -> Result<bool, String> {
    match (a, b) {
        (Basic::Bool(x), Basic::Bool(y)) => Ok(x == y),
        (Basic::Int(x), Basic::Int(y)) => Ok(x == y),
        (Basic::Float(x), Basic::Float(y)) => Ok(x == y),
        (Basic::Str(x), Basic::Str(y)) => Ok(x == y),
        _ => Err(INCOMPATIBLE.to_string()),
    }
}

fn less(a: &Basic<'_>, b: &Basic<'_>) -> Result<bool, String> {
    match (a, b) {
        (Basic::Bool(_), Basic::Bool(_)) => Err(BAD_TYPE.to_string()),
        (Basic::Int(x), Basic::Int(y)) => Ok(x < y),
        (Basic::Float(x), Basic::Float(y)) => Ok(x < y),
        (Basic::Str(x), Basic::Str(y)) => Ok(x < y),
        _ => Err(INCOMPATIBLE.to_string()),
    }
}

/// Whether `left op right` holds, or Go's error.
pub fn compare(left: &Value, right: &Value, op: &str) -> Result<bool, String> {
    let (a, b) = (basic(left)?, basic(right)?);
    match op {
        "==" => equal(&a, &b),
        "!=" => equal(&a, &b).map(|e| !e),
        "<" => less(&a, &b),
        "<=" => Ok(less(&a, &b)? || equal(&a, &b)?),
        ">" => Ok(!(less(&a, &b)? || equal(&a, &b)?)),
        ">=" => less(&a, &b).map(|l| !l),
        other => Err(format!("unrecognized filter operator {other}")),
    }
}
