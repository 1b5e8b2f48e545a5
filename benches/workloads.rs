//! The benchmark workloads, shared by the criterion benches (`benches/sim.rs`) and the
//! instruction-count harness (`examples/bench_workload.rs`, run under callgrind).

#![allow(dead_code)]

use kubestory::sim::*;
use serde_json::json;

/// N hostPath PVs of class `manual`, sizes 1–50 Gi.
pub fn pvs(n: usize) -> Vec<Object> {
    (0..n)
        .map(|i| {
            Object::from_value(json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":format!("pv-{i}")},
                "spec":{"capacity":{"storage":format!("{}Gi", 1 + i % 50)},"accessModes":["ReadWriteOnce"],"storageClassName":"manual",
                "hostPath":{"path":format!("/mnt/pv-{i}")}}}))
            .expect("valid PV")
        })
        .collect()
}

/// N claims of class `manual` with the same size spread as [`pvs`].
pub fn claims(n: usize) -> Vec<Object> {
    (0..n)
        .map(|i| {
            Object::from_value(json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":format!("claim-{i}")},
                "spec":{"storageClassName":"manual","accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":format!("{}Gi", 1 + i % 50)}}}}))
            .expect("valid claim")
        })
        .collect()
}

/// Applies the PVs, then the claims (two multi-document applies); returns the bound count.
pub fn bind(pvs: Vec<Object>, claims: Vec<Object>) -> usize {
    let mut cluster = Cluster::new(ClusterConfig {
        default_storage_class: false,
        ..ClusterConfig::default()
    });
    cluster.apply_all(pvs);
    cluster.apply_all(claims);
    cluster
        .claims()
        .filter(|c| c.status.phase == Some(objects::ClaimPhase::Bound))
        .count()
}

/// A learner's session of `n` events on a 2-replica Deployment with an emptyDir and a
/// claim: writes, crashes, pod deletions, waits and reads, each through the undo history.
/// Returns the number of events recorded.
pub fn scenario(n: usize) -> usize {
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
    let mut sim = Simulation::new(Cluster::default());
    let _ = sim.act("apply", |c| c.apply(keep));
    let _ = sim.act("apply", |c| c.apply(deploy));
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
    sim.cluster().events().count()
}
