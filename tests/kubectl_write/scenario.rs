//! Whole stories told with kubectl commands only: the Retain walkthrough of
//! k8s-storage-semantics.md §6.3, and every real-world manifest of `../shared/k8s-examples`.

use super::harness::*;
use kubestory::sim::Target;
use kubestory::sim::objects::{ClaimPhase, VolumePhase};
use std::path::{Path, PathBuf};

const HOST_PV: &str = "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: host-pv\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /data/host\n";

const HOST_PVC: &str = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: host-pvc\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";

const STORY_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: story\nspec:\n  containers:\n  - name: app\n    image: story\n    volumeMounts:\n    - name: data\n      mountPath: /app/story\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: host-pvc\n";

fn pv_phase(s: &Session) -> Option<VolumePhase> {
    s.sim
        .cluster()
        .volume("host-pv")
        .and_then(|v| v.status.phase)
}

fn claim(s: &Session) -> (Option<ClaimPhase>, Option<String>) {
    let c = s.sim.cluster().claim("default", "host-pvc");
    (
        c.and_then(|c| c.status.phase),
        c.and_then(|c| c.spec.volume_name.clone()),
    )
}

/// §6.3 "Retain, static": delete the claim, the PV is Released and keeps its claimRef; a new
/// claim of the same name stays Pending; clearing claimRef makes the PV Available and it binds;
/// the files were there all along.
#[test]
fn s6_3_retain_release_and_reuse_through_kubectl() {
    let mut s = Session::new();
    s.write("pv.yaml", HOST_PV);
    s.write("pvc.yaml", HOST_PVC);
    s.write("pod.yaml", STORY_POD);
    assert_eq!(
        s.ok("kubectl apply -f pv.yaml -f pvc.yaml -f pod.yaml"),
        "persistentvolume/host-pv created\npersistentvolumeclaim/host-pvc created\npod/story created\n"
    );
    assert_eq!(claim(&s), (Some(ClaimPhase::Bound), Some("host-pv".into())));
    let pod = Target::Pod("story".into());
    s.sim
        .act("story write", |c| {
            c.write_story("default", &pod, None, "kept on the node")
        })
        .expect("the story is written");

    assert_eq!(
        s.ok("kubectl delete pod story"),
        "pod \"story\" deleted from default namespace\n"
    );
    assert_eq!(
        s.ok("kubectl delete pvc host-pvc"),
        "persistentvolumeclaim \"host-pvc\" deleted from default namespace\n"
    );
    assert_eq!(pv_phase(&s), Some(VolumePhase::Released));
    let claim_ref = s
        .sim
        .cluster()
        .volume("host-pv")
        .and_then(|v| v.spec.claim_ref.clone());
    assert_eq!(claim_ref.and_then(|r| r.name), Some("host-pvc".into()));

    assert_eq!(
        s.ok("kubectl apply -f pvc.yaml"),
        "persistentvolumeclaim/host-pvc created\n"
    );
    assert_eq!(claim(&s), (Some(ClaimPhase::Pending), None));
    assert_eq!(pv_phase(&s), Some(VolumePhase::Released));

    assert_eq!(
        s.ok("kubectl patch pv host-pv -p '{\"spec\":{\"claimRef\":null}}'"),
        "persistentvolume/host-pv patched\n"
    );
    assert_eq!(claim(&s), (Some(ClaimPhase::Bound), Some("host-pv".into())));
    assert_eq!(pv_phase(&s), Some(VolumePhase::Bound));

    assert_eq!(s.ok("kubectl apply -f pod.yaml"), "pod/story created\n");
    let stories = s
        .sim
        .cluster()
        .read_stories("default", &pod, None)
        .expect("the pod serves");
    let texts: Vec<&str> = stories.iter().map(|st| st.text.as_str()).collect();
    assert_eq!(texts, vec!["kept on the node"]);

    // Every kubectl command that changed something is one undo step.
    let history: Vec<&str> = s.sim.history().collect();
    assert!(history.contains(&"kubectl patch pv host-pv -p '{\"spec\":{\"claimRef\":null}}'"));
}

fn examples_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        std::env::var_os("KUBESTORY_EXAMPLES").map(PathBuf::from),
        Some(root.join("../shared/k8s-examples")),
        Some(root.join("../../shared/k8s-examples")),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.is_dir())
}

/// `kubectl apply -f` of every shared example file, each in a fresh cluster, then of the
/// whole folder with `-R`.
#[test]
fn every_shared_example_applies() {
    let Some(dir) = examples_dir() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/k8s-examples is missing, and CI=true requires it"
        );
        eprintln!("note: ../shared/k8s-examples not found; every_shared_example_applies skipped");
        return;
    };
    let dir = dir.to_string_lossy().into_owned();
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    files.sort();
    assert!(!files.is_empty());
    for file in &files {
        let mut s = Session::new();
        let line = format!("kubectl apply -f {file}");
        let out = s.run(&line);
        assert!(out.success, "{line}:\n{}", out.combined());
        for l in out.stdout().lines() {
            assert!(l.ends_with(" created"), "{line}: {l}");
        }
        assert!(!out.stdout().is_empty(), "{line}: nothing applied");
        let again = s.run(&line);
        for l in again.stdout().lines() {
            assert!(l.ends_with(" unchanged"), "{line} (again): {l}");
        }
    }
    let mut s = Session::new();
    let out = s.run(&format!("kubectl apply -f {dir} -R"));
    let created = out
        .stdout()
        .lines()
        .filter(|l| l.ends_with(" created"))
        .count();
    assert!(created > files.len(), "{}", out.combined());
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}
