//! The lesson YAML path: limits that cannot be bypassed, and serde_yaml's messages with
//! the node's position.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Doc {
    title: String,
    #[serde(default)]
    minutes: u32,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    check: Option<Check>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Single,
    TrueFalse,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Check {
    Serves { target: String },
}

fn err(text: &str) -> YamlError {
    from_str::<Doc>(text).expect_err(text)
}

#[test]
fn text_fields_take_any_scalar_as_written() {
    let d: Doc = from_str("title: 123\ntags: [yes, 1.50, ~x, 'q']\nminutes: 7\n").expect("doc");
    assert_eq!(d.title, "123");
    assert_eq!(d.tags, ["yes", "1.50", "~x", "q"]);
    assert_eq!(d.minutes, 7);
}

#[test]
fn enums_read_as_scalars_and_one_key_maps() {
    let d: Doc =
        from_str("title: t\nkind: true_false\ncheck: {serves: {target: deploy/a}}\n").expect("doc");
    assert_eq!(d.kind, Some(Kind::TrueFalse));
    assert_eq!(
        d.check,
        Some(Check::Serves {
            target: "deploy/a".into()
        })
    );
    assert!(matches!(
        from_str::<Doc>("title: t\nkind: single\n"),
        Ok(Doc {
            kind: Some(Kind::Single),
            ..
        })
    ));
}

#[test]
fn unknown_fields_point_at_the_key_with_serdes_wording() {
    let e = err("title: t\n  \ntittle: x\n");
    assert_eq!((e.line, e.column), (3, 1));
    assert!(
        e.message
            .starts_with("unknown field `tittle`, expected one of `title`"),
        "{}",
        e.message
    );
    let e = err("title: t\ncheck:\n  serve: {target: x}\n");
    assert_eq!((e.line, e.column), (3, 3));
    assert!(
        e.message
            .starts_with("check: unknown variant `serve`, expected `serves`"),
        "{}",
        e.message
    );
}

#[test]
fn type_errors_point_at_the_value_and_name_the_path() {
    let e = err("title: t\nminutes: ten\n");
    assert_eq!((e.line, e.column), (2, 10));
    assert_eq!(
        e.message,
        "minutes: invalid type: string \"ten\", expected u32"
    );
    let e = err("title: t\ntags:\n  - a\n  - [b]\n");
    assert_eq!((e.line, e.column), (4, 5));
    assert!(
        e.message.starts_with("tags[1]: invalid type"),
        "{}",
        e.message
    );
    let e = err("minutes: 1\n");
    assert_eq!((e.line, e.column), (1, 1));
    assert_eq!(e.message, "missing field `title`");
    let e = err("title: a\nminutes: 1\ntitle: b\n");
    assert_eq!((e.line, e.column), (3, 1));
    assert_eq!(e.message, "duplicate field `title`");
}

#[test]
fn one_document_per_file() {
    let e = err("title: a\n---\ntitle: b\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("second YAML document"), "{}", e.message);
    assert!(err("").message.contains("invalid type"));
}

/// The bypass of issue 13: saphyr refused a tab after a colon, and the file then went to
/// serde_yaml unchecked. Now the parser's refusal is the answer, with its position.
#[test]
fn a_tab_after_a_colon_is_refused_not_handed_on() {
    let e = err("title:\tTiny\n");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("tab"), "{}", e.message);
}

#[test]
fn aliases_of_long_text_are_a_bomb() {
    let text = format!(
        "title: t\ntags: &a [{}]\nmore: [{}]\n",
        "x".repeat(9_000),
        vec!["*a"; 2_000].join(",")
    );
    let e = err(&text);
    assert_eq!(e.line, 3);
    assert!(e.message.contains("YAML bomb"), "{}", e.message);
    assert!(e.message.contains(&MAX_NODES.to_string()), "{}", e.message);
}

#[test]
fn deep_nesting_is_refused_block_and_flow() {
    let flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = err(&flow);
    // saphyr's scanner stops at 256 flow levels, before the tree's own limit sees events.
    assert_eq!(e.line, 1);
    assert!(e.column <= 257, "refused late, at column {}", e.column);
    assert!(e.message.contains("nested deeper"), "{}", e.message);
    let block: String = (0..MAX_DEPTH + 5)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .collect();
    let e = err(&block);
    assert!(e.message.contains("nested deeper"), "{}", e.message);
}
