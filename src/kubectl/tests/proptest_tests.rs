//! Property tests: nothing panics whatever is typed, and `-o yaml` output is valid YAML that
//! reads back to the same value.

use crate::kubectl::{LabelSelector, parse_command_line, to_json, to_yaml, tokenize};
use proptest::prelude::*;
use saphyr::{LoadableYamlNode, ScalarOwned, YamlOwned};
use serde_json::{Map, Value};

const WORDS: &[&str] = &[
    "kubectl",
    "get",
    "describe",
    "delete",
    "apply",
    "create",
    "scale",
    "rollout",
    "restart",
    "status",
    "patch",
    "cordon",
    "uncordon",
    "drain",
    "version",
    "api-resources",
    "explain",
    "pvc",
    "pv",
    "pods",
    "all",
    "sc",
    "deploy/web",
    "pvc/data",
    "pvc,pv",
    "svc",
    "ns",
    "namespace",
    "x",
    "-n",
    "-A",
    "-o",
    "yaml",
    "json",
    "wide",
    "name",
    "-l",
    "app=web",
    "a in (x,y)",
    "-f",
    "a.yaml",
    "--all",
    "--force",
    "--grace-period=0",
    "--now",
    "--wait=false",
    "--replicas=3",
    "--replicas",
    "-p",
    "{\"spec\":{}}",
    "--type=merge",
    "--dry-run",
    "--dry-run=server",
    "--show-labels",
    "--no-headers",
    "-w",
    "--",
    "-",
    "--foo",
    "-zq",
    "--timeout=1m",
    "--cascade=orphan",
    "-R",
    "--selector",
    "-oyaml",
    "-n=",
    "=",
    "'",
    "\"",
    "\\",
];

fn command_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics(line in any::<String>()) {
        if let Err(e) = parse_command_line(&line) {
            let _ = (e.to_string(), e.hint(), e.to_output_with_hint());
        }
        let _ = tokenize(&line);
        let _ = LabelSelector::parse(&line);
    }

    #[test]
    fn kubectl_like_lines_never_panic(line in command_line()) {
        match parse_command_line(&line) {
            Ok(inv) => prop_assert!(!inv.verb.command_path().is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn errors_end_with_a_newline(line in command_line()) {
        if let Err(e) = parse_command_line(&line) {
            prop_assert!(e.to_string().ends_with('\n'), "{:?}", e.to_string());
        }
    }

    #[test]
    fn yaml_reads_back_to_the_same_value(value in json_value()) {
        let text = to_yaml(&value);
        let docs = YamlOwned::load_from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(docs.len(), 1, "{}", text);
        prop_assert_eq!(to_serde(&docs[0]), value, "{}", text);
        let _ = to_json(&docs_to_value(&docs));
    }
}

fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ._/:#'\"\\-]{0,12}",
        "[ -~]{0,30}",
        prop::sample::select(vec![
            "yes",
            "no",
            "on",
            "y",
            "true",
            "null",
            "~",
            "",
            "123",
            "1.5",
            "0x1F",
            "1e3",
            "2026-01-01T00:00:00Z",
            "1:20",
            "- x",
            "a: b",
            "#x",
            " lead",
            "trail ",
            "a\nb",
            "a\n",
            "a\n\n",
            "\n",
            " \nx",
            "x \ny",
            "tab\there",
            "é",
            "<<",
            "---",
            "...",
            "'",
            "\"",
            "a #b",
            "@x",
            "%x",
            "?x",
            "? x",
            ":x",
        ])
        .prop_map(str::to_string),
        "[a-z ]{70,200}",
        "[a-z\n ]{0,40}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        scalar_text().prop_map(Value::String),
    ];
    let tree = leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(scalar_text(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<String, Value>>())),
        ]
    });
    prop::collection::btree_map(scalar_text(), tree, 0..5)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

fn docs_to_value(docs: &[YamlOwned]) -> Value {
    Value::Array(docs.iter().map(to_serde).collect())
}

fn to_serde(y: &YamlOwned) -> Value {
    match y {
        YamlOwned::Value(ScalarOwned::Null) => Value::Null,
        YamlOwned::Value(ScalarOwned::Boolean(b)) => Value::Bool(*b),
        YamlOwned::Value(ScalarOwned::Integer(i)) => Value::Number((*i).into()),
        YamlOwned::Value(ScalarOwned::FloatingPoint(f)) => serde_json::json!(f.into_inner()),
        YamlOwned::Value(ScalarOwned::String(s)) => Value::String(s.clone()),
        YamlOwned::Sequence(items) => Value::Array(items.iter().map(to_serde).collect()),
        YamlOwned::Mapping(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match to_serde(k) {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, to_serde(v))
                })
                .collect(),
        ),
        other => Value::String(format!("<unexpected {other:?}>")),
    }
}
