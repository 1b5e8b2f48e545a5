//! Hostile YAML (issue 13, findings 2 and 3): every YAML input goes through one bounded
//! parser, so a file it refuses is refused with its line and column and never handed to a
//! second, unchecked parser; aliases (their text counted), depth and size hold everywhere.
//! Fixtures are in `tests/hostile/yaml/`; the full-size attacks are generated here.

use kubestory::lesson::{load_lesson, load_str};
use kubestory::manifest::yaml::{MAX_DEPTH, MAX_NODES};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile/yaml")
        .join(name)
}

/// The one error a refused lesson text gives.
fn refusal(text: &str) -> kubestory::manifest::Diagnostic {
    let errors = load_str(text, "hostile.yaml", Path::new(".")).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().expect("one error")
}

/// The finding as reported: `title:<TAB>Tiny` failed the alias guard's parse, and the file
/// then went to serde_yaml, which expanded every alias. The fixture is a valid lesson
/// otherwise, so before the fix it loaded (1 MB of hints from 5 KB).
#[test]
fn the_tab_bypass_alias_bomb_fixture_is_refused_at_the_tab() {
    let errors = load_lesson(&fixture("tab-alias-bomb.yaml")).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!((e.line, e.column), (5, 7), "{e}"); // the tab itself (`title:` is 6 columns)
    assert!(e.message.contains("tab"), "{e}");
}

/// The full-size bomb of the report: 211 KB, 40,000 aliases of a 90,000-character anchor
/// (3.5 GB expanded). With the tab it is refused at the tab; without it, by the node budget,
/// which counts the anchor's text for every alias.
#[test]
fn the_full_size_alias_bomb_is_refused_with_or_without_the_tab() {
    let bomb = |sep: &str| {
        format!(
            "id: tiny\ntitle:{sep}Tiny\nsummary: &a {}\nobjectives: [{}]\n",
            "x".repeat(90_000),
            vec!["*a"; 40_000].join(",")
        )
    };
    let e = refusal(&bomb("\t"));
    assert_eq!((e.line, e.column), (2, 7), "{e}");
    let e = refusal(&bomb(" "));
    assert_eq!(e.line, 4, "{e}");
    assert!(e.message.contains("YAML bomb"), "{e}");
    assert!(e.message.contains(&MAX_NODES.to_string()), "{e}");
}

/// 100,000 levels of `[` (200 KB) took 69 s in lint through the same hole; now the parser
/// refuses at its depth limit while the events stream, on line 1, near the start.
#[test]
fn flow_nesting_100_000_deep_is_refused_early() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = refusal(&text);
    assert_eq!(e.line, 1, "{e}");
    assert!(e.column <= 257, "refused late: {e}");
    let limit = format!("nested deeper than {MAX_DEPTH} levels");
    assert!(e.message.contains(&limit), "{e}");
    // The same behind a tab, and in a flow mapping (50,000 levels, 200 KB).
    let e = refusal(&format!("id:\tx\nsteps: {}", "{a: ".repeat(50_000)));
    assert_eq!(e.line, 1, "{e}");
    let e = refusal(&format!("steps: {}", "{a: ".repeat(50_000)));
    assert!(e.message.contains(&limit), "{e}");
}

/// Block nesting past the limit, the deepest levels a lesson could be given.
#[test]
fn block_nesting_past_the_limit_is_refused_with_the_limit_named() {
    let text: String = (0..MAX_DEPTH + 20)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .collect();
    let e = refusal(&text);
    assert_eq!(e.line as usize, MAX_DEPTH + 1, "{e}");
    assert!(
        e.message
            .contains(&format!("nested deeper than {MAX_DEPTH} levels")),
        "{e}"
    );
}

/// Manifests went through the bounded parser already, but its budget counted nodes, not
/// text: 2,000 aliases of a 9,000-character string (18 MB) were 2,001 nodes and loaded.
#[test]
fn a_manifest_aliasing_long_text_is_refused() {
    let text = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {{x: &a {}}}\ndata:\n  list: [{}]\n",
        "x".repeat(9_000),
        vec!["*a"; 2_000].join(",")
    );
    let e = kubestory::manifest::load("bomb.yaml", &text).expect_err("refused");
    let shown = e.to_string();
    assert!(shown.contains("possible YAML bomb"), "{shown}");
}
