//! What each volume plugin does to the ownership and mode of the directory it mounts, and
//! whether it applies the pod's `fsGroup` (volume ownership management):
//!
//! | volume | root directory | fsGroup |
//! |---|---|---|
//! | emptyDir (disk or Memory) | root 0777 (`pkg/volume/emptydir/empty_dir.go` `defaultPerm`) | yes (`SetUpAt` calls `ChangePermissions`) |
//! | hostPath, inline or PV | as found; created by the kubelet or the runtime root 0755 (`host_path.go` `makeDir`) | no (its `SetUp` only checks the type) |
//! | hostPath PV of minikube's provisioner | 0777 (minikube `pkg/storage/storage_provisioner.go` `Provision`: `MkdirAll` and `Chmod` 0777) | no |
//! | hostPath PV of rancher.io/local-path | 0777 (its setup script: `mkdir -m 0777 -p "$VOL_DIR"`) | no |
//! | local PV | as found | yes (`pkg/volume/local/local.go` `SetUpAt`) |
//! | NFS (in-tree) | as exported (root 0755 here) | no; the nfs-subdir provisioner's directories are 0777 |
//! | CSI | a new filesystem: root 0755 | per the driver's `fsGroupPolicy` (`pkg/volume/csi/csi_mounter.go` `supportsFSGroup`) |
//!
//! The provisioners' modes are recorded when the kubelet first mounts such a directory (nothing
//! looks at them before). fsGroup is applied on every pod start, recursively
//! (`pkg/volume/volume_linux.go` `changeFilePermission`; `fsGroupChangePolicy` only skips
//! work that would change nothing).

use super::super::Cluster;
use super::super::data::{FsId, is_within};
use super::super::location::{Placement, volume_placement};
use super::super::objects::*;
use super::super::permissions::{Perm, pod_fs_group, with_fs_group};
use super::super::pv_controller::provision::ANN_PROVISIONED_BY;

/// Provisioners whose directories are world-writable when they are made.
const WORLD_WRITABLE_PROVISIONERS: &[&str] = &[
    "k8s.io/minikube-hostpath",
    "rancher.io/local-path",
    "k8s-sigs.io/nfs-subdir-external-provisioner",
];

/// CSI drivers whose `CSIDriver` object sets `fsGroupPolicy: File` (fsGroup always applied):
/// csi-driver-nfs and csi-driver-host-path deploy theirs that way. Every other driver gets
/// the default `ReadWriteOnceWithFSType`.
const FILE_FS_GROUP_POLICY_DRIVERS: &[&str] = &["nfs.csi.k8s.io", "hostpath.csi.k8s.io"];

impl Cluster {
    /// Sets up ownership for every volume of a pod being started on a node (after its mounts
    /// succeeded).
    pub(super) fn set_up_volume_ownership(&mut self, pod: &Pod) {
        let fs_group = pod_fs_group(pod);
        for v in &pod.spec.volumes {
            let Ok((fs, root, read_only)) = self.volume_root(pod, v) else {
                continue;
            };
            let applies = if v.empty_dir.is_some() {
                if !self.has_perm(&fs, &root) {
                    self.data.set_perm(&fs, &root, Perm::root(0o777));
                }
                true
            } else if pod.volume_claim_name(v).is_some() {
                self.claim_volume_ownership(pod, v, &fs, &root)
            } else {
                false
            };
            if let (true, false, Some(g)) = (applies, read_only, fs_group) {
                self.change_permissions(&fs, &root, g);
            }
        }
    }

    fn has_perm(&self, fs: &FsId, path: &str) -> bool {
        self.data
            .filesystems
            .get(fs)
            .is_some_and(|f| f.perms.contains_key(path))
    }

    /// A claim's PV: records a provisioner's world-writable directory, and says whether the
    /// plugin applies fsGroup.
    fn claim_volume_ownership(&mut self, pod: &Pod, v: &Volume, fs: &FsId, root: &str) -> bool {
        let ns = pod.metadata.namespace_or_default();
        let Some(pv) = pod
            .volume_claim_name(v)
            .and_then(|c| self.claim(ns, &c))
            .and_then(|c| c.spec.volume_name())
            .and_then(|n| self.volume(n))
            .cloned()
        else {
            return false;
        };
        let spec = &pv.spec;
        if spec.host_path.is_some() || spec.nfs.is_some() {
            let made_open = pv
                .metadata
                .annotations
                .get(ANN_PROVISIONED_BY)
                .is_some_and(|p| WORLD_WRITABLE_PROVISIONERS.contains(&p.as_str()));
            if made_open && !self.has_perm(fs, root) {
                self.data.set_perm(fs, root, Perm::root(0o777));
            }
            return false;
        }
        if spec.local.is_some() {
            return true;
        }
        if let Some(csi) = &spec.csi {
            return csi_supports_fs_group(&csi.driver, &csi.extra, &spec.access_modes);
        }
        // In-tree attachable disks (awsElasticBlockStore, gcePersistentDisk…) manage
        // ownership like a CSI disk with an fsType; shared filesystems do not.
        matches!(
            volume_placement(&pv),
            Placement::Network {
                attachable: true,
                ..
            }
        )
    }

    /// `ChangePermissions` with an fsGroup over everything under `root` in `fs`.
    fn change_permissions(&mut self, fs: &FsId, root: &str, fs_group: u32) {
        let f = self.data.ensure(fs);
        let dirs: Vec<String> = std::iter::once(root.to_string())
            .chain(f.dirs.iter().filter(|d| is_within(d, root)).cloned())
            .collect();
        let files: Vec<String> = f
            .files
            .keys()
            .filter(|p| is_within(p, root))
            .cloned()
            .collect();
        for d in dirs {
            let p = self.data.perm(fs, &d, true);
            self.data.set_perm(fs, &d, with_fs_group(p, fs_group, true));
        }
        for file in files {
            let p = self.data.perm(fs, &file, false);
            self.data
                .set_perm(fs, &file, with_fs_group(p, fs_group, false));
        }
    }
}

/// `csi_mounter.go` `supportsFSGroup`: policy `File` always; the default
/// `ReadWriteOnceWithFSType` only with an `fsType` and a ReadWriteOnce PV.
fn csi_supports_fs_group(driver: &str, extra: &Extra, modes: &[AccessMode]) -> bool {
    if FILE_FS_GROUP_POLICY_DRIVERS.contains(&driver) {
        return true;
    }
    let fs_type = extra.get("fsType").and_then(|v| v.as_str()).unwrap_or("");
    !fs_type.is_empty() && modes.contains(&AccessMode::ReadWriteOnce)
}
