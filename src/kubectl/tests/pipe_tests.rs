//! Pipes after a kubectl command: what is split where, and what each filter prints (GNU grep
//! and coreutils behaviour).

use crate::kubectl::output::Output;
use crate::kubectl::pipe::{PipeError, parse_filter, run, split};

fn piped(stdout: &str, filters: &[&str]) -> Output {
    let mut out = Output::new();
    out.err("Warning: w\n").out(stdout);
    let filters: Vec<_> = filters
        .iter()
        .map(|f| parse_filter(f).unwrap_or_else(|e| panic!("{f}: {e:?}")))
        .collect();
    run(out, &filters)
}

#[test]
fn split_respects_quotes_and_double_bars() {
    assert_eq!(split("get pvc").1.len(), 0);
    let (head, rest) = split(r#"get pvc -o jsonpath='{.a|b}' | grep "x|y" | wc -l"#);
    assert_eq!(head, r#"get pvc -o jsonpath='{.a|b}' "#);
    assert_eq!(rest, [r#" grep "x|y" "#, " wc -l"]);
    assert_eq!(split("get pvc || true").1.len(), 0);
    assert_eq!(split(r"get pvc \| x").1.len(), 0);
}

#[test]
fn filters() {
    let table = "NAME   STATUS\nb      Bound\na      Pending\n";
    assert_eq!(piped(table, &["grep -i bound"]).stdout(), "b      Bound\n");
    assert_eq!(
        piped(table, &["grep -v NAME", "sort"]).stdout(),
        "a      Pending\nb      Bound\n"
    );
    assert_eq!(
        piped(table, &["grep -E 'Bound|Pending'", "wc -l"]).stdout(),
        "2\n"
    );
    // Basic regular expressions: `|` is literal, `\|` alternates (GNU grep).
    assert_eq!(piped(table, &["grep 'Bound|Pending'"]).stdout(), "");
    assert_eq!(
        piped(table, &[r"grep 'Bound\|Pending'", "wc -l"]).stdout(),
        "2\n"
    );
    assert_eq!(piped(table, &["head -n 1"]).stdout(), "NAME   STATUS\n");
    assert_eq!(piped("-v\nx\n", &["grep -- -v"]).stdout(), "-v\n");
    assert_eq!(
        piped(table, &["head -2", "tail -1"]).stdout(),
        "b      Bound\n"
    );
    assert_eq!(piped(table, &["tail -n 1"]).stdout(), "a      Pending\n");
    // No trailing newline (jsonpath output): wc -l counts newlines, head keeps the text as is.
    assert_eq!(piped("a b", &["wc -l"]).stdout(), "0\n");
    assert_eq!(piped("a b", &["head"]).stdout(), "a b");
    // stderr comes first; grep without a match fails the pipeline, wc after it does not.
    let out = piped(table, &["grep zzz"]);
    assert_eq!(
        (out.combined().as_str(), out.success),
        ("Warning: w\n", false)
    );
    assert!(piped(table, &["grep zzz", "wc -l"]).success);
}

#[test]
fn other_commands_are_refused() {
    for f in [
        "tee x",
        "grep -c x",
        "head -n x",
        "sort -r",
        "wc",
        "awk '{print $1}'",
        "grep x > y",
    ] {
        assert!(matches!(parse_filter(f), Err(PipeError::Refused(_))), "{f}");
    }
    assert!(matches!(parse_filter("grep"), Err(PipeError::Usage(_))));
    assert!(matches!(
        parse_filter("grep -E '('"),
        Err(PipeError::Usage(_))
    ));
}

#[test]
fn k_is_kubectl() {
    let k = crate::kubectl::parse_command_line("k get pvc -o name");
    let kubectl = crate::kubectl::parse_command_line("kubectl get pvc -o name");
    assert_eq!(k, kubectl);
    assert!(k.is_ok());
}
