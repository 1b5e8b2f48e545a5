//! §7: deletion protection.

use crate::build::*;
use kubestory::sim::objects::*;
use kubestory::sim::{DeleteOutcome, Kind};

#[test]
fn s7_1_claim_in_use_is_terminating_and_keeps_working_s13_8() {
    let mut c = cluster();
    apply(&mut c, pvc("claim", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, pod_with_claim("user", "claim"));
    assert_eq!(
        del(&mut c, Kind::PersistentVolumeClaim, "claim"),
        DeleteOutcome::Terminating
    );
    let claim = c.claim("default", "claim").unwrap();
    assert!(claim.metadata.deletion_timestamp.is_some());
    assert_eq!(claim.status.phase, Some(ClaimPhase::Bound));
    write(&mut c, "user", "still works");
    assert_eq!(read(&c, "user"), Some(vec!["still works".to_string()]));
    // A new pod cannot use it.
    apply(&mut c, pod_with_claim("newcomer", "claim"));
    assert_eq!(pod_status(&c, "newcomer"), "Pending");
    assert!(
        events_of(&c, "Pod", "newcomer")
            .iter()
            .any(|(_, m)| m.contains("persistentvolumeclaim \"claim\" is being deleted"))
    );
    del(&mut c, Kind::Pod, "user");
    assert!(c.claim("default", "claim").is_none());
}

#[test]
fn s7_1_unscheduled_pods_do_not_block_but_finished_pods_do() {
    let mut c = cluster();
    apply(&mut c, pvc("claim", "1Gi", &["ReadWriteOnce"], None));
    let mut once = pod_with_claim("once", "claim");
    once["spec"]["restartPolicy"] = serde_json::json!("Never");
    apply(&mut c, once);
    c.crash("default", &kubestory::sim::Target::Pod("once".into()), None)
        .unwrap();
    assert_eq!(pod_status(&c, "once"), "Error");
    assert_eq!(
        del(&mut c, Kind::PersistentVolumeClaim, "claim"),
        DeleteOutcome::Terminating,
        "a Failed pod object still blocks"
    );
    del(&mut c, Kind::Pod, "once");
    assert!(c.claim("default", "claim").is_none());

    apply(&mut c, pvc("other", "1Gi", &["ReadWriteOnce"], Some("")));
    apply(&mut c, pod_with_claim("waiting", "other"));
    assert_eq!(pod_status(&c, "waiting"), "Pending");
    assert_eq!(
        del(&mut c, Kind::PersistentVolumeClaim, "other"),
        DeleteOutcome::Deleted
    );
}

#[test]
fn s7_2_bound_pv_is_terminating_until_its_claim_goes() {
    let mut c = cluster();
    apply(&mut c, pv("v", "1Gi", &["ReadWriteOnce"], Some("manual")));
    apply(
        &mut c,
        pvc("claim", "1Gi", &["ReadWriteOnce"], Some("manual")),
    );
    assert_eq!(
        del(&mut c, Kind::PersistentVolume, "v"),
        DeleteOutcome::Terminating
    );
    assert_eq!(volume_phase(&c, "v"), Some(VolumePhase::Bound));
    del(&mut c, Kind::PersistentVolumeClaim, "claim");
    assert!(c.volume("v").is_none());
}

#[test]
fn s7_2_available_pv_is_deleted_at_once() {
    let mut c = cluster();
    apply(&mut c, pv("v", "1Gi", &["ReadWriteOnce"], Some("manual")));
    assert_eq!(
        del(&mut c, Kind::PersistentVolume, "v"),
        DeleteOutcome::Deleted
    );
}
