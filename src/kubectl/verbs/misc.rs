//! `kubectl version`, `kubectl api-resources` and `kubectl explain`: read-only commands that
//! describe the simulated cluster rather than change it.
//!
//! - `version` prints kubectl v1.34's three lines (kubectl `cmd/version/version.go`: `Client
//!   Version`, `Kustomize Version`, `Server Version`); the patch levels and the bundled
//!   kustomize version are kubestory's choice (*unconfirmed*).
//! - `api-resources` prints kubectl's table (`cmd/apiresources/apiresources.go`: NAME,
//!   SHORTNAMES, APIVERSION, NAMESPACED, KIND) for the simulated kinds only, with a note.
//! - `explain` is in [`super::explain`].

use crate::kubectl::{Invocation, Output, OutputFormat, Resources, TabWriter, strings};
use crate::sim::Kind;
use serde_json::json;

const CLIENT: &str = "v1.34.1";
const KUSTOMIZE: &str = "v5.7.1";
const SERVER: &str = "v1.34.0";

/// `kubectl version`.
pub fn version(inv: &Invocation) -> Output {
    let mut out = Output::new();
    let info = |v: &str| {
        json!({"major": "1", "minor": "34", "gitVersion": v, "gitTreeState": "clean",
               "goVersion": "go1.24.6", "compiler": "gc", "platform": "linux/amd64"})
    };
    match inv.flags.output {
        OutputFormat::Yaml | OutputFormat::Json => {
            let mut v = json!({"clientVersion": info(CLIENT), "kustomizeVersion": KUSTOMIZE});
            if !inv.flags.client_only {
                v["serverVersion"] = info(SERVER);
            }
            out.out(super::output::print_objects(&[v], inv.flags.output));
        }
        _ => {
            out.out(format!(
                "Client Version: {CLIENT}\nKustomize Version: {KUSTOMIZE}\n"
            ));
            if !inv.flags.client_only {
                out.out(format!("Server Version: {SERVER}\n"));
            }
        }
    }
    out.err_line(strings::VERSION_NOTE);
    out
}

/// The kinds in `api-resources` order: core resources by name, then each group's.
const API_ORDER: [Kind; 12] = [
    Kind::ConfigMap,
    Kind::Event,
    Kind::Namespace,
    Kind::Node,
    Kind::PersistentVolumeClaim,
    Kind::PersistentVolume,
    Kind::Pod,
    Kind::Secret,
    Kind::Deployment,
    Kind::ReplicaSet,
    Kind::StatefulSet,
    Kind::StorageClass,
];

/// `kubectl api-resources`.
pub fn api_resources(inv: &Invocation) -> Output {
    let mut out = Output::new();
    if inv.flags.output == OutputFormat::Name {
        for k in API_ORDER {
            out.out(format!("{}\n", k.qualified_plural()));
        }
        out.err_line(strings::API_RESOURCES_NOTE);
        return out;
    }
    let mut w = TabWriter::kubectl_get();
    if !inv.flags.no_headers {
        w.write_str("NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n");
    }
    for k in API_ORDER {
        w.write_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            k.plural(),
            k.short_names().join(","),
            k.api_version(),
            k.namespaced(),
            k.name()
        ));
    }
    out.out(w.finish());
    out.err_line(strings::API_RESOURCES_NOTE);
    out
}

/// `kubectl explain RESOURCE[.FIELD…]` ([`super::explain`]).
pub fn explain(inv: &Invocation) -> Output {
    let (Resources::Kinds(kinds), Some(arg)) = (&inv.resources, inv.args.first()) else {
        return Output::new();
    };
    match kinds.first() {
        Some(&kind) => super::explain::run(inv, kind, arg),
        None => Output::new(),
    }
}
