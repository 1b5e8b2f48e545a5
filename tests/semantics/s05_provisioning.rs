//! §5: dynamic provisioning.

use crate::build::*;
use kubestory::sim::objects::*;
use serde_json::json;

#[test]
fn s5_external_provisioning_event_sequence() {
    let mut c = cluster();
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], None));
    let uid = c.claim("default", "a").unwrap().metadata.uid.clone();
    let ev = events_of(&c, "PersistentVolumeClaim", "a");
    assert_eq!(ev[0].0, "ExternalProvisioning");
    assert_eq!(
        ev[0].1,
        "Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."
    );
    assert_eq!(
        ev[1],
        (
            "Provisioning".into(),
            "External provisioner is provisioning volume for claim \"default/a\"".into()
        )
    );
    assert_eq!(
        ev[2],
        (
            "ProvisioningSucceeded".into(),
            format!("Successfully provisioned volume pvc-{uid}")
        )
    );
    let claim = c.claim("default", "a").unwrap();
    assert!(claim.metadata.has_annotation(
        "volume.kubernetes.io/storage-provisioner",
        "k8s.io/minikube-hostpath"
    ));
    let v = c.volume(&format!("pvc-{uid}")).unwrap();
    assert!(v.metadata.has_annotation(
        "pv.kubernetes.io/provisioned-by",
        "k8s.io/minikube-hostpath"
    ));
    assert_eq!(
        v.spec.host_path.as_ref().unwrap().path,
        "/tmp/hostpath-provisioner/default/a"
    );
}

#[test]
fn s5_no_provisioner_with_immediate_binding_fails() {
    let mut c = cluster();
    apply(
        &mut c,
        sc("manual", "kubernetes.io/no-provisioner", "Immediate", false),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("manual")));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "no volume plugin matched name: kubernetes.io/no-provisioner"
    ));
}

#[test]
fn s5_unknown_external_provisioner_leaves_the_claim_pending() {
    let mut c = cluster();
    apply(
        &mut c,
        sc("custom", "example.com/not-installed", "Immediate", false),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("custom")));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    let reasons: Vec<String> = events_of(&c, "PersistentVolumeClaim", "a")
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(reasons, vec!["ExternalProvisioning".to_string()]);
}

#[test]
fn s5_claim_with_selector_cannot_be_provisioned() {
    let mut c = cluster();
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], None);
    claim["spec"]["selector"] = json!({"matchLabels":{"x":"y"}});
    apply(&mut c, claim);
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"standard\": claim Selector is not supported"
    ));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

#[test]
fn s5_static_pv_of_the_class_is_used_before_provisioning() {
    let mut c = cluster();
    apply(
        &mut c,
        pv("static", "5Gi", &["ReadWriteOnce"], Some("standard")),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], None));
    assert_eq!(bound_to(&c, "a").as_deref(), Some("static"));
}

#[test]
fn s8_1_rwx_shared_filesystem_is_the_same_data_on_every_node() {
    let mut c = cluster_with(2, false);
    apply(
        &mut c,
        sc(
            "nfs",
            "cluster.local/nfs-subdir-external-provisioner",
            "Immediate",
            true,
        ),
    );
    apply(&mut c, pvc("shared", "1Gi", &["ReadWriteMany"], None));
    let v = c.volume(&bound_to(&c, "shared").unwrap()).unwrap();
    assert!(v.spec.nfs.is_some(), "nfs-subdir provisions NFS PVs");
    apply(
        &mut c,
        deployment(
            "app",
            2,
            Some(json!({"persistentVolumeClaim":{"claimName":"shared"}})),
        ),
    );
    let nodes: Vec<Option<String>> = pod_names(&c).iter().map(|p| node_of(&c, p)).collect();
    assert_eq!(
        nodes,
        vec![
            Some("minikube".to_string()),
            Some("minikube-m02".to_string())
        ]
    );
    let pods = pod_names(&c);
    write(&mut c, &pods[0], "written on one node");
    assert_eq!(
        read(&c, &pods[1]),
        Some(vec!["written on one node".to_string()])
    );
}

#[test]
fn s8_1_rwo_block_volume_on_two_nodes_gets_multi_attach() {
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
    let statuses: Vec<String> = pod_names(&c).iter().map(|p| pod_status(&c, p)).collect();
    assert_eq!(statuses, vec!["Running", "ContainerCreating"]);
    let (first, second) = (pod_names(&c)[0].clone(), pod_names(&c)[1].clone());
    let pv = c.volumes().next().unwrap().metadata.name.clone();
    // AD `reportMultiAttachError`: the first pod still needs the disk on its node, so it is
    // named.
    let expected =
        format!("Multi-Attach error for volume {pv:?} Volume is already used by pod(s) {first}");
    assert!(has_event(
        &c,
        "Pod",
        &second,
        "FailedAttachVolume",
        &expected
    ));
    // Reported once per volume and node (`MultiAttachErrorReported`), however long the pod
    // waits; a v1.34 kubelet adds nothing for a pure attach timeout (`SyncPod` skips its
    // FailedMount event when `wait.Interrupted`).
    c.advance(3600);
    let warnings: Vec<(u32, String)> = c
        .events()
        .filter(|e| e.object.name == second && e.type_.as_str() == "Warning")
        .map(|e| (e.count, e.reason.clone()))
        .collect();
    assert_eq!(warnings, vec![(1, "FailedAttachVolume".to_string())]);
    assert_eq!(pod_status(&c, &second), "ContainerCreating");
}

/// A restarted kube-controller-manager rebuilds the attach/detach controller's desired state
/// of the world with `MultiAttachErrorReported` unset, so a conflict still in the way is
/// reported again (the event's count goes to 2): on minikube, when the control-plane node
/// comes back.
#[test]
fn s8_1_multi_attach_reported_again_after_the_controllers_restart() {
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
    let count = |c: &kubestory::sim::Cluster| {
        c.events()
            .filter(|e| e.reason == "FailedAttachVolume")
            .map(|e| e.count)
            .sum::<u32>()
    };
    assert_eq!(count(&c), 1);
    c.advance(600);
    assert_eq!(count(&c), 1);
    c.fail_node("minikube").unwrap();
    c.advance(60);
    c.recover_node("minikube").unwrap();
    assert_eq!(count(&c), 2);
}
