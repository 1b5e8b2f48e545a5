//! A container's environment in `describe` (describe.go `describeContainerEnvFrom`,
//! `describeContainerEnvVars`, and `EnvValueRetriever` for `fieldRef` values).

use super::containers::array;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_2, LEVEL_3};
use crate::sim::objects::*;
use serde_json::Value;

/// `describeContainerEnvFrom` (only when `envFrom` is set).
pub fn env_from(w: &mut DescribeWriter, c: &Container) {
    let list = array(c.extra.get("envFrom"));
    if list.is_empty() {
        return;
    }
    w.write(LEVEL_2, "Environment Variables from:\n");
    for e in list {
        let (from, src) = if e["configMapRef"].is_object() {
            ("ConfigMap", &e["configMapRef"])
        } else {
            ("Secret", &e["secretRef"])
        };
        let name = src["name"].as_str().unwrap_or("");
        let optional = src["optional"].as_bool().unwrap_or(false);
        match e["prefix"].as_str().filter(|p| !p.is_empty()) {
            None => w.write(LEVEL_3, &format!("{name}\t{from}\tOptional: {optional}\n")),
            Some(p) => w.write(
                LEVEL_3,
                &format!("{name}\t{from} with prefix '{p}'\tOptional: {optional}\n"),
            ),
        }
    }
}

/// `describeContainerEnvVars`.
pub fn env(w: &mut DescribeWriter, c: &Container, pod: Option<&Pod>) {
    let list = array(c.extra.get("env"));
    let none = if list.is_empty() { "\t<none>" } else { "" };
    w.write(LEVEL_2, &format!("Environment:{none}\n"));
    for e in list {
        let name = e["name"].as_str().unwrap_or("");
        let from = &e["valueFrom"];
        if !from.is_object() {
            let value = e["value"].as_str().unwrap_or("");
            for (i, line) in value.split('\n').enumerate() {
                if i == 0 {
                    w.write(LEVEL_3, &format!("{name}:\t{line}\n"));
                } else {
                    w.write(LEVEL_3, &format!("\t{line}\n"));
                }
            }
            continue;
        }
        let opt = |v: &Value| v["optional"].as_bool().unwrap_or(false);
        if from["fieldRef"].is_object() {
            let f = &from["fieldRef"];
            let path = f["fieldPath"].as_str().unwrap_or("");
            let value = pod.map(|p| field_value(p, path)).unwrap_or_default();
            let version = f["apiVersion"].as_str().unwrap_or("v1");
            w.write(LEVEL_3, &format!("{name}:\t{value} ({version}:{path})\n"));
        } else if from["resourceFieldRef"].is_object() {
            let r = from["resourceFieldRef"]["resource"].as_str().unwrap_or("");
            w.write(LEVEL_3, &format!("{name}:\t ({r})\n"));
        } else if from["secretKeyRef"].is_object() {
            let s = &from["secretKeyRef"];
            w.write(
                LEVEL_3,
                &format!(
                    "{name}:\t<set to the key '{}' in secret '{}'>\tOptional: {}\n",
                    s["key"].as_str().unwrap_or(""),
                    s["name"].as_str().unwrap_or(""),
                    opt(s)
                ),
            );
        } else if from["configMapKeyRef"].is_object() {
            let s = &from["configMapKeyRef"];
            w.write(
                LEVEL_3,
                &format!(
                    "{name}:\t<set to the key '{}' of config map '{}'>\tOptional: {}\n",
                    s["key"].as_str().unwrap_or(""),
                    s["name"].as_str().unwrap_or(""),
                    opt(s)
                ),
            );
        }
    }
}

/// `fieldpath.ExtractFieldPathAsString` for the paths a pod's env can name.
fn field_value(pod: &Pod, path: &str) -> String {
    let m = &pod.metadata;
    let bracketed = |prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix("']"))
            .map(str::to_string)
    };
    if let Some(k) = bracketed("metadata.labels['") {
        return m.labels.get(&k).cloned().unwrap_or_default();
    }
    if let Some(k) = bracketed("metadata.annotations['") {
        return m.annotations.get(&k).cloned().unwrap_or_default();
    }
    match path {
        "metadata.name" => m.name.clone(),
        "metadata.namespace" => m.namespace_or_default().to_string(),
        "metadata.uid" => m.uid.clone(),
        "spec.nodeName" => pod.spec.node_name.clone().unwrap_or_default(),
        "spec.serviceAccountName" => pod
            .spec
            .extra
            .get("serviceAccountName")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        "status.podIP" | "status.podIPs" => pod.status.pod_ip.clone().unwrap_or_default(),
        "status.hostIP" | "status.hostIPs" => pod.status.host_ip.clone().unwrap_or_default(),
        _ => String::new(),
    }
}
