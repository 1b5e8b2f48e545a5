//! Every limit of `kubestory::sim::limits` at its boundary: the limit itself passes, one more
//! is refused with an error that names the limit (issue 13, "bounded everything").

use kubestory::kubectl::Output;
use kubestory::manifest::load;
use kubestory::sim::limits::*;
use kubestory::sim::{ApiError, Cluster, ClusterConfig, Kind, Object, SimError, Target};
use serde_json::json;

fn obj(v: serde_json::Value) -> Object {
    Object::from_value(v).expect("valid object")
}

/// A Deployment manifest with `replicas`, `containers` containers and `volumes` emptyDirs.
fn deployment_yaml(replicas: i64, containers: usize, volumes: usize) -> String {
    let mut y = format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {replicas}\n  selector:\n    matchLabels: {{app: web}}\n  template:\n    metadata:\n      labels: {{app: web}}\n    spec:\n      containers:\n"
    );
    for i in 0..containers {
        y.push_str(&format!("        - name: c{i}\n          image: nginx\n"));
    }
    if volumes > 0 {
        y.push_str("      volumes:\n");
        for i in 0..volumes {
            y.push_str(&format!("        - name: v{i}\n          emptyDir: {{}}\n"));
        }
    }
    y
}

/// The manifest's pointer lines, or an empty list when it loads.
fn manifest_errors(text: &str) -> Vec<String> {
    match load("web.yaml", text) {
        Ok(_) => Vec::new(),
        Err(e) => e.diagnostics().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn manifest_replicas_containers_and_volumes_at_their_limits() {
    let max_replicas = MAX_REPLICAS;
    assert_eq!(
        manifest_errors(&deployment_yaml(max_replicas, 1, 0)),
        Vec::<String>::new()
    );
    assert_eq!(
        manifest_errors(&deployment_yaml(max_replicas + 1, 1, 0)),
        [
            "web.yaml:6:13: spec.replicas is 201: kubestory simulates at most 200 replicas per workload (its limit; a real cluster would accept more) — use 200 or fewer; a lesson never needs more"
        ]
    );
    assert_eq!(
        manifest_errors(&deployment_yaml(1, MAX_CONTAINERS_PER_POD, 0)),
        Vec::<String>::new()
    );
    assert_eq!(
        manifest_errors(&deployment_yaml(1, MAX_CONTAINERS_PER_POD + 1, 0)),
        [
            "web.yaml:13:7: spec.template.spec.containers has 21 items: kubestory simulates at most 20 containers (init containers included) per pod (its limit; a real cluster would accept more) — keep 20 or fewer; a lesson never needs more"
        ]
    );
    assert_eq!(
        manifest_errors(&deployment_yaml(1, 1, MAX_VOLUMES_PER_POD)),
        Vec::<String>::new()
    );
    let errors = manifest_errors(&deployment_yaml(1, 1, MAX_VOLUMES_PER_POD + 1));
    assert_eq!(
        errors,
        [
            "web.yaml:16:7: spec.template.spec.volumes has 51 items: kubestory simulates at most 50 volumes (volume claim templates included) per pod (its limit; a real cluster would accept more) — keep 50 or fewer; a lesson never needs more"
        ]
    );
}

#[test]
fn the_api_refuses_the_same_sizes_whatever_the_way_in() {
    let mut c = Cluster::default();
    let deployment = |replicas: i64| {
        obj(
            json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
            "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":"web"}},
            "template":{"metadata":{"labels":{"app":"web"}},
            "spec":{"containers":[{"name":"web","image":"nginx"}]}}}}),
        )
    };
    let refused = |e: ApiError| e.to_string();
    assert_eq!(
        c.apply(deployment(MAX_REPLICAS + 1)).map_err(refused),
        Err("Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: 201: must be less than or equal to 200".to_string())
    );
    assert!(c.apply(deployment(MAX_REPLICAS)).is_ok());
    assert_eq!(c.pods().count(), MAX_REPLICAS as usize);
    // Scale and a changed object go through the same check.
    assert!(
        c.scale(Kind::Deployment, "default", "web", MAX_REPLICAS as i32 + 1)
            .is_err()
    );
    assert!(c.apply(deployment(MAX_REPLICAS + 1)).is_err());
    assert!(
        c.scale(Kind::Deployment, "default", "web", MAX_REPLICAS as i32)
            .is_ok()
    );
    let pod = |n: usize| {
        let containers: Vec<_> = (0..n)
            .map(|i| json!({"name":format!("c{i}"),"image":"nginx"}))
            .collect();
        obj(
            json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":format!("p{n}")},
            "spec":{"containers":containers}}),
        )
    };
    assert!(c.apply(pod(MAX_CONTAINERS_PER_POD)).is_ok());
    assert_eq!(
        c.apply(pod(MAX_CONTAINERS_PER_POD + 1)).map_err(refused),
        Err(
            "Pod \"p21\" is invalid: spec.containers: Too many: 21: must have at most 20 items"
                .to_string()
        )
    );
}

fn config_map(i: usize) -> Object {
    obj(json!({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":format!("cm-{i}")}}))
}

#[test]
fn the_cluster_holds_at_most_max_objects() {
    let mut c = Cluster::default();
    let start = c.object_count();
    let objects: Vec<Object> = (start..MAX_OBJECTS).map(config_map).collect();
    assert!(c.apply_all(objects).iter().all(Result::is_ok));
    assert_eq!(c.object_count(), MAX_OBJECTS);
    assert_eq!(
        c.apply(config_map(MAX_OBJECTS)).map_err(|e| e.to_string()),
        Err("configmaps \"cm-2000\" is forbidden: exceeded kubestory's limit of 2000 objects per cluster: delete objects first (a lesson never needs this many)".to_string())
    );
    // A controller cannot go past it either: it reports FailedCreate.
    let rs = obj(
        json!({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs"},
        "spec":{"replicas":3,"selector":{"matchLabels":{"app":"rs"}},
        "template":{"metadata":{"labels":{"app":"rs"}},
        "spec":{"containers":[{"name":"rs","image":"nginx"}]}}}}),
    );
    assert!(
        c.delete(Kind::ConfigMap, "default", "cm-100", Default::default())
            .is_ok()
    );
    assert!(c.apply(rs).is_ok());
    assert_eq!(c.object_count(), MAX_OBJECTS);
    assert!(c.events().any(|e| {
        e.reason == "FailedCreate"
            && e.message
                .contains("exceeded kubestory's limit of 2000 objects per cluster")
    }));
}

#[test]
fn events_keep_the_newest_max_events() {
    let mut c = Cluster::default();
    // Each failed node grace period and each new pod records events; ConfigMaps do not, so
    // make pods that record several events each.
    let mut made = 0;
    while c.events().count() < MAX_EVENTS && made < MAX_OBJECTS {
        let p = obj(
            json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":format!("p-{made}")},
            "spec":{"containers":[{"name":"app","image":"nginx"}]}}),
        );
        c.apply(p).expect("pod");
        made += 1;
    }
    assert_eq!(c.events().count(), MAX_EVENTS);
    let first = c.events().next().map(|e| e.seq);
    let p = obj(
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"one-more"},
        "spec":{"containers":[{"name":"app","image":"nginx"}]}}),
    );
    c.apply(p).expect("pod");
    assert_eq!(c.events().count(), MAX_EVENTS);
    assert!(c.events().next().map(|e| e.seq) > first, "the oldest went");
    assert!(c.events().any(|e| e.object.name == "one-more"));
}

#[test]
fn output_is_cut_at_max_output_bytes_with_a_note() {
    let mut full = Output::new();
    full.out("x".repeat(MAX_OUTPUT_BYTES));
    assert_eq!(full.combined().len(), MAX_OUTPUT_BYTES);
    assert!(!full.truncated());
    let mut over = Output::new();
    over.out("x".repeat(MAX_OUTPUT_BYTES));
    over.out("y\n");
    assert!(over.truncated());
    assert_eq!(over.stdout().len(), MAX_OUTPUT_BYTES);
    assert_eq!(
        over.stderr(),
        "\nkubestory: the output was cut here: kubestory prints at most 1024 KiB per command (its limit). Ask for less: one name, a label selector (-l), a namespace (-n) or -o name.\n"
    );
    // Nothing is added after the note.
    over.err("more");
    assert!(over.stderr().ends_with("-o name.\n"));
}

fn running_pod() -> Cluster {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"app"},
        "spec":{"containers":[{"name":"app","image":"academind/kub-data-demo:1"}]}}),
    ))
    .expect("pod");
    c
}

#[test]
fn stories_are_bounded_in_size_and_number() {
    let mut c = running_pod();
    let target = Target::parse("pod/app").expect("target");
    assert!(
        c.write_story("default", &target, None, &"s".repeat(MAX_STORY_BYTES))
            .is_ok()
    );
    assert_eq!(
        c.write_story("default", &target, None, &"s".repeat(MAX_STORY_BYTES + 1))
            .map(|_| ()),
        Err(SimError::Refused("error: the story is 1025 bytes: kubestory's story app keeps stories of at most 1024 bytes (its limit); write a shorter one".into()))
    );
    for i in 1..MAX_STORIES_PER_FILE {
        c.write_story("default", &target, None, &format!("story {i}"))
            .expect("under the limit");
    }
    let refused = c
        .write_story("default", &target, None, "one too many")
        .map(|_| ());
    assert!(
        matches!(&refused, Err(SimError::Refused(m)) if m.contains("already holds 500 stories: kubestory's story app keeps at most 500 per file (its limit)")),
        "{refused:?}"
    );
}

#[test]
fn the_clock_stops_at_max_simulated_secs() {
    let mut c = Cluster::default();
    let left = MAX_SIMULATED_SECS - c.now().0;
    let mut over = c.clone();
    assert!(over.try_advance(left + 1).is_err());
    assert_eq!(over.now(), c.now(), "a refused wait changes nothing");
    assert!(c.try_advance(left).is_ok());
    assert_eq!(c.now().0, MAX_SIMULATED_SECS);
    assert!(c.try_advance(1).is_err());
    assert!(c.try_advance(u64::MAX).is_err());
    // `advance` itself never passes the limit, nor overflows.
    c.advance(u64::MAX);
    assert_eq!(c.now().0, MAX_SIMULATED_SECS);
    assert_eq!(c.now().rfc3339(), "2035-12-30T00:00:00Z");
}

#[test]
fn a_cluster_config_past_the_node_limit_makes_no_more_nodes() {
    let names = ClusterConfig::minikube_node_names(usize::MAX);
    assert_eq!(names.len(), MAX_NODES);
    let c = Cluster::new(ClusterConfig {
        nodes: (0..MAX_NODES + 5).map(|i| format!("n{i}")).collect(),
        ..ClusterConfig::default()
    });
    assert_eq!(c.nodes().count(), MAX_NODES);
}

#[test]
fn an_object_holds_at_most_max_object_bytes_as_json() {
    let cm = |name: &str, n: usize| {
        obj(
            json!({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":name},"data":{"a":"x".repeat(n)}}),
        )
    };
    let size = |o: &Object| serde_json::to_vec(&o.to_value()).expect("json").len();
    let overhead = size(&cm("at", 0));
    let mut c = Cluster::default();
    let at = cm("at", MAX_OBJECT_BYTES - overhead);
    assert_eq!(size(&at), MAX_OBJECT_BYTES);
    assert!(c.create(at).is_ok());
    // A name of the same length, so the same overhead.
    assert_eq!(
        c.create(cm("ov", MAX_OBJECT_BYTES - overhead + 1))
            .map_err(|e| e.to_string()),
        Err("kubestory: the object is 65 KiB as JSON; kubestory stores objects of at most 64 KiB (its limit; a lesson never needs more): make it smaller".to_string())
    );
}
