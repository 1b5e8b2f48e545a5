//! The existing objects a verb acts on (`scale`, `rollout restart`, `patch`), found the way
//! cli-runtime's builder finds them with `ContinueOnError` (kubernetes/kubernetes
//! `staging/src/k8s.io/cli-runtime/pkg/resource/builder.go`, `visitor.go`): named objects are
//! fetched (a missing one is a NotFound error, and the others go on), `--all`/`-l`/
//! `--field-selector` list each kind, `-f` names the objects of its files.

use super::listing;
use super::problems::Problem;
use super::sources::{Entry, read};
use crate::kubectl::execute::Context;
use crate::kubectl::{Invocation, Output, Resources};
use crate::sim::Kind;

/// An existing object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its kind.
    pub kind: Kind,
    /// Its namespace (`""` for cluster-scoped objects).
    pub namespace: String,
    /// Its name.
    pub name: String,
    /// The `-f` file that named it, or `""`.
    pub source: String,
}

/// The objects found, and the errors of those that could not be (kubectl's `infoErr`).
/// `Err` is what kubectl prints when the files cannot be read.
pub fn find(inv: &Invocation, ctx: &Context) -> Result<(Vec<Found>, Vec<Problem>), Output> {
    let cluster = ctx.sim.cluster();
    let flags = &inv.flags;
    let mut found = Vec::new();
    let mut missing = Vec::new();
    let mut read_errors = Vec::new();
    let mut check = |kind: Kind, namespace: &str, name: &str, source: &str| {
        let namespace = if kind.namespaced() { namespace } else { "" };
        if listing::exists(cluster, kind, namespace, name) {
            found.push(Found {
                kind,
                namespace: namespace.to_string(),
                name: name.to_string(),
                source: source.to_string(),
            });
        } else {
            missing.push(Problem::status(
                "NotFound",
                format!("{} \"{name}\" not found", kind.qualified_plural()),
            ));
        }
    };
    match &inv.resources {
        Resources::Named(targets) => {
            for t in targets {
                check(t.kind, flags.namespace_or_default(), &t.name, "");
            }
        }
        Resources::Kinds(kinds) => {
            let ns = (!flags.all_namespaces).then(|| flags.namespace_or_default());
            for &kind in kinds {
                match listing::select(cluster, kind, ns, flags) {
                    Ok(metas) => {
                        for meta in metas {
                            check(kind, meta.namespace_or_default(), &meta.name, "");
                        }
                    }
                    Err(message) => read_errors.push(Problem::status("BadRequest", message)),
                }
            }
        }
        Resources::None => {
            for entry in read(inv, ctx.files, ctx.crds())? {
                match entry {
                    Entry::Item(item) => {
                        if let Some(kind) = Kind::from_name(&item.doc.kind) {
                            check(kind, item.ns(), &item.doc.name, &item.file);
                        }
                    }
                    Entry::ServerError { object, file, .. } => {
                        if let Some(kind) = Kind::from_name(&object.kind) {
                            let ns = if object.namespace.is_empty() {
                                flags.namespace_or_default().to_string()
                            } else {
                                object.namespace.clone()
                            };
                            check(kind, &ns, &object.name, &file);
                        }
                    }
                    Entry::ReadError(p) => read_errors.push(p),
                }
            }
        }
    }
    missing.extend(read_errors);
    Ok((found, missing))
}
