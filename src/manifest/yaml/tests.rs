//! YAML reading tests.

use super::*;

fn parse_one(text: &str) -> Node {
    let f = parse_file(text);
    assert_eq!(f.error, None);
    f.documents
        .into_iter()
        .find_map(|d| d.root)
        .expect("a document")
}

#[test]
fn positions_of_keys_and_values_are_one_based() {
    let root = parse_one("a: 1\nb:\n  c: [x, y]\n");
    let b = root.entry("b").expect("b");
    assert_eq!(b.key_pos, Pos::new(2, 1));
    let c = b.value.entry("c").expect("c");
    assert_eq!(c.key_pos, Pos::new(3, 3));
    assert_eq!(c.value.as_seq().map(|s| s[1].pos), Some(Pos::new(3, 10)));
}

#[test]
fn documents_split_like_kubectl() {
    let f = parse_file("a: 1\n---\n# only a comment\n---\nb: 2\n");
    assert_eq!(f.error, None);
    assert_eq!(f.documents.len(), 3);
    assert!(f.documents[1].root.is_none());
    let third = &f.documents[2];
    assert_eq!(third.first_line, 5);
    assert_eq!(
        third
            .root
            .as_ref()
            .and_then(|r| r.entry("b"))
            .map(|e| e.key_pos),
        Some(Pos::new(5, 1))
    );
}

#[test]
fn leading_separator_is_part_of_the_first_document() {
    let f = parse_file("---\n{a: 1, b: [2, 3,],}\n");
    assert_eq!(f.error, None);
    assert_eq!(f.documents.len(), 1);
    assert_eq!(f.documents[0].first_line, 1);
}

#[test]
fn separator_with_content_is_refused() {
    let f = parse_file("a: 1\n--- b: 2\n");
    assert_eq!(
        f.error.map(|e| e.problem),
        Some(YamlProblem::BadSeparator("b: 2".into()))
    );
}

#[test]
fn syntax_errors_report_document_relative_lines() {
    let f = parse_file("a: 1\n---\nb: 2\nc: d: e\n");
    let e = f.error.expect("error");
    assert_eq!(e.pos.line, 4);
    assert_eq!(e.document_line, 2);
    assert_eq!(f.documents.len(), 1);
}

#[test]
fn aliases_and_merges_expand() {
    let root = parse_one("base: &b {a: 1, b: 2}\ncopy: *b\nmerged:\n  <<: *b\n  b: 3\n");
    assert_eq!(root.get("copy"), root.get("base"));
    let merged = root.get("merged").expect("merged");
    assert_eq!(merged.to_json(), serde_json::json!({"a": 1, "b": 3}));
    // As in go-yaml v2, an unquoted `y` key is the boolean true.
    assert!(parse_one("y: 1\n").get("true").is_some());
}

#[test]
fn yaml_bombs_are_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let e = parse_file(&text).error.expect("refused");
    assert_eq!(e.problem, YamlProblem::TooManyNodes { aliases: true });
}

#[test]
fn deep_nesting_is_refused() {
    let text = "[".repeat(200) + &"]".repeat(200);
    let e = parse_file(&text).error.expect("refused");
    assert!(matches!(
        e.problem,
        YamlProblem::TooDeep | YamlProblem::Syntax(_)
    ));
    let block: String = (0..150)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .collect();
    assert_eq!(
        parse_file(&block).error.map(|e| e.problem),
        Some(YamlProblem::TooDeep)
    );
}

#[test]
fn unknown_anchor_and_bad_keys() {
    assert!(parse_file("a: *nope\n").error.is_some());
    let e = parse_file("? [a]\n: b\n").error.expect("error");
    assert_eq!(e.problem, YamlProblem::UnsupportedKey);
    let e = parse_file("a: .inf\n").error.expect("error");
    assert_eq!(e.problem, YamlProblem::NonFinite(".inf".into()));
}

#[test]
fn yaml_1_1_keys_become_strings() {
    let root = parse_one("on: 1\n2: x\n");
    assert!(root.get("true").is_some());
    assert!(root.get("2").is_some());
}

/// 40,000 aliases of one 90,000-character string are only 40,000 nodes, but 3.6 GB of
/// copies: scalar text counts in the node budget, so the expansion stops early.
#[test]
fn long_text_aliased_many_times_is_refused() {
    let mut text = format!("a: &a {}\nb: [", "x".repeat(90_000));
    text.push_str(&vec!["*a"; 40_000].join(","));
    text.push_str("]\n");
    let e = parse_file(&text).error.expect("refused");
    assert_eq!(e.problem, YamlProblem::TooManyNodes { aliases: true });
    assert_eq!(e.pos.line, 2);
}

/// 100,000 levels of `[` (200 KB) are refused at the depth limit, as the events stream.
#[test]
fn deep_flow_nesting_is_refused_early() {
    let text = "[".repeat(100_000) + &"]".repeat(100_000);
    let e = parse_file(&text).error.expect("refused");
    assert_eq!(e.problem, YamlProblem::TooDeep);
    // saphyr's scanner stops at 256 flow levels (its own limit), before any event past it.
    assert_eq!(e.pos.line, 1);
    assert!(e.pos.column <= 257, "refused late: {}", e.pos);
}

/// An anchor keeps a copy of its node; nested anchors around one long text would copy it
/// once per level (100 levels × 1 MB), so the copies count in the budget.
#[test]
fn nested_anchors_around_long_text_are_refused() {
    let depth = MAX_DEPTH - 1;
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(&format!("&a{i} ["));
    }
    text.push_str(&"x".repeat(200_000));
    text.push_str(&"]".repeat(depth));
    let e = parse_file(&text).error.expect("refused");
    assert_eq!(e.problem, YamlProblem::TooManyNodes { aliases: true });
}
