//! Class and binding-mode helpers (CH-H `GetPersistentVolumeClaimClass`,
//! `GetPersistentVolumeClass`; CH-PVH `IsDelayBindingMode`).

use crate::sim::Cluster;
use crate::sim::objects::*;

/// The legacy annotation that takes precedence over `storageClassName` (CH-H).
pub const BETA_CLASS_ANNOTATION: &str = "volume.beta.kubernetes.io/storage-class";

/// The claim's class as the API sees it: the beta annotation if present, else the field.
/// `None` means unset (not `""`): only such a claim gets a default class (semantics §1.2).
pub fn claim_class_field(claim: &PersistentVolumeClaim) -> Option<&str> {
    if let Some(c) = claim.metadata.annotations.get(BETA_CLASS_ANNOTATION) {
        return Some(c);
    }
    claim.spec.storage_class_name.as_deref()
}

/// The claim's class for matching: unset and `""` both mean "no class".
pub fn claim_class(claim: &PersistentVolumeClaim) -> &str {
    claim_class_field(claim).unwrap_or("")
}

/// The PV's class: the beta annotation if present, else the field, `""` for none.
pub fn volume_class(pv: &PersistentVolume) -> &str {
    if let Some(c) = pv.metadata.annotations.get(BETA_CLASS_ANNOTATION) {
        return c;
    }
    pv.spec.storage_class_name.as_deref().unwrap_or("")
}

impl Cluster {
    /// Whether binding of this claim waits for a consumer: only when its class names an
    /// existing StorageClass whose mode is WaitForFirstConsumer (CH-PVH `IsDelayBindingMode`;
    /// a missing class counts as Immediate, semantics §13.5).
    pub(crate) fn is_delay_binding(&self, claim: &PersistentVolumeClaim) -> bool {
        let class = claim_class(claim);
        !class.is_empty()
            && self
                .classes
                .get(class)
                .is_some_and(|sc| sc.binding_mode() == VolumeBindingMode::WaitForFirstConsumer)
    }
}
