//! `kubectl describe pod` (describe.go `describePod`, `describePodIPs`, `printController`,
//! `qos.GetPodQOS`, `printPodTolerationsMultiline`).

use super::common::{Ctx, EventMatch, object_events, rfc1123z, write_events};
use super::containers::{describe_containers, quantity_text};
use super::volumes::describe_volumes;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::kubectl::get::fmt::since;
use crate::sim::objects::*;
use serde_json::Value;

/// The text of `kubectl describe pod NAME`.
pub fn describe_pod(ctx: Ctx<'_>, pod: &Pod) -> String {
    let mut w = DescribeWriter::new();
    let m = &pod.metadata;
    let spec_str = |k: &str| pod.spec.extra.get(k).and_then(Value::as_str);
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", m.namespace_or_default()),
    );
    if let Some(p) = pod.spec.extra.get("priority").and_then(Value::as_i64) {
        w.write(LEVEL_0, &format!("Priority:\t{p}\n"));
    }
    if let Some(p) = spec_str("priorityClassName").filter(|p| !p.is_empty()) {
        w.write(LEVEL_0, &format!("Priority Class Name:\t{p}\n"));
    }
    if let Some(r) = spec_str("runtimeClassName").filter(|r| !r.is_empty()) {
        w.write(LEVEL_0, &format!("Runtime Class Name:\t{r}\n"));
    }
    if let Some(sa) = spec_str("serviceAccountName").filter(|s| !s.is_empty()) {
        w.write(LEVEL_0, &format!("Service Account:\t{sa}\n"));
    }
    match pod.spec.node_name.as_deref().filter(|n| !n.is_empty()) {
        None => w.write(LEVEL_0, "Node:\t<none>\n"),
        Some(node) => w.write(
            LEVEL_0,
            &format!(
                "Node:\t{node}/{}\n",
                pod.status.host_ip.as_deref().unwrap_or("")
            ),
        ),
    }
    if let Some(t) = pod.status.start_time {
        w.write(LEVEL_0, &format!("Start Time:\t{}\n", rfc1123z(t)));
    }
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    let terminal = matches!(pod.status.phase, PodPhase::Failed | PodPhase::Succeeded);
    match m.deletion_timestamp {
        Some(t) if !terminal => {
            w.write(
                LEVEL_0,
                &format!(
                    "Status:\tTerminating (lasts {})\n",
                    since(Some(t), ctx.now())
                ),
            );
            w.write(
                LEVEL_0,
                &format!("Termination Grace Period:\t{}s\n", grace_period(pod)),
            );
        }
        _ => w.write(
            LEVEL_0,
            &format!("Status:\t{}\n", pod.status.phase.as_str()),
        ),
    }
    if let Some(r) = pod.status.reason.as_deref().filter(|r| !r.is_empty()) {
        w.write(LEVEL_0, &format!("Reason:\t{r}\n"));
    }
    if let Some(msg) = pod.status.message.as_deref().filter(|r| !r.is_empty()) {
        w.write(LEVEL_0, &format!("Message:\t{msg}\n"));
    }
    let ip = pod.status.pod_ip.as_deref().unwrap_or("");
    w.write(LEVEL_0, &format!("IP:\t{ip}\n"));
    if ip.is_empty() {
        w.write(LEVEL_0, "IPs:\t<none>\n");
    } else {
        w.write(LEVEL_0, "IPs:\n");
        w.write(LEVEL_1, &format!("IP:\t{ip}\n"));
    }
    if let Some(owner) = m.controller() {
        w.write(
            LEVEL_0,
            &format!("Controlled By:\t{}/{}\n", owner.kind, owner.name),
        );
    }
    if !pod.spec.init_containers.is_empty() {
        describe_containers(
            &mut w,
            "Init Containers",
            &pod.spec.init_containers,
            &[],
            Some(pod),
            "",
        );
    }
    describe_containers(
        &mut w,
        "Containers",
        &pod.spec.containers,
        &pod.status.container_statuses,
        Some(pod),
        "",
    );
    if !pod.status.conditions.is_empty() {
        w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
        for c in &pod.status.conditions {
            w.write(LEVEL_1, &format!("{} \t{} \n", c.type_, c.status));
        }
    }
    describe_volumes(&mut w, &pod.spec.volumes, "");
    w.write(LEVEL_0, &format!("QoS Class:\t{}\n", qos_class(&pod.spec)));
    w.labels("Node-Selectors", &pod.spec.node_selector);
    tolerations(&mut w, "", pod.spec.extra.get("tolerations"));
    let events = object_events(ctx.cluster, "Pod", m, EventMatch::Pod);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// `metadata.deletionGracePeriodSeconds`, else the spec's period, else 30.
fn grace_period(pod: &Pod) -> i64 {
    pod.metadata
        .extra
        .get("deletionGracePeriodSeconds")
        .or_else(|| pod.spec.extra.get("terminationGracePeriodSeconds"))
        .and_then(Value::as_i64)
        .unwrap_or(30)
}

/// `printTolerationsMultilineWithIndent`: sorted by key; `key=value:Effect`, ` op=Exists`,
/// ` for Ns`.
pub fn tolerations(w: &mut DescribeWriter, indent: &str, list: Option<&Value>) {
    w.write(LEVEL_0, &format!("{indent}Tolerations:\t"));
    let mut items: Vec<&Value> = list
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if items.is_empty() {
        w.write_line("<none>");
        return;
    }
    items.sort_by(|a, b| a["key"].as_str().cmp(&b["key"].as_str()));
    for (i, t) in items.iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_0, indent);
            w.write(LEVEL_0, "\t");
        }
        let key = t["key"].as_str().unwrap_or("");
        let value = t["value"].as_str().unwrap_or("");
        let effect = t["effect"].as_str().unwrap_or("");
        let mut text = key.to_string();
        if !value.is_empty() {
            text.push_str(&format!("={value}"));
        }
        if !effect.is_empty() {
            text.push_str(&format!(":{effect}"));
        }
        if t["operator"].as_str() == Some("Exists") && value.is_empty() {
            text.push_str(if key.is_empty() && effect.is_empty() {
                "op=Exists"
            } else {
                " op=Exists"
            });
        }
        if let Some(secs) = t["tolerationSeconds"].as_i64() {
            text.push_str(&format!(" for {secs}s"));
        }
        w.write(LEVEL_0, &format!("{text}\n"));
    }
}

/// `qos.GetPodQOS`: BestEffort with no cpu/memory requests or limits anywhere; Guaranteed when
/// every container limits cpu and memory and requests (defaulted to the limits) equal them;
/// Burstable otherwise.
pub fn qos_class(spec: &PodSpec) -> &'static str {
    let mut any = false;
    let mut guaranteed = true;
    for c in spec.init_containers.iter().chain(&spec.containers) {
        let res = c.extra.get("resources").cloned().unwrap_or(Value::Null);
        let get = |kind: &str, name: &str| {
            res[kind]
                .get(name)
                .map(quantity_text)
                .filter(|q| crate::sim::Quantity::parse(q).is_ok_and(|q| q.value() > 0))
        };
        for name in ["cpu", "memory"] {
            let limit = get("limits", name);
            let request = get("requests", name).or_else(|| limit.clone());
            any |= limit.is_some() || request.is_some();
            let equal = match (&limit, &request) {
                (Some(l), Some(r)) => {
                    crate::sim::Quantity::parse(l).ok() == crate::sim::Quantity::parse(r).ok()
                }
                _ => false,
            };
            guaranteed &= equal;
        }
    }
    if !any {
        "BestEffort"
    } else if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}
