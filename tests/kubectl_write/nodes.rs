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
