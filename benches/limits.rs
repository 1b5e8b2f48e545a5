//! Work per command at kubestory's limits (issue 13: no command may run longer than about a
//! second at the limits). Each benchmark builds its cluster outside the timing, then times one
//! command as the learner types it: a StatefulSet and a Deployment at `MAX_REPLICAS` rolled
//! out, and a cluster full at `MAX_OBJECTS` (get, describe, delete, scale, node fail + wait).
//! Results and how to reproduce them: BENCHMARKS.md, "Limits".

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use kubestory::kubectl::{Context, MemoryFiles, execute};
use kubestory::runner::run_one;
use kubestory::sim::limits::{MAX_OBJECTS, MAX_REPLICAS};
use kubestory::sim::*;
use serde_json::json;
use std::time::Duration;

/// No command here reads a file: an empty in-memory folder.
static NO_FILES: std::sync::LazyLock<MemoryFiles> = std::sync::LazyLock::new(MemoryFiles::new);

fn workload(kind: &str, name: &str, replicas: i64) -> Object {
    let mut v = json!({"apiVersion":"apps/v1","kind":kind,"metadata":{"name":name},
        "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":name}},
        "template":{"metadata":{"labels":{"app":name}},
        "spec":{"containers":[{"name":"app","image":"academind/kub-data-demo:1"}]}}}});
    if kind == "StatefulSet" {
        v["spec"]["serviceName"] = json!(name);
        v["spec"]["volumeClaimTemplates"] = json!([{"metadata":{"name":"data"},
            "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]);
    }
    Object::from_value(v).expect("valid workload")
}

fn two_nodes() -> Simulation {
    Simulation::new(Cluster::new(ClusterConfig {
        nodes: ClusterConfig::minikube_node_names(2),
        ..ClusterConfig::default()
    }))
}

/// Two nodes, a StatefulSet of MAX_REPLICAS pods with a claim each, rolled out.
fn statefulset_at_limit() -> Simulation {
    let mut sim = two_nodes();
    let _ = sim.act("apply", |c| {
        c.apply(workload("StatefulSet", "db", MAX_REPLICAS))
    });
    sim
}

/// Two nodes, Deployments of MAX_REPLICAS pods, then ConfigMaps up to MAX_OBJECTS.
fn full_cluster() -> Simulation {
    let mut sim = two_nodes();
    let mut i = 0;
    while sim.cluster().object_count() + MAX_REPLICAS as usize + 2 <= MAX_OBJECTS {
        let _ = sim.act("apply", |c| {
            c.apply(workload("Deployment", &format!("web-{i}"), MAX_REPLICAS))
        });
        i += 1;
    }
    let fill: Vec<Object> = (sim.cluster().object_count()..MAX_OBJECTS)
        .map(|j| {
            Object::from_value(
                json!({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":format!("cm-{j}")}}),
            )
            .expect("valid config map")
        })
        .collect();
    let _ = sim.act("apply", |c| {
        c.apply_all(fill);
        Ok::<_, SimError>(())
    });
    assert_eq!(sim.cluster().object_count(), MAX_OBJECTS);
    sim
}

/// Runs script lines (kubectl or sim lines) and checks they succeed.
fn run(sim: &mut Simulation, lines: &[&str]) {
    for line in lines {
        let mut out = String::new();
        let ok = if line.starts_with("kubectl") {
            let o = execute(
                line,
                &mut Context {
                    sim,
                    files: &*NO_FILES,
                },
            );
            o.success
        } else {
            run_one(sim, line, &*NO_FILES, &mut out)
        };
        assert!(ok, "{line}: {out}");
    }
}

fn bench(c: &mut Criterion, name: &str, setup: fn() -> Simulation, lines: &'static [&'static str]) {
    c.bench_function(name, |b| {
        b.iter_batched(setup, |mut sim| run(&mut sim, lines), BatchSize::LargeInput)
    });
}

fn at_limits(c: &mut Criterion) {
    c.bench_function("statefulset_200_apply", |b| {
        b.iter_batched(
            two_nodes,
            |mut sim| {
                let _ = sim.act("apply", |c| {
                    c.apply(workload("StatefulSet", "db", MAX_REPLICAS))
                });
                assert_eq!(sim.cluster().pods().count(), MAX_REPLICAS as usize);
            },
            BatchSize::LargeInput,
        )
    });
    bench(
        c,
        "statefulset_200_rollout_restart",
        statefulset_at_limit,
        &["kubectl rollout restart statefulset db"],
    );
    bench(
        c,
        "statefulset_200_scale_to_0",
        statefulset_at_limit,
        &["kubectl scale statefulset db --replicas=0"],
    );
    c.bench_function("deployment_200_apply", |b| {
        b.iter_batched(
            two_nodes,
            |mut sim| {
                let _ = sim.act("apply", |c| {
                    c.apply(workload("Deployment", "web", MAX_REPLICAS))
                });
                assert_eq!(sim.cluster().pods().count(), MAX_REPLICAS as usize);
            },
            BatchSize::LargeInput,
        )
    });
    c.bench_function("full_apply_changed_deployment", |b| {
        b.iter_batched(
            full_cluster,
            |mut sim| {
                let changed = workload("Deployment", "web-0", MAX_REPLICAS / 2);
                assert!(sim.act("apply", |c| c.apply(changed)).is_ok());
            },
            BatchSize::LargeInput,
        )
    });
    c.bench_function("full_apply_refused", |b| {
        b.iter_batched(
            full_cluster,
            |mut sim| {
                let more = workload("Deployment", "one-more", 1);
                assert!(sim.act("apply", |c| c.apply(more)).is_err());
            },
            BatchSize::LargeInput,
        )
    });
    bench(
        c,
        "full_get_pods_all_namespaces",
        full_cluster,
        &["kubectl get pods -A -o wide"],
    );
    bench(c, "full_get_all", full_cluster, &["kubectl get all,cm -A"]);
    bench(
        c,
        "full_describe_deployment",
        full_cluster,
        &["kubectl describe deployment web-0"],
    );
    bench(
        c,
        "full_describe_nodes",
        full_cluster,
        &["kubectl describe nodes"],
    );
    bench(
        c,
        "full_get_events",
        full_cluster,
        &["kubectl get events -A"],
    );
    bench(
        c,
        "full_delete_deployment",
        full_cluster,
        &["kubectl delete deployment web-0"],
    );
    bench(
        c,
        "full_scale_to_0",
        full_cluster,
        &["kubectl scale deployment web-0 --replicas=0"],
    );
    bench(
        c,
        "full_rollout_restart",
        full_cluster,
        &["kubectl rollout restart deployment web-0"],
    );
    bench(
        c,
        "full_node_fail",
        full_cluster,
        &["node fail minikube-m02"],
    );
    bench(
        c,
        "full_node_fail_wait_10m",
        || {
            let mut sim = full_cluster();
            run(&mut sim, &["node fail minikube-m02"]);
            sim
        },
        &["wait 10m"],
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    targets = at_limits
}
criterion_main!(benches);
