//! `kubectl get configmaps` and `kubectl get secrets` (PR `printConfigMap`, `printSecret`).

use super::fmt::age;
use crate::kubectl::table::{Column, Row};
use crate::sim::SimTime;
use crate::sim::objects::{ConfigMap, Secret};
use std::collections::BTreeSet;

/// The ConfigMap columns.
pub fn config_map_columns() -> Vec<Column> {
    vec![Column::new("Name"), Column::new("Data"), Column::new("Age")]
}

/// The Secret columns.
pub fn secret_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Type"),
        Column::new("Data"),
        Column::new("Age"),
    ]
}

fn keys_of(extra: &crate::sim::objects::Extra, field: &str) -> Vec<String> {
    extra
        .get(field)
        .and_then(|v| v.as_object())
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// `printConfigMap`'s cells: DATA counts `data` and `binaryData` entries.
pub fn config_map_cells(cm: &ConfigMap, now: SimTime) -> Row {
    let count = cm.data.len() + keys_of(&cm.extra, "binaryData").len();
    Row::new([
        cm.metadata.name.clone(),
        count.to_string(),
        age(&cm.metadata, now),
    ])
}

/// The secret's type, with the API default `Opaque`.
pub fn secret_type(s: &Secret) -> String {
    s.type_
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Opaque".to_string())
}

/// The keys of the secret's data: `data` plus `stringData`, which the API server merges in.
pub fn secret_keys(s: &Secret) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = s.data.keys().cloned().collect();
    keys.extend(keys_of(&s.extra, "stringData"));
    keys
}

/// `printSecret`'s cells.
pub fn secret_cells(s: &Secret, now: SimTime) -> Row {
    Row::new([
        s.metadata.name.clone(),
        secret_type(s),
        secret_keys(s).len().to_string(),
        age(&s.metadata, now),
    ])
}
