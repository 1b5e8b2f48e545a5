//! `kubectl delete`.

use super::harness::*;

const IMMEDIATE: &str = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

fn pod_with_claim(name: &str, claim: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  labels: {{app: web}}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /usr/share/nginx/html\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: {claim}\n"
    )
}

#[test]
fn delete_by_name_prints_v134_lines_and_continues_after_not_found() {
    let mut s = Session::new();
    s.write(
        "pvc.yaml",
        &format!("{}---\n{}", pvc("a", "1Gi"), pvc("b", "1Gi")),
    );
    s.ok("kubectl apply -f pvc.yaml");
    let out = s.run("kubectl delete pvc a nope b");
    assert!(!out.success);
    assert_eq!(
        out.combined(),
        "persistentvolumeclaim \"a\" deleted from default namespace\npersistentvolumeclaim \"b\" deleted from default namespace\nError from server (NotFound): persistentvolumeclaims \"nope\" not found\n"
    );
    assert_eq!(
        s.fails("kubectl delete pvc/a"),
        "Error from server (NotFound): persistentvolumeclaims \"a\" not found\n"
    );
    assert_eq!(s.ok("kubectl delete pvc a --ignore-not-found"), "");
}

#[test]
fn cluster_scoped_objects_have_no_namespace_suffix() {
    let mut s = Session::new();
    s.write("sc.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path\n");
    s.ok("kubectl apply -f sc.yaml");
    assert_eq!(
        s.ok("kubectl delete sc fast -n default"),
        "warning: deleting cluster-scoped resources, not scoped to the provided namespace\nstorageclass.storage.k8s.io \"fast\" deleted\n"
    );
    assert_eq!(
        s.fails("kubectl delete storageclass fast"),
        "Error from server (NotFound): storageclasses.storage.k8s.io \"fast\" not found\n"
    );
}

#[test]
fn all_and_selectors() {
    let mut s = Session::new();
    assert_eq!(s.ok("kubectl delete pvc --all"), "No resources found\n");
    s.ok("kubectl create namespace shop");
    s.write(
        "a.yaml",
        &pvc("a", "1Gi").replace("name: a", "name: a\n  labels: {tier: db}"),
    );
    s.write("b.yaml", &pvc("b", "1Gi"));
    s.ok("kubectl apply -f a.yaml -f b.yaml");
    s.ok("kubectl apply -f a.yaml -n shop");
    assert_eq!(
        s.ok("kubectl delete pvc -l tier=web"),
        "No resources found\n"
    );
    assert_eq!(
        s.ok("kubectl delete pvc -l tier=db -A"),
        "persistentvolumeclaim \"a\" deleted from default namespace\npersistentvolumeclaim \"a\" deleted from shop namespace\n"
    );
    assert_eq!(
        s.ok("kubectl delete pvc --all --dry-run=client"),
        "persistentvolumeclaim \"b\" deleted (dry run) from default namespace\n"
    );
    assert_eq!(
        s.ok("kubectl delete pvc --all"),
        "persistentvolumeclaim \"b\" deleted from default namespace\n"
    );
}

#[test]
fn a_claim_in_use_stays_terminating_and_kubestory_says_why() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.write("pod.yaml", &pod_with_claim("web", "data"));
    s.ok("kubectl apply -f pvc.yaml -f pod.yaml");
    let out = s.run("kubectl delete pvc data");
    assert!(out.success);
    assert_eq!(
        out.stdout(),
        "persistentvolumeclaim \"data\" deleted from default namespace\n"
    );
    assert_eq!(
        out.stderr(),
        "kubestory: real kubectl would keep waiting here (--wait=true) until deletion finishes, which it has not:\n\
         kubestory:   persistentvolumeclaim \"data\": still used by pod \"web\"; the kubernetes.io/pvc-protection finalizer keeps the claim until no pod uses it\n\
         kubestory: this simulation returns at once; `kubectl get` shows the object as Terminating until then.\n"
    );
    assert!(s.sim.cluster().claim("default", "data").is_some());
    // --wait=false: kubectl returns at once too, so there is nothing to explain.
    assert_eq!(
        s.ok("kubectl delete pvc data --wait=false"),
        "persistentvolumeclaim \"data\" deleted from default namespace\n"
    );
    assert_eq!(
        s.ok("kubectl delete pod web"),
        "pod \"web\" deleted from default namespace\n"
    );
    assert!(s.sim.cluster().claim("default", "data").is_none());
}

#[test]
fn a_bound_volume_stays_terminating() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    let pv = s
        .sim
        .cluster()
        .claim("default", "data")
        .and_then(|c| c.spec.volume_name.clone())
        .unwrap_or_default();
    let out = s.run(&format!("kubectl delete pv {pv}"));
    assert_eq!(out.stdout(), format!("persistentvolume \"{pv}\" deleted\n"));
    assert!(
        out.stderr().contains(&format!(
            "persistentvolume \"{pv}\": still bound to claim default/data"
        )),
        "{}",
        out.stderr()
    );
}

#[test]
fn force_deletion_prints_the_warning_first() {
    let mut s = Session::new();
    s.write("pod.yaml", &pod_with_claim("web", "data"));
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml -f pod.yaml");
    assert_eq!(
        s.ok("kubectl delete pod web --force --grace-period=0"),
        format!("{IMMEDIATE}pod \"web\" force deleted from default namespace\n")
    );
    assert_eq!(
        s.fails("kubectl delete pod web --force"),
        format!("{IMMEDIATE}Error from server (NotFound): pods \"web\" not found\n")
    );
}

#[test]
fn delete_from_files_names_the_file_in_errors() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    assert_eq!(
        s.fails("kubectl delete -f pvc.yaml"),
        "Error from server (NotFound): error when deleting \"pvc.yaml\": persistentvolumeclaims \"data\" not found\n"
    );
    assert_eq!(s.ok("kubectl delete -f pvc.yaml --ignore-not-found"), "");
    // A document the API server would refuse still names an object to delete.
    s.ok("kubectl apply -f pvc.yaml");
    s.write(
        "pvc.yaml",
        &pvc("data", "1Gi").replace("accessModes", "accessMode"),
    );
    assert_eq!(
        s.ok("kubectl delete -f pvc.yaml"),
        "persistentvolumeclaim \"data\" deleted from default namespace\n"
    );
}

#[test]
fn namespaces_go_with_their_contents() {
    let mut s = Session::new();
    s.ok("kubectl create namespace shop");
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml -n shop");
    assert_eq!(
        s.ok("kubectl delete namespace shop"),
        "namespace \"shop\" deleted\n"
    );
    assert_eq!(
        s.fails("kubectl delete ns default"),
        "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n"
    );
}
