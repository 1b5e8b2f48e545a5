//! `-f` with the URLs of the official Kubernetes examples, served from the copies bundled in
//! `assets/k8s-examples/` (kubestory's `kubectl::examples`); other URLs fail as kubectl does
//! offline (cli-runtime `resource/visitor.go` `readHttpWithRetries`).

use super::harness::*;
use kubestory::kubectl::examples::EXAMPLES;

#[test]
fn every_bundled_example_applies_on_a_fresh_cluster() {
    for (path, _) in EXAMPLES {
        let mut s = Session::new();
        let out = s.run(&format!("kubectl apply -f https://k8s.io/examples/{path}"));
        assert!(out.success, "{path}:\n{}", out.combined());
        assert!(!out.stdout().is_empty(), "{path}");
    }
}

#[test]
fn the_persistent_volume_task_runs_from_its_urls() {
    let mut s = Session::new();
    assert_eq!(
        s.ok("kubectl apply -f https://k8s.io/examples/pods/storage/pv-volume.yaml"),
        "persistentvolume/task-pv-volume created\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f https://k8s.io/examples/pods/storage/pv-claim.yaml"),
        "persistentvolumeclaim/task-pv-claim created\n"
    );
    assert_eq!(
        s.ok("kubectl create -f https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/pods/storage/pv-pod.yaml"),
        "pod/task-pv-pod created\n"
    );
    s.wait(60);
    assert_eq!(
        s.ok("kubectl get pvc task-pv-claim -o jsonpath={.status.phase}"),
        "Bound"
    );
    assert_eq!(
        s.ok(
            "kubectl delete -f https://kubernetes.io/examples/pods/storage/pv-pod.yaml --wait=false"
        ),
        "pod \"task-pv-pod\" deleted from default namespace\n"
    );
}

#[test]
fn other_urls_fail_as_offline() {
    let mut s = Session::new();
    let out = s.fails("kubectl apply -f https://example.com/x.yaml");
    assert!(
        out.starts_with("error: Get \"https://example.com/x.yaml\": dial tcp: lookup example.com: no such host\nkubestory: "),
        "{out}"
    );
    let missing = s.fails("kubectl apply -f https://k8s.io/examples/admin/no-such.yaml");
    assert!(missing.contains("this one is not among them"), "{missing}");
}
