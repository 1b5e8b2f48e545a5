//! `kubectl delete`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/delete/
//! delete.go` (`Complete`, `DeleteResult`, `deleteResource`, `PrintObj`): every selected
//! object is deleted and printed in turn (`printers::delete_line`); errors (`Error from server
//! (NotFound): pods "x" not found`, with `error when deleting "f": ` for `-f`) come at the end;
//! `No resources found` (stdout) when a selection is empty; NotFound is ignored with `--all`,
//! `-l` or `--ignore-not-found`. kubectl then waits until the objects are gone; kubestory
//! returns at once and says what kubectl would be waiting for ([`super::terminating`]).
//!
//! Not simulated: `--cascade=orphan` and `foreground` (the simulator's garbage collector
//! always deletes dependents in the background).

use super::apply::fix_resource;
use super::listing;
use super::objects::qualified;
use super::problems::{Problem, render_flat};
use super::sources::{Entry, read};
use super::terminating::{Left, note};
use crate::kubectl::execute::Context;
use crate::kubectl::printers::{delete_line, operation};
use crate::kubectl::{DryRun, Flags, Invocation, Output, OutputFormat, Resources};
use crate::sim::{ApiError, Cluster, DeleteOptions, DeleteOutcome, Kind};
use std::convert::Infallible;

/// One object to delete.
#[derive(Clone, Debug)]
struct Target {
    /// The simulated kind, or `None` for a kind kubestory only stores.
    kind: Option<Kind>,
    /// `kind:` and `apiVersion:` (for unsimulated kinds and their messages).
    kind_name: String,
    api_version: String,
    /// The namespace of a namespaced object.
    namespace: Option<String>,
    name: String,
    /// The file it was named in (`-f`), for `error when deleting "f": `.
    source: String,
}

/// Runs `kubectl delete`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let flags = &inv.flags;
    let mut problems = Vec::new();
    let targets = match &inv.resources {
        Resources::Named(named) => named
            .iter()
            .map(|t| simulated(t.kind, flags.namespace_or_default(), &t.name, ""))
            .collect(),
        Resources::Kinds(kinds) => selected(ctx.sim.cluster(), kinds, flags, &mut problems),
        Resources::None => match read(inv, ctx.files, ctx.crds()) {
            Ok(entries) => from_files(entries, &mut problems),
            Err(out) => return out,
        },
    };
    // client-go refuses a request without a name before sending it.
    let (targets, unnamed): (Vec<Target>, Vec<Target>) =
        targets.into_iter().partition(|t| !t.name.is_empty());
    for t in &unnamed {
        problems.push(
            Problem::Client("resource name may not be empty".into())
                .with_source("deleting", &t.source),
        );
    }
    let found = targets.len() + unnamed.len();
    let force = flags.grace_period == 0;
    let results: Vec<Result<DeleteOutcome, ApiError>> = match flags.dry_run {
        DryRun::Client => targets.iter().map(|_| Ok(DeleteOutcome::Deleted)).collect(),
        DryRun::Server => delete_all(&mut ctx.sim.cluster().clone(), &targets, force),
        DryRun::None => ctx
            .sim
            .act(line, |c| {
                Ok::<_, Infallible>(delete_all(c, &targets, force))
            })
            .unwrap_or_else(|never| match never {}),
    };
    let mut out = Output::new();
    let mut warn_cluster_scope = flags.namespace.is_some() && !flags.all_namespaces;
    let mut left = Vec::new();
    for (t, result) in targets.iter().zip(results) {
        if warn_cluster_scope && t.namespace.is_none() {
            out.err_line(
                "warning: deleting cluster-scoped resources, not scoped to the provided namespace",
            );
            warn_cluster_scope = false;
        }
        match result {
            Ok(outcome) => {
                out.out(line_for(t, flags));
                if let (DeleteOutcome::Terminating, Some(kind)) = (outcome, t.kind) {
                    left.push(Left {
                        kind,
                        namespace: t.namespace.clone().unwrap_or_default(),
                        name: t.name.clone(),
                    });
                }
            }
            Err(ApiError::NotFound { .. }) if flags.ignore_not_found => {}
            Err(e) => problems.push(problem(&e, t)),
        }
    }
    if !problems.is_empty() {
        out.err(render_flat(&problems, "deleting")).fail();
        return out;
    }
    if found == 0 {
        out.out("No resources found\n");
        return out;
    }
    if flags.wait && flags.dry_run == DryRun::None {
        out.err(note(ctx.sim.cluster(), &left));
    }
    out
}

fn simulated(kind: Kind, namespace: &str, name: &str, source: &str) -> Target {
    Target {
        kind: Some(kind),
        kind_name: kind.name().to_string(),
        api_version: kind.api_version().to_string(),
        namespace: kind.namespaced().then(|| namespace.to_string()),
        name: name.to_string(),
        source: source.to_string(),
    }
}

/// `--all` / `-l` / `--field-selector`: the objects of each kind in order (every namespace
/// with `-A`); a kind whose list the API server refuses adds its BadRequest to `problems`.
fn selected(
    cluster: &Cluster,
    kinds: &[Kind],
    flags: &Flags,
    problems: &mut Vec<Problem>,
) -> Vec<Target> {
    let ns = (!flags.all_namespaces).then(|| flags.namespace_or_default());
    let mut out = Vec::new();
    for &kind in kinds {
        match listing::select(cluster, kind, ns, flags) {
            Ok(metas) => out.extend(
                metas
                    .iter()
                    .map(|m| simulated(kind, m.namespace_or_default(), &m.name, "")),
            ),
            Err(message) => problems.push(Problem::status("BadRequest", message)),
        }
    }
    out
}

/// `-f`: the objects the files name (documents the API server would refuse still name an
/// object: delete only needs its kind, name and namespace).
fn from_files(entries: Vec<Entry>, problems: &mut Vec<Problem>) -> Vec<Target> {
    let mut out = Vec::new();
    for e in entries {
        match e {
            Entry::Item(item) => out.push(Target {
                kind: Kind::from_name(&item.doc.kind).filter(|_| item.doc.simulated),
                kind_name: item.doc.kind.clone(),
                api_version: item.doc.api_version.clone(),
                namespace: item.namespace.clone(),
                name: item.doc.name.clone(),
                source: item.file.clone(),
            }),
            Entry::ServerError { object, file, .. } => {
                let kind = Kind::from_name(&object.kind);
                let namespaced = kind.is_none_or(Kind::namespaced);
                let ns = Some(object.namespace.clone())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "default".to_string());
                out.push(Target {
                    kind,
                    kind_name: object.kind.clone(),
                    api_version: object.api_version.clone(),
                    namespace: namespaced.then_some(ns),
                    name: object.name.clone(),
                    source: file,
                });
            }
            Entry::ReadError(p) => problems.push(p),
        }
    }
    out
}

fn delete_all(
    c: &mut Cluster,
    targets: &[Target],
    force: bool,
) -> Vec<Result<DeleteOutcome, ApiError>> {
    targets
        .iter()
        .map(|t| match t.kind {
            Some(kind) => c.delete(
                kind,
                t.namespace.as_deref().unwrap_or(""),
                &t.name,
                DeleteOptions { force },
            ),
            None => c
                .delete_unsimulated(&t.kind_name, t.namespace.as_deref(), &t.name)
                .map(|()| DeleteOutcome::Deleted),
        })
        .collect()
}

/// `PrintObj`: `delete_line` for simulated kinds, the same shape for the others.
fn line_for(t: &Target, flags: &Flags) -> String {
    if let Some(kind) = t.kind {
        return delete_line(kind, &t.name, t.namespace.as_deref(), flags);
    }
    let prefix = qualified(&t.kind_name, &t.api_version);
    if flags.output == OutputFormat::Name {
        return format!("{prefix}/{}\n", t.name);
    }
    let op = operation(
        if flags.grace_period == 0 {
            "force deleted"
        } else {
            "deleted"
        },
        flags.dry_run,
    );
    match &t.namespace {
        Some(ns) => format!("{prefix} \"{}\" {op} from {ns} namespace\n", t.name),
        None => format!("{prefix} \"{}\" {op}\n", t.name),
    }
}

fn problem(e: &ApiError, t: &Target) -> Problem {
    let e = match e {
        ApiError::NotFound { name, .. } if t.kind.is_none() => ApiError::NotFound {
            resource: super::objects::resource_name(&t.kind_name, &t.api_version),
            name: name.clone(),
        },
        ApiError::NotFound { name, .. } => ApiError::NotFound {
            resource: t.kind.map(Kind::qualified_plural).unwrap_or_default(),
            name: name.clone(),
        },
        other => other.clone(),
    };
    let _ = fix_resource;
    Problem::api(&e).with_source("deleting", &t.source)
}
