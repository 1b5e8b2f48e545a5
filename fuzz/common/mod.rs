//! What several fuzz targets share: the repository's scenario folder as the only place
//! `-f` reads from, and a starting cluster with objects of every kind in it.

#![allow(dead_code)]

use kubestory::kubectl::FileSource;
use kubestory::runner::run_one;
use kubestory::sim::{Cluster, ClusterConfig, Simulation};
use std::path::{Path, PathBuf};

/// The repository's root (this crate lives in `fuzz/`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `-f NAME` reads `assets/scenarios/<last part of NAME>`: whatever path the fuzzer writes,
/// it never reads outside that folder (no `/dev/zero`, no FIFOs).
pub struct ScenarioFiles(PathBuf);

impl FileSource for ScenarioFiles {
    fn resolve(&self, path: &str) -> PathBuf {
        match Path::new(path).file_name() {
            Some(name) => self.0.join(name),
            None => self.0.clone(),
        }
    }
}

/// The scenario folder as a file source.
pub fn scenario_files() -> ScenarioFiles {
    ScenarioFiles(repo().join("assets/scenarios"))
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
