//! `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`, after kubernetes/
//! kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go` (`RunPatch`: the patch text
//! is YAML or JSON (`yaml.ToJSON`, which passes text starting with `{` through unchecked,
//! so a JSON syntax error comes back from the API server); each object is patched and printed
//! `patched`, or `patched (no change)` when the server's answer equals what it had) and the
//! API server's patch handler (apiserver `endpoints/handlers/patch.go`: a strategic patch that
//! is not JSON is a BadRequest with Go's syntax error; a JSON patch that does not apply is
//! `Invalid` with a generic message; field validation `Warn`).
//!
//! Confirmed: `patched`, `patched (no change)`, `unable to parse %q: …`, `unable to read patch
//! file: …` (patch.go), Go's JSON syntax errors (encoding/json), the JSON patch failure
//! `The request is invalid: the server rejected our request due to an error in our request`
//! (apiserver patch tests and observed output). *Unconfirmed*: the `error decoding patch: `
//! prefix of a malformed merge patch, `the name of the object (…) does not match the name on
//! the URL (…)`, and the text of type errors in a patched object.

use super::gojson;
use super::output::{object_line, print_objects};
use super::patch_check::check;
use super::patching::{json_patch, merge_patch, strategic_merge};
use super::problems::{Invalid, Problem, render_flat};
use super::targets::{Found, find};
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output, PatchType, strings};
use crate::manifest::{messages as msg, yaml};
use crate::sim::{ApplyOutcome, Cluster, Kind, Object};
use serde_json::{Value, json};
use std::convert::Infallible;

/// Runs `kubectl patch`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let flags = &inv.flags;
    let mut out = Output::new();
    let typed = flags.patch.clone().unwrap_or_default();
    let raw = match &flags.patch_file {
        Some(path) if !path.is_empty() => match super::files::read_one(path, ctx.files) {
            Some(text) => text,
            None => {
                out.err_line(format!(
                    "error: unable to read patch file: open {path}: no such file or directory"
                ))
                .fail();
                return out;
            }
        },
        _ => typed.clone(),
    };
    let patch_text = match to_json(&raw) {
        Ok(t) => t,
        Err(e) => {
            out.err_line(format!(
                "error: unable to parse {}: {e}",
                msg::go_quote(&typed)
            ))
            .fail();
            return out;
        }
    };
    let (found, mut problems) = match find(inv, ctx) {
        Ok(f) => f,
        Err(o) => return o,
    };
    // What the API server would store for each object (computed on the state before).
    let planned: Vec<Result<Planned, Problem>> = found
        .iter()
        .map(|f| plan(ctx.sim.cluster(), f, &patch_text, flags.patch_type))
        .collect();
    let store = |c: &mut Cluster| -> Vec<Option<Result<bool, Problem>>> {
        planned
            .iter()
            .zip(&found)
            .map(|(p, f)| p.as_ref().ok().map(|p| store_one(c, f, p)))
            .collect()
    };
    let changed: Vec<Option<Result<bool, Problem>>> = match flags.dry_run {
        DryRun::Client => planned
            .iter()
            .map(|p| p.as_ref().ok().map(|p| Ok(p.differs)))
            .collect(),
        DryRun::Server => store(&mut ctx.sim.cluster().clone()),
        DryRun::None => ctx
            .sim
            .act(line, |c| Ok::<_, Infallible>(store(c)))
            .unwrap_or_else(|never| match never {}),
    };
    for ((f, p), changed) in found.iter().zip(planned).zip(changed) {
        let p = match p {
            Ok(p) => p,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        for w in &p.warnings {
            out.err_line(format!("Warning: {w}"));
        }
        if p.node_note {
            out.err_line(strings::NODE_PATCH_LIMITED);
        }
        let changed = match changed {
            Some(Err(problem)) => {
                problems.push(problem);
                continue;
            }
            Some(Ok(c)) => c,
            None => false,
        };
        let op = if changed {
            "patched"
        } else {
            "patched (no change)"
        };
        match object_line(&f.kind.qualified(), &f.name, op, flags) {
            Some(t) => out.out(t),
            None => {
                let value = match flags.dry_run {
                    DryRun::Client => p.value.clone(),
                    _ => current_value(ctx.sim.cluster(), f).unwrap_or(p.value.clone()),
                };
                out.out(print_objects(&[value], flags.output))
            }
        };
    }
    if !problems.is_empty() {
        out.err(render_flat(&problems, "patching")).fail();
    }
    out
}

/// `yaml.ToJSON`: JSON-looking text (starting with `{`) passes unchanged; anything else is
/// read as YAML (first document) and converted.
pub(crate) fn to_json(raw: &str) -> Result<String, String> {
    if raw.trim_start().starts_with('{') {
        return Ok(raw.to_string());
    }
    let parsed = yaml::parse_file(raw);
    if let Some(e) = &parsed.error {
        let problem = match &e.problem {
            yaml::YamlProblem::Syntax(text) => msg::go_yaml_problem(text),
            other => format!("{other:?}"),
        };
        if parsed.documents.iter().all(|d| d.root.is_none()) {
            // go-yaml reports an error at the end of the text on its last line.
            let last_line = raw.matches('\n').count() as u32 + 1;
            let line = e.document_line.min(last_line);
            return Err(format!("yaml: line {line}: {problem}"));
        }
    }
    let value = parsed
        .documents
        .iter()
        .find_map(|d| d.root.as_ref())
        .map(|r| r.to_json())
        .unwrap_or(Value::Null);
    Ok(gojson::marshal(&value))
}

/// What one object becomes.
struct Planned {
    /// The object to store (`None` for a node, changed through cordon).
    object: Option<Object>,
    /// The patched JSON (printed for a client dry run).
    value: Value,
    /// `spec.unschedulable` of a patched node.
    unschedulable: Option<bool>,
    /// Whether the patched object differs from the live one.
    differs: bool,
    /// The API server's warnings.
    warnings: Vec<String>,
    /// Whether the patch touched node fields kubestory does not simulate.
    node_note: bool,
}

/// The object as the API returns it (a Node with its apiVersion and kind).
pub(crate) fn current_value(cluster: &Cluster, f: &Found) -> Option<Value> {
    if f.kind == Kind::Node {
        let node = cluster.node(&f.name)?;
        let mut v = serde_json::to_value(node).ok()?;
        if let Value::Object(m) = &mut v {
            m.insert("apiVersion".into(), json!("v1"));
            m.insert("kind".into(), json!("Node"));
        }
        return Some(v);
    }
    cluster
        .get_object(f.kind, &f.namespace, &f.name)
        .map(|o| o.to_value())
}

fn bad_request(message: String) -> Problem {
    Problem::status("BadRequest", message)
}

/// Sends one merge patch for one object as `kubectl edit` does (editoptions.go
/// `visitToPatch`): planned on the state before, stored through [`crate::sim::Simulation::act`]
/// under `label`. The warnings come back with whether anything changed.
pub(crate) fn merge_one(
    ctx: &mut Context,
    f: &Found,
    patch_text: &str,
    label: &str,
) -> Result<(bool, Vec<String>), Problem> {
    let planned = plan(ctx.sim.cluster(), f, patch_text, PatchType::Merge)?;
    let changed = ctx
        .sim
        .act(label, |c| store_one(c, f, &planned).map_err(Box::new))
        .map_err(|b| *b)?;
    Ok((changed, planned.warnings))
}

/// Applies the patch as the API server would, without storing anything.
fn plan(cluster: &Cluster, f: &Found, text: &str, kind: PatchType) -> Result<Planned, Problem> {
    let before = current_value(cluster, f).ok_or_else(|| {
        Problem::status(
            "NotFound",
            format!("{} \"{}\" not found", f.kind.qualified_plural(), f.name),
        )
    })?;
    let patched = match kind {
        PatchType::Strategic | PatchType::Merge => {
            let patch = gojson::unmarshal(text).map_err(|e| {
                bad_request(if kind == PatchType::Merge {
                    format!("error decoding patch: {e}")
                } else {
                    e
                })
            })?;
            if !matches!(patch, Value::Object(_) | Value::Null) && kind == PatchType::Strategic {
                return Err(bad_request(format!(
                    "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                    gojson::json_type(&patch)
                )));
            }
            match kind {
                PatchType::Merge => merge_patch(&before, &patch),
                _ if patch.is_null() => before.clone(),
                _ => strategic_merge(&before, &patch),
            }
        }
        PatchType::Json => {
            let ops = gojson::unmarshal(text).map_err(bad_request)?;
            let Value::Array(ops) = ops else {
                return Err(bad_request(format!(
                    "json: cannot unmarshal {} into Go value of type jsonpatch.Patch",
                    gojson::json_type(&ops)
                )));
            };
            json_patch(&before, &ops).map_err(|_| rejected())?
        }
    };
    let mut patched = patched;
    if !patched.is_object() {
        return Err(rejected());
    }
    let name = patched.pointer("/metadata/name").and_then(Value::as_str);
    if name != Some(f.name.as_str()) {
        return Err(bad_request(format!(
            "the name of the object ({}) does not match the name on the URL ({})",
            name.unwrap_or(""),
            f.name
        )));
    }
    for key in ["apiVersion", "kind"] {
        if let (Value::Object(m), Some(v)) = (&mut patched, before.get(key)) {
            m.insert(key.into(), v.clone());
        }
    }
    if f.kind == Kind::Node {
        let unschedulable = patched
            .pointer("/spec/unschedulable")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let mut normalized = patched.clone();
        let mut was = before.clone();
        for v in [&mut normalized, &mut was] {
            if let Some(spec) = v.get_mut("spec").and_then(Value::as_object_mut) {
                spec.remove("unschedulable");
                spec.remove("taints");
            }
        }
        return Ok(Planned {
            object: None,
            differs: patched != before,
            node_note: normalized != was,
            value: patched,
            unschedulable: Some(unschedulable),
            warnings: Vec::new(),
        });
    }
    let checked = check(patched.clone())?;
    Ok(Planned {
        object: Some(checked.object),
        differs: patched != before,
        value: patched,
        unschedulable: None,
        warnings: checked.warnings,
        node_note: false,
    })
}

/// The API server's answer to a JSON patch that does not apply.
fn rejected() -> Problem {
    let message = "the server rejected our request due to an error in our request";
    Problem::Api {
        reason: "Invalid".into(),
        message: message.into(),
        invalid: Some(Box::new(Invalid {
            kind: String::new(),
            name: String::new(),
            causes: vec![message.into()],
        })),
    }
}

/// Stores a planned object; whether anything changed.
fn store_one(c: &mut Cluster, f: &Found, p: &Planned) -> Result<bool, Problem> {
    let result = match (p.unschedulable, &p.object) {
        (Some(unschedulable), _) => c.cordon(&f.name, unschedulable),
        (None, Some(o)) => c
            .replace(o.clone())
            .map(|outcome| outcome == ApplyOutcome::Configured),
        (None, None) => Ok(false),
    };
    result.map_err(|e| Problem::api(&e))
}
