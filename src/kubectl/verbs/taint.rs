//! `kubectl taint`, after kubernetes/kubectl `pkg/cmd/taint/taint.go` `RunTaint`: each node is
//! visited in turn (errors are collected, the other nodes still change), its new taint list is
//! worked out on the client ([`crate::kubectl::taint_spec`]) and sent, and the name printer says
//! `node/NAME tainted`, `untainted` or `modified`.

use super::output::{object_line, print_objects};
use super::problems::{Problem, render_flat};
use crate::kubectl::execute::Context;
use crate::kubectl::taint_spec::{
    already_exists, already_exists_error, parse_taints, reorganize, split_args,
};
use crate::kubectl::{DryRun, Invocation, Output, OutputFormat, Resources};
use crate::sim::objects::{Node, Taint};
use crate::sim::{Cluster, Kind};
use serde_json::Value;

/// What one node's visit gave: its new taints and the word to print, or its errors.
type Visit = Result<(Vec<Taint>, &'static str), Vec<String>>;

/// Runs `kubectl taint`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let mut out = Output::new();
    // Validated when the line was parsed: these cannot fail here.
    let (_, changes) = split_args(&inv.args).unwrap_or_default();
    let (add, remove) = parse_taints(&changes).unwrap_or_default();
    let cluster = ctx.sim.cluster();
    let names: Vec<String> = match &inv.resources {
        Resources::Named(targets) => targets.iter().map(|t| t.name.clone()).collect(),
        _ => cluster
            .nodes()
            .filter(|n| inv.flags.selector.matches(&n.metadata.labels))
            .map(|n| n.metadata.name.clone())
            .collect(),
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut updates: Vec<(String, Vec<Taint>, &'static str)> = Vec::new();
    for name in names {
        let Some(node) = cluster.node(&name) else {
            problems.push(Problem::status(
                "NotFound",
                format!("{} \"{name}\" not found", Kind::Node.qualified_plural()),
            ));
            continue;
        };
        match visit(&node.spec.taints, &name, inv.flags.overwrite, &add, &remove) {
            Ok((taints, op)) => updates.push((name, taints, op)),
            Err(messages) => groups.push(messages),
        }
    }
    let apply = |c: &mut Cluster| -> Result<(), crate::sim::ApiError> {
        for (name, taints, _) in &updates {
            c.set_taints(name, taints.clone())?;
        }
        Ok(())
    };
    let mut scratch = ctx.sim.cluster().clone();
    let result = match inv.flags.dry_run {
        DryRun::Client | DryRun::Server => apply(&mut scratch),
        DryRun::None => ctx.sim.act(line, apply),
    };
    if let Err(e) = result {
        out.err(render_flat(&[Problem::api(&e)], "")).fail();
        return out;
    }
    let after = match inv.flags.dry_run {
        DryRun::None => ctx.sim.cluster(),
        _ => &scratch,
    };
    if matches!(inv.flags.output, OutputFormat::Yaml | OutputFormat::Json) {
        let values: Vec<Value> = updates
            .iter()
            .filter_map(|(name, _, _)| after.node(name))
            .map(node_value)
            .collect();
        if !values.is_empty() {
            out.out(print_objects(&values, inv.flags.output));
        }
    }
    for (name, _, op) in &updates {
        if let Some(text) = object_line("node", name, op, &inv.flags) {
            out.out(text);
        }
    }
    // An aggregate of one error is printed as that error; a node's several `not found`s stay
    // an aggregate, printed `[a, b]` among other errors (apimachinery `aggregate.Error`).
    let alone = problems.is_empty() && groups.len() == 1;
    for g in groups {
        if alone || g.len() == 1 {
            problems.extend(g.into_iter().map(Problem::Client));
        } else {
            problems.push(Problem::Client(format!("[{}]", g.join(", "))));
        }
    }
    if !problems.is_empty() {
        out.err(render_flat(&problems, "")).fail();
    }
    out
}

/// `updateTaints` for one node.
fn visit(old: &[Taint], node: &str, overwrite: bool, add: &[Taint], remove: &[Taint]) -> Visit {
    if !overwrite {
        let keys = already_exists(old, add);
        if !keys.is_empty() {
            return Err(vec![already_exists_error(node, &keys)]);
        }
    }
    let (op, taints, errors) = reorganize(old, overwrite, add, remove);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((taints, op.as_str()))
}

/// The node as the API returns it, for `-o yaml` / `-o json` (the object the patch returned).
fn node_value(node: &Node) -> Value {
    let mut v = serde_json::to_value(node).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("apiVersion".into(), "v1".into());
        map.insert("kind".into(), "Node".into());
    }
    v
}
