//! Mounting volumes: hostPath type checks, local paths, configMaps, claims, and attaching
//! block volumes (Multi-Attach).

use super::super::Cluster;
use super::super::cluster::{Attachment, involved};
use super::super::data::{FsId, normalize};
use super::super::events::EventType;
use super::super::location::{Placement, volume_placement};
use super::super::objects::*;

impl Cluster {
    /// Checks and performs every mount of a pod on a node (hostPath type checks, claims bound,
    /// configMaps present, attachable volumes free).
    pub(super) fn mount_volumes(
        &mut self,
        pod: &Pod,
        node: &str,
    ) -> Result<(), (&'static str, String)> {
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
            if let Some(claim_name) = pod.volume_claim_name(v) {
                // DSWP `createVolumeSpec`: an ephemeral volume's claim must be the pod's own.
                if v.ephemeral.is_some() {
                    if let Some(claim) = self.claim(&ns, &claim_name) {
                        crate::sim::workloads::volume_is_for_pod(pod, claim).map_err(|e| {
                            (
                                "FailedMount",
                                format!(
                                    "Unable to attach or mount volumes: unmounted volumes=[{}]: {e}",
                                    v.name
                                ),
                            )
                        })?;
                    }
                }
                let bound = self
                    .claim(&ns, &claim_name)
                    .filter(|c| c.status.phase == Some(ClaimPhase::Bound))
                    .and_then(|c| c.spec.volume_name())
                    .and_then(|n| self.volume(n))
                    .cloned();
                let Some(pv) = bound else {
                    return Err((
                        "FailedMount",
                        format!(
                            "Unable to attach or mount volumes: unmounted volumes=[{}]: persistentvolumeclaim {:?} is not bound",
                            v.name, claim_name
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
    pub(super) fn attach(
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
        pod.claim_names()
            .iter()
            .any(|c| self.claim(ns, c).and_then(|c| c.spec.volume_name()) == Some(pv))
    }

    /// HP `checkTypeInternal`: the hostPath type checks, creating what `*OrCreate` creates
    /// (semantics §8.1). The default type `""` checks nothing; the runtime creates a missing
    /// directory.
    pub(super) fn check_host_path(
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
}
