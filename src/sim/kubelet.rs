//! The simulated kubelet on each node: mounts volumes (hostPath type checks, Multi-Attach),
//! starts containers with fresh writable layers, restarts crashed ones with back-off, and
//! finishes pod deletions, destroying what lives and dies with the pod (semantics §8, §9.1).

use super::Cluster;
use super::cluster::{Attachment, Backoff, NsName, involved};
use super::data::{FsId, normalize};
use super::events::EventType;
use super::location::{Placement, volume_placement};
use super::objects::*;

/// Directories every simulated node has (minikube's node image has these).
pub const STANDARD_NODE_DIRS: &[&str] = &[
    "/data", "/etc", "/home", "/mnt", "/opt", "/tmp", "/usr", "/var", "/var/lib", "/var/log",
];

/// The kubelet's event source.
pub const KUBELET: &str = "kubelet";
/// kubelet back-off: initial window (seconds).
pub const BACKOFF_INITIAL: u64 = 10;
/// kubelet back-off: maximum window (seconds).
pub const BACKOFF_MAX: u64 = 300;

impl Cluster {
    /// One pass of every kubelet whose machine is up.
    pub(crate) fn run_kubelets(&mut self) {
        let keys: Vec<NsName> = self.pods.keys().cloned().collect();
        for k in keys {
            let Some(pod) = self.pods.get(&k).cloned() else {
                continue;
            };
            let Some(node_name) = pod.spec.node_name.clone() else {
                continue;
            };
            let Some(node) = self.nodes.get(&node_name) else {
                continue;
            };
            if !node.is_up() {
                continue;
            }
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
        self.release_attachments();
    }

    /// Destroys the storage that lives and dies with a pod.
    pub(crate) fn destroy_pod_storage(&mut self, pod: &Pod, cause: &str) {
        let uid = pod.metadata.uid.clone();
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
    fn try_start_pod(&mut self, mut pod: Pod) {
        let node_name = pod.spec.node_name.clone().unwrap_or_default();
        if let Err((reason, message)) = self.mount_volumes(&pod, &node_name) {
            let who = involved("Pod", &pod.metadata);
            self.record(who, EventType::Warning, reason, message, KUBELET);
            for c in pod.spec.containers.clone() {
                set_status(&mut pod, &c, |s| {
                    s.state = ContainerState::waiting("ContainerCreating", None)
                });
            }
            self.put_pod(pod);
            return;
        }
        if pod.status.pod_ip.is_none() {
            pod.status.pod_ip = Some(self.next_pod_ip(&node_name));
            pod.status.host_ip = self.nodes.get(&node_name).and_then(|n| {
                n.status
                    .addresses
                    .iter()
                    .find(|a| a.type_ == "InternalIP")
                    .map(|a| a.address.clone())
            });
            pod.status.start_time = Some(self.now);
        }
        let containers = pod.spec.containers.clone();
        for c in &containers {
            self.start_container(&mut pod, c);
        }
        self.put_pod(pod);
    }

    /// Starts (or restarts) one container with a fresh writable layer.
    fn start_container(&mut self, pod: &mut Pod, c: &Container) {
        let who = involved("Pod", &pod.metadata);
        let mut restart_count = 0;
        set_status(pod, c, |s| restart_count = s.restart_count);
        let layer = FsId::ContainerLayer {
            pod_uid: pod.metadata.uid.clone(),
            container: c.name.clone(),
            instance: restart_count,
        };
        self.data.ensure(&layer);
        let dir = super::app::data_dir(&pod.metadata, c);
        if let Ok(resolved) = self.resolve_container_path(pod, c, &dir) {
            if !resolved.read_only {
                self.data.ensure(&resolved.fs).mkdir_p(&resolved.path);
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
    }

    /// Restarts containers whose crash-loop back-off has passed.
    fn restart_after_backoff(&mut self, mut pod: Pod) {
        let now = self.now;
        let mut changed = false;
        for c in pod.spec.containers.clone() {
            let Some(status) = pod
                .status
                .container_statuses
                .iter()
                .find(|s| s.name == c.name)
            else {
                continue;
            };
            let in_backoff = status
                .state
                .waiting
                .as_ref()
                .is_some_and(|w| w.reason == "CrashLoopBackOff");
            if !in_backoff {
                continue;
            }
            let finished = status
                .last_state
                .terminated
                .as_ref()
                .and_then(|t| t.finished_at)
                .unwrap_or(now);
            let key = (pod.metadata.uid.clone(), c.name.clone());
            let window = self
                .backoffs
                .get(&key)
                .map(|b| b.window)
                .unwrap_or(BACKOFF_INITIAL);
            if now.since(finished) >= window {
                self.next_backoff(&key, now);
                self.restart_container(&mut pod, &c, "restarted after a crash");
                changed = true;
            }
        }
        if changed {
            self.put_pod(pod);
        }
    }

    /// client-go `Backoff.Next`: start at 10 s, double up to 300 s; reset when the last update
    /// is more than twice the maximum ago.
    fn next_backoff(&mut self, key: &(String, String), at: super::SimTime) {
        let window = match self.backoffs.get(key) {
            Some(b) if at.since(b.last_update) <= 2 * BACKOFF_MAX => {
                (b.window * 2).min(BACKOFF_MAX)
            }
            _ => BACKOFF_INITIAL,
        };
        self.backoffs.insert(
            key.clone(),
            Backoff {
                window,
                last_update: at,
            },
        );
    }

    /// Throws away a container's writable layer and starts it again (restart count + 1).
    pub(crate) fn restart_container(&mut self, pod: &mut Pod, c: &Container, cause: &str) {
        let uid = pod.metadata.uid.clone();
        let mut old = 0;
        set_status(pod, c, |s| {
            old = s.restart_count;
            s.restart_count += 1;
        });
        let fs = FsId::ContainerLayer {
            pod_uid: uid,
            container: c.name.clone(),
            instance: old,
        };
        let why = format!(
            "container {:?} of {} {cause}: a container's own filesystem starts fresh on every restart",
            c.name, pod.metadata.name
        );
        let now = self.now;
        self.data.destroy(&fs, why, now);
        self.start_container(pod, c);
    }

    /// The story app's `GET /error`: the process exits 1. The kubelet restarts the container
    /// at once the first time, then with back-off (`CrashLoopBackOff`), per restartPolicy.
    pub(crate) fn crash_container(&mut self, mut pod: Pod, c: &Container) {
        let now = self.now;
        let who = involved("Pod", &pod.metadata);
        let started_at = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == c.name)
            .and_then(|s| s.state.running.as_ref())
            .map(|r| r.started_at);
        set_status(&mut pod, c, |s| {
            s.last_state = ContainerState {
                terminated: Some(ContainerStateTerminated {
                    exit_code: 1,
                    reason: Some("Error".into()),
                    started_at,
                    finished_at: Some(now),
                }),
                ..ContainerState::default()
            };
            s.state = s.last_state.clone();
            s.ready = false;
        });
        if pod.spec.restart_policy() == "Never" {
            refresh_pod_phase(&mut pod, now);
            self.put_pod(pod);
            return;
        }
        let key = (pod.metadata.uid.clone(), c.name.clone());
        let in_backoff = self
            .backoffs
            .get(&key)
            .is_some_and(|b| now.since(b.last_update) <= 2 * BACKOFF_MAX);
        if in_backoff {
            let window = self
                .backoffs
                .get(&key)
                .map(|b| b.window)
                .unwrap_or(BACKOFF_INITIAL);
            let (ns, name, uid) = (
                pod.metadata.namespace_or_default().to_string(),
                pod.metadata.name.clone(),
                pod.metadata.uid.clone(),
            );
            set_status(&mut pod, c, |s| {
                s.state = ContainerState::waiting(
                    "CrashLoopBackOff",
                    Some(format!(
                        "back-off {window}s restarting failed container={} pod={name}_{ns}({uid})",
                        c.name
                    )),
                );
            });
            self.record(
                who,
                EventType::Warning,
                "BackOff",
                format!(
                    "Back-off restarting failed container {} in pod {name}_{ns}({uid})",
                    c.name
                ),
                KUBELET,
            );
            refresh_pod_phase(&mut pod, now);
            self.put_pod(pod);
        } else {
            self.next_backoff(&key, now);
            self.restart_container(&mut pod, c, "crashed (exit code 1) and was restarted");
            self.put_pod(pod);
        }
    }

    /// Checks and performs every mount of a pod on a node (hostPath type checks, claims bound,
    /// configMaps present, attachable volumes free).
    fn mount_volumes(&mut self, pod: &Pod, node: &str) -> Result<(), (&'static str, String)> {
        let ns = pod.metadata.namespace_or_default().to_string();
        for v in &pod.spec.volumes {
            let fail = |msg: String| {
                (
                    "FailedMount",
                    format!("MountVolume.SetUp failed for volume {:?} : {msg}", v.name),
                )
            };
            if let Some(hp) = &v.host_path {
                self.check_host_path(node, &hp.path, hp.type_.as_deref())
                    .map_err(fail)?;
            }
            if let Some(cm) = &v.config_map {
                if cm.optional != Some(true)
                    && !self
                        .config_maps
                        .contains_key(&(ns.clone(), cm.name.clone()))
                {
                    return Err(fail(format!("configmap {:?} not found", cm.name)));
                }
            }
            if let Some(s) = &v.secret {
                if s.optional != Some(true)
                    && !self
                        .secrets
                        .contains_key(&(ns.clone(), s.secret_name.clone()))
                {
                    return Err(fail(format!("secret {:?} not found", s.secret_name)));
                }
            }
            if let Some(src) = &v.persistent_volume_claim {
                let bound = self
                    .claim(&ns, &src.claim_name)
                    .filter(|c| c.status.phase == Some(ClaimPhase::Bound))
                    .and_then(|c| c.spec.volume_name())
                    .and_then(|n| self.volume(n))
                    .cloned();
                let Some(pv) = bound else {
                    return Err((
                        "FailedMount",
                        format!(
                            "Unable to attach or mount volumes: unmounted volumes=[{}]: persistentvolumeclaim {:?} is not bound",
                            v.name, src.claim_name
                        ),
                    ));
                };
                match volume_placement(&pv) {
                    Placement::NodeLocal { path } => {
                        if pv.spec.local.is_some() {
                            if !self
                                .data
                                .ensure(&FsId::NodeDisk { node: node.into() })
                                .is_dir(&path)
                            {
                                return Err((
                                    "FailedMount",
                                    format!(
                                        "MountVolume.NewMounter initialization failed for volume {:?} : path {:?} does not exist",
                                        pv.metadata.name, path
                                    ),
                                ));
                            }
                        } else if let Some(hp) = &pv.spec.host_path {
                            self.check_host_path(node, &path, hp.type_.as_deref())
                                .map_err(|m| {
                                    (
                                        "FailedMount",
                                        format!(
                                            "MountVolume.SetUp failed for volume {:?} : {m}",
                                            pv.metadata.name
                                        ),
                                    )
                                })?;
                        }
                    }
                    Placement::Network { attachable, .. } => {
                        if attachable {
                            self.attach(pod, &pv, node)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Attaches a block volume to a node, or fails with Multi-Attach when it is attached
    /// elsewhere (AD reconciler; semantics §8.1).
    fn attach(
        &mut self,
        pod: &Pod,
        pv: &PersistentVolume,
        node: &str,
    ) -> Result<(), (&'static str, String)> {
        let name = pv.metadata.name.clone();
        match self.attachments.get(&name) {
            Some(a) if a.node == node => Ok(()),
            Some(_) => Err((
                "FailedAttachVolume",
                format!(
                    "Multi-Attach error for volume {name:?} Volume is already exclusively attached to one node and can't be attached to another"
                ),
            )),
            None => {
                self.attachments
                    .insert(name.clone(), Attachment { node: node.into() });
                let who = involved("Pod", &pod.metadata);
                self.record(
                    who,
                    EventType::Normal,
                    "SuccessfulAttachVolume",
                    format!("AttachVolume.Attach succeeded for volume {name:?} "),
                    "attachdetach-controller",
                );
                Ok(())
            }
        }
    }

    /// Detaches block volumes no pod on their node uses any more, when the node is up (a
    /// normal detach). On an unreachable node they stay attached until the forced detach.
    pub(crate) fn release_attachments(&mut self) {
        let names: Vec<String> = self.attachments.keys().cloned().collect();
        for name in names {
            let Some(a) = self.attachments.get(&name).cloned() else {
                continue;
            };
            let in_use = self.pods.values().any(|p| {
                p.spec.node_name.as_deref() == Some(a.node.as_str())
                    && self.pod_uses_volume(p, &name)
            });
            let node_up = self.nodes.get(&a.node).is_some_and(|n| n.is_up());
            if !in_use && node_up
                || !self.volumes.contains_key(&name)
                || !self.nodes.contains_key(&a.node)
            {
                self.attachments.remove(&name);
            }
        }
    }

    /// Whether a pod mounts the PV (through a bound claim).
    pub(crate) fn pod_uses_volume(&self, pod: &Pod, pv: &str) -> bool {
        let ns = pod.metadata.namespace_or_default();
        pod.spec
            .claim_names()
            .iter()
            .any(|c| self.claim(ns, c).and_then(|c| c.spec.volume_name()) == Some(pv))
    }

    /// HP `checkTypeInternal`: the hostPath type checks, creating what `*OrCreate` creates
    /// (semantics §8.1). The default type `""` checks nothing; the runtime creates a missing
    /// directory.
    fn check_host_path(
        &mut self,
        node: &str,
        path: &str,
        type_: Option<&str>,
    ) -> Result<(), String> {
        let path = normalize(path);
        let disk = self.data.ensure(&FsId::NodeDisk { node: node.into() });
        let prefix = "hostPath type check failed:";
        match type_.unwrap_or("") {
            "" | "DirectoryOrCreate" => {
                if !disk.is_file(&path) {
                    disk.mkdir_p(&path);
                }
                Ok(())
            }
            "Directory" if disk.is_dir(&path) => Ok(()),
            "Directory" => Err(format!("{prefix} {path} is not a directory")),
            "FileOrCreate" => {
                let parent = path
                    .rsplit_once('/')
                    .map(|(p, _)| if p.is_empty() { "/" } else { p })
                    .unwrap_or("/");
                if disk.is_file(&path) {
                    Ok(())
                } else if disk.is_dir(parent) {
                    disk.files.insert(path, Default::default());
                    Ok(())
                } else {
                    Err(format!("{prefix} {path} is not a file"))
                }
            }
            "File" if disk.is_file(&path) => Ok(()),
            "File" => Err(format!("{prefix} {path} is not a file")),
            "Socket" => Err(format!("{prefix} {path} is not a socket file")),
            "CharDevice" => Err(format!("{prefix} {path} is not a character device")),
            "BlockDevice" => Err(format!("{prefix} {path} is not a block device")),
            other => Err(format!("{prefix} {path}: unknown type {other:?}")),
        }
    }

    fn next_pod_ip(&mut self, node: &str) -> String {
        let index = self
            .config
            .nodes
            .iter()
            .position(|n| n == node)
            .unwrap_or(0);
        let seq = self.pod_ip_seq.get(node).copied().unwrap_or(2);
        self.pod_ip_seq.insert(node.to_string(), seq + 1);
        format!("10.244.{index}.{seq}")
    }
}

/// Whether the kubelet has started the pod's containers at least once.
pub(crate) fn pod_started(pod: &Pod) -> bool {
    pod.status
        .container_statuses
        .iter()
        .any(|s| s.started || s.state.running.is_some() || s.state.terminated.is_some())
        && pod.status.pod_ip.is_some()
}

/// Updates (creating if needed) the status entry of one container.
pub(crate) fn set_status(pod: &mut Pod, c: &Container, f: impl FnOnce(&mut ContainerStatus)) {
    if !pod
        .status
        .container_statuses
        .iter()
        .any(|s| s.name == c.name)
    {
        pod.status.container_statuses.push(ContainerStatus {
            name: c.name.clone(),
            image: c.image.clone(),
            ..ContainerStatus::default()
        });
    }
    if let Some(s) = pod
        .status
        .container_statuses
        .iter_mut()
        .find(|s| s.name == c.name)
    {
        f(s);
    }
}

/// Recomputes phase and the Ready/ContainersReady conditions from container states.
pub(crate) fn refresh_pod_phase(pod: &mut Pod, now: super::SimTime) {
    let statuses = &pod.status.container_statuses;
    let all_terminated =
        !statuses.is_empty() && statuses.iter().all(|s| s.state.terminated.is_some());
    pod.status.phase = if all_terminated {
        if statuses.iter().all(|s| {
            s.state
                .terminated
                .as_ref()
                .is_some_and(|t| t.exit_code == 0)
        }) {
            PodPhase::Succeeded
        } else {
            PodPhase::Failed
        }
    } else if statuses.iter().any(|s| s.started) {
        PodPhase::Running
    } else {
        PodPhase::Pending
    };
    let ready = !statuses.is_empty() && statuses.iter().all(|s| s.ready);
    let flag = if ready { "True" } else { "False" };
    for t in [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ] {
        let value = if t == "Ready" || t == "ContainersReady" {
            flag
        } else {
            "True"
        };
        match pod.status.conditions.iter_mut().find(|c| c.type_ == t) {
            Some(c) if c.status != value => {
                c.status = value.into();
                c.reason = None;
                c.message = None;
                c.last_transition_time = Some(now);
            }
            Some(_) => {}
            None => pod.status.conditions.push(PodCondition {
                type_: t.into(),
                status: value.into(),
                last_transition_time: Some(now),
                ..PodCondition::default()
            }),
        }
    }
    // The kubelet's status manager reports conditions in this order.
    const ORDER: [&str; 5] = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    pod.status.conditions.sort_by_key(|c| {
        ORDER
            .iter()
            .position(|o| *o == c.type_)
            .unwrap_or(ORDER.len())
    });
}

/// A stable 64-hex-digit digest for an image name (the simulator pulls nothing).
fn image_digest(image: &str, seed: &str) -> String {
    let mut out = String::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..4u8 {
        for b in image
            .bytes()
            .chain(seed.bytes())
            .chain(std::iter::once(round))
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}
