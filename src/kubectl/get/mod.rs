//! `kubectl get`: tables, `-o wide`, `-o yaml|json|name`, several types, named objects and
//! kubectl's messages for what is missing.
//!
//! Follows kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/get/get.go` (`Run`,
//! `printGeneric`, `multipleGVKsRequested`) with the cells of
//! `pkg/printers/internalversion/printers.go`. What kubectl does, and so what happens here:
//! - every requested type is one result (a server-side Table), even when empty, so
//!   `kubectl get all` prefixes names with `kind/` as soon as two types were asked for;
//! - consecutive results of one type share a header and column widths; a new type starts a
//!   new table after a blank line;
//! - objects that are missing (`get pvc a b`) are reported after the tables, one
//!   `Error from server (NotFound): …` line each, and the command fails;
//! - nothing printed and no error: `No resources found in <ns> namespace.` (or
//!   `No resources found` when a type is cluster-scoped or with `-A`) on stderr, success.

mod columns_config;
mod columns_nodes;
mod columns_pods;
mod columns_storage;
mod columns_workloads;
pub mod events;
pub mod fmt;
mod found;
mod services;
pub mod sort;
mod structured;
pub mod templates;

pub use columns_nodes::{namespace_phase, node_roles, node_status};
pub use columns_storage::storage_string;
pub use found::{Found, ListKind, Scope, list, lookup};

use super::args::{Invocation, OutputFormat, Resources};
use super::error::KubectlError;
use super::file_source::FileSource;
use super::output::Output;
use super::printers::no_resources_found;
use super::resources::resolve;
use super::table::{Column, Row, Table, TableOptions, TablePrinter};
use crate::sim::{Cluster, Kind};

/// One thing a `get` line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Every object of a type in scope (`get pvc`).
    List(ListKind),
    /// One object (`get pvc data`, `get pvc/data`).
    Named(ListKind, String),
}

/// The result of one request: its type and the objects found.
struct Info<'a> {
    kind: ListKind,
    objects: Vec<Found<'a>>,
}

/// Runs `kubectl get` against the cluster and returns what kubectl prints (no files: a
/// `-o jsonpath-file` or `custom-columns-file` path is not found).
pub fn run_get(inv: &Invocation, cluster: &Cluster) -> Output {
    run_get_with_files(inv, cluster, None)
}

/// [`run_get`], reading `-o jsonpath-file=PATH` and `-o custom-columns-file=PATH` from `files`.
pub fn run_get_with_files(
    inv: &Invocation,
    cluster: &Cluster,
    files: Option<&dyn FileSource>,
) -> Output {
    let requests = match requests(inv) {
        Ok(r) => r,
        Err(e) => return e.to_output(),
    };
    let flags = &inv.flags;
    let ns = flags.namespace_or_default();
    let scope = Scope {
        namespace: (!flags.all_namespaces).then_some(ns),
        selector: &flags.selector,
    };
    let mut infos: Vec<Info<'_>> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    for request in requests {
        match request {
            Request::List(kind) => {
                let mut objects = list(cluster, kind, scope);
                if let Some(fs) = &flags.field_selector {
                    let label = flags.selector_text.as_deref().unwrap_or("");
                    if let Some(e) = super::field_selector::list_error(kind, label, fs) {
                        errors.push(e);
                        continue;
                    }
                    objects.retain(|f| super::field_selector::admits(f, cluster, fs));
                }
                infos.push(Info { kind, objects });
            }
            Request::Named(kind, name) => match lookup(cluster, kind, ns, &name) {
                Some(found) => infos.push(Info {
                    kind,
                    objects: vec![found],
                }),
                None if flags.ignore_not_found => {}
                None => errors.push(not_found(kind, &name)),
            },
        }
    }
    match flags.output {
        OutputFormat::Default | OutputFormat::Wide => {
            // `Run`: each table is sorted on its own before anything is printed.
            if let Some(sort_by) = &flags.sort_by {
                for info in &mut infos {
                    let values: Vec<_> = info.objects.iter().map(|f| f.value(cluster)).collect();
                    match sort::order(sort_by, &values, sort::Sorter::Table) {
                        Ok(order) => {
                            info.objects = reorder(std::mem::take(&mut info.objects), &order)
                        }
                        Err(e) => return e.to_output(),
                    }
                }
            }
            human(inv, cluster, &infos, &errors)
        }
        _ => structured::print(
            inv,
            cluster,
            infos.iter().flat_map(|i| &i.objects),
            &errors,
            files,
        ),
    }
}

/// `items` in the order of `order` (indices into `items`).
pub(crate) fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|i| slots.get_mut(*i).and_then(Option::take))
        .collect()
}

/// The API server's NotFound, as kubectl prints it.
pub fn not_found(kind: ListKind, name: &str) -> String {
    format!(
        "Error from server (NotFound): {} {} not found",
        kind.qualified_plural(),
        super::goparse::quote(name)
    )
}

/// The requests of a `get` line, in the order typed. `all` is kubectl's category: pods,
/// services, deployments, replicasets, statefulsets (the simulated members, in discovery
/// order).
pub fn requests(inv: &Invocation) -> Result<Vec<Request>, KubectlError> {
    match &inv.resources {
        Resources::None => Err(KubectlError::NotSimulated(
            "`-f` is not supported by `kubectl get` here; name the resource instead, for \
             example `kubectl get pvc`"
                .to_string(),
        )),
        Resources::Named(targets) => Ok(targets
            .iter()
            .map(|t| Request::Named(ListKind::Sim(t.kind), t.name.clone()))
            .collect()),
        Resources::Kinds(kinds) => {
            let mut out: Vec<ListKind> = Vec::new();
            match inv.args.first().filter(|_| inv.args.len() == 1) {
                Some(arg) if arg.split(',').any(|t| t == "all") => {
                    for part in arg.split(',') {
                        if part == "all" {
                            out.extend([
                                ListKind::Sim(Kind::Pod),
                                ListKind::Service,
                                ListKind::Sim(Kind::Deployment),
                                ListKind::Sim(Kind::ReplicaSet),
                                ListKind::Sim(Kind::StatefulSet),
                            ]);
                        } else if let Ok(kind) = resolve(part) {
                            out.push(ListKind::Sim(kind));
                        }
                    }
                }
                _ => out.extend(kinds.iter().map(|k| ListKind::Sim(*k))),
            }
            let mut unique: Vec<ListKind> = Vec::new();
            for k in out {
                if !unique.contains(&k) {
                    unique.push(k);
                }
            }
            Ok(unique.into_iter().map(Request::List).collect())
        }
    }
}

/// The columns of a type's table.
pub fn columns(kind: ListKind) -> Vec<Column> {
    match kind {
        ListKind::Service => services::columns(),
        ListKind::Sim(k) => match k {
            Kind::Pod => columns_pods::columns(),
            Kind::PersistentVolumeClaim => columns_storage::claim_columns(),
            Kind::PersistentVolume => columns_storage::volume_columns(),
            Kind::StorageClass => columns_storage::class_columns(),
            Kind::Deployment => columns_workloads::deployment_columns(),
            Kind::ReplicaSet => columns_workloads::replica_set_columns(),
            Kind::StatefulSet => columns_workloads::stateful_set_columns(),
            Kind::ConfigMap => columns_config::config_map_columns(),
            Kind::Secret => columns_config::secret_columns(),
            Kind::Namespace => columns_nodes::namespace_columns(),
            Kind::Node => columns_nodes::node_columns(),
            Kind::Event => events::columns(),
        },
    }
}

/// One object's row, with the namespace and labels the decorations need.
pub fn row(found: &Found<'_>, cluster: &Cluster) -> Row {
    let now = cluster.now();
    let mut row = match found {
        Found::Pod(o) => columns_pods::cells(o, now),
        Found::Claim(o) => columns_storage::claim_cells(o, now),
        Found::Volume(o) => columns_storage::volume_cells(o, now),
        Found::Class(o) => columns_storage::class_cells(o, now),
        Found::Deployment(o) => columns_workloads::deployment_cells(o, now),
        Found::ReplicaSet(o) => columns_workloads::replica_set_cells(o, now),
        Found::StatefulSet(o) => columns_workloads::stateful_set_cells(o, now),
        Found::ConfigMap(o) => columns_config::config_map_cells(o, now),
        Found::Secret(o) => columns_config::secret_cells(o, now),
        Found::Namespace(o) => columns_nodes::namespace_cells(o, now),
        Found::Node(o) => columns_nodes::node_cells(o, now),
        Found::Event(e) => events::cells(e, cluster),
        Found::Service(s) => services::cells(s, now),
    };
    row.namespace = found.namespace();
    row.labels = found.labels();
    row
}

/// The human-readable printer (`Run` with a table printer).
fn human(inv: &Invocation, cluster: &Cluster, infos: &[Info<'_>], errors: &[String]) -> Output {
    let flags = &inv.flags;
    let with_kind = flags.show_kind || infos.iter().any(|i| i.kind != infos[0].kind);
    let mut printer = TablePrinter::new(flags.no_headers);
    let mut i = 0;
    while i < infos.len() {
        let kind = infos[i].kind;
        let mut rows = Vec::new();
        while i < infos.len() && infos[i].kind == kind {
            rows.extend(infos[i].objects.iter().map(|f| row(f, cluster)));
            i += 1;
        }
        let name_column = if kind == ListKind::Sim(Kind::Event) {
            9
        } else {
            0
        };
        let table = Table {
            columns: columns(kind),
            rows,
            name_column: Some(name_column),
        };
        let opts = TableOptions {
            no_headers: flags.no_headers,
            wide: flags.output == OutputFormat::Wide,
            with_namespace: flags.all_namespaces && kind.namespaced(),
            show_labels: flags.show_labels,
            label_columns: flags.label_columns.clone(),
            kind_prefix: with_kind.then(|| kind.qualified()),
        };
        printer.print(&table, &opts);
    }
    let printed = printer.printed_anything();
    let mut out = Output::new();
    out.out(printer.finish());
    if !printed && errors.is_empty() && !flags.ignore_not_found {
        let all_namespaced = !flags.all_namespaces && infos.iter().all(|i| i.kind.namespaced());
        let ns = flags.namespace_or_default();
        out.err(no_resources_found(all_namespaced.then_some(ns)));
    }
    report_errors(&mut out, errors);
    out
}

/// Writes the API errors after everything else, one line each, and fails.
fn report_errors(out: &mut Output, errors: &[String]) {
    for e in errors {
        out.err_line(e);
    }
    if !errors.is_empty() {
        out.fail();
    }
}

#[cfg(test)]
mod tests;
