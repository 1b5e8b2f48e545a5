//! §8.2: the survival matrix, row by row, column by column. Each cell sets up a one-replica
//! Deployment whose story app keeps its data on that kind of storage, writes a story, applies
//! the event, and checks what the app (the same pod, or its replacement) sees.

use crate::build::*;
use kubestory::sim::{Cluster, Kind};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Storage {
    ContainerFs,
    EmptyDir,
    EmptyDirMemory,
    HostPath,
    HostPathPv,
    LocalPv,
    NetworkRwo,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Seen {
    /// Survives and the app sees it.
    S,
    /// Lost.
    L,
    /// Kept on the old node; the new pod on another node does not see it.
    N,
    /// The new pod is blocked (cannot start); the data is intact.
    B,
}
use Seen::*;
use Storage::*;

const COLUMNS: [Storage; 7] = [
    ContainerFs,
    EmptyDir,
    EmptyDirMemory,
    HostPath,
    HostPathPv,
    LocalPv,
    NetworkRwo,
];

/// The pod's node is never the control plane in these rows (§8.2 is about the pod's node),
/// so the cluster's control plane is managed.
fn setup(storage: Storage, nodes: usize) -> Cluster {
    let mut c = cluster_with_managed_control_plane(nodes, true);
    let volume: Option<Value> = match storage {
        ContainerFs => None,
        EmptyDir => Some(json!({"emptyDir":{}})),
        EmptyDirMemory => Some(json!({"emptyDir":{"medium":"Memory"}})),
        HostPath => Some(json!({"hostPath":{"path":"/data/story","type":"DirectoryOrCreate"}})),
        HostPathPv => {
            apply(
                &mut c,
                json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"host-pv"},
                "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"storageClassName":"",
                "hostPath":{"path":"/data/pv"}}}),
            );
            apply(&mut c, pvc("claim", "1Gi", &["ReadWriteOnce"], Some("")));
            Some(json!({"persistentVolumeClaim":{"claimName":"claim"}}))
        }
        LocalPv => {
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
                json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"local-pv"},
                "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"storageClassName":"local-storage",
                "local":{"path":"/mnt"},"nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[
                    {"key":"kubernetes.io/hostname","operator":"In","values":["minikube"]}]}]}}}}),
            );
            apply(
                &mut c,
                pvc("claim", "1Gi", &["ReadWriteOnce"], Some("local-storage")),
            );
            Some(json!({"persistentVolumeClaim":{"claimName":"claim"}}))
        }
        NetworkRwo => {
            apply(&mut c, sc("ebs", "ebs.csi.aws.com", "Immediate", false));
            apply(&mut c, pvc("claim", "1Gi", &["ReadWriteOnce"], Some("ebs")));
            Some(json!({"persistentVolumeClaim":{"claimName":"claim"}}))
        }
    };
    apply(&mut c, deployment("app", 1, volume));
    assert_eq!(
        node_of(&c, &pod_names(&c)[0]).as_deref(),
        Some("minikube"),
        "{storage:?} starts on minikube"
    );
    write(&mut c, "deploy/app", "s");
    c
}

/// What the app sees now: S if it serves the story, L/N if it serves nothing, B if blocked.
fn observe(c: &Cluster) -> Seen {
    match read(c, "deploy/app") {
        None => B,
        Some(v) if v == ["s"] => S,
        Some(v) if v.is_empty() => {
            // Still on a node's disk (hostPath) = N; otherwise the storage that held it is
            // gone, or belongs to a pod that is being deleted on a dead node = L.
            let on_a_node = c.data().filesystems.iter().any(|(fs, f)| {
                matches!(fs, kubestory::sim::data::FsId::NodeDisk { .. })
                    && f.stories().iter().any(|s| s.text == "s")
            });
            if on_a_node { N } else { L }
        }
        Some(other) => panic!("unexpected stories {other:?}"),
    }
}

fn check_row(name: &str, nodes: usize, expected: [Seen; 7], event: impl Fn(&mut Cluster)) {
    for (storage, want) in COLUMNS.into_iter().zip(expected) {
        let mut c = setup(storage, nodes);
        event(&mut c);
        let got = observe(&c);
        assert_eq!(got, want, "§8.2 row {name:?}, column {storage:?}");
    }
}

fn delete_the_pod(c: &mut Cluster) {
    let pod = pod_names(c)[0].clone();
    del(c, Kind::Pod, &pod);
}

#[test]
fn s8_2_container_restart() {
    check_row("container restart", 1, [L, S, S, S, S, S, S], |c| {
        c.crash(
            "default",
            &kubestory::sim::Target::parse("deploy/app").unwrap(),
            None,
        )
        .unwrap();
    });
}

#[test]
fn s8_2_pod_deleted_replacement_on_the_same_node() {
    check_row(
        "pod deleted, same node",
        1,
        [L, L, L, S, S, S, S],
        delete_the_pod,
    );
}

#[test]
fn s8_2_pod_deleted_replacement_on_another_node() {
    check_row("pod deleted, other node", 2, [L, L, L, N, N, B, S], |c| {
        c.cordon("minikube", true).unwrap();
        delete_the_pod(c);
    });
}

#[test]
fn s8_2_node_reboot() {
    check_row("node reboot", 1, [L, S, L, S, S, S, S], |c| {
        c.reboot_node("minikube").unwrap();
    });
}

/// §9.3 as upstream has it: the evicted pod stays Terminating on the dead node and, as its
/// containers still report running, keeps its RWO disk attached (AD
/// `desired_state_of_world_populator.go` → `IsPodTerminated`): the replacement is blocked
/// however long one waits.
#[test]
fn s8_2_node_lost_replacement_elsewhere_s9_3() {
    check_row("node lost", 2, [L, L, L, N, N, B, B], |c| {
        c.fail_node("minikube").unwrap();
        c.advance(50 + 300 + 3600);
    });
}

/// §9.3: the out-of-service taint (non-graceful node shutdown) frees the disk at once: PodGC
/// `gcTerminating` force-deletes the Terminating pod, the AD reconciler detaches without
/// waiting for the unmount (`hasOutOfServiceTaint`).
#[test]
fn s8_2_node_lost_then_tainted_out_of_service() {
    check_row("node lost, out-of-service", 2, [L, L, L, N, N, B, S], |c| {
        c.fail_node("minikube").unwrap();
        c.advance(50 + 300);
        taint_out_of_service(c, "minikube");
    });
}

fn taint_out_of_service(c: &mut Cluster, node: &str) {
    let mut taints = c.node(node).unwrap().spec.taints.clone();
    taints.push(kubestory::sim::objects::Taint {
        key: "node.kubernetes.io/out-of-service".into(),
        value: Some("nodeshutdown".into()),
        effect: "NoExecute".into(),
        time_added: None,
    });
    c.set_taints(node, taints).unwrap();
}

/// The replacement of a pod evicted from a dead node, and the pod it waits for.
fn lost_node_replacement(c: &mut Cluster) -> (String, String) {
    c.fail_node("minikube").unwrap();
    c.advance(50 + 300);
    let old = c
        .pods()
        .find(|p| p.metadata.deletion_timestamp.is_some())
        .map(|p| p.metadata.name.clone())
        .expect("the evicted pod is Terminating");
    let live: Vec<String> = c
        .pods()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .map(|p| p.metadata.name.clone())
        .collect();
    assert_eq!(live.len(), 1);
    (old, live[0].clone())
}

/// AD `reconcile` and `desired_state_of_world_populator.go`: the evicted pod still needs the
/// disk (Terminating, containers still running as far as the API knows), so the reconciler
/// never detaches it; the replacement's Multi-Attach error names it, once.
#[test]
fn s9_3_network_volume_stays_attached_while_the_old_pod_is_terminating() {
    let mut c = setup(NetworkRwo, 2);
    let (old, new) = lost_node_replacement(&mut c);
    assert_eq!(pod_status(&c, &new), "ContainerCreating");
    let pv = c.volumes().next().unwrap().metadata.name.clone();
    let multi_attach = c
        .events()
        .find(|e| e.reason == "FailedAttachVolume")
        .expect("a FailedAttachVolume event");
    assert_eq!(
        multi_attach.message,
        format!("Multi-Attach error for volume {pv:?} Volume is already used by pod(s) {old}")
    );
    // §12: the attach/detach controller, not the kubelet, reports it.
    assert_eq!(multi_attach.source, "attachdetach-controller");
    // The kubelet has taken the pod: `describe` shows `Node: NAME/IP` even before it runs.
    let waiting = c.pods().find(|p| p.metadata.name == new).unwrap();
    assert!(
        waiting.status.host_ip.is_some(),
        "hostIP is set before mounting"
    );
    c.advance(24 * 3600);
    assert_eq!(pod_status(&c, &new), "ContainerCreating");
    assert_eq!(c.attachment(&pv).unwrap().node, "minikube");
    let reports = c
        .events()
        .filter(|e| e.reason == "FailedAttachVolume")
        .map(|e| e.count)
        .sum::<u32>();
    assert_eq!(reports, 1, "reported once per volume and node");
    // The node comes back: its kubelet finishes the deletion, unmounts, and the disk moves.
    c.recover_node("minikube").unwrap();
    assert_eq!(pod_status(&c, &new), "Running");
    assert_eq!(read(&c, "deploy/app"), Some(vec!["s".to_string()]));
}

/// AD `reconcile`: once the old pod is force-deleted the volume is no longer desired on the
/// dead node, but that node still reports it mounted; the reconciler force-detaches it from
/// the unhealthy node after `maxWaitForUnmountDuration` (6 minutes).
#[test]
fn s9_3_force_delete_then_forced_detach_after_six_minutes() {
    let mut c = setup(NetworkRwo, 2);
    let (old, new) = lost_node_replacement(&mut c);
    c.advance(600);
    c.delete(
        Kind::Pod,
        "default",
        &old,
        kubestory::sim::DeleteOptions { force: true },
    )
    .unwrap();
    assert!(c.pod("default", &old).is_none());
    c.advance(359);
    assert_eq!(pod_status(&c, &new), "ContainerCreating");
    c.advance(1);
    assert_eq!(pod_status(&c, &new), "Running");
    assert_eq!(read(&c, "deploy/app"), Some(vec!["s".to_string()]));
}

/// AD `reconcile` (`hasOutOfServiceTaint`) and PodGC `gcTerminating`: the out-of-service
/// taint on the NotReady node deletes the Terminating pod and detaches at once.
#[test]
fn s9_3_out_of_service_taint_releases_the_volume_at_once() {
    let mut c = setup(NetworkRwo, 2);
    let (old, new) = lost_node_replacement(&mut c);
    taint_out_of_service(&mut c, "minikube");
    assert!(c.pod("default", &old).is_none(), "PodGC force-deleted it");
    assert_eq!(pod_status(&c, &new), "Running");
    let pv = c.volumes().next().unwrap().metadata.name.clone();
    assert_eq!(c.attachment(&pv).unwrap().node, "minikube-m02");
}

/// The taint on a node that failed a moment ago: the taint-eviction controller evicts its
/// pods at once (they do not tolerate it), and PodGC then deletes them; the Deployment
/// replaces the pod without waiting the 5-minute toleration of `unreachable`.
#[test]
fn s9_3_out_of_service_taint_evicts_pods_that_were_not_evicted_yet() {
    let mut c = setup(NetworkRwo, 2);
    c.fail_node("minikube").unwrap();
    c.advance(60);
    taint_out_of_service(&mut c, "minikube");
    let pods: Vec<String> = pod_names(&c);
    assert_eq!(pods.len(), 1);
    assert_eq!(node_of(&c, &pods[0]).as_deref(), Some("minikube-m02"));
    assert_eq!(pod_status(&c, &pods[0]), "Running");
}

/// PodGC `gcOrphaned`: deleting the Node object deletes its pods after the 40-second
/// quarantine; the AD reconciler then force-detaches from the missing (unhealthy) node 6
/// minutes later (`nodeDelete` keeps the actual state of the world).
#[test]
fn s9_3_deleting_the_node_frees_the_volume_after_quarantine_and_forced_detach() {
    let mut c = setup(NetworkRwo, 2);
    let (old, new) = lost_node_replacement(&mut c);
    del(&mut c, Kind::Node, "minikube");
    c.advance(39);
    assert!(c.pod("default", &old).is_some(), "quarantined");
    c.advance(1);
    assert!(c.pod("default", &old).is_none(), "PodGC deleted the orphan");
    c.advance(359);
    assert_eq!(pod_status(&c, &new), "ContainerCreating");
    c.advance(1);
    assert_eq!(pod_status(&c, &new), "Running");
}

#[test]
fn s8_2_deployment_deleted_leaves_claims_and_pvs() {
    let mut c = setup(HostPathPv, 1);
    del(&mut c, Kind::Deployment, "app");
    assert!(c.pods().next().is_none());
    assert!(c.replica_sets().next().is_none());
    assert_eq!(
        claim_phase(&c, "claim"),
        Some(kubestory::sim::objects::ClaimPhase::Bound)
    );
}

/// §8.1 (mounts): the longest mountPath prefix wins and subPath selects a directory inside the
/// volume, as in the docs' pv-duplicate example (one claim mounted twice).
#[test]
fn s8_1_mounts_resolve_by_longest_prefix_with_sub_path() {
    let mut c = cluster();
    apply(&mut c, pvc("shared", "1Gi", &["ReadWriteOnce"], None));
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"two-views",
        "annotations":{"kubestory.io/data-path":"/app/story/inner"}},
        "spec":{"containers":[{"name":"story","image":"story","volumeMounts":[
            {"name":"data","mountPath":"/app/story","subPath":"outer"},
            {"name":"data","mountPath":"/app/story/inner","subPath":"html"}]}],
        "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"shared"}}]}}),
    );
    let w = c
        .write_story(
            "default",
            &kubestory::sim::Target::Pod("two-views".into()),
            None,
            "deep",
        )
        .expect("written");
    let pv = c.volume(&bound_to(&c, "shared").unwrap()).unwrap();
    let root = pv.spec.host_path.as_ref().unwrap().path.clone();
    assert_eq!(
        w.path,
        format!("{root}/html/text.txt"),
        "the deeper mount and its subPath win"
    );
}

/// The data-path annotation moves where the app keeps its stories (README, "Where the apps
/// keep their data"); without it, redis keeps data in /data, outside a /data/redis mount, as
/// the docs' redis example really does.
#[test]
fn s8_1_data_path_annotation_and_image_defaults() {
    let mut c = cluster();
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"redis"},
        "spec":{"containers":[{"name":"redis","image":"redis","volumeMounts":[{"name":"redis-storage","mountPath":"/data/redis"}]}],
        "volumes":[{"name":"redis-storage","emptyDir":{}}]}}),
    );
    let t = kubestory::sim::Target::Pod("redis".into());
    let w = c.write_story("default", &t, None, "cached").unwrap();
    assert!(
        matches!(w.fs, kubestory::sim::data::FsId::ContainerLayer { .. }),
        "{:?}",
        w.fs
    );
    let mut annotated = json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"redis2","annotations":{"kubestory.io/data-path":"/data/redis"}},
        "spec":{"containers":[{"name":"redis","image":"redis","volumeMounts":[{"name":"redis-storage","mountPath":"/data/redis"}]}],
        "volumes":[{"name":"redis-storage","emptyDir":{}}]}});
    apply(&mut c, annotated.take());
    let w = c
        .write_story(
            "default",
            &kubestory::sim::Target::Pod("redis2".into()),
            None,
            "kept",
        )
        .unwrap();
    assert!(
        matches!(w.fs, kubestory::sim::data::FsId::EmptyDir { .. }),
        "{:?}",
        w.fs
    );
}
