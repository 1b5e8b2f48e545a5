//! The API server's side of kubestory's limits ([`crate::sim::limits`]): every object the
//! API stores (create, apply, patch, scale) is checked here, whatever way it came in, so a
//! patch or a scale cannot go around the manifest checks. Errors are in the API server's
//! words (`field.Invalid`, `field.TooMany`, a quota-like `Forbidden`); the kubectl layer adds
//! a `kubestory:` note.

use crate::sim::errors::{ApiError, FieldCause};
use crate::sim::limits::{
    MAX_CONTAINERS_PER_POD, MAX_OBJECT_BYTES, MAX_OBJECTS, MAX_REPLICAS, MAX_VOLUMES_PER_POD,
};
use crate::sim::objects::PodSpec;
use crate::sim::{Cluster, Object};

/// The `Forbidden` message of a creation beyond [`MAX_OBJECTS`] (as a ResourceQuota words
/// `exceeded quota`).
pub fn objects_message() -> String {
    format!(
        "exceeded kubestory's limit of {MAX_OBJECTS} objects per cluster: delete objects first (a lesson never needs this many)"
    )
}

impl Cluster {
    /// How many API objects the cluster stores (events excluded), counted against
    /// [`MAX_OBJECTS`]. O(1): every map knows its length.
    pub fn object_count(&self) -> usize {
        self.nodes.len()
            + self.namespaces.len()
            + self.pods.len()
            + self.claims.len()
            + self.volumes.len()
            + self.classes.len()
            + self.deployments.len()
            + self.replica_sets.len()
            + self.stateful_sets.len()
            + self.config_maps.len()
            + self.secrets.len()
            + self.others.len()
    }

    /// Whether one more object fits under [`MAX_OBJECTS`].
    pub(crate) fn has_room(&self) -> bool {
        self.object_count() < MAX_OBJECTS
    }

    /// Refuses a new object when the cluster is full.
    pub(crate) fn check_room(&self, obj: &Object) -> Result<(), ApiError> {
        if self.has_room() {
            return Ok(());
        }
        let (resource, _, name) = super::identity(obj);
        Err(ApiError::Forbidden {
            resource,
            name,
            message: objects_message(),
        })
    }
}

/// Refuses an object whose size, replicas, containers or volumes exceed kubestory's limits.
pub(crate) fn check_object(obj: &Object) -> Result<(), ApiError> {
    let mut bytes = ByteCount(0);
    // Counting cannot fail; an object that cannot be written as JSON counts as empty.
    let _ = serde_json::to_writer(&mut bytes, &obj.to_value());
    if bytes.0 > MAX_OBJECT_BYTES {
        return Err(ApiError::BadRequest(format!(
            "kubestory: the object is {} KiB as JSON; kubestory stores objects of at most {} KiB (its limit; a lesson never needs more): make it smaller",
            bytes.0.div_ceil(1024),
            MAX_OBJECT_BYTES / 1024
        )));
    }
    let meta = obj.metadata();
    let kind = obj.kind_name().to_string();
    let mut causes = Vec::new();
    let mut workload = |replicas: Option<i32>, spec: &PodSpec, claims: usize| {
        if let Some(n) = replicas.filter(|n| i64::from(*n) > MAX_REPLICAS) {
            causes.push(replicas_cause(n.into()));
        }
        pod_causes(spec, "spec.template.spec", claims, &mut causes);
    };
    match obj {
        Object::Pod(p) => pod_causes(&p.spec, "spec", 0, &mut causes),
        Object::Deployment(d) => workload(d.spec.replicas, &d.spec.template.spec, 0),
        Object::ReplicaSet(r) => workload(r.spec.replicas, &r.spec.template.spec, 0),
        Object::StatefulSet(s) => workload(
            s.spec.replicas,
            &s.spec.template.spec,
            s.spec.volume_claim_templates.len(),
        ),
        _ => {}
    }
    if causes.is_empty() {
        return Ok(());
    }
    let kind = match obj {
        Object::Deployment(_) | Object::ReplicaSet(_) | Object::StatefulSet(_) => {
            format!("{kind}.apps")
        }
        _ => kind,
    };
    Err(ApiError::Invalid {
        kind,
        name: meta.name.clone(),
        causes,
    })
}

/// `spec.replicas: Invalid value: N: must be less than or equal to 200`.
pub(crate) fn replicas_cause(n: i64) -> FieldCause {
    FieldCause {
        field: "spec.replicas".into(),
        kind: format!("Invalid value: {n}"),
        detail: crate::sim::limits::replicas_detail(),
    }
}

fn pod_causes(spec: &PodSpec, path: &str, claims: usize, causes: &mut Vec<FieldCause>) {
    let containers = spec.containers.len() + spec.init_containers.len();
    if containers > MAX_CONTAINERS_PER_POD {
        causes.push(too_many(
            path,
            "containers",
            containers,
            MAX_CONTAINERS_PER_POD,
        ));
    }
    let volumes = spec.volumes.len() + claims;
    if volumes > MAX_VOLUMES_PER_POD {
        causes.push(too_many(path, "volumes", volumes, MAX_VOLUMES_PER_POD));
    }
}

fn too_many(path: &str, field: &str, actual: usize, max: usize) -> FieldCause {
    FieldCause {
        field: format!("{path}.{field}"),
        kind: format!("Too many: {actual}"),
        detail: format!("must have at most {max} items"),
    }
}

impl Cluster {
    /// What a controller does when the cluster is full: no object, a `FailedCreate` warning
    /// on its owner, as a ResourceQuota makes the ReplicaSet controller report
    /// (`Error creating: pods "web-x" is forbidden: exceeded quota: …`).
    pub(crate) fn refuse_creation(
        &mut self,
        owner: crate::sim::events::InvolvedObject,
        resource: &str,
        name: &str,
        source: &str,
    ) {
        self.record(
            owner,
            crate::sim::events::EventType::Warning,
            "FailedCreate",
            format!(
                "Error creating: {resource} \"{name}\" is forbidden: {}",
                objects_message()
            ),
            source,
        );
    }
}

/// A workload's desired replicas, never above [`MAX_REPLICAS`] (the API refuses more; this
/// keeps a controller bounded whatever is stored).
pub(crate) fn desired_replicas(replicas: Option<i32>) -> usize {
    i64::from(replicas.unwrap_or(1)).clamp(0, MAX_REPLICAS) as usize
}

/// A writer that only counts bytes (the size of an object as JSON, without building it).
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
