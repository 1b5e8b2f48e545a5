//! Every error text, byte for byte (stderr, trailing newline included).

use crate::kubectl::{KubectlError, parse_command_line};

fn err(line: &str) -> KubectlError {
    match parse_command_line(line) {
        Ok(inv) => panic!("{line:?} parsed: {inv:?}"),
        Err(e) => e,
    }
}

fn text(line: &str) -> String {
    err(line).to_string()
}

const GET_FORMATS: &str = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,\
jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";
const GENERIC_FORMATS: &str = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

#[test]
fn pflag_errors_with_the_usage_line() {
    let cases = [
        (
            "kubectl get pods --foo",
            "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods --bad_flag=1",
            "error: unknown flag: --bad_flag\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods -z",
            "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods -Az",
            "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods -n",
            "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods --namespace",
            "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "get pods ---x",
            "error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "scale deploy web --replicas=x",
            "error: invalid argument \"x\" for \"--replicas\" flag: strconv.ParseInt: parsing \"x\": invalid \
             syntax\nSee 'kubectl scale --help' for usage.\n",
        ),
        (
            "get pods -A=x",
            "error: invalid argument \"x\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"x\": \
             invalid syntax\nSee 'kubectl get --help' for usage.\n",
        ),
        (
            "delete pod x --timeout=5",
            "error: invalid argument \"5\" for \"--timeout\" flag: time: missing unit in duration \"5\"\nSee \
             'kubectl delete --help' for usage.\n",
        ),
        (
            "describe pvc x -o yaml",
            "error: unknown shorthand flag: 'o' in -o\nSee 'kubectl describe --help' for usage.\n",
        ),
        (
            "rollout restart deploy/x --foo",
            "error: unknown flag: --foo\nSee 'kubectl rollout restart --help' for usage.\n",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(text(line), want, "{line}");
    }
}

#[test]
fn unknown_commands_with_suggestions() {
    assert_eq!(
        text("kubectl gett pods"),
        "error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n"
    );
    assert_eq!(
        text("kubectl frobnicate"),
        "error: unknown command \"frobnicate\" for \"kubectl\"\n"
    );
    assert_eq!(
        text("kubectl descibe pod x"),
        "error: unknown command \"descibe\" for \"kubectl\"\n\nDid you mean this?\n\tdescribe\n"
    );
    assert_eq!(
        text("kubectl list pods"),
        "error: unknown command \"list\" for \"kubectl\"\n\nDid you mean this?\n\tget\n"
    );
    assert_eq!(
        text("kubectl rm pod x"),
        "error: unknown command \"rm\" for \"kubectl\"\n\nDid you mean this?\n\trun\n\tdelete\n\tcp\n"
    );
    assert_eq!(
        text("kubectl appl -f x"),
        "error: unknown command \"appl\" for \"kubectl\"\n\nDid you mean this?\n\tapply\n"
    );
    // A value-taking flag before the command swallows the next word, as cobra's stripFlags does.
    assert_eq!(
        text("kubectl --foo get pods"),
        "error: unknown command \"pods\" for \"kubectl\"\n\nDid you mean this?\n\tlogs\n"
    );
    assert!(matches!(err("kubectl"), KubectlError::Help { .. }));
    assert!(matches!(
        err("kubectl get --help"),
        KubectlError::Help { .. }
    ));
    assert!(matches!(
        err("kubectl get pods -h"),
        KubectlError::Help { .. }
    ));
}

#[test]
fn builder_errors() {
    let cases = [
        (
            "kubectl get pvcs",
            "error: the server doesn't have a resource type \"pvcs\"\n",
        ),
        (
            "get pvcs.apps x",
            "error: the server doesn't have a resource type \"pvcs\"\n",
        ),
        (
            "get pods,",
            "error: the server doesn't have a resource type \"\"\n",
        ),
        (
            "delete pvc",
            "error: resource(s) were provided, but no name was specified\n",
        ),
        (
            "scale deploy --replicas=2",
            "error: resource(s) were provided, but no name was specified\n",
        ),
        (
            "delete pvcs",
            "error: the server doesn't have a resource type \"pvcs\"\n",
        ),
        (
            "get pod pod/x",
            "error: there is no need to specify a resource type as a separate argument when passing arguments in \
             resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource \
             resource/<resource_name>'\n",
        ),
        (
            "get pvc/",
            "error: arguments in resource/name form must have a single resource and name\n",
        ),
        (
            "get a/b/c",
            "error: arguments in resource/name form may not have more than one slash\n",
        ),
        (
            "get pvc,pv/x",
            "error: arguments in resource/name form must have a single resource and name\n",
        ),
        (
            "delete",
            "error: You must provide one or more resources by argument or filename.\nExample resource \
             specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   \
             '<resource>'\n",
        ),
        (
            "get pod x -A",
            "error: a resource cannot be retrieved by name across all namespaces\n",
        ),
        (
            "get pods x -l a=b",
            "error: name cannot be provided when a selector is specified\n",
        ),
        (
            "get pod/x -l a=b",
            "error: selectors and the all flag cannot be used when passing resource/name arguments\n",
        ),
        (
            "delete --all",
            "error: at least one resource must be specified to use a selector\n",
        ),
        (
            "delete pvc -l a=b --all",
            "error: setting 'all' parameter but found a non empty selector. \n",
        ),
        ("get all x", "error: you must specify only one resource\n"),
        (
            "get pods -f x.yaml",
            "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as \
             well\n",
        ),
        (
            "get pvc/x -f x.yaml",
            "error: resource/name arguments cannot be provided when a path is specified\n",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(text(line), want, "{line}");
    }
    assert!(parse_command_line("get pv x -A").is_ok());
}

#[test]
fn unknown_resource_hint_is_separate() {
    let e = err("get pvcs");
    assert_eq!(
        e.hint().as_deref(),
        Some("kubestory: did you mean \"pvc\"? (`kubectl api-resources` lists the types)")
    );
    let out = e.to_output();
    assert!(!out.success);
    assert_eq!(
        out.stderr(),
        "error: the server doesn't have a resource type \"pvcs\"\n"
    );
    assert!(
        e.to_output_with_hint()
            .stderr()
            .ends_with("lists the types)\n")
    );
    assert_eq!(err("get frobs").hint(), None);
    assert!(matches!(
        err("get svc"),
        KubectlError::ResourceNotSimulated { .. }
    ));
}

#[test]
fn bad_selectors_are_server_errors() {
    assert_eq!(
        text("get pods -l 'a b'"),
        "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"a \
         b\", field selector \"\": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, \
         lt\n"
    );
    assert_eq!(
        text("get deploy,sc -l 'x in (a'"),
        "Error from server (BadRequest): Unable to find \"apps/v1, Resource=deployments\" that match label \
         selector \"x in (a\", field selector \"\": unable to parse requirement: found '', expected: ',' or \
         ')'\nError from server (BadRequest): Unable to find \"storage.k8s.io/v1, Resource=storageclasses\" \
         that match label selector \"x in (a\", field selector \"\": unable to parse requirement: found '', \
         expected: ',' or ')'\n"
    );
    assert_eq!(
        text("apply -f x.yaml -l 'a b'"),
        "error: the provided selector \"a b\" is not valid: unable to parse requirement: found 'b', expected: \
         in, notin, =, ==, !=, gt, lt\n"
    );
}

#[test]
fn output_format_errors() {
    assert_eq!(
        text("get pods -o yam"),
        format!(
            "error: unable to match a printer suitable for the output format \"yam\", allowed formats are: {GET_FORMATS}\n"
        )
    );
    assert_eq!(
        text("apply -f x -o wide"),
        format!(
            "error: unable to match a printer suitable for the output format \"wide\", allowed formats are: {GENERIC_FORMATS}\n"
        )
    );
    assert_eq!(
        text("delete pod x -o yaml"),
        "error: unexpected -o output mode: yaml. We only support '-o name'\n"
    );
    assert_eq!(
        text("version -o wide"),
        "error: --output must be 'yaml' or 'json'\n"
    );
    assert_eq!(
        text("get pods --show-labels -o yaml"),
        "error: --show-labels option cannot be used with yaml printer\n"
    );
    // `kubectl get` prints JSONPath and custom columns; the other verbs' printers do not here.
    assert!(matches!(
        err("apply -f x.yaml -o jsonpath='{.kind}'"),
        KubectlError::NotSimulated(_)
    ));
    assert!(matches!(
        err("get pods -o go-template='{{.kind}}'"),
        KubectlError::NotSimulated(_)
    ));
    assert!(matches!(
        err("get pods --template='{{.kind}}'"),
        KubectlError::NotSimulated(_)
    ));
    // The builder runs before the printer in `kubectl get`.
    assert_eq!(
        text("get pvcs -o yam"),
        "error: the server doesn't have a resource type \"pvcs\"\n"
    );
}

#[test]
fn command_specific_errors() {
    let get_usage = "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete \
                     list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain \
                     <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \
                     'kubectl get -h' for help and examples\n";
    let cases = [
        ("kubectl get", get_usage.to_string()),
        ("get -n shop", get_usage.to_string()),
        (
            "describe",
            "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a \
             complete list of supported resources.\n"
                .to_string(),
        ),
        ("scale deploy web", "error: required flag(s) \"replicas\" not set\n".to_string()),
        (
            "scale deploy web --replicas=-1",
            "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n".to_string(),
        ),
        ("delete pod x --now --grace-period=5", "error: --now and --grace-period cannot be specified together\n".to_string()),
        (
            "delete pod x --force --grace-period=5",
            "error: --force and --grace-period greater than 0 cannot be specified together\n".to_string(),
        ),
        (
            "delete pod x --cascade=maybe",
            "error: invalid cascade value (maybe). Must be \"background\", \"foreground\", or \"orphan\"\n".to_string(),
        ),
        (
            "apply -f x --dry-run=maybe",
            "error: Invalid dry-run value (maybe). Must be \"none\", \"server\", or \"client\".\n".to_string(),
        ),
        ("apply", "error: must specify one of -f and -k\n".to_string()),
        ("apply -f x extra", "error: Unexpected args: [extra]\nSee 'kubectl apply -h' for help and examples\n".to_string()),
        ("create", "Error: must specify one of -f and -k\n\n".to_string()),
        ("create -f x extra", "error: Unexpected args: [extra]\nSee 'kubectl create -h' for help and examples\n".to_string()),
        (
            "create namespace",
            "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n"
                .to_string(),
        ),
        ("drain", "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n".to_string()),
        ("cordon", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n".to_string()),
        (
            "cordon n1 -l a=b",
            "error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and \
             examples\n"
                .to_string(),
        ),
        (
            "drain n1 --pod-selector='a b'",
            "error: --pod-selector=<pod_selector> must be a valid label selector\n".to_string(),
        ),
        ("rollout foo", "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n".to_string()),
        (
            "patch pv x",
            "error: must specify --patch or --patch-file containing the contents of the patch\n".to_string(),
        ),
        (
            "patch pv x -p '{}' --type=foo",
            "error: --type must be one of [json merge strategic], not \"foo\"\n".to_string(),
        ),
        ("patch pv -p '{}'", "error: resource(s) were provided, but no name was specified\n".to_string()),
    ];
    for (line, want) in cases {
        assert_eq!(text(line), want, "{line}");
    }
}

#[test]
fn friendly_refusals() {
    for line in [
        "get pods -w -o yaml",
        "get pods --watch --sort-by=.metadata.name",
        "rollout history deploy/web",
        "wait --for=delete pod/x --timeout=200h",
        "attach x",
        "port-forward x 8080:80",
        "logs pod/x --since=1h",
        "create secret tls x --cert=a --key=b",
        "apply view-last-applied pvc x",
        "delete pvc x -i",
    ] {
        assert!(matches!(err(line), KubectlError::NotSimulated(_)), "{line}");
    }
    assert!(matches!(err("rollout"), KubectlError::Help { .. }));
    // Issue 12: what is still refused points at exec and logs.
    let attach = text("attach x");
    assert!(
        attach.contains("kubectl exec") && attach.contains("kubectl logs"),
        "{attach}"
    );
    let note = text("get pods -w -o yaml");
    assert!(
        note.starts_with("kubestory: `kubectl get -w` is simulated with the table"),
        "{note}"
    );
    assert!(matches!(
        err("get pods | grep x"),
        KubectlError::Tokenize(_)
    ));
}

/// kubectl `--validate` (GetValidationDirective): only strict, the default, is simulated;
/// `warn` and `ignore`/`false` would make the API server drop an unknown field, so they are
/// refused with kubestory's note instead of being ignored in silence.
#[test]
fn validate_other_than_strict_is_refused_not_ignored() {
    for ok in [
        "apply -f x.yaml",
        "apply -f x.yaml --validate",
        "apply -f x.yaml --validate=strict",
        "apply -f x.yaml --validate=true",
        "create -f x.yaml --validate=TRUE",
    ] {
        assert!(parse_command_line(ok).is_ok(), "{ok}");
    }
    for refused in [
        "apply -f x.yaml --validate=warn",
        "apply -f x.yaml --validate=false",
        "apply -f x.yaml --validate=ignore",
        "create -f x.yaml --validate=warn",
    ] {
        let e = err(refused);
        assert!(
            matches!(e, KubectlError::NotSimulated(_)),
            "{refused}: {e:?}"
        );
        assert!(e.to_string().starts_with("kubestory: "), "{refused}: {e}");
        assert!(
            e.to_string().contains("drop an unknown field"),
            "{refused}: {e}"
        );
    }
}
