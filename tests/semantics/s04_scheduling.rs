//! §4: WaitForFirstConsumer, the scheduler's volume binding, FailedScheduling messages.

use crate::build::*;
use kubestory::sim::objects::*;
use serde_json::json;

fn local_pv(name: &str, node: &str, size: &str) -> serde_json::Value {
    json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":name},
        "spec":{"capacity":{"storage":size},"accessModes":["ReadWriteOnce"],"storageClassName":"local-storage",
        "local":{"path":"/mnt"},"nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[
            {"key":"kubernetes.io/hostname","operator":"In","values":[node]}]}]}}}})
}

fn scheduling_message(c: &kubestory::sim::Cluster, pod: &str) -> Option<String> {
    events_of(c, "Pod", pod)
        .into_iter()
        .rev()
        .find(|(r, _)| r == "FailedScheduling")
        .map(|(_, m)| m)
}

#[test]
fn s4_2_unbound_immediate_claim_keeps_the_pod_pending() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("")));
    apply(&mut c, pod_with_claim("p", "a"));
    assert_eq!(pod_status(&c, "p"), "Pending");
    assert_eq!(
        scheduling_message(&c, "p").as_deref(),
        Some(
            "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."
        )
    );
}

#[test]
fn s4_2_missing_claim_message() {
    let mut c = cluster();
    apply(&mut c, pod_with_claim("p", "nope"));
    assert!(
        scheduling_message(&c, "p")
            .unwrap()
            .contains("persistentvolumeclaim \"nope\" not found")
    );
}

#[test]
fn s4_wffc_waits_for_a_consumer_then_binds_on_the_pods_node() {
    let mut c = cluster_with(2, false);
    apply(
        &mut c,
        sc(
            "local-storage",
            "kubernetes.io/no-provisioner",
            "WaitForFirstConsumer",
            false,
        ),
    );
    apply(&mut c, local_pv("on-m02", "minikube-m02", "5Gi"));
    apply(
        &mut c,
        pvc("a", "1Gi", &["ReadWriteOnce"], Some("local-storage")),
    );
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "WaitForFirstConsumer",
        "waiting for first consumer to be created before binding"
    ));
    apply(&mut c, pod_with_claim("p", "a"));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Bound));
    assert_eq!(node_of(&c, "p").as_deref(), Some("minikube-m02"));
}

#[test]
fn s4_3_bound_local_pv_pins_the_pod_and_reports_node_affinity_s13_9() {
    let mut c = cluster_with(2, false);
    // No StorageClass object: Immediate. The controller binds ignoring node affinity.
    apply(&mut c, local_pv("elsewhere", "gone-node", "5Gi"));
    apply(
        &mut c,
        pvc("a", "1Gi", &["ReadWriteOnce"], Some("local-storage")),
    );
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Bound));
    apply(&mut c, pod_with_claim("p", "a"));
    assert_eq!(pod_status(&c, "p"), "Pending");
    assert_eq!(
        scheduling_message(&c, "p").as_deref(),
        Some(
            "0/2 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."
        )
    );
}

#[test]
fn s4_3_wffc_without_matching_pv_and_no_provisioner() {
    let mut c = cluster();
    apply(
        &mut c,
        sc(
            "local-storage",
            "kubernetes.io/no-provisioner",
            "WaitForFirstConsumer",
            false,
        ),
    );
    apply(
        &mut c,
        pvc("a", "1Gi", &["ReadWriteOnce"], Some("local-storage")),
    );
    apply(&mut c, pod_with_claim("p", "a"));
    assert!(scheduling_message(&c, "p").unwrap().starts_with(
        "0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind."
    ));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "WaitForPodScheduled",
        "waiting for pod p to be scheduled"
    ));
}

#[test]
fn s4_1_prebound_claim_with_wffc_class_is_unbound_immediate_s13_18() {
    let mut c = cluster();
    apply(
        &mut c,
        sc(
            "local-storage",
            "kubernetes.io/no-provisioner",
            "WaitForFirstConsumer",
            false,
        ),
    );
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], Some("local-storage"));
    claim["spec"]["volumeName"] = json!("not-yet");
    apply(&mut c, claim);
    apply(&mut c, pod_with_claim("p", "a"));
    assert!(
        scheduling_message(&c, "p")
            .unwrap()
            .contains("pod has unbound immediate PersistentVolumeClaims")
    );
}

#[test]
fn s4_4_wffc_dynamic_provisioning_uses_the_selected_node() {
    let mut c = cluster_with(2, false);
    apply(
        &mut c,
        sc(
            "local-path",
            "rancher.io/local-path",
            "WaitForFirstConsumer",
            false,
        ),
    );
    apply(
        &mut c,
        pvc("a", "128Mi", &["ReadWriteOnce"], Some("local-path")),
    );
    assert!(c.volumes().next().is_none());
    apply(&mut c, pod_with_claim("p", "a"));
    let node = node_of(&c, "p").unwrap();
    let claim = c.claim("default", "a").unwrap();
    assert_eq!(
        claim
            .metadata
            .annotations
            .get("volume.kubernetes.io/selected-node"),
        Some(&node)
    );
    let v = c.volume(&bound_to(&c, "a").unwrap()).unwrap();
    assert_eq!(kubestory::sim::location::pinned_node(v), Some(node));
}

#[test]
fn s4_cordoned_node_is_not_used() {
    let mut c = cluster_with(2, true);
    c.cordon("minikube", true).unwrap();
    apply(&mut c, pod_with("p", None));
    assert_eq!(node_of(&c, "p").as_deref(), Some("minikube-m02"));
    c.cordon("minikube-m02", true).unwrap();
    apply(&mut c, pod_with("q", None));
    assert!(
        scheduling_message(&c, "q")
            .unwrap()
            .starts_with("0/2 nodes are available: 2 node(s) were unschedulable.")
    );
}

#[test]
fn s8_1_rwop_claim_admits_one_pod_only() {
    let mut c = cluster();
    apply(&mut c, pvc("solo", "1Gi", &["ReadWriteOncePod"], None));
    apply(&mut c, pod_with_claim("first", "solo"));
    apply(&mut c, pod_with_claim("second", "solo"));
    assert_eq!(pod_status(&c, "first"), "Running");
    assert_eq!(pod_status(&c, "second"), "Pending");
    assert!(scheduling_message(&c, "second").unwrap().contains(
        "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"
    ));
}

#[test]
fn s8_1_rwo_is_per_node_not_per_pod_s13_11() {
    let mut c = cluster();
    apply(&mut c, pvc("shared", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, pod_with_claim("first", "shared"));
    apply(&mut c, pod_with_claim("second", "shared"));
    assert_eq!(pod_status(&c, "first"), "Running");
    assert_eq!(pod_status(&c, "second"), "Running");
    write(&mut c, "first", "from first");
    assert_eq!(read(&c, "second"), Some(vec!["from first".to_string()]));
}

/// The scheduler has no ReadWriteOnce check: VolumeRestrictions
/// (`pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go`) only refuses
/// a second ReadWriteOncePod user and conflicting inline GCE-PD/EBS/iSCSI/RBD volumes. So the
/// second replica of an RWO-disk Deployment is placed on the other node and waits there on the
/// attach, rather than staying Pending.
#[test]
fn s4_volume_restrictions_has_no_read_write_once_check() {
    let mut c = cluster_with(2, false);
    apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", true));
    apply(&mut c, pvc("disk", "1Gi", &["ReadWriteOnce"], None));
    apply(
        &mut c,
        deployment(
            "app",
            2,
            Some(json!({"persistentVolumeClaim":{"claimName":"disk"}})),
        ),
    );
    let pods = pod_names(&c);
    assert_eq!(node_of(&c, &pods[0]).as_deref(), Some("minikube"));
    assert_eq!(node_of(&c, &pods[1]).as_deref(), Some("minikube-m02"));
    assert!(
        !c.events().any(|e| e.reason == "FailedScheduling"),
        "the scheduler refused nothing"
    );
}
