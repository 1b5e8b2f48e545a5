//! Deployments, ReplicaSets and StatefulSets (semantics §9).

use super::{Extra, LabelSelector, ObjectMeta, PersistentVolumeClaimSpec, PodTemplateSpec};
use serde::{Deserialize, Serialize};

/// A Deployment: keeps N interchangeable pods through a ReplicaSet per template version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// Desired state.
    #[serde(default)]
    pub spec: DeploymentSpec,
    /// Observed state.
    #[serde(default)]
    pub status: WorkloadStatus,
}

/// `deployment.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSpec {
    /// Desired pods (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i32>,
    /// Which pods belong to it.
    #[serde(default)]
    pub selector: LabelSelector,
    /// The pod template.
    #[serde(default)]
    pub template: PodTemplateSpec,
    /// `{type: RollingUpdate|Recreate, rollingUpdate…}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<DeploymentStrategy>,
    /// Everything else (minReadySeconds, revisionHistoryLimit…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `deployment.spec.strategy`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentStrategy {
    /// `RollingUpdate` (default) or `Recreate`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// rollingUpdate parameters, kept as written.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A ReplicaSet: keeps N pods of one template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSet {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// Desired state.
    #[serde(default)]
    pub spec: ReplicaSetSpec,
    /// Observed state.
    #[serde(default)]
    pub status: WorkloadStatus,
}

/// `replicaset.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetSpec {
    /// Desired pods (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i32>,
    /// Which pods belong to it.
    #[serde(default)]
    pub selector: LabelSelector,
    /// The pod template.
    #[serde(default)]
    pub template: PodTemplateSpec,
    /// Everything else (minReadySeconds).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A StatefulSet: pods with stable names and a claim per pod from `volumeClaimTemplates`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatefulSet {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// Desired state.
    #[serde(default)]
    pub spec: StatefulSetSpec,
    /// Observed state.
    #[serde(default)]
    pub status: WorkloadStatus,
}

/// `statefulset.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatefulSetSpec {
    /// Desired pods (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i32>,
    /// Which pods belong to it.
    #[serde(default)]
    pub selector: LabelSelector,
    /// The governing Service's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// The pod template.
    #[serde(default)]
    pub template: PodTemplateSpec,
    /// One claim per pod per template: `<template>-<sts>-<ordinal>` (STSU).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volume_claim_templates: Vec<ClaimTemplate>,
    /// What happens to claims on delete and scale-down (default Retain/Retain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_volume_claim_retention_policy: Option<ClaimRetentionPolicy>,
    /// `OrderedReady` (default) or `Parallel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_management_policy: Option<String>,
    /// Everything else (updateStrategy, ordinals…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// An entry of `volumeClaimTemplates`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimTemplate {
    /// Name (and labels) of the claims.
    #[serde(default)]
    pub metadata: super::ObjectMeta,
    /// The claim spec.
    #[serde(default)]
    pub spec: PersistentVolumeClaimSpec,
}

/// `persistentVolumeClaimRetentionPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimRetentionPolicy {
    /// `Retain` (default) or `Delete`, when the StatefulSet is deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_deleted: Option<String>,
    /// `Retain` (default) or `Delete`, when it is scaled down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_scaled: Option<String>,
}

/// Observed state shared by the three workload kinds (READY, UP-TO-DATE, AVAILABLE columns).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadStatus {
    /// Pods that exist (not terminating).
    #[serde(default)]
    pub replicas: i32,
    /// Pods that are ready.
    #[serde(default)]
    pub ready_replicas: i32,
    /// Pods of the current template.
    #[serde(default)]
    pub updated_replicas: i32,
    /// Pods available to serve.
    #[serde(default)]
    pub available_replicas: i32,
    /// The generation last acted on.
    #[serde(default)]
    pub observed_generation: i64,
    /// Conditions (a Deployment's Available and Progressing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<WorkloadCondition>,
}

/// A workload condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadCondition {
    /// `Available`, `Progressing`.
    #[serde(rename = "type")]
    pub type_: String,
    /// `True` or `False`.
    pub status: String,
    /// Machine-readable reason.
    pub reason: String,
    /// Human-readable message.
    pub message: String,
    /// Last time the condition was updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<crate::sim::SimTime>,
    /// Last time the status changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<crate::sim::SimTime>,
}
