//! §1: object model, defaults, the three states of storageClassName, the default class.

use crate::build::*;
use kubestory::sim::objects::*;
use serde_json::json;

#[test]
fn s1_1_hand_made_pv_defaults_to_retain_and_filesystem() {
    let mut c = cluster();
    apply(&mut c, pv("a", "1Gi", &["ReadWriteOnce"], None));
    let v = c.volume("a").unwrap();
    assert_eq!(
        v.spec.persistent_volume_reclaim_policy,
        Some(ReclaimPolicy::Retain)
    );
    assert_eq!(v.spec.volume_mode.as_deref(), Some("Filesystem"));
    assert!(
        v.metadata
            .finalizers
            .contains(&"kubernetes.io/pv-protection".to_string())
    );
}

#[test]
fn s1_1_dynamic_pv_inherits_the_class_reclaim_policy() {
    let mut c = cluster();
    let mut retain = sc("keep", "k8s.io/minikube-hostpath", "Immediate", false);
    retain["reclaimPolicy"] = json!("Retain");
    apply(&mut c, retain);
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("keep")));
    apply(
        &mut c,
        pvc("b", "1Gi", &["ReadWriteOnce"], Some("standard")),
    );
    let pol = |n: &str| {
        c.volume(&bound_to(&c, n).unwrap())
            .unwrap()
            .spec
            .reclaim_policy()
    };
    assert_eq!(pol("a"), ReclaimPolicy::Retain);
    assert_eq!(pol("b"), ReclaimPolicy::Delete);
}

#[test]
fn s1_1_quantities_compare_exactly_so_1g_pv_cannot_serve_1gi_claim() {
    let mut c = cluster_with(1, false);
    apply(&mut c, pv("decimal", "1G", &["ReadWriteOnce"], Some("")));
    apply(&mut c, pvc("wants-gi", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(claim_phase(&c, "wants-gi"), Some(ClaimPhase::Pending));
    apply(&mut c, pv("binary", "1Gi", &["ReadWriteOnce"], Some("")));
    apply(&mut c, pvc("wants-g", "1G", &["ReadWriteOnce"], Some("")));
    // wants-gi was created first and takes the only PV that fits it.
    assert_eq!(bound_to(&c, "wants-gi").as_deref(), Some("binary"));
    assert_eq!(bound_to(&c, "wants-g").as_deref(), Some("decimal"));
}

#[test]
fn s1_2_unset_class_gets_the_default_written_at_creation() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], None));
    assert_eq!(
        c.claim("default", "a")
            .unwrap()
            .spec
            .storage_class_name
            .as_deref(),
        Some("standard")
    );
}

#[test]
fn s1_2_empty_class_is_never_defaulted_and_never_provisions() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("")));
    let claim = c.claim("default", "a").unwrap();
    assert_eq!(claim.spec.storage_class_name.as_deref(), Some(""));
    assert_eq!(claim.status.phase, Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "FailedBinding",
        "no persistent volumes available for this claim and no storage class is set"
    ));
    assert_eq!(c.volumes().count(), 0);
}

#[test]
fn s1_2_unset_class_without_default_is_upgraded_retroactively_but_empty_is_not() {
    let mut c = cluster_with(1, false);
    apply(&mut c, pvc("unset", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, pvc("empty", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(
        c.claim("default", "unset").unwrap().spec.storage_class_name,
        None
    );
    apply(
        &mut c,
        sc("fast", "k8s.io/minikube-hostpath", "Immediate", true),
    );
    assert_eq!(
        c.claim("default", "unset")
            .unwrap()
            .spec
            .storage_class_name
            .as_deref(),
        Some("fast")
    );
    assert_eq!(claim_phase(&c, "unset"), Some(ClaimPhase::Bound));
    assert_eq!(
        c.claim("default", "empty")
            .unwrap()
            .spec
            .storage_class_name
            .as_deref(),
        Some("")
    );
    assert_eq!(claim_phase(&c, "empty"), Some(ClaimPhase::Pending));
}

#[test]
fn s1_2_binding_copies_capacity_and_modes_and_sets_annotations() {
    let mut c = cluster();
    apply(
        &mut c,
        pv(
            "big",
            "10Gi",
            &["ReadWriteOnce", "ReadOnlyMany"],
            Some("manual"),
        ),
    );
    apply(
        &mut c,
        pvc("small", "3Gi", &["ReadWriteOnce"], Some("manual")),
    );
    let claim = c.claim("default", "small").unwrap();
    assert_eq!(claim.status.capacity["storage"].to_string(), "10Gi");
    assert_eq!(
        claim.status.access_modes,
        vec![AccessMode::ReadWriteOnce, AccessMode::ReadOnlyMany]
    );
    assert!(
        claim
            .metadata
            .has_annotation("pv.kubernetes.io/bind-completed", "yes")
    );
    assert!(
        claim
            .metadata
            .has_annotation("pv.kubernetes.io/bound-by-controller", "yes")
    );
    let v = c.volume("big").unwrap();
    assert!(
        v.metadata
            .has_annotation("pv.kubernetes.io/bound-by-controller", "yes")
    );
    assert!(
        claim
            .metadata
            .finalizers
            .contains(&"kubernetes.io/pvc-protection".to_string())
    );
}

#[test]
fn s1_3_newest_default_class_wins_and_ties_go_by_name() {
    let mut c = cluster_with(1, false);
    apply(
        &mut c,
        sc("b-class", "k8s.io/minikube-hostpath", "Immediate", true),
    );
    apply(
        &mut c,
        sc("a-class", "k8s.io/minikube-hostpath", "Immediate", true),
    );
    // Same creation second: ascending name wins.
    assert_eq!(c.default_storage_class().unwrap().metadata.name, "a-class");
    c.advance(10);
    apply(
        &mut c,
        sc("z-newest", "k8s.io/minikube-hostpath", "Immediate", true),
    );
    assert_eq!(c.default_storage_class().unwrap().metadata.name, "z-newest");
}

#[test]
fn s1_3_beta_default_annotation_counts() {
    let mut c = cluster_with(1, false);
    let mut v = sc("beta", "k8s.io/minikube-hostpath", "Immediate", false);
    v["metadata"]["annotations"] =
        json!({"storageclass.beta.kubernetes.io/is-default-class":"true"});
    apply(&mut c, v);
    assert_eq!(c.default_storage_class().unwrap().metadata.name, "beta");
}

#[test]
fn s1_4_provisioned_pv_is_named_after_the_claim_uid() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "500Mi", &["ReadWriteOnce"], None));
    let claim = c.claim("default", "a").unwrap();
    assert_eq!(
        bound_to(&c, "a"),
        Some(format!("pvc-{}", claim.metadata.uid))
    );
    let v = c.volume(&bound_to(&c, "a").unwrap()).unwrap();
    assert_eq!(v.spec.storage().unwrap().to_string(), "500Mi");
}
