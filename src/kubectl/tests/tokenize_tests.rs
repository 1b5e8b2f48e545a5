use crate::kubectl::tokenize::{TokenizeError, tokenize};

fn words(line: &str) -> Vec<String> {
    tokenize(line).unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

#[test]
fn splits_like_a_posix_shell() {
    let cases: &[(&str, &[&str])] = &[
        ("kubectl get pods", &["kubectl", "get", "pods"]),
        ("  get\tpods  \n", &["get", "pods"]),
        (
            r#"kubectl patch pv x -p '{"spec":{"claimRef":null}}'"#,
            &[
                "kubectl",
                "patch",
                "pv",
                "x",
                "-p",
                r#"{"spec":{"claimRef":null}}"#,
            ],
        ),
        (r#"-p "{\"spec\":{}}""#, &["-p", r#"{"spec":{}}"#]),
        (r#"a'b'"c"d"#, &["abcd"]),
        ("'' x", &["", "x"]),
        (r#""""#, &[""]),
        (r"a\ b", &["a b"]),
        (r#""a\nb""#, &[r"a\nb"]),
        (r#""a\\b\$c""#, &[r"a\b$c"]),
        ("'a\\b'", &["a\\b"]),
        ("get pods # list them", &["get", "pods"]),
        ("get a#b", &["get", "a#b"]),
        ("get \\\npods", &["get", "pods"]),
        ("-l 'app in (a,b)'", &["-l", "app in (a,b)"]),
        ("", &[]),
    ];
    for (line, want) in cases {
        assert_eq!(
            words(line),
            want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{line:?}"
        );
    }
}

#[test]
fn unterminated_quotes_are_errors() {
    assert_eq!(
        tokenize("get 'pods"),
        Err(TokenizeError::UnterminatedSingleQuote { column: 5 })
    );
    assert_eq!(
        tokenize(r#"-p "{"#),
        Err(TokenizeError::UnterminatedDoubleQuote { column: 4 })
    );
    assert_eq!(
        tokenize("get pods \\"),
        Err(TokenizeError::TrailingBackslash)
    );
    let msg = tokenize("get 'x").unwrap_err().to_string();
    assert_eq!(
        msg,
        "unterminated single quote: the ' opened at column 5 is never closed"
    );
}

#[test]
fn shell_operators_are_refused_unless_quoted() {
    for (line, op) in [
        ("get pods | grep x", "|"),
        ("get pods > out", ">"),
        ("get pods && get pv", "&&"),
        ("get pods; get pv", ";"),
        ("get $(echo pods)", "$("),
        ("get pods 2>&1", ">&"),
    ] {
        assert_eq!(
            tokenize(line),
            Err(TokenizeError::ShellOperator {
                operator: op.to_string()
            }),
            "{line}"
        );
    }
    assert_eq!(words("-l 'a|b'"), vec!["-l", "a|b"]);
    assert_eq!(words("echo $HOME"), vec!["echo", "$HOME"]);
}
