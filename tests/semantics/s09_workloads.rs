//! §9: Deployments, StatefulSets and node failure.

use crate::build::*;
use kubestory::sim::Kind;
use kubestory::sim::objects::*;
use serde_json::json;

fn web(replicas: u32) -> serde_json::Value {
    json!({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web"},
        "spec":{"serviceName":"nginx","replicas":replicas,"selector":{"matchLabels":{"app":"nginx"}},
        "template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.7",
            "volumeMounts":[{"name":"www","mountPath":"/usr/share/nginx/html"}]}]}},
        "volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}})
}

#[test]
fn s9_1_deployment_pods_are_named_deploy_hash_suffix_and_renamed_on_replacement() {
    let mut c = cluster();
    apply(&mut c, deployment("story", 1, None));
    let first = pod_names(&c)[0].clone();
    let rs = c.replica_sets().next().unwrap().metadata.name.clone();
    assert!(rs.starts_with("story-"));
    assert!(first.starts_with(&format!("{rs}-")));
    assert_eq!(first.len(), rs.len() + 6);
    del(&mut c, Kind::Pod, &first);
    let second = pod_names(&c)[0].clone();
    assert_ne!(first, second);
    assert!(second.starts_with(&format!("{rs}-")));
}

#[test]
fn s9_2_statefulset_names_claims_and_reuses_them() {
    let mut c = cluster();
    apply(&mut c, web(2));
    assert_eq!(pod_names(&c), vec!["web-0", "web-1"]);
    assert_eq!(claim_phase(&c, "www-web-0"), Some(ClaimPhase::Bound));
    assert_eq!(claim_phase(&c, "www-web-1"), Some(ClaimPhase::Bound));
    write(&mut c, "web-0", "zero");
    del(&mut c, Kind::Pod, "web-0");
    assert_eq!(pod_names(&c), vec!["web-0", "web-1"]);
    assert_eq!(read(&c, "web-0"), Some(vec!["zero".to_string()]));
}

#[test]
fn s9_2_scale_down_keeps_claims_and_scale_up_reuses_them_s13_14() {
    let mut c = cluster();
    apply(&mut c, web(2));
    write(&mut c, "web-1", "one");
    c.scale(Kind::StatefulSet, "default", "web", 1).unwrap();
    assert_eq!(pod_names(&c), vec!["web-0"]);
    assert_eq!(claim_phase(&c, "www-web-1"), Some(ClaimPhase::Bound));
    c.scale(Kind::StatefulSet, "default", "web", 2).unwrap();
    assert_eq!(read(&c, "web-1"), Some(vec!["one".to_string()]));
    del(&mut c, Kind::StatefulSet, "web");
    assert!(c.pods().next().is_none());
    assert_eq!(c.claims().count(), 2, "claims outlive the StatefulSet");
}

#[test]
fn s9_2_statefulset_pods_start_in_order() {
    let mut c = cluster();
    apply(&mut c, sc("slow", "example.com/never", "Immediate", true));
    apply(&mut c, web(3));
    // web-0 cannot start (its claim never binds), so web-1 is never created.
    assert_eq!(pod_names(&c), vec!["web-0"]);
}

#[test]
fn s9_3_node_failure_timeline_for_a_deployment() {
    let mut c = cluster_with_managed_control_plane(2, true);
    apply(&mut c, deployment("story", 1, None));
    let pod = pod_names(&c)[0].clone();
    assert_eq!(node_of(&c, &pod).as_deref(), Some("minikube"));
    c.fail_node("minikube").unwrap();
    assert!(
        c.node("minikube").unwrap().is_ready(),
        "the control plane has not noticed yet"
    );
    c.advance(49);
    assert!(c.node("minikube").unwrap().is_ready());
    c.advance(1);
    assert!(!c.node("minikube").unwrap().is_ready());
    assert_eq!(pod_status(&c, &pod), "Running");
    c.advance(299);
    assert_eq!(pod_names(&c).len(), 1);
    c.advance(1);
    assert_eq!(pod_status(&c, &pod), "Terminating");
    let replacement: Vec<String> = pod_names(&c).into_iter().filter(|p| p != &pod).collect();
    assert_eq!(replacement.len(), 1);
    assert_eq!(
        node_of(&c, &replacement[0]).as_deref(),
        Some("minikube-m02")
    );
    // The evicted pod never finishes terminating while the kubelet is gone...
    c.advance(3600);
    assert_eq!(pod_status(&c, &pod), "Terminating");
    // ...and goes once the node comes back.
    c.recover_node("minikube").unwrap();
    assert!(c.pod("default", &pod).is_none());
}

#[test]
fn s9_3_statefulset_pod_is_not_replaced_while_the_old_one_exists_s13_15() {
    let mut c = cluster_with_managed_control_plane(2, true);
    apply(&mut c, web(1));
    assert_eq!(node_of(&c, "web-0").as_deref(), Some("minikube"));
    c.fail_node("minikube").unwrap();
    c.advance(3600);
    assert_eq!(pod_names(&c), vec!["web-0"]);
    assert_eq!(pod_status(&c, "web-0"), "Terminating");
    c.delete(
        Kind::Pod,
        "default",
        "web-0",
        kubestory::sim::DeleteOptions { force: true },
    )
    .unwrap();
    assert_eq!(pod_names(&c), vec!["web-0"]);
    assert_eq!(node_of(&c, "web-0").as_deref(), Some("minikube-m02"));
}

#[test]
fn s9_1_repeated_crashes_back_off() {
    let mut c = cluster();
    apply(&mut c, pod_with("p", None));
    let t = kubestory::sim::Target::Pod("p".into());
    c.crash("default", &t, None).unwrap();
    assert_eq!(pod_status(&c, "p"), "Running");
    c.crash("default", &t, None).unwrap();
    assert_eq!(pod_status(&c, "p"), "CrashLoopBackOff");
    assert!(read(&c, "p").is_none(), "nothing serves during back-off");
    c.advance(10);
    assert_eq!(pod_status(&c, "p"), "Running");
    let restarts = c.pod("default", "p").unwrap().status.container_statuses[0].restart_count;
    assert_eq!(restarts, 2);
    assert_eq!(
        kubestory::kubectl::status::pod_restarts(c.pod("default", "p").unwrap(), c.now()),
        "2 (10s ago)"
    );
}

#[test]
fn s9_2_template_change_rolls_pods_keeping_their_claims() {
    let mut c = cluster();
    apply(&mut c, web(2));
    write(&mut c, "web-0", "zero");
    let uid0 = c.pod("default", "web-0").unwrap().metadata.uid.clone();
    c.rollout_restart(Kind::StatefulSet, "default", "web")
        .unwrap();
    assert_eq!(pod_names(&c), vec!["web-0", "web-1"]);
    assert_ne!(
        c.pod("default", "web-0").unwrap().metadata.uid,
        uid0,
        "web-0 was recreated"
    );
    assert_eq!(read(&c, "web-0"), Some(vec!["zero".to_string()]));
    let deletes: Vec<String> = events_of(&c, "StatefulSet", "web")
        .into_iter()
        .filter(|(r, _)| r == "SuccessfulDelete")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        deletes,
        vec![
            "delete Pod web-1 in StatefulSet web successful",
            "delete Pod web-0 in StatefulSet web successful"
        ]
    );
}

#[test]
fn s9_3_a_pod_on_a_stopped_machine_does_not_answer_though_the_api_says_running() {
    let mut c = cluster_with_managed_control_plane(2, true);
    apply(&mut c, deployment("story", 1, None));
    let t = kubestory::sim::Target::Deployment("story".into());
    c.write_story("default", &t, None, "before").unwrap();
    let pod = pod_names(&c)[0].clone();
    c.fail_node("minikube").unwrap();
    assert_eq!(pod_status(&c, &pod), "Running", "the API has not noticed");
    let err = c.read_stories("default", &t, None).unwrap_err();
    assert!(err.to_string().contains("does not answer"), "{err}");
    assert!(c.write_story("default", &t, None, "lost?").is_err());
    // Once the replacement runs on the live node, requests go there.
    c.advance(50 + 300);
    assert!(c.read_stories("default", &t, None).is_ok());
}

// ----- issue 11: the control plane is a node that can fail ---------------------------------
// On minikube the first node runs the API server, etcd, the scheduler and
// kube-controller-manager (kubeadm static pods; minikube `pkg/minikube/config/profile.go`
// `PrimaryControlPlane`). The node lifecycle controller runs inside kube-controller-manager
// (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`), so it stops with that node.

/// Two pods of one Deployment, one on each node of a two-node minikube.
fn spread_story() -> (kubestory::sim::Cluster, String, String) {
    let mut c = cluster_with(2, true);
    apply(&mut c, deployment("story", 2, None));
    let on = |node: &str| {
        pod_names(&c)
            .into_iter()
            .find(|p| node_of(&c, p).as_deref() == Some(node))
            .expect("one pod per node")
    };
    let (cp, worker) = (on("minikube"), on("minikube-m02"));
    (c, cp, worker)
}

#[test]
fn control_plane_failure_stops_the_node_lifecycle_controller_nothing_goes_not_ready_or_is_evicted()
{
    let (mut c, cp_pod, worker_pod) = spread_story();
    let events_before = c.events().count();
    c.fail_node("minikube").unwrap();
    assert!(!c.api_reachable());
    c.advance(3600);
    assert!(
        c.nodes().all(|n| n.is_ready()),
        "nobody marks a node NotReady"
    );
    assert!(
        c.nodes().all(|n| n.spec.taints.is_empty()),
        "no unreachable taint"
    );
    assert_eq!(pod_names(&c).len(), 2, "nothing evicted or replaced");
    assert!(c.pods().all(|p| p.metadata.deletion_timestamp.is_none()));
    assert_eq!(pod_status(&c, &cp_pod), "Running", "the API's last word");
    assert_eq!(
        c.events().count(),
        events_before,
        "no controller records events"
    );
    // The kubelet of minikube-m02 keeps its container running: the app there still answers.
    let p = kubestory::sim::Target::Pod(worker_pod.clone());
    c.write_story("default", &p, None, "while the API is down")
        .unwrap();
    assert_eq!(
        c.read_stories("default", &p, None).unwrap()[0].text,
        "while the API is down"
    );
    // The pod on the stopped machine does not answer.
    let on_cp = kubestory::sim::Target::Pod(cp_pod.clone());
    assert!(c.read_stories("default", &on_cp, None).is_err());
}

#[test]
fn control_plane_recovery_restarts_its_containers_and_evicts_nothing_stale() {
    let (mut c, cp_pod, worker_pod) = spread_story();
    c.fail_node("minikube").unwrap();
    c.advance(3600);
    c.recover_node("minikube").unwrap();
    assert!(c.api_reachable());
    c.advance(3600);
    assert!(c.nodes().all(|n| n.is_ready()));
    assert_eq!(pod_names(&c), {
        let mut v = vec![cp_pod.clone(), worker_pod.clone()];
        v.sort();
        v
    });
    // The machine came back: its kubelet restarted the containers it runs (§9.3 reboot).
    let restarts =
        |p: &str| c.pod("default", p).unwrap().status.container_statuses[0].restart_count;
    assert_eq!(restarts(&cp_pod), 1);
    assert_eq!(
        restarts(&worker_pod),
        0,
        "the worker's container never stopped"
    );
}

/// `tryUpdateNodeHealth` (node_lifecycle_controller.go): a restarted controller has no
/// timestamp for a node ("Missing timestamp for Node … Assuming now as a timestamp"), so a
/// worker that stopped while the control plane was down is marked NotReady one grace period
/// after the control plane is back, and its pods are evicted 300 s after that (the taint
/// eviction controller times a pod from when it sees it tainted, `processPodOnNode`).
#[test]
fn a_worker_lost_while_the_control_plane_was_down_is_timed_from_the_controllers_restart() {
    let (mut c, _, worker_pod) = spread_story();
    c.fail_node("minikube").unwrap();
    c.fail_node("minikube-m02").unwrap();
    c.advance(3600);
    c.recover_node("minikube").unwrap();
    let m02 = |c: &kubestory::sim::Cluster| c.node("minikube-m02").unwrap().is_ready();
    assert!(m02(&c), "not stale-evicted at once");
    c.advance(49);
    assert!(m02(&c));
    c.advance(1);
    assert!(!m02(&c), "NotReady one grace period after the restart");
    c.advance(299);
    assert_eq!(pod_status(&c, &worker_pod), "Running");
    c.advance(1);
    assert_eq!(pod_status(&c, &worker_pod), "Terminating");
}

/// A worker marked NotReady and evicted, then the control plane fails, then the worker comes
/// back: its kubelet cannot post its status or delete the evicted pod until the API server is
/// back; then the node is Ready again and the kubelet finishes the deletion
/// (`pkg/kubelet/status/status_manager.go` syncs once the API answers).
#[test]
fn a_worker_back_while_the_control_plane_is_down_catches_up_when_it_returns() {
    let (mut c, _, worker_pod) = spread_story();
    c.fail_node("minikube-m02").unwrap();
    c.advance(50 + 300);
    assert_eq!(pod_status(&c, &worker_pod), "Terminating");
    c.fail_node("minikube").unwrap();
    c.recover_node("minikube-m02").unwrap();
    assert!(
        !c.node("minikube-m02").unwrap().is_ready(),
        "no status posted"
    );
    assert!(
        c.pod("default", &worker_pod).is_some(),
        "nor the pod deleted"
    );
    c.recover_node("minikube").unwrap();
    assert!(c.node("minikube-m02").unwrap().is_ready());
    assert!(c.pod("default", &worker_pod).is_none());
}
