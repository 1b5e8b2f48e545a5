//! One broken manifest per failure mode (bottom's `tests/invalid_configs` pattern): every
//! `tests/manifests/invalid/<name>.yaml` must be refused, and render (kubectl's text for
//! `kubectl apply -f <name>.yaml` creating it, then kubestory's pointer lines) exactly as
//! `<name>.expected`.
//!
//! To write or update the `.expected` files after a deliberate change, run
//! `KUBESTORY_BLESS=1 cargo test --test invalid_manifests` and review the diff.

use kubestory::manifest::{load, render};
use std::fs;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/manifests/invalid");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

#[test]
fn every_invalid_manifest_renders_as_expected() {
    let bless = std::env::var_os("KUBESTORY_BLESS").is_some();
    let files = cases();
    assert!(
        files.len() >= 20,
        "expected the invalid-manifest corpus, found {} files",
        files.len()
    );
    let mut mismatches = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let rendered = match load(name, &text) {
            Ok(docs) => format!("UNEXPECTEDLY LOADED {} document(s)\n", docs.len()),
            Err(e) => render(&e, "creating"),
        };
        let expected_path = path.with_extension("expected");
        if bless {
            fs::write(&expected_path, &rendered)
                .unwrap_or_else(|e| panic!("writing {expected_path:?}: {e}"));
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != rendered {
            mismatches.push(format!(
                "--- {name}: expected\n{expected}--- {name}: got\n{rendered}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} case(s) differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn every_invalid_manifest_points_inside_its_file() {
    for path in cases() {
        let text = fs::read_to_string(&path).unwrap_or_default();
        let lines = text.lines().count() as u32 + 1;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Err(err) = load(name, &text) else {
            continue;
        };
        assert!(err.diagnostics().count() > 0, "{name}: no pointer line");
        for d in err.diagnostics() {
            assert!(
                d.line >= 1 && d.line <= lines && d.column >= 1,
                "{name}: {d} is outside the file"
            );
            assert_eq!(d.file, name);
        }
    }
}
