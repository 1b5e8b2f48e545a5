//! `kubectl patch`.

use super::harness::*;

const PV: &str = "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: host-pv\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /data/host\n";

fn with_pv() -> Session {
    let s = Session::new();
    s.write("pv.yaml", PV);
    s
}

#[test]
fn merge_strategic_and_json_patches() {
    let mut s = with_pv();
    s.ok("kubectl apply -f pv.yaml");
    assert_eq!(
        s.ok("kubectl patch pv host-pv -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Delete\"}}'"),
        "persistentvolume/host-pv patched\n"
    );
    assert_eq!(
        s.ok("kubectl patch pv/host-pv --type merge -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Delete\"}}'"),
        "persistentvolume/host-pv patched (no change)\n"
    );
    assert_eq!(
        s.ok("kubectl patch pv host-pv --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/persistentVolumeReclaimPolicy\",\"value\":\"Retain\"}]'"),
        "persistentvolume/host-pv patched\n"
    );
    // YAML works too.
    assert_eq!(
        s.ok("kubectl patch pv host-pv -p 'metadata: {labels: {tier: gold}}'"),
        "persistentvolume/host-pv patched\n"
    );
    let labels = &s
        .sim
        .cluster()
        .volume("host-pv")
        .map(|v| v.metadata.labels.clone())
        .unwrap_or_default();
    assert_eq!(labels.get("tier").map(String::as_str), Some("gold"));
    assert_eq!(
        s.ok("kubectl patch pv host-pv -p '{}' --dry-run=client"),
        "persistentvolume/host-pv patched (no change) (dry run)\n"
    );
}

#[test]
fn malformed_patches_fail_where_kubectl_fails() {
    let mut s = with_pv();
    s.ok("kubectl apply -f pv.yaml");
    assert_eq!(
        s.fails("kubectl patch pv host-pv -p '{spec:{claimRef:null}}'"),
        "Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv -p '{\"spec\":'"),
        "Error from server (BadRequest): unexpected end of JSON input\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv -p 'spec: ['"),
        "error: unable to parse \"spec: [\": yaml: line 1: did not find expected node content\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv --type json -p '[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]'"),
        "The request is invalid: the server rejected our request due to an error in our request\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv --type json -p '{\"op\":\"remove\"}'"),
        "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv nope -p '{}'"),
        "Error from server (NotFound): persistentvolumes \"nope\" not found\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv -p '{\"metadata\":{\"name\":\"other\"}}'"),
        "Error from server (BadRequest): the name of the object (other) does not match the name on the URL (host-pv)\n"
    );
}

#[test]
fn unknown_fields_are_warnings_and_validation_errors_are_invalid() {
    let mut s = with_pv();
    s.ok("kubectl apply -f pv.yaml");
    assert_eq!(
        s.ok("kubectl patch pv host-pv -p '{\"spec\":{\"reclaimPolicy\":\"Delete\"}}'"),
        "Warning: unknown field \"spec.reclaimPolicy\"\npersistentvolume/host-pv patched (no change)\n"
    );
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    assert_eq!(
        s.fails("kubectl patch pvc data -p '{\"spec\":{\"accessModes\":[\"ReadWriteMany\"]}}'"),
        "The PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n"
    );
    assert_eq!(
        s.fails("kubectl patch pvc data --type merge -p '{\"spec\":{\"accessModes\":null}}'"),
        "The PersistentVolumeClaim \"data\" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n"
    );
    assert_eq!(
        s.fails("kubectl patch pvc data -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}'"),
        "Error from server (Forbidden): persistentvolumeclaims \"data\" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n"
    );
}

#[test]
fn strategic_patches_merge_containers_by_name() {
    let mut s = Session::new();
    s.write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n      - name: side\n        image: busybox\n");
    s.ok("kubectl apply -f deploy.yaml");
    assert_eq!(
        s.ok("kubectl patch deployment web -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"redis\"}]}}}}'"),
        "deployment.apps/web patched\n"
    );
    let images: Vec<String> = s
        .sim
        .cluster()
        .deployment("default", "web")
        .map(|d| {
            d.spec
                .template
                .spec
                .containers
                .iter()
                .map(|c| c.image.clone())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(images, vec!["nginx".to_string(), "redis".to_string()]);
}

#[test]
fn patch_file_and_nodes() {
    let mut s = with_pv();
    s.ok("kubectl apply -f pv.yaml");
    s.write(
        "patch.json",
        "{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Delete\"}}",
    );
    assert_eq!(
        s.ok("kubectl patch pv host-pv --patch-file patch.json"),
        "persistentvolume/host-pv patched\n"
    );
    assert_eq!(
        s.fails("kubectl patch pv host-pv --patch-file none.json"),
        "error: unable to read patch file: open none.json: no such file or directory\n"
    );
    assert_eq!(
        s.ok("kubectl patch node minikube -p '{\"spec\":{\"unschedulable\":true}}'"),
        "node/minikube patched\n"
    );
    assert!(
        s.sim
            .cluster()
            .node("minikube")
            .is_some_and(|n| n.spec.unschedulable)
    );
}

/// An empty patch changes nothing and draws no warning, whatever the kind: the live objects
/// kubestory stores decode cleanly against the API schema.
#[test]
fn empty_patches_change_nothing_for_every_kind() {
    let mut s = Session::new();
    s.write("all.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: sec\nstringData:\n  a: b\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres\n        volumeMounts:\n        - {name: data, mountPath: /var/lib/postgresql/data}\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n");
    s.write("pv.yaml", PV);
    s.ok("kubectl apply -f all.yaml -f pv.yaml");
    let c = s.sim.cluster();
    let mut targets: Vec<String> = vec![
        "configmap cm".into(),
        "secret sec".into(),
        "sts db".into(),
        "deploy web".into(),
        "pv host-pv".into(),
        "sc standard".into(),
        "ns default".into(),
        "pvc data-db-0".into(),
    ];
    targets.extend(c.pods().map(|p| format!("pod {}", p.metadata.name)));
    targets.extend(c.replica_sets().map(|r| format!("rs {}", r.metadata.name)));
    for t in targets {
        for kind in ["strategic", "merge"] {
            let out = s.run(&format!("kubectl patch {t} -p '{{}}' --type {kind}"));
            assert!(out.success, "{t}: {}", out.combined());
            assert_eq!(out.stderr(), "", "{t}");
            assert!(
                out.stdout().ends_with(" patched (no change)\n"),
                "{t}: {}",
                out.stdout()
            );
        }
    }
}
