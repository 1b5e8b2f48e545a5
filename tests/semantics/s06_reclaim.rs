//! §6: phases and reclaim.

use crate::build::*;
use kubestory::sim::objects::*;
use kubestory::sim::{Kind, Object};
use serde_json::json;

fn hostpath_pv(name: &str, path: &str, policy: &str) -> serde_json::Value {
    json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":name},
        "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"storageClassName":"manual",
        "persistentVolumeReclaimPolicy":policy,"hostPath":{"path":path}}})
}

fn use_and_release(c: &mut kubestory::sim::Cluster, pv_json: serde_json::Value) {
    apply(c, pv_json);
    apply(c, pvc("claim", "1Gi", &["ReadWriteOnce"], Some("manual")));
    apply(c, pod_with_claim("writer", "claim"));
    write(c, "writer", "precious");
    del(c, Kind::Pod, "writer");
    del(c, Kind::PersistentVolumeClaim, "claim");
}

#[test]
fn s6_3_retain_keeps_pv_released_with_its_claim_and_data() {
    let mut c = cluster();
    use_and_release(&mut c, hostpath_pv("kept", "/mnt/data", "Retain"));
    let v = c.volume("kept").unwrap();
    assert_eq!(v.status.phase, Some(VolumePhase::Released));
    assert_eq!(v.spec.claim_ref.as_ref().unwrap().name_str(), "claim");
    // The data is still on the node.
    let disk = kubestory::sim::data::FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert_eq!(c.data().read(&disk, "/mnt/data/text.txt").len(), 1);
}

#[test]
fn s6_3_clearing_claim_ref_makes_the_pv_available_and_the_data_reusable() {
    let mut c = cluster();
    use_and_release(&mut c, hostpath_pv("kept", "/mnt/data", "Retain"));
    let mut v = c.volume("kept").unwrap().clone();
    v.spec.claim_ref = None;
    c.replace(Object::PersistentVolume(v)).unwrap();
    assert_eq!(volume_phase(&c, "kept"), Some(VolumePhase::Available));
    apply(
        &mut c,
        pvc("claim", "1Gi", &["ReadWriteOnce"], Some("manual")),
    );
    assert_eq!(bound_to(&c, "claim").as_deref(), Some("kept"));
    apply(&mut c, pod_with_claim("reader", "claim"));
    assert_eq!(read(&c, "reader"), Some(vec!["precious".to_string()]));
}

#[test]
fn s6_1_hostpath_delete_outside_tmp_fails_and_keeps_the_data_s13_7() {
    let mut c = cluster();
    use_and_release(&mut c, hostpath_pv("doomed", "/mnt/data", "Delete"));
    let v = c.volume("doomed").unwrap();
    assert_eq!(v.status.phase, Some(VolumePhase::Failed));
    let msg = "host_path deleter only supports /tmp/.+ but received provided /mnt/data";
    assert_eq!(v.status.message.as_deref(), Some(msg));
    assert!(has_event(
        &c,
        "PersistentVolume",
        "doomed",
        "VolumeFailedDelete",
        msg
    ));
    let disk = kubestory::sim::data::FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert_eq!(c.data().read(&disk, "/mnt/data/text.txt").len(), 1);
}

#[test]
fn s6_1_hostpath_delete_under_tmp_deletes_the_pv_object_only() {
    let mut c = cluster();
    use_and_release(&mut c, hostpath_pv("tmp", "/tmp/data", "Delete"));
    assert!(c.volume("tmp").is_none());
    let disk = kubestory::sim::data::FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert_eq!(
        c.data().read(&disk, "/tmp/data/text.txt").len(),
        1,
        "the deleter runs in kube-controller-manager"
    );
}

#[test]
fn s6_3_dynamic_delete_removes_pv_and_data() {
    let mut c = cluster();
    apply(&mut c, pvc("claim", "1Gi", &["ReadWriteOnce"], None));
    let pv_name = bound_to(&c, "claim").unwrap();
    apply(&mut c, pod_with_claim("writer", "claim"));
    write(&mut c, "writer", "gone soon");
    del(&mut c, Kind::Pod, "writer");
    del(&mut c, Kind::PersistentVolumeClaim, "claim");
    assert!(c.volume(&pv_name).is_none());
    let loss = c
        .data()
        .losses
        .iter()
        .find(|l| l.stories.iter().any(|s| s.text == "gone soon"))
        .expect("recorded loss");
    assert!(loss.why.contains("reclaim policy Delete"), "{}", loss.why);
}

#[test]
fn s6_1_delete_policy_without_deleter_plugin_fails() {
    let mut c = cluster();
    let v = json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"nfs"},
        "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteMany"],"storageClassName":"manual",
        "persistentVolumeReclaimPolicy":"Delete","nfs":{"server":"nfs.example","path":"/exports/a"}}});
    apply(&mut c, v);
    apply(
        &mut c,
        pvc("claim", "1Gi", &["ReadWriteMany"], Some("manual")),
    );
    del(&mut c, Kind::PersistentVolumeClaim, "claim");
    let v = c.volume("nfs").unwrap();
    assert_eq!(v.status.phase, Some(VolumePhase::Failed));
    assert_eq!(
        v.status.message.as_deref(),
        Some("error getting deleter volume plugin for volume \"nfs\": no volume plugin matched")
    );
}

#[test]
fn s6_1_recycle_scrubs_and_makes_available() {
    let mut c = cluster();
    use_and_release(&mut c, hostpath_pv("recycled", "/mnt/r", "Recycle"));
    assert_eq!(volume_phase(&c, "recycled"), Some(VolumePhase::Available));
    assert!(has_event(
        &c,
        "PersistentVolume",
        "recycled",
        "VolumeRecycled",
        "Volume recycled"
    ));
    let disk = kubestory::sim::data::FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert!(c.data().read(&disk, "/mnt/r/text.txt").is_empty());
}
