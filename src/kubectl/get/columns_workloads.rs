//! `kubectl get deployments`, `replicasets` and `statefulsets` (PR `printDeployment`,
//! `printReplicaSet`, `printStatefulSet`).

use super::fmt::{age, container_cells, format_label_selector, selector_string};
use crate::kubectl::table::{Column, Row};
use crate::sim::SimTime;
use crate::sim::objects::*;

/// The Deployment columns; CONTAINERS, IMAGES and SELECTOR only with `-o wide`.
pub fn deployment_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Ready"),
        Column::new("Up-to-date"),
        Column::new("Available"),
        Column::new("Age"),
        Column::wide("Containers"),
        Column::wide("Images"),
        Column::wide("Selector"),
    ]
}

/// The ReplicaSet columns; CONTAINERS, IMAGES and SELECTOR only with `-o wide`.
pub fn replica_set_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Desired"),
        Column::new("Current"),
        Column::new("Ready"),
        Column::new("Age"),
        Column::wide("Containers"),
        Column::wide("Images"),
        Column::wide("Selector"),
    ]
}

/// The StatefulSet columns; CONTAINERS and IMAGES only with `-o wide`.
pub fn stateful_set_columns() -> Vec<Column> {
    vec![
        Column::new("Name"),
        Column::new("Ready"),
        Column::new("Age"),
        Column::wide("Containers"),
        Column::wide("Images"),
    ]
}

/// `printDeployment`'s cells: READY is `ready/desired`.
pub fn deployment_cells(d: &Deployment, now: SimTime) -> Row {
    let (names, images) = container_cells(&d.spec.template.spec.containers);
    Row::new([
        d.metadata.name.clone(),
        format!(
            "{}/{}",
            d.status.ready_replicas,
            d.spec.replicas.unwrap_or(1)
        ),
        d.status.updated_replicas.to_string(),
        d.status.available_replicas.to_string(),
        age(&d.metadata, now),
        names,
        images,
        selector_string(&d.spec.selector).unwrap_or_else(|| "<invalid>".to_string()),
    ])
}

/// `printReplicaSet`'s cells.
pub fn replica_set_cells(rs: &ReplicaSet, now: SimTime) -> Row {
    let (names, images) = container_cells(&rs.spec.template.spec.containers);
    Row::new([
        rs.metadata.name.clone(),
        rs.spec.replicas.unwrap_or(1).to_string(),
        rs.status.replicas.to_string(),
        rs.status.ready_replicas.to_string(),
        age(&rs.metadata, now),
        names,
        images,
        format_label_selector(&rs.spec.selector),
    ])
}

/// `printStatefulSet`'s cells: READY is `ready/desired`.
pub fn stateful_set_cells(s: &StatefulSet, now: SimTime) -> Row {
    let (names, images) = container_cells(&s.spec.template.spec.containers);
    Row::new([
        s.metadata.name.clone(),
        format!(
            "{}/{}",
            s.status.ready_replicas,
            s.spec.replicas.unwrap_or(1)
        ),
        age(&s.metadata, now),
        names,
        images,
    ])
}
