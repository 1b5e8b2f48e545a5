//! Node lifecycle (semantics §9.3): a failed machine is noticed after the node-monitor grace
//! period (NotReady/Unknown, `unreachable` taints); its pods are evicted 300 s later (default
//! tolerations, DTS) but never finish terminating while the kubelet is gone, so their block
//! volumes stay attached ([`super::attach_detach`]). Any other NoExecute taint (such as
//! `node.kubernetes.io/out-of-service`) evicts the pods that do not tolerate it at once. A
//! reboot restarts every container.
//!
//! The control-plane node is a node like the others, except that the API server and every
//! controller run on it: while it is down nothing is noticed, marked or evicted (see
//! [`Cluster::api_reachable`]); when it comes back the controller manager starts afresh and
//! times every node from then on, as `tryUpdateNodeHealth` does for a node it has no
//! timestamp for ("Missing timestamp for Node … Assuming now as a timestamp",
//! `pkg/controller/nodelifecycle/node_lifecycle_controller.go`).

use super::Cluster;
use super::cluster::{NsName, involved};
use super::data::FsId;
use super::errors::{ApiError, SimError};
use super::events::EventType;
use super::kubelet::{pod_started, refresh_pod_phase};
use super::objects::*;
use super::{Kind, SimTime};

/// node-monitor-grace-period: how long the control plane waits before marking a silent node
/// unhealthy (kube-controller-manager default in v1.34: 50 s; 40 s before v1.32).
pub const NODE_MONITOR_GRACE_SECS: u64 = 50;
/// Default `tolerationSeconds` of the not-ready/unreachable tolerations (DTS).
pub const EVICTION_TOLERATION_SECS: u64 = 300;
const UNREACHABLE: &str = "node.kubernetes.io/unreachable";
const NODE_CONTROLLER: &str = "node-controller";

impl Cluster {
    fn node_or_err(&self, name: &str) -> Result<Node, SimError> {
        self.nodes
            .get(name)
            .cloned()
            .ok_or_else(|| SimError::Api(ApiError::not_found(Kind::Node, name)))
    }

    /// The machine stops (power failure). Nothing is visible until the grace period passes.
    pub fn fail_node(&mut self, name: &str) -> Result<(), SimError> {
        let mut node = self.node_or_err(name)?;
        if !node.is_up() {
            return Err(SimError::Refused(format!("node {name} is already down")));
        }
        node.machine = MachineState::Down {
            since: self.now,
            back_at: None,
        };
        self.nodes.insert(name.to_string(), node);
        self.resource_version += 1;
        self.settle();
        Ok(())
    }

    /// The machine comes back: the kubelet registers again, finishes pending deletions and
    /// restarts the containers of the pods it still has (their memory was lost).
    pub fn recover_node(&mut self, name: &str) -> Result<(), SimError> {
        let mut node = self.node_or_err(name)?;
        if node.is_up() {
            return Err(SimError::Refused(format!("node {name} is not down")));
        }
        node.machine = MachineState::Up;
        self.nodes.insert(name.to_string(), node);
        self.resource_version += 1;
        self.restart_controllers_on(name);
        self.boot_kubelet(name, "recovered");
        self.settle();
        Ok(())
    }

    /// A reboot: the machine goes down and comes straight back, before the control plane
    /// notices. Containers restart with fresh layers; tmpfs emptyDirs are cleared; disk
    /// emptyDirs and hostPath data stay (semantics §8.2 "node reboot").
    pub fn reboot_node(&mut self, name: &str) -> Result<(), SimError> {
        let node = self.node_or_err(name)?;
        if !node.is_up() {
            return Err(SimError::Refused(format!(
                "node {name} is down; use `node recover {name}`"
            )));
        }
        self.restart_controllers_on(name);
        self.boot_kubelet(name, "rebooted");
        self.settle();
        Ok(())
    }

    /// When `name` is the control-plane node coming back, the controller manager starts
    /// again with no memory of when it last heard from each node or when an eviction was
    /// due: every timer starts from now (`tryUpdateNodeHealth`, `probeTimestamp: nc.now()`).
    /// The kubelets of the nodes that are up post their status again, so a node marked
    /// NotReady before the control plane went down and booted since is Ready.
    fn restart_controllers_on(&mut self, name: &str) {
        if self.config.control_plane.as_deref() != Some(name) {
            return;
        }
        self.controllers_since = self.now;
        // The attach/detach controller's desired state of the world is rebuilt empty: a
        // Multi-Attach error still in the way is reported again.
        self.multi_attach_reported.clear();
        let up: Vec<String> = self
            .nodes
            .values()
            .filter(|n| n.is_up() && n.metadata.name != name)
            .map(|n| n.metadata.name.clone())
            .collect();
        for n in up {
            self.kubelet_posts_ready(&n);
        }
    }

    /// The kubelet's status gets through: a node the controllers had marked NotReady is
    /// Ready again, and the node lifecycle controller lifts its unreachable taints.
    fn kubelet_posts_ready(&mut self, name: &str) {
        let Some(mut node) = self.nodes.get(name).cloned() else {
            return;
        };
        if node.is_ready() {
            return;
        }
        let who = involved("Node", &node.metadata);
        for c in node.status.conditions.iter_mut() {
            let (status, reason, message) = match c.type_.as_str() {
                "Ready" => ("True", "KubeletReady", "kubelet is posting ready status"),
                "MemoryPressure" => (
                    "False",
                    "KubeletHasSufficientMemory",
                    "kubelet has sufficient memory available",
                ),
                "DiskPressure" => (
                    "False",
                    "KubeletHasNoDiskPressure",
                    "kubelet has no disk pressure",
                ),
                _ => (
                    "False",
                    "KubeletHasSufficientPID",
                    "kubelet has sufficient PID available",
                ),
            };
            c.status = status.into();
            c.reason = Some(reason.into());
            c.message = Some(message.into());
            c.last_transition_time = Some(self.now);
        }
        node.spec.taints.retain(|t| t.key != UNREACHABLE);
        self.record(
            who,
            EventType::Normal,
            "NodeReady",
            format!("Node {name} status is now: NodeReady"),
            NODE_CONTROLLER,
        );
        self.put_node(node);
    }

    /// When the controllers can first have seen something that happened at `at`: then, or
    /// when they last started, whichever is later.
    fn seen_from(&self, at: SimTime) -> SimTime {
        at.max(self.controllers_since)
    }

    /// What a kubelet does when its machine boots: every container of every pod it still has
    /// is started again (restart count + 1, fresh writable layer), tmpfs is empty.
    fn boot_kubelet(&mut self, name: &str, how: &str) {
        let Some(node) = self.nodes.get(name) else {
            return;
        };
        let who = involved("Node", &node.metadata);
        // Without an API server the kubelet can post no event and no status (no boot id is
        // drawn for them either, so the state changes only where the cluster does), and it
        // cannot delete pod objects: it finishes that once the API server is back.
        let api = self.api_reachable();
        if api {
            let boot_id = self.rng.uuid();
            self.record(
                who.clone(),
                EventType::Normal,
                "Starting",
                "Starting kubelet.".into(),
                super::kubelet::KUBELET,
            );
            self.record(
                who.clone(),
                EventType::Warning,
                "Rebooted",
                format!("Node {name} has been rebooted, boot id: {boot_id}"),
                super::kubelet::KUBELET,
            );
            self.kubelet_posts_ready(name);
        }
        let on_node: Vec<NsName> = self
            .pods
            .iter()
            .filter(|(_, p)| p.spec.node_name.as_deref() == Some(name))
            .map(|(k, _)| k.clone())
            .collect();
        for k in on_node {
            let Some(mut pod) = self.pods.get(&k).cloned() else {
                continue;
            };
            if pod.metadata.deletion_timestamp.is_some() {
                if !api {
                    continue;
                }
                self.finish_pod_deletion(
                    &k,
                    &format!("node {name} {how} and the kubelet finished deleting the pod"),
                );
                continue;
            }
            // tmpfs does not survive the machine going down.
            for v in pod
                .spec
                .volumes
                .iter()
                .filter(|v| v.empty_dir.as_ref().is_some_and(|e| e.is_memory()))
            {
                let fs = FsId::Tmpfs {
                    pod_uid: pod.metadata.uid.clone(),
                    volume: v.name.clone(),
                };
                let why = format!(
                    "node {name} {how}: emptyDir {:?} has medium: Memory, a tmpfs that does not survive a reboot",
                    v.name
                );
                let now = self.now;
                self.data.destroy(&fs, why, now);
                self.data.ensure(&fs);
            }
            if !pod_started(&pod) {
                continue;
            }
            let pod_who = involved("Pod", &pod.metadata);
            self.record(
                pod_who,
                EventType::Normal,
                "SandboxChanged",
                "Pod sandbox changed, it will be killed and re-created.".into(),
                super::kubelet::KUBELET,
            );
            for c in pod.spec.containers.clone() {
                self.restart_container(
                    &mut pod,
                    &c,
                    &format!("restarted because node {name} {how}"),
                );
            }
            self.put_pod(pod);
        }
    }

    /// The node lifecycle controller and taint-eviction controller, driven by the clock.
    pub(crate) fn run_node_lifecycle(&mut self) {
        let now = self.now;
        let names: Vec<String> = self.nodes.keys().cloned().collect();
        for name in names {
            let Some(mut node) = self.nodes.get(&name).cloned() else {
                continue;
            };
            let MachineState::Down { since, .. } = node.machine else {
                continue;
            };
            let since = self.seen_from(since);
            if node.is_ready() && now.since(since) >= NODE_MONITOR_GRACE_SECS {
                let seen_at = since.plus(NODE_MONITOR_GRACE_SECS);
                for c in node.status.conditions.iter_mut() {
                    c.status = "Unknown".into();
                    c.reason = Some("NodeStatusUnknown".into());
                    c.message = Some("Kubelet stopped posting node status.".into());
                    c.last_transition_time = Some(seen_at);
                }
                for effect in ["NoSchedule", "NoExecute"] {
                    node.spec.taints.push(Taint {
                        key: UNREACHABLE.into(),
                        value: None,
                        effect: effect.into(),
                        time_added: Some(seen_at),
                    });
                }
                let who = involved("Node", &node.metadata);
                self.put_node(node.clone());
                self.record(
                    who,
                    EventType::Normal,
                    "NodeNotReady",
                    format!("Node {name} status is now: NodeNotReady"),
                    NODE_CONTROLLER,
                );
                self.mark_pods_not_ready(&name);
            }
            let tainted_at = node
                .spec
                .taints
                .iter()
                .find(|t| t.key == UNREACHABLE && t.effect == "NoExecute")
                .and_then(|t| t.time_added)
                .map(|at| self.seen_from(at));
            if let Some(at) = tainted_at {
                if now.since(at) >= EVICTION_TOLERATION_SECS {
                    self.evict_pods(&name);
                }
            }
        }
        self.evict_untolerated();
    }

    /// The taint-eviction controller (`pkg/controller/tainteviction/taint_eviction.go`) for
    /// NoExecute taints other than the lifecycle ones above: a pod that does not tolerate one
    /// is evicted at once (a toleration's `tolerationSeconds` is not simulated). This is how
    /// `node.kubernetes.io/out-of-service=…:NoExecute` evicts what still runs on a lost node.
    fn evict_untolerated(&mut self) {
        let names: Vec<String> = self
            .nodes
            .values()
            .filter(|n| {
                n.spec
                    .taints
                    .iter()
                    .any(|t| t.effect == "NoExecute" && t.key != UNREACHABLE)
            })
            .map(|n| n.metadata.name.clone())
            .collect();
        for name in names {
            let Some(node) = self.nodes.get(&name).cloned() else {
                continue;
            };
            let doomed: Vec<String> = self
                .pods
                .values()
                .filter(|p| {
                    p.spec.node_name.as_deref() == Some(name.as_str())
                        && p.metadata.deletion_timestamp.is_none()
                        && node.spec.taints.iter().any(|t| {
                            t.effect == "NoExecute"
                                && t.key != UNREACHABLE
                                && !super::scheduler::tolerates(p, t)
                        })
                })
                .map(|p| p.metadata.uid.clone())
                .collect();
            if !doomed.is_empty() {
                self.evict_pods_where(&name, |p| doomed.contains(&p.metadata.uid));
            }
        }
    }

    fn mark_pods_not_ready(&mut self, node: &str) {
        let pods: Vec<Pod> = self
            .pods
            .values()
            .filter(|p| p.spec.node_name.as_deref() == Some(node))
            .cloned()
            .collect();
        for mut p in pods {
            for s in p.status.container_statuses.iter_mut() {
                s.ready = false;
            }
            refresh_pod_phase(&mut p, self.now);
            self.put_pod(p);
        }
    }

    /// Taint-based eviction: mark every pod on the node for deletion.
    fn evict_pods(&mut self, node: &str) {
        self.evict_pods_where(node, |_| true);
    }

    /// Taint-based eviction of the pods on `node` that `pick` selects.
    fn evict_pods_where(&mut self, node: &str, pick: impl Fn(&Pod) -> bool) {
        let pods: Vec<Pod> = self
            .pods
            .values()
            .filter(|p| {
                p.spec.node_name.as_deref() == Some(node)
                    && p.metadata.deletion_timestamp.is_none()
                    && pick(p)
            })
            .cloned()
            .collect();
        for mut p in pods {
            p.metadata.deletion_timestamp = Some(self.now);
            let who = involved("Pod", &p.metadata);
            let msg = format!(
                "Marking for deletion Pod {}/{}",
                p.metadata.namespace_or_default(),
                p.metadata.name
            );
            self.put_pod(p);
            self.record(
                who,
                EventType::Normal,
                "TaintManagerEviction",
                msg,
                "taint-eviction-controller",
            );
        }
    }

    /// The next time at which a clock-driven transition happens, if any (for `advance`).
    pub(crate) fn next_deadline(&self) -> Option<SimTime> {
        let now = self.now;
        let mut deadlines: Vec<SimTime> = Vec::new();
        // Without a control plane no controller has a deadline; kubelets' back-offs remain.
        let controllers = self.api_reachable();
        for node in self.nodes.values().filter(|_| controllers) {
            if let MachineState::Down { since, .. } = node.machine {
                if node.is_ready() {
                    deadlines.push(self.seen_from(since).plus(NODE_MONITOR_GRACE_SECS));
                }
                for t in node
                    .spec
                    .taints
                    .iter()
                    .filter(|t| t.key == UNREACHABLE && t.effect == "NoExecute")
                {
                    if let Some(at) = t.time_added {
                        if self.pods.values().any(|p| {
                            p.spec.node_name.as_deref() == Some(node.metadata.name.as_str())
                                && p.metadata.deletion_timestamp.is_none()
                        }) {
                            deadlines.push(self.seen_from(at).plus(EVICTION_TOLERATION_SECS));
                        }
                    }
                }
            }
        }
        if controllers {
            deadlines.extend(self.attach_detach_deadlines());
        }
        for p in self.pods.values() {
            for s in &p.status.container_statuses {
                if s.state
                    .waiting
                    .as_ref()
                    .is_some_and(|w| w.reason == "CrashLoopBackOff")
                {
                    let finished = s
                        .last_state
                        .terminated
                        .as_ref()
                        .and_then(|t| t.finished_at)
                        .unwrap_or(now);
                    let window = self
                        .backoffs
                        .get(&(p.metadata.uid.clone(), s.name.clone()))
                        .map(|b| b.window)
                        .unwrap_or(super::kubelet::BACKOFF_INITIAL);
                    deadlines.push(finished.plus(window));
                }
            }
        }
        deadlines.into_iter().filter(|d| *d > now).min()
    }
}
