//! `kubectl describe configmap`, `secret` and `namespace` (describe.go `ConfigMapDescriber`,
//! `describeSecret`, `describeNamespace`).

use super::common::{Ctx, EventMatch, object_events, write_events};
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0};
use crate::kubectl::get::namespace_phase;
use crate::sim::objects::*;
use serde_json::Value;

/// The text of `kubectl describe configmap NAME`. Keys are sorted (Go ranges over a map, in
/// an order that varies from run to run).
pub fn describe_config_map(ctx: Ctx<'_>, cm: &ConfigMap) -> String {
    let mut w = DescribeWriter::new();
    let m = &cm.metadata;
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", m.namespace_or_default()),
    );
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(LEVEL_0, "\nData\n====\n");
    for (k, v) in &cm.data {
        w.write(LEVEL_0, &format!("{k}:\n----\n"));
        w.write(LEVEL_0, &format!("{v}\n"));
        w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    if let Some(bin) = cm.extra.get("binaryData").and_then(Value::as_object) {
        for (k, v) in bin {
            let len = base64_len(v.as_str().unwrap_or(""));
            w.write(LEVEL_0, &format!("{k}: {len} bytes\n"));
        }
    }
    w.write(LEVEL_0, "\n");
    let events = object_events(ctx.cluster, "ConfigMap", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// The decoded length of a base64 string (the bytes kubectl counts).
fn base64_len(text: &str) -> usize {
    let t = text.trim();
    let pad = t.chars().rev().take_while(|c| *c == '=').count();
    (t.len() / 4 * 3).saturating_sub(pad)
        + match t.len() % 4 {
            2 => 1,
            3 => 2,
            _ => 0,
        }
}

/// The text of `kubectl describe secret NAME`: sizes, never values.
pub fn describe_secret(s: &Secret) -> String {
    let mut w = DescribeWriter::new();
    let m = &s.metadata;
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", m.namespace_or_default()),
    );
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    let kind = s
        .type_
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Opaque".to_string());
    w.write(LEVEL_0, &format!("\nType:\t{kind}\n"));
    w.write(LEVEL_0, "\nData\n====\n");
    let mut sizes: std::collections::BTreeMap<String, usize> = s
        .data
        .iter()
        .map(|(k, v)| (k.clone(), base64_len(v)))
        .collect();
    if let Some(plain) = s.extra.get("stringData").and_then(Value::as_object) {
        for (k, v) in plain {
            sizes.insert(k.clone(), v.as_str().unwrap_or("").len());
        }
    }
    for (k, len) in sizes {
        w.write(LEVEL_0, &format!("{k}:\t{len} bytes\n"));
    }
    w.finish()
}

/// The text of `kubectl describe namespace NAME` (no quotas or limit ranges exist).
pub fn describe_namespace(ns: &Namespace) -> String {
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, &format!("Name:\t{}\n", ns.metadata.name));
    w.labels("Labels", &ns.metadata.labels);
    w.annotations("Annotations", &ns.metadata.annotations);
    w.write(LEVEL_0, &format!("Status:\t{}\n", namespace_phase(ns)));
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No resource quota.\n");
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No LimitRange resource.\n");
    w.finish()
}
