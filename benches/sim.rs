//! Simulator benchmarks (criterion): binding N claims against N PVs, and a scenario of N
//! events, for N = 100, 1,000, 10,000. Results and how to reproduce them: BENCHMARKS.md.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kubestory::sim::*;
use serde_json::json;
use std::hint::black_box;
use std::time::Duration;

fn pv(i: usize) -> Object {
    Object::from_value(json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":format!("pv-{i}")},
        "spec":{"capacity":{"storage":format!("{}Gi", 1 + i % 50)},"accessModes":["ReadWriteOnce"],"storageClassName":"manual",
        "hostPath":{"path":format!("/mnt/pv-{i}")}}}))
    .expect("valid PV")
}

fn claim(i: usize) -> Object {
    Object::from_value(json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":format!("claim-{i}")},
        "spec":{"storageClassName":"manual","accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":format!("{}Gi", 1 + i % 50)}}}}))
    .expect("valid claim")
}

/// Applies N PVs, then N claims (two multi-document applies); every claim ends Bound.
fn bind_claims(c: &mut Criterion) {
    let mut group = c.benchmark_group("bind_claims");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [100usize, 1_000, 10_000] {
        let pvs: Vec<Object> = (0..n).map(pv).collect();
        let claims: Vec<Object> = (0..n).map(claim).collect();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let mut cluster = Cluster::new(ClusterConfig {
                    default_storage_class: false,
                    ..ClusterConfig::default()
                });
                cluster.apply_all(pvs.clone());
                cluster.apply_all(claims.clone());
                black_box(cluster.claims().count())
            })
        });
    }
    group.finish();
}

/// A learner's session of N events on a Deployment with an emptyDir and a PVC: writes,
/// crashes, pod deletions, waits, reads, each through the undo history.
fn scenario(c: &mut Criterion) {
    let deploy = Object::from_value(json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"story"},
        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"story"}},"template":{"metadata":{"labels":{"app":"story"}},
        "spec":{"containers":[{"name":"story","image":"story","volumeMounts":[{"name":"scratch","mountPath":"/app/story"},{"name":"keep","mountPath":"/app/keep"}]}],
        "volumes":[{"name":"scratch","emptyDir":{}},{"name":"keep","persistentVolumeClaim":{"claimName":"keep"}}]}}}}))
    .expect("valid deployment");
    let keep = Object::from_value(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"keep"},
        "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}),
    )
    .expect("valid claim");
    let mut group = c.benchmark_group("scenario");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [100usize, 1_000, 10_000] {
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| {
                let mut sim = Simulation::new(Cluster::default());
                let _ = sim.act("apply", |c| c.apply(keep.clone()));
                let _ = sim.act("apply", |c| c.apply(deploy.clone()));
                let target = Target::Deployment("story".into());
                for i in 0..n {
                    let _ = match i % 8 {
                        0..=3 => sim.act("write", |c| {
                            c.write_story("default", &target, None, "a story")
                                .map(|_| ())
                        }),
                        4 => sim.act("crash", |c| c.crash("default", &target, None).map(|_| ())),
                        5 => {
                            let pod = sim
                                .cluster()
                                .pods()
                                .next()
                                .map(|p| p.metadata.name.clone())
                                .unwrap_or_default();
                            sim.act("delete", |c| {
                                c.delete(Kind::Pod, "default", &pod, DeleteOptions::default())
                                    .map(|_| ())
                                    .map_err(SimError::from)
                            })
                        }
                        6 => sim.act::<(), SimError>("wait", |c| {
                            c.advance(15);
                            Ok(())
                        }),
                        _ => sim
                            .cluster()
                            .read_stories("default", &target, None)
                            .map(|_| ()),
                    };
                }
                black_box(sim.cluster().events().count())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bind_claims, scenario);
criterion_main!(benches);
