//! What the workload describers share: the pod template (describe.go `DescribePodTemplate`)
//! and the pods of a controller by phase (`getPodStatusForController`).

use super::common::Ctx;
use super::containers::describe_containers;
use super::pod::tolerations;
use super::volumes::describe_volumes;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::sim::objects::*;
use serde_json::Value;

/// `getPodStatusForController`: pods controlled by `uid` matching the selector, by phase.
pub fn pods_status(ctx: Ctx<'_>, ns: &str, selector: &LabelSelector, uid: &str) -> String {
    let (mut running, mut waiting, mut succeeded, mut failed) = (0, 0, 0, 0);
    for p in ctx.cluster.pods() {
        if p.metadata.namespace_or_default() != ns
            || !selector.matches(&p.metadata.labels)
            || p.metadata.controller().is_none_or(|o| o.uid != uid)
        {
            continue;
        }
        match p.status.phase {
            PodPhase::Running => running += 1,
            PodPhase::Pending => waiting += 1,
            PodPhase::Succeeded => succeeded += 1,
            PodPhase::Failed => failed += 1,
            PodPhase::Unknown => {}
        }
    }
    format!("{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed")
}

/// `DescribePodTemplate`.
pub fn pod_template(w: &mut DescribeWriter, t: &PodTemplateSpec) {
    w.write(LEVEL_0, "Pod Template:\n");
    w.labels("  Labels", &t.metadata.labels);
    if !t.metadata.annotations.is_empty() {
        w.annotations("  Annotations", &t.metadata.annotations);
    }
    if let Some(sa) = t
        .spec
        .extra
        .get("serviceAccountName")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        w.write(LEVEL_1, &format!("Service Account:\t{sa}\n"));
    }
    if !t.spec.init_containers.is_empty() {
        describe_containers(
            w,
            "Init Containers",
            &t.spec.init_containers,
            &[],
            None,
            "  ",
        );
    }
    describe_containers(w, "Containers", &t.spec.containers, &[], None, "  ");
    describe_volumes(w, &t.spec.volumes, "  ");
    if let Some(pc) = t
        .spec
        .extra
        .get("priorityClassName")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        w.write(LEVEL_1, &format!("Priority Class Name:\t{pc}\n"));
    }
    w.labels("  Node-Selectors", &t.spec.node_selector);
    tolerations(w, "  ", t.spec.extra.get("tolerations"));
}
