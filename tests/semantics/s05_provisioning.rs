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

/// The CSI external-provisioner refuses a selector (external-provisioner
/// `pkg/controller/controller.go` `Provision`: "claim Selector is not supported"), wrapped by
/// sig-storage-lib-external-provisioner v11 `provisionClaimOperation`.
#[test]
fn s5_csi_external_provisioner_refuses_a_claim_with_selector() {
    let mut c = cloud_cluster(1, 1);
    apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", false));
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], Some("ebs"));
    claim["spec"]["selector"] = json!({"matchLabels":{"x":"y"}});
    apply(&mut c, claim);
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"ebs\": claim Selector is not supported"
    ));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

/// local-path `provisioner.go` `provisionFor`: "claim.Spec.Selector is not supported".
#[test]
fn s5_local_path_provisioner_refuses_a_claim_with_selector() {
    let mut c = kind_cluster(1);
    apply(
        &mut c,
        sc("local", "rancher.io/local-path", "Immediate", false),
    );
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], Some("local"));
    claim["spec"]["selector"] = json!({"matchLabels":{"x":"y"}});
    apply(&mut c, claim);
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
}

/// Upstream differs from the semantics document (§5 says every external provisioner refuses
/// a selector): minikube's hostPath provisioner checks nothing (minikube
/// `pkg/storage/storage_provisioner.go` `Provision`), and its library, v6.3.0, has no selector
/// check, so the claim is provisioned and bound with its selector ignored.
#[test]
fn s5_minikube_hostpath_provisioner_ignores_a_claim_selector() {
    let mut c = cluster();
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], None);
    claim["spec"]["selector"] = json!({"matchLabels":{"x":"y"}});
    apply(&mut c, claim);
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Bound));
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
    // The EFS CSI driver (the cloud profile's file service): one access point per claim.
    let mut c = cloud_cluster(2, 2);
    let mut files = sc("efs", "efs.csi.aws.com", "Immediate", true);
    files["parameters"] =
        json!({"provisioningMode":"efs-ap","fileSystemId":"fs-0a1b2c3d4e5f60718"});
    apply(&mut c, files);
    apply(&mut c, pvc("shared", "1Gi", &["ReadWriteMany"], None));
    let v = c.volume(&bound_to(&c, "shared").unwrap()).unwrap();
    assert!(
        v.spec.csi.is_some(),
        "the EFS CSI driver provisions CSI PVs"
    );
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
    let mut c = cloud_cluster(2, 1);
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
    // A self-managed cluster (kubeadm on EC2: the control plane on `minikube`) with the EBS
    // driver; no built-in profile has both.
    let mut c = kubestory::sim::Cluster::new(kubestory::sim::ClusterConfig {
        control_plane: Some("minikube".into()),
        ..cloud_cluster(2, 1).config().clone()
    });
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

/// issue 11, "What is not installed does not work": a class for a driver the profile does not
/// install leaves its claims Pending with the PV controller's `ExternalProvisioning` event
/// (pv_controller.go `provisionClaimOperationExternal`), and nothing else.
#[test]
fn s5_a_driver_the_profile_lacks_never_provisions() {
    let mut c = cluster();
    apply(&mut c, sc("disk", "ebs.csi.aws.com", "Immediate", false));
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("disk")));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    let reasons: Vec<String> = events_of(&c, "PersistentVolumeClaim", "a")
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(reasons, vec!["ExternalProvisioning".to_string()]);
}

/// sig-storage-lib-external-provisioner `controller.go` `canProvision`: a provisioner that is
/// not a BlockProvisioner refuses Block claims, before its `Provisioning` event.
#[test]
fn s5_minikube_hostpath_refuses_block_claims() {
    let mut c = cluster();
    let mut claim = pvc("a", "1Gi", &["ReadWriteOnce"], None);
    claim["spec"]["volumeMode"] = json!("Block");
    apply(&mut c, claim);
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "k8s.io/minikube-hostpath does not support block volume provisioning"
    ));
}

/// local-path `provisioner.go` `provisionFor`: ReadWriteOnce and ReadWriteOncePod only.
#[test]
fn s5_local_path_refuses_read_write_many() {
    let mut c = kind_cluster(2);
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteMany"], Some("local")));
    apply(
        &mut c,
        sc("local", "rancher.io/local-path", "Immediate", false),
    );
    apply(&mut c, pvc("b", "1Gi", &["ReadWriteMany"], Some("local")));
    assert_eq!(claim_phase(&c, "b"), Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "b",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"local\": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes"
    ));
}

/// aws-efs-csi-driver `pkg/driver/controller.go` `CreateVolume`: `fileSystemId` is required.
#[test]
fn s5_efs_driver_requires_its_file_system_parameter() {
    let mut c = cloud_cluster(1, 1);
    let mut files = sc("efs", "efs.csi.aws.com", "Immediate", false);
    files["parameters"] = json!({"provisioningMode":"efs-ap"});
    apply(&mut c, files);
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteMany"], Some("efs")));
    assert_eq!(claim_phase(&c, "a"), Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"efs\": rpc error: code = InvalidArgument desc = Missing fileSystemId parameter"
    ));
}

/// aws-ebs-csi-driver `isValidVolumeCapabilities`: a ReadWriteMany filesystem is refused.
#[test]
fn s5_ebs_driver_refuses_a_shared_filesystem() {
    let mut c = cloud_cluster(1, 1);
    apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", false));
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteMany"], Some("ebs")));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "a",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"ebs\": rpc error: code = InvalidArgument desc = Volume capabilities not supported"
    ));
}

/// external-provisioner `checkDriverCapabilities`: EBS reports no CLONE_VOLUME, so a claim
/// cloned from another fails instead of binding empty.
#[test]
fn s5_ebs_driver_cannot_clone_a_claim() {
    let mut c = cloud_cluster(1, 1);
    apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", false));
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("ebs")));
    let mut clone = pvc("b", "1Gi", &["ReadWriteOnce"], Some("ebs"));
    clone["spec"]["dataSource"] = json!({"kind":"PersistentVolumeClaim","name":"a"});
    apply(&mut c, clone);
    assert_eq!(claim_phase(&c, "b"), Some(ClaimPhase::Pending));
    assert!(has_event(
        &c,
        "PersistentVolumeClaim",
        "b",
        "ProvisioningFailed",
        "failed to provision volume with StorageClass \"ebs\": CSI driver does not support clone operations: controller CLONE_VOLUME capability is not reported"
    ));
}

/// external-provisioner `getSnapshotSource`: without the snapshot CRDs the VolumeSnapshot
/// cannot be read, so a restore fails instead of binding empty.
#[test]
fn s5_restoring_a_snapshot_without_its_crds_fails() {
    let mut c = cloud_cluster(1, 1);
    apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", false));
    let mut restore = pvc("b", "1Gi", &["ReadWriteOnce"], Some("ebs"));
    restore["spec"]["dataSource"] =
        json!({"apiGroup":"snapshot.storage.k8s.io","kind":"VolumeSnapshot","name":"snap"});
    apply(&mut c, restore);
    assert_eq!(claim_phase(&c, "b"), Some(ClaimPhase::Pending));
    assert!(
        events_of(&c, "PersistentVolumeClaim", "b")
            .iter()
            .any(|(r, m)| r == "ProvisioningFailed"
                && m.contains(
                    "error getting handle for DataSource Type VolumeSnapshot by Name snap"
                ))
    );
}

/// A zonal disk is made in the selected node's zone and its PV says so
/// (aws-ebs-csi-driver `newCreateVolumeResponse`: `topology.kubernetes.io/zone`).
#[test]
fn s5_a_zonal_disk_is_made_in_the_selected_nodes_zone() {
    let mut c = cloud_cluster(2, 2);
    apply(
        &mut c,
        sc("ebs", "ebs.csi.aws.com", "WaitForFirstConsumer", false),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("ebs")));
    let mut pod = pod_with_claim("p", "a");
    pod["spec"]["nodeSelector"] = json!({"kubernetes.io/hostname":"minikube-m02"});
    apply(&mut c, pod);
    let pv = c.volume(&bound_to(&c, "a").unwrap()).unwrap();
    let affinity = serde_json::to_value(&pv.spec.node_affinity).unwrap();
    assert_eq!(
        affinity["required"]["nodeSelectorTerms"][0]["matchExpressions"][0],
        json!({"key":"topology.kubernetes.io/zone","operator":"In","values":["us-east-1b"]})
    );
}

/// A pod pinned with `nodeName` to another zone skips the scheduler's node-affinity check, so
/// the attach itself fails: EC2 answers `InvalidVolume.ZoneMismatch` (aws-ebs-csi-driver
/// `ControllerPublishVolume`; the attach/detach controller's `FailedAttachVolume`), once.
#[test]
fn s8_1_a_zonal_disk_never_attaches_in_another_zone() {
    let mut c = cloud_cluster(2, 2);
    apply(
        &mut c,
        sc("ebs", "ebs.csi.aws.com", "WaitForFirstConsumer", false),
    );
    apply(&mut c, pvc("a", "1Gi", &["ReadWriteOnce"], Some("ebs")));
    let mut first = pod_with_claim("first", "a");
    first["spec"]["nodeSelector"] = json!({"kubernetes.io/hostname":"minikube"});
    apply(&mut c, first);
    assert_eq!(pod_status(&c, "first"), "Running");
    c.delete(
        kubestory::sim::Kind::Pod,
        "default",
        "first",
        Default::default(),
    )
    .unwrap();
    c.advance(60);
    let mut pinned = pod_with_claim("pinned", "a");
    pinned["spec"]["nodeName"] = json!("minikube-m02");
    apply(&mut c, pinned);
    c.advance(600);
    assert_eq!(pod_status(&c, "pinned"), "ContainerCreating");
    let failures: Vec<String> = events_of(&c, "Pod", "pinned")
        .into_iter()
        .filter(|(r, _)| r == "FailedAttachVolume")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains("InvalidVolume.ZoneMismatch"),
        "{failures:?}"
    );
}

/// minikube's csi-hostpath-driver addon: a clone starts with the source's files and then
/// lives apart (csi-driver-host-path `CreateVolume` copies the source volume's directory).
#[test]
fn s5_a_csi_clone_copies_the_source_volume() {
    let mut c = kubestory::sim::Cluster::new(kubestory::sim::ClusterConfig {
        addons: vec![kubestory::sim::profile::Addon::CsiHostpathDriver],
        ..Default::default()
    });
    apply(
        &mut c,
        pvc("a", "1Gi", &["ReadWriteOnce"], Some("csi-hostpath-sc")),
    );
    apply(&mut c, pod_with_claim("writer", "a"));
    write(&mut c, "writer", "before");
    let mut clone = pvc("b", "1Gi", &["ReadWriteOnce"], Some("csi-hostpath-sc"));
    clone["spec"]["dataSource"] = json!({"kind":"PersistentVolumeClaim","name":"a"});
    apply(&mut c, clone);
    apply(&mut c, pod_with_claim("reader", "b"));
    write(&mut c, "writer", "after");
    assert_eq!(read(&c, "reader"), Some(vec!["before".to_string()]));
    // A source that does not exist: the external-provisioner's error, and no volume.
    let mut orphan = pvc("c", "1Gi", &["ReadWriteOnce"], Some("csi-hostpath-sc"));
    orphan["spec"]["dataSource"] = json!({"kind":"PersistentVolumeClaim","name":"nope"});
    apply(&mut c, orphan);
    assert_eq!(claim_phase(&c, "c"), Some(ClaimPhase::Pending));
    assert!(
        events_of(&c, "PersistentVolumeClaim", "c")
            .iter()
            .any(|(r, m)| r == "ProvisioningFailed"
                && m.contains(
                    "error getting handle for DataSource Type PersistentVolumeClaim by Name nope"
                ))
    );
}
