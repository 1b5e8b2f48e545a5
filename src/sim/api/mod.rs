//! The simulated API server's verbs: create, apply (create or update), delete, scale,
//! rollout restart, cordon and drain. Each validates first and changes nothing on error, then
//! lets the controllers settle.

mod apply_merge;
mod defaults;
mod delete;
mod limits;
mod node_meta;
mod ops;
mod update;

pub use apply_merge::{LAST_APPLIED, three_way_merge};
pub use defaults::*;
pub use delete::{DeleteOptions, DeleteOutcome};
pub(crate) use limits::desired_replicas;
pub use limits::objects_message;
pub use ops::DrainReport;

use super::cluster::key;
use super::errors::ApiError;
use super::objects::*;
use super::{Cluster, Kind, Object};

/// What `apply` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// The object was new.
    Created,
    /// The object existed and changed.
    Configured,
    /// The object existed and nothing changed.
    Unchanged,
}

impl ApplyOutcome {
    /// The word kubectl prints (`created`, `configured`, `unchanged`).
    pub fn as_str(self) -> &'static str {
        match self {
            ApplyOutcome::Created => "created",
            ApplyOutcome::Configured => "configured",
            ApplyOutcome::Unchanged => "unchanged",
        }
    }
}

impl Cluster {
    /// Every API call needs the API server: while its control-plane node is down nothing can
    /// be read or written through it (issue 11, "The control plane is a node that can fail").
    pub(crate) fn require_api(&self) -> Result<(), ApiError> {
        if self.api_reachable() {
            return Ok(());
        }
        Err(ApiError::Unreachable(
            crate::kubectl::connection::unreachable_message(&self.api_server_or_default()),
        ))
    }

    /// `kubectl create`: fails with AlreadyExists if the object exists.
    pub fn create(&mut self, obj: Object) -> Result<ApplyOutcome, ApiError> {
        self.require_api()?;
        let (kind_plural, ns, name) = identity(&obj);
        if self.exists(&obj) {
            return Err(ApiError::AlreadyExists {
                resource: kind_plural,
                name,
            });
        }
        self.check_namespace(&obj, &ns)?;
        self.insert_new(obj)?;
        self.settle();
        Ok(ApplyOutcome::Created)
    }

    /// `kubectl apply`: creates the object, or updates it. Fields the manifest leaves out keep
    /// their current values (what the API or a controller set), as a three-way merge would.
    pub fn apply(&mut self, obj: Object) -> Result<ApplyOutcome, ApiError> {
        self.require_api()?;
        if !self.exists(&obj) {
            let (_, ns, _) = identity(&obj);
            self.check_namespace(&obj, &ns)?;
            self.insert_new(obj)?;
            self.settle();
            return Ok(ApplyOutcome::Created);
        }
        let merged = self.merge_for_apply(obj)?;
        let outcome = self.update_object(merged)?;
        self.settle();
        Ok(outcome)
    }

    /// Client-side apply: the three-way merge of the live object, its last applied
    /// configuration and the new manifest ([`three_way_merge`]).
    fn merge_for_apply(&self, obj: Object) -> Result<Object, ApiError> {
        let meta = obj.metadata();
        let ns = meta.namespace_or_default();
        let live = match &obj {
            Object::Unsimulated(u) => {
                let ns = if meta.namespace.is_some() { ns } else { "" };
                self.others
                    .get(&(u.kind.clone(), key(ns, &meta.name)))
                    .cloned()
                    .map(Object::Unsimulated)
            }
            other => other
                .kind()
                .and_then(|k| self.get_object(k, ns, &meta.name)),
        };
        let Some(live) = live else { return Ok(obj) };
        let last = live
            .metadata()
            .annotations
            .get(LAST_APPLIED)
            .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
            .unwrap_or(serde_json::Value::Null);
        let merged = three_way_merge(&live.to_value(), &last, &obj.to_value());
        Object::from_value(merged).map_err(|e| ApiError::BadRequest(e.to_string()))
    }

    /// Applies several objects in order, then lets the controllers settle once, as they would
    /// catch up after a `kubectl apply -f` of a multi-document file. Stops at the first error;
    /// the objects before it stay applied, as with kubectl.
    pub fn apply_all(&mut self, objects: Vec<Object>) -> Vec<Result<ApplyOutcome, ApiError>> {
        let mut results = Vec::with_capacity(objects.len());
        for obj in objects {
            if let Err(e) = self.require_api() {
                results.push(Err(e));
                continue;
            }
            let result = if self.exists(&obj) {
                self.merge_for_apply(obj)
                    .and_then(|merged| self.update_object(merged))
            } else {
                let (_, ns, _) = identity(&obj);
                self.check_namespace(&obj, &ns)
                    .and_then(|()| self.insert_new(obj))
                    .map(|()| ApplyOutcome::Created)
            };
            results.push(result);
        }
        self.settle();
        results
    }

    /// Replaces an object with a new version as a whole (the result of a patch): omitted
    /// fields are removed, immutability rules apply.
    pub fn replace(&mut self, obj: Object) -> Result<ApplyOutcome, ApiError> {
        self.require_api()?;
        if !self.exists(&obj) {
            let (plural, _, name) = identity(&obj);
            return Err(ApiError::NotFound {
                resource: plural,
                name,
            });
        }
        let outcome = self.update_object(obj)?;
        self.settle();
        Ok(outcome)
    }

    fn exists(&self, obj: &Object) -> bool {
        let meta = obj.metadata();
        let ns = meta.namespace_or_default();
        let name = meta.name.as_str();
        match obj {
            Object::Unsimulated(u) => {
                let ns = if meta.namespace.is_some() { ns } else { "" };
                self.others.contains_key(&(u.kind.clone(), key(ns, name)))
            }
            other => other
                .kind()
                .is_some_and(|k| self.get_object(k, ns, name).is_some()),
        }
    }

    fn check_namespace(&self, obj: &Object, ns: &str) -> Result<(), ApiError> {
        let namespaced = obj
            .kind()
            .map(Kind::namespaced)
            .unwrap_or(obj.metadata().namespace.is_some());
        if namespaced && !self.namespaces.contains_key(ns) {
            return Err(ApiError::NotFound {
                resource: "namespaces".into(),
                name: ns.into(),
            });
        }
        Ok(())
    }

    /// Stores a new object with server-set metadata and defaults (admission included).
    fn insert_new(&mut self, obj: Object) -> Result<(), ApiError> {
        limits::check_object(&obj)?;
        self.check_room(&obj)?;
        match obj {
            Object::Pod(mut p) => {
                self.prepare_generated(&mut p.metadata);
                let token = self.token_volume_name();
                let p = default_pod(p, &token);
                self.put_pod(p);
            }
            Object::PersistentVolumeClaim(c) => {
                self.create_claim(c)?;
            }
            Object::PersistentVolume(mut pv) => {
                self.prepare_meta(&mut pv.metadata, false);
                self.put_volume(default_volume(pv));
            }
            Object::StorageClass(mut sc) => {
                self.prepare_meta(&mut sc.metadata, false);
                self.put_class(default_class(sc));
            }
            Object::Deployment(mut d) => {
                self.prepare_generated(&mut d.metadata);
                self.put_deployment(default_deployment(d));
            }
            Object::ReplicaSet(mut rs) => {
                self.prepare_generated(&mut rs.metadata);
                rs.spec.replicas.get_or_insert(1);
                self.put_replica_set(rs);
            }
            Object::StatefulSet(mut s) => {
                self.prepare_generated(&mut s.metadata);
                self.put_stateful_set(default_stateful_set(s));
            }
            Object::ConfigMap(mut cm) => {
                self.prepare_meta(&mut cm.metadata, true);
                self.put_config_map(cm);
            }
            Object::Secret(mut s) => {
                self.prepare_meta(&mut s.metadata, true);
                s.type_.get_or_insert_with(|| "Opaque".into());
                self.put_secret(s);
            }
            Object::Namespace(mut n) => {
                self.prepare_meta(&mut n.metadata, false);
                let name = n.metadata.name.clone();
                n.metadata
                    .labels
                    .insert("kubernetes.io/metadata.name".into(), name);
                self.put_namespace(n);
            }
            Object::Unsimulated(mut u) => {
                let namespaced = u.metadata.namespace.is_some();
                self.prepare_meta(&mut u.metadata, namespaced);
                self.put_other(u);
            }
        }
        Ok(())
    }

    /// Creates a claim with DefaultStorageClass admission: an unset class gets the default
    /// class's name written in at creation (DSC `Admit`, semantics §1.2).
    pub(crate) fn create_claim(
        &mut self,
        mut claim: PersistentVolumeClaim,
    ) -> Result<(), ApiError> {
        if !self.has_room() {
            return Err(ApiError::Forbidden {
                resource: Kind::PersistentVolumeClaim.qualified_plural(),
                name: claim.metadata.name.clone(),
                message: objects_message(),
            });
        }
        if self.claims.contains_key(&key(
            claim.metadata.namespace_or_default(),
            &claim.metadata.name,
        )) {
            return Err(ApiError::AlreadyExists {
                resource: Kind::PersistentVolumeClaim.qualified_plural(),
                name: claim.metadata.name.clone(),
            });
        }
        self.prepare_meta(&mut claim.metadata, true);
        if super::pv_controller::classes::claim_class_field(&claim).is_none() {
            if let Some(default) = self.default_storage_class() {
                claim.spec.storage_class_name = Some(default.metadata.name.clone());
            }
        }
        self.put_claim(default_claim(claim));
        Ok(())
    }

    /// A fresh `kube-api-access-xxxxx` name.
    pub(crate) fn token_volume_name(&mut self) -> String {
        format!("{TOKEN_VOLUME_PREFIX}{}", self.rng.suffix(5))
    }

    /// uid, creation time, namespace defaulting, generateName.
    fn prepare_meta(&mut self, meta: &mut ObjectMeta, namespaced: bool) {
        self.prepare_meta_with(meta, namespaced, false);
    }

    /// `prepare_meta` for kinds whose API sets `metadata.generation`.
    fn prepare_generated(&mut self, meta: &mut ObjectMeta) {
        self.prepare_meta_with(meta, true, true);
    }

    fn prepare_meta_with(&mut self, meta: &mut ObjectMeta, namespaced: bool, generated: bool) {
        if namespaced {
            meta.namespace.get_or_insert_with(|| "default".into());
        } else {
            meta.namespace = None;
        }
        if meta.name.is_empty() {
            if let Some(prefix) = &meta.generate_name {
                meta.name = format!("{prefix}{}", self.rng.suffix(5));
            }
        }
        if generated {
            self.stamp_generated(meta);
        } else {
            self.stamp_new(meta);
        }
    }
}

/// `(qualified plural, namespace, name)` of an object, for error messages.
pub(crate) fn identity(obj: &Object) -> (String, String, String) {
    let meta = obj.metadata();
    let plural = match obj.kind() {
        Some(k) => k.qualified_plural(),
        None => format!("{}s", obj.kind_name().to_ascii_lowercase()),
    };
    (
        plural,
        meta.namespace_or_default().to_string(),
        meta.name.clone(),
    )
}
