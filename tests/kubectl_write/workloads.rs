//! `kubectl scale` and `kubectl rollout restart`.

use super::harness::*;

const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: story\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: story}\n  template:\n    metadata:\n      labels: {app: story}\n    spec:\n      containers:\n      - name: app\n        image: story\n";

fn pods(s: &Session) -> usize {
    s.sim
        .cluster()
        .pods()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .count()
}

#[test]
fn scale_sets_replicas() {
    let mut s = Session::new();
    s.write("deploy.yaml", DEPLOY);
    s.ok("kubectl apply -f deploy.yaml");
    assert_eq!(
        s.ok("kubectl scale deploy story --replicas=3"),
        "deployment.apps/story scaled\n"
    );
    assert_eq!(pods(&s), 3);
    assert_eq!(
        s.ok("kubectl scale deployment/story --replicas=1 --dry-run=client"),
        "deployment.apps/story scaled (dry run)\n"
    );
    assert_eq!(pods(&s), 3);
    assert_eq!(
        s.fails("kubectl scale deploy story --replicas=1 --current-replicas=2"),
        "error: Expected replicas to be 2, was 3\n"
    );
    assert_eq!(
        s.ok("kubectl scale deploy story --replicas=0 -o name"),
        "deployment.apps/story\n"
    );
    assert_eq!(pods(&s), 0);
}

#[test]
fn scale_errors_as_kubectl_v134_prints_them() {
    let mut s = Session::new();
    s.write("deploy.yaml", DEPLOY);
    s.ok("kubectl apply -f deploy.yaml");
    assert_eq!(
        s.fails("kubectl scale deploy nope --replicas=3"),
        "error: no objects passed to scale deployments.apps \"nope\" not found\n"
    );
    assert_eq!(
        s.fails("kubectl scale deploy story nope --replicas=3"),
        "deployment.apps/story scaled\nError from server (NotFound): deployments.apps \"nope\" not found\n"
    );
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    assert_eq!(
        s.fails("kubectl scale pvc data --replicas=2"),
        "Error from server (NotFound): the server could not find the requested resource\n"
    );
    assert_eq!(
        s.fails("kubectl scale deploy story"),
        "error: required flag(s) \"replicas\" not set\n"
    );
}

#[test]
fn statefulsets_scale_and_restart() {
    let mut s = Session::new();
    s.write("sts.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres\n");
    s.ok("kubectl apply -f sts.yaml");
    assert_eq!(
        s.ok("kubectl scale sts db --replicas=2"),
        "statefulset.apps/db scaled\n"
    );
    assert_eq!(
        s.ok("kubectl rollout restart sts/db"),
        "statefulset.apps/db restarted\n"
    );
}

#[test]
fn rollout_restart() {
    let mut s = Session::new();
    s.write("deploy.yaml", DEPLOY);
    s.ok("kubectl apply -f deploy.yaml");
    assert_eq!(
        s.ok("kubectl rollout restart deploy/story"),
        "deployment.apps/story restarted\n"
    );
    let again = s.fails("kubectl rollout restart deployment story");
    assert_eq!(
        again,
        "error: failed to create patch for story: if restart has already been triggered within the past second, please wait before attempting to trigger another\n\
         kubestory: simulated time has not moved since the last restart (the restart stamp has one-second precision); let time pass with `wait 1s` first.\n"
    );
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    assert_eq!(
        s.fails("kubectl rollout restart pvc/data"),
        "error: persistentvolumeclaims \"data\" restarting is not supported\n"
    );
    assert_eq!(
        s.fails("kubectl rollout restart deploy/nope"),
        "Error from server (NotFound): deployments.apps \"nope\" not found\n"
    );
}
