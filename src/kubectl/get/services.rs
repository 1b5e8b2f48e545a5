//! Services in `kubectl get all` (PR `serviceColumnDefinitions`, `printService`,
//! `getServiceExternalIP`, `makePortString`). kubestory does not simulate Services; it stores
//! the ones a learner applies and prints them as kubectl would, reading the fields as written.
//!
//! Every real cluster has the `kubernetes` Service in `default` (the API server creates it), so
//! `kubectl get all` on a fresh minikube shows it; [`kubernetes_service`] stands for it.

use crate::kubectl::table::{Column, Row, format_labels};
use crate::sim::objects::{ObjectMeta, UnsimulatedObject};
use crate::sim::{SimTime, human_duration};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The columns of a Service table.
pub fn columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Type"),
        Column::new("Cluster-IP"),
        Column::new("External-IP"),
        Column::new("Port(s)"),
        Column::new("Age"),
        Column::wide("Selector"),
    ]
}

/// `printService`'s cells.
pub fn cells(svc: &UnsimulatedObject, now: SimTime) -> Row {
    let spec = svc.rest.get("spec").cloned().unwrap_or(Value::Null);
    let svc_type = spec["type"].as_str().unwrap_or("ClusterIP").to_string();
    let cluster_ip = spec["clusterIPs"][0]
        .as_str()
        .or_else(|| spec["clusterIP"].as_str())
        .unwrap_or("<none>")
        .to_string();
    let ports = port_string(&spec["ports"]);
    let selector: BTreeMap<String, String> = spec["selector"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    Row::new([
        svc.metadata.name.clone(),
        svc_type.clone(),
        cluster_ip,
        external_ip(&svc_type, &spec),
        if ports.is_empty() {
            "<none>".to_string()
        } else {
            ports
        },
        age(&svc.metadata, now),
        format_labels(&selector),
    ])
}

fn age(meta: &ObjectMeta, now: SimTime) -> String {
    meta.creation_timestamp
        .map(|t| human_duration(now.since(t)))
        .unwrap_or_else(|| "<unknown>".to_string())
}

/// `getServiceExternalIP` (no load balancer ever reports an address in the simulator).
fn external_ip(svc_type: &str, spec: &Value) -> String {
    let external: Vec<&str> = spec["externalIPs"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match svc_type {
        "ClusterIP" | "NodePort" if !external.is_empty() => external.join(","),
        "ClusterIP" | "NodePort" => "<none>".to_string(),
        "LoadBalancer" if !external.is_empty() => external.join(","),
        "LoadBalancer" => "<pending>".to_string(),
        "ExternalName" => spec["externalName"].as_str().unwrap_or("").to_string(),
        _ => "<unknown>".to_string(),
    }
}

/// `makePortString`: `port/protocol` or `port:nodePort/protocol`, comma-joined.
fn port_string(ports: &Value) -> String {
    let Some(ports) = ports.as_array() else {
        return String::new();
    };
    ports
        .iter()
        .map(|p| {
            let port = p["port"].as_i64().unwrap_or(0);
            let protocol = p["protocol"].as_str().unwrap_or("TCP");
            match p["nodePort"].as_i64().filter(|n| *n > 0) {
                Some(node_port) => format!("{port}:{node_port}/{protocol}"),
                None => format!("{port}/{protocol}"),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The `kubernetes` Service of the `default` namespace, as a fresh minikube has it: ClusterIP
/// 10.96.0.1, port 443, created with the cluster.
pub fn kubernetes_service() -> &'static UnsimulatedObject {
    static SERVICE: LazyLock<UnsimulatedObject> = LazyLock::new(make_kubernetes_service);
    &SERVICE
}

fn make_kubernetes_service() -> UnsimulatedObject {
    let mut metadata = ObjectMeta::named("kubernetes", Some("default"));
    metadata.creation_timestamp = Some(SimTime(0));
    metadata
        .labels
        .insert("component".into(), "apiserver".into());
    metadata
        .labels
        .insert("provider".into(), "kubernetes".into());
    let mut rest = BTreeMap::new();
    rest.insert(
        "spec".to_string(),
        json!({
            "clusterIP": "10.96.0.1",
            "clusterIPs": ["10.96.0.1"],
            "internalTrafficPolicy": "Cluster",
            "ipFamilies": ["IPv4"],
            "ipFamilyPolicy": "SingleStack",
            "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 8443}],
            "sessionAffinity": "None",
            "type": "ClusterIP"
        }),
    );
    rest.insert("status".to_string(), json!({"loadBalancer": {}}));
    UnsimulatedObject {
        api_version: "v1".into(),
        kind: "Service".into(),
        metadata,
        rest,
    }
}
