//! The small tree view (below 60x16 and beside quiz questions) says where data lives, as the
//! diagram does: each story under the storage that holds it, every node's disk, cordoned and
//! NotReady nodes; and its lines wrap at words instead of being cut.

mod ui_common;

use kubestory::lesson::check::Workspace;
use kubestory::lesson::model::ManifestFile;
use kubestory::runner::run_one;
use kubestory::sim::{Cluster, ClusterConfig, Simulation};
use kubestory::ui::panes::cluster_tree::{self, TreeLine};
use ui_common::*;

const APPS: &str = r#"
apiVersion: v1
kind: Pod
metadata: {name: plain}
spec:
  nodeName: minikube
  containers:
    - {name: story, image: academind/kub-data-demo:1}
---
apiVersion: v1
kind: Pod
metadata: {name: scratch}
spec:
  nodeName: minikube
  containers:
    - name: story
      image: academind/kub-data-demo:1
      volumeMounts: [{name: v, mountPath: /app/story}]
  volumes:
    - {name: v, emptyDir: {}}
---
apiVersion: v1
kind: Pod
metadata: {name: node-dir}
spec:
  nodeName: minikube
  containers:
    - name: story
      image: academind/kub-data-demo:1
      volumeMounts: [{name: v, mountPath: /app/story}]
  volumes:
    - {name: v, hostPath: {path: /data, type: DirectoryOrCreate}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: share}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteMany]
  storageClassName: ""
  nfs: {server: nfs.example, path: /exports/stories}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: shared}
spec:
  accessModes: [ReadWriteMany]
  storageClassName: ""
  volumeName: share
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: on-share}
spec:
  nodeName: minikube
  containers:
    - name: story
      image: academind/kub-data-demo:1
      volumeMounts: [{name: v, mountPath: /app/story}]
  volumes:
    - {name: v, persistentVolumeClaim: {claimName: shared}}
"#;

/// Four apps on minikube, one story each in a different place; minikube-m02 cordoned and
/// minikube-m03 failed.
fn cluster() -> Simulation {
    let config = ClusterConfig {
        nodes: vec![
            "minikube".into(),
            "minikube-m02".into(),
            "minikube-m03".into(),
        ],
        ..ClusterConfig::default()
    };
    let mut sim = Simulation::new(Cluster::new(config));
    let ws = Workspace::new();
    ws.write(&[ManifestFile {
        name: "apps.yaml".into(),
        content: Some(APPS.into()),
        file: None,
    }]);
    for line in [
        "kubectl apply -f apps.yaml",
        "wait 10s",
        "story write pod/plain in the layer",
        "story write pod/scratch in the emptyDir",
        "story write pod/node-dir on the node disk",
        "story write pod/on-share on the share",
        "kubectl cordon minikube-m02",
        "node fail minikube-m03",
        "wait 1m",
    ] {
        let mut out = String::new();
        assert!(
            run_one(&mut sim, line, &ws.files(), &mut out),
            "{line}: {out}"
        );
    }
    sim
}

/// The lines that contain `line` (the nearest shallower line above it, and so on up).
fn ancestors(lines: &[TreeLine], i: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = lines[i].depth;
    for l in lines[..i].iter().rev() {
        if l.depth < depth {
            out.push(l.text());
            depth = l.depth;
        }
    }
    out
}

fn find(lines: &[TreeLine], text: &str) -> usize {
    lines
        .iter()
        .position(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}: {lines:#?}"))
}

#[test]
fn each_story_is_listed_under_the_storage_that_holds_it() {
    let sim = cluster();
    let lines = cluster_tree::lines(sim.cluster(), &[], true);
    let up = |t: &str| ancestors(&lines, find(&lines, t));

    // The container's own filesystem: under the container, in the pod, on the node.
    let layer = up("\"in the layer\"");
    assert!(
        layer[0].contains("▣ story") && layer[0].contains("layer: 1 story"),
        "{layer:?}"
    );
    assert!(layer[1].starts_with("pod plain"), "{layer:?}");
    assert!(layer[2].starts_with("node minikube "), "{layer:?}");

    // The emptyDir: under the pod's volume, not its container.
    let ed = up("\"in the emptyDir\"");
    assert!(ed[0].contains("◫ v emptyDir on node disk"), "{ed:?}");
    assert!(ed[1].starts_with("pod scratch"), "{ed:?}");

    // The hostPath: on minikube's disk, in /data, not in any pod.
    let disk = up("\"on the node disk\"");
    assert!(
        disk[0].starts_with("▤ /data") && disk[0].contains("node-dir"),
        "{disk:?}"
    );
    assert!(disk[1].starts_with("disk (1 story)"), "{disk:?}");
    assert!(disk[2].starts_with("node minikube "), "{disk:?}");

    // The PV: in cluster storage, outside every node.
    let pv = up("\"on the share\"");
    assert!(
        pv[0].contains("data: network filesystem") || pv[0].contains("data: "),
        "{pv:?}"
    );
    assert!(pv[0].contains("(1 story)"), "{pv:?}");
    assert!(
        pv.iter().any(|l| l.starts_with("cluster storage")),
        "{pv:?}"
    );
    assert!(!pv.iter().any(|l| l.starts_with("node ")), "{pv:?}");

    // One story is "1 story", never "1 stories".
    assert!(
        !lines.iter().any(|l| l.text().contains("1 stories")),
        "{lines:#?}"
    );
}

#[test]
fn cordoned_and_failed_nodes_are_named() {
    let sim = cluster();
    let lines = cluster_tree::lines(sim.cluster(), &[], true);
    let m02 = lines[find(&lines, "node minikube-m02")].text();
    assert!(m02.contains("Ready") && m02.contains("cordoned"), "{m02}");
    let m03 = lines[find(&lines, "node minikube-m03")].text();
    assert!(
        m03.contains("machine DOWN") && m03.contains("NotReady"),
        "{m03}"
    );
    // Every node says what its disk holds, even when it holds nothing.
    assert!(
        lines[find(&lines, "node minikube-m02") + 1..]
            .iter()
            .take_while(|l| l.depth > 0)
            .any(|l| l.text().contains("disk: nothing stored"))
    );
}

#[test]
fn selectable_rows_nest_for_left_and_right() {
    let sim = cluster();
    let rows = cluster_tree::rows(sim.cluster());
    let pod = rows
        .iter()
        .position(|r| r.label.starts_with("pod scratch"))
        .unwrap();
    assert_eq!(rows[pod].depth, 1);
    assert_eq!(rows[pod + 1].depth, 2, "its container: {:?}", rows[pod + 1]);
    let pv = rows
        .iter()
        .find(|r| r.label.starts_with("pv share"))
        .unwrap();
    assert_eq!(pv.depth, 0, "storage objects are top-level rows");
}

#[test]
fn narrow_trees_wrap_at_words() {
    let sim = cluster();
    let text = cluster_tree::plain(sim.cluster(), &[], 30, true);
    for line in text.lines() {
        assert!(line.chars().count() <= 30, "{line:?}");
    }
    // The long PV line wraps instead of losing its end.
    assert!(
        text.contains("ReadWriteMany") || text.contains("Retain"),
        "{text}"
    );
    assert!(text.contains("nfs.example"), "{text}");
    insta::assert_snapshot!("tree_plain_30", text);
}

fn sandbox_with_cluster(name: &str) -> kubestory::ui::App {
    let mut a = app(name);
    a.reset_sim(cluster());
    a
}

#[test]
fn snapshot_the_tree_in_small_terminals() {
    let mut a = sandbox_with_cluster("tree-small");
    insta::assert_snapshot!("tree_70x18", screen(&mut a, 70, 18));
    insta::assert_snapshot!("tree_60x16", screen(&mut a, 60, 16));
}

#[test]
fn the_ascii_tree_uses_the_diagrams_ascii_glyphs() {
    let sim = cluster();
    let text = cluster_tree::plain(sim.cluster(), &[], 40, false);
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("`- - \"in the emptyDir\""), "{text}");
    insta::assert_snapshot!("tree_plain_ascii_40", text);
}
