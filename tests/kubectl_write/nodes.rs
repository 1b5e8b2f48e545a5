//! `kubectl cordon`, `uncordon` and `drain`.

use super::harness::*;
use kubestory::sim::ClusterConfig;

const BARE: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: app\n    image: nginx\n";

const CACHED: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n        volumeMounts:\n        - {name: cache, mountPath: /cache}\n      volumes:\n      - name: cache\n        emptyDir: {}\n";

#[test]
fn cordon_and_uncordon() {
    let mut s = Session::new();
    assert_eq!(s.ok("kubectl cordon minikube"), "node/minikube cordoned\n");
    assert_eq!(
        s.ok("kubectl cordon minikube"),
        "node/minikube already cordoned\n"
    );
    assert_eq!(
        s.ok("kubectl uncordon minikube"),
        "node/minikube uncordoned\n"
    );
    assert_eq!(
        s.ok("kubectl uncordon node/minikube"),
        "node/minikube already uncordoned\n"
    );
    assert_eq!(
        s.ok("kubectl cordon minikube --dry-run=client"),
        "node/minikube cordoned (dry run)\n"
    );
    assert!(
        s.sim
            .cluster()
            .node("minikube")
            .is_some_and(|n| !n.spec.unschedulable)
    );
    assert_eq!(
        s.fails("kubectl cordon nope"),
        "Error from server (NotFound): nodes \"nope\" not found\n"
    );
}

#[test]
fn drain_refuses_bare_and_emptydir_pods() {
    let mut s = Session::new();
    s.write("bare.yaml", BARE);
    s.write("web.yaml", CACHED);
    s.ok("kubectl apply -f bare.yaml -f web.yaml");
    let web = s
        .sim
        .cluster()
        .pods()
        .find(|p| p.metadata.name.starts_with("web-"))
        .map(|p| p.metadata.name.clone())
        .unwrap_or_default();
    let out = s.run("kubectl drain minikube");
    assert!(!out.success);
    assert_eq!(out.stdout(), "node/minikube cordoned\n");
    assert_eq!(
        out.stderr(),
        format!(
            "error: unable to drain node \"minikube\" due to error: [cannot delete Pods with local storage (use --delete-emptydir-data to override): default/{web}, cannot delete Pods that declare no controller (use --force to override): default/bare], continuing command...\n\
             There are pending nodes to be drained:\n minikube\n\
             cannot delete Pods with local storage (use --delete-emptydir-data to override): default/{web}\n\
             cannot delete Pods that declare no controller (use --force to override): default/bare\n"
        )
    );
    // Nothing was evicted, but the node stays cordoned (as with kubectl).
    assert_eq!(s.sim.cluster().pods().count(), 2);
    let out = s.run("kubectl drain minikube --delete-emptydir-data");
    assert_eq!(
        out.combined(),
        "node/minikube already cordoned\nerror: unable to drain node \"minikube\" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n minikube\ncannot delete Pods that declare no controller (use --force to override): default/bare\n"
    );
}

#[test]
fn drain_evicts_with_force() {
    let mut s = Session::new();
    s.write("bare.yaml", BARE);
    s.ok("kubectl apply -f bare.yaml");
    assert_eq!(
        s.ok("kubectl drain minikube --force --dry-run=client"),
        "node/minikube cordoned (dry run)\nWarning: deleting Pods that declare no controller: default/bare\nevicting pod default/bare (dry run)\nnode/minikube drained (dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl drain minikube --force"),
        "node/minikube cordoned\nWarning: deleting Pods that declare no controller: default/bare\nevicting pod default/bare\npod/bare evicted\nnode/minikube drained\n"
    );
    assert!(s.sim.cluster().pod("default", "bare").is_none());
    // The apply and the drain: the dry run changed nothing.
    assert_eq!(s.sim.history().count(), 2);
}

#[test]
fn replacements_go_to_the_other_node() {
    let mut s = Session::with(ClusterConfig {
        nodes: ClusterConfig::minikube_node_names(2),
        ..ClusterConfig::default()
    });
    s.write("web.yaml", CACHED);
    s.ok("kubectl apply -f web.yaml");
    let node_of_web = |s: &Session| {
        s.sim
            .cluster()
            .pods()
            .filter(|p| p.metadata.deletion_timestamp.is_none())
            .find_map(|p| p.spec.node_name.clone())
            .unwrap_or_default()
    };
    let first = node_of_web(&s);
    let out = s.ok(&format!(
        "kubectl drain {first} --delete-emptydir-data --ignore-daemonsets"
    ));
    assert!(out.ends_with(&format!("node/{first} drained\n")), "{out}");
    assert_ne!(node_of_web(&s), first);
}

#[test]
fn drain_of_a_failed_node_would_wait() {
    // A worker fails (failing the control-plane node `minikube` would stop the API server).
    let mut s = Session::with(ClusterConfig {
        nodes: ClusterConfig::minikube_node_names(2),
        ..ClusterConfig::default()
    });
    s.write("bare.yaml", BARE);
    s.ok("kubectl cordon minikube");
    s.ok("kubectl apply -f bare.yaml");
    let _ = s
        .sim
        .act("node fail minikube-m02", |c| c.fail_node("minikube-m02"));
    let _ = s.sim.act("wait 1m", |c| {
        c.advance(60);
        Ok::<_, ()>(())
    });
    let out = s.run("kubectl drain minikube-m02 --force");
    assert!(
        out.stdout().contains("evicting pod default/bare\n"),
        "{}",
        out.combined()
    );
    assert!(!out.stdout().contains("drained"), "{}", out.combined());
    assert!(
        out.stderr()
            .contains("kubestory: real kubectl would keep waiting for pod/bare"),
        "{}",
        out.combined()
    );
}

/// kubectl `pkg/cmd/taint/taint.go` `RunTaint` and `pkg/cmd/taint/utils.go`
/// `reorganizeTaints`: the name printer's operation (`tainted`, `modified`, `untainted`) and
/// `updateTaints`' refusal without `--overwrite`.
#[test]
fn taint_adds_overwrites_and_removes() {
    let mut s = Session::new();
    let oos = "node.kubernetes.io/out-of-service=nodeshutdown:NoExecute";
    assert_eq!(
        s.ok(&format!("kubectl taint nodes minikube {oos}")),
        "node/minikube tainted\n"
    );
    assert_eq!(
        s.fails(&format!("kubectl taint nodes minikube {oos}")),
        "error: node minikube already has node.kubernetes.io/out-of-service taint(s) with same effect(s) and --overwrite is false\n"
    );
    assert_eq!(
        s.ok(&format!("kubectl taint nodes minikube {oos} --overwrite")),
        "node/minikube modified\n"
    );
    let taints = &s.sim.cluster().node("minikube").unwrap().spec.taints;
    assert_eq!(taints.len(), 1);
    assert_eq!(taints[0].value.as_deref(), Some("nodeshutdown"));
    assert_eq!(
        s.ok("kubectl taint node minikube node.kubernetes.io/out-of-service:NoExecute-"),
        "node/minikube untainted\n"
    );
    assert!(
        s.sim
            .cluster()
            .node("minikube")
            .unwrap()
            .spec
            .taints
            .is_empty()
    );
    // utils.go `deleteTaints`: `taint "<Taint.ToString>" not found`, one error unwrapped by
    // `checkErr`, several printed bare (`MultipleErrors`).
    assert_eq!(
        s.fails("kubectl taint nodes minikube dedicated-"),
        "error: taint \"dedicated\" not found\n"
    );
    assert_eq!(
        s.fails("kubectl taint nodes minikube a:NoSchedule- b-"),
        "taint \"a:NoSchedule\" not found\ntaint \"b\" not found\n"
    );
    assert_eq!(
        s.ok("kubectl taint nodes minikube dedicated=web:NoSchedule --dry-run=client"),
        "node/minikube tainted (dry run)\n"
    );
    assert!(
        s.sim
            .cluster()
            .node("minikube")
            .unwrap()
            .spec
            .taints
            .is_empty()
    );
    // PrintFlags: `-o yaml` prints the patched Node.
    let yaml = s.ok("kubectl taint nodes minikube dedicated=web:NoSchedule -o yaml");
    assert!(
        yaml.contains("  taints:\n  - effect: NoSchedule\n    key: dedicated\n    value: web\n"),
        "{yaml}"
    );
    assert_eq!(
        s.fails("kubectl taint nodes nope dedicated=web:NoSchedule"),
        "Error from server (NotFound): nodes \"nope\" not found\n"
    );
}

/// kubectl `pkg/cmd/taint/taint.go` `Complete` and `Validate`, and `utils.go` `parseTaint`
/// (a usage error): the messages, in kubectl's order.
#[test]
fn taint_argument_errors() {
    let mut s = Session::new();
    let usage = "\nSee 'kubectl taint -h' for help and examples\n";
    let cases = [
        (
            "kubectl taint nodes minikube k=v:NoSchedule minikube",
            "error: all resources must be specified before taint changes: minikube\n".to_string(),
        ),
        (
            "kubectl taint k=v:NoSchedule",
            "error: one or more resources must be specified as <resource> <name>\n".to_string(),
        ),
        (
            "kubectl taint nodes minikube",
            "error: at least one taint update is required\n".to_string(),
        ),
        (
            "kubectl taint nodes minikube k=v:Never",
            format!("error: invalid taint effect: Never, unsupported taint effect{usage}"),
        ),
        (
            "kubectl taint nodes minikube k=v",
            format!(
                "error: invalid taint spec: k=v, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'){usage}"
            ),
        ),
        (
            "kubectl taint nodes minikube k:NoSchedule k:NoSchedule",
            format!(
                "error: duplicated taints with the same key and effect: {{k  NoSchedule <nil>}}{usage}"
            ),
        ),
        (
            "kubectl taint pods minikube k=v:NoSchedule",
            "error: invalid resource type pods, only node types are supported\n".to_string(),
        ),
        (
            "kubectl taint nodes minikube k=v:NoSchedule k-",
            "error: can not both modify and remove the following taint(s) in the same command: k=\n"
                .to_string(),
        ),
        (
            "kubectl taint nodes --all -l a=b k=v:NoSchedule",
            "error: setting 'all' parameter with a non empty selector is prohibited\n".to_string(),
        ),
        (
            "kubectl taint nodes k=v:NoSchedule",
            "error: at least one resource name must be specified since 'all' parameter is not set\n"
                .to_string(),
        ),
    ];
    for (line, want) in cases {
        assert_eq!(s.fails(line), want, "{line}");
    }
}
