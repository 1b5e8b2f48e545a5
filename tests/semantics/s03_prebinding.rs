//! §3: pre-binding by `pvc.spec.volumeName` and by `pv.spec.claimRef`.

use crate::build::*;
use kubestory::sim::objects::*;
use serde_json::json;

fn named(claim: &str, size: &str, class: Option<&str>, volume: &str) -> serde_json::Value {
    let mut v = pvc(claim, size, &["ReadWriteOnce"], class);
    v["spec"]["volumeName"] = json!(volume);
    v
}

#[test]
fn s3_1_named_pv_missing_waits_without_event_then_binds() {
    let mut c = cluster();
    apply(&mut c, named("a", "1Gi", Some(""), "later"));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    assert!(events_of(&c, "PersistentVolumeClaim", "a").is_empty());
    apply(&mut c, pv("later", "1Gi", &["ReadWriteOnce"], None));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Bound));
    // The controller wrote the PV's claimRef, so the PV (not the claim) is bound-by-controller.
    assert!(
        c.volume("later")
            .unwrap()
            .metadata
            .has_annotation("pv.kubernetes.io/bound-by-controller", "yes")
    );
    assert!(
        !c.claim("default", "a")
            .unwrap()
            .metadata
            .annotations
            .contains_key("pv.kubernetes.io/bound-by-controller")
    );
}

#[test]
fn s3_1_named_pv_too_small_is_a_volume_mismatch() {
    let mut c = cluster();
    apply(&mut c, pv("tiny", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, named("a", "5Gi", Some(""), "tiny"));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "VolumeMismatch",
        "Cannot bind to requested volume \"tiny\": requested PV is too small"
    ));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

#[test]
fn s3_1_named_pv_skips_the_selector_check() {
    let mut c = cluster();
    apply(&mut c, pv("plain", "1Gi", &["ReadWriteOnce"], None));
    let mut claim = named("a", "1Gi", Some(""), "plain");
    claim["spec"]["selector"] = json!({"matchLabels":{"disk":"ssd"}});
    apply(&mut c, claim);
    assert_eq!(bound_to(&c, "a").as_deref(), Some("plain"));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Bound));
}

#[test]
fn s3_1_named_pv_class_still_applies_with_default_class() {
    let mut c = cluster();
    apply(&mut c, pv("classless", "1Gi", &["ReadWriteOnce"], None));
    // No storageClassName: the default class is written in, and the class-less PV no longer fits.
    apply(&mut c, named("a", "1Gi", None, "classless"));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "VolumeMismatch",
        "Cannot bind to requested volume \"classless\": storageClassName does not match"
    ));
    // The docs' advice: storageClassName: "" together with volumeName.
    apply(&mut c, named("b", "1Gi", Some(""), "classless"));
    assert_eq!(claim_phase(&c, "b"), Some(ClaimPhase::Bound));
}

#[test]
fn s3_1_named_pv_bound_elsewhere_waits() {
    let mut c = cluster();
    apply(&mut c, pv("one", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, pvc("first", "1Gi", &["ReadWriteOnce"], Some("")));
    apply(&mut c, named("second", "1Gi", Some(""), "one"));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "second",
        "FailedBinding",
        "volume \"one\" already bound to a different claim."
    ));
    assert_eq!(claim_phase(&c, "second"), Some(ClaimPhase::Pending));
}

fn reserved(name: &str, size: &str, claim: &str) -> serde_json::Value {
    let mut v = pv(name, size, &["ReadWriteOnce"], None);
    v["spec"]["claimRef"] = json!({"namespace":"default","name":claim});
    v
}

#[test]
fn s3_2_reserved_pv_is_available_and_skipped_by_others() {
    let mut c = cluster();
    apply(&mut c, reserved("kept", "1Gi", "owner"));
    assert_eq!(volume_phase(&c, "kept"), Some(VolumePhase::Available));
    apply(&mut c, pvc("other", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(claim_phase(&c, "other"), Some(ClaimPhase::Pending));
}

#[test]
fn s3_2_reserved_pv_wins_over_a_smaller_match_s13_10() {
    let mut c = cluster();
    apply(&mut c, pv("small", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, reserved("big", "50Gi", "owner"));
    apply(&mut c, pvc("owner", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(bound_to(&c, "owner").as_deref(), Some("big"));
    assert_eq!(
        c.claim("default", "owner").unwrap().status.capacity["storage"].to_string(),
        "50Gi"
    );
    // The user pre-bound it, so the controller does not mark the PV bound-by-controller.
    assert!(
        !c.volume("big")
            .unwrap()
            .metadata
            .annotations
            .contains_key("pv.kubernetes.io/bound-by-controller")
    );
}

#[test]
fn s3_2_reserved_pv_wins_even_with_a_wffc_class() {
    let mut c = cluster();
    apply(
        &mut c,
        sc(
            "local",
            "kubernetes.io/no-provisioner",
            "WaitForFirstConsumer",
            false,
        ),
    );
    let mut v = reserved("disk", "5Gi", "owner");
    v["spec"]["storageClassName"] = json!("local");
    apply(&mut c, v);
    apply(
        &mut c,
        pvc("owner", "1Gi", &["ReadWriteOnce"], Some("local")),
    );
    assert_eq!(claim_phase(&c, "owner"), Some(ClaimPhase::Bound));
}

#[test]
fn s3_2_stale_uid_does_not_match_a_recreated_claim() {
    let mut c = cluster();
    let mut v = reserved("old", "1Gi", "owner");
    v["spec"]["claimRef"]["uid"] = json!("00000000-dead-4bee-8eef-000000000000");
    apply(&mut c, v);
    apply(&mut c, pvc("owner", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(claim_phase(&c, "owner"), Some(ClaimPhase::Pending));
}
