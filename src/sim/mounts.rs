//! Resolving a path inside a container to the filesystem that really holds it: the longest
//! mountPath prefix wins, subPath selects a directory inside the volume (semantics §8.1).

use super::Cluster;
use super::data::{FsId, is_within, join, normalize};
use super::location::{Placement, volume_placement};
use super::objects::*;

/// Where a container path really is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedPath {
    /// The filesystem.
    pub fs: FsId,
    /// The absolute path inside that filesystem.
    pub path: String,
    /// Whether writes are refused (readOnly mount, configMap, secret).
    pub read_only: bool,
    /// The pod volume it goes through, if any.
    pub volume: Option<String>,
}

impl Cluster {
    /// Resolves `path` as seen by `container` of `pod`. Fails when a volume is not usable yet
    /// (claim unbound), with a message saying why.
    pub fn resolve_container_path(
        &self,
        pod: &Pod,
        container: &Container,
        path: &str,
    ) -> Result<ResolvedPath, String> {
        let path = normalize(path);
        let mount = container
            .volume_mounts
            .iter()
            .filter(|m| is_within(&path, &m.mount_path))
            .max_by_key(|m| normalize(&m.mount_path).len());
        let status = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == container.name);
        let Some(mount) = mount else {
            return Ok(ResolvedPath {
                fs: FsId::ContainerLayer {
                    pod_uid: pod.metadata.uid.clone(),
                    container: container.name.clone(),
                    instance: status.map(|s| s.restart_count).unwrap_or(0),
                },
                path,
                read_only: false,
                volume: None,
            });
        };
        let mount_path = normalize(&mount.mount_path);
        let rest = path
            .strip_prefix(&mount_path)
            .unwrap_or("")
            .trim_start_matches('/');
        let sub = mount.sub_path.as_deref().unwrap_or("");
        let volume = pod
            .spec
            .volume(&mount.name)
            .ok_or_else(|| format!("volume {:?} is not defined in the pod", mount.name))?;
        let (fs, root, read_only) = self.volume_root(pod, volume)?;
        Ok(ResolvedPath {
            fs,
            path: join(&join(&root, sub), rest),
            read_only: read_only || mount.read_only == Some(true),
            volume: Some(volume.name.clone()),
        })
    }

    /// The filesystem and directory a pod volume stands for.
    pub(crate) fn volume_root(
        &self,
        pod: &Pod,
        volume: &Volume,
    ) -> Result<(FsId, String, bool), String> {
        let uid = pod.metadata.uid.clone();
        let node = pod.spec.node_name.clone().unwrap_or_default();
        if let Some(ed) = &volume.empty_dir {
            let fs = if ed.is_memory() {
                FsId::Tmpfs {
                    pod_uid: uid,
                    volume: volume.name.clone(),
                }
            } else {
                FsId::EmptyDir {
                    pod_uid: uid,
                    volume: volume.name.clone(),
                }
            };
            return Ok((fs, "/".into(), false));
        }
        if let Some(hp) = &volume.host_path {
            return Ok((FsId::NodeDisk { node }, normalize(&hp.path), false));
        }
        if volume.config_map.is_some() || volume.secret.is_some() {
            let fs = FsId::EmptyDir {
                pod_uid: uid,
                volume: volume.name.clone(),
            };
            return Ok((fs, "/".into(), true));
        }
        // A generic ephemeral volume is its claim `<pod>-<volume>` (the kubelet's
        // `desired_state_of_world_populator.go` `createVolumeSpec` treats it as a PVC).
        if let Some(claim_name) = pod.volume_claim_name(volume) {
            let ns = pod.metadata.namespace_or_default();
            let claim = self
                .claim(ns, &claim_name)
                .ok_or_else(|| format!("persistentvolumeclaim {claim_name:?} not found"))?;
            if volume.ephemeral.is_some() {
                crate::sim::workloads::volume_is_for_pod(pod, claim)?;
            }
            let pv_name = claim
                .spec
                .volume_name()
                .filter(|_| claim.status.phase == Some(ClaimPhase::Bound))
                .ok_or_else(|| format!("persistentvolumeclaim {claim_name:?} is not bound"))?;
            let pv = self
                .volume(pv_name)
                .ok_or_else(|| format!("persistentvolume {pv_name:?} not found"))?;
            let ro = volume
                .persistent_volume_claim
                .as_ref()
                .is_some_and(|src| src.read_only == Some(true));
            return Ok(match volume_placement(pv) {
                Placement::NodeLocal { path } => (FsId::NodeDisk { node }, normalize(&path), ro),
                Placement::Network { fs, path, .. } => (fs, normalize(&path), ro),
            });
        }
        if let Some(nfs) = volume.extra.get("nfs") {
            let server = nfs.get("server").and_then(|v| v.as_str()).unwrap_or("nfs");
            let path = nfs.get("path").and_then(|v| v.as_str()).unwrap_or("/");
            return Ok((
                FsId::Network {
                    id: format!("nfs://{server}"),
                },
                normalize(path),
                false,
            ));
        }
        // Other inline sources (csi, projected, downwardAPI…) are not simulated as
        // persistent: they behave like scratch space of the pod.
        Ok((
            FsId::EmptyDir {
                pod_uid: uid,
                volume: volume.name.clone(),
            },
            "/".into(),
            false,
        ))
    }
}
