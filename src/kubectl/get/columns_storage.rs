//! `kubectl get pv`, `pvc` and `sc` (PR `persistentVolumeColumnDefinitions`,
//! `printPersistentVolume`, `printPersistentVolumeClaim`, `printStorageClass`; semantics
//! §11.2–§11.4).

use super::fmt::age;
use crate::kubectl::table::{Column, Row};
use crate::sim::objects::*;
use crate::sim::pv_controller::classes::{claim_class, volume_class};
use crate::sim::{Quantity, SimTime};
use std::collections::BTreeMap;

/// The PV columns; VOLUMEMODE only with `-o wide`.
pub fn volume_columns() -> Vec<Column> {
    let mut c: Vec<Column> = [
        "Name",
        "Capacity",
        "Access Modes",
        "Reclaim Policy",
        "Status",
        "Claim",
        "StorageClass",
        "VolumeAttributesClass",
        "Reason",
        "Age",
    ]
    .into_iter()
    .map(Column::new)
    .collect();
    c.push(Column::wide("VolumeMode"));
    c
}

/// The PVC columns; VOLUMEMODE only with `-o wide`.
pub fn claim_columns() -> Vec<Column> {
    let mut c: Vec<Column> = [
        "Name",
        "Status",
        "Volume",
        "Capacity",
        "Access Modes",
        "StorageClass",
        "VolumeAttributesClass",
        "Age",
    ]
    .into_iter()
    .map(Column::new)
    .collect();
    c.push(Column::wide("VolumeMode"));
    c
}

/// The StorageClass columns.
pub fn class_columns() -> Vec<Column> {
    [
        "Name",
        "Provisioner",
        "ReclaimPolicy",
        "VolumeBindingMode",
        "AllowVolumeExpansion",
        "Age",
    ]
    .into_iter()
    .map(Column::new)
    .collect()
}

/// `capacity[storage].String()`: the zero quantity prints `0`.
pub fn storage_string(map: &BTreeMap<String, Quantity>) -> String {
    map.get("storage")
        .map(ToString::to_string)
        .unwrap_or_else(|| "0".to_string())
}

/// `volumeAttributesClassName`, or `<unset>`.
fn attributes_class(extra: &Extra) -> String {
    extra
        .get("volumeAttributesClassName")
        .and_then(|v| v.as_str())
        .unwrap_or("<unset>")
        .to_string()
}

/// `printPersistentVolume`'s cells.
pub fn volume_cells(pv: &PersistentVolume, now: SimTime) -> Row {
    let claim = pv
        .spec
        .claim_ref
        .as_ref()
        .map(|r| format!("{}/{}", r.ns(), r.name_str()))
        .unwrap_or_default();
    let phase = if pv.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        pv.status
            .phase
            .map(|p| p.as_str().to_string())
            .unwrap_or_default()
    };
    Row::new([
        pv.metadata.name.clone(),
        storage_string(&pv.spec.capacity),
        access_modes_string(&pv.spec.access_modes),
        pv.spec
            .persistent_volume_reclaim_policy
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        phase,
        claim,
        volume_class(pv).to_string(),
        attributes_class(&pv.spec.extra),
        pv.status.reason.clone().unwrap_or_default(),
        age(&pv.metadata, now),
        pv.spec
            .volume_mode
            .clone()
            .unwrap_or_else(|| "<unset>".to_string()),
    ])
}

/// `printPersistentVolumeClaim`'s cells: CAPACITY and ACCESS MODES come from the status and
/// only once `spec.volumeName` is set (semantics §13.16).
pub fn claim_cells(pvc: &PersistentVolumeClaim, now: SimTime) -> Row {
    let phase = if pvc.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        pvc.status
            .phase
            .map(|p| p.as_str().to_string())
            .unwrap_or_default()
    };
    let volume = pvc.spec.volume_name.clone().unwrap_or_default();
    let (capacity, modes) = if volume.is_empty() {
        (String::new(), String::new())
    } else {
        (
            storage_string(&pvc.status.capacity),
            access_modes_string(&pvc.status.access_modes),
        )
    };
    Row::new([
        pvc.metadata.name.clone(),
        phase,
        volume,
        capacity,
        modes,
        claim_class(pvc).to_string(),
        attributes_class(&pvc.spec.extra),
        age(&pvc.metadata, now),
        pvc.spec
            .volume_mode
            .clone()
            .unwrap_or_else(|| "<unset>".to_string()),
    ])
}

/// `printStorageClass`'s cells: ` (default)` per the object's own annotation; unset fields
/// print their API defaults.
pub fn class_cells(sc: &StorageClass, now: SimTime) -> Row {
    let mut name = sc.metadata.name.clone();
    if sc.is_default() {
        name.push_str(" (default)");
    }
    Row::new([
        name,
        sc.provisioner.clone(),
        sc.reclaim_policy().as_str().to_string(),
        sc.binding_mode().as_str().to_string(),
        sc.allow_volume_expansion.unwrap_or(false).to_string(),
        age(&sc.metadata, now),
    ])
}
