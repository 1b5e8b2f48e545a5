//! `-o` values: which ones each command accepts, and kubectl's error for the others.
//!
//! Sources: cli-runtime `genericclioptions/print_flags.go` (`NoCompatiblePrinterError`, sorted
//! and comma-joined), `json_yaml_flags.go` (json/yaml, case-insensitive; `kyaml` only with
//! `KUBECTL_KYAML=true` in v1.34, which kubestory treats as unset), `template_flags.go` /
//! `jsonpath_flags.go` (template formats, also as `format=ARG`), kubectl `get/get_flags.go`
//! (adds `custom-columns`, `custom-columns-file` and `wide`) and `delete/delete.go` (`-o name`
//! only). The `version` and `api-resources` messages are from memory of those commands.

use super::args::{OutputFormat, Verb};
use super::error::KubectlError;

/// Formats of the generic printer (`apply`, `create`, `scale`, `patch`, `rollout restart`).
const GENERIC: &[&str] = &[
    "go-template",
    "go-template-file",
    "json",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
    "name",
    "template",
    "templatefile",
    "yaml",
];

/// Formats of `kubectl get`.
const GET: &[&str] = &[
    "custom-columns",
    "custom-columns-file",
    "go-template",
    "go-template-file",
    "json",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
    "name",
    "template",
    "templatefile",
    "wide",
    "yaml",
];

/// Template-style formats, which may carry their argument after `=`.
const TEMPLATES: &[&str] = &[
    "go-template",
    "go-template-file",
    "template",
    "templatefile",
    "jsonpath",
    "jsonpath-file",
    "jsonpath-as-json",
    "custom-columns",
    "custom-columns-file",
];

fn template_format(raw: &str, allowed: &[&str]) -> Option<String> {
    TEMPLATES
        .iter()
        .filter(|t| allowed.contains(t))
        .find(|t| {
            raw == **t
                || raw
                    .strip_prefix(**t)
                    .is_some_and(|rest| rest.starts_with('='))
        })
        .map(|t| t.to_string())
}

/// Checks `-o` for `verb` and returns the simulated format.
pub(crate) fn output_format(verb: Verb, raw: Option<&str>) -> Result<OutputFormat, KubectlError> {
    let raw = raw.unwrap_or("");
    match verb {
        Verb::Delete => {
            return match raw {
                "" => Ok(OutputFormat::Default),
                "name" => Ok(OutputFormat::Name),
                other => Err(KubectlError::message(format!(
                    "unexpected -o output mode: {other}. We only support '-o name'"
                ))),
            };
        }
        Verb::Version => {
            return match raw {
                "" => Ok(OutputFormat::Default),
                "yaml" => Ok(OutputFormat::Yaml),
                "json" => Ok(OutputFormat::Json),
                _ => Err(KubectlError::message("--output must be 'yaml' or 'json'")),
            };
        }
        Verb::ApiResources => {
            return match raw {
                "" => Ok(OutputFormat::Default),
                "wide" => Ok(OutputFormat::Wide),
                "name" => Ok(OutputFormat::Name),
                other => Err(KubectlError::message(format!(
                    "--output {other} is not available"
                ))),
            };
        }
        _ => {}
    }
    let allowed = if verb == Verb::Get { GET } else { GENERIC };
    if raw.is_empty() {
        return Ok(OutputFormat::Default);
    }
    match raw.to_ascii_lowercase().as_str() {
        "json" => return Ok(OutputFormat::Json),
        "yaml" => return Ok(OutputFormat::Yaml),
        _ => {}
    }
    match raw {
        "wide" if verb == Verb::Get => return Ok(OutputFormat::Wide),
        "name" => return Ok(OutputFormat::Name),
        _ => {}
    }
    if let Some(template) = template_format(raw, allowed) {
        if verb == Verb::Get {
            match template.as_str() {
                "jsonpath" => return Ok(OutputFormat::JsonPath),
                "jsonpath-file" => return Ok(OutputFormat::JsonPathFile),
                "jsonpath-as-json" => return Ok(OutputFormat::JsonPathAsJson),
                "custom-columns" => return Ok(OutputFormat::CustomColumns),
                "custom-columns-file" => return Ok(OutputFormat::CustomColumnsFile),
                _ => {}
            }
        }
        return Err(KubectlError::NotSimulated(format!(
            "`-o {template}` is not simulated; use `-o yaml` or `-o json` to see every field."
        )));
    }
    Err(KubectlError::NoCompatiblePrinter {
        format: raw.to_string(),
        allowed: allowed.iter().map(|s| s.to_string()).collect(),
    })
}
