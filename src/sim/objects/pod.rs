//! Pods, containers, volumes and mounts.

use super::{Extra, ObjectMeta};
use crate::sim::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A Pod: one or more containers sharing volumes, scheduled onto one node.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pod {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// What the learner asked for.
    #[serde(default)]
    pub spec: PodSpec,
    /// What the simulated kubelet and scheduler report.
    #[serde(default)]
    pub status: PodStatus,
}

/// A pod template inside a Deployment, ReplicaSet or StatefulSet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodTemplateSpec {
    /// Labels and annotations for the pods.
    #[serde(default)]
    pub metadata: ObjectMeta,
    /// The pod spec.
    #[serde(default)]
    pub spec: PodSpec,
}

/// `pod.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSpec {
    /// Init containers (run to completion before the app containers start).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub init_containers: Vec<Container>,
    /// The app containers.
    #[serde(default)]
    pub containers: Vec<Container>,
    /// The pod's volumes; containers mount them by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Volume>,
    /// The node the pod is bound to. Set by the scheduler, or by the learner to bypass it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_name: Option<String>,
    /// Node labels the pod requires.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub node_selector: BTreeMap<String, String>,
    /// `Always` (default), `OnFailure` or `Never`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<String>,
    /// Set by StatefulSets: `<sts>-<ordinal>` hostname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// Everything else (affinity, tolerations, securityContext…), kept as written.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PodSpec {
    /// The restart policy, defaulted to `Always` as the API server does.
    pub fn restart_policy(&self) -> &str {
        self.restart_policy.as_deref().unwrap_or("Always")
    }

    /// The volume with this name.
    pub fn volume(&self, name: &str) -> Option<&Volume> {
        self.volumes.iter().find(|v| v.name == name)
    }
}

impl Pod {
    /// Names of the claims this pod's volumes refer to, in volume order (duplicates removed):
    /// `persistentVolumeClaim.claimName`, and `<pod>-<volume>` for a generic ephemeral volume
    /// (component-helpers `storage/ephemeral` `VolumeClaimName`), as the scheduler's
    /// `podHasPVCs`, the kubelet and the PVC protection controller's `podUsesPVC` count them.
    pub fn claim_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for v in &self.spec.volumes {
            if let Some(c) = self.volume_claim_name(v) {
                if !names.contains(&c) {
                    names.push(c);
                }
            }
        }
        names
    }

    /// Whether one of the pod's volumes refers to the claim `name`.
    pub fn uses_claim(&self, name: &str) -> bool {
        self.spec
            .volumes
            .iter()
            .any(|v| self.volume_claim_name(v).as_deref() == Some(name))
    }

    /// The claim behind one pod volume: its `claimName`, or `<pod>-<volume>` for an ephemeral
    /// volume (`ephemeral.VolumeClaimName`); None for every other source.
    pub fn volume_claim_name(&self, v: &Volume) -> Option<String> {
        if let Some(c) = &v.persistent_volume_claim {
            return Some(c.claim_name.clone());
        }
        v.ephemeral
            .as_ref()
            .map(|_| ephemeral_claim_name(&self.metadata.name, &v.name))
    }
}

/// component-helpers `storage/ephemeral` `VolumeClaimName`: `<pod name>-<volume name>`.
pub fn ephemeral_claim_name(pod: &str, volume: &str) -> String {
    format!("{pod}-{volume}")
}

/// One container.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// Container name, unique in the pod.
    pub name: String,
    /// Image; decides which app runs and where it keeps its data (see `sim::app`).
    #[serde(default)]
    pub image: String,
    /// Where the pod's volumes appear in this container's filesystem.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volume_mounts: Vec<VolumeMount>,
    /// Everything else (command, args, env, ports, resources…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `volumeMounts[]`: a pod volume mounted at a path, optionally a sub-directory of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMount {
    /// Name of the pod volume.
    pub name: String,
    /// Path inside the container.
    pub mount_path: String,
    /// Sub-directory of the volume to mount instead of its root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_path: Option<String>,
    /// Mount read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// Everything else (mountPropagation, subPathExpr…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A pod volume. Exactly one source is set (validated by the manifest loader).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    /// Volume name, referred to by `volumeMounts[].name`.
    pub name: String,
    /// Scratch space that lives exactly as long as the pod on its node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_dir: Option<EmptyDirVolumeSource>,
    /// A path on whichever node the pod runs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_path: Option<HostPathVolumeSource>,
    /// A claim; the data lives wherever the bound PV keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_volume_claim: Option<PersistentVolumeClaimVolumeSource>,
    /// Projected from a ConfigMap, read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_map: Option<ConfigMapVolumeSource>,
    /// Projected from a Secret, read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<SecretVolumeSource>,
    /// A generic ephemeral volume: the ephemeral volume controller creates the claim
    /// `<pod>-<volume>` from this template, owned by the pod (see `sim::workloads::ephemeral`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<EphemeralVolumeSource>,
    /// Other sources (nfs, csi, projected, downwardAPI…), kept as written.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ephemeral: {volumeClaimTemplate}` (core `EphemeralVolumeSource`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EphemeralVolumeSource {
    /// The claim to create: labels, annotations and spec are copied into it. Required by the
    /// API server's validation; kept optional so a stored object always loads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_claim_template: Option<super::ClaimTemplate>,
}

/// `emptyDir: {medium, sizeLimit}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmptyDirVolumeSource {
    /// `""` (node disk) or `Memory` (tmpfs, cleared on node reboot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    /// Optional size limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<crate::sim::Quantity>,
}

impl EmptyDirVolumeSource {
    /// Whether this emptyDir is a tmpfs.
    pub fn is_memory(&self) -> bool {
        self.medium.as_deref() == Some("Memory")
    }
}

/// `hostPath: {path, type}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HostPathVolumeSource {
    /// Absolute path on the node.
    pub path: String,
    /// `""`, `DirectoryOrCreate`, `Directory`, `FileOrCreate`, `File`, `Socket`, `CharDevice`,
    /// `BlockDevice`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// `persistentVolumeClaim: {claimName, readOnly}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeClaimVolumeSource {
    /// Name of the claim in the pod's namespace.
    pub claim_name: String,
    /// Mount read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// `configMap: {name, optional, items…}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigMapVolumeSource {
    /// ConfigMap name.
    #[serde(default)]
    pub name: String,
    /// Whether the pod may start without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
    /// items, defaultMode…
    #[serde(flatten)]
    pub extra: Extra,
}

/// `secret: {secretName, optional, items…}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretVolumeSource {
    /// Secret name.
    #[serde(default)]
    pub secret_name: String,
    /// Whether the pod may start without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
    /// items, defaultMode…
    #[serde(flatten)]
    pub extra: Extra,
}

/// The pod's lifecycle phase.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum PodPhase {
    /// Not yet scheduled, or containers not yet started.
    #[default]
    Pending,
    /// Bound to a node, at least one container running or restarting.
    Running,
    /// All containers exited 0 and will not restart.
    Succeeded,
    /// All containers exited, at least one with failure, and will not restart.
    Failed,
    /// The node stopped reporting.
    Unknown,
}

impl PodPhase {
    /// The phase as kubectl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            PodPhase::Pending => "Pending",
            PodPhase::Running => "Running",
            PodPhase::Succeeded => "Succeeded",
            PodPhase::Failed => "Failed",
            PodPhase::Unknown => "Unknown",
        }
    }
}

/// `pod.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodStatus {
    /// Lifecycle phase.
    #[serde(default)]
    pub phase: PodPhase,
    /// Conditions (PodScheduled, Ready…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<PodCondition>,
    /// A brief reason (`NodeLost`, `Evicted`), overriding the phase in kubectl's STATUS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Human-readable detail for `reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The node's IP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(rename = "hostIP")]
    pub host_ip: Option<String>,
    /// The pod's IP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(rename = "podIP")]
    pub pod_ip: Option<String>,
    /// When the kubelet accepted the pod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<SimTime>,
    /// One entry per container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub container_statuses: Vec<ContainerStatus>,
}

/// One pod condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodCondition {
    /// `PodScheduled`, `Initialized`, `ContainersReady`, `Ready`.
    #[serde(rename = "type")]
    pub type_: String,
    /// `True`, `False` or `Unknown`.
    pub status: String,
    /// Machine-readable reason (`Unschedulable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Human-readable message (the FailedScheduling text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// When the status last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<SimTime>,
}

/// One container's status.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStatus {
    /// Container name.
    pub name: String,
    /// Image.
    pub image: String,
    /// Whether the container is running and ready.
    pub ready: bool,
    /// Whether the container has started.
    #[serde(default)]
    pub started: bool,
    /// The runtime's id of the current container (`docker://…`); a restart gets a new one.
    #[serde(
        default,
        rename = "containerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub container_id: Option<String>,
    /// The image's digest reference.
    #[serde(default, rename = "imageID", skip_serializing_if = "String::is_empty")]
    pub image_id: String,
    /// How many times the kubelet restarted it. Each restart starts a fresh writable layer.
    pub restart_count: u32,
    /// Current state.
    #[serde(default)]
    pub state: ContainerState,
    /// The previous state (the last termination), shown by describe and in RESTARTS' "ago".
    #[serde(default, skip_serializing_if = "ContainerState::is_empty")]
    pub last_state: ContainerState,
}

/// A container state: exactly one of waiting, running or terminated is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerState {
    /// Waiting (`ContainerCreating`, `CrashLoopBackOff`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<ContainerStateWaiting>,
    /// Running since `startedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<ContainerStateRunning>,
    /// Terminated with an exit code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminated: Option<ContainerStateTerminated>,
}

impl ContainerState {
    /// Whether no state is set (used to omit an empty `lastState`).
    pub fn is_empty(&self) -> bool {
        self.waiting.is_none() && self.running.is_none() && self.terminated.is_none()
    }
    /// A waiting state.
    pub fn waiting(reason: &str, message: Option<String>) -> ContainerState {
        ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: reason.to_string(),
                message,
            }),
            ..ContainerState::default()
        }
    }
    /// A running state.
    pub fn running(since: SimTime) -> ContainerState {
        ContainerState {
            running: Some(ContainerStateRunning { started_at: since }),
            ..ContainerState::default()
        }
    }
}

/// `state.waiting`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateWaiting {
    /// `ContainerCreating`, `CrashLoopBackOff`, `CreateContainerConfigError`…
    pub reason: String,
    /// Detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `state.running`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateRunning {
    /// Start time.
    pub started_at: SimTime,
}

/// `state.terminated`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateTerminated {
    /// Exit code (the story app's `/error` exits 1).
    pub exit_code: i32,
    /// `Error`, `Completed`, `OOMKilled`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<SimTime>,
    /// End time; RESTARTS prints "N (<age> ago)" from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<SimTime>,
}
