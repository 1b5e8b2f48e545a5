//! Helpers shared by the kubectl golden tests: object builders (plain Kubernetes JSON) and a
//! runner that parses a line and returns what `get`/`describe` printed.
#![allow(dead_code)]

use kubestory::kubectl::{describe::run_describe, get::run_get, parse_command_line};
use kubestory::sim::*;
use serde_json::{Value, json};

/// What a command printed, split by stream, and whether it succeeded.
#[derive(Debug, PartialEq, Eq)]
pub struct Printed {
    /// Everything on stdout.
    pub stdout: String,
    /// Everything on stderr.
    pub stderr: String,
    /// Exit status 0.
    pub success: bool,
}

/// A successful command with only stdout.
pub fn ok(stdout: &str) -> Printed {
    fine(stdout, "")
}

/// A successful command.
pub fn fine(stdout: &str, stderr: &str) -> Printed {
    Printed {
        stdout: stdout.into(),
        stderr: stderr.into(),
        success: true,
    }
}

/// A failed command.
pub fn failed(stdout: &str, stderr: &str) -> Printed {
    Printed {
        stdout: stdout.into(),
        stderr: stderr.into(),
        success: false,
    }
}

fn run(c: &Cluster, line: &str) -> Printed {
    let inv = parse_command_line(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    let out = match inv.verb {
        kubestory::kubectl::Verb::Get => run_get(&inv, c),
        kubestory::kubectl::Verb::Describe => run_describe(&inv, c),
        other => panic!("not a read verb: {other:?}"),
    };
    Printed {
        stdout: out.stdout(),
        stderr: out.stderr(),
        success: out.success,
    }
}

/// Runs `kubectl get …` (the line without `kubectl`).
pub fn get(c: &Cluster, line: &str) -> Printed {
    run(c, line)
}

/// Runs `kubectl describe …` (the line without `kubectl`).
pub fn describe(c: &Cluster, line: &str) -> Printed {
    run(c, line)
}

/// An object from JSON.
pub fn obj(v: Value) -> Object {
    Object::from_value(v).expect("valid object")
}

/// The docs' task-pv-volume (W-TASK).
pub fn task_pv() -> Object {
    obj(json!({"apiVersion":"v1","kind":"PersistentVolume",
        "metadata":{"name":"task-pv-volume","labels":{"type":"local"}},
        "spec":{"storageClassName":"manual","capacity":{"storage":"10Gi"},
        "accessModes":["ReadWriteOnce"],"hostPath":{"path":"/mnt/data"}}}))
}

/// The docs' task-pv-claim (W-TASK).
pub fn task_claim() -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"task-pv-claim"},
        "spec":{"storageClassName":"manual","accessModes":["ReadWriteOnce"],
        "resources":{"requests":{"storage":"3Gi"}}}}),
    )
}

/// A hostPath PV of class `standard`, Retain.
pub fn host_pv(name: &str, size: &str) -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":name},
        "spec":{"storageClassName":"standard","capacity":{"storage":size},
        "accessModes":["ReadWriteOnce"],"hostPath":{"path":format!("/mnt/{name}")}}}),
    )
}

/// An RWO claim of a class.
pub fn claim(name: &str, size: &str, class: &str) -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":name},
        "spec":{"storageClassName":class,"accessModes":["ReadWriteOnce"],
        "resources":{"requests":{"storage":size}}}}),
    )
}

/// A story-app pod labelled `app=story`, mounting a claim at /app/story when given.
pub fn story_pod(name: &str, claim: Option<&str>) -> Object {
    let mut v = json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":name,"labels":{"app":"story"}},
        "spec":{"containers":[{"name":"story","image":"academind/kub-data-demo"}]}});
    if let Some(claim) = claim {
        v["spec"]["volumes"] =
            json!([{"name":"story-volume","persistentVolumeClaim":{"claimName":claim}}]);
        v["spec"]["containers"][0]["volumeMounts"] =
            json!([{"name":"story-volume","mountPath":"/app/story"}]);
    }
    obj(v)
}

/// A story-app Deployment with an emptyDir at /app/story.
pub fn story_deployment(name: &str, replicas: u32) -> Object {
    obj(
        json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":name},
        "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":name}},
        "template":{"metadata":{"labels":{"app":name}},"spec":{
            "containers":[{"name":"story","image":"academind/kub-data-demo:1",
                "volumeMounts":[{"name":"story-volume","mountPath":"/app/story"}]}],
            "volumes":[{"name":"story-volume","emptyDir":{}}]}}}}),
    )
}

/// A cluster of `n` minikube nodes with the default class.
pub fn cluster_of(n: usize) -> Cluster {
    Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: ClusterConfig::minikube_node_names(n),
        control_plane: Some("minikube".into()),
        default_storage_class: true,
        seed: 1,
    })
}
