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

/// The built-in lessons as the picker lists them: cards from the generated index
/// (`builtin_cards.rs`), each lesson parsed when first opened. The first screen parses none.
pub fn builtin_library() -> Vec<super::library::LibraryLesson> {
    BUILTIN
        .iter()
        .zip(super::builtin_cards::CARDS)
        .map(|((name, text), card)| super::library::LibraryLesson::builtin(card.into(), name, text))
        .collect()
}

/// The generated index of the built-in lessons' cards, as `builtin_cards.rs` must read: the
/// lint test compares it with the file and rewrites it under `KUBESTORY_BLESS=1`.
pub fn builtin_cards_source() -> String {
    let (lessons, _) = builtin_lessons();
    let mut out = String::from(
        "//! Generated from `lessons/*.yaml` by `KUBESTORY_BLESS=1 cargo test --test lessons_lint\n//! builtin_cards_are_current`: what the picker shows of each built-in lesson, so the\n//! first screen parses no lesson. Do not edit; regenerate after changing a lesson.\n\nuse super::card::BuiltinCard;\n\n/// One card per entry of `BUILTIN`, in the same order.\n#[rustfmt::skip]\npub(super) const CARDS: &[BuiltinCard] = &[\n",
    );
    for l in &lessons {
        out.push_str(&super::card::LessonCard::of(&l.lesson).to_rust());
    }
    out.push_str("];\n");
    out
}
