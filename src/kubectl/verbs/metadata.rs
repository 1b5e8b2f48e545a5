//! `kubectl label` and `kubectl annotate`, after kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/label/label.go` (`RunLabel`, `labelFunc`,
//! `validateNoOverwrites`, `updateDataChangeMsg`) and `cmd/annotate/annotate.go`
//! (`RunAnnotate`, `updateAnnotations`, `validateNoAnnotationOverwrites`).
//!
//! Each object is visited in turn (errors are collected and printed at the end, the others
//! still change): its new labels or annotations are worked out on the client, then sent as a
//! merge patch, which the API server validates like any update (a bad label key is its
//! `Invalid` error). The name printer says `labeled`, `unlabeled` (a label removed without
//! `--overwrite`), `not labeled` (nothing changed) or `annotated`. `--list` prints the labels
//! (or annotations) instead, and changes nothing on the server. A label change has its real
//! effects: a pod relabelled out of its ReplicaSet's selector is released and replaced
//! ([`crate::sim`]'s ReplicaSet controller), a node label can let a pending pod schedule.

use super::gojson;
use super::output::{object_line, print_objects};
use super::patch::current_value;
use super::patch_check::check;
use super::problems::{Problem, render_flat};
use super::targets::{Found, find};
use crate::kubectl::execute::Context;
use crate::kubectl::meta_pairs::{
    PairChanges, parse_annotations, parse_labels, resources_and_pairs,
};
use crate::kubectl::{DryRun, Flags, Invocation, Output, Resources, Verb};
use crate::sim::{Cluster, Kind};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::convert::Infallible;

/// The annotation kubectl always lets `annotate` overwrite (`polymorphichelpers.ChangeCauseAnnotation`).
const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";

/// One object's planned change.
struct Plan {
    found: Found,
    /// The object as the client changed it (what a client dry run prints).
    after: Value,
    /// The new labels or annotations.
    map: BTreeMap<String, String>,
    /// `labeled`, `unlabeled`, `not labeled` or `annotated`.
    op: &'static str,
}

/// Runs `kubectl label` or `kubectl annotate`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let label = inv.verb == Verb::Label;
    let flags = &inv.flags;
    let mut out = Output::new();
    // Checked when the line was parsed: these cannot fail here.
    let pair_type = if label { "label" } else { "annotation" };
    let (_, pairs) = resources_and_pairs(&inv.args, pair_type).unwrap_or_default();
    let changes = if label {
        parse_labels(&pairs)
    } else {
        parse_annotations(&pairs)
    }
    .unwrap_or_default();
    let (found, mut problems) = match find(inv, ctx) {
        Ok(f) => f,
        Err(o) => return o,
    };
    let single = single_item_implied(inv);
    if !single && flags.resource_version.is_some() {
        out.err_line("error: --resource-version may only be used with a single resource")
            .fail();
        return out;
    }
    let field = if label { "labels" } else { "annotations" };
    let mut plans: Vec<Plan> = Vec::new();
    for f in found {
        let Some(before) = current_value(ctx.sim.cluster(), &f) else {
            continue;
        };
        let old = string_map(&before["metadata"][field]);
        if label && flags.dry_run == DryRun::None && !flags.list {
            for key in &changes.remove {
                if !old.contains_key(key) {
                    out.out(format!(
                        "label {} not found.\n",
                        crate::kubectl::goparse::quote(key)
                    ));
                }
            }
        }
        if !flags.overwrite {
            if let Err(p) = no_overwrites(label, &old, &changes) {
                problems.push(p);
                continue;
            }
        }
        let mut map = old.clone();
        map.extend(changes.set.clone());
        for key in &changes.remove {
            map.remove(key);
        }
        let mut compared = before.clone();
        let mut after = before.clone();
        if let Some(meta) = after.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert(field.into(), json!(map));
            if let Some(rv) = &flags.resource_version {
                meta.insert("resourceVersion".into(), json!(rv));
            }
        }
        if flags.resource_version.is_some() {
            if let Some(meta) = compared.get_mut("metadata").and_then(Value::as_object_mut) {
                meta.insert("resourceVersion".into(), json!(""));
            }
        }
        let op = if !label {
            "annotated"
        } else {
            data_change_msg(&compared, &after, flags.overwrite)
        };
        plans.push(Plan {
            found: f,
            after,
            map,
            op,
        });
    }
    if flags.list {
        for p in &plans {
            let indent = if single {
                ""
            } else {
                let what = if label { "labels" } else { "annotations" };
                out.out(format!(
                    "Listing {what} for {}.{}/{}:\n",
                    p.found.kind.name(),
                    p.found.kind.group(),
                    p.found.name
                ));
                " "
            };
            for (k, v) in &p.map {
                out.out(format!("{indent}{k}={v}\n"));
            }
        }
        finish(&mut out, problems);
        return out;
    }
    let stored: Vec<Result<(), Problem>> = match flags.dry_run {
        DryRun::Client => plans.iter().map(|_| Ok(())).collect(),
        DryRun::Server => {
            let mut scratch = ctx.sim.cluster().clone();
            let r = store_all(&mut scratch, &plans, label, flags);
            print_all(&mut out, &plans, &r, Some(&scratch), flags, &mut problems);
            finish(&mut out, problems);
            return out;
        }
        DryRun::None => ctx
            .sim
            .act(line, |c| {
                Ok::<_, Infallible>(store_all(c, &plans, label, flags))
            })
            .unwrap_or_else(|never| match never {}),
    };
    let cluster = (flags.dry_run == DryRun::None).then(|| ctx.sim.cluster());
    print_all(&mut out, &plans, &stored, cluster, flags, &mut problems);
    finish(&mut out, problems);
    out
}

/// Prints each object that changed (or the errors of those the server refused).
fn print_all(
    out: &mut Output,
    plans: &[Plan],
    stored: &[Result<(), Problem>],
    cluster: Option<&Cluster>,
    flags: &Flags,
    problems: &mut Vec<Problem>,
) {
    for (p, r) in plans.iter().zip(stored) {
        if let Err(e) = r {
            problems.push(e.clone());
            continue;
        }
        match object_line(&p.found.kind.qualified(), &p.found.name, p.op, flags) {
            Some(t) => {
                out.out(t);
            }
            None => {
                let value = cluster
                    .and_then(|c| current_value(c, &p.found))
                    .unwrap_or_else(|| p.after.clone());
                out.out(print_objects(&[value], flags.output));
            }
        }
    }
}

fn finish(out: &mut Output, problems: Vec<Problem>) {
    if !problems.is_empty() {
        out.err(render_flat(&problems, "")).fail();
    }
}

/// `IntoSingleItemImplied`: one object named by argument, or one file.
fn single_item_implied(inv: &Invocation) -> bool {
    match &inv.resources {
        Resources::Named(targets) => targets.len() == 1,
        Resources::None => inv.flags.filenames.len() == 1 && !inv.flags.recursive,
        Resources::Kinds(_) => false,
    }
}

/// label.go `validateNoOverwrites` (an aggregate: one error printed alone, several as
/// `[a, b]`) and annotate.go `validateNoAnnotationOverwrites` (one error).
fn no_overwrites(
    label: bool,
    old: &BTreeMap<String, String>,
    changes: &PairChanges,
) -> Result<(), Problem> {
    let taken: Vec<String> = changes
        .set
        .keys()
        .filter(|k| label || k.as_str() != CHANGE_CAUSE)
        .filter_map(|k| {
            old.get(k)
                .map(|v| format!("'{k}' already has a value ({v})"))
        })
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    if !label {
        return Err(Problem::Client(format!(
            "--overwrite is false but found the following declared annotation(s): {}",
            taken.join("; ")
        )));
    }
    let errors: Vec<String> = taken
        .into_iter()
        .map(|t| format!("{t}, and --overwrite is false"))
        .collect();
    Err(Problem::Client(if errors.len() == 1 {
        errors.into_iter().next().unwrap_or_default()
    } else {
        format!("[{}]", errors.join(", "))
    }))
}

/// label.go `updateDataChangeMsg`: the JSON before and after (Go's `json.Marshal`) compared.
fn data_change_msg(old: &Value, new: &Value, overwrite: bool) -> &'static str {
    if old == new {
        return "not labeled";
    }
    if !overwrite && gojson::marshal(new).len() < gojson::marshal(old).len() {
        return "unlabeled";
    }
    "labeled"
}

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m: &Map<String, Value>| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Sends each planned change as the API server receives it.
fn store_all(
    c: &mut Cluster,
    plans: &[Plan],
    label: bool,
    flags: &Flags,
) -> Vec<Result<(), Problem>> {
    plans
        .iter()
        .map(|p| store_one(c, p, label, flags))
        .collect()
}

fn store_one(c: &mut Cluster, p: &Plan, label: bool, flags: &Flags) -> Result<(), Problem> {
    let f = &p.found;
    let live = current_value(c, f).ok_or_else(|| {
        Problem::status(
            "NotFound",
            format!("{} \"{}\" not found", f.kind.qualified_plural(), f.name),
        )
    })?;
    if let Some(rv) = &flags.resource_version {
        if live["metadata"]["resourceVersion"].as_str() != Some(rv.as_str()) {
            return Err(Problem::status(
                "Conflict",
                format!(
                    "Operation cannot be fulfilled on {} \"{}\": the object has been modified; \
                     please apply your changes to the latest version and try again",
                    f.kind.qualified_plural(),
                    f.name
                ),
            ));
        }
    }
    if f.kind == Kind::Node {
        let node = c.node(&f.name).cloned();
        let Some(node) = node else {
            return Ok(());
        };
        let (labels, annotations) = if label {
            (p.map.clone(), node.metadata.annotations.clone())
        } else {
            (node.metadata.labels.clone(), p.map.clone())
        };
        return c
            .set_node_metadata(&f.name, labels, annotations)
            .map(|_| ())
            .map_err(|e| Problem::api(&e));
    }
    let mut updated = live;
    let field = if label { "labels" } else { "annotations" };
    if let Some(meta) = updated.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.insert(field.into(), json!(p.map));
    }
    let checked = check(updated)?;
    c.replace(checked.object)
        .map(|_| ())
        .map_err(|e| Problem::api(&e))
}
