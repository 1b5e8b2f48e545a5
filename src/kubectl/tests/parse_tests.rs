use crate::kubectl::{
    Cascade, DryRun, Invocation, OutputFormat, PatchType, Resources, Target, Verb,
    parse_command_line,
};
use crate::sim::Kind;

fn ok(line: &str) -> Invocation {
    parse_command_line(line).unwrap_or_else(|e| panic!("{line:?} failed: {e}"))
}

fn named(pairs: &[(Kind, &str)]) -> Resources {
    Resources::Named(
        pairs
            .iter()
            .map(|(kind, name)| Target {
                kind: *kind,
                name: name.to_string(),
            })
            .collect(),
    )
}

#[test]
fn resource_forms_follow_the_builder() {
    use Kind::*;
    let cases: Vec<(&str, Resources)> = vec![
        (
            "kubectl get pvc",
            Resources::Kinds(vec![PersistentVolumeClaim]),
        ),
        (
            "get pv,pvc",
            Resources::Kinds(vec![PersistentVolume, PersistentVolumeClaim]),
        ),
        (
            "get pvc,persistentvolumeclaims,pv",
            Resources::Kinds(vec![PersistentVolumeClaim, PersistentVolume]),
        ),
        ("get pvc data", named(&[(PersistentVolumeClaim, "data")])),
        (
            "get pvc a b",
            named(&[(PersistentVolumeClaim, "a"), (PersistentVolumeClaim, "b")]),
        ),
        (
            "get pvc/a pv/b",
            named(&[(PersistentVolumeClaim, "a"), (PersistentVolume, "b")]),
        ),
        (
            "get pvc,pv x",
            named(&[(PersistentVolumeClaim, "x"), (PersistentVolume, "x")]),
        ),
        ("get deployments.apps web", named(&[(Deployment, "web")])),
        ("get deployments.v1.apps web", named(&[(Deployment, "web")])),
        (
            "get PersistentVolumeClaims",
            Resources::Kinds(vec![PersistentVolumeClaim]),
        ),
        (
            "get all",
            Resources::Kinds(vec![Pod, Deployment, ReplicaSet, StatefulSet]),
        ),
        (
            "get sc,all",
            Resources::Kinds(vec![StorageClass, Pod, Deployment, ReplicaSet, StatefulSet]),
        ),
        ("delete pvc data", named(&[(PersistentVolumeClaim, "data")])),
        (
            "delete pvc --all",
            Resources::Kinds(vec![PersistentVolumeClaim]),
        ),
        ("delete pods -l app=web", Resources::Kinds(vec![Pod])),
        ("apply -f pvc.yaml", Resources::None),
        ("cordon node-1", named(&[(Node, "node-1")])),
        (
            "drain node/node-2 --ignore-daemonsets",
            named(&[(Node, "node-2")]),
        ),
        ("uncordon -l zone=a", Resources::Kinds(vec![Node])),
        (
            "rollout restart deployment/web",
            named(&[(Deployment, "web")]),
        ),
        ("rollout restart deploy", Resources::Kinds(vec![Deployment])),
        ("create namespace shop", named(&[(Namespace, "shop")])),
        (
            "scale deploy web --replicas=3",
            named(&[(Deployment, "web")]),
        ),
        (
            "scale sts --all --replicas=0",
            Resources::Kinds(vec![StatefulSet]),
        ),
        (
            "explain pvc.spec.volumeName",
            Resources::Kinds(vec![PersistentVolumeClaim]),
        ),
    ];
    for (line, want) in cases {
        assert_eq!(ok(line).resources, want, "{line}");
    }
}

#[test]
fn verbs_and_subcommands() {
    assert_eq!(ok("kubectl get pods").verb, Verb::Get);
    assert_eq!(ok("-n shop get pods").verb, Verb::Get);
    assert_eq!(
        ok("kubectl -n shop rollout -n shop restart deploy/web").verb,
        Verb::RolloutRestart
    );
    assert_eq!(ok("create -f x.yaml").verb, Verb::Create);
    assert_eq!(ok("create ns shop").verb, Verb::CreateNamespace);
    assert_eq!(ok("version --client").verb, Verb::Version);
    assert_eq!(ok("api-resources").verb, Verb::ApiResources);
    assert_eq!(ok("explain pods").args, vec!["pods"]);
}

#[test]
fn flags_in_every_spelling() {
    let inv = ok("get pvc -n shop -o wide --show-labels --no-headers");
    assert_eq!(inv.flags.namespace.as_deref(), Some("shop"));
    assert_eq!(inv.flags.output, OutputFormat::Wide);
    assert!(inv.flags.show_labels && inv.flags.no_headers);
    for line in [
        "get pvc --namespace=shop",
        "get pvc --namespace shop",
        "get pvc -nshop",
        "get pvc -n=shop",
        "--namespace shop get pvc",
    ] {
        assert_eq!(ok(line).flags.namespace.as_deref(), Some("shop"), "{line}");
    }
    assert!(ok("get pvc --all_namespaces").flags.all_namespaces);
    let inv = ok("apply -f a.yaml,b.yaml -f=c.yaml --filename d.yaml --filename=e.yaml -R");
    assert_eq!(
        inv.flags.filenames,
        vec!["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml"]
    );
    assert!(inv.flags.recursive);
    assert_eq!(ok("get pods -Ao yaml").flags.output, OutputFormat::Yaml);
    assert!(ok("get pods -Ao yaml").flags.all_namespaces);
    assert_eq!(ok("get pods -o JSON").flags.output, OutputFormat::Json);
    assert_eq!(ok("get pods -oname").flags.output, OutputFormat::Name);
    assert_eq!(
        ok("get -- pods").resources,
        Resources::Kinds(vec![Kind::Pod])
    );
    assert_eq!(
        ok("get pods -l 'app in (a,b)'").flags.selector.to_string(),
        "app in (a,b)"
    );
    assert_eq!(
        ok("get pods -l 'app in (a,b)'")
            .flags
            .selector_text
            .as_deref(),
        Some("app in (a,b)")
    );
}

#[test]
fn delete_flags_are_adjusted_like_kubectl() {
    let inv = ok("delete pod x --force --grace-period=0");
    assert_eq!(inv.flags.grace_period, 0);
    assert_eq!(
        inv.flags.warnings,
        vec![
            "Warning: Immediate deletion does not wait for confirmation that the running resource has been \
             terminated. The resource may continue to run on the cluster indefinitely."
        ]
    );
    assert_eq!(ok("delete pod x --force").flags.grace_period, 0);
    assert_eq!(ok("delete pod x --grace-period=0").flags.grace_period, 1);
    assert_eq!(ok("delete pod x --now").flags.grace_period, 1);
    assert_eq!(ok("delete pod x").flags.grace_period, -1);
    assert!(ok("delete pod x").flags.wait);
    assert!(!ok("delete pod x --wait=false").flags.wait);
    assert!(ok("delete pod --all").flags.ignore_not_found);
    assert!(
        !ok("delete pod --all --ignore-not-found=false")
            .flags
            .ignore_not_found
    );
    assert_eq!(
        ok("delete pod x --cascade=orphan").flags.cascade,
        Cascade::Orphan
    );
    assert_eq!(
        ok("delete pod x --cascade").flags.cascade,
        Cascade::Background
    );
    let inv = ok("delete pod x --cascade=false");
    assert_eq!(inv.flags.cascade, Cascade::Orphan);
    assert_eq!(
        inv.flags.warnings,
        vec![
            "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan."
        ]
    );
    assert_eq!(
        ok("delete pod x --timeout=90s").flags.timeout_seconds,
        Some(90)
    );
    assert_eq!(ok("delete pod x -o name").flags.output, OutputFormat::Name);
}

#[test]
fn dry_run_and_patch_and_scale() {
    assert_eq!(
        ok("apply -f x --dry-run=client").flags.dry_run,
        DryRun::Client
    );
    assert_eq!(ok("apply -f x --dry-run").flags.dry_run, DryRun::Client);
    assert_eq!(
        ok("apply -f x --dry-run=server").flags.dry_run,
        DryRun::Server
    );
    assert_eq!(ok("apply -f x --dry-run=false").flags.dry_run, DryRun::None);
    let inv = ok(r#"patch pv x -p '{"spec":{"claimRef":null}}' --type=merge"#);
    assert_eq!(
        inv.flags.patch.as_deref(),
        Some(r#"{"spec":{"claimRef":null}}"#)
    );
    assert_eq!(inv.flags.patch_type, PatchType::Merge);
    assert_eq!(
        ok("patch pv x -p '{}'").flags.patch_type,
        PatchType::Strategic
    );
    assert_eq!(ok("scale deploy web --replicas 0").flags.replicas, Some(0));
    assert_eq!(
        ok("scale deploy web --replicas=0x10").flags.replicas,
        Some(16)
    );
    let drain = ok("drain n1 --ignore-daemonsets --delete-emptydir-data --force --timeout=2m");
    assert!(drain.flags.ignore_daemonsets && drain.flags.delete_emptydir_data && drain.flags.force);
    assert_eq!(drain.flags.timeout_seconds, Some(120));
    assert!(
        ok("drain n1 --delete-local-data")
            .flags
            .delete_emptydir_data
    );
}

#[test]
fn ignored_global_flags_are_accepted() {
    for line in [
        "get pods --context=kind-kind",
        "get pods --kubeconfig /tmp/x --request-timeout=5s",
        "get pods -v=6",
        "get pods --server-print=false --chunk-size=10",
        "get pods --watch=false",
    ] {
        assert_eq!(ok(line).verb, Verb::Get, "{line}");
    }
}
