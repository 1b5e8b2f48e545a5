//! `kubectl version`, `kubectl api-resources` and `kubectl explain`: read-only commands that
//! describe the simulated cluster rather than change it.
//!
//! - `version` prints kubectl v1.34's three lines (kubectl `cmd/version/version.go`: `Client
//!   Version`, `Kustomize Version`, `Server Version`); the patch levels and the bundled
//!   kustomize version are kubestory's choice (*unconfirmed*).
//! - `api-resources` prints kubectl's table (`cmd/apiresources/apiresources.go`: NAME,
//!   SHORTNAMES, APIVERSION, NAMESPACED, KIND) for the simulated kinds only, with a note.
//! - `explain` prints the layout of kubectl's plaintext template (`KIND:`, `VERSION:`,
//!   `FIELD:`, `FIELDS:`) from the schema kubestory validates manifests with, which keeps only
//!   the first sentence of each description; a note says so.

use crate::kubectl::{Invocation, Output, OutputFormat, Resources, TabWriter, strings};
use crate::manifest::schema::{FieldType, Schema, struct_name};
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

/// kubectl explain's type labels (`<string>`, `<[]Container>`, `<map[string]string>`).
fn label(t: &FieldType) -> String {
    match t {
        FieldType::String | FieldType::Time | FieldType::Bytes => "string".into(),
        FieldType::Int32 | FieldType::Int64 => "integer".into(),
        FieldType::Number => "number".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Quantity => "Quantity".into(),
        FieldType::IntOrString => "IntOrString".into(),
        FieldType::Any => "Object".into(),
        FieldType::Object(name) => struct_name(name).to_string(),
        FieldType::Array(inner) => format!("[]{}", label(inner)),
        FieldType::Map(inner) => format!("map[string]{}", label(inner)),
    }
}

/// `kubectl explain RESOURCE[.FIELD…]`.
pub fn explain(inv: &Invocation) -> Output {
    let mut out = Output::new();
    let (Resources::Kinds(kinds), Some(arg)) = (&inv.resources, inv.args.first()) else {
        return out;
    };
    let Some(&kind) = kinds.first() else {
        return out;
    };
    let schema = Schema::get();
    let Some(mut type_name) = schema
        .kinds
        .iter()
        .find(|e| e.kind == kind.name() && e.api_version == kind.api_version())
        .and_then(|e| e.schema.clone())
    else {
        return out;
    };
    let path: Vec<&str> = arg.split('.').skip(1).filter(|s| !s.is_empty()).collect();
    let mut text = format!(
        "GROUP:      {}\nKIND:       {}\nVERSION:    v1\n\n",
        kind.group(),
        kind.name()
    );
    if kind.group().is_empty() {
        text = text.replacen("GROUP:      \n", "", 1);
    }
    for (i, field) in path.iter().enumerate() {
        let Some(t) = schema
            .type_def(&type_name)
            .and_then(|d| d.properties.get(*field))
        else {
            out.err_line(strings::explain_no_field(&path[..=i].join(".")))
                .fail();
            return out;
        };
        let mut inner = t.clone();
        while let FieldType::Array(x) | FieldType::Map(x) = inner {
            inner = *x;
        }
        if i + 1 == path.len() {
            text.push_str(&format!("FIELD: {field} <{}>\n\n", label(t)));
        }
        match inner {
            FieldType::Object(name) => type_name = name,
            _ if i + 1 == path.len() => {
                out.out(text);
                out.err_line(strings::EXPLAIN_NOTE);
                return out;
            }
            _ => {
                out.err_line(strings::explain_no_field(&path[..=i + 1].join(".")))
                    .fail();
                return out;
            }
        }
    }
    text.push_str("FIELDS:\n");
    if let Some(def) = schema.type_def(&type_name) {
        for (name, t) in &def.properties {
            let required = if def.required.contains(name) {
                " -required-"
            } else {
                ""
            };
            text.push_str(&format!("  {name}\t<{}>{required}\n", label(t)));
            if let Some(doc) = def.docs.get(name) {
                text.push_str(&format!("    {doc}\n"));
            }
            text.push('\n');
        }
    }
    out.out(text);
    out.err_line(strings::EXPLAIN_NOTE);
    out
}
