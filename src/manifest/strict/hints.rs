//! Suggestions for unknown fields: a sibling's spelling, or where the field belongs.

use super::Walker;
use crate::manifest::messages as msg;
use crate::manifest::schema::{FieldType, TypeDef, struct_name};
use crate::manifest::suggest::did_you_mean;

impl Walker<'_> {
    /// Plain words and a suggestion for an unknown field.
    pub(super) fn explain_unknown(&self, key: &str, type_name: &str) -> (String, Option<String>) {
        let here = msg::unknown_field_here(key);
        let Some(def) = self.schema.type_def(type_name) else {
            return (here, None);
        };
        if let Some(c) = did_you_mean(key, def.properties.keys().map(String::as_str)) {
            return (here, Some(msg::did_you_mean(c)));
        }
        // One or more levels up (`volumes` inside a container, `storageClassName` in resources).
        for (ancestor, apath) in self.ancestors.iter().rev().skip(1) {
            if let Some(a) = self.schema.type_def(ancestor) {
                if let Some(name) = a.properties.keys().find(|k| k.eq_ignore_ascii_case(key)) {
                    return (here, Some(msg::belongs_under(name, apath)));
                }
            }
        }
        // One or two levels down (`mountPath` directly in a container).
        if let Some(s) = self.find_below(def, key) {
            return (here, Some(s));
        }
        if key == "storage" {
            let hint = match struct_name(type_name) {
                "PersistentVolumeClaimSpec" => {
                    Some("write it as resources: {requests: {storage: 1Gi}}")
                }
                "PersistentVolumeSpec" => Some("write it as capacity: {storage: 1Gi}"),
                _ => None,
            };
            return (here, hint.map(str::to_string));
        }
        (here, None)
    }

    fn find_below(&self, def: &TypeDef, key: &str) -> Option<String> {
        let mut found = Vec::new();
        for (name, ty) in &def.properties {
            let (inner, is_list) = match ty {
                FieldType::Object(n) => (n, false),
                FieldType::Array(e) => match e.as_ref() {
                    FieldType::Object(n) => (n, true),
                    _ => continue,
                },
                _ => continue,
            };
            if let Some(t) = self.schema.type_def(inner) {
                if t.properties.contains_key(key) {
                    found.push(msg::belongs_inside(key, name, is_list));
                }
            }
        }
        match found.len() {
            0 => None,
            1..=3 => Some(found.join(", or ")),
            _ => None,
        }
    }
}
