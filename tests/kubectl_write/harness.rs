//! A kubectl session over a fresh simulated cluster, with `-f` files in a temporary folder.

use kubestory::kubectl::{Context, FileSource, Output, execute};
use kubestory::sim::{Cluster, ClusterConfig, Simulation};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// `-f` paths resolve inside a folder.
pub struct Folder(pub PathBuf);

impl FileSource for Folder {
    fn resolve(&self, path: &str) -> PathBuf {
        self.0.join(path)
    }
}

/// A cluster, its files and the commands run so far.
pub struct Session {
    pub sim: Simulation,
    pub folder: Folder,
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder.0);
    }
}

impl Session {
    /// minikube with one node and the default StorageClass.
    pub fn new() -> Session {
        Session::with(ClusterConfig::default())
    }

    /// A cluster with this configuration.
    pub fn with(config: ClusterConfig) -> Session {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("kubestory-kw-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Session {
            sim: Simulation::new(Cluster::new(config)),
            folder: Folder(dir),
        }
    }

    /// Writes a file (folders created as needed).
    pub fn write(&self, name: &str, text: &str) {
        let path = self.folder.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
    }

    /// The folder's path.
    #[allow(dead_code)]
    pub fn path(&self) -> &Path {
        &self.folder.0
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
