//! A kubectl session over a fresh simulated cluster, with `-f` files in a temporary folder.

use kubestory::kubectl::{Context, DiskFiles, Output, execute};
use kubestory::sim::{Cluster, ClusterConfig, Simulation};
use std::path::Path;

/// A cluster, its files (`-f` paths resolve inside a private temporary folder, removed when
/// the session is dropped) and the commands run so far.
pub struct Session {
    pub sim: Simulation,
    pub folder: DiskFiles,
    _dir: tempfile::TempDir,
}

impl Session {
    /// minikube with one node and the default StorageClass.
    pub fn new() -> Session {
        Session::with(ClusterConfig::default())
    }

    /// A cluster with this configuration.
    pub fn with(config: ClusterConfig) -> Session {
        let dir = tempfile::Builder::new()
            .prefix("kubestory-kw-")
            .tempdir()
            .expect("temp dir");
        Session {
            sim: Simulation::new(Cluster::new(config)),
            folder: DiskFiles {
                base: dir.path().to_path_buf(),
            },
            _dir: dir,
        }
    }

    /// Writes a file (folders created as needed).
    pub fn write(&self, name: &str, text: &str) {
        let path = self.folder.base.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
    }

    /// The folder's path.
    #[allow(dead_code)]
    pub fn path(&self) -> &Path {
        &self.folder.base
    }

    /// Runs a command line.
    pub fn run(&mut self, line: &str) -> Output {
        let mut ctx = Context {
            sim: &mut self.sim,
            files: &self.folder,
        };
        execute(line, &mut ctx)
    }

    /// Runs a command and returns stdout and stderr interleaved, asserting its status.
    pub fn ok(&mut self, line: &str) -> String {
        let out = self.run(line);
        assert!(out.success, "{line} failed:\n{}", out.combined());
        out.combined()
    }

    /// Runs a command that must fail; returns what it printed.
    pub fn fails(&mut self, line: &str) -> String {
        let out = self.run(line);
        assert!(!out.success, "{line} succeeded:\n{}", out.combined());
        out.combined()
    }
}

/// A PersistentVolumeClaim manifest.
pub fn pvc(name: &str, size: &str) -> String {
    format!(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {name}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: {size}\n"
    )
}

impl Session {
    /// Lets simulated time pass (kubestory's `wait 30s`).
    #[allow(dead_code)]
    pub fn wait(&mut self, secs: u64) {
        let _ = self.sim.act("wait", |c| {
            c.advance(secs);
            Ok::<_, std::convert::Infallible>(())
        });
    }
}
