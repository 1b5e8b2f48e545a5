//! PersistentVolumeClaim, PersistentVolume and StorageClass validation.

use super::meta::{
    NameRule, validate_label_selector, validate_node_selector, validate_object_meta,
};
use super::names::{is_dns1123_subdomain, is_qualified_name};
use super::volumes::validate_pv_sources;
use super::{Errs, Obj};
use crate::manifest::messages::go_quote;
use crate::manifest::tree::{Node, Pos};
use crate::sim::Quantity;

/// core `supportedAccessModes`, as `sets.List` sorts them.
const ACCESS_MODES: &[&str] = &[
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];
/// core `supportedVolumeModes`.
const VOLUME_MODES: &[&str] = &["Block", "Filesystem"];
/// core `supportedReclaimPolicy` (PersistentVolume).
const PV_RECLAIM: &[&str] = &["Delete", "Recycle", "Retain"];
/// storage `supportedReclaimPolicy` (StorageClass: no Recycle).
const SC_RECLAIM: &[&str] = &["Delete", "Retain"];
/// storage `supportedVolumeBindingModes`.
const BINDING_MODES: &[&str] = &["Immediate", "WaitForFirstConsumer"];

/// core `ValidatePersistentVolumeClaim`.
pub(crate) fn validate_pvc(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    validate_pvc_spec(doc.child("spec"), "spec", errs);
}

/// core `ValidatePersistentVolumeClaimSpec`.
pub(crate) fn validate_pvc_spec(spec: Obj, path: &str, errs: &mut Errs) {
    let modes = spec.list("accessModes");
    if modes.is_empty() {
        errs.required(
            &format!("{path}.accessModes"),
            spec.key_pos("accessModes"),
            "at least 1 access mode is required",
            Some("add for example accessModes: [ReadWriteOnce]".into()),
        );
    }
    let selector = spec.child("selector");
    if selector.node.is_some() {
        validate_label_selector(selector, &format!("{path}.selector"), errs);
    }
    access_modes(modes, &format!("{path}.accessModes"), errs);
    let storage_path = format!("{path}.resources[storage]");
    let requests = spec.child("resources").child("requests");
    match requests.node.and_then(|r| r.get("storage")) {
        None => errs.required(
            &storage_path,
            requests.pos,
            "",
            Some(
                "say how much storage the claim needs: resources: {requests: {storage: 1Gi}}"
                    .into(),
            ),
        ),
        Some(q) => positive_quantity(q, &storage_path, errs),
    }
    class_name(spec, path, "storageClassName", errs);
    if let Some(m) = spec.str("volumeMode") {
        if !VOLUME_MODES.contains(&m) {
            errs.not_supported(
                &format!("{path}.volumeMode"),
                spec.val_pos("volumeMode"),
                m,
                VOLUME_MODES,
            );
        }
    }
    for field in ["dataSource", "dataSourceRef"] {
        let ds = spec.child(field);
        if ds.node.is_some() {
            for required in ["kind", "name"] {
                if ds.str(required).is_none_or(str::is_empty) {
                    errs.required(
                        &format!("{path}.{field}.{required}"),
                        ds.key_pos(required),
                        "",
                        None,
                    );
                }
            }
        }
    }
}

/// The access-mode checks shared by claims and volumes: supported values, and
/// ReadWriteOncePod alone.
fn access_modes(modes: &[Node], path: &str, errs: &mut Errs) {
    let (mut rwop, mut other) = (false, false);
    for m in modes {
        let mode = m.as_str().unwrap_or("");
        if !ACCESS_MODES.contains(&mode) {
            errs.not_supported(path, m.pos, mode, ACCESS_MODES);
        } else if mode == "ReadWriteOncePod" {
            rwop = true;
        } else {
            other = true;
        }
    }
    if rwop && other {
        let pos = modes.first().map(|m| m.pos).unwrap_or_default();
        errs.forbidden(
            path,
            pos,
            "may not use ReadWriteOncePod with other access modes",
            Some("ReadWriteOncePod already means one pod may read and write: list it alone".into()),
        );
    }
}

/// A class name (`storageClassName`) must be a DNS subdomain when set (`ValidateClassName`).
fn class_name(spec: Obj, path: &str, field: &str, errs: &mut Errs) {
    if let Some(c) = spec.str(field).filter(|c| !c.is_empty()) {
        for m in is_dns1123_subdomain(c) {
            errs.invalid(
                &format!("{path}.{field}"),
                spec.val_pos(field),
                go_quote(c),
                &m,
                None,
            );
        }
    }
}

/// The text of a quantity node and whether it is negative or zero, from its text (decoding
/// has already checked that it parses).
fn quantity_sign(q: &Node) -> Option<(String, bool, bool)> {
    let text = match &q.value {
        crate::manifest::tree::NodeValue::Str(s) => s.trim().to_string(),
        _ => q
            .as_i64()
            .map(|i| i.to_string())
            .or_else(|| q.to_json().as_f64().map(|f| f.to_string()))?,
    };
    let shown = Quantity::parse(&text)
        .map(|p| p.to_string())
        .unwrap_or_else(|_| text.clone());
    let negative = text.starts_with('-');
    let num_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '+' || c == '-'))
        .unwrap_or(text.len());
    let zero = text[..num_end]
        .chars()
        .all(|c| matches!(c, '0' | '.' | '+' | '-'));
    Some((shown, negative, zero))
}

/// core `ValidatePositiveQuantityValue` (`must be greater than zero`).
fn positive_quantity(q: &Node, path: &str, errs: &mut Errs) {
    if let Some((shown, negative, zero)) = quantity_sign(q) {
        if negative || zero {
            errs.invalid(
                path,
                q.pos,
                go_quote(&shown),
                "must be greater than zero",
                Some("ask for some storage, for example 1Gi".into()),
            );
        }
    }
}

/// core `ValidatePersistentVolume` (with `ValidatePersistentVolumeSpec`).
pub(crate) fn validate_pv(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    let spec = doc.child("spec");
    let modes = spec.list("accessModes");
    if modes.is_empty() {
        errs.required(
            "spec.accessModes",
            spec.key_pos("accessModes"),
            "",
            Some("add for example accessModes: [ReadWriteOnce]".into()),
        );
    }
    access_modes(modes, "spec.accessModes", errs);
    let capacity = spec.map("capacity");
    if capacity.is_empty() {
        errs.required(
            "spec.capacity",
            spec.key_pos("capacity"),
            "",
            Some("say how big the volume is: capacity: {storage: 10Gi}".into()),
        );
    }
    if !capacity.iter().any(|e| e.key == "storage") || capacity.len() > 1 {
        let value = resource_list(capacity);
        let pos = spec.key_pos("capacity");
        errs.invalid_as_not_supported("spec.capacity", pos, value, &["storage"]);
    }
    for e in capacity {
        let qpath = format!("spec.capacity[{}]", e.key);
        positive_quantity(&e.value, &qpath, errs);
    }
    if let Some(p) = spec
        .str("persistentVolumeReclaimPolicy")
        .filter(|p| !p.is_empty())
    {
        if !PV_RECLAIM.contains(&p) {
            errs.not_supported(
                "spec.persistentVolumeReclaimPolicy",
                spec.val_pos("persistentVolumeReclaimPolicy"),
                p,
                PV_RECLAIM,
            );
        }
    }
    let affinity = spec.child("nodeAffinity");
    let mut affinity_specified = false;
    if affinity.node.is_some() {
        let required = affinity.child("required");
        if required.node.is_none() {
            errs.required(
                "spec.nodeAffinity.required",
                required.pos,
                "must specify required node constraints",
                None,
            );
        } else {
            affinity_specified = true;
            validate_node_selector(required, "spec.nodeAffinity.required", errs);
        }
    }
    let source = validate_pv_sources(spec, "spec", errs);
    if source == Some("local") && !affinity_specified {
        errs.required(
            "spec.nodeAffinity",
            spec.key_pos("local"),
            "Local volume requires node affinity",
            Some("a local disk lives on one node: add nodeAffinity.required.nodeSelectorTerms naming that node".into()),
        );
    }
    let host_root = spec
        .child("hostPath")
        .str("path")
        .is_some_and(|p| p.trim_end_matches('/').is_empty());
    if host_root && spec.str("persistentVolumeReclaimPolicy") == Some("Recycle") {
        errs.forbidden(
            "spec.persistentVolumeReclaimPolicy",
            spec.val_pos("persistentVolumeReclaimPolicy"),
            "may not be 'recycle' for a hostPath mount of '/'",
            None,
        );
    }
    class_name(spec, "spec", "storageClassName", errs);
    if let Some(m) = spec.str("volumeMode") {
        if !VOLUME_MODES.contains(&m) {
            errs.not_supported(
                "spec.volumeMode",
                spec.val_pos("volumeMode"),
                m,
                VOLUME_MODES,
            );
        }
    }
}

/// Go's `%#v` of a `core.ResourceList` (approximated for non-empty lists).
fn resource_list(entries: &[crate::manifest::tree::Entry]) -> String {
    if entries.is_empty() {
        return "core.ResourceList(nil)".into();
    }
    let body: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                go_quote(&e.key),
                go_quote(&quantity_sign(&e.value).map(|q| q.0).unwrap_or_default())
            )
        })
        .collect();
    format!("core.ResourceList{{{}}}", body.join(", "))
}

/// storage `ValidateStorageClass`.
pub(crate) fn validate_storage_class(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    match doc.str("provisioner").filter(|p| !p.is_empty()) {
        None => errs.required(
            "provisioner",
            doc.key_pos("provisioner"),
            "",
            Some("name who creates the volumes, e.g. provisioner: kubernetes.io/no-provisioner for local PVs".into()),
        ),
        Some(p) => {
            for m in is_qualified_name(&p.to_lowercase()) {
                errs.invalid("provisioner", doc.val_pos("provisioner"), go_quote(p), &m, None);
            }
        }
    }
    if let Some(p) = doc.str("reclaimPolicy").filter(|p| !p.is_empty()) {
        if !SC_RECLAIM.contains(&p) {
            errs.not_supported("reclaimPolicy", doc.val_pos("reclaimPolicy"), p, SC_RECLAIM);
        }
    }
    if let Some(m) = doc.str("volumeBindingMode") {
        if !BINDING_MODES.contains(&m) {
            errs.not_supported(
                "volumeBindingMode",
                doc.val_pos("volumeBindingMode"),
                m,
                BINDING_MODES,
            );
        }
    }
}

impl Errs {
    /// `field.NotSupported` whose bad value is not a string (printed with `%#v`).
    fn invalid_as_not_supported(
        &mut self,
        path: &str,
        pos: Pos,
        go_value: String,
        supported: &[&str],
    ) {
        let quoted: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
        let detail = format!("supported values: {}", quoted.join(", "));
        let message = format!("{path} must list exactly one resource, storage");
        let hint = Some("capacity: {storage: 10Gi}".to_string());
        self.push(
            path,
            super::ErrorType::NotSupported,
            Some(go_value),
            &detail,
            pos,
            message,
            hint,
        );
    }
}
