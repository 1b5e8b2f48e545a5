//! minikube addons that change what storage a cluster has (`minikube addons enable …`). Only
//! `csi-hostpath-driver` is simulated: the CSI hostpath driver, whose volumes can be cloned
//! (the data is copied). `volumesnapshots` (the snapshot CRDs and controller) is refused with
//! a note rather than half-simulated.
//!
//! minikube `deploy/addons/csi-hostpath-driver/deploy/`: a DaemonSet `csi-hostpathplugin` on
//! every node (its provisioner runs with `--node-deployment=true --strict-topology=true`, so
//! a volume lives on one node, under `/var/lib/csi-hostpath-data/`), the StatefulSets
//! `csi-hostpath-attacher` and `csi-hostpath-resizer`, the CSIDriver `hostpath.csi.k8s.io`
//! (`attachRequired: false`, `fsGroupPolicy: File`) and the class `csi-hostpath-sc`
//! (Immediate, Delete).

use super::drivers::{Driver, Topology};
use super::{Profile, ProfileError};
use crate::sim::pv_controller::provision::ProvisionerFamily;

/// An addon the cluster was started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Addon {
    /// `minikube addons enable csi-hostpath-driver`.
    CsiHostpathDriver,
}

/// The topology key the hostpath plugin registers on every node (csi-driver-host-path
/// `pkg/hostpath/nodeserver.go` `NodeGetInfo`: `topology.hostpath.csi/node`).
pub const HOSTPATH_TOPOLOGY_KEY: &str = "topology.hostpath.csi/node";

/// Where the hostpath plugin keeps its volumes on a node.
pub const HOSTPATH_DATA_DIR: &str = "/var/lib/csi-hostpath-data";

/// The CSI hostpath driver: node-local volumes, Block, snapshots (given the CRDs) and clones,
/// no attach.
pub const HOSTPATH_CSI: Driver = Driver {
    name: "hostpath.csi.k8s.io",
    family: ProvisionerFamily::NodeLocalCsi,
    csi: true,
    block: true,
    snapshots: true,
    clone: true,
    expansion: true,
    attach: false,
    topology: Topology::Node,
    shared_access: true,
    shared_access_error: "",
    required: &[],
};

impl Addon {
    /// The addon's name, as `minikube addons enable` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Addon::CsiHostpathDriver => "csi-hostpath-driver",
        }
    }

    /// The addon of a name, on a profile: only minikube has addons, and only the storage
    /// ones kubestory simulates are accepted.
    pub fn parse(name: &str, profile: Profile) -> Result<Addon, ProfileError> {
        if profile != Profile::Minikube {
            return Err(ProfileError::AddonsOnlyOnMinikube(profile));
        }
        match name {
            "csi-hostpath-driver" => Ok(Addon::CsiHostpathDriver),
            "volumesnapshots" => Err(ProfileError::SnapshotsNotSimulated),
            other => Err(ProfileError::UnknownAddon(other.to_string())),
        }
    }

    /// The provisioner the addon installs.
    pub fn driver(self) -> &'static Driver {
        match self {
            Addon::CsiHostpathDriver => &HOSTPATH_CSI,
        }
    }
}
