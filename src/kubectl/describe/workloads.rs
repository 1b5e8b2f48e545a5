//! `kubectl describe deployment`, `replicaset` and `statefulset` (describe.go
//! `describeDeployment`, `printReplicaSetsByLabels`, `describeReplicaSet`,
//! `describeStatefulSet`, `describeVolumeClaimTemplates`; the pod template is in
//! [`super::template`]).

use super::common::{Ctx, EventMatch, object_events, rfc1123z_or_zero, write_events};
use super::template::{pod_template, pods_status};
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::kubectl::get::fmt::{format_label_selector, selector_string};
use crate::sim::names::pod_template_hash;
use crate::sim::objects::*;
use crate::sim::pv_controller::classes::claim_class;
use serde_json::Value;

/// The text of `kubectl describe deployment NAME`.
pub fn describe_deployment(ctx: Ctx<'_>, d: &Deployment) -> String {
    let mut w = DescribeWriter::new();
    let m = &d.metadata;
    let ns = m.namespace_or_default();
    let desired = d.spec.replicas.unwrap_or(1);
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(LEVEL_0, &format!("Namespace:\t{ns}\n"));
    w.write(
        LEVEL_0,
        &format!(
            "CreationTimestamp:\t{}\n",
            rfc1123z_or_zero(m.creation_timestamp)
        ),
    );
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(
        LEVEL_0,
        &format!(
            "Selector:\t{}\n",
            selector_string(&d.spec.selector).unwrap_or_default()
        ),
    );
    let owned: Vec<&ReplicaSet> = ctx
        .cluster
        .replica_sets()
        .filter(|rs| rs.metadata.namespace_or_default() == ns)
        .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == m.uid))
        .collect();
    let total: i32 = owned.iter().map(|rs| rs.spec.replicas.unwrap_or(1)).sum();
    let unavailable = (total - d.status.available_replicas).max(0);
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{desired} desired | {} updated | {} total | {} available | {unavailable} unavailable\n",
            d.status.updated_replicas, d.status.replicas, d.status.available_replicas
        ),
    );
    let strategy = d.spec.strategy.as_ref();
    let kind = strategy
        .and_then(|s| s.type_.as_deref())
        .unwrap_or("RollingUpdate");
    w.write(LEVEL_0, &format!("StrategyType:\t{kind}\n"));
    let min_ready = d
        .spec
        .extra
        .get("minReadySeconds")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    w.write(LEVEL_0, &format!("MinReadySeconds:\t{min_ready}\n"));
    if kind == "RollingUpdate" {
        let ru = strategy
            .and_then(|s| s.extra.get("rollingUpdate"))
            .cloned()
            .unwrap_or(Value::Null);
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => "25%".to_string(),
        };
        w.write(
            LEVEL_0,
            &format!(
                "RollingUpdateStrategy:\t{} max unavailable, {} max surge\n",
                text(&ru["maxUnavailable"]),
                text(&ru["maxSurge"])
            ),
        );
    }
    pod_template(&mut w, &d.spec.template);
    let hash = pod_template_hash(
        &serde_json::to_string(&d.spec.template).unwrap_or_default(),
        0,
    );
    let new_name = format!("{}-{hash}", m.name);
    let created = |rs: &&ReplicaSet| {
        format!(
            "{} ({}/{} replicas created)",
            rs.metadata.name,
            rs.status.replicas,
            rs.spec.replicas.unwrap_or(1)
        )
    };
    let list = |sets: Vec<String>| {
        if sets.is_empty() {
            "<none>".to_string()
        } else {
            sets.join(", ")
        }
    };
    if !owned.is_empty() {
        let old: Vec<String> = owned
            .iter()
            .filter(|rs| rs.metadata.name != new_name)
            .map(created)
            .collect();
        let new: Vec<String> = owned
            .iter()
            .filter(|rs| rs.metadata.name == new_name)
            .map(created)
            .collect();
        w.write(LEVEL_0, &format!("OldReplicaSets:\t{}\n", list(old)));
        w.write(LEVEL_0, &format!("NewReplicaSet:\t{}\n", list(new)));
    }
    let events = object_events(ctx.cluster, "Deployment", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// The text of `kubectl describe replicaset NAME`.
pub fn describe_replica_set(ctx: Ctx<'_>, rs: &ReplicaSet) -> String {
    let mut w = DescribeWriter::new();
    let m = &rs.metadata;
    let ns = m.namespace_or_default();
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(LEVEL_0, &format!("Namespace:\t{ns}\n"));
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", format_label_selector(&rs.spec.selector)),
    );
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    if let Some(o) = m.controller() {
        w.write(LEVEL_0, &format!("Controlled By:\t{}/{}\n", o.kind, o.name));
    }
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} current / {} desired\n",
            rs.status.replicas,
            rs.spec.replicas.unwrap_or(1)
        ),
    );
    let status = pods_status(ctx, ns, &rs.spec.selector, &m.uid);
    w.write(LEVEL_0, &format!("Pods Status:\t{status}\n"));
    pod_template(&mut w, &rs.spec.template);
    let events = object_events(ctx.cluster, "ReplicaSet", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// The text of `kubectl describe statefulset NAME`.
pub fn describe_stateful_set(ctx: Ctx<'_>, s: &StatefulSet) -> String {
    let mut w = DescribeWriter::new();
    let m = &s.metadata;
    let ns = m.namespace_or_default();
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(LEVEL_0, &format!("Namespace:\t{ns}\n"));
    w.write(
        LEVEL_0,
        &format!(
            "CreationTimestamp:\t{}\n",
            rfc1123z_or_zero(m.creation_timestamp)
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Selector:\t{}\n",
            selector_string(&s.spec.selector).unwrap_or_default()
        ),
    );
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} desired | {} total\n",
            s.spec.replicas.unwrap_or(1),
            s.status.replicas
        ),
    );
    // SetDefaults_StatefulSet: RollingUpdate with partition 0.
    let strategy = s
        .spec
        .extra
        .get("updateStrategy")
        .cloned()
        .unwrap_or(Value::Null);
    let kind = strategy["type"].as_str().unwrap_or("RollingUpdate");
    w.write(LEVEL_0, &format!("Update Strategy:\t{kind}\n"));
    if kind == "RollingUpdate" {
        let ru = &strategy["rollingUpdate"];
        w.write(
            LEVEL_1,
            &format!("Partition:\t{}\n", ru["partition"].as_i64().unwrap_or(0)),
        );
        match &ru["maxUnavailable"] {
            Value::String(v) => w.write(LEVEL_1, &format!("MaxUnavailable:\t{v}\n")),
            Value::Number(v) => w.write(LEVEL_1, &format!("MaxUnavailable:\t{v}\n")),
            _ => {}
        }
    }
    let status = pods_status(ctx, ns, &s.spec.selector, &m.uid);
    w.write(LEVEL_0, &format!("Pods Status:\t{status}\n"));
    pod_template(&mut w, &s.spec.template);
    claim_templates(&mut w, &s.spec.volume_claim_templates);
    let events = object_events(ctx.cluster, "StatefulSet", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// `describeVolumeClaimTemplates`.
fn claim_templates(w: &mut DescribeWriter, templates: &[ClaimTemplate]) {
    if templates.is_empty() {
        w.write(LEVEL_0, "Volume Claims:\t<none>\n");
        return;
    }
    w.write(LEVEL_0, "Volume Claims:\n");
    for t in templates {
        let claim = PersistentVolumeClaim {
            metadata: t.metadata.clone(),
            spec: t.spec.clone(),
            status: PersistentVolumeClaimStatus::default(),
        };
        w.write(LEVEL_1, &format!("Name:\t{}\n", t.metadata.name));
        w.write(
            LEVEL_1,
            &format!("StorageClass:\t{}\n", claim_class(&claim)),
        );
        w.labels_with_indent("  ", "Labels", "\t", &t.metadata.labels, &[]);
        w.labels_with_indent("  ", "Annotations", "\t", &t.metadata.annotations, &[]);
        let capacity = t
            .spec
            .request()
            .map(ToString::to_string)
            .unwrap_or_else(|| "<default>".to_string());
        w.write(LEVEL_1, &format!("Capacity:\t{capacity}\n"));
        let modes: Vec<String> = t
            .spec
            .access_modes
            .iter()
            .map(|m| m.as_str().to_string())
            .collect();
        w.write(
            LEVEL_1,
            &format!("Access Modes:\t{}\n", super::common::go_slice(&modes)),
        );
    }
}
