//! Builders for test objects (plain Kubernetes JSON) and small helpers.

use kubestory::sim::objects::*;
use kubestory::sim::*;
use serde_json::{Value, json};

pub fn obj(v: Value) -> Object {
    Object::from_value(v).expect("valid object")
}

pub fn cluster() -> Cluster {
    Cluster::default()
}

pub fn cluster_with(nodes: usize, default_class: bool) -> Cluster {
    Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: ClusterConfig::minikube_node_names(nodes),
        default_storage_class: default_class,
        seed: 1,
        control_plane: Some("minikube".into()),
    })
}

/// Like [`cluster_with`], with a managed control plane: the node-lifecycle rules of §9.3 are
/// about a node that is not the control plane, and on minikube the first node is (failing it
/// stops the API server; see `s09_workloads::control_plane_*`). The nodes keep minikube's
/// names so the rows read the same.
pub fn cluster_with_managed_control_plane(nodes: usize, default_class: bool) -> Cluster {
    Cluster::new(ClusterConfig {
        control_plane: None,
        ..cluster_with(nodes, default_class).config().clone()
    })
}

/// A cloud-profile cluster (managed control plane; the EBS and EFS CSI drivers installed) of
/// `nodes` nodes spread over `zones` zones, with minikube's node names so the rules read the
/// same as on the other clusters, and without the profile's default class. With one zone an
/// attachable disk can follow a pod to any node.
pub fn cloud_cluster(nodes: usize, zones: usize) -> Cluster {
    Cluster::new(ClusterConfig {
        control_plane: None,
        profile: Profile::Cloud,
        zones,
        default_storage_class: false,
        ..cluster_with(nodes, false).config().clone()
    })
}

/// A hostPath PV: `pv("a", "10Gi", &["ReadWriteOnce"], Some("manual"))`.
pub fn pv(name: &str, size: &str, modes: &[&str], class: Option<&str>) -> Value {
    let mut v = json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":name},
        "spec":{"capacity":{"storage":size},"accessModes":modes,"hostPath":{"path":format!("/mnt/{name}")}}});
    if let Some(c) = class {
        v["spec"]["storageClassName"] = json!(c);
    }
    v
}

/// A PVC; `class`: None = unset, Some("") = explicit no class.
pub fn pvc(name: &str, size: &str, modes: &[&str], class: Option<&str>) -> Value {
    let mut v = json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":name},
        "spec":{"accessModes":modes,"resources":{"requests":{"storage":size}}}});
    if let Some(c) = class {
        v["spec"]["storageClassName"] = json!(c);
    }
    v
}

/// A StorageClass.
pub fn sc(name: &str, provisioner: &str, mode: &str, default: bool) -> Value {
    let mut v = json!({"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":name},
        "provisioner":provisioner,"volumeBindingMode":mode});
    if default {
        v["metadata"]["annotations"] =
            json!({"storageclass.kubernetes.io/is-default-class":"true"});
    }
    v
}

/// A story-app pod that mounts `volumes` (JSON volume sources) at /app/story.
pub fn pod_with(name: &str, volume: Option<Value>) -> Value {
    let mut v = json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":name},
        "spec":{"containers":[{"name":"story","image":"academind/kub-data-demo"}]}});
    if let Some(mut vol) = volume {
        vol["name"] = json!("data");
        v["spec"]["volumes"] = json!([vol]);
        v["spec"]["containers"][0]["volumeMounts"] =
            json!([{"name":"data","mountPath":"/app/story"}]);
    }
    v
}

/// A pod using a claim.
pub fn pod_with_claim(name: &str, claim: &str) -> Value {
    pod_with(
        name,
        Some(json!({"persistentVolumeClaim":{"claimName":claim}})),
    )
}

/// A story-app Deployment mounting `volume` at /app/story.
pub fn deployment(name: &str, replicas: u32, volume: Option<Value>) -> Value {
    let pod = pod_with("x", volume);
    json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":name},
        "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":name}},
        "template":{"metadata":{"labels":{"app":name}},"spec":pod["spec"]}}})
}

pub fn apply(c: &mut Cluster, v: Value) {
    c.apply(obj(v)).expect("apply succeeds");
}

pub fn claim_phase(c: &Cluster, name: &str) -> Option<ClaimPhase> {
    c.claim("default", name).and_then(|x| x.status.phase)
}

pub fn volume_phase(c: &Cluster, name: &str) -> Option<VolumePhase> {
    c.volume(name).and_then(|x| x.status.phase)
}

pub fn bound_to(c: &Cluster, claim: &str) -> Option<String> {
    c.claim("default", claim)
        .and_then(|x| x.spec.volume_name().map(str::to_string))
}

/// Reasons and messages of the events about one object, oldest first.
pub fn events_of(c: &Cluster, kind: &str, name: &str) -> Vec<(String, String)> {
    c.events()
        .filter(|e| e.object.kind == kind && e.object.name == name)
        .map(|e| (e.reason.clone(), e.message.clone()))
        .collect()
}

pub fn has_event(c: &Cluster, kind: &str, name: &str, reason: &str, message: &str) -> bool {
    events_of(c, kind, name)
        .iter()
        .any(|(r, m)| r == reason && m == message)
}

pub fn write(c: &mut Cluster, target: &str, text: &str) {
    c.write_story("default", &Target::parse(target).unwrap(), None, text)
        .expect("story written");
}

/// What GET /story returns in the target now, or None when it cannot serve.
pub fn read(c: &Cluster, target: &str) -> Option<Vec<String>> {
    c.read_stories("default", &Target::parse(target).unwrap(), None)
        .ok()
        .map(|v| v.into_iter().map(|s| s.text).collect())
}

pub fn del(c: &mut Cluster, kind: Kind, name: &str) -> DeleteOutcome {
    c.delete(kind, "default", name, DeleteOptions::default())
        .expect("delete succeeds")
}

pub fn pod_names(c: &Cluster) -> Vec<String> {
    c.pods().map(|p| p.metadata.name.clone()).collect()
}

pub fn node_of(c: &Cluster, pod: &str) -> Option<String> {
    c.pod("default", pod).and_then(|p| p.spec.node_name.clone())
}

pub fn pod_status(c: &Cluster, pod: &str) -> String {
    kubestory::kubectl::status::pod_status(c.pod("default", pod).expect("pod exists"))
}

/// A kind cluster (`kind-control-plane`, tainted NoSchedule when there are workers, then
/// `kind-worker`…) without its default class: rancher's local-path provisioner is installed.
pub fn kind_cluster(nodes: usize) -> Cluster {
    Cluster::new(ClusterConfig {
        default_storage_class: false,
        ..ClusterConfig::for_profile(Profile::Kind, nodes)
    })
}
