//! Fuzzes `kubectl::execute`: whatever is typed (one command per line), running it against a
//! cluster with objects in it must not panic, and a failed command must say something.

#![no_main]

use kubestory::kubectl::{Context, FileSource, execute};
use kubestory::sim::{Cluster, Simulation};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

struct Folder(PathBuf);

impl FileSource for Folder {
    fn resolve(&self, path: &str) -> PathBuf {
        self.0.join(path)
    }
}

const PVC: &str = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";

fn folder() -> &'static Folder {
    static FOLDER: OnceLock<Folder> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("kubestory-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("dir"));
        let _ = std::fs::write(dir.join("pvc.yaml"), PVC);
        let _ = std::fs::write(dir.join("bad.yaml"), "kind: [\n");
        let _ = std::fs::write(dir.join("dir/pvc.yaml"), PVC.replace("data", "other"));
        Folder(dir)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut sim = Simulation::new(Cluster::default());
    let files = folder();
    let mut ctx = Context {
        sim: &mut sim,
        files,
    };
    let _ = execute("kubectl apply -f pvc.yaml", &mut ctx);
    for line in text.lines().take(4) {
        let out = execute(line, &mut ctx);
        assert!(out.success || !out.combined().is_empty());
        assert!(!out.combined().contains("internal error in kubestory"));
    }
});
