//! Every manifest under `../shared/k8s-examples` (real-world files from kubernetes/website and
//! two storage provisioners) loads without error and yields the expected kinds.
//!
//! The folder lives next to the repository (`<repo>/../shared/k8s-examples`; for a git
//! worktree under `<root>/wt/<name>`, `<root>/shared/k8s-examples` is found too), or wherever
//! `KUBESTORY_EXAMPLES` points. When it is missing the test fails if `CI=true` and is skipped
//! with a note otherwise.

use kubestory::manifest::load;
use std::path::{Path, PathBuf};

/// Expected kinds per file, in document order.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "kubernetes-website/mysql-deployment.yaml",
        &["Service", "Deployment"],
    ),
    (
        "kubernetes-website/mysql-pv.yaml",
        &["PersistentVolume", "PersistentVolumeClaim"],
    ),
    (
        "kubernetes-website/pv-claim.yaml",
        &["PersistentVolumeClaim"],
    ),
    ("kubernetes-website/pv-duplicate.yaml", &["Pod"]),
    ("kubernetes-website/pv-pod.yaml", &["Pod"]),
    ("kubernetes-website/pv-volume.yaml", &["PersistentVolume"]),
    ("kubernetes-website/redis.yaml", &["Pod"]),
    ("kubernetes-website/web.yaml", &["Service", "StatefulSet"]),
    ("rancher-local-path-provisioner/pod.yaml", &["Pod"]),
    (
        "rancher-local-path-provisioner/pvc-rwop.yaml",
        &["PersistentVolumeClaim"],
    ),
    (
        "rancher-local-path-provisioner/pvc.yaml",
        &["PersistentVolumeClaim"],
    ),
    (
        "sig-storage-local-static-provisioner/default_example_storageclass.yaml",
        &["StorageClass"],
    ),
    (
        "sig-storage-local-static-provisioner/local-statefulset.yaml",
        &["StatefulSet"],
    ),
    (
        "sig-storage-local-static-provisioner/manual-pv.yaml",
        &["PersistentVolume"],
    ),
    (
        "sig-storage-local-static-provisioner/simple-pvc.yaml",
        &["PersistentVolumeClaim"],
    ),
];

fn examples_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("KUBESTORY_EXAMPLES").map(PathBuf::from),
        Some(root.join("../shared/k8s-examples")),
        Some(root.join("../../shared/k8s-examples")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_dir())
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn shared_examples_load_with_the_expected_kinds() {
    let Some(dir) = examples_dir() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/k8s-examples is missing, and CI=true requires it"
        );
        eprintln!("note: ../shared/k8s-examples not found; shared_examples test skipped");
        return;
    };
    let mut files = Vec::new();
    yaml_files(&dir, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no YAML files under {dir:?}");
    let mut seen = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let docs = match load(name, &text) {
            Ok(docs) => docs,
            Err(e) => panic!("{rel} does not load:\n{e}"),
        };
        assert!(!docs.is_empty(), "{rel}: no documents");
        let kinds: Vec<&str> = docs.iter().map(|d| d.kind.as_str()).collect();
        if let Some((_, expected)) = EXPECTED.iter().find(|(f, _)| *f == rel) {
            assert_eq!(kinds, *expected, "{rel}");
            seen.push(rel.clone());
        }
        for d in &docs {
            assert!(!d.name.is_empty(), "{rel}: {} without a name", d.kind);
            assert!(
                d.warnings.is_empty(),
                "{rel}: unexpected warnings {:?}",
                d.warnings
            );
        }
    }
    for (f, _) in EXPECTED {
        assert!(seen.iter().any(|s| s == f), "{f} is missing from {dir:?}");
    }
}
