//! Small printers: `-o name` lines, the `List` wrapper of `-o yaml`/`-o json`, and the
//! operation suffixes of dry runs.
//!
//! Sources: cli-runtime `printers/name.go` (`NamePrinter`, `printObj`), kubectl
//! `cmd/get/get.go` (`printGeneric`: several objects, or a list request, are wrapped in a
//! `List` whose metadata is `resourceVersion: ""`; a single named object prints alone) and
//! `cmd/util/helpers.go` (`PrintFlagsWithDryRunStrategy`).

use super::args::{DryRun, OutputFormat, Resources};
use crate::sim::Kind;
use serde_json::{Value, json};

/// `NamePrinter`: `kind[.group]/name`, plus ` operation` unless `-o name` was asked
/// (`persistentvolumeclaim/data created`, `deployment.apps/web`), with a newline.
pub fn name_line(kind: Kind, name: &str, operation: Option<&str>) -> String {
    match operation {
        Some(op) if !op.is_empty() => format!("{}/{name} {op}\n", kind.qualified()),
        _ => format!("{}/{name}\n", kind.qualified()),
    }
}

/// The operation word with kubectl's dry-run suffix (`created (dry run)`,
/// `configured (server dry run)`).
pub fn operation(op: &str, dry_run: DryRun) -> String {
    match dry_run {
        DryRun::None => op.to_string(),
        DryRun::Client => format!("{op} (dry run)"),
        DryRun::Server => format!("{op} (server dry run)"),
    }
}

/// The line `apply`, `create`, `scale`, `patch`, `cordon`… print for an object: the name
/// printer's `kind/name operation`, or just `kind/name` with `-o name`. `None` means the verb
/// must print the object itself (`-o yaml` / `-o json`).
pub fn success_line(
    kind: Kind,
    name: &str,
    op: &str,
    dry_run: DryRun,
    output: OutputFormat,
) -> Option<String> {
    match output {
        OutputFormat::Name => Some(name_line(kind, name, None)),
        OutputFormat::Default | OutputFormat::Wide => {
            Some(name_line(kind, name, Some(&operation(op, dry_run))))
        }
        // `-o yaml|json` print the object; template formats are `kubectl get`'s only.
        _ => None,
    }
}

/// The `List` kubectl prints for a list request or several objects with `-o yaml`/`-o json`.
pub fn list_value(items: Vec<Value>) -> Value {
    json!({
        "apiVersion": "v1",
        "items": items,
        "kind": "List",
        "metadata": { "resourceVersion": "" },
    })
}

/// Whether `kubectl get -o yaml|json` prints the object alone rather than a `List`: exactly
/// one `TYPE NAME` or `TYPE/NAME` (the builder's `singleItemImplied`). A lone `-f FILE`
/// holding one object is also single; the verb decides that case.
pub fn single_item_implied(resources: &Resources) -> bool {
    matches!(resources, Resources::Named(targets) if targets.len() == 1)
}

/// What `kubectl get -o yaml|json` prints for the objects found (see [`single_item_implied`]).
pub fn get_output_value(resources: &Resources, mut objects: Vec<Value>) -> Value {
    if single_item_implied(resources) && objects.len() == 1 {
        return objects.remove(0);
    }
    list_value(objects)
}

/// The line `kubectl delete` prints for each object (kubectl `cmd/delete/delete.go`
/// `PrintObj`): `kind[.group] "name" deleted`, `force deleted` when the grace period is 0,
/// ` (dry run)` / ` (server dry run)`, and since v1.34 (PR #126619, per
/// k8s-storage-semantics.md §7.3) ` from <ns> namespace` for namespaced objects; just
/// `kind[.group]/name` with `-o name`. The placement of the namespace suffix after a dry-run
/// suffix is unconfirmed.
pub fn delete_line(
    kind: Kind,
    name: &str,
    namespace: Option<&str>,
    flags: &super::args::Flags,
) -> String {
    if flags.output == OutputFormat::Name {
        return name_line(kind, name, None);
    }
    let op = operation(
        if flags.grace_period == 0 {
            "force deleted"
        } else {
            "deleted"
        },
        flags.dry_run,
    );
    match namespace.filter(|_| kind.namespaced()) {
        Some(ns) => format!("{} \"{name}\" {op} from {ns} namespace\n", kind.qualified()),
        None => format!("{} \"{name}\" {op}\n", kind.qualified()),
    }
}

/// What `kubectl get` writes to stderr when nothing matched (kubectl `cmd/get/get.go` `Run`):
/// `No resources found in <ns> namespace.` when every requested kind is namespaced and `-A`
/// was not given, else `No resources found`.
pub fn no_resources_found(namespace: Option<&str>) -> String {
    match namespace {
        Some(ns) => format!("No resources found in {ns} namespace.\n"),
        None => "No resources found\n".to_string(),
    }
}
