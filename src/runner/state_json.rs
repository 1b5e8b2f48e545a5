//! The `--json` final state: a stable, documented shape that tests and lesson tools read.

use crate::sim::Cluster;
use crate::sim::pv_controller::classes::{claim_class, volume_class};
use serde_json::{Value, json};

/// The final state as one JSON document (see README, "kubestory sim").
pub fn state_json(c: &Cluster) -> Value {
    let nodes: Vec<Value> = c
        .nodes()
        .map(|n| {
            json!({
                "name": n.metadata.name,
                "ready": n.is_ready(),
                "controlPlane": c.config().control_plane.as_deref() == Some(n.metadata.name.as_str()),
                "zone": n.metadata.labels.get(crate::sim::profile::ZONE_LABEL),
            })
        })
        .collect();
    let pods: Vec<Value> = c
        .pods()
        .map(|p| {
            let stories: Vec<String> = p
                .spec
                .containers
                .first()
                .filter(|c0| {
                    p.metadata.deletion_timestamp.is_none()
                        && p.status.container_statuses.iter().any(|s| s.name == c0.name && s.state.running.is_some())
                })
                .and_then(|c0| c.visible_stories(p, c0).ok())
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.text)
                .collect();
            json!({
                "name": p.metadata.name,
                "namespace": p.metadata.namespace_or_default(),
                "node": p.spec.node_name,
                "phase": p.status.phase.as_str(),
                "status": crate::kubectl::status::pod_status(p),
                "restarts": p.status.container_statuses.iter().map(|s| s.restart_count).sum::<u32>(),
                "stories": stories,
            })
        })
        .collect();
    let pvcs: Vec<Value> = c
        .claims()
        .map(|pvc| {
            let class = claim_class(pvc);
            json!({
                "name": pvc.metadata.name,
                "namespace": pvc.metadata.namespace_or_default(),
                "phase": pvc.status.phase.map(|p| p.as_str()).unwrap_or("Pending"),
                "status": if pvc.metadata.deletion_timestamp.is_some() { "Terminating" } else { pvc.status.phase.map(|p| p.as_str()).unwrap_or("Pending") },
                "volume": pvc.spec.volume_name(),
                "storageClass": if class.is_empty() { None } else { Some(class) },
                "capacity": pvc.spec.volume_name().and(pvc.status.capacity.get("storage")).map(|q| q.to_string()),
            })
        })
        .collect();
    let pvs: Vec<Value> = c
        .volumes()
        .map(|pv| {
            let phase = pv.status.phase.map(|p| p.as_str()).unwrap_or("Pending");
            let class = volume_class(pv);
            json!({
                "name": pv.metadata.name,
                "phase": phase,
                "status": if pv.metadata.deletion_timestamp.is_some() { "Terminating" } else { phase },
                "claim": pv.spec.claim_ref.as_ref().map(|r| format!("{}/{}", r.ns(), r.name_str())),
                "reclaimPolicy": pv.spec.reclaim_policy().as_str(),
                "capacity": pv.spec.storage().map(|q| q.to_string()),
                "storageClass": if class.is_empty() { None } else { Some(class) },
            })
        })
        .collect();
    let default = c.default_storage_class().map(|s| s.metadata.name.clone());
    let classes: Vec<Value> = c
        .storage_classes()
        .map(|sc| json!({"name": sc.metadata.name, "default": Some(&sc.metadata.name) == default.as_ref()}))
        .collect();
    let events: Vec<Value> = c
        .events()
        .map(|e| {
            json!({
                "object": format!("{}/{}", e.object.kind, e.object.name),
                "type": e.type_.as_str(),
                "reason": e.reason,
                "message": e.message,
            })
        })
        .collect();
    json!({
        "time": c.now().rfc3339(),
        "profile": c.profile().name(),
        "nodes": nodes,
        "pods": pods,
        "pvcs": pvcs,
        "pvs": pvs,
        "storageClasses": classes,
        "events": events,
    })
}
