//! What happens to a Released PV (semantics §6.1, §6.3): Retain keeps it, Delete removes it
//! (and, for external provisioners, its data), Recycle scrubs it. The in-tree hostPath deleter
//! only handles `/tmp/.+`: elsewhere the PV goes Failed and the files stay (HP).

use super::binding::PV_CONTROLLER;
use super::provision::{ANN_PROVISIONED_BY, is_external};
use crate::sim::Cluster;
use crate::sim::cluster::involved;
use crate::sim::data::FsId;
use crate::sim::events::EventType;
use crate::sim::location::{Placement, pinned_node, volume_placement};
use crate::sim::objects::*;

impl Cluster {
    /// PVC-CTRL `reclaimVolume`, run on every sync of a Released (or Failed) PV.
    pub(crate) fn reclaim_volume(&mut self, name: &str) {
        let Some(pv) = self.volumes.get(name).cloned() else {
            return;
        };
        match pv.spec.reclaim_policy() {
            ReclaimPolicy::Retain => {}
            ReclaimPolicy::Recycle => self.recycle_volume(pv),
            ReclaimPolicy::Delete => self.delete_volume(pv),
        }
    }

    fn fail_volume(&mut self, mut pv: PersistentVolume, reason: &str, message: String) {
        let who = involved("PersistentVolume", &pv.metadata);
        self.record(
            who,
            EventType::Warning,
            reason,
            message.clone(),
            PV_CONTROLLER,
        );
        self.set_volume_phase(&mut pv, VolumePhase::Failed);
        pv.status.message = Some(message);
        self.put_volume(pv);
    }

    fn delete_volume(&mut self, pv: PersistentVolume) {
        let name = pv.metadata.name.clone();
        if let Some(provisioner) = pv.metadata.annotations.get(ANN_PROVISIONED_BY).cloned() {
            if is_external(&provisioner) {
                // The external provisioner deletes the storage and the PV object. If it is not
                // running, the PV stays Released (the controller waits for the "external
                // deleter").
                if self.config.profile.driver(&provisioner).is_some() {
                    let why = format!(
                        "claim deleted and PV {name} has reclaim policy Delete: the provisioner {provisioner} deleted the volume and its data"
                    );
                    self.destroy_volume_storage(&pv, why);
                    self.remove_volume_object(&name);
                }
                return;
            }
        }
        if let Some(hp) = &pv.spec.host_path {
            let path = hp.path.clone();
            let under_tmp = path
                .strip_prefix("/tmp/")
                .is_some_and(|rest| !rest.is_empty());
            if under_tmp {
                // HP hostPathDeleter: the RemoveAll runs inside kube-controller-manager, so the
                // node's directory is left alone; only the PV object goes (code-derived).
                self.remove_volume_object(&name);
            } else {
                self.fail_volume(
                    pv,
                    "VolumeFailedDelete",
                    format!("host_path deleter only supports /tmp/.+ but received provided {path}"),
                );
            }
            return;
        }
        self.fail_volume(
            pv,
            "VolumeFailedDelete",
            format!(
                "error getting deleter volume plugin for volume {name:?}: no volume plugin matched"
            ),
        );
    }

    fn recycle_volume(&mut self, mut pv: PersistentVolume) {
        if pv.spec.host_path.is_none() && pv.spec.nfs.is_none() {
            self.fail_volume(
                pv,
                "VolumeFailedRecycle",
                "No recycler plugin found for the volume!".into(),
            );
            return;
        }
        let why = format!(
            "PV {} has reclaim policy Recycle: a recycler pod ran rm -rf on it",
            pv.metadata.name
        );
        self.destroy_volume_storage(&pv, why);
        pv.spec.claim_ref = None;
        self.set_volume_phase(&mut pv, VolumePhase::Available);
        let who = involved("PersistentVolume", &pv.metadata);
        self.put_volume(pv);
        self.record(
            who,
            EventType::Normal,
            "VolumeRecycled",
            "Volume recycled".into(),
            PV_CONTROLLER,
        );
    }

    /// Deletes the data behind a PV and records the loss. Node-local storage is removed on the
    /// node the PV is pinned to, or else where the provisioner runs (the first node).
    fn destroy_volume_storage(&mut self, pv: &PersistentVolume, why: String) {
        match volume_placement(pv) {
            Placement::NodeLocal { path } => {
                let node = pinned_node(pv)
                    .or_else(|| {
                        pv.metadata
                            .annotations
                            .get("hostPathProvisionerIdentity")
                            .cloned()
                    })
                    .or_else(|| self.config.nodes.first().cloned())
                    .unwrap_or_default();
                let fs = FsId::NodeDisk { node };
                let now = self.now;
                self.data.remove_tree(&fs, &path, why, now);
            }
            Placement::Network { fs, path, .. } => {
                let now = self.now;
                if path == "/" {
                    self.data.destroy(&fs, why, now);
                } else {
                    self.data.remove_tree(&fs, &path, why, now);
                }
            }
        }
        crate::sim::cluster::retain(&mut self.attachments, |(p, _), _| *p != pv.metadata.name);
    }

    /// Removes a PV object (finalizers done).
    pub(crate) fn remove_volume_object(&mut self, name: &str) {
        if self.volumes.remove(name).is_some() {
            self.resource_version += 1;
        }
    }
}
