//! `kubectl get nodes` and `kubectl get namespaces` (PR `printNode`, `findNodeRoles`,
//! `getNodeInternalIP`, `getNodeExternalIP`, `printNamespace`).

use super::fmt::age;
use crate::kubectl::table::{Column, Row};
use crate::sim::SimTime;
use crate::sim::objects::{Namespace, Node};

/// The label prefix that names a node role (`node-role.kubernetes.io/control-plane`).
const NODE_ROLE_PREFIX: &str = "node-role.kubernetes.io/";
/// The older role label (`kubernetes.io/role=master`).
const NODE_ROLE_LABEL: &str = "kubernetes.io/role";

/// The node columns; the addresses and system info only with `-o wide`.
pub fn node_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Status"),
        Column::new("Roles"),
        Column::new("Age"),
        Column::new("Version"),
        Column::wide("Internal-IP"),
        Column::wide("External-IP"),
        Column::wide("OS-Image"),
        Column::wide("Kernel-Version"),
        Column::wide("Container-Runtime"),
    ]
}

/// The namespace columns.
pub fn namespace_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Status"),
        Column::new("Age"),
    ]
}

/// `printNode`'s STATUS: `Ready`, `NotReady` (the Ready condition is False or Unknown), or
/// `Unknown` (no Ready condition), then `,SchedulingDisabled` when cordoned.
pub fn node_status(node: &Node) -> String {
    let mut status: Vec<&str> = Vec::new();
    if let Some(c) = node
        .status
        .conditions
        .iter()
        .rev()
        .find(|c| c.type_ == "Ready")
    {
        status.push(if c.status == "True" {
            "Ready"
        } else {
            "NotReady"
        });
    }
    if status.is_empty() {
        status.push("Unknown");
    }
    if node.spec.unschedulable {
        status.push("SchedulingDisabled");
    }
    status.join(",")
}

/// `findNodeRoles`: the sorted, de-duplicated roles from the role labels.
pub fn node_roles(node: &Node) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for (k, v) in &node.metadata.labels {
        if let Some(role) = k.strip_prefix(NODE_ROLE_PREFIX) {
            if !role.is_empty() {
                roles.push(role.to_string());
            }
        } else if k == NODE_ROLE_LABEL && !v.is_empty() {
            roles.push(v.clone());
        }
    }
    roles.sort();
    roles.dedup();
    roles
}

fn address(node: &Node, kind: &str) -> String {
    node.status
        .addresses
        .iter()
        .find(|a| a.type_ == kind)
        .map(|a| a.address.clone())
        .unwrap_or_else(|| "<none>".to_string())
}

/// `printNode`'s cells.
pub fn node_cells(node: &Node, now: SimTime) -> Row {
    let roles = node_roles(node).join(",");
    let info = &node.status.node_info;
    let or_unknown = |s: &str| {
        if s.is_empty() {
            "<unknown>".to_string()
        } else {
            s.to_string()
        }
    };
    Row::new([
        node.metadata.name.clone(),
        node_status(node),
        if roles.is_empty() {
            "<none>".to_string()
        } else {
            roles
        },
        age(&node.metadata, now),
        info.kubelet_version.clone(),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        or_unknown(&info.os_image),
        or_unknown(&info.kernel_version),
        or_unknown(&info.container_runtime_version),
    ])
}

/// The namespace phase: `status.phase` as stored, else `Terminating` while being deleted,
/// else `Active`.
pub fn namespace_phase(ns: &Namespace) -> String {
    if let Some(phase) = ns
        .extra
        .get("status")
        .and_then(|s| s.get("phase"))
        .and_then(|p| p.as_str())
    {
        return phase.to_string();
    }
    if ns.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        "Active".to_string()
    }
}

/// `printNamespace`'s cells.
pub fn namespace_cells(ns: &Namespace, now: SimTime) -> Row {
    Row::new([
        ns.metadata.name.clone(),
        namespace_phase(ns),
        age(&ns.metadata, now),
    ])
}
