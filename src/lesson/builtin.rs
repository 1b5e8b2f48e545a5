//! The lessons built into the binary, so `cargo run --release` (or a copied binary) works
//! offline from any folder. Authors point `--lessons DIR` at their own folder instead.
//!
//! Built-in lessons must be self-contained (manifests inline, no `file:` references), since
//! there is no folder beside them; `tests/lessons_lint.rs` checks that every file in
//! `lessons/` is listed here and loads from its embedded text.

use super::load::{LoadedLesson, load_str};
use crate::manifest::Diagnostic;
use std::path::Path;

/// (file name, text) of every built-in lesson, in course order.
pub const BUILTIN: &[(&str, &str)] = &[
    ("01-state.yaml", include_str!("../../lessons/01-state.yaml")),
    (
        "02-container-filesystem.yaml",
        include_str!("../../lessons/02-container-filesystem.yaml"),
    ),
    (
        "03-emptydir.yaml",
        include_str!("../../lessons/03-emptydir.yaml"),
    ),
    (
        "04-hostpath.yaml",
        include_str!("../../lessons/04-hostpath.yaml"),
    ),
    (
        "05-persistent-volumes.yaml",
        include_str!("../../lessons/05-persistent-volumes.yaml"),
    ),
    (
        "06-claims-static-binding.yaml",
        include_str!("../../lessons/06-claims-static-binding.yaml"),
    ),
    (
        "07-dynamic-provisioning.yaml",
        include_str!("../../lessons/07-dynamic-provisioning.yaml"),
    ),
    (
        "08-reclaim-and-protection.yaml",
        include_str!("../../lessons/08-reclaim-and-protection.yaml"),
    ),
    (
        "09-access-modes.yaml",
        include_str!("../../lessons/09-access-modes.yaml"),
    ),
    (
        "10-statefulsets.yaml",
        include_str!("../../lessons/10-statefulsets.yaml"),
    ),
    (
        "11-capstone.yaml",
        include_str!("../../lessons/11-capstone.yaml"),
    ),
];

/// Loads the built-in lessons (errors would be a build defect; the lint test prevents them).
pub fn builtin_lessons() -> (Vec<LoadedLesson>, Vec<Diagnostic>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    // No folder exists beside embedded text: a `file:` reference fails to load, loudly.
    let nowhere = Path::new("<built-in>");
    for (name, text) in BUILTIN {
        match load_str(text, &format!("lessons/{name}"), nowhere) {
            Ok(l) => lessons.push(l),
            Err(mut e) => errors.append(&mut e),
        }
    }
    (lessons, errors)
}
