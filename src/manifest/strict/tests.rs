//! Strict decoding tests.

use super::scalars::base64_error;
use super::*;
use crate::manifest::yaml::parse_file;

fn doc(text: &str) -> Node {
    parse_file(text)
        .documents
        .into_iter()
        .find_map(|d| d.root)
        .expect("document")
}

fn pvc(spec: &str) -> DecodeReport {
    let text =
        format!("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: x\nspec:\n{spec}");
    check(&doc(&text), "core.v1.PersistentVolumeClaim")
}

#[test]
fn unknown_fields_are_all_reported_with_suggestions() {
    let r = pvc(
        "  accesModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n    storageClassName: x\n",
    );
    assert_eq!(
        r.server_error().as_deref(),
        Some(
            "strict decoding error: unknown field \"spec.accesModes\", unknown field \"spec.resources.storageClassName\""
        )
    );
    assert_eq!(r.strict[0].pos, Pos::new(6, 3));
    assert_eq!(
        r.strict[0].suggestion.as_deref(),
        Some("did you mean \"accessModes\"?")
    );
    assert_eq!(
        r.strict[1].suggestion.as_deref(),
        Some("\"storageClassName\" belongs directly under \"spec\"")
    );
}

#[test]
fn type_errors_name_go_types() {
    let r = pvc("  accessModes: ReadWriteOnce\n  resources: {requests: {storage: 1Gi}}\n");
    assert_eq!(
        r.server_error().as_deref(),
        Some(
            "json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode"
        )
    );
    let labels = doc("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {enabled: yes}\n");
    let r = check(&labels, "core.v1.Pod");
    assert_eq!(
        r.server_error().as_deref(),
        Some(
            "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string"
        )
    );
    assert!(
        r.types[0]
            .suggestion
            .as_deref()
            .unwrap_or("")
            .contains("\"yes\"")
    );
}

#[test]
fn bad_quantity_wins_over_earlier_type_errors() {
    let r = pvc("  accessModes: ReadWriteOnce\n  resources: {requests: {storage: 10GB}}\n");
    let e = r.server_error().unwrap_or_default();
    assert!(e.starts_with("quantities must match"), "{e}");
}

#[test]
fn duplicates_and_misplaced_fields() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: c\n    image: i\n    mountPath: /data\n    volumes: []\n";
    let r = check(&doc(text), "core.v1.Pod");
    let servers: Vec<&str> = r.strict.iter().map(|s| s.server.as_str()).collect();
    assert_eq!(
        servers,
        [
            "duplicate field \"metadata.name\"",
            "unknown field \"spec.containers[0].mountPath\"",
            "unknown field \"spec.containers[0].volumes\""
        ]
    );
    assert_eq!(
        r.strict[1].suggestion.as_deref(),
        Some("\"mountPath\" goes inside each entry of \"volumeMounts\"")
    );
    assert_eq!(
        r.strict[2].suggestion.as_deref(),
        Some("\"volumes\" belongs directly under \"spec\"")
    );
}

#[test]
fn base64_positions_like_go() {
    assert_eq!(base64_error("aGVsbG8="), None);
    assert_eq!(base64_error("hello"), Some(4));
    assert_eq!(base64_error("hello world"), Some(5));
    assert_eq!(base64_error("aGVs\nbG8="), None);
}

#[test]
fn times_with_multibyte_text_do_not_panic() {
    use super::scalars::looks_like_rfc3339;
    assert!(looks_like_rfc3339("2026-01-01T00:00:00Z"));
    assert!(looks_like_rfc3339("2026-01-01T00:00:00+02:00"));
    assert!(!looks_like_rfc3339("2026-01-01T00:00:0é+0000"));
    assert!(!looks_like_rfc3339("yesterday"));
}
