//! Golden output of `-o yaml`, `-o json`, `-o name` and lists.

use crate::kubectl::printers::{get_output_value, list_value, name_line, operation, success_line};
use crate::kubectl::{
    DryRun, OutputFormat, Resources, Target, to_json, to_yaml, to_yaml_documents,
};
use crate::sim::Kind;
use serde_json::json;

fn pvc() -> serde_json::Value {
    json!({
        "apiVersion": "v1",
        "kind": "PersistentVolumeClaim",
        "metadata": {
            "annotations": {
                "pv.kubernetes.io/bind-completed": "yes",
                "pv.kubernetes.io/bound-by-controller": "yes"
            },
            "creationTimestamp": "2026-01-01T00:00:00Z",
            "finalizers": ["kubernetes.io/pvc-protection"],
            "name": "data",
            "namespace": "default",
            "resourceVersion": "123",
            "uid": "5b0c2a1e-0000-4000-8000-000000000001"
        },
        "spec": {
            "accessModes": ["ReadWriteOnce"],
            "resources": {"requests": {"storage": "1Gi"}},
            "storageClassName": "standard",
            "volumeMode": "Filesystem",
            "volumeName": "pvc-5b0c2a1e"
        },
        "status": {
            "accessModes": ["ReadWriteOnce"],
            "capacity": {"storage": "1Gi"},
            "phase": "Bound"
        }
    })
}

#[test]
fn pvc_as_yaml() {
    let want = "\
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  annotations:
    pv.kubernetes.io/bind-completed: \"yes\"
    pv.kubernetes.io/bound-by-controller: \"yes\"
  creationTimestamp: \"2026-01-01T00:00:00Z\"
  finalizers:
  - kubernetes.io/pvc-protection
  name: data
  namespace: default
  resourceVersion: \"123\"
  uid: 5b0c2a1e-0000-4000-8000-000000000001
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: standard
  volumeMode: Filesystem
  volumeName: pvc-5b0c2a1e
status:
  accessModes:
  - ReadWriteOnce
  capacity:
    storage: 1Gi
  phase: Bound
";
    assert_eq!(to_yaml(&pvc()), want);
}

#[test]
fn pvc_as_json() {
    let want = r#"{
    "apiVersion": "v1",
    "kind": "PersistentVolumeClaim",
    "metadata": {
        "annotations": {
            "pv.kubernetes.io/bind-completed": "yes",
            "pv.kubernetes.io/bound-by-controller": "yes"
        },
        "creationTimestamp": "2026-01-01T00:00:00Z",
        "finalizers": [
            "kubernetes.io/pvc-protection"
        ],
        "name": "data",
        "namespace": "default",
        "resourceVersion": "123",
        "uid": "5b0c2a1e-0000-4000-8000-000000000001"
    },
    "spec": {
        "accessModes": [
            "ReadWriteOnce"
        ],
        "resources": {
            "requests": {
                "storage": "1Gi"
            }
        },
        "storageClassName": "standard",
        "volumeMode": "Filesystem",
        "volumeName": "pvc-5b0c2a1e"
    },
    "status": {
        "accessModes": [
            "ReadWriteOnce"
        ],
        "capacity": {
            "storage": "1Gi"
        },
        "phase": "Bound"
    }
}
"#;
    assert_eq!(to_json(&pvc()), want);
}

#[test]
fn yaml_scalar_quoting_matches_go_yaml_v2() {
    let cases: &[(&str, &str)] = &[
        ("plain", "plain"),
        ("yes", "\"yes\""),
        ("No", "\"No\""),
        ("y", "\"y\""),
        ("on", "\"on\""),
        ("true", "\"true\""),
        ("null", "\"null\""),
        ("~", "\"~\""),
        ("", "\"\""),
        ("123", "\"123\""),
        ("-1", "\"-1\""),
        ("0x1F", "\"0x1F\""),
        ("1_000", "\"1_000\""),
        ("1.5", "\"1.5\""),
        ("1e3", "\"1e3\""),
        (".5", "\".5\""),
        (".inf", "\".inf\""),
        ("2026-01-01", "\"2026-01-01\""),
        ("2026-01-01 10:00:00", "\"2026-01-01 10:00:00\""),
        ("2026-13-01", "2026-13-01"),
        ("1:20", "\"1:20\""),
        ("10Gi", "10Gi"),
        ("500m", "500m"),
        ("1.2.3", "1.2.3"),
        ("<<", "<<"),
        ("a: b", "'a: b'"),
        ("a:b", "a:b"),
        (":x", ":x"),
        ("- x", "'- x'"),
        ("-x", "-x"),
        ("a #b", "'a #b'"),
        ("a#b", "a#b"),
        ("#x", "'#x'"),
        ("*x", "'*x'"),
        ("it's", "it's"),
        ("'q", "'''q'"),
        (" lead", "' lead'"),
        ("trail ", "'trail '"),
        ("a\tb", "\"a\\tb\""),
        ("é", "é"),
        ("😀", "\"\\U0001F600\""),
        ("a\"b", "a\"b"),
        ("\"q\"", "'\"q\"'"),
        ("{a}", "'{a}'"),
        ("a,b", "a,b"),
        ("---", "'---'"),
        ("@x", "'@x'"),
        ("%x", "'%x'"),
        ("/data", "/data"),
        ("http://x:80/y", "http://x:80/y"),
    ];
    for (input, want) in cases {
        assert_eq!(
            to_yaml(&json!({ "k": input })),
            format!("k: {want}\n"),
            "{input:?}"
        );
    }
}

#[test]
fn yaml_keys_numbers_and_empty_collections() {
    let v = json!({
        "b10": 1, "b9": 2, "B": 3, "a": [], "c": {}, "1": true, "_x": null, "float": 0.5,
        "big": 1234567.5, "list": [[1, 2], {"x": 1, "y": [3]}], "": "empty key", "yes": "x"
    });
    let want = "\
\"\": empty key
_x: null
\"1\": true
B: 3
a: []
b9: 2
b10: 1
big: 1.2345675e+06
c: {}
float: 0.5
list:
- - 1
  - 2
- x: 1
  \"y\":
  - 3
\"yes\": x
";
    assert_eq!(to_yaml(&v), want);
}

#[test]
fn yaml_block_scalars() {
    let v = json!({"data": {
        "clip": "line1\nline2\n",
        "strip": "a\nb",
        "keep": "a\n\n",
        "lead": "  x\ny\n",
        "trail": "a \nb",
    }});
    let want = "\
data:
  clip: |
    line1
    line2
  keep: |+
    a

  lead: |2
      x
    y
  strip: |-
    a
    b
  trail: \"a \\nb\"
";
    assert_eq!(to_yaml(&v), want);
}

#[test]
fn yaml_folds_long_plain_strings_at_80_columns() {
    let words = vec!["abcdefghi"; 20].join(" ");
    let line = |n: usize| vec!["abcdefghi"; n].join(" ");
    let want = format!("k: {}\n  {}\n  {}\n", line(8), line(8), line(4));
    assert_eq!(to_yaml(&json!({ "k": words })), want);
    // Keys are never folded and a long key (> 128 bytes) becomes an explicit `?` key.
    let long_key = "k".repeat(130);
    assert_eq!(
        to_yaml(&json!({ long_key.clone(): 1 })),
        format!("? {long_key}\n: 1\n")
    );
}

#[test]
fn json_escapes_like_go() {
    let v = json!({"s": "<a&b>\u{2028}\t\n\"\\\u{1}\u{8}\u{c}é", "n": 1.0, "f": 0.000001, "g": 1e21, "h": 1e-7, "neg": -2.5, "e": [], "o": {}});
    let want = r#"{
    "e": [],
    "f": 0.000001,
    "g": 1e+21,
    "h": 1e-7,
    "n": 1,
    "neg": -2.5,
    "o": {},
    "s": "\u003ca\u0026b\u003e\u2028\t\n\"\\\u0001\b\fé"
}
"#;
    assert_eq!(to_json(&v), want);
}

#[test]
fn lists_and_names() {
    let list = list_value(vec![
        json!({"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "a"}}),
    ]);
    assert_eq!(
        to_yaml(&list),
        "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
    );
    assert_eq!(
        to_yaml(&list_value(vec![])),
        "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
    );
    let one = Resources::Named(vec![Target {
        kind: Kind::Pod,
        name: "a".into(),
    }]);
    assert_eq!(
        get_output_value(&one, vec![json!({"a": 1})]),
        json!({"a": 1})
    );
    let kinds = Resources::Kinds(vec![Kind::Pod]);
    assert_eq!(
        get_output_value(&kinds, vec![json!({"a": 1})]),
        list_value(vec![json!({"a": 1})])
    );
    assert_eq!(
        name_line(Kind::PersistentVolumeClaim, "x", None),
        "persistentvolumeclaim/x\n"
    );
    assert_eq!(
        name_line(Kind::Deployment, "web", Some("created")),
        "deployment.apps/web created\n"
    );
    assert_eq!(
        operation("configured", DryRun::Server),
        "configured (server dry run)"
    );
    assert_eq!(
        success_line(
            Kind::StorageClass,
            "fast",
            "created",
            DryRun::Client,
            OutputFormat::Default
        )
        .as_deref(),
        Some("storageclass.storage.k8s.io/fast created (dry run)\n")
    );
    assert_eq!(
        success_line(Kind::Pod, "p", "created", DryRun::None, OutputFormat::Yaml),
        None
    );
    assert_eq!(
        to_yaml_documents(&[json!({"a": 1}), json!({"b": 2})]),
        "a: 1\n---\nb: 2\n"
    );
}

#[test]
fn delete_lines_and_empty_results() {
    use crate::kubectl::Flags;
    use crate::kubectl::printers::{delete_line, no_resources_found};
    let mut flags = Flags::default();
    assert_eq!(
        delete_line(
            Kind::PersistentVolumeClaim,
            "host-pvc",
            Some("default"),
            &flags
        ),
        "persistentvolumeclaim \"host-pvc\" deleted from default namespace\n"
    );
    assert_eq!(
        delete_line(Kind::PersistentVolume, "host-pv", None, &flags),
        "persistentvolume \"host-pv\" deleted\n"
    );
    assert_eq!(
        delete_line(Kind::StorageClass, "fast", Some("default"), &flags),
        "storageclass.storage.k8s.io \"fast\" deleted\n"
    );
    flags.grace_period = 0;
    assert_eq!(
        delete_line(Kind::Pod, "p", Some("shop"), &flags),
        "pod \"p\" force deleted from shop namespace\n"
    );
    flags.output = OutputFormat::Name;
    assert_eq!(
        delete_line(Kind::Deployment, "web", Some("shop"), &flags),
        "deployment.apps/web\n"
    );
    assert_eq!(
        no_resources_found(Some("default")),
        "No resources found in default namespace.\n"
    );
    assert_eq!(no_resources_found(None), "No resources found\n");
}
