//! Quick scenario checks of the simulator through its public API (objects built from JSON).

use kubestory::sim::objects::*;
use kubestory::sim::*;
use serde_json::json;

fn obj(v: serde_json::Value) -> Object {
    Object::from_value(v).expect("valid object")
}

fn task_pv() -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"task-pv-volume","labels":{"type":"local"}},
        "spec":{"storageClassName":"manual","capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"],"hostPath":{"path":"/mnt/data"}}}),
    )
}
fn task_claim() -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"task-pv-claim"},
        "spec":{"storageClassName":"manual","accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"3Gi"}}}}),
    )
}
fn task_pod() -> Object {
    obj(
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"task-pv-pod"},
        "spec":{"volumes":[{"name":"task-pv-storage","persistentVolumeClaim":{"claimName":"task-pv-claim"}}],
        "containers":[{"name":"task-pv-container","image":"nginx","volumeMounts":[{"mountPath":"/usr/share/nginx/html","name":"task-pv-storage"}]}]}}),
    )
}

/// §6.3 "Retain, static": the docs' task-pv-volume walkthrough.
#[test]
fn task_pv_binds_serves_and_is_released_on_claim_deletion() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    assert_eq!(
        c.volume("task-pv-volume").unwrap().status.phase,
        Some(VolumePhase::Available)
    );
    c.apply(task_claim()).unwrap();
    let claim = c.claim("default", "task-pv-claim").unwrap();
    assert_eq!(claim.status.phase, Some(ClaimPhase::Bound));
    // §13.3: the claim reports the PV's capacity.
    assert_eq!(claim.status.capacity["storage"].to_string(), "10Gi");
    c.apply(task_pod()).unwrap();
    let pod = c.pod("default", "task-pv-pod").unwrap();
    assert_eq!(pod.spec.node_name.as_deref(), Some("minikube"));
    assert_eq!(pod.status.phase, PodPhase::Running);
    let t = Target::Pod("task-pv-pod".into());
    c.write_story("default", &t, None, "hello").unwrap();
    c.delete(
        Kind::Pod,
        "default",
        "task-pv-pod",
        DeleteOptions::default(),
    )
    .unwrap();
    c.apply(task_pod()).unwrap();
    let seen: Vec<String> = c
        .read_stories("default", &t, None)
        .unwrap()
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(seen, vec!["hello"]);
    // Deleting the claim while the pod uses it: Terminating (§7.1).
    let out = c
        .delete(
            Kind::PersistentVolumeClaim,
            "default",
            "task-pv-claim",
            DeleteOptions::default(),
        )
        .unwrap();
    assert_eq!(out, DeleteOutcome::Terminating);
    c.delete(
        Kind::Pod,
        "default",
        "task-pv-pod",
        DeleteOptions::default(),
    )
    .unwrap();
    assert!(c.claim("default", "task-pv-claim").is_none());
    let pv = c.volume("task-pv-volume").unwrap();
    assert_eq!(pv.status.phase, Some(VolumePhase::Released));
    // §13.6: a new claim with the same name does not get the Released PV.
    c.apply(task_claim()).unwrap();
    let events: Vec<String> = c
        .events()
        .map(|e| format!("{} {}", e.reason, e.message))
        .collect();
    assert_eq!(
        c.claim("default", "task-pv-claim").unwrap().status.phase,
        Some(ClaimPhase::Pending),
        "{events:#?}"
    );
}

#[test]
fn dynamic_provisioning_on_minikube_and_delete_policy() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
        "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"500Mi"}}}}),
    ))
    .unwrap();
    let claim = c.claim("default", "data").unwrap().clone();
    assert_eq!(claim.spec.storage_class_name.as_deref(), Some("standard"));
    assert_eq!(claim.status.phase, Some(ClaimPhase::Bound));
    let pv_name = format!("pvc-{}", claim.metadata.uid);
    assert_eq!(claim.spec.volume_name.as_deref(), Some(pv_name.as_str()));
    let pv = c.volume(&pv_name).unwrap();
    assert_eq!(pv.spec.reclaim_policy(), ReclaimPolicy::Delete);
    let reasons: Vec<&str> = c.events().map(|e| e.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "ExternalProvisioning",
            "Provisioning",
            "ProvisioningSucceeded"
        ]
    );
    c.delete(
        Kind::PersistentVolumeClaim,
        "default",
        "data",
        DeleteOptions::default(),
    )
    .unwrap();
    assert!(c.volume(&pv_name).is_none());
}

#[test]
fn emptydir_survives_crash_but_not_pod_deletion_and_undo_restores() {
    let mut sim = Simulation::new(Cluster::default());
    let deploy = obj(
        json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"story"},
        "spec":{"replicas":1,"selector":{"matchLabels":{"app":"story"}},"template":{"metadata":{"labels":{"app":"story"}},
        "spec":{"containers":[{"name":"story","image":"academind/kub-data-demo","volumeMounts":[{"mountPath":"/app/story","name":"story-volume"}]}],
        "volumes":[{"name":"story-volume","emptyDir":{}}]}}}}),
    );
    sim.act("apply", |c| c.apply(deploy)).unwrap();
    let t = Target::Deployment("story".into());
    sim.act("write", |c| c.write_story("default", &t, None, "one"))
        .unwrap();
    sim.act("crash", |c| c.crash("default", &t, None)).unwrap();
    let read = |sim: &Simulation| -> Vec<String> {
        sim.cluster()
            .read_stories("default", &t, None)
            .map(|v| v.into_iter().map(|s| s.text).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        read(&sim),
        vec!["one"],
        "emptyDir survives a container crash"
    );
    let pod = sim.cluster().pods().next().unwrap().metadata.name.clone();
    assert_eq!(
        sim.cluster()
            .pods()
            .next()
            .unwrap()
            .status
            .container_statuses[0]
            .restart_count,
        1
    );
    let before = sim.cluster().clone();
    sim.act("delete", |c| {
        c.delete(Kind::Pod, "default", &pod, DeleteOptions::default())
    })
    .unwrap();
    let new_pod = sim.cluster().pods().next().unwrap().metadata.name.clone();
    assert_ne!(new_pod, pod, "a Deployment replacement gets a new name");
    assert_eq!(
        read(&sim),
        Vec::<String>::new(),
        "emptyDir is lost with the pod"
    );
    assert_eq!(sim.undo().as_deref(), Some("delete"));
    assert!(
        sim.cluster() == &before,
        "undo restores exactly the earlier state"
    );
}
