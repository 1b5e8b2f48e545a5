//! Nodes: the machines pods run on, whose disks hold hostPath and local data.

use super::ObjectMeta;
use crate::sim::SimTime;
use serde::{Deserialize, Serialize};

/// The hostname label every node carries; PV node affinity usually names it.
pub const HOSTNAME_LABEL: &str = "kubernetes.io/hostname";

/// A Node.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    /// Metadata (labels include `kubernetes.io/hostname`).
    pub metadata: ObjectMeta,
    /// Cordoning and taints.
    #[serde(default)]
    pub spec: NodeSpec,
    /// Readiness as the control plane sees it.
    #[serde(default)]
    pub status: NodeStatus,
    /// What really happened to the machine: the control plane only learns of it after the
    /// node-monitor grace period (semantics §9.3).
    #[serde(skip)]
    pub machine: MachineState,
}

/// `node.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSpec {
    /// The pod IP range of this node.
    #[serde(default, rename = "podCIDR", skip_serializing_if = "Option::is_none")]
    pub pod_cidr: Option<String>,
    /// The pod IP ranges of this node.
    #[serde(default, rename = "podCIDRs", skip_serializing_if = "Vec::is_empty")]
    pub pod_cidrs: Vec<String>,
    /// Cordoned: no new pods are scheduled here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unschedulable: bool,
    /// Taints (`node.kubernetes.io/unreachable:NoExecute` once the node is lost).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taints: Vec<Taint>,
}

/// A taint.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Taint {
    /// Key.
    pub key: String,
    /// Value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    pub effect: String,
    /// When a NoExecute taint was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_added: Option<SimTime>,
}

/// `node.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeStatus {
    /// The Ready condition and friends.
    #[serde(default)]
    pub conditions: Vec<NodeCondition>,
    /// Addresses (InternalIP, Hostname).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<NodeAddress>,
    /// Kubelet version and OS details, as `-o wide` prints them.
    #[serde(default)]
    pub node_info: NodeSystemInfo,
}

/// A node condition (`Ready: True|False|Unknown`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeCondition {
    /// Condition type.
    #[serde(rename = "type")]
    pub type_: String,
    /// `True`, `False` or `Unknown`.
    pub status: String,
    /// Reason (`KubeletReady`, `NodeStatusUnknown`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Last transition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<SimTime>,
}

/// A node address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeAddress {
    /// `InternalIP` or `Hostname`.
    #[serde(rename = "type")]
    pub type_: String,
    /// The address.
    pub address: String,
}

/// `status.nodeInfo` (a subset).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSystemInfo {
    /// `v1.34.0`.
    #[serde(default)]
    pub kubelet_version: String,
    /// OS image.
    #[serde(default)]
    pub os_image: String,
    /// Kernel version.
    #[serde(default)]
    pub kernel_version: String,
    /// Container runtime.
    #[serde(default)]
    pub container_runtime_version: String,
}

/// What is really going on with the machine, which the API learns only later.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MachineState {
    /// Up, kubelet reporting.
    #[default]
    Up,
    /// Down since the given time (failed, or rebooting until `back_at`).
    Down {
        /// When the machine stopped.
        since: SimTime,
        /// When it comes back by itself (a reboot), if ever.
        back_at: Option<SimTime>,
    },
}

impl Node {
    /// The node's InternalIP address, where it has one.
    pub fn internal_ip(&self) -> Option<String> {
        self.status
            .addresses
            .iter()
            .find(|a| a.type_ == "InternalIP")
            .map(|a| a.address.clone())
    }

    /// Whether the control plane considers the node Ready.
    pub fn is_ready(&self) -> bool {
        self.status
            .conditions
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True")
    }
    /// Whether the machine is really up (the kubelet can act).
    pub fn is_up(&self) -> bool {
        self.machine == MachineState::Up
    }
}
