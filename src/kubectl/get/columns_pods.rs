//! `kubectl get pods` (PR `podColumnDefinitions`, `printPod`): STATUS, READY and RESTARTS come
//! from [`crate::kubectl::status`], the port of `printPod`'s loops.

use super::fmt::age;
use crate::kubectl::status::{pod_ready, pod_restarts, pod_status};
use crate::kubectl::table::{Column, Row};
use crate::sim::SimTime;
use crate::sim::objects::Pod;

/// The pod columns; IP, NODE, NOMINATED NODE and READINESS GATES only with `-o wide`.
pub fn columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Ready"),
        Column::new("Status"),
        Column::new("Restarts"),
        Column::new("Age"),
        Column::wide("IP"),
        Column::wide("Node"),
        Column::wide("Nominated Node"),
        Column::wide("Readiness Gates"),
    ]
}

/// `printPod`'s cells.
pub fn cells(pod: &Pod, now: SimTime) -> Row {
    let or_none = |s: Option<&str>| s.filter(|s| !s.is_empty()).unwrap_or("<none>").to_string();
    Row::new([
        pod.metadata.name.clone(),
        pod_ready(pod),
        pod_status(pod),
        pod_restarts(pod, now),
        age(&pod.metadata, now),
        or_none(pod.status.pod_ip.as_deref()),
        or_none(pod.spec.node_name.as_deref()),
        "<none>".to_string(),
        readiness_gates(pod),
    ])
}

/// `<true gates>/<gates>` or `<none>`.
fn readiness_gates(pod: &Pod) -> String {
    let gates: Vec<&str> = pod
        .spec
        .extra
        .get("readinessGates")
        .and_then(|g| g.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|g| g.get("conditionType").and_then(|t| t.as_str()))
                .collect()
        })
        .unwrap_or_default();
    if gates.is_empty() {
        return "<none>".to_string();
    }
    let true_count = gates
        .iter()
        .filter(|g| {
            pod.status
                .conditions
                .iter()
                .find(|c| c.type_ == **g)
                .is_some_and(|c| c.status == "True")
        })
        .count();
    format!("{true_count}/{}", gates.len())
}
