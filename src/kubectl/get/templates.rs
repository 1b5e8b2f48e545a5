//! `kubectl get -o jsonpath|jsonpath-file|jsonpath-as-json|custom-columns|custom-columns-file`:
//! the same object (or `List`) that `-o json` prints, fed to kubectl's JSONPath engine.
//!
//! Sources: cli-runtime `genericclioptions/jsonpath_flags.go` (`ToPrinter`: the template
//! after `=` or `--template`, its errors), `printers/jsonpath.go` (`PrintObj`: the execution
//! error with the template and the object as Go's `%#v`), kubectl `cmd/get/customcolumn.go`
//! (`NewCustomColumnsPrinterFromSpec`, `…FromTemplate`, `RelaxedJSONPathExpression`,
//! `printOneObject`: `<none>` when nothing is found, values joined by `,`) and
//! `customcolumn_flags.go` (`ToPrinter`).

use serde_json::Value;

use crate::kubectl::args::{Flags, OutputFormat};
use crate::kubectl::file_source::FileSource;
use crate::kubectl::jsonpath::{JsonPath, gofmt};
use crate::kubectl::tabwriter::TabWriter;

/// Whether `format` is one of the template formats printed here.
pub fn is_template(format: OutputFormat) -> bool {
    matches!(
        format,
        OutputFormat::JsonPath
            | OutputFormat::JsonPathFile
            | OutputFormat::JsonPathAsJson
            | OutputFormat::CustomColumns
            | OutputFormat::CustomColumnsFile
    )
}

/// The template text: the argument itself, or the file it names for the `-file` formats
/// (`Err` is kubectl's message when the file cannot be read).
pub fn template_text(flags: &Flags, files: Option<&dyn FileSource>) -> Result<String, String> {
    let arg = &flags.template;
    match flags.output {
        OutputFormat::JsonPathFile | OutputFormat::CustomColumnsFile if !arg.is_empty() => {
            let missing = || format!("open {arg}: no such file or directory");
            let text = files.and_then(|f| f.read(arg)).ok_or_else(missing);
            match (flags.output, text) {
                (_, Ok(text)) => Ok(text),
                (OutputFormat::JsonPathFile, Err(e)) => {
                    Err(format!("error reading --template {arg}, {e}"))
                }
                (_, Err(e)) => Err(format!("error reading template {arg}, {e}\n")),
            }
        }
        _ => Ok(arg.clone()),
    }
}

/// A printer built from the flags (`ToPrinter`); `Err` is kubectl's message.
pub enum Printer {
    /// `-o jsonpath…`.
    JsonPath(JsonPath, String),
    /// `-o custom-columns…`: headers and their parsed expressions.
    Columns(Vec<(String, JsonPath)>, bool),
}

impl Printer {
    /// Builds the printer for `flags.output` from the template text.
    pub fn new(flags: &Flags, text: &str) -> Result<Printer, String> {
        match flags.output {
            OutputFormat::CustomColumns | OutputFormat::CustomColumnsFile => {
                let file = flags.output == OutputFormat::CustomColumnsFile;
                let columns = if file {
                    columns_from_template(text)?
                } else {
                    columns_from_spec(text)?
                };
                let mut parsed = Vec::new();
                for (header, spec) in columns {
                    parsed.push((header, JsonPath::parse(&spec)?));
                }
                Ok(Printer::Columns(parsed, flags.no_headers && !file))
            }
            _ => {
                if text.is_empty() {
                    return Err("template format specified but no template given".to_string());
                }
                let mut j = JsonPath::parse(text)
                    .map_err(|e| format!("error parsing jsonpath {text}, {e}"))?;
                j.allow_missing_keys = flags.allow_missing_keys;
                j.output_json = flags.output == OutputFormat::JsonPathAsJson;
                Ok(Printer::JsonPath(j, text.to_string()))
            }
        }
    }

    /// `PrintObj` of `value` (one object or a `List`): the text, or kubectl's error.
    pub fn print(&self, value: &Value) -> Result<String, String> {
        match self {
            Printer::JsonPath(j, raw) => j.execute(value).map_err(|e| {
                format!(
                    "error executing jsonpath {}: Error executing template: {e}. Printing more \
                     information for debugging the template:\n\ttemplate was:\n\t\t{raw}\n\t\
                     object given to jsonpath engine was:\n\t\t{}\n\n\n",
                    crate::kubectl::goparse::quote(raw),
                    gofmt::sharp_v(value)
                )
            }),
            Printer::Columns(columns, no_headers) => print_columns(columns, *no_headers, value),
        }
    }
}

fn print_columns(
    columns: &[(String, JsonPath)],
    no_headers: bool,
    value: &Value,
) -> Result<String, String> {
    let mut w = TabWriter::kubectl_get();
    if !no_headers {
        let headers: Vec<&str> = columns.iter().map(|(h, _)| h.as_str()).collect();
        w.write_str(&format!("{}\n", headers.join("\t")));
    }
    let objects: Vec<&Value> = match value.get("items") {
        Some(Value::Array(items)) if value.get("kind") == Some(&Value::from("List")) => {
            items.iter().collect()
        }
        _ => vec![value],
    };
    for object in objects {
        let mut cells = Vec::new();
        for (_, j) in columns {
            let found = j.find_results(object)?;
            let mut texts: Vec<String> = Vec::new();
            if found.first().is_none_or(|r| r.is_empty()) {
                texts.push("<none>".to_string());
            }
            // `printers.EscapeTerminal` (cli-runtime `printers/terminal.go`).
            texts.extend(
                found
                    .iter()
                    .flatten()
                    .map(|v| gofmt::plain(v).replace('\x1b', "^[").replace('\r', "\\r")),
            );
            cells.push(texts.join(","));
        }
        w.write_str(&format!("{}\n", cells.join("\t")));
    }
    Ok(w.finish())
}

/// `RelaxedJSONPathExpression`: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`.
pub fn relaxed_expression(expr: &str) -> Result<String, String> {
    if expr.is_empty() {
        return Ok(String::new());
    }
    let no_braces = |s: &str| !s.is_empty() && !s.contains(['{', '}']);
    let inner = expr
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .map(|s| s.strip_prefix('.').unwrap_or(s))
        .filter(|s| no_braces(s))
        .or_else(|| Some(expr.strip_prefix('.').unwrap_or(expr)).filter(|s| no_braces(s)));
    match inner {
        Some(field) => Ok(format!("{{.{field}}}")),
        None => Err(
            "unexpected path string, expected a 'name1.name2' or '.name1.name2' or \
                     '{name1.name2}' or '{.name1.name2}'"
                .to_string(),
        ),
    }
}

/// `NewCustomColumnsPrinterFromSpec`: `HEADER:expr,HEADER:expr`.
fn columns_from_spec(spec: &str) -> Result<Vec<(String, String)>, String> {
    if spec.is_empty() {
        return Err("custom-columns format specified but no custom columns given".to_string());
    }
    spec.split(',')
        .map(|part| match part.split_once(':') {
            Some((header, expr)) => Ok((header.to_string(), relaxed_expression(expr)?)),
            None => Err(format!(
                "unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>"
            )),
        })
        .collect()
}

/// `NewCustomColumnsPrinterFromTemplate`: a line of headers, a line of expressions.
fn columns_from_template(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut lines = text.lines();
    let expected = "Expected format is one line of space separated headers, one line of space \
                    separated column specs.";
    let headers: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing header line. {expected}"))?
        .split_whitespace()
        .collect();
    let specs: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing spec line. {expected}"))?
        .split_whitespace()
        .collect();
    if headers.len() != specs.len() {
        return Err(format!(
            "number of headers ({}) and field specifications ({}) don't match",
            headers.len(),
            specs.len()
        ));
    }
    headers
        .iter()
        .zip(&specs)
        .map(|(h, s)| Ok((h.to_string(), relaxed_expression(s)?)))
        .collect()
}
