//! kubestory's own size limits ([`crate::sim::limits`]) on a manifest, each pointing at the
//! field that breaks it. A real API server accepts these sizes; kubestory refuses them in the
//! API server's words (`field.Invalid`, `field.TooMany`) so the line looks like kubectl's,
//! and the pointer line says it is kubestory's limit and what to do.

use super::{ErrorType, Errs, Obj};
use crate::sim::limits::{
    MAX_CONTAINERS_PER_POD, MAX_REPLICAS, MAX_VOLUMES_PER_POD, replicas_detail,
};

/// Checks the limits of a document of kind `kind`.
pub(crate) fn check(kind: &str, doc: Obj, errs: &mut Errs) {
    match kind {
        "Pod" => pod_spec(doc.child("spec"), "spec", 0, errs),
        "Deployment" | "ReplicaSet" | "StatefulSet" => {
            let spec = doc.child("spec");
            replicas(spec, errs);
            let claims = if kind == "StatefulSet" {
                spec.list("volumeClaimTemplates").len()
            } else {
                0
            };
            pod_spec(
                spec.child("template").child("spec"),
                "spec.template.spec",
                claims,
                errs,
            );
        }
        _ => {}
    }
}

/// `spec.replicas` at most [`MAX_REPLICAS`].
fn replicas(spec: Obj, errs: &mut Errs) {
    if let Some(n) = spec.i64("replicas").filter(|n| *n > MAX_REPLICAS) {
        errs.invalid_with(
            "spec.replicas",
            spec.val_pos("replicas"),
            n.to_string(),
            &replicas_detail(),
            format!(
                "spec.replicas is {n}: kubestory simulates at most {MAX_REPLICAS} replicas per workload (its limit; a real cluster would accept more)"
            ),
            Some(format!("use {MAX_REPLICAS} or fewer; a lesson never needs more")),
        );
    }
}

/// Containers (init containers included) and volumes (a StatefulSet's `claims` templates
/// included) of one pod spec.
fn pod_spec(spec: Obj, path: &str, claims: usize, errs: &mut Errs) {
    let containers = spec.list("containers").len() + spec.list("initContainers").len();
    if containers > MAX_CONTAINERS_PER_POD {
        too_many(
            errs,
            spec,
            path,
            "containers",
            containers,
            MAX_CONTAINERS_PER_POD,
            "containers (init containers included) per pod",
        );
    }
    let volumes = spec.list("volumes").len() + claims;
    if volumes > MAX_VOLUMES_PER_POD {
        too_many(
            errs,
            spec,
            path,
            "volumes",
            volumes,
            MAX_VOLUMES_PER_POD,
            "volumes (volume claim templates included) per pod",
        );
    }
}

/// `field.TooMany`: `path: Too many: 21: must have at most 20 items`.
fn too_many(
    errs: &mut Errs,
    spec: Obj,
    path: &str,
    field: &str,
    actual: usize,
    max: usize,
    what: &str,
) {
    let full = format!("{path}.{field}");
    errs.push(
        &full,
        ErrorType::TooMany,
        Some(actual.to_string()),
        &format!("must have at most {max} items"),
        spec.key_pos(field),
        format!(
            "{full} has {actual} items: kubestory simulates at most {max} {what} (its limit; a real cluster would accept more)"
        ),
        Some(format!("keep {max} or fewer; a lesson never needs more")),
    );
}
