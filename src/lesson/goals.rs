//! Goal evaluation: a pure function of the cluster (and of where the step started, for the
//! checks about what happened "since the step started").

use super::model::Check;
use crate::sim::data::FsId;
use crate::sim::objects::{Pod, PodPhase};
use crate::sim::{Cluster, Kind, Target};
use std::collections::BTreeMap;

/// Where a step started: what "since the step started" counts from, so that a goal holds
/// only because of what happened after the step began (issue 10: goals mean what they say).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepStart {
    /// The highest event sequence number recorded before the step (`None` when there was no
    /// event yet: the first event of a cluster has number 0, so 0 cannot mean "none").
    pub last_event_seq: Option<u64>,
    /// How many data losses were recorded before the step.
    pub losses: usize,
    /// Every pod that existed when the step began (by uid), with its containers' restarts
    /// then: what `new_pod` and `since_start` compare with.
    pub pods: BTreeMap<String, u32>,
}

impl StepStart {
    /// Marks the cluster as it is now as a step's start.
    pub fn of(cluster: &Cluster) -> StepStart {
        StepStart {
            last_event_seq: cluster.events().map(|e| e.seq).max(),
            losses: cluster.data().losses.len(),
            pods: cluster
                .pods()
                .map(|p| (p.metadata.uid.clone(), restarts(p)))
                .collect(),
        }
    }

    /// Whether the pod did not exist when the step began.
    fn is_new(&self, pod: &Pod) -> bool {
        !self.pods.contains_key(&pod.metadata.uid)
    }
}

/// A pod's container restarts, all containers together (the RESTARTS column).
fn restarts(pod: &Pod) -> u32 {
    pod.status
        .container_statuses
        .iter()
        .map(|s| s.restart_count)
        .sum()
}

/// Whether a check holds on the cluster.
pub fn check_met(check: &Check, cluster: &Cluster, start: &StepStart) -> bool {
    match check {
        Check::Running {
            target,
            node,
            new_pod,
            namespace,
        } => serving_pod(cluster, target, namespace.as_deref()).is_some_and(|pod| {
            pod.status.phase == PodPhase::Running
                && pod.metadata.deletion_timestamp.is_none()
                && (!new_pod || start.is_new(pod))
                && node
                    .as_ref()
                    .is_none_or(|n| pod.spec.node_name.as_deref() == Some(n.as_str()))
        }),
        Check::Restarts {
            target,
            at_least,
            since_start,
            new_pod,
            namespace,
        } => serving_pod(cluster, target, namespace.as_deref()).is_some_and(|pod| {
            let before = match since_start {
                true => start.pods.get(&pod.metadata.uid).copied().unwrap_or(0),
                false => 0,
            };
            (!new_pod || start.is_new(pod)) && restarts(pod).saturating_sub(before) >= *at_least
        }),
        Check::Serves {
            target,
            stories,
            exactly,
            count,
            new_pod,
            after_restart,
            from_other_node,
            namespace,
        } => {
            let Ok(parsed) = Target::parse(target) else {
                return false;
            };
            let ns = namespace.as_deref().unwrap_or("default");
            let Ok(served) = cluster.read_stories(ns, &parsed, None) else {
                return false;
            };
            let texts: Vec<&str> = served.iter().map(|s| s.text.as_str()).collect();
            let listed = if *exactly {
                texts == stories.iter().map(String::as_str).collect::<Vec<_>>()
            } else {
                stories.iter().all(|s| texts.contains(&s.as_str()))
            };
            if !(listed && count.is_none_or(|n| texts.len() == n)) {
                return false;
            }
            if !*new_pod && !*after_restart && !*from_other_node {
                return true;
            }
            let Some(pod) = serving_pod(cluster, target, namespace.as_deref()) else {
                return false;
            };
            if *new_pod && !start.is_new(pod) {
                return false;
            }
            (!*after_restart || kept_through_restart(cluster, start, pod, &served, stories))
                && (!*from_other_node || written_elsewhere(cluster, ns, pod, &served, stories))
        }
        Check::ClaimPhase {
            claim,
            phase,
            namespace,
        } => cluster
            .claim(namespace.as_deref().unwrap_or("default"), claim)
            .is_some_and(|c| c.status.phase.map(|p| p.as_str()).unwrap_or("Pending") == phase),
        Check::ClaimBoundTo {
            claim,
            volume,
            namespace,
        } => cluster
            .claim(namespace.as_deref().unwrap_or("default"), claim)
            .is_some_and(|c| {
                c.status.phase.map(|p| p.as_str()) == Some("Bound")
                    && c.spec.volume_name.as_deref() == Some(volume.as_str())
            }),
        Check::ClaimClass {
            claim,
            class,
            namespace,
        } => cluster
            .claim(namespace.as_deref().unwrap_or("default"), claim)
            .is_some_and(|c| c.spec.storage_class_name.as_deref() == Some(class.as_str())),
        Check::ClaimCapacity {
            claim,
            capacity,
            namespace,
        } => {
            let Ok(want) = crate::sim::Quantity::parse(capacity) else {
                return false;
            };
            cluster
                .claim(namespace.as_deref().unwrap_or("default"), claim)
                .and_then(|c| c.status.capacity.get("storage").cloned())
                .is_some_and(|got| got == want)
        }
        Check::Terminating {
            kind,
            name,
            namespace,
        } => match Kind::from_resource(kind) {
            Some(Kind::Node) | None => false,
            Some(k) => cluster
                .get_object(k, namespace.as_deref().unwrap_or("default"), name)
                .is_some_and(|o| o.metadata().deletion_timestamp.is_some()),
        },
        Check::VolumePhase { volume, phase } => cluster
            .volume(volume)
            .is_some_and(|v| v.status.phase.map(|p| p.as_str()).unwrap_or("Pending") == phase),
        Check::ReclaimPolicy { volume, policy } => cluster
            .volume(volume)
            .is_some_and(|v| v.spec.reclaim_policy().as_str() == policy),
        Check::Exists {
            kind,
            name,
            namespace,
        } => object_exists(cluster, kind, name, namespace.as_deref()),
        Check::Absent {
            kind,
            name,
            namespace,
        } => !object_exists(cluster, kind, name, namespace.as_deref()),
        Check::Event { reason } => cluster
            .events()
            .any(|e| start.last_event_seq.is_none_or(|s| e.seq > s) && &e.reason == reason),
        Check::StoriesLost { at_least } => {
            let lost: usize = cluster
                .data()
                .losses
                .iter()
                .skip(start.losses)
                .map(|l| l.stories.len())
                .sum();
            lost >= *at_least
        }
        Check::NodeReady { node, ready } => {
            cluster.node(node).is_some_and(|n| n.is_ready() == *ready)
        }
    }
}

/// Whether every check holds.
pub fn all_met<'a>(
    checks: impl IntoIterator<Item = &'a Check>,
    cluster: &Cluster,
    start: &StepStart,
) -> bool {
    checks.into_iter().all(|c| check_met(c, cluster, start))
}

/// Each goal of a step with whether it holds now: what the UI's checklist draws.
pub fn step_goals<'s>(
    step: &'s super::model::Step,
    cluster: &Cluster,
    start: &StepStart,
) -> Vec<(&'s super::model::Goal, bool)> {
    step.goals
        .iter()
        .map(|g| (g, check_met(&g.check, cluster, start)))
        .collect()
}

/// Whether the stories named (every story served, when none is named) were written before a
/// restart of `pod`'s containers that came after the step began. A restart throws the old
/// container layer away, which the data store records as a loss (even of nothing) together
/// with the next story id then; an older story has a smaller id.
fn kept_through_restart(
    cluster: &Cluster,
    start: &StepStart,
    pod: &Pod,
    served: &[crate::sim::data::Story],
    named: &[String],
) -> bool {
    let Some(last_restart) = cluster
        .data()
        .losses
        .iter()
        .skip(start.losses)
        .filter(|l| matches!(&l.fs, FsId::ContainerLayer { pod_uid, .. } if *pod_uid == pod.metadata.uid))
        .map(|l| l.next_story)
        .max()
    else {
        return false;
    };
    if named.is_empty() {
        return served.iter().all(|s| s.id < last_restart);
    }
    // Each named story has a copy written before the restart: writing the same text again
    // afterwards (a learner retrying) must not undo what the restart already showed (issue
    // 10, from a learner's trial: the goal never ticked after a second write and crash).
    named
        .iter()
        .all(|n| served.iter().any(|s| &s.text == n && s.id < last_restart))
}

/// Whether the stories named (every story served, when none is named) were written through a
/// pod on another node than `pod`'s.
fn written_elsewhere(
    cluster: &Cluster,
    ns: &str,
    pod: &Pod,
    served: &[crate::sim::data::Story],
    named: &[String],
) -> bool {
    let Some(here) = pod.spec.node_name.as_deref() else {
        return false;
    };
    let mut stories = served
        .iter()
        .filter(|s| named.is_empty() || named.contains(&s.text))
        .peekable();
    stories.peek().is_some()
        && stories.all(|s| writer_node(cluster, ns, &s.writer).is_some_and(|n| n != here))
}

/// The node of the pod named `writer`: its own while it exists, else the node its last
/// `Scheduled` event assigned ("Successfully assigned NS/NAME to NODE").
fn writer_node(cluster: &Cluster, ns: &str, writer: &str) -> Option<String> {
    if let Some(p) = cluster.pod(ns, writer) {
        return p.spec.node_name.clone();
    }
    cluster
        .events()
        .filter(|e| e.reason == "Scheduled" && e.object.kind == "Pod" && e.object.name == writer)
        .max_by_key(|e| e.seq)
        .and_then(|e| e.message.rsplit_once(" to ").map(|(_, n)| n.to_string()))
}

/// The pod that `story read TARGET` would ask.
fn serving_pod<'c>(
    cluster: &'c Cluster,
    target: &str,
    namespace: Option<&str>,
) -> Option<&'c crate::sim::objects::Pod> {
    let parsed = Target::parse(target).ok()?;
    let ns = namespace.unwrap_or("default");
    let name = cluster.resolve_target(ns, &parsed).ok()?;
    cluster.pod(ns, &name)
}

fn object_exists(cluster: &Cluster, kind: &str, name: &str, namespace: Option<&str>) -> bool {
    match Kind::from_resource(kind) {
        Some(Kind::Node) => cluster.node(name).is_some(),
        Some(k) => cluster
            .get_object(k, namespace.unwrap_or("default"), name)
            .is_some(),
        None => false,
    }
}

/// The objects a check names, as (kind as written, name), for the "never exists" lint.
pub fn named_objects(check: &Check) -> Vec<(String, String)> {
    let workload = |t: &str| -> Vec<(String, String)> {
        match Target::parse(t) {
            Ok(Target::Pod(n)) => vec![("pod".into(), n)],
            Ok(Target::Deployment(n)) => vec![("deployment".into(), n)],
            Ok(Target::StatefulSet(n)) => vec![("statefulset".into(), n)],
            Err(_) => Vec::new(),
        }
    };
    match check {
        Check::Running { target, node, .. } => {
            let mut v = workload(target);
            if let Some(n) = node {
                v.push(("node".into(), n.clone()));
            }
            v
        }
        Check::Restarts { target, .. } | Check::Serves { target, .. } => workload(target),
        Check::ClaimPhase { claim, .. }
        | Check::ClaimClass { claim, .. }
        | Check::ClaimCapacity { claim, .. } => vec![("pvc".into(), claim.clone())],
        Check::ClaimBoundTo { claim, volume, .. } => {
            vec![("pvc".into(), claim.clone()), ("pv".into(), volume.clone())]
        }
        Check::Terminating { kind, name, .. } => vec![(kind.clone(), name.clone())],
        Check::VolumePhase { volume, .. } | Check::ReclaimPolicy { volume, .. } => {
            vec![("pv".into(), volume.clone())]
        }
        Check::Exists { kind, name, .. } | Check::Absent { kind, name, .. } => {
            vec![(kind.clone(), name.clone())]
        }
        Check::NodeReady { node, .. } => vec![("node".into(), node.clone())],
        Check::Event { .. } | Check::StoriesLost { .. } => Vec::new(),
    }
}

/// Normalises a kind as written (`pvc`, `PersistentVolumeClaim`) to one spelling.
pub fn canonical_kind(kind: &str) -> String {
    match Kind::from_resource(kind) {
        Some(k) => format!("{k:?}"),
        None => kind.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{ClusterConfig, Object};

    /// The first event of a cluster has sequence number 0; a step that starts before any event
    /// must still see it (a lesson author found `event` goals impossible on a quiet cluster).
    #[test]
    fn an_event_goal_sees_the_very_first_event_of_the_cluster() {
        let mut c = Cluster::new(ClusterConfig {
            default_storage_class: false,
            ..ClusterConfig::default()
        });
        assert_eq!(c.events().count(), 0);
        let start = StepStart::of(&c);
        let claim = Object::from_value(serde_json::json!({"apiVersion":"v1","kind":"PersistentVolumeClaim",
            "metadata":{"name":"c"},"spec":{"storageClassName":"manual","accessModes":["ReadWriteOnce"],
            "resources":{"requests":{"storage":"1Gi"}}}}))
        .expect("valid claim");
        c.apply(claim).expect("applies");
        let first = c.events().min_by_key(|e| e.seq).expect("an event").clone();
        assert_eq!(first.seq, 0);
        let check = Check::Event {
            reason: first.reason.clone(),
        };
        assert!(check_met(&check, &c, &start));
        assert!(
            !check_met(&check, &c, &StepStart::of(&c)),
            "not after the step"
        );
    }
}
