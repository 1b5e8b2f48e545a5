//! `execute` never panics and never leaves half a command behind, whatever is typed: random
//! verbs, resources, flags, paths and junk, against a cluster with objects in it.

use super::harness::*;
use kubestory::kubectl::strings::INTERNAL_ERROR;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "kubectl",
    "apply",
    "create",
    "delete",
    "patch",
    "scale",
    "rollout",
    "restart",
    "cordon",
    "uncordon",
    "drain",
    "version",
    "api-resources",
    "explain",
    "namespace",
    "get",
    "pvc",
    "pv",
    "pod",
    "pods",
    "deploy",
    "deployment/web",
    "sts",
    "sc",
    "node",
    "ns",
    "svc",
    "minikube",
    "data",
    "web",
    "web-0",
    "pvc/data",
    "pv/x",
    "-f",
    "pvc.yaml",
    "bad.yaml",
    "dir",
    "missing",
    "/dev/null",
    "/dev/zero",
    "-",
    "-R",
    "-n",
    "shop",
    "-A",
    "--all",
    "-l",
    "app=web",
    "app in (",
    "--force",
    "--grace-period=0",
    "--now",
    "--wait=false",
    "--dry-run",
    "--dry-run=server",
    "--dry-run=client",
    "-o",
    "yaml",
    "json",
    "name",
    "wide",
    "--replicas=2",
    "--replicas=-1",
    "--current-replicas=3",
    "-p",
    "'{\"spec\":{\"claimRef\":null}}'",
    "'{bad'",
    "'[]'",
    "'x: ['",
    "--type",
    "json",
    "merge",
    "strategic",
    "'[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{}}]'",
    "--patch-file",
    "--ignore-daemonsets",
    "--delete-emptydir-data",
    "--pod-selector=app=web",
    "--server-side",
    "--ignore-not-found",
    "--cascade=orphan",
    "--timeout=5s",
    "\"",
    "'",
    "\\",
    "--",
    "=",
    ",",
    "pvc,pv",
    "all",
    "spec.accessModes",
    "pvc.spec",
];

fn line() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        8 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => "[ -~]{0,12}",
    ];
    proptest::collection::vec(word, 0..9).prop_map(|w| w.join(" "))
}

fn session() -> Session {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.write("bad.yaml", "kind: [\n");
    s.write("dir/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n        volumeMounts: [{name: c, mountPath: /c}]\n      volumes: [{name: c, emptyDir: {}}]\n");
    s.ok("kubectl apply -f pvc.yaml -f dir");
    s.ok("kubectl create namespace shop");
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn execute_never_panics(lines in proptest::collection::vec(line(), 1..4)) {
        let mut s = session();
        for l in &lines {
            let out = s.run(l);
            prop_assert!(!out.combined().contains(INTERNAL_ERROR), "{l}: {}", out.combined());
            if !out.success {
                prop_assert!(!out.combined().is_empty(), "{l} failed silently");
            }
        }
    }
}
