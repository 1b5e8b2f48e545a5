//! `kubectl get -o jsonpath|jsonpath-as-json|custom-columns|name`: outputs and errors as
//! kubectl prints them. Cases named after kubectl `pkg/cmd/get/customcolumn_test.go` and
//! client-go `util/jsonpath/jsonpath_test.go` where they come from there.

mod kubectl_common;

use kubectl_common::*;
use kubestory::kubectl::get::templates::relaxed_expression;
use kubestory::sim::*;

fn bound() -> Cluster {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.apply(task_claim()).unwrap();
    c
}

#[test]
fn name_output_is_kind_group_slash_name() {
    let c = bound();
    assert_eq!(
        get(&c, "get pv,pvc -o name"),
        ok("persistentvolume/task-pv-volume\npersistentvolumeclaim/task-pv-claim\n")
    );
}

#[test]
fn jsonpath_on_a_list_and_on_one_object() {
    let c = bound();
    assert_eq!(
        get(&c, "get pvc -o jsonpath={.items[*].metadata.name}"),
        ok("task-pv-claim")
    );
    assert_eq!(
        get(&c, "get pvc task-pv-claim -o jsonpath={.spec.volumeName}"),
        ok("task-pv-volume")
    );
    // jsonpath_test.go TestKubernetes "range item with quote", on claims.
    assert_eq!(
        get(
            &c,
            r#"get pv,pvc -o jsonpath='{range .items[*]}{.kind}{"\t"}{.metadata.name}{"\n"}{end}'"#
        ),
        ok("PersistentVolume\ttask-pv-volume\nPersistentVolumeClaim\ttask-pv-claim\n")
    );
    assert_eq!(
        get(
            &c,
            r#"get pvc -o jsonpath='{.items[?(@.status.phase=="Bound")].status.capacity.storage}'"#
        ),
        ok("10Gi")
    );
    assert_eq!(
        get(&c, "get pvc -o jsonpath={.items[0].spec.accessModes}"),
        ok(r#"["ReadWriteOnce"]"#)
    );
    assert_eq!(
        get(&c, "get pvc -o jsonpath-as-json={.items[*].metadata.name}"),
        ok("[\n    \"task-pv-claim\"\n]\n")
    );
    assert_eq!(
        get(&c, "get pvc -o jsonpath --template={.items[0].kind}"),
        ok("PersistentVolumeClaim")
    );
    // An empty list is still a List.
    assert_eq!(get(&c, "get pods -o jsonpath={.kind}"), ok("List"));
}

#[test]
fn jsonpath_errors() {
    let c = bound();
    assert_eq!(
        get(&c, "get pvc -o jsonpath={.foo"),
        failed("", "error: error parsing jsonpath {.foo, unclosed action\n")
    );
    assert_eq!(
        get(&c, "get pvc -o jsonpath"),
        failed(
            "",
            "error: template format specified but no template given\n"
        )
    );
    // Missing keys are allowed by default, an error with --allow-missing-template-keys=false.
    assert_eq!(get(&c, "get pvc -o jsonpath={.items[0].x}"), ok(""));
    let strict = get(
        &c,
        "get pvc -o jsonpath={.items[0].x} --allow-missing-template-keys=false",
    );
    assert!(!strict.success);
    assert!(strict.stderr.starts_with(
        "error: error executing jsonpath \"{.items[0].x}\": Error executing template: x is not found. \
         Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[0].x}\n\t\
         object given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{"
    ), "{}", strict.stderr);
    assert!(strict.stderr.ends_with(
        "\"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\"}}\n\n\n"
    ));
    let out = get(&c, "get pvc -o jsonpath={.items[5]}");
    assert!(out.stderr.starts_with(
        "error: error executing jsonpath \"{.items[5]}\": Error executing template: array index out of bounds: index 5, length 1. "
    ), "{}", out.stderr);
    // A bad template is the only error, even when an object is missing (printGeneric).
    assert_eq!(
        get(&c, "get pvc nope task-pv-claim -o jsonpath={.x"),
        failed("", "error: error parsing jsonpath {.x, unclosed action\n")
    );
}

#[test]
fn custom_columns() {
    let c = bound();
    assert_eq!(
        get(
            &c,
            "get pv -o custom-columns=NAME:.metadata.name,CLAIM:.spec.claimRef.name,MODES:.spec.accessModes,X:.notFound"
        ),
        ok("NAME             CLAIM           MODES             X\n\
            task-pv-volume   task-pv-claim   [ReadWriteOnce]   <none>\n")
    );
    assert_eq!(
        get(
            &c,
            "get pv -o custom-columns=NAME:{.metadata.name} --no-headers"
        ),
        ok("task-pv-volume\n")
    );
    // An empty result still prints the header.
    assert_eq!(
        get(&c, "get pods -o custom-columns=NAME:.metadata.name"),
        ok("NAME\n")
    );
    // customcolumn_test.go TestNewColumnPrinterFromSpec "empty", "invalid1", "invalid3".
    assert_eq!(
        get(&c, "get pv -o custom-columns="),
        failed(
            "",
            "error: custom-columns format specified but no custom columns given\n"
        )
    );
    assert_eq!(
        get(&c, "get pv -o custom-columns=invalid"),
        failed(
            "",
            "error: unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>\n"
        )
    );
    assert_eq!(
        get(&c, "get pv -o custom-columns=invalid,foobar:blah"),
        failed(
            "",
            "error: unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>\n"
        )
    );
    assert_eq!(
        get(&c, "get pv -o custom-columns=N:{.a"),
        failed(
            "",
            "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"
        )
    );
}

/// customcolumn_test.go `TestMassageJSONPath`.
#[test]
fn massage_json_path() {
    for (input, want) in [
        ("foo.bar", Some("{.foo.bar}")),
        ("{foo.bar}", Some("{.foo.bar}")),
        (".foo.bar", Some("{.foo.bar}")),
        ("{.foo.bar}", Some("{.foo.bar}")),
        ("", Some("")),
        ("{foo.bar", None),
        ("foo.bar}", None),
        ("{foo.bar}}", None),
        ("{{foo.bar}", None),
    ] {
        assert_eq!(relaxed_expression(input).ok().as_deref(), want, "{input}");
    }
}

fn three_volumes() -> Cluster {
    let mut c = Cluster::default();
    for (name, size, class) in [
        ("b-big", "2Gi", Some("manual")),
        ("a-mid", "500Mi", Some("manual")),
        ("c-small", "100Mi", None),
    ] {
        let mut spec = serde_json::json!({"capacity": {"storage": size}, "accessModes": ["ReadWriteOnce"],
                                          "hostPath": {"path": format!("/{name}")}});
        if let Some(class) = class {
            spec["storageClassName"] = class.into();
        }
        c.apply(obj(
            serde_json::json!({"apiVersion": "v1", "kind": "PersistentVolume",
                                       "metadata": {"name": name}, "spec": spec}),
        ))
        .unwrap();
    }
    c
}

/// kubectl `cmd/get/sorter.go`: quantities compare as quantities, a missing field sorts first.
#[test]
fn sort_by() {
    let c = three_volumes();
    assert_eq!(
        get(
            &c,
            "get pv --sort-by=.spec.capacity.storage -o custom-columns=N:.metadata.name"
        ),
        ok("N\nc-small\na-mid\nb-big\n")
    );
    assert_eq!(
        get(&c, "get pv --sort-by={.metadata.name} -o name"),
        ok("persistentvolume/a-mid\npersistentvolume/b-big\npersistentvolume/c-small\n")
    );
    let table = get(&c, "get pv --sort-by=spec.storageClassName --no-headers");
    let names: Vec<&str> = table
        .stdout
        .lines()
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert_eq!(names, ["c-small", "a-mid", "b-big"], "{}", table.stdout);
    assert_eq!(
        get(&c, "get pv --sort-by=.foo"),
        failed(
            "",
            "error: couldn't find any field with path \"{.foo}\" in the list of objects\n"
        )
    );
    assert_eq!(
        get(&c, "get pv --sort-by={.a"),
        failed("", "error: sorting error: unclosed action\n")
    );
    assert_eq!(
        get(&c, "get pv --sort-by=.spec.accessModes"),
        failed(
            "",
            "Field {.spec.accessModes} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: []interface {}\n"
        )
    );
    // Nothing to sort is no error.
    assert_eq!(get(&c, "get pods --sort-by=.foo -o name"), ok(""));
}
