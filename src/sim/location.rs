//! Where a volume's data physically lives: which filesystem, and which directory in it.
//! This is the single place that maps volume sources to storage (semantics §8.1).

use super::data::FsId;
use super::objects::*;

/// How a PV's storage behaves across nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A directory on the disk of whichever node mounts it (hostPath): each node has its own.
    NodeLocal {
        /// The directory.
        path: String,
    },
    /// Storage outside the nodes, the same from every node.
    Network {
        /// The filesystem.
        fs: FsId,
        /// The directory in it.
        path: String,
        /// Whether it is a block device attached to one node at a time (cloud disks, most CSI
        /// drivers): a second node gets Multi-Attach (semantics §8.1).
        attachable: bool,
    },
}

/// CSI drivers (and similar) that serve shared filesystems rather than attachable disks.
const SHARED_FS_DRIVERS: &[&str] = &[
    "nfs.csi.k8s.io",
    "efs.csi.aws.com",
    "file.csi.azure.com",
    "filestore.csi.storage.gke.io",
    "cephfs.csi.ceph.com",
];

/// Whether a CSI driver name serves a shared filesystem (not attachable).
pub fn is_shared_fs_driver(driver: &str) -> bool {
    SHARED_FS_DRIVERS.contains(&driver) || driver.ends_with(".cephfs.csi.ceph.com")
}

/// Where a PV's data lives.
pub fn volume_placement(pv: &PersistentVolume) -> Placement {
    let spec = &pv.spec;
    if let Some(hp) = &spec.host_path {
        return Placement::NodeLocal {
            path: hp.path.clone(),
        };
    }
    if let Some(local) = &spec.local {
        return Placement::NodeLocal {
            path: local.path.clone(),
        };
    }
    if let Some(nfs) = &spec.nfs {
        return Placement::Network {
            fs: FsId::Network {
                id: format!("nfs://{}", nfs.server),
            },
            path: nfs.path.clone(),
            attachable: false,
        };
    }
    if let Some(csi) = &spec.csi {
        if csi.driver == crate::sim::profile::addons::HOSTPATH_CSI.name {
            // The CSI hostpath driver keeps each volume in a directory of one node's disk.
            return Placement::NodeLocal {
                path: format!(
                    "{}/{}",
                    crate::sim::profile::addons::HOSTPATH_DATA_DIR,
                    csi.volume_handle
                ),
            };
        }
        return Placement::Network {
            fs: FsId::Network {
                id: format!("csi://{}/{}", csi.driver, csi.volume_handle),
            },
            path: "/".into(),
            attachable: !is_shared_fs_driver(&csi.driver),
        };
    }
    // Any other source (awsElasticBlockStore, gcePersistentDisk, iscsi, cephfs…): identify it
    // by its source key and the PV name. Shared-filesystem sources are not attachable.
    let source = spec
        .extra
        .keys()
        .next()
        .cloned()
        .unwrap_or_else(|| "volume".into());
    let attachable = !matches!(
        source.as_str(),
        "cephfs" | "glusterfs" | "azureFile" | "quobyte" | "flocker"
    );
    Placement::Network {
        fs: FsId::Network {
            id: format!("{source}://{}", pv.metadata.name),
        },
        path: "/".into(),
        attachable,
    }
}

/// The node a PV is pinned to by a `kubernetes.io/hostname In [x]` node affinity, if any.
pub fn pinned_node(pv: &PersistentVolume) -> Option<String> {
    let terms = &pv
        .spec
        .node_affinity
        .as_ref()?
        .required
        .as_ref()?
        .node_selector_terms;
    terms
        .iter()
        .flat_map(|t| t.match_expressions.iter())
        .find_map(|e| {
            (e.key == HOSTNAME_LABEL && e.operator == "In" && e.values.len() == 1)
                .then(|| e.values[0].clone())
        })
}
