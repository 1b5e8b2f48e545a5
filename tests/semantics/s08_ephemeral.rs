//! §8.1, generic ephemeral volumes (issue 11, "Ephemeral volumes and permissions"): the claim
//! `<pod>-<volume>` is made for the pod and goes with it.

use crate::build::*;
use kubestory::sim::Kind;
use kubestory::sim::objects::*;
use serde_json::{Value, json};

/// An ephemeral volume source with a 1Gi RWO claim template, optionally of a class.
fn ephemeral(class: Option<&str>) -> Value {
    let mut spec =
        json!({"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}});
    if let Some(c) = class {
        spec["storageClassName"] = json!(c);
    }
    json!({"ephemeral":{"volumeClaimTemplate":{
        "metadata":{"labels":{"type":"scratch"},"annotations":{"note":"from the template"}},
        "spec":spec}}})
}

/// `pkg/controller/volume/ephemeral/controller.go` `handleVolume` and component-helpers
/// `storage/ephemeral` `VolumeClaimName`: the claim is `<pod>-<volume>`, in the pod's
/// namespace, with the template's labels, annotations and spec, controlled by the pod.
#[test]
fn s8_1_ephemeral_controller_creates_pod_volume_claim_owned_by_the_pod() {
    let mut c = cluster();
    apply(&mut c, pod_with("story", Some(ephemeral(None))));
    let pod = c.pod("default", "story").expect("pod").clone();
    let claim = c.claim("default", "story-data").expect("claim story-data");
    assert_eq!(
        claim.metadata.owner_references,
        vec![OwnerReference {
            api_version: "v1".into(),
            kind: "Pod".into(),
            name: "story".into(),
            uid: pod.metadata.uid.clone(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }]
    );
    assert_eq!(
        claim.metadata.labels.get("type").map(String::as_str),
        Some("scratch")
    );
    assert_eq!(
        claim.metadata.annotations.get("note").map(String::as_str),
        Some("from the template")
    );
    // Provisioned through the default class like any claim; the pod runs on it.
    assert_eq!(claim_phase(&c, "story-data"), Some(ClaimPhase::Bound));
    assert_eq!(pod.status.phase, PodPhase::Running);
    write(&mut c, "story", "scratch");
    let pv = bound_to(&c, "story-data").expect("bound");
    assert!(
        c.volume(&pv)
            .and_then(|v| v.spec.host_path.as_ref())
            .is_some_and(|h| h.path == "/tmp/hostpath-provisioner/default/story-data"),
        "the data lives on the provisioned PV, not in an emptyDir"
    );
}

/// The pod is the claim's consumer: a WaitForFirstConsumer class works (the scheduler's
/// VolumeBinding plugin counts ephemeral claims, `podHasPVCs`).
#[test]
fn s8_1_ephemeral_claim_of_a_wait_for_first_consumer_class_binds_for_its_pod() {
    let mut c = cluster();
    apply(
        &mut c,
        sc(
            "late",
            "k8s.io/minikube-hostpath",
            "WaitForFirstConsumer",
            false,
        ),
    );
    apply(&mut c, pod_with("story", Some(ephemeral(Some("late")))));
    assert_eq!(claim_phase(&c, "story-data"), Some(ClaimPhase::Bound));
    let claim = c.claim("default", "story-data").expect("claim");
    assert_eq!(
        claim
            .metadata
            .annotations
            .get("volume.kubernetes.io/selected-node")
            .map(String::as_str),
        Some("minikube")
    );
    assert_eq!(pod_status(&c, "story"), "Running");
}

/// The garbage collector deletes the claim once its owner pod is gone; with the class's
/// Delete policy the PV and its data go too (the data lives and dies with the pod).
#[test]
fn s8_2_deleting_the_pod_deletes_its_ephemeral_claim_pv_and_data() {
    let mut c = cluster();
    apply(&mut c, pod_with("story", Some(ephemeral(None))));
    write(&mut c, "story", "gone with the pod");
    let pv = bound_to(&c, "story-data").expect("bound");
    del(&mut c, Kind::Pod, "story");
    assert!(c.claim("default", "story-data").is_none(), "claim deleted");
    assert!(c.volume(&pv).is_none(), "PV deleted (Delete policy)");
    assert!(
        c.data()
            .losses
            .iter()
            .any(|l| l.stories.iter().any(|s| s.text == "gone with the pod")),
        "the story was lost"
    );
    // A new pod of the same name starts from a new, empty volume.
    apply(&mut c, pod_with("story", Some(ephemeral(None))));
    assert_eq!(read(&c, "story"), Some(vec![]));
}

/// component-helpers `storage/ephemeral` `VolumeIsForPod`: a claim of that name which the pod
/// does not control stops the pod. The scheduler (VolumeBinding `podHasPVCs`) leaves it
/// Pending and the controller (`syncHandler`) reports FailedBinding.
#[test]
fn s8_1_a_claim_not_owned_by_the_pod_keeps_it_pending_pod_is_not_owner() {
    let mut c = cluster();
    apply(&mut c, pvc("story-data", "1Gi", &["ReadWriteOnce"], None));
    apply(&mut c, pod_with("story", Some(ephemeral(None))));
    assert_eq!(pod_status(&c, "story"), "Pending");
    let not_owner =
        "PVC default/story-data was not created for pod default/story (pod is not owner)";
    assert!(has_event(
        &c,
        "Pod",
        "story",
        "FailedBinding",
        &format!("ephemeral volume data: {not_owner}")
    ));
    assert!(
        events_of(&c, "Pod", "story")
            .iter()
            .any(|(r, m)| r == "FailedScheduling"
                && m.starts_with(&format!("0/1 nodes are available: {not_owner}."))),
        "{:?}",
        events_of(&c, "Pod", "story")
    );
    let claim = c.claim("default", "story-data").expect("claim kept");
    assert!(
        claim.metadata.owner_references.is_empty(),
        "the controller leaves it alone"
    );
}

/// Bypassing the scheduler with `nodeName` does not help: the kubelet's desired state of
/// world populator (`createVolumeSpec`) checks `VolumeIsForPod` too.
#[test]
fn s8_1_kubelet_refuses_an_ephemeral_claim_the_pod_does_not_own() {
    let mut c = cluster();
    apply(&mut c, pvc("story-data", "1Gi", &["ReadWriteOnce"], None));
    let mut pod = pod_with("story", Some(ephemeral(None)));
    pod["spec"]["nodeName"] = json!("minikube");
    apply(&mut c, pod);
    assert_eq!(pod_status(&c, "story"), "ContainerCreating");
    assert!(
        events_of(&c, "Pod", "story").iter().any(|(r, m)| {
            r == "FailedMount"
            && m.ends_with(
                "PVC default/story-data was not created for pod default/story (pod is not owner)"
            )
        }),
        "{:?}",
        events_of(&c, "Pod", "story")
    );
}

/// Every pod of a Deployment gets its own claim (`<pod>-<volume>` with the pod's generated
/// name), so replicas never share an ephemeral volume.
#[test]
fn s8_1_each_replica_gets_its_own_ephemeral_claim() {
    let mut c = cluster();
    apply(&mut c, deployment("story", 2, Some(ephemeral(None))));
    let mut claims: Vec<String> = c.claims().map(|x| x.metadata.name.clone()).collect();
    claims.sort();
    let mut expected: Vec<String> = pod_names(&c).iter().map(|p| format!("{p}-data")).collect();
    expected.sort();
    assert_eq!(claims, expected);
}
