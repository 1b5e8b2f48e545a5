//! kubectl's JSONPath templates (`-o jsonpath=…`, `-o jsonpath-as-json=…`, custom columns
//! and `--sort-by` expressions): client-go `util/jsonpath` ported — same grammar, same output,
//! same error texts — over the JSON that `-o json` prints.

mod compare;
mod eval;
pub mod gofmt;
mod parser;
mod unquote;

use serde_json::Value;

use crate::sim::limits::MAX_OUTPUT_BYTES;

pub use parser::Node;

/// A parsed template (`jsonpath.JSONPath` after `Parse`).
#[derive(Clone, Debug, PartialEq)]
pub struct JsonPath {
    nodes: Vec<Node>,
    /// `--allow-missing-template-keys` (kubectl's default: true).
    pub allow_missing_keys: bool,
    /// `-o jsonpath-as-json`: the results as one indented JSON array.
    pub output_json: bool,
}

impl JsonPath {
    /// Parses `text` (`jsonpath.Parse`); `Err` carries client-go's message.
    pub fn parse(text: &str) -> Result<JsonPath, String> {
        Ok(JsonPath {
            nodes: parser::parse(text)?,
            allow_missing_keys: true,
            output_json: false,
        })
    }

    /// Every result list (`FindResults`): one per action outside a range, repeated per item
    /// inside one.
    pub fn find_results(&self, data: &Value) -> Result<Vec<Vec<Value>>, String> {
        let mut exec = eval::Exec::new(self.allow_missing_keys);
        let found = exec.find_results(&self.nodes, 0, std::borrow::Cow::Borrowed(data))?;
        Ok(found
            .into_iter()
            .map(|r| r.into_iter().map(|v| v.into_owned()).collect())
            .collect())
    }

    /// `Execute`: the printed text, or the evaluation error. The values found are borrowed,
    /// not copied, and printing stops past kubestory's output limit (the command's output is
    /// cut there anyway), so `{..}` over a large cluster stays bounded.
    pub fn execute(&self, data: &Value) -> Result<String, String> {
        let mut exec = eval::Exec::new(self.allow_missing_keys);
        let found = exec.find_results(&self.nodes, 0, std::borrow::Cow::Borrowed(data))?;
        let mut out = String::new();
        for results in found {
            if out.len() > MAX_OUTPUT_BYTES {
                break;
            }
            if self.output_json {
                let array = Value::Array(results.into_iter().map(|v| v.into_owned()).collect());
                out.push_str(&gofmt::json(&array, true));
                out.push('\n');
                continue;
            }
            for (i, r) in results.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                match r.as_ref() {
                    v @ (Value::Object(_) | Value::Array(_)) => {
                        out.push_str(&gofmt::json(v, false))
                    }
                    other => out.push_str(&gofmt::text(other)),
                }
                if out.len() > MAX_OUTPUT_BYTES {
                    break;
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
