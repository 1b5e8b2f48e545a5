//! `kubectl get events`: the event table (PR `eventColumnDefinitions`, `printEvent`) and the
//! Event objects the simulator's log stands for (names, namespaces, `-o yaml`).
//!
//! The simulator keeps events without API metadata, so the fields an Event object has on a
//! real cluster are derived here the way client-go's recorder makes them
//! (`tools/record/event.go` `makeEvent`): the name is `<object>.<UnixNano in hex>`, and an
//! event about a cluster-scoped object (PV, Node) lives in the `default` namespace.

use crate::kubectl::table::{Column, Row};
use crate::sim::events::Event;
use crate::sim::{Cluster, SimTime, human_duration};
use serde_json::{Value, json};

/// Unix time of the simulation's epoch (2026-01-01T00:00:00Z), as `sim::clock` defines it.
const EPOCH_UNIX: u64 = 1_767_225_600;

/// The columns of `kubectl get events` (PR `eventColumnDefinitions`).
pub fn columns() -> Vec<Column> {
    vec![
        Column::new("Last Seen"),
        Column::new("Type"),
        Column::new("Reason"),
        Column::new("Object"),
        Column::wide("Subobject"),
        Column::wide("Source"),
        Column::new("Message"),
        Column::wide("First Seen"),
        Column::wide("Count"),
        Column::wide("Name"),
    ]
}

/// `printEvent`'s cells (the wide ones included; the table hides them without `-o wide`).
pub fn cells(e: &Event, cluster: &Cluster) -> Row {
    let now = cluster.now();
    let first = human_duration(now.since(e.first_seen));
    let last = human_duration(now.since(e.last_seen));
    let target = if e.object.name.is_empty() {
        e.object.kind.to_lowercase()
    } else {
        format!("{}/{}", e.object.kind.to_lowercase(), e.object.name)
    };
    let source = match event_host(e, cluster) {
        Some(host) => format!("{}, {host}", e.source),
        None => e.source.clone(),
    };
    Row::new([
        last,
        e.type_.as_str().to_string(),
        e.reason.clone(),
        target,
        String::new(),
        source,
        e.message.trim().to_string(),
        first,
        e.count.to_string(),
        event_name(e),
    ])
}

/// The event's name: `<involved object name>.<first occurrence in UnixNano, hex>`. The
/// sequence number is added to the nanoseconds so that two events of one instant differ.
pub fn event_name(e: &Event) -> String {
    format!(
        "{}.{:x}",
        e.object.name,
        unix_nanos(e.first_seen).saturating_add(e.seq)
    )
}

/// The namespace an event lives in: its object's, or `default` for cluster-scoped objects.
pub fn event_namespace(e: &Event) -> &str {
    e.object
        .namespace
        .as_deref()
        .filter(|ns| !ns.is_empty())
        .unwrap_or("default")
}

fn unix_nanos(t: SimTime) -> u64 {
    (EPOCH_UNIX + t.0).saturating_mul(1_000_000_000)
}

/// `source.host`: the node a kubelet reports from (kubelet events carry it; controllers' do
/// not).
fn event_host(e: &Event, cluster: &Cluster) -> Option<String> {
    if e.source != "kubelet" {
        return None;
    }
    match e.object.kind.as_str() {
        "Node" => Some(e.object.name.clone()),
        "Pod" => cluster
            .pod(event_namespace(e), &e.object.name)
            .and_then(|p| p.spec.node_name.clone()),
        _ => None,
    }
}

/// The core/v1 Event object for `-o yaml` / `-o json`.
pub fn event_value(e: &Event, cluster: &Cluster) -> Value {
    let api_version = match e.object.kind.as_str() {
        "StorageClass" => "storage.k8s.io/v1",
        "Deployment" | "ReplicaSet" | "StatefulSet" => "apps/v1",
        _ => "v1",
    };
    let mut involved = json!({
        "apiVersion": api_version,
        "kind": e.object.kind,
        "name": e.object.name,
        "uid": e.object.uid,
    });
    if let Some(ns) = e.object.namespace.as_deref().filter(|ns| !ns.is_empty()) {
        involved["namespace"] = json!(ns);
    }
    let mut source = json!({ "component": e.source });
    let host = event_host(e, cluster);
    if let Some(h) = &host {
        source["host"] = json!(h);
    }
    json!({
        "apiVersion": "v1",
        "count": e.count,
        "eventTime": null,
        "firstTimestamp": e.first_seen.rfc3339(),
        "involvedObject": involved,
        "kind": "Event",
        "lastTimestamp": e.last_seen.rfc3339(),
        "message": e.message,
        "metadata": {
            "creationTimestamp": e.first_seen.rfc3339(),
            "name": event_name(e),
            "namespace": event_namespace(e),
        },
        "reason": e.reason,
        "reportingComponent": e.source,
        "reportingInstance": host.unwrap_or_default(),
        "source": source,
        "type": e.type_.as_str(),
    })
}
