//! Property tests over random event sequences: stories only appear where they were written,
//! no PV is bound to two claims, bindings point both ways, undo restores the exact state, and
//! the controllers always settle.

use kubestory::sim::data::FsId;
use kubestory::sim::objects::*;
use kubestory::sim::*;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
enum Step {
    Pv {
        i: u8,
        gi: u8,
        rwx: bool,
        class: u8,
        delete: bool,
    },
    Claim {
        i: u8,
        gi: u8,
        rwx: bool,
        class: u8,
    },
    PodWithClaim {
        i: u8,
        claim: u8,
    },
    PodWithVolume {
        i: u8,
        kind: u8,
    },
    Deploy {
        replicas: u8,
        kind: u8,
    },
    DeleteClaim(u8),
    DeletePod(u8),
    DeletePv(u8),
    ClearClaimRef(u8),
    Write {
        pod: u8,
        text: u8,
    },
    WriteDeploy(u8),
    Crash(u8),
    Fail(u8),
    Recover(u8),
    Reboot(u8),
    Cordon(u8, bool),
    Scale(u8),
    Wait(u16),
}

const CLASSES: [Option<&str>; 3] = [None, Some(""), Some("manual")];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..4u8, 1..5u8, any::<bool>(), 0..3u8, any::<bool>()).prop_map(
            |(i, gi, rwx, class, delete)| Step::Pv {
                i,
                gi,
                rwx,
                class,
                delete
            }
        ),
        (0..4u8, 1..5u8, any::<bool>(), 0..3u8).prop_map(|(i, gi, rwx, class)| Step::Claim {
            i,
            gi,
            rwx,
            class
        }),
        (0..4u8, 0..4u8).prop_map(|(i, claim)| Step::PodWithClaim { i, claim }),
        (0..4u8, 0..4u8).prop_map(|(i, kind)| Step::PodWithVolume { i, kind }),
        (0..3u8, 0..3u8).prop_map(|(replicas, kind)| Step::Deploy { replicas, kind }),
        (0..4u8).prop_map(Step::DeleteClaim),
        (0..4u8).prop_map(Step::DeletePod),
        (0..4u8).prop_map(Step::DeletePv),
        (0..4u8).prop_map(Step::ClearClaimRef),
        (0..4u8, any::<u8>()).prop_map(|(pod, text)| Step::Write { pod, text }),
        any::<u8>().prop_map(Step::WriteDeploy),
        (0..4u8).prop_map(Step::Crash),
        (0..2u8).prop_map(Step::Fail),
        (0..2u8).prop_map(Step::Recover),
        (0..2u8).prop_map(Step::Reboot),
        (0..2u8, any::<bool>()).prop_map(|(n, on)| Step::Cordon(n, on)),
        (0..4u8).prop_map(Step::Scale),
        (0..900u16).prop_map(Step::Wait),
    ]
}

fn obj(v: serde_json::Value) -> Object {
    Object::from_value(v).expect("valid")
}

fn volume_for(kind: u8) -> serde_json::Value {
    match kind {
        0 => json!({"name":"data","emptyDir":{}}),
        1 => json!({"name":"data","emptyDir":{"medium":"Memory"}}),
        2 => json!({"name":"data","hostPath":{"path":"/data/shared","type":"DirectoryOrCreate"}}),
        _ => json!({"name":"data","persistentVolumeClaim":{"claimName":"c0"}}),
    }
}

fn pod_spec(volume: serde_json::Value) -> serde_json::Value {
    json!({"containers":[{"name":"app","image":"story","volumeMounts":[{"name":"data","mountPath":"/app/story"}]}],"volumes":[volume]})
}

const NODES: [&str; 2] = ["minikube", "minikube-m02"];

/// Applies one step; errors are fine (they are learner mistakes), panics are not.
fn run(c: &mut Cluster, s: &Step) -> Result<Option<(u64, FsId)>, String> {
    match *s {
        Step::Write { pod, text } => write(c, Target::Pod(format!("p{pod}")), format!("t{text}")),
        Step::WriteDeploy(text) => write(c, Target::Deployment("d".into()), format!("d{text}")),
        _ => run_inner(c, s).map(|_| None),
    }
}

fn write(c: &mut Cluster, target: Target, text: String) -> Result<Option<(u64, FsId)>, String> {
    c.write_story("default", &target, None, &text)
        .map(|w| Some((w.story.id, w.fs)))
        .map_err(|e| e.to_string())
}

fn run_inner(c: &mut Cluster, s: &Step) -> Result<(), String> {
    let e = |x: SimError| x.to_string();
    let a = |x: ApiError| x.to_string();
    match *s {
        Step::Pv {
            i,
            gi,
            rwx,
            class,
            delete,
        } => {
            let mut v = json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":format!("pv{i}")},
                "spec":{"capacity":{"storage":format!("{gi}Gi")},"accessModes":[if rwx {"ReadWriteMany"} else {"ReadWriteOnce"}],
                "persistentVolumeReclaimPolicy": if delete {"Delete"} else {"Retain"},
                "hostPath":{"path":format!("/mnt/pv{i}")}}});
            if let Some(cl) = CLASSES[class as usize] {
                v["spec"]["storageClassName"] = json!(cl);
            }
            c.apply(obj(v)).map(|_| ()).map_err(a)
        }
        Step::Claim { i, gi, rwx, class } => {
            let mut v = json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":format!("c{i}")},
                "spec":{"accessModes":[if rwx {"ReadWriteMany"} else {"ReadWriteOnce"}],"resources":{"requests":{"storage":format!("{gi}Gi")}}}});
            if let Some(cl) = CLASSES[class as usize] {
                v["spec"]["storageClassName"] = json!(cl);
            }
            c.apply(obj(v)).map(|_| ()).map_err(a)
        }
        Step::PodWithClaim { i, claim } => {
            let v = json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":format!("p{i}")},
                "spec":pod_spec(json!({"name":"data","persistentVolumeClaim":{"claimName":format!("c{claim}")}}))});
            c.apply(obj(v)).map(|_| ()).map_err(a)
        }
        Step::PodWithVolume { i, kind } => {
            let v = json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":format!("p{i}")},"spec":pod_spec(volume_for(kind))});
            c.apply(obj(v)).map(|_| ()).map_err(a)
        }
        Step::Deploy { replicas, kind } => {
            let v = json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
                "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":"d"}},
                "template":{"metadata":{"labels":{"app":"d"}},"spec":pod_spec(volume_for(kind))}}});
            c.apply(obj(v)).map(|_| ()).map_err(a)
        }
        Step::DeleteClaim(i) => c
            .delete(
                Kind::PersistentVolumeClaim,
                "default",
                &format!("c{i}"),
                DeleteOptions::default(),
            )
            .map(|_| ())
            .map_err(a),
        Step::DeletePod(i) => c
            .delete(
                Kind::Pod,
                "default",
                &format!("p{i}"),
                DeleteOptions::default(),
            )
            .map(|_| ())
            .map_err(a),
        Step::DeletePv(i) => c
            .delete(
                Kind::PersistentVolume,
                "",
                &format!("pv{i}"),
                DeleteOptions::default(),
            )
            .map(|_| ())
            .map_err(a),
        Step::ClearClaimRef(i) => {
            let Some(mut v) = c.volume(&format!("pv{i}")).cloned() else {
                return Err("no pv".into());
            };
            v.spec.claim_ref = None;
            c.replace(Object::PersistentVolume(v))
                .map(|_| ())
                .map_err(a)
        }
        Step::Write { .. } | Step::WriteDeploy(_) => unreachable!("handled by step_result"),
        Step::Crash(pod) => c
            .crash("default", &Target::Pod(format!("p{pod}")), None)
            .map(|_| ())
            .map_err(e),
        Step::Fail(n) => c.fail_node(NODES[n as usize]).map_err(e),
        Step::Recover(n) => c.recover_node(NODES[n as usize]).map_err(e),
        Step::Reboot(n) => c.reboot_node(NODES[n as usize]).map_err(e),
        Step::Cordon(n, on) => c.cordon(NODES[n as usize], on).map(|_| ()).map_err(a),
        Step::Scale(r) => c
            .scale(Kind::Deployment, "default", "d", r as i32)
            .map(|_| ())
            .map_err(a),
        Step::Wait(secs) => {
            c.advance(secs as u64);
            Ok(())
        }
    }
}

fn check_invariants(c: &Cluster, written: &BTreeMap<u64, FsId>) -> Result<(), TestCaseError> {
    // Stories are only where they were written, and only ones that were written.
    for (fs, f) in &c.data().filesystems {
        for s in f.stories() {
            prop_assert_eq!(&s.origin, fs, "story {} moved", s.id);
            prop_assert_eq!(
                written.get(&s.id),
                Some(fs),
                "story {} was not written to {:?}",
                s.id,
                fs
            );
        }
    }
    // Bindings point both ways, and no PV serves two claims.
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    for claim in c.claims() {
        if claim.status.phase != Some(ClaimPhase::Bound) {
            continue;
        }
        let pv_name = claim
            .spec
            .volume_name()
            .expect("a Bound claim names its PV")
            .to_string();
        let pv = c.volume(&pv_name).expect("a Bound claim's PV exists");
        let r = pv.spec.claim_ref.as_ref().expect("the PV points back");
        prop_assert_eq!(r.name_str(), claim.metadata.name.as_str());
        prop_assert_eq!(r.uid_str(), claim.metadata.uid.as_str());
        prop_assert_eq!(pv.status.phase, Some(VolumePhase::Bound));
        let who = format!(
            "{}/{}",
            claim.metadata.namespace_or_default(),
            claim.metadata.name
        );
        prop_assert!(
            owners.insert(pv_name.clone(), who).is_none(),
            "PV {} bound to two claims",
            pv_name
        );
    }
    // What every running pod serves was written to the filesystem its mount resolves to.
    for p in c.pods() {
        let Some(container) = p.spec.containers.first() else {
            continue;
        };
        if let Ok(stories) = c.visible_stories(p, container) {
            for s in stories {
                prop_assert_eq!(written.get(&s.id), Some(&s.origin));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_keep_the_invariants(steps in prop::collection::vec(step(), 1..40), two in any::<bool>()) {
        let config = ClusterConfig {
            profile: Default::default(),
            zones: 3,
            addons: Vec::new(),
            nodes: ClusterConfig::minikube_node_names(if two { 2 } else { 1 }),
            default_storage_class: true,
            seed: 7,
            control_plane: Some("minikube".into()),
        };
        let mut sim = Simulation::new(Cluster::new(config));
        let mut written: BTreeMap<u64, FsId> = BTreeMap::new();
        for s in &steps {
            let before = sim.cluster().clone();
            let result = sim.act(format!("{s:?}"), |c| run(c, s));
            if let Ok(Some((id, fs))) = &result {
                written.insert(*id, fs.clone());
            }
            check_invariants(sim.cluster(), &written)?;
            if result.is_err() {
                prop_assert!(sim.cluster() == &before, "a failed action changed the state");
            } else if sim.cluster() != &before {
                let after = sim.cluster().clone();
                let mut undone = sim.clone();
                undone.undo();
                prop_assert!(undone.cluster() == &before, "undo did not restore the state before {:?}", s);
                prop_assert!(sim.cluster() == &after);
            }
        }
    }

    #[test]
    fn the_same_script_gives_the_same_cluster(steps in prop::collection::vec(step(), 1..25)) {
        let mut a = Cluster::default();
        let mut b = Cluster::default();
        for s in &steps {
            let _ = run(&mut a, s);
            let _ = run(&mut b, s);
        }
        prop_assert!(a == b, "the simulator is deterministic");
    }
}
