//! `kubectl create -f` and `kubectl create namespace`, after kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/create/create.go` (`RunCreate`: every object is
//! created and printed as it is visited; errors, `error when creating "f": …`, are returned
//! together at the end in visiting order; `no objects passed to create` when nothing was
//! found) and `create_namespace.go`.

use super::apply::fix_resource;
use super::listing;
use super::objects::Item;
use super::output::{NoteOnce, object_line, print_objects};
use super::problems::{Problem, render_flat};
use super::sources::{Entry, deferred_warnings, read};
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output, Resources};
use crate::manifest;
use crate::sim::{ApiError, ApplyOutcome, Cluster, Object};
use serde_json::{Value, json};
use std::convert::Infallible;

/// Runs `kubectl create -f`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let entries = match read(inv, ctx.files, ctx.crds()) {
        Ok(e) => e,
        Err(out) => return out,
    };
    let items: Vec<Item> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Item(i) => Some((**i).clone()),
            _ => None,
        })
        .collect();
    let results = send(&items, ctx, line, inv.flags.dry_run);
    let mut out = Output::new();
    let mut problems = Vec::new();
    let mut notes = NoteOnce::default();
    let mut results = results.into_iter();
    let mut count = 0;
    for e in &entries {
        let item = match e {
            Entry::Item(item) => item,
            Entry::ReadError(p) | Entry::ServerError { problem: p, .. } => {
                problems.push(p.clone());
                continue;
            }
        };
        match results.next() {
            Some((Ok(name), value)) => {
                count += 1;
                match object_line(&item.prefix(), &name, "created", &inv.flags) {
                    Some(text) => out.out(text),
                    None => out.out(print_objects(&[value], inv.flags.output)),
                };
                notes.after(&mut out, item);
                NoteOnce::after_claim(&mut out, item, ctx.sim.cluster());
            }
            Some((Err(e), _)) => {
                let p = Problem::api(&fix_resource(&e, item)).with_source("creating", &item.file);
                problems.push(p);
            }
            None => {}
        }
    }
    if !problems.is_empty() {
        out.err(render_flat(&problems, "creating")).fail();
    } else if count == 0 {
        out.err_line("error: no objects passed to create").fail();
    }
    out.err(deferred_warnings(&entries));
    out
}

type Created = (Result<String, ApiError>, Value);

/// Creates the objects (on a copy for a server dry run; not at all for a client dry run) and
/// returns each one's name (generated names included) and what `-o yaml` prints.
fn send(items: &[Item], ctx: &mut Context, line: &str, dry_run: DryRun) -> Vec<Created> {
    let create_all = |c: &mut Cluster| -> Vec<Created> {
        items
            .iter()
            .map(|item| {
                let before = names(c, item);
                match c.create(item.doc.object.clone()) {
                    Ok(
                        ApplyOutcome::Created | ApplyOutcome::Configured | ApplyOutcome::Unchanged,
                    ) => {
                        let name = if item.doc.name.is_empty() {
                            names(c, item)
                                .into_iter()
                                .find(|n| !before.contains(n))
                                .unwrap_or_default()
                        } else {
                            item.doc.name.clone()
                        };
                        let value = super::objects::current(
                            c,
                            &item.doc.kind,
                            item.namespace.as_deref(),
                            &name,
                        )
                        .map(|o: Object| o.to_value())
                        .unwrap_or_else(|| item.doc.value.clone());
                        (Ok(name), value)
                    }
                    Err(e) => (Err(e), Value::Null),
                }
            })
            .collect()
    };
    match dry_run {
        DryRun::Client => items
            .iter()
            .map(|i| (Ok(i.doc.name.clone()), i.doc.value.clone()))
            .collect(),
        DryRun::Server => create_all(&mut ctx.sim.cluster().clone()),
        DryRun::None => ctx
            .sim
            .act(line, |c| Ok::<_, Infallible>(create_all(c)))
            .unwrap_or_else(|never| match never {}),
    }
}

/// The names of the objects of an item's kind in its namespace (to find a generated name).
fn names(c: &Cluster, item: &Item) -> Vec<String> {
    match crate::sim::Kind::from_name(&item.doc.kind) {
        Some(kind) => listing::list_in(c, kind, item.namespace.as_deref())
            .into_iter()
            .map(|m| m.name)
            .collect(),
        None => c
            .unsimulated()
            .filter(|u| u.kind == item.doc.kind && u.metadata.namespace == item.namespace)
            .map(|u| u.metadata.name.clone())
            .collect(),
    }
}

/// Runs `kubectl create namespace NAME` (create_namespace.go; the name is validated by the
/// API server as a manifest's would be).
pub fn run_namespace(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let mut out = Output::new();
    let Resources::Named(targets) = &inv.resources else {
        return out;
    };
    let Some(target) = targets.first() else {
        return out;
    };
    let value = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": target.name}});
    let text = super::gojson::marshal(&value);
    let doc = match manifest::load("namespace", &text) {
        Ok(mut docs) if !docs.is_empty() => docs.remove(0),
        Ok(_) => return out,
        Err(e) => {
            let problems: Vec<Problem> = e
                .failures
                .into_iter()
                .map(|f| Problem::Load {
                    failure: Box::new(f),
                    file: String::new(),
                })
                .collect();
            // kubestory's pointer lines would name a file the learner never wrote.
            let text = render_flat(&problems, "creating");
            let kubectl_only: String = text
                .lines()
                .filter(|l| !l.starts_with("  "))
                .map(|l| format!("{l}\n"))
                .collect();
            out.err(kubectl_only).fail();
            return out;
        }
    };
    let object = doc.object.clone();
    let result = match inv.flags.dry_run {
        DryRun::Client => Ok(ApplyOutcome::Created),
        DryRun::Server => ctx.sim.cluster().clone().create(object),
        DryRun::None => ctx.sim.act(line, |c| c.create(object)),
    };
    match result {
        Ok(_) => {
            let value = ctx
                .sim
                .cluster()
                .get_object(crate::sim::Kind::Namespace, "", &target.name)
                .map(|o| o.to_value())
                .unwrap_or(doc.value);
            match object_line("namespace", &target.name, "created", &inv.flags) {
                Some(t) => out.out(t),
                None => out.out(print_objects(&[value], inv.flags.output)),
            };
        }
        Err(e) => {
            out.err(render_flat(&[Problem::api(&e)], "creating")).fail();
        }
    }
    out
}
