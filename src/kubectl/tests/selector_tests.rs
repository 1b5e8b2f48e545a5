use crate::kubectl::selector::{LabelSelector, Operator};
use std::collections::BTreeMap;

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn err(text: &str) -> String {
    LabelSelector::parse(text).unwrap_err().0
}

#[test]
fn parses_every_operator() {
    let s = LabelSelector::parse("a=b,c!=d,e in (y,x),!f,g,h notin (z),i==j,k>3,l<9").unwrap();
    let ops: Vec<(&str, Operator, Vec<&str>)> = s
        .requirements
        .iter()
        .map(|r| {
            (
                r.key.as_str(),
                r.operator,
                r.values.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        ops,
        vec![
            ("a", Operator::Equals, vec!["b"]),
            ("c", Operator::NotEquals, vec!["d"]),
            ("e", Operator::In, vec!["x", "y"]),
            ("f", Operator::DoesNotExist, vec![]),
            ("g", Operator::Exists, vec![]),
            ("h", Operator::NotIn, vec!["z"]),
            ("i", Operator::DoubleEquals, vec!["j"]),
            ("k", Operator::GreaterThan, vec!["3"]),
            ("l", Operator::LessThan, vec!["9"]),
        ]
    );
    assert_eq!(
        s.to_string(),
        "a=b,c!=d,e in (x,y),!f,g,h notin (z),i==j,k>3,l<9"
    );
}

#[test]
fn matches_like_apimachinery() {
    let s = LabelSelector::parse("app=web,tier!=db,env in (prod,qa),!legacy").unwrap();
    assert!(s.matches(&labels(&[("app", "web"), ("env", "qa")])));
    assert!(s.matches(&labels(&[
        ("app", "web"),
        ("env", "prod"),
        ("tier", "front")
    ])));
    assert!(!s.matches(&labels(&[("app", "web"), ("env", "dev")])));
    assert!(!s.matches(&labels(&[("app", "web"), ("env", "qa"), ("legacy", "")])));
    assert!(!s.matches(&labels(&[("app", "web"), ("env", "qa"), ("tier", "db")])));
    assert!(
        LabelSelector::parse("x notin (a)")
            .unwrap()
            .matches(&labels(&[]))
    );
    assert!(
        LabelSelector::parse("n>3")
            .unwrap()
            .matches(&labels(&[("n", "4")]))
    );
    assert!(
        !LabelSelector::parse("n>3")
            .unwrap()
            .matches(&labels(&[("n", "x")]))
    );
    assert!(LabelSelector::parse("").unwrap().is_empty());
    assert!(
        LabelSelector::parse("a=")
            .unwrap()
            .matches(&labels(&[("a", "")]))
    );
}

#[test]
fn errors_match_labels_parse() {
    assert_eq!(
        err("a b"),
        "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"
    );
    assert_eq!(
        err("a in (x"),
        "unable to parse requirement: found '', expected: ',' or ')'"
    );
    assert_eq!(
        err("a in x"),
        "unable to parse requirement: found 'x' expected: '('"
    );
    assert_eq!(err("a,"), "found '', expected: identifier after ','");
    assert_eq!(
        err("=a"),
        "found '=', expected: !, identifier, or 'end of string'"
    );
    assert_eq!(err("!a=b"), "found '=', expected: ',' or 'end of string'");
    assert_eq!(
        err("a=(b"),
        "unable to parse requirement: found '(', expected: identifier"
    );
    assert_eq!(
        err("-ltier=postgres"),
        "unable to parse requirement: <nil>: Invalid value: \"-ltier\": name part must consist of \
         alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric \
         character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is \
         '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    );
    assert_eq!(
        err("app=a b"),
        "found 'b', expected: ',' or 'end of string'"
    );
    assert_eq!(
        err("app=a@b"),
        "unable to parse requirement: values[0][app]: Invalid value: \"a@b\": a valid label must \
         be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must \
         start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or \
         '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    );
    assert_eq!(
        err("k>x"),
        "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, \
         the value must be an integer"
    );
}

#[test]
fn in_and_notin_are_values_inside_sets() {
    let s = LabelSelector::parse("x in (in,notin,,)").unwrap();
    assert_eq!(s.requirements[0].values, vec!["", "in", "notin"]);
    let s = LabelSelector::parse("x in ()").unwrap();
    assert_eq!(s.requirements[0].values, vec![""]);
}
