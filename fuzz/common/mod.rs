//! What several fuzz targets share: the repository's scenario folder as the only place
//! `-f` reads from, and a starting cluster with objects of every kind in it.

#![allow(dead_code)]

use kubestory::kubectl::file_source::Node;
use kubestory::kubectl::{FileSource, MemoryFiles};
use kubestory::runner::run_one;
use kubestory::sim::{Cluster, ClusterConfig, Simulation};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository's root (this crate lives in `fuzz/`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `-f NAME` reads `assets/scenarios/<last part of NAME>`, loaded into memory once:
/// whatever path the fuzzer writes, it never reads the disk (no `/dev/zero`, no FIFOs), and
/// an execution costs no system call.
pub struct ScenarioFiles(&'static MemoryFiles);

impl ScenarioFiles {
    fn name(path: &str) -> &str {
        Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(".")
    }
}

impl FileSource for ScenarioFiles {
    fn node(&self, path: &str) -> Node {
        self.0.node(Self::name(path))
    }

    fn read(&self, path: &str) -> Option<String> {
        self.0.read(Self::name(path))
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        self.0.list(Self::name(path), max)
    }
}

/// The scenario folder as a file source.
pub fn scenario_files() -> ScenarioFiles {
    static FILES: OnceLock<MemoryFiles> = OnceLock::new();
    ScenarioFiles(FILES.get_or_init(|| {
        let mut files = MemoryFiles::new();
        let dir = repo().join("assets/scenarios");
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if let (Some(name), Ok(text)) = (
                path.file_name().and_then(|n| n.to_str()),
                std::fs::read_to_string(&path),
            ) {
                files.insert(name, &text);
            }
        }
        files
    }))
}

/// The lines that build [`rich_cluster`].
const SETUP: &[&str] = &[
    "kubectl apply -f story-deployment.yaml",
    "kubectl apply -f web-statefulset.yaml",
    "kubectl apply -f host-pv.yaml",
    "kubectl apply -f story-pvc.yaml",
    "kubectl apply -f dynamic-pvc.yaml",
    "kubectl apply -f story-emptydir.yaml",
    "kubectl apply -f story-hostpath.yaml",
    "wait 30s",
    "story write deploy/story first story",
    "story write web-0 page of web-0",
    "story write web-1 page of web-1",
    "kubectl get all",
];

/// Three nodes, a Deployment, a StatefulSet with its claims, static and dynamic volumes,
/// and stories written: the state most commands have something to act on.
pub fn rich_cluster() -> Simulation {
    let config = ClusterConfig {
        nodes: ClusterConfig::minikube_node_names(3),
        ..ClusterConfig::default()
    };
    let mut sim = Simulation::new(Cluster::new(config));
    let files = scenario_files();
    let mut out = String::new();
    for line in SETUP {
        run_one(&mut sim, line, &files, &mut out);
    }
    sim
}
