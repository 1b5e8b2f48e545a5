//! The provisioners and CSI drivers each profile installs, and what each can do. A class
//! whose provisioner is not in its profile's list gets no volume: the PV controller records
//! `ExternalProvisioning` and the claim stays Pending, as on a real cluster where nobody
//! watches for that name.
//!
//! Each refusal is the installed component's own: the sig-storage-lib-external-provisioner
//! library (minikube's `storage-provisioner`, rancher's local-path) refuses Block in
//! `controller.go` `canProvision`; local-path refuses shared access modes in `provisioner.go`
//! `provisionFor`; CSI drivers answer CreateVolume with `InvalidArgument` (aws-ebs-csi-driver
//! and aws-efs-csi-driver `pkg/driver/controller.go` `CreateVolume`), and the
//! external-provisioner checks snapshot and clone capabilities first
//! (`pkg/controller/controller.go` `checkDriverCapabilities`).

use super::Profile;
use crate::sim::pv_controller::provision::ProvisionerFamily;

/// Where a driver's volumes can be used from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topology {
    /// From every node (a network filesystem, or a provisioner that ignores topology).
    Anywhere,
    /// Only from the node the volume was made on (local-path: node affinity by hostname).
    Node,
    /// Only from nodes in the volume's zone (zonal cloud disks).
    Zone,
}

/// A required StorageClass parameter and the driver's error when it is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequiredParameter {
    /// The parameter's key.
    pub key: &'static str,
    /// What the driver answers without it.
    pub missing: &'static str,
}

/// One installed provisioner and what it can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Driver {
    /// The provisioner name a StorageClass names (for CSI drivers, the driver's name).
    pub name: &'static str,
    /// How kubestory simulates its volumes.
    pub family: ProvisionerFamily,
    /// Whether it is a CSI driver behind the external-provisioner (rather than a
    /// sig-storage-lib-external-provisioner program that ignores `dataSource`).
    pub csi: bool,
    /// Whether it can provision `volumeMode: Block` claims.
    pub block: bool,
    /// Whether it restores VolumeSnapshots (CREATE_DELETE_SNAPSHOT).
    pub snapshots: bool,
    /// Whether it clones claims (CLONE_VOLUME).
    pub clone: bool,
    /// Whether its volumes can be expanded (`allowVolumeExpansion` means something).
    pub expansion: bool,
    /// Whether its volumes are attached to a node by the attach/detach controller
    /// (CSIDriver `attachRequired`).
    pub attach: bool,
    /// Where its volumes can be used from.
    pub topology: Topology,
    /// Whether it accepts ReadWriteMany and ReadOnlyMany on a filesystem volume.
    pub shared_access: bool,
    /// Its error for a shared access mode it cannot serve, where it checks.
    pub shared_access_error: &'static str,
    /// StorageClass parameters it cannot do without.
    pub required: &'static [RequiredParameter],
}

/// `InvalidArgument` from a CSI driver's CreateVolume for capabilities it cannot serve
/// (aws-ebs-csi-driver `pkg/driver/controller.go` `CreateVolume` → `isValidVolumeCapabilities`).
pub const CAPABILITIES_NOT_SUPPORTED: &str =
    "rpc error: code = InvalidArgument desc = Volume capabilities not supported";

/// minikube's `storage-provisioner` addon (minikube `pkg/storage/storage_provisioner.go`
/// `hostPathProvisioner.Provision`): a directory under `/tmp/hostpath-provisioner`, any
/// access mode, no topology, no Block, `dataSource` ignored.
const MINIKUBE_HOSTPATH: Driver = Driver {
    name: "k8s.io/minikube-hostpath",
    family: ProvisionerFamily::MinikubeHostPath,
    csi: false,
    block: false,
    snapshots: false,
    clone: false,
    expansion: false,
    attach: false,
    topology: Topology::Anywhere,
    shared_access: true,
    shared_access_error: "",
    required: &[],
};

/// rancher local-path-provisioner as kind ships it (`provisioner.go` `provisionFor`):
/// directories under `/var/local-path-provisioner` pinned to the selected node,
/// ReadWriteOnce and ReadWriteOncePod only, no Block.
const LOCAL_PATH: Driver = Driver {
    name: "rancher.io/local-path",
    family: ProvisionerFamily::LocalPath,
    csi: false,
    block: false,
    snapshots: false,
    clone: false,
    expansion: false,
    attach: false,
    topology: Topology::Node,
    shared_access: false,
    shared_access_error: "NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes",
    required: &[],
};

/// The Amazon EBS CSI driver (EKS add-on `aws-ebs-csi-driver`): zonal block disks attached
/// to one node, Block and expansion supported, snapshots supported (given the snapshot
/// CRDs), no cloning (it does not report CLONE_VOLUME), ReadWriteOnce filesystems only.
const EBS: Driver = Driver {
    name: "ebs.csi.aws.com",
    family: ProvisionerFamily::NetworkDisk,
    csi: true,
    block: true,
    snapshots: true,
    clone: false,
    expansion: true,
    attach: true,
    topology: Topology::Zone,
    shared_access: false,
    shared_access_error: CAPABILITIES_NOT_SUPPORTED,
    required: &[],
};

/// The Amazon EFS CSI driver (EKS add-on `aws-efs-csi-driver`): one access point per claim
/// on an existing file system, every access mode, no Block, no snapshots or clones, no
/// attach; `provisioningMode` and `fileSystemId` are required
/// (aws-efs-csi-driver `pkg/driver/controller.go` `CreateVolume`: `Missing %v parameter`).
const EFS: Driver = Driver {
    name: "efs.csi.aws.com",
    family: ProvisionerFamily::SharedFs,
    csi: true,
    block: false,
    snapshots: false,
    clone: false,
    expansion: false,
    attach: false,
    topology: Topology::Anywhere,
    shared_access: true,
    shared_access_error: "",
    required: &[
        RequiredParameter {
            key: "provisioningMode",
            missing: "rpc error: code = InvalidArgument desc = Missing provisioningMode parameter",
        },
        RequiredParameter {
            key: "fileSystemId",
            missing: "rpc error: code = InvalidArgument desc = Missing fileSystemId parameter",
        },
    ],
};

impl Profile {
    /// The provisioners this profile runs.
    pub fn drivers(self) -> &'static [Driver] {
        match self {
            Profile::Minikube => &[MINIKUBE_HOSTPATH],
            Profile::Kind => &[LOCAL_PATH],
            Profile::Cloud => &[EBS, EFS],
        }
    }

    /// The installed provisioner of this name, if any (`None`: nobody provisions for it).
    pub fn driver(self, name: &str) -> Option<&'static Driver> {
        self.drivers().iter().find(|d| d.name == name)
    }

    /// Whether the VolumeSnapshot CRDs (`snapshot.storage.k8s.io`) are installed. None of
    /// the profiles installs them: minikube needs `minikube addons enable volumesnapshots`,
    /// kind ships none, and on EKS they come with the separate `snapshot-controller` add-on.
    pub fn has_snapshot_crds(self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_profile_runs_only_its_own_provisioners() {
        assert!(
            Profile::Minikube
                .driver("k8s.io/minikube-hostpath")
                .is_some()
        );
        assert!(Profile::Minikube.driver("ebs.csi.aws.com").is_none());
        assert!(Profile::Kind.driver("rancher.io/local-path").is_some());
        assert!(Profile::Kind.driver("k8s.io/minikube-hostpath").is_none());
        assert!(Profile::Cloud.driver("ebs.csi.aws.com").is_some());
        assert!(Profile::Cloud.driver("nfs.csi.k8s.io").is_none());
    }

    #[test]
    fn efs_csi_driver_create_volume_requires_mode_and_file_system() {
        let keys: Vec<_> = EFS.required.iter().map(|r| r.key).collect();
        assert_eq!(keys, ["provisioningMode", "fileSystemId"]);
    }
}
