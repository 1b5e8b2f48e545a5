//! Tests of the whole pipeline: what loads, what fails, and what kubectl would still apply.

use super::{FailureKind, load, render};
use crate::sim::Object;

const PVC: &str = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";

#[test]
fn a_valid_claim_becomes_a_typed_object() {
    let docs = load("pvc.yaml", PVC).unwrap_or_default();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(
        (d.kind.as_str(), d.name.as_str(), d.api_version.as_str()),
        ("PersistentVolumeClaim", "data", "v1")
    );
    assert!(d.simulated && d.namespaced && d.namespace.is_none());
    assert!(matches!(&d.object, Object::PersistentVolumeClaim(c) if c.spec.request().is_some()));
    assert_eq!(d.value["spec"]["resources"]["requests"]["storage"], "1Gi");
    assert_eq!(
        d.locate("spec.resources.requests.storage")
            .map(|p| (p.line, p.column)),
        Some((9, 16))
    );
}

#[test]
fn empty_documents_are_skipped() {
    let text = format!("---\n# nothing\n---\n{PVC}---\n\n");
    assert_eq!(load("a.yaml", &text).map(|d| d.len()).ok(), Some(1));
    assert_eq!(load("a.yaml", "").map(|d| d.len()).ok(), Some(0));
}

#[test]
fn real_but_unsimulated_kinds_are_accepted() {
    let text = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {clusterIP: None, ports: [{port: 80}]}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup, namespace: ops}\nspec: {anything: goes}\n";
    let docs = load("s.yaml", text).unwrap_or_default();
    assert_eq!(docs.len(), 2);
    assert!(
        docs.iter()
            .all(|d| !d.simulated && matches!(d.object, Object::Unsimulated(_)))
    );
    assert_eq!(docs[1].namespace.as_deref(), Some("ops"));
    let err = load("s.yaml", "apiVersion: v1\nkind: Service\nmetadata: {}\n").err();
    assert_eq!(err.map(|e| e.failures[0].kind), Some(FailureKind::Invalid));
}

#[test]
fn cluster_scoped_objects_have_no_namespace() {
    let text = "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv, namespace: default}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt}}\n";
    let docs = load("pv.yaml", text).unwrap_or_default();
    assert_eq!(docs.first().map(|d| d.namespace.clone()), Some(None));
}

#[test]
fn kubectl_still_applies_the_documents_before_a_stream_error() {
    let text = format!("{PVC}---\napiVersion: v1\nmetadata: {{name: x}}\n---\n{PVC}");
    let err = load("m.yaml", &text).expect_err("refused");
    assert_eq!(err.failures.len(), 1);
    assert_eq!(err.failures[0].kind, FailureKind::ClientValidation);
    assert_eq!(err.failures[0].document, 1);
    assert_eq!(
        err.loaded.len(),
        1,
        "only the document before the error is applied"
    );
}

#[test]
fn server_side_errors_do_not_stop_the_other_documents() {
    let bad = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bad}\nspec: {accesModes: []}\n";
    let text = format!("{bad}---\n{PVC}");
    let err = load("m.yaml", &text).expect_err("refused");
    assert_eq!(err.failures[0].kind, FailureKind::BadRequest);
    assert_eq!(err.loaded.len(), 1);
}

#[test]
fn list_items_are_loaded_as_documents() {
    let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: demo}\n";
    let docs = load("list.yaml", text).unwrap_or_default();
    let kinds: Vec<&str> = docs.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["ConfigMap", "Namespace"]);
}

#[test]
fn statefulset_templates_are_checked_later_as_upstream_does() {
    let text = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        volumeMounts:\n        - {name: www, mountPath: /data}\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec:\n      resources: {requests: {storage: 1Gi}}\n";
    let docs = load("sts.yaml", text).unwrap_or_default();
    assert_eq!(docs.len(), 1, "the API server accepts it");
    let w = &docs[0].warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].path, "spec.volumeClaimTemplates[0].spec.accessModes");
    assert!(w[0].message.contains("at least 1 access mode is required"));
}

#[test]
fn generate_name_replaces_name() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: cfg-}\n";
    let docs = load("g.yaml", text).unwrap_or_default();
    assert_eq!(docs.first().map(|d| d.name.as_str()), Some(""));
}

#[test]
fn several_failures_use_kubectl_multi_error_format() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {}\n---\napiVersion: v1\nkind: Pood\nmetadata: {name: b}\n";
    let err = load("two.yaml", text).expect_err("refused");
    let out = render(&err, "creating");
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("resource mapping not found for name: \"b\""),
        "{out}"
    );
    assert!(out.contains("Error from server (Invalid): error when creating \"two.yaml\": Pod \"a\" is invalid: spec.containers: Required value"), "{out}");
}

#[test]
fn the_verb_is_a_parameter() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: 1}\n";
    let err = load("c.yaml", text).expect_err("refused");
    assert!(
        render(&err, "replacing")
            .starts_with("Error from server (BadRequest): error when replacing \"c.yaml\"")
    );
    assert!(err.to_string().contains("error when creating"));
}

#[test]
fn oversized_input_is_refused_without_parsing() {
    let text = format!("a: \"{}\"\n", "x".repeat(super::yaml::MAX_INPUT_BYTES));
    let err = load("big.yaml", &text).expect_err("refused");
    assert_eq!(err.failures[0].kind, FailureKind::Parse);
    assert!(err.to_string().contains("at most 1024 KiB"));
}

#[test]
fn yaml_1_1_booleans_in_string_fields_are_explained() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  enabled: on\n";
    let err = load("c.yaml", text).expect_err("refused");
    let d = err.diagnostics().next().expect("pointer");
    assert!(
        d.suggestion.as_deref().unwrap_or("").contains("\"on\""),
        "{d}"
    );
}
