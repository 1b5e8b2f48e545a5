//! `kubectl label` and `kubectl annotate` (kubernetes/kubernetes `staging/src/k8s.io/kubectl/
//! pkg/cmd/label/label.go` `RunLabel`, `cmd/annotate/annotate.go` `RunAnnotate`, and their
//! `_test.go` cases), with the label's effects in the simulator.

use super::harness::*;

const BARE: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: story}\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
const RS: &str = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: story\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: story}\n  template:\n    metadata:\n      labels: {app: story}\n    spec:\n      containers:\n      - name: app\n        image: story\n";

fn labels(s: &Session, pod: &str) -> Vec<(String, String)> {
    s.sim
        .cluster()
        .pod("default", pod)
        .map(|p| p.metadata.labels.clone().into_iter().collect())
        .unwrap_or_default()
}

#[test]
fn label_messages_follow_update_data_change_msg() {
    let mut s = Session::new();
    s.write("pod.yaml", BARE);
    s.ok("kubectl apply -f pod.yaml");
    assert_eq!(s.ok("kubectl label pod web tier=db"), "pod/web labeled\n");
    assert_eq!(
        labels(&s, "web"),
        vec![("app".into(), "story".into()), ("tier".into(), "db".into())]
    );
    assert_eq!(
        s.fails("kubectl label pod web app=other"),
        "error: 'app' already has a value (story), and --overwrite is false\n"
    );
    assert_eq!(
        s.fails("kubectl label pods/web app=a tier=b"),
        "error: ['app' already has a value (story), and --overwrite is false, 'tier' already has a value (db), and --overwrite is false]\n"
    );
    assert_eq!(
        s.ok("kubectl label pod web app=other --overwrite"),
        "pod/web labeled\n"
    );
    assert_eq!(
        s.ok("kubectl label pod web app=other --overwrite"),
        "pod/web not labeled\n"
    );
    assert_eq!(s.ok("kubectl label pod web tier-"), "pod/web unlabeled\n");
    assert_eq!(
        s.ok("kubectl label pod web nothing-"),
        "label \"nothing\" not found.\npod/web not labeled\n"
    );
    assert_eq!(
        s.ok("kubectl label pod web x=y --dry-run=client"),
        "pod/web labeled (dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl label pod web x=y --dry-run=server -o name"),
        "pod/web\n"
    );
    assert_eq!(labels(&s, "web"), vec![("app".into(), "other".into())]);
    assert_eq!(s.ok("kubectl label pod web --list"), "app=other\n");
    assert_eq!(
        s.ok("kubectl label pods --all --list"),
        "Listing labels for Pod./web:\n app=other\n"
    );
    let yaml = s.ok("kubectl label pod web x=y -o yaml");
    assert!(
        yaml.contains("  labels:\n    app: other\n    x: \"y\"\n"),
        "{yaml}"
    );
    // undo takes the command back.
    assert_eq!(
        s.sim.undo().as_deref(),
        Some("kubectl label pod web x=y -o yaml")
    );
}

#[test]
fn label_errors_are_kubectls() {
    let mut s = Session::new();
    s.write("pod.yaml", BARE);
    s.ok("kubectl apply -f pod.yaml");
    for (line, want) in [
        (
            "kubectl label pod web a=b c",
            "error: all resources must be specified before label changes: c\n",
        ),
        (
            "kubectl label pod web a=b=c",
            "error: invalid label spec: a=b=c\n",
        ),
        (
            "kubectl label pod web a=b a-",
            "error: can not both modify and remove a label in the same command\n",
        ),
        (
            "kubectl label pod web",
            "error: at least one label update is required\n",
        ),
        (
            "kubectl label a=b",
            "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
        ),
        (
            "kubectl label pods --all -l x=y a=b",
            "error: cannot set --all and --selector at the same time\n",
        ),
        (
            "kubectl label pod web --list -o yaml",
            "error: --list and --output may not be specified together\n",
        ),
        (
            "kubectl label pods a=b",
            "error: resource(s) were provided, but no name was specified\n",
        ),
        (
            "kubectl label pods --all a=b --resource-version=1",
            "error: --resource-version may only be used with a single resource\n",
        ),
        (
            "kubectl label pod nope a=b",
            "Error from server (NotFound): pods \"nope\" not found\n",
        ),
    ] {
        assert_eq!(s.fails(line), want, "{line}");
    }
    let bad_value = s.fails("kubectl label pod web a=-x");
    assert!(
        bad_value.starts_with("error: invalid label value: \"a=-x\": a valid label must be an empty string or consist of alphanumeric characters"),
        "{bad_value}"
    );
    let bad_key = s.fails("kubectl label pod web bad_-=x");
    assert!(
        bad_key.starts_with("The Pod \"web\" is invalid: metadata.labels: Invalid value: \"bad_-\": name part must consist of"),
        "{bad_key}"
    );
    assert!(
        s.fails("kubectl label pod web a=b --resource-version=1")
            .starts_with("Error from server (Conflict): Operation cannot be fulfilled on pods \"web\": the object has been modified"),
    );
}

#[test]
fn a_pod_labelled_out_of_its_replica_set_is_released_and_replaced() {
    let mut s = Session::new();
    s.write("rs.yaml", RS);
    s.ok("kubectl apply -f rs.yaml");
    let pod = s
        .sim
        .cluster()
        .pods()
        .next()
        .expect("pod")
        .metadata
        .name
        .clone();
    assert_eq!(
        s.ok(&format!("kubectl label pod {pod} app=debug --overwrite")),
        format!("pod/{pod} labeled\n")
    );
    let pods: Vec<_> = s.sim.cluster().pods().collect();
    assert_eq!(pods.len(), 2, "the ReplicaSet made a replacement");
    let old = s.sim.cluster().pod("default", &pod).expect("still there");
    assert!(old.metadata.controller().is_none(), "released");
    // Labelled back, it is adopted again and the ReplicaSet removes one pod.
    s.ok(&format!("kubectl label pod {pod} app=story --overwrite"));
    let active = s
        .sim
        .cluster()
        .pods()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .count();
    assert_eq!(active, 1);
}

#[test]
fn node_labels_reach_the_scheduler() {
    let mut s = Session::new();
    s.write(
        "pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: picky\nspec:\n  nodeSelector: {disktype: ssd}\n  containers:\n  - name: app\n    image: nginx\n",
    );
    s.ok("kubectl apply -f pod.yaml");
    assert!(
        s.sim
            .cluster()
            .pod("default", "picky")
            .unwrap()
            .spec
            .node_name
            .is_none()
    );
    assert_eq!(
        s.ok("kubectl label nodes minikube disktype=ssd"),
        "node/minikube labeled\n"
    );
    assert_eq!(
        s.sim
            .cluster()
            .pod("default", "picky")
            .unwrap()
            .spec
            .node_name
            .as_deref(),
        Some("minikube")
    );
    assert_eq!(
        s.ok("kubectl get nodes -l disktype=ssd -o name"),
        "node/minikube\n"
    );
}

#[test]
fn annotate_sets_and_removes_annotations() {
    let mut s = Session::new();
    s.write("pod.yaml", BARE);
    s.ok("kubectl apply -f pod.yaml");
    assert_eq!(
        s.ok("kubectl annotate pod web description='my story' url=http://x/?a=b"),
        "pod/web annotated\n"
    );
    assert_eq!(
        s.fails("kubectl annotate pod web description=other"),
        "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my story)\n"
    );
    assert_eq!(
        s.ok("kubectl annotate pod web description=other --overwrite"),
        "pod/web annotated\n"
    );
    assert_eq!(s.ok("kubectl annotate pod web url-"), "pod/web annotated\n");
    let list = s.ok("kubectl annotate pod web --list");
    assert!(list.contains("description=other\n"), "{list}");
    assert!(!list.contains("url="), "{list}");
    assert_eq!(
        s.fails("kubectl annotate pod web a=1 a-"),
        "error: can not both modify and remove the following annotation(s) in the same command: a\n"
    );
    assert_eq!(
        s.fails("kubectl annotate pod web"),
        "error: at least one annotation update is required\n"
    );
}

#[test]
fn a_pv_label_lets_a_claim_with_a_selector_bind() {
    let mut s = Session::new();
    s.write(
        "pv.yaml",
        "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: disk\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: \"\"\n  hostPath: {path: /mnt/disk}\n",
    );
    s.write(
        "pvc.yaml",
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: picky\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: \"\"\n  selector:\n    matchLabels: {tier: fast}\n  resources:\n    requests: {storage: 1Gi}\n",
    );
    s.ok("kubectl apply -f pv.yaml");
    s.ok("kubectl apply -f pvc.yaml");
    s.wait(30);
    assert_eq!(
        s.ok("kubectl get pvc picky -o jsonpath={.status.phase}"),
        "Pending"
    );
    assert_eq!(
        s.ok("kubectl label pv disk tier=fast"),
        "persistentvolume/disk labeled\n"
    );
    s.wait(30);
    assert_eq!(
        s.ok("kubectl get pvc picky -o jsonpath={.status.phase}"),
        "Bound"
    );
    // --field-selector narrows label's selection as get's.
    assert_eq!(
        s.ok("kubectl label pv --field-selector metadata.name=disk reviewed=yes"),
        "persistentvolume/disk labeled\n"
    );
    assert!(
        s.fails("kubectl label pv --field-selector spec.claimRef.name=picky x=y")
            .starts_with(
                "Error from server (BadRequest): Unable to find \"/v1, Resource=persistentvolumes\""
            ),
    );
}
