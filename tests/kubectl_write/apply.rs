//! `kubectl apply -f` and `kubectl create -f`.

use super::harness::*;

const MISSING_ANNOTATION: &str = "Warning: resource persistentvolumeclaims/data is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n";

#[test]
fn apply_creates_then_says_unchanged_then_configured() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        "persistentvolumeclaim/data created\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        "persistentvolumeclaim/data unchanged\n"
    );
    s.write(
        "pvc.yaml",
        &pvc("data", "1Gi").replace("name: data", "name: data\n  labels: {app: x}"),
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        "persistentvolumeclaim/data configured\n"
    );
    assert_eq!(
        s.ok("apply -f pvc.yaml"),
        "persistentvolumeclaim/data unchanged\n"
    );
}

#[test]
fn apply_stores_the_last_applied_configuration() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    let yaml = s.ok("kubectl apply -f pvc.yaml -o yaml");
    assert!(yaml.contains(
        "    kubectl.kubernetes.io/last-applied-configuration: |\n      {\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"annotations\":{},\"name\":\"data\",\"namespace\":\"default\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}\n"
    ), "{yaml}");
    assert!(
        yaml.starts_with("apiVersion: v1\nkind: PersistentVolumeClaim\n"),
        "{yaml}"
    );
    assert!(yaml.contains("  phase: Bound\n"), "{yaml}");
}

#[test]
fn apply_after_create_warns_about_the_missing_annotation() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    assert_eq!(
        s.ok("kubectl create -f pvc.yaml"),
        "persistentvolumeclaim/data created\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        format!("{MISSING_ANNOTATION}persistentvolumeclaim/data configured\n")
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        "persistentvolumeclaim/data unchanged\n"
    );
}

#[test]
fn apply_of_an_immutable_change_prints_the_invalid_error() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    s.write(
        "pvc.yaml",
        &pvc("data", "1Gi").replace("ReadWriteOnce", "ReadWriteMany"),
    );
    assert_eq!(
        s.fails("kubectl apply -f pvc.yaml"),
        "The PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n"
    );
}

#[test]
fn apply_of_a_forbidden_resize_shows_the_patch_it_sent() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    s.write("pvc.yaml", &pvc("data", "2Gi"));
    let last = "{\\\"apiVersion\\\":\\\"v1\\\",\\\"kind\\\":\\\"PersistentVolumeClaim\\\",\\\"metadata\\\":{\\\"annotations\\\":{},\\\"name\\\":\\\"data\\\",\\\"namespace\\\":\\\"default\\\"},\\\"spec\\\":{\\\"accessModes\\\":[\\\"ReadWriteOnce\\\"],\\\"resources\\\":{\\\"requests\\\":{\\\"storage\\\":\\\"2Gi\\\"}}}}\\n";
    assert_eq!(
        s.fails("kubectl apply -f pvc.yaml"),
        format!(
            "Error from server (Forbidden): error when applying patch:\n{{\"metadata\":{{\"annotations\":{{\"kubectl.kubernetes.io/last-applied-configuration\":\"{last}\"}}}},\"spec\":{{\"resources\":{{\"requests\":{{\"storage\":\"2Gi\"}}}}}}}}\nto:\nResource: \"/v1, Resource=persistentvolumeclaims\", GroupVersionKind: \"/v1, Kind=PersistentVolumeClaim\"\nName: \"data\", Namespace: \"default\"\nfor: \"pvc.yaml\": error when patching \"pvc.yaml\": persistentvolumeclaims \"data\" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n"
        )
    );
}

#[test]
fn missing_paths_and_stdin() {
    let mut s = Session::new();
    assert_eq!(
        s.fails("kubectl apply -f x.yaml"),
        "error: the path \"x.yaml\" does not exist\n"
    );
    assert_eq!(
        s.fails("kubectl create -f a.yaml -f b.yaml"),
        "the path \"a.yaml\" does not exist\nthe path \"b.yaml\" does not exist\n"
    );
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    // A missing path stops everything: nothing is applied.
    s.fails("kubectl apply -f pvc.yaml -f x.yaml");
    assert!(s.sim.cluster().claim("default", "data").is_none());
    let stdin = s.fails("kubectl apply -f -");
    assert!(stdin.starts_with("kubestory: `-f -`"), "{stdin}");
    s.write("empty/readme.txt", "nothing here");
    assert_eq!(
        s.fails("kubectl apply -f empty"),
        "error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n"
    );
}

#[test]
fn folders_apply_known_extensions_in_name_order() {
    let mut s = Session::new();
    s.write("dir/b.yaml", &pvc("b", "1Gi"));
    s.write("dir/a.json", "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}");
    s.write("dir/notes.txt", "not a manifest");
    s.write("dir/sub/c.yml", &pvc("c", "1Gi"));
    assert_eq!(
        s.ok("kubectl apply -f dir"),
        "persistentvolumeclaim/a created\npersistentvolumeclaim/b created\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f dir -R"),
        "persistentvolumeclaim/a unchanged\npersistentvolumeclaim/b unchanged\npersistentvolumeclaim/c created\n"
    );
    assert_eq!(
        s.ok("kubectl delete -f dir/ -R -o name"),
        "persistentvolumeclaim/a\npersistentvolumeclaim/b\npersistentvolumeclaim/c\n"
    );
}

#[test]
fn a_file_with_bad_documents_still_applies_the_good_ones() {
    let mut s = Session::new();
    let no_modes = pvc("c", "1Gi").replace("  accessModes: [ReadWriteOnce]\n", "");
    s.write(
        "mixed.yaml",
        &format!(
            "{}---\n{}---\n{no_modes}",
            pvc("a", "1Gi"),
            pvc("b", "10GB")
        ),
    );
    let out = s.run("kubectl apply -f mixed.yaml");
    assert!(!out.success);
    assert_eq!(out.stdout(), "persistentvolumeclaim/a created\n");
    assert_eq!(
        out.stderr(),
        "Error from server (BadRequest): error when creating \"mixed.yaml\": PersistentVolumeClaim in version \"v1\" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n\
         Error from server (Invalid): error when creating \"mixed.yaml\": PersistentVolumeClaim \"c\" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n\
         kubestory: mixed.yaml:19:16: \"10GB\" is not a Kubernetes quantity — write 10Gi (2^30 bytes) or 10G (10^9 bytes); suffixes are case-sensitive: Ki Mi Gi Ti (powers of 1024) or k M G T (powers of 1000)\n\
         kubestory: mixed.yaml:25:1: spec.accessModes: at least 1 access mode is required — add for example accessModes: [ReadWriteOnce]\n"
    );
    assert!(s.sim.cluster().claim("default", "a").is_some());
    // A single refused document prints kubectl's single-error form.
    s.write("bad.yaml", &no_modes);
    assert_eq!(
        s.fails("kubectl create -f bad.yaml"),
        "The PersistentVolumeClaim \"c\" is invalid: spec.accessModes: Required value: at least 1 access mode is required\nkubestory: bad.yaml:5:1: spec.accessModes: at least 1 access mode is required — add for example accessModes: [ReadWriteOnce]\n"
    );
}

#[test]
fn dry_runs_change_nothing() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --dry-run=client"),
        "persistentvolumeclaim/data created (dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --dry-run=server"),
        "persistentvolumeclaim/data created (server dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl create -f pvc.yaml --dry-run"),
        "persistentvolumeclaim/data created (dry run)\n"
    );
    assert!(s.sim.cluster().claim("default", "data").is_none());
    assert_eq!(s.sim.history().count(), 0);
    s.ok("kubectl apply -f pvc.yaml");
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --dry-run=client"),
        "persistentvolumeclaim/data configured (dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --dry-run=server"),
        "persistentvolumeclaim/data unchanged (server dry run)\n"
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml -o name"),
        "persistentvolumeclaim/data\n"
    );
}

#[test]
fn each_command_is_one_undo_step() {
    let mut s = Session::new();
    s.write(
        "two.yaml",
        &format!("{}---\n{}", pvc("a", "1Gi"), pvc("b", "1Gi")),
    );
    s.ok("kubectl apply -f two.yaml");
    assert_eq!(
        s.sim.history().collect::<Vec<_>>(),
        vec!["kubectl apply -f two.yaml"]
    );
    s.sim.undo();
    assert!(s.sim.cluster().claim("default", "a").is_none());
    assert!(s.sim.cluster().claim("default", "b").is_none());
}

#[test]
fn apply_force_replaces_what_cannot_be_updated() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    s.write(
        "pvc.yaml",
        &pvc("data", "1Gi").replace("ReadWriteOnce", "ReadWriteMany"),
    );
    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml --force"),
        "persistentvolumeclaim/data configured\n"
    );
    let modes = s
        .sim
        .cluster()
        .claim("default", "data")
        .map(|c| format!("{:?}", c.spec.access_modes));
    assert!(modes.is_some_and(|m| m.contains("ReadWriteMany") && !m.contains("ReadWriteOnce")));
    // In use: the claim stays Terminating and kubectl would wait for it forever.
    s.write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: data\n");
    s.ok("kubectl apply -f pod.yaml");
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    let out = s.run("kubectl apply -f pvc.yaml --force");
    assert_eq!(out.stdout(), "");
    assert!(
        out.stderr().contains("still used by pod \"web\""),
        "{}",
        out.stderr()
    );
}
