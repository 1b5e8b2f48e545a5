//! Cluster profiles: which real cluster the simulation stands for (issue 11, "Cluster
//! profiles"). A profile decides the node names and which node runs the control plane, the
//! StorageClasses and which provisioners and CSI drivers are installed (with what they can
//! do), which CRDs exist, and what runs in kube-system. Nothing the profile lacks works: a
//! class naming a driver that is not installed leaves its claims Pending, as on the real
//! cluster.
//!
//! - **minikube** (the default): minikube v1.37 with the docker driver. The first node,
//!   `minikube`, is the control plane and stays schedulable (minikube's kubeadm config has
//!   no control-plane taint); more nodes are `minikube-m02`, `minikube-m03`… The
//!   `storage-provisioner` addon serves the default class `standard`.
//! - **kind**: kind v0.30. `kind-control-plane`, then `kind-worker`, `kind-worker2`…; the
//!   control plane keeps kubeadm's `NoSchedule` taint when there are workers (kind
//!   `pkg/cluster/internal/create/actions/kubeadminit/init.go` removes it only on a
//!   single-node cluster). The default class `standard` is rancher.io/local-path
//!   (kind `pkg/build/nodeimage/const_storage.go`).
//! - **cloud**: an EKS 1.34 cluster in us-east-1 with the EBS and EFS CSI add-ons. A
//!   managed control plane (no node runs it; the API never goes down here), worker nodes
//!   spread round-robin over three zones.

pub mod addons;
mod classes;
pub mod drivers;
pub(crate) mod system_pods;

pub use addons::Addon;
pub use drivers::{Driver, Topology};
pub use system_pods::system_pods;

use std::fmt;

/// Which real cluster the simulation stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Profile {
    /// A local minikube cluster (docker driver): the course's default.
    #[default]
    Minikube,
    /// A local kind cluster.
    Kind,
    /// A managed cloud cluster (EKS-like) with zonal block disks and a shared file service.
    Cloud,
}

/// The three availability zones of the cloud profile (us-east-1, where an EKS node is named
/// `ip-10-0-0-10.ec2.internal`).
pub const CLOUD_ZONES: [&str; 3] = ["us-east-1a", "us-east-1b", "us-east-1c"];
/// The cloud profile's region.
pub const CLOUD_REGION: &str = "us-east-1";
/// The well-known zone label (`topology.kubernetes.io/zone`), set by the cloud provider on
/// every node and used by zonal CSI drivers in their PVs' node affinity (aws-ebs-csi-driver
/// `pkg/driver/controller.go` `newCreateVolumeResponse`: `WellKnownZoneTopologyKey`).
pub const ZONE_LABEL: &str = "topology.kubernetes.io/zone";
/// The well-known region label.
pub const REGION_LABEL: &str = "topology.kubernetes.io/region";

impl Profile {
    /// Every profile, in the order they are offered.
    pub const ALL: [Profile; 3] = [Profile::Minikube, Profile::Kind, Profile::Cloud];

    /// The profile's name as written in scripts and lessons.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Minikube => "minikube",
            Profile::Kind => "kind",
            Profile::Cloud => "cloud",
        }
    }

    /// The profile of a name (`minikube`, `kind`, `cloud`).
    pub fn parse(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    /// What the profile stands for, in a few words (the sandbox's welcome line).
    pub fn summary(self) -> &'static str {
        match self {
            Profile::Minikube => {
                "the control plane runs on the node `minikube`; one hostPath provisioner"
            }
            Profile::Kind => {
                "kind-control-plane is tainted NoSchedule when there are workers; local-path volumes are pinned to a node"
            }
            Profile::Cloud => {
                "EKS-like: a managed control plane, nodes in three zones, EBS disks and EFS files"
            }
        }
    }

    /// The names of a cluster of `n` nodes. At most [`super::limits::MAX_NODES`]; check the
    /// count first with [`super::node_names::check_node_count`] to tell the learner.
    pub fn node_names(self, n: usize) -> Vec<String> {
        let n = n.min(super::limits::MAX_NODES);
        (0..n).map(|i| self.node_name(i)).collect()
    }

    fn node_name(self, i: usize) -> String {
        match self {
            // minikube `pkg/minikube/config/profile.go` / `node.Name`: `<profile>-m02`…
            Profile::Minikube if i == 0 => "minikube".into(),
            Profile::Minikube => format!("minikube-m{:02}", i + 1),
            // kind `pkg/cluster/internal/create/actions/config` node naming:
            // `<cluster>-control-plane`, `<cluster>-worker`, `<cluster>-worker2`…
            Profile::Kind if i == 0 => "kind-control-plane".into(),
            Profile::Kind if i == 1 => "kind-worker".into(),
            Profile::Kind => format!("kind-worker{i}"),
            // EKS names nodes after their private IP (`ip-10-0-1-10.ec2.internal` in
            // us-east-1); one subnet per zone.
            Profile::Cloud => {
                let (subnet, host) = cloud_address(i);
                format!("ip-10-0-{subnet}-{host}.ec2.internal")
            }
        }
    }

    /// Whether this profile runs its control plane on its first node (minikube, kind) rather
    /// than managing it out of sight (cloud).
    pub fn has_control_plane_node(self) -> bool {
        self != Profile::Cloud
    }

    /// The zone of the node at `index` when the nodes are spread round-robin over the first
    /// `zones` zones (1 to 3), where the profile has zones.
    pub fn zone(self, index: usize, zones: usize) -> Option<&'static str> {
        let zones = zones.clamp(1, CLOUD_ZONES.len());
        (self == Profile::Cloud).then(|| CLOUD_ZONES[index % zones])
    }

    /// The InternalIP of the node at `index`.
    pub fn node_ip(self, index: usize) -> String {
        match self {
            // minikube docker driver: network 192.168.49.0/24, nodes from .2
            // (`pkg/drivers/kic/oci/network_create.go` `firstSubnetAddr`).
            Profile::Minikube => format!("192.168.49.{}", index + 2),
            // kind's docker network `kind` (172.18.0.0/16 on a fresh docker host).
            Profile::Kind => format!("172.18.0.{}", index + 2),
            Profile::Cloud => {
                let (subnet, host) = cloud_address(index);
                format!("10.0.{subnet}.{host}")
            }
        }
    }

    /// The IP of the `seq`-th pod on the node at `index`: the node's pod CIDR 10.244.N.0/24
    /// (kindnet, minikube and kind alike), or on the cloud profile an address of the node's
    /// own subnet (the Amazon VPC CNI gives pods VPC addresses).
    pub fn pod_ip(self, index: usize, seq: u32) -> String {
        match self {
            Profile::Cloud => {
                let (subnet, host) = cloud_address(index);
                format!("10.0.{}.{seq}", subnet + 1 + (host - 10))
            }
            _ => format!("10.244.{index}.{seq}"),
        }
    }

    /// What `kubectl get nodes -o wide` shows as OS image and container runtime, and the
    /// kubelet version.
    pub fn node_software(self) -> NodeSoftware {
        match self {
            Profile::Minikube => NodeSoftware {
                kubelet: "v1.34.0",
                os_image: "Ubuntu 22.04.5 LTS",
                runtime: "docker://28.4.0",
            },
            Profile::Kind => NodeSoftware {
                kubelet: "v1.34.0",
                os_image: "Debian GNU/Linux 12 (bookworm)",
                runtime: "containerd://2.1.3",
            },
            Profile::Cloud => NodeSoftware {
                kubelet: "v1.34.0-eks-3025e55",
                os_image: "Amazon Linux 2023.8.20250818",
                runtime: "containerd://1.7.27",
            },
        }
    }

    /// Whether the node at `index` of `count` keeps kubeadm's control-plane `NoSchedule`
    /// taint: kind's control plane when it has workers (kind `kubeadminit/init.go` untaints
    /// only a single-node cluster); minikube removes it always.
    pub fn control_plane_tainted(self, count: usize) -> bool {
        self == Profile::Kind && count > 1
    }

    /// Whether `kubestory` can tell the API server cannot be reached by "connection
    /// refused" (the port is forwarded from the host's loopback and the forward is gone, as
    /// with kind) rather than "no route to host" (the node's own address, as minikube's
    /// docker driver on Linux).
    pub fn api_server(self, control_plane_ip: &str) -> ApiServer {
        match self {
            Profile::Kind => ApiServer {
                address: "127.0.0.1:38551".into(),
                refused: true,
            },
            _ => ApiServer {
                address: format!("{control_plane_ip}:8443"),
                refused: false,
            },
        }
    }
}

/// Why a profile or addon cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// Not minikube, kind or cloud.
    #[error("unknown profile {0:?}: the profiles are minikube, kind and cloud")]
    UnknownProfile(String),
    /// Addons are minikube's.
    #[error("addons are minikube's (`minikube addons enable`); the {0} profile has none")]
    AddonsOnlyOnMinikube(Profile),
    /// The snapshot addon is not simulated.
    #[error(
        "kubestory does not simulate minikube's volumesnapshots addon (the VolumeSnapshot CRDs and their controller) yet; without it, VolumeSnapshot manifests fail as they do on a cluster without the CRDs"
    )]
    SnapshotsNotSimulated,
    /// Some other addon.
    #[error(
        "unknown addon {0:?}: kubestory simulates the storage addon csi-hostpath-driver (volumesnapshots is not simulated yet)"
    )]
    UnknownAddon(String),
}

/// Where kubectl reaches the API server, and how a dial fails once its node is gone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiServer {
    /// `host:port` in the kubeconfig.
    pub address: String,
    /// Whether the dial is refused (a forwarded loopback port) rather than unroutable.
    pub refused: bool,
}

/// The software versions a node reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeSoftware {
    /// `status.nodeInfo.kubeletVersion`.
    pub kubelet: &'static str,
    /// `status.nodeInfo.osImage`.
    pub os_image: &'static str,
    /// `status.nodeInfo.containerRuntimeVersion`.
    pub runtime: &'static str,
}

/// The cloud node at `index`: the third octet of its zone's /19 subnet (10.0.0.0, 10.0.32.0,
/// 10.0.64.0) and its host number there. Its pods get addresses from the /24 after it
/// ([`Profile::pod_ip`]), so no two nodes' pods share one.
fn cloud_address(index: usize) -> (usize, usize) {
    (
        32 * (index % CLOUD_ZONES.len()),
        10 + index / CLOUD_ZONES.len(),
    )
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_names_follow_each_tool() {
        assert_eq!(
            Profile::Minikube.node_names(3),
            ["minikube", "minikube-m02", "minikube-m03"]
        );
        assert_eq!(
            Profile::Kind.node_names(3),
            ["kind-control-plane", "kind-worker", "kind-worker2"]
        );
        assert_eq!(
            Profile::Cloud.node_names(4),
            [
                "ip-10-0-0-10.ec2.internal",
                "ip-10-0-32-10.ec2.internal",
                "ip-10-0-64-10.ec2.internal",
                "ip-10-0-0-11.ec2.internal"
            ]
        );
    }

    #[test]
    fn cloud_nodes_are_spread_round_robin_over_three_zones() {
        let zones: Vec<_> = (0..4).map(|i| Profile::Cloud.zone(i, 3)).collect();
        assert_eq!(
            zones,
            [
                Some("us-east-1a"),
                Some("us-east-1b"),
                Some("us-east-1c"),
                Some("us-east-1a")
            ]
        );
        assert_eq!(Profile::Cloud.zone(2, 1), Some("us-east-1a"));
        assert_eq!(Profile::Minikube.zone(0, 3), None);
        assert_eq!(Profile::Kind.zone(1, 3), None);
    }

    #[test]
    fn kind_init_go_keeps_the_control_plane_taint_only_with_workers() {
        assert!(!Profile::Kind.control_plane_tainted(1));
        assert!(Profile::Kind.control_plane_tainted(2));
        assert!(!Profile::Minikube.control_plane_tainted(3));
    }

    #[test]
    fn names_round_trip() {
        for p in Profile::ALL {
            assert_eq!(Profile::parse(p.name()), Some(p));
        }
        assert_eq!(Profile::parse("gke"), None);
    }
}
