//! kubectl's JSONPath templates (`-o jsonpath=…`, `-o jsonpath-as-json=…`, custom columns
//! and `--sort-by` expressions): client-go `util/jsonpath` ported — same grammar, same output,
//! same error texts — over the JSON that `-o json` prints.

mod compare;
mod eval;
pub mod gofmt;
mod parser;
mod unquote;

use serde_json::Value;

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

    /// `Execute`: the printed text, or the evaluation error.
    pub fn execute(&self, data: &Value) -> Result<String, String> {
        let mut out = String::new();
        for results in self.find_results(data)? {
            out.push_str(&self.print_results(results));
        }
        Ok(out)
    }

    /// `PrintResults`: maps and arrays as compact JSON, scalars as Go prints them, separated
    /// by one space; with `output_json`, the whole list as indented JSON and a newline.
    pub fn print_results(&self, results: Vec<Value>) -> String {
        if self.output_json {
            return gofmt::json(&Value::Array(results), true) + "\n";
        }
        let texts: Vec<String> = results
            .iter()
            .map(|r| match r {
                Value::Object(_) | Value::Array(_) => gofmt::json(r, false),
                other => gofmt::text(other),
            })
            .collect();
        texts.join(" ")
    }
}

#[cfg(test)]
mod tests;
