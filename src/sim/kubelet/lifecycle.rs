//! Starting pods (mount, then containers with fresh layers) and finishing their deletion.

use super::super::Cluster;
use super::super::cluster::{NsName, involved};
use super::super::data::FsId;
use super::super::events::EventType;
use super::super::objects::*;
use super::status::{pod_started, refresh_pod_phase, set_status};
use super::{KUBELET, image_digest};

impl Cluster {
    /// One pass of every kubelet whose machine is up.
    pub(crate) fn run_kubelets(&mut self) {
        // Without the API server a kubelet keeps restarting the containers it runs, but it
        // cannot delete a pod object or fetch what a new pod needs (its volumes' objects).
        let api = self.api_reachable();
        let keys: Vec<NsName> = self.pods.keys().cloned().collect();
        for k in keys {
            // Decide on the stored pod first: a settled, running pod (the common case, every
            // round) is not copied at all.
            let Some(stored) = self.pods.get(&k) else {
                continue;
            };
            let Some(node) = stored
                .spec
                .node_name
                .as_ref()
                .and_then(|n| self.nodes.get(n))
            else {
                continue;
            };
            if !node.is_up() {
                continue;
            }
            let idle = stored.metadata.deletion_timestamp.is_none()
                && pod_started(stored)
                && !stored.status.container_statuses.iter().any(in_backoff);
            if idle {
                continue;
            }
            if !api && (stored.metadata.deletion_timestamp.is_some() || !pod_started(stored)) {
                continue;
            }
            let pod = stored.clone();
            if pod.metadata.deletion_timestamp.is_some() {
                self.finish_pod_deletion(&k, "pod deleted");
            } else if !pod_started(&pod) {
                self.try_start_pod(pod);
            } else {
                self.restart_after_backoff(pod);
            }
        }
    }

    /// Removes a pod object whose deletion was requested, destroying its emptyDirs and
    /// container layers (W-VOL: emptyDir is deleted when the pod is removed from the node).
    pub(crate) fn finish_pod_deletion(&mut self, k: &NsName, cause: &str) {
        let Some(pod) = self.pods.get(k).cloned() else {
            return;
        };
        let who = involved("Pod", &pod.metadata);
        for c in &pod.status.container_statuses {
            if c.state.running.is_some() {
                self.record(
                    who.clone(),
                    EventType::Normal,
                    "Killing",
                    format!("Stopping container {}", c.name),
                    KUBELET,
                );
            }
        }
        self.destroy_pod_storage(&pod, cause);
        self.pods.remove(k);
        self.assumed.remove(&pod.metadata.uid);
        self.resource_version += 1;
    }

    /// Destroys the storage that lives and dies with a pod.
    pub(crate) fn destroy_pod_storage(&mut self, pod: &Pod, cause: &str) {
        let uid = pod.metadata.uid.clone();
        // The pod's logs go with it (`kubectl logs` needs the pod).
        self.data.logs.forget_pod(&uid);
        let name = pod.metadata.name.clone();
        let doomed: Vec<FsId> = self
            .data
            .filesystems
            .keys()
            .filter(|fs| match fs {
                FsId::ContainerLayer { pod_uid, .. }
                | FsId::EmptyDir { pod_uid, .. }
                | FsId::Tmpfs { pod_uid, .. } => *pod_uid == uid,
                _ => false,
            })
            .cloned()
            .collect();
        for fs in doomed {
            let why = match &fs {
                FsId::ContainerLayer { container, .. } => format!(
                    "{cause} ({name}): container {container:?}'s own filesystem goes with its container"
                ),
                FsId::Tmpfs { volume, .. } | FsId::EmptyDir { volume, .. } => {
                    format!(
                        "{cause} ({name}): emptyDir {volume:?} lives exactly as long as its pod"
                    )
                }
                _ => cause.to_string(),
            };
            let now = self.now;
            self.data.destroy(&fs, why, now);
        }
    }

    /// Mounts every volume and starts the containers, or reports why it cannot yet.
    pub(super) fn try_start_pod(&mut self, mut pod: Pod) {
        let node_name = pod.spec.node_name.clone().unwrap_or_default();
        // The kubelet reports the node's address (and the start time) as soon as it takes
        // the pod, before mounting: a pod stuck in ContainerCreating shows
        // `Node: minikube-m02/192.168.49.3` in `kubectl describe pod`.
        if pod.status.host_ip.is_none() {
            pod.status.host_ip = self.nodes.get(&node_name).and_then(|n| {
                n.status
                    .addresses
                    .iter()
                    .find(|a| a.type_ == "InternalIP")
                    .map(|a| a.address.clone())
            });
            pod.status.start_time = Some(self.now);
        }
        if let Err((reason, message)) = self.mount_volumes(&pod, &node_name) {
            let who = involved("Pod", &pod.metadata);
            self.record(who, EventType::Warning, reason, message, KUBELET);
            self.wait_in_container_creating(pod);
            return;
        }
        // A block volume the attach/detach controller has not attached here (yet): the kubelet
        // waits without an event of its own (see `crate::sim::attach_detach`, "The kubelet
        // waits for the attachment in silence").
        if self.unattached_volume(&pod, &node_name).is_some() {
            self.wait_in_container_creating(pod);
            return;
        }
        self.set_up_volume_ownership(&pod);
        if pod.status.pod_ip.is_none() {
            pod.status.pod_ip = Some(self.next_pod_ip(&node_name));
        }
        let containers = pod.spec.containers.clone();
        for c in &containers {
            self.start_container(&mut pod, c);
        }
        self.put_pod(pod);
    }

    /// The pod stays `ContainerCreating` until its volumes are ready.
    fn wait_in_container_creating(&mut self, mut pod: Pod) {
        for c in pod.spec.containers.clone() {
            set_status(&mut pod, &c, |s| {
                s.state = ContainerState::waiting("ContainerCreating", None)
            });
        }
        self.put_pod(pod);
    }

    /// Starts (or restarts) one container with a fresh writable layer.
    pub(super) fn start_container(&mut self, pod: &mut Pod, c: &Container) {
        let who = involved("Pod", &pod.metadata);
        let mut restart_count = 0;
        set_status(pod, c, |s| restart_count = s.restart_count);
        let layer = FsId::ContainerLayer {
            pod_uid: pod.metadata.uid.clone(),
            container: c.name.clone(),
            instance: restart_count,
        };
        self.data.ensure(&layer);
        let dir = crate::sim::app::data_dir(&pod.metadata, c);
        if let Ok(resolved) = self.resolve_container_path(pod, c, &dir) {
            let missing = !self.data.ensure(&resolved.fs).is_dir(&resolved.path);
            // The app makes its data directory when it is missing, as its user: only where
            // that user may create it, and then it is theirs.
            let who = crate::sim::permissions::identity(pod, c);
            if !resolved.read_only
                && missing
                && self
                    .data
                    .write_denied(&resolved.fs, &resolved.path, &who)
                    .is_none()
            {
                self.data.ensure(&resolved.fs).mkdir_p(&resolved.path);
                if who.uid != 0 || who.gid != 0 {
                    let owner = crate::sim::permissions::Perm {
                        uid: who.uid,
                        gid: who.gid,
                        mode: 0o755,
                    };
                    self.data.set_perm(&resolved.fs, &resolved.path, owner);
                }
            }
        }
        self.record(
            who.clone(),
            EventType::Normal,
            "Pulled",
            format!("Container image {:?} already present on machine", c.image),
            KUBELET,
        );
        self.record(
            who.clone(),
            EventType::Normal,
            "Created",
            format!("Created container: {}", c.name),
            KUBELET,
        );
        self.record(
            who,
            EventType::Normal,
            "Started",
            format!("Started container {}", c.name),
            KUBELET,
        );
        let now = self.now;
        let container_id = format!(
            "docker://{:016x}{:016x}{:016x}{:016x}",
            self.rng.next_u64(),
            self.rng.next_u64(),
            self.rng.next_u64(),
            self.rng.next_u64()
        );
        let digest = crate::sim::names::pod_template_hash(&c.image, 0);
        let image_id = format!(
            "docker-pullable://{}@sha256:{}",
            c.image.split(':').next().unwrap_or(&c.image),
            image_digest(&c.image, &digest)
        );
        set_status(pod, c, |s| {
            s.container_id = Some(container_id);
            s.image_id = image_id;
            s.state = ContainerState::running(now);
            s.ready = true;
            s.started = true;
        });
        refresh_pod_phase(pod, now);
        self.log_app_start(pod, c);
    }

    pub(super) fn next_pod_ip(&mut self, node: &str) -> String {
        let index = self
            .config
            .nodes
            .iter()
            .position(|n| n == node)
            .unwrap_or(0);
        let seq = self.pod_ip_seq.get(node).copied().unwrap_or(2);
        self.pod_ip_seq.insert(node.to_string(), seq + 1);
        self.config.profile.pod_ip(index, seq)
    }
}

/// Whether a container waits in CrashLoopBackOff (the only state in which a started pod has
/// work for its kubelet: [`Cluster::restart_after_backoff`]).
fn in_backoff(status: &ContainerStatus) -> bool {
    status
        .state
        .waiting
        .as_ref()
        .is_some_and(|w| w.reason == "CrashLoopBackOff")
}
