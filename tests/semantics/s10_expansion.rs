//! §10: expansion and immutability.

use crate::build::*;
use kubestory::sim::{ApiError, Object};
use serde_json::json;

fn resized(c: &kubestory::sim::Cluster, name: &str, size: &str) -> Object {
    let mut claim = c.claim("default", name).unwrap().clone();
    claim.spec.resources.requests.insert(
        "storage".into(),
        kubestory::sim::Quantity::parse(size).unwrap(),
    );
    Object::PersistentVolumeClaim(claim)
}

#[test]
fn s10_expansion_needs_allow_volume_expansion() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], None));
    let err = c.replace(resized(&c, "a", "2Gi")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "persistentvolumeclaims \"a\" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize"
    );
    let mut sc_v = sc("grow", "k8s.io/minikube-hostpath", "Immediate", false);
    sc_v["allowVolumeExpansion"] = json!(true);
    apply(&mut c, sc_v);
    apply(&mut c, pvc("b", "1Gi", &["ReadWriteOnce"], Some("grow")));
    c.replace(resized(&c, "b", "2Gi")).unwrap();
    assert_eq!(
        c.claim("default", "b").unwrap().status.capacity["storage"].to_string(),
        "2Gi"
    );
}

#[test]
fn s10_shrinking_is_forbidden() {
    let mut c = cluster();
    let mut sc_v = sc("grow", "k8s.io/minikube-hostpath", "Immediate", false);
    sc_v["allowVolumeExpansion"] = json!(true);
    apply(&mut c, sc_v);
    apply(&mut c, pvc("b", "2Gi", &["ReadWriteOnce"], Some("grow")));
    let err = c.replace(resized(&c, "b", "1Gi")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "PersistentVolumeClaim \"b\" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"
    );
}

#[test]
fn s10_pending_claim_size_is_immutable_s13_17() {
    let mut c = cluster();
    apply(&mut c, pvc("p", "1Gi", &["ReadWriteOnce"], Some("")));
    let err = c.replace(resized(&c, "p", "2Gi")).unwrap_err();
    assert!(matches!(err, ApiError::Invalid { .. }));
    assert!(err.to_string().contains("spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
}

#[test]
fn s10_access_modes_are_immutable() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], None));
    let err = c
        .apply(obj(pvc("a", "1Gi", &["ReadWriteMany"], None)))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("spec: Forbidden: spec is immutable after creation")
    );
    // Re-applying the same manifest changes nothing.
    assert_eq!(
        c.apply(obj(pvc("a", "1Gi", &["ReadWriteOnce"], None)))
            .unwrap(),
        kubestory::sim::ApplyOutcome::Unchanged
    );
}

#[test]
fn s10_statefulset_claim_templates_are_immutable() {
    let mut c = cluster();
    let mk = |size: &str| {
        json!({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
        "spec":{"selector":{"matchLabels":{"app":"db"}},"template":{"metadata":{"labels":{"app":"db"}},
        "spec":{"containers":[{"name":"db","image":"postgres"}]}},
        "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":size}}}}]}})
    };
    apply(&mut c, mk("1Gi"));
    let err = c.apply(obj(mk("2Gi"))).unwrap_err();
    assert!(
        err.to_string()
            .contains("updates to statefulset spec for fields other than")
    );
}

/// kubectl apply's three-way merge: a label dropped from the manifest is removed; fields the
/// API or a controller set (the defaulted class, the bound volume) stay.
#[test]
fn apply_removes_what_the_manifest_dropped_and_keeps_what_the_system_set() {
    let mut c = cluster();
    let mut v = pvc("a", "1Gi", &["ReadWriteOnce"], None);
    v["metadata"]["labels"] = json!({"team":"blue","tier":"data"});
    let last = serde_json::to_string(&v).unwrap();
    v["metadata"]["annotations"] =
        json!({"kubectl.kubernetes.io/last-applied-configuration": last});
    apply(&mut c, v);
    let volume = bound_to(&c, "a").unwrap();
    let mut v2 = pvc("a", "1Gi", &["ReadWriteOnce"], None);
    v2["metadata"]["labels"] = json!({"team":"blue"});
    let last2 = serde_json::to_string(&v2).unwrap();
    v2["metadata"]["annotations"] =
        json!({"kubectl.kubernetes.io/last-applied-configuration": last2});
    assert_eq!(
        c.apply(obj(v2)).unwrap(),
        kubestory::sim::ApplyOutcome::Configured
    );
    let claim = c.claim("default", "a").unwrap();
    assert_eq!(
        claim.metadata.labels.keys().collect::<Vec<_>>(),
        vec!["team"]
    );
    assert_eq!(claim.spec.storage_class_name.as_deref(), Some("standard"));
    assert_eq!(claim.spec.volume_name(), Some(volume.as_str()));
}
