//! Updates of existing objects, with the API's immutability rules and PVC expansion
//! (semantics §10).

use super::ApplyOutcome;
use crate::sim::cluster::{involved, key};
use crate::sim::errors::{ApiError, FieldCause};
use crate::sim::events::EventType;
use crate::sim::objects::*;
use crate::sim::{Cluster, Object};

/// VAL `ValidatePersistentVolumeClaimUpdate`'s message for a changed spec.
pub const PVC_IMMUTABLE: &str = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";
/// VAL `ValidatePodUpdate`'s message.
pub const POD_IMMUTABLE: &str = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
/// apps validation's message for StatefulSet spec changes.
pub const STS_IMMUTABLE: &str = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

fn forbidden(kind: &str, name: &str, field: &str, detail: &str) -> ApiError {
    ApiError::invalid(kind, name, field, "Forbidden", detail)
}

/// Takes labels, annotations and finalizers from the new version and keeps the server-owned
/// metadata (uid, creation time, owners…) of the stored one.
fn merge_meta(old: &ObjectMeta, new: &mut ObjectMeta) {
    let mut merged = old.clone();
    merged.labels = new.labels.clone();
    merged.annotations = new.annotations.clone();
    merged.finalizers = new.finalizers.clone();
    *new = merged;
}

impl Cluster {
    /// Replaces a stored object with a new version (already merged by apply, or patched),
    /// enforcing the API's update rules.
    pub(super) fn update_object(&mut self, obj: Object) -> Result<ApplyOutcome, ApiError> {
        super::limits::check_object(&obj)?;
        let meta = obj.metadata().clone();
        let ns = meta.namespace_or_default().to_string();
        let name = meta.name.clone();
        let changed = match obj {
            Object::PersistentVolumeClaim(mut new) => {
                let old = self
                    .claims
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf(&obj_kind("persistentvolumeclaims"), &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                if new.spec.storage_class_name.is_none() {
                    new.spec.storage_class_name = new
                        .spec
                        .storage_class_name
                        .or(old.spec.storage_class_name.clone());
                }
                if new.spec.volume_name.is_none() {
                    new.spec.volume_name = new.spec.volume_name.or(old.spec.volume_name.clone());
                }
                new.spec.volume_mode = new.spec.volume_mode.or(old.spec.volume_mode.clone());
                new.status = old.status.clone();
                self.update_claim(old, new)?
            }
            Object::PersistentVolume(mut new) => {
                let old = self
                    .volumes
                    .get(&name)
                    .cloned()
                    .ok_or_else(|| nf("persistentvolumes", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                new.spec.persistent_volume_reclaim_policy = new
                    .spec
                    .persistent_volume_reclaim_policy
                    .or(old.spec.persistent_volume_reclaim_policy);
                new.spec.volume_mode = new.spec.volume_mode.or(old.spec.volume_mode.clone());
                let source = |s: &PersistentVolumeSpec| {
                    (
                        s.host_path.clone(),
                        s.local.clone(),
                        s.nfs.clone(),
                        s.csi.clone(),
                    )
                };
                if source(&old.spec) != source(&new.spec) {
                    return Err(forbidden(
                        "PersistentVolume",
                        &name,
                        "spec.persistentvolumesource",
                        "spec.persistentvolumesource is immutable after creation",
                    ));
                }
                new.status = old.status.clone();
                self.put_volume(new)
            }
            Object::StorageClass(mut new) => {
                let old = self
                    .classes
                    .get(&name)
                    .cloned()
                    .ok_or_else(|| nf("storageclasses.storage.k8s.io", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                let new = super::default_class(new);
                let mut causes = Vec::new();
                let mut check = |field: &str, same: bool| {
                    if !same {
                        causes.push(FieldCause {
                            field: field.into(),
                            kind: "Forbidden".into(),
                            detail: format!("updates to {field} are forbidden."),
                        });
                    }
                };
                check("parameters", old.parameters == new.parameters);
                check("provisioner", old.provisioner == new.provisioner);
                check("reclaimPolicy", old.reclaim_policy == new.reclaim_policy);
                check(
                    "volumeBindingMode",
                    old.volume_binding_mode == new.volume_binding_mode,
                );
                if !causes.is_empty() {
                    return Err(ApiError::Invalid {
                        kind: "StorageClass.storage.k8s.io".into(),
                        name,
                        causes,
                    });
                }
                self.put_class(new)
            }
            Object::Pod(mut new) => {
                let old = self
                    .pods
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("pods", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                new.spec.node_name = new.spec.node_name.or(old.spec.node_name.clone());
                new.spec.restart_policy =
                    new.spec.restart_policy.or(old.spec.restart_policy.clone());
                for (k, v) in &old.spec.extra {
                    new.spec.extra.entry(k.clone()).or_insert_with(|| v.clone());
                }
                let token = old
                    .spec
                    .volumes
                    .iter()
                    .find(|v| v.name.starts_with(super::TOKEN_VOLUME_PREFIX))
                    .map(|v| v.name.clone())
                    .unwrap_or_default();
                super::default_pod_spec(&mut new.spec, &token);
                let strip = |s: &PodSpec| {
                    let mut s = s.clone();
                    for c in s.containers.iter_mut().chain(s.init_containers.iter_mut()) {
                        c.image.clear();
                    }
                    s
                };
                if strip(&old.spec) != strip(&new.spec) {
                    return Err(forbidden("Pod", &name, "spec", POD_IMMUTABLE));
                }
                new.status = old.status.clone();
                let changed_images: Vec<Container> = new
                    .spec
                    .containers
                    .iter()
                    .filter(|c| {
                        old.spec
                            .containers
                            .iter()
                            .any(|o| o.name == c.name && o.image != c.image)
                    })
                    .cloned()
                    .collect();
                let mut changed = self.put_pod(new.clone());
                if !changed_images.is_empty() && crate::sim::kubelet::pod_started(&new) {
                    for c in &changed_images {
                        self.restart_container(&mut new, c, "was restarted with a new image");
                    }
                    changed |= self.put_pod(new);
                }
                changed
            }
            Object::Deployment(mut new) => {
                let old = self
                    .deployments
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("deployments.apps", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                let new = super::default_deployment(new);
                if old.spec.selector != new.spec.selector {
                    return Err(ApiError::invalid(
                        "Deployment.apps",
                        &name,
                        "spec.selector",
                        "Invalid value",
                        "field is immutable",
                    ));
                }
                let mut new = new;
                new.status = old.status.clone();
                if new.spec != old.spec {
                    new.metadata.generation = old.metadata.generation + 1;
                }
                self.put_deployment(new)
            }
            Object::StatefulSet(mut new) => {
                let old = self
                    .stateful_sets
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("statefulsets.apps", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                let mut new = super::default_stateful_set(new);
                let frozen = |s: &StatefulSetSpec| {
                    let mut s = s.clone();
                    s.replicas = None;
                    s.template = PodTemplateSpec::default();
                    s.persistent_volume_claim_retention_policy = None;
                    s.extra.remove("updateStrategy");
                    s.extra.remove("minReadySeconds");
                    s.extra.remove("ordinals");
                    s
                };
                if frozen(&old.spec) != frozen(&new.spec) {
                    return Err(forbidden("StatefulSet.apps", &name, "spec", STS_IMMUTABLE));
                }
                new.status = old.status.clone();
                if new.spec != old.spec {
                    new.metadata.generation = old.metadata.generation + 1;
                }
                self.put_stateful_set(new)
            }
            Object::ReplicaSet(mut new) => {
                let old = self
                    .replica_sets
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("replicasets.apps", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                new.status = old.status.clone();
                self.put_replica_set(new)
            }
            Object::ConfigMap(mut new) => {
                let old = self
                    .config_maps
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("configmaps", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                self.put_config_map(new)
            }
            Object::Secret(mut new) => {
                let old = self
                    .secrets
                    .get(&key(&ns, &name))
                    .cloned()
                    .ok_or_else(|| nf("secrets", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                new.type_ = new.type_.or(old.type_.clone());
                self.put_secret(new)
            }
            Object::Namespace(mut new) => {
                let old = self
                    .namespaces
                    .get(&name)
                    .cloned()
                    .ok_or_else(|| nf("namespaces", &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                self.put_namespace(new)
            }
            Object::Unsimulated(mut new) => {
                let ns_key = if new.metadata.namespace.is_some() {
                    ns.as_str()
                } else {
                    ""
                };
                let old = self
                    .others
                    .get(&(new.kind.clone(), key(ns_key, &name)))
                    .cloned()
                    .ok_or_else(|| nf(&new.kind.to_ascii_lowercase(), &name))?;
                merge_meta(&old.metadata, &mut new.metadata);
                self.put_other(new)
            }
        };
        Ok(if changed {
            ApplyOutcome::Configured
        } else {
            ApplyOutcome::Unchanged
        })
    }

    /// PVC updates: only `resources.requests` may change, only for a Bound claim, only
    /// upward, and only when the class allows expansion (VAL, RSZ; semantics §10).
    fn update_claim(
        &mut self,
        old: PersistentVolumeClaim,
        mut new: PersistentVolumeClaim,
    ) -> Result<bool, ApiError> {
        let name = old.metadata.name.clone();
        let mut old_spec = old.spec.clone();
        old_spec.resources = new.spec.resources.clone();
        // The retroactive default class and a first volumeName are allowed (VAL).
        if old_spec.storage_class_name.is_none() {
            old_spec.storage_class_name = new.spec.storage_class_name.clone();
        }
        if old_spec.volume_name().is_none() {
            old_spec.volume_name = new.spec.volume_name.clone();
        }
        if old_spec != new.spec {
            return Err(forbidden(
                "PersistentVolumeClaim",
                &name,
                "spec",
                PVC_IMMUTABLE,
            ));
        }
        let (Some(old_req), Some(new_req)) =
            (old.spec.request().cloned(), new.spec.request().cloned())
        else {
            return Ok(self.put_claim(new));
        };
        if old_req == new_req {
            return Ok(self.put_claim(new));
        }
        if old.status.phase != Some(ClaimPhase::Bound) {
            return Err(forbidden(
                "PersistentVolumeClaim",
                &name,
                "spec",
                PVC_IMMUTABLE,
            ));
        }
        if old
            .status
            .capacity
            .get("storage")
            .is_some_and(|cap| &new_req < cap)
        {
            return Err(forbidden(
                "PersistentVolumeClaim",
                &name,
                "spec.resources.requests.storage",
                "field can not be less than status.capacity",
            ));
        }
        let class = super::super::pv_controller::classes::claim_class(&old).to_string();
        let expandable = self
            .classes
            .get(&class)
            .is_some_and(|sc| sc.allow_volume_expansion == Some(true));
        if !expandable {
            return Err(ApiError::Forbidden {
                resource: "persistentvolumeclaims".into(),
                name,
                message: "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize".into(),
            });
        }
        // The resizer grows the PV; the claim reports the new capacity once done.
        if let Some(pv_name) = old.spec.volume_name() {
            if let Some(mut pv) = self.volumes.get(pv_name).cloned() {
                pv.spec.capacity.insert("storage".into(), new_req.clone());
                self.put_volume(pv);
                let who = involved("PersistentVolumeClaim", &old.metadata);
                let resizer = self
                    .classes
                    .get(&class)
                    .map(|c| c.provisioner.clone())
                    .unwrap_or_default();
                self.record(
                    who.clone(),
                    EventType::Normal,
                    "Resizing",
                    format!("External resizer is resizing volume {pv_name}"),
                    &format!("external-resizer {resizer}"),
                );
                self.record(
                    who,
                    EventType::Normal,
                    "VolumeResizeSuccessful",
                    format!(
                        "resize volume {pv_name:?} by resizer {resizer:?} finished successfully"
                    ),
                    &format!("external-resizer {resizer}"),
                );
            }
        }
        new.status.capacity.insert("storage".into(), new_req);
        Ok(self.put_claim(new))
    }
}

fn nf(resource: &str, name: &str) -> ApiError {
    ApiError::NotFound {
        resource: resource.into(),
        name: name.into(),
    }
}

fn obj_kind(s: &str) -> String {
    s.to_string()
}
