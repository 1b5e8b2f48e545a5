//! §2: which PV a claim gets (Immediate mode).

use crate::build::*;
use kubestory::sim::objects::*;
use serde_json::json;

#[test]
fn s2_3_smallest_fitting_pv_wins() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("p20", "20Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pv("p5", "5Gi", &["ReadWriteOnce"], Some("manual")));
    apply(&mut c, pv("p1", "1Gi", &["ReadWriteOnce"], Some("manual")));
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(bound_to(&c, "a").as_deref(), Some("p5"));
}

#[test]
fn s2_2_fewest_access_modes_first_even_if_larger_s13_1() {
    let mut c = cluster();
    apply(
        &mut c,
        pv(
            "wide",
            "1Gi",
            &["ReadWriteOnce", "ReadWriteMany"],
            Some("manual"),
        ),
    );
    apply(
        &mut c,
        pv("exact", "100Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(bound_to(&c, "a").as_deref(), Some("exact"));
}

#[test]
fn s2_2_superset_of_modes_is_fine() {
    let mut c = cluster();
    apply(
        &mut c,
        pv(
            "wide",
            "1Gi",
            &["ReadWriteOnce", "ReadOnlyMany"],
            Some("manual"),
        ),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadOnlyMany"], Some("manual")));
    assert_eq!(bound_to(&c, "a").as_deref(), Some("wide"));
}

#[test]
fn s2_3_class_must_match() {
    let mut c = cluster();
    apply(&mut c, pv("fast", "1Gi", &["ReadWriteOnce"], Some("fast")));
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("")));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

#[test]
fn s2_3_selector_filters_by_labels() {
    let mut c = cluster();
    let mut labelled = pv("ssd", "5Gi", &["ReadWriteOnce"], Some("manual"));
    labelled["metadata"]["labels"] = json!({"disk":"ssd"});
    apply(&mut c, pv("hdd", "1Gi", &["ReadWriteOnce"], Some("manual")));
    apply(&mut c, labelled);
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], Some("manual"));
    claim["spec"]["selector"] = json!({"matchLabels":{"disk":"ssd"}});
    apply(&mut c, claim);
    assert_eq!(bound_to(&c, "a").as_deref(), Some("ssd"));
}

#[test]
fn s2_3_volume_mode_must_match() {
    let mut c = cluster();
    let mut block = pv("blk", "1Gi", &["ReadWriteOnce"], Some("manual"));
    block["spec"]["volumeMode"] = json!("Block");
    apply(&mut c, block);
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

#[test]
fn s2_1_missing_class_object_still_binds_static_pv_s13_5() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("task", "10Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(bound_to(&c, "a").as_deref(), Some("task"));
}

#[test]
fn s2_1_missing_class_object_without_pv_reports_provisioning_failed_s13_5() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "storageclass.storage.k8s.io \"manual\" not found"
    ));
}

#[test]
fn s2_4_static_bind_emits_no_event() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("task", "10Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    assert!(events_of(&c, "PersistentVolumeClaim", "a").is_empty());
    assert_eq!(volume_phase(&c, "task"), Some(VolumePhase::Bound));
}

#[test]
fn s2_3_released_pv_is_not_a_candidate() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("task", "10Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    del(&mut c, kubestory::sim::Kind::PersistentVolumeClaim, "a");
    assert_eq!(volume_phase(&c, "task"), Some(VolumePhase::Released));
    apply(&mut c, pvc("b", "3Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(claim_phase(&c, "b"), Some(ClaimPhase::Pending));
}

#[test]
fn s2_5_claim_whose_pv_vanishes_is_lost() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("task", "10Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(&mut c, pvc("a", "3Gi", &["ReadWriteOnce"], Some("manual")));
    // Remove the protection finalizer, then delete the PV: the claim loses it.
    let mut v = c.volume("task").unwrap().clone();
    v.metadata.finalizers.clear();
    c.replace(kubestory::sim::Object::PersistentVolume(v))
        .unwrap();
    del(&mut c, kubestory::sim::Kind::PersistentVolume, "task");
    assert!(c.volume("task").is_none());
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Lost));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ClaimLost",
        "Bound claim has lost its PersistentVolume. Data on the volume is lost!"
    ));
}
