//! Mounting volumes: hostPath type checks, local paths, configMaps and claims. Attaching block
//! volumes is the attach/detach controller's ([`super::super::attach_detach`]).

use super::super::Cluster;
use super::super::data::{FsId, normalize};
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
                    // An attachable volume is mounted once the attach/detach controller has
                    // attached it ([`Cluster::unattached_volume`]).
                    Placement::Network { .. } => {}
                }
            }
        }
        Ok(())
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
