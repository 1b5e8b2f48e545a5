//! `kubectl describe node` (describe.go `describeNode`, `describeNodeLease`,
//! `printNodeTaintsMultiline`, `describeNodeResource`).
//!
//! Two things a real node always has are not modelled by the simulator and are filled in here:
//! its Lease (the kubelet renews it while the machine is up) and its capacity, which minikube
//! reports as 2 CPUs and the host's memory; kubestory uses fixed minikube-like values so the
//! percentages of the pods table are computed as kubectl computes them.

use super::common::{
    Ctx, EventMatch, go_bool, object_events, rfc1123z, rfc1123z_or_zero, write_events,
};
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::kubectl::get::fmt::age;
use crate::kubectl::get::node_roles;
use crate::sim::objects::*;

/// The capacity (and allocatable) shown for every node, sorted by resource name.
const CAPACITY: [(&str, &str); 6] = [
    ("cpu", "2"),
    ("ephemeral-storage", "61202244Ki"),
    ("hugepages-1Gi", "0"),
    ("hugepages-2Mi", "0"),
    ("memory", "3912200Ki"),
    ("pods", "110"),
];

/// The text of `kubectl describe node NAME`.
pub fn describe_node(ctx: Ctx<'_>, node: &Node) -> String {
    let mut w = DescribeWriter::new();
    let m = &node.metadata;
    let now = ctx.now();
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    let roles = node_roles(node);
    let roles = if roles.is_empty() {
        "<none>".to_string()
    } else {
        roles.join(",")
    };
    w.write(LEVEL_0, &format!("Roles:\t{roles}\n"));
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(
        LEVEL_0,
        &format!(
            "CreationTimestamp:\t{}\n",
            rfc1123z_or_zero(m.creation_timestamp)
        ),
    );
    taints(&mut w, &node.spec.taints);
    w.write(
        LEVEL_0,
        &format!("Unschedulable:\t{}\n", go_bool(node.spec.unschedulable)),
    );
    // The kubelet renews its Lease while the machine runs; it stops when the machine stops.
    let heartbeat = match node.machine {
        MachineState::Up => now,
        MachineState::Down { since, .. } => since,
    };
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, &format!("HolderIdentity:\t{}\n", m.name));
    w.write(LEVEL_1, "AcquireTime:\t<unset>\n");
    w.write(LEVEL_1, &format!("RenewTime:\t{}\n", rfc1123z(heartbeat)));
    if !node.status.conditions.is_empty() {
        w.write(
            LEVEL_0,
            "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            LEVEL_1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in &node.status.conditions {
            w.write(
                LEVEL_1,
                &format!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    rfc1123z(heartbeat),
                    rfc1123z_or_zero(c.last_transition_time),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for a in &node.status.addresses {
        w.write(LEVEL_1, &format!("{}:\t{}\n", a.type_, a.address));
    }
    for title in ["Capacity", "Allocatable"] {
        w.write(LEVEL_0, &format!("{title}:\n"));
        for (name, value) in CAPACITY {
            w.write(LEVEL_0, &format!("  {name}:\t{value}\n"));
        }
    }
    let info = &node.status.node_info;
    let label = |k: &str| m.labels.get(k).cloned().unwrap_or_default();
    w.write(LEVEL_0, "System Info:\n");
    for (k, v) in [
        ("Machine ID", String::new()),
        ("System UUID", String::new()),
        ("Boot ID", String::new()),
        ("Kernel Version", info.kernel_version.clone()),
        ("OS Image", info.os_image.clone()),
        ("Operating System", label("kubernetes.io/os")),
        ("Architecture", label("kubernetes.io/arch")),
        (
            "Container Runtime Version",
            info.container_runtime_version.clone(),
        ),
        ("Kubelet Version", info.kubelet_version.clone()),
        ("Kube-Proxy Version", String::new()),
    ] {
        w.write(LEVEL_0, &format!("  {k}:\t{v}\n"));
    }
    node_pods(ctx, &mut w, node);
    let events = object_events(ctx.cluster, "Node", m, EventMatch::Node);
    write_events(&mut w, &events, ctx.show_events, now);
    w.finish()
}

/// `printNodeTaintsMultiline`: sorted by `effect,key`; `key=value:Effect` or `key:Effect`.
fn taints(w: &mut DescribeWriter, taints: &[Taint]) {
    w.write(LEVEL_0, "Taints:\t");
    if taints.is_empty() {
        w.write_line("<none>");
        return;
    }
    let mut sorted: Vec<&Taint> = taints.iter().collect();
    sorted.sort_by_key(|t| format!("{},{}", t.effect, t.key));
    for (i, t) in sorted.iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_0, "\t");
        }
        let text = match t.value.as_deref().filter(|v| !v.is_empty()) {
            Some(v) => format!("{}={v}:{}", t.key, t.effect),
            None => format!("{}:{}", t.key, t.effect),
        };
        w.write(LEVEL_0, &format!("{text}\n"));
    }
}

/// `describeNodeResource`: the node's pods that are not finished, and the totals. The
/// simulated pods declare no requests or limits that kubestory accounts for, so every amount
/// is `0 (0%)`.
fn node_pods(ctx: Ctx<'_>, w: &mut DescribeWriter, node: &Node) {
    // The learner's pods and the profile's kube-system pods, in the API's list order.
    let pods: Vec<&Pod> = ctx
        .cluster
        .listed_pods()
        .into_iter()
        .filter(|p| p.spec.node_name.as_deref() == Some(node.metadata.name.as_str()))
        .filter(|p| !matches!(p.status.phase, PodPhase::Succeeded | PodPhase::Failed))
        .collect();
    w.write(
        LEVEL_0,
        &format!("Non-terminated Pods:\t({} in total)\n", pods.len()),
    );
    w.write(
        LEVEL_1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n",
    );
    w.write(
        LEVEL_1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n",
    );
    for p in &pods {
        w.write(
            LEVEL_1,
            &format!(
                "{}\t{}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t{}\n",
                p.metadata.namespace_or_default(),
                p.metadata.name,
                age(&p.metadata, ctx.now())
            ),
        );
    }
    w.write(
        LEVEL_0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
    );
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    for r in [
        "cpu",
        "memory",
        "ephemeral-storage",
        "hugepages-1Gi",
        "hugepages-2Mi",
    ] {
        w.write(LEVEL_1, &format!("{r}\t0 (0%)\t0 (0%)\n"));
    }
}
