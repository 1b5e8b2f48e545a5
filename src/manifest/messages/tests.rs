//! Message tests.

use super::*;

#[test]
fn go_quote_escapes_like_strconv_quote() {
    assert_eq!(go_quote("spec.accesModes"), "\"spec.accesModes\"");
    assert_eq!(go_quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    assert_eq!(go_quote("é"), "\"é\"");
}

#[test]
fn kubectl_multiline_invalid() {
    let causes = vec![
        "a: Required value".to_string(),
        "b: Required value".to_string(),
    ];
    assert_eq!(
        kubectl_invalid("PersistentVolumeClaim", "x", &causes),
        "The PersistentVolumeClaim \"x\" is invalid: \n* a: Required value\n* b: Required value"
    );
    assert_eq!(
        invalid_object("Deployment.apps", "x", &causes[..1]),
        "Deployment.apps \"x\" is invalid: a: Required value"
    );
}

#[test]
fn quantity_hints() {
    let (_, hint) = bad_quantity("10GB");
    assert!(hint.unwrap_or_default().starts_with("write 10Gi"));
    let (_, hint) = bad_quantity("5 Gi");
    assert!(hint.unwrap_or_default().starts_with("write 5Gi"));
}

#[test]
fn yaml_problem_wording() {
    assert_eq!(
        go_yaml_problem("while parsing a block collection, did not find expected '-' indicator"),
        "did not find expected '-' indicator"
    );
    assert_eq!(
        go_yaml_problem("tabs disallowed within this context (block indentation)"),
        "found character that cannot start any token"
    );
}
