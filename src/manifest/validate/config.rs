//! ConfigMap, Secret and Namespace validation.

use super::meta::{NameRule, validate_object_meta};
use super::names::is_config_map_key;
use super::{Errs, Obj};
use crate::manifest::messages::go_quote;

/// core `ValidateConfigMap`: keys of `data` and `binaryData` are config keys, and a key may not
/// be in both.
pub(crate) fn validate_config_map(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    config_keys(doc, "data", errs);
    config_keys(doc, "binaryData", errs);
    for e in doc.map("binaryData") {
        if doc.map("data").iter().any(|d| d.key == e.key) {
            errs.invalid(
                &format!("data[{}]", e.key),
                e.key_pos,
                go_quote(&e.key),
                "duplicate of key present in binaryData",
                None,
            );
        }
    }
}

/// core `ValidateSecret`: keys of `data` (and `stringData`, merged into it) are config keys.
pub(crate) fn validate_secret(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    config_keys(doc, "data", errs);
    config_keys(doc, "stringData", errs);
}

fn config_keys(doc: Obj, field: &str, errs: &mut Errs) {
    // stringData keys are reported under data, where the API server has already moved them.
    let shown = if field == "stringData" { "data" } else { field };
    for e in doc.map(field) {
        for m in is_config_map_key(&e.key) {
            errs.invalid(
                &format!("{shown}[{}]", e.key),
                e.key_pos,
                go_quote(&e.key),
                &m,
                None,
            );
        }
    }
}

/// core `ValidateNamespace`: the name is a DNS label.
pub(crate) fn validate_namespace(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Label, errs);
}
