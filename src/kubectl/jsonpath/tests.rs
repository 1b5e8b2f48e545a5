//! Cases from client-go `util/jsonpath/jsonpath_test.go` and `parser_test.go` (test function
//! and case name given), run on the same JSON.

use serde_json::{Value, json};

use super::JsonPath;

fn run(template: &str, data: &Value) -> Result<String, String> {
    JsonPath::parse(template)?.execute(data)
}

fn strict(template: &str, data: &Value) -> Result<String, String> {
    let mut j = JsonPath::parse(template)?;
    j.allow_missing_keys = false;
    j.execute(data)
}

fn nodes() -> Value {
    json!({
      "kind": "List",
      "items": [
        {"kind": "None",
         "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
         "status": {"capacity": {"cpu": "4"}, "ready": true,
                    "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
        {"kind": "None",
         "metadata": {"name": "127.0.0.2", "labels": {"kubernetes.io/hostname": "127.0.0.2"}},
         "status": {"capacity": {"cpu": "8"}, "ready": false,
                    "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"},
                                  {"type": "another", "address": "127.0.0.3"}]}}
      ],
      "users": [{"name": "myself", "user": {}},
                {"name": "e2e", "user": {"username": "admin", "password": "secret"}}]
    })
}

#[test]
fn test_kubernetes() {
    let data = nodes();
    for (name, template, want) in [
        (
            "range item",
            r#"{range .items[*]}{.metadata.name}, {end}{.kind}"#,
            "127.0.0.1, 127.0.0.2, List",
        ),
        (
            "range item with quote",
            r#"{range .items[*]}{.metadata.name}{"\t"}{end}"#,
            "127.0.0.1\t127.0.0.2\t",
        ),
        (
            "range addresss",
            "{.items[*].status.addresses[*].address}",
            "127.0.0.1 127.0.0.2 127.0.0.3",
        ),
        (
            "double range",
            "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
            "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
        ),
        (
            "item name",
            "{.items[*].metadata.name}",
            "127.0.0.1 127.0.0.2",
        ),
        (
            "union nodes capacity",
            "{.items[*]['metadata.name', 'status.capacity']}",
            r#"127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}"#,
        ),
        (
            "range nodes capacity",
            "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
            r#"[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] "#,
        ),
        (
            "user password",
            r#"{.users[?(@.name=="e2e")].user.password}"#,
            "secret",
        ),
        (
            "hostname",
            r"{.items[0].metadata.labels.kubernetes\.io/hostname}",
            "127.0.0.1",
        ),
        (
            "hostname filter",
            r#"{.items[?(@.metadata.labels.kubernetes\.io/hostname=="127.0.0.1")].kind}"#,
            "None",
        ),
        (
            "bool item",
            "{.items[?(@..ready==true)].metadata.name}",
            "127.0.0.1",
        ),
    ] {
        assert_eq!(run(template, &data).as_deref(), Ok(want), "{name}");
    }
    // "recursive name" (testJSONPathSortOutput: Go's map order is random; ours is sorted).
    let mut names: Vec<String> = run("{..name}", &data)
        .unwrap_or_default()
        .split(' ')
        .map(str::to_string)
        .collect();
    names.sort();
    assert_eq!(names, ["127.0.0.1", "127.0.0.2", "e2e", "myself"]);
}

#[test]
fn test_json_input() {
    let points = json!([
        {"id": "i1", "x": 4, "y": -5}, {"id": "i2", "x": -2, "y": -5, "z": 1},
        {"id": "i3", "x": 8, "y": 3}, {"id": "i4", "x": -6, "y": -1},
        {"id": "i5", "x": 0, "y": 2, "z": 1}, {"id": "i6", "x": 1, "y": 4},
        {"id": "i7", "x": null, "y": 4}
    ]);
    assert_eq!(
        run("{[?(@.z)].id}", &points).as_deref(),
        Ok("i2 i5"),
        "exists filter"
    );
    assert_eq!(
        run("{[0]['id']}", &points).as_deref(),
        Ok("i1"),
        "bracket key"
    );
    assert_eq!(
        run("{[-1]['x']}", &points).as_deref(),
        Ok("null"),
        "nil value"
    );
}

#[test]
fn test_empty_range() {
    let data = json!({"items": []});
    assert_eq!(
        run("{range .items[*]}{.metadata.name}{end}", &data).as_deref(),
        Ok("")
    );
    assert_eq!(
        run(
            r#"{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}"#,
            &data
        )
        .as_deref(),
        Ok("")
    );
}

#[test]
fn test_negative_index() {
    let data = json!({"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [
        {"image": "radial/busyboxplus:curl", "name": "fake0"},
        {"image": "radial/busyboxplus:curl", "name": "fake1"},
        {"image": "radial/busyboxplus:curl", "name": "fake2"},
        {"image": "radial/busyboxplus:curl", "name": "fake3"}]}});
    for (template, want) in [
        ("{.spec.containers[0].name}", "fake0"),
        ("{.spec.containers[0:0].name}", ""),
        ("{.spec.containers[0:-1].name}", "fake0 fake1 fake2"),
        ("{.spec.containers[-1].name}", "fake3"),
        ("{.spec.containers[-1:].name}", "fake3"),
        ("{.spec.containers[-2].name}", "fake2"),
        ("{.spec.containers[-2:].name}", "fake2 fake3"),
        ("{.spec.containers[::2].name}", "fake0 fake2"),
    ] {
        assert_eq!(run(template, &data).as_deref(), Ok(want), "{template}");
    }
    assert!(run("{.spec.containers[-1:0].name}", &data).is_err());
    assert_eq!(
        run("{.spec.containers[-5].name}", &data),
        Err("array index out of bounds: index -1, length 4".to_string())
    );
}

#[test]
fn test_types_input_slices() {
    let types = json!({"bools": [true, false, true, false], "integers": [1, 2, 3, 4],
                       "strings": ["one", "two", "three", "four"],
                       "maps": [{"name": "one", "value": 1}, {"name": "two", "value": 2.02}]});
    for (template, want) in [
        ("{ .bools }", "[true,false,true,false]"),
        ("{ .bools[0] }", "true"),
        ("{ .bools[-1] }", "false"),
        ("{ .integers[1:3] }", "2 3"),
        ("{ .strings[0] }", "one"),
        ("{ .maps[1].value }", "2.02"),
        ("{ .maps[?(@.name==\"one\")].value }", "1"),
    ] {
        assert_eq!(run(template, &types).as_deref(), Ok(want), "{template}");
    }
}

/// `parser_test.go` `TestFailParser`.
#[test]
fn test_fail_parser() {
    for (template, want) in [
        ("{.hello", "unclosed action"),
        ("{*}", "unrecognized character in action: U+002A '*'"),
        ("{+12.3.0}", "cannot parse number +12.3.0"),
        ("{[1}", "unterminated array"),
        ("{[?(.price]}", "unterminated filter"),
        ("{........}", "invalid multiple recursive descent"),
    ] {
        assert_eq!(
            JsonPath::parse(template).map(|_| ()),
            Err(want.to_string()),
            "{template}"
        );
    }
}

/// `parser_test.go` `parserTests`: templates that parse.
#[test]
fn test_parser_accepts() {
    for template in [
        "hello jsonpath",
        "hello {.jsonpath}",
        "hello {['jsonpath']}",
        r#"{"{"}"#,
        "{[1:3]}",
        "{.book[*].author}",
        "{.bicycle.*}",
        "{[?(@.price<3)]}",
        "{..}",
        "{..price}",
        "{['book.price']}",
        "{['bicycle.price', 3, 'book.price']}",
        "{range .items}{.name},{end}",
        r#"{[?(@.status.nodeInfo.osImage == "()")]}"#,
        r#"{[?(@.status.nodeInfo.osImage == "(\"\")")]}"#,
        r#"{[?(@.test == "())(")]}"#,
        "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
        r#"{[?(@.status.nodeInfo.osImage == "{[()]}")]}"#,
        r#"{[?(@.status.nodeInfo.osImage == "''")]}"#,
        r#"{[?(@.status.nodeInfo.osImage == '""')]}"#,
        r"{[?(@.status.nodeInfo.osImage == '\\\'')]}",
        "{[-5:]}",
        "{[-1]}",
        "{[1:-1]}",
    ] {
        assert!(JsonPath::parse(template).is_ok(), "{template}");
    }
    assert!(JsonPath::parse(r"{\\\}").is_err(), "malformat input");
}

#[test]
fn missing_keys_and_output_json() {
    let data = json!({"items": [{"metadata": {"name": "a"}}]});
    assert_eq!(run("{.items[0].x}", &data).as_deref(), Ok(""));
    assert_eq!(
        strict("{.items[0].x}", &data),
        Err("x is not found".to_string())
    );
    assert_eq!(
        strict("{end}", &data),
        Err("not in range, nothing to end".to_string())
    );
    let mut j = JsonPath::parse("{.items[*].metadata.name}").unwrap_or_else(|e| panic!("{e}"));
    j.output_json = true;
    assert_eq!(j.execute(&data).as_deref(), Ok("[\n    \"a\"\n]\n"));
    assert_eq!(
        run(
            "{.items[0].metadata}",
            &json!({"items": [{"metadata": {"n": "<&>"}}]})
        )
        .as_deref(),
        Ok(r#"{"n":"\u003c\u0026\u003e"}"#)
    );
}

#[test]
fn deep_ranges_are_refused_not_a_stack_overflow() {
    let template = "{range}".repeat(10_000);
    assert!(run(&template, &nodes()).is_err());
}

proptest::proptest! {
    /// Whatever the template, parsing and running it never panics.
    #[test]
    fn any_template_parses_and_runs_without_panicking(text in r#"[{}\[\]().,:*?@$!=<>'"\\ a-z0-9\-+]{0,40}"#) {
        if let Ok(j) = JsonPath::parse(&text) {
            let _ = j.execute(&nodes());
        }
    }
}
