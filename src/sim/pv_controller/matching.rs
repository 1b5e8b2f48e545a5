//! Which PV a claim gets (semantics §2.2–§2.3): the access-mode index of the PV controller
//! (IDX `findByClaim`) and `FindMatchingVolume` (CH-PVH), filter by filter, in upstream order.

use super::classes::{claim_class, volume_class};
use crate::sim::cluster::NsName;
use crate::sim::objects::*;
use crate::sim::{Cluster, Quantity};
use std::collections::{BTreeMap, BTreeSet};

/// A set of access modes as a bit mask (RWO=1, ROX=2, RWX=4, RWOP=8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModeSet(pub u8);

impl ModeSet {
    /// The set of these modes.
    pub fn of(modes: &[AccessMode]) -> ModeSet {
        ModeSet(modes.iter().fold(0, |acc, m| {
            acc | match m {
                AccessMode::ReadWriteOnce => 1,
                AccessMode::ReadOnlyMany => 2,
                AccessMode::ReadWriteMany => 4,
                AccessMode::ReadWriteOncePod => 8,
            }
        }))
    }
    /// Whether every mode of `other` is in this set (CH-PVH `CheckAccessModes`).
    pub fn contains(self, other: ModeSet) -> bool {
        self.0 & other.0 == other.0
    }
    /// Number of modes; the index tries sets with fewer modes first.
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// `IsVolumeBoundToClaim`: claimRef names this claim, and its uid (if set) is the claim's.
pub fn is_volume_bound_to_claim(pv: &PersistentVolume, claim: &PersistentVolumeClaim) -> bool {
    let Some(r) = &pv.spec.claim_ref else {
        return false;
    };
    r.name_str() == claim.metadata.name
        && r.ns() == claim.metadata.namespace_or_default()
        && (r.uid_str().is_empty() || r.uid_str() == claim.metadata.uid)
}

fn request_of(claim: &PersistentVolumeClaim) -> Quantity {
    claim.spec.request().cloned().unwrap_or_else(zero)
}

fn capacity_of(pv: &PersistentVolume) -> Quantity {
    pv.spec.storage().cloned().unwrap_or_else(zero)
}

fn zero() -> Quantity {
    Quantity::parse("0").unwrap_or_else(|_| unreachable!("0 is a valid quantity"))
}

/// CH-PVH `CheckVolumeModeMismatches` (nil is Filesystem).
pub fn volume_mode_mismatch(claim: &PersistentVolumeClaim, pv: &PersistentVolume) -> bool {
    claim.spec.volume_mode() != pv.spec.volume_mode()
}

/// Steps 2–6 of `FindMatchingVolume` for a PV that is reserved for or bound to this claim.
fn prebound_fits(pv: &PersistentVolume, claim: &PersistentVolumeClaim) -> bool {
    is_volume_bound_to_claim(pv, claim)
        && capacity_of(pv) >= request_of(claim)
        && !volume_mode_mismatch(claim, pv)
        && pv.metadata.deletion_timestamp.is_none()
}

/// The PV controller's index, rebuilt at the start of each pass: free PVs by
/// (mode set, class), sorted by (capacity, name) so the smallest fit is a range lookup; and
/// PVs by the claim their claimRef names.
pub(crate) struct VolumeIndex {
    free: BTreeMap<(ModeSet, String), BTreeSet<(Quantity, String)>>,
    by_claim: BTreeMap<NsName, Vec<(ModeSet, String)>>,
    mode_sets: BTreeSet<ModeSet>,
}

impl VolumeIndex {
    /// Indexes every PV of the cluster.
    pub(crate) fn build(cluster: &Cluster) -> VolumeIndex {
        let mut index = VolumeIndex {
            free: BTreeMap::new(),
            by_claim: BTreeMap::new(),
            mode_sets: BTreeSet::new(),
        };
        for pv in cluster.volumes.values() {
            index.insert(pv);
        }
        index
    }

    fn insert(&mut self, pv: &PersistentVolume) {
        let set = ModeSet::of(&pv.spec.access_modes);
        self.mode_sets.insert(set);
        match &pv.spec.claim_ref {
            Some(r) => self
                .by_claim
                .entry((r.ns().to_string(), r.name_str().to_string()))
                .or_default()
                .push((set, pv.metadata.name.clone())),
            None => {
                if pv.status.phase == Some(VolumePhase::Available)
                    && pv.metadata.deletion_timestamp.is_none()
                {
                    self.free
                        .entry((set, volume_class(pv).to_string()))
                        .or_default()
                        .insert((capacity_of(pv), pv.metadata.name.clone()));
                }
            }
        }
    }

    /// Takes a PV out of the free lists once it is bound or reserved in this pass.
    pub(crate) fn take(&mut self, pv: &PersistentVolume) {
        let set = ModeSet::of(&pv.spec.access_modes);
        if let Some(list) = self.free.get_mut(&(set, volume_class(pv).to_string())) {
            list.remove(&(capacity_of(pv), pv.metadata.name.clone()));
        }
    }

    /// IDX `findByClaim`: mode sets that contain all of the claim's modes, fewest modes first
    /// (equal sizes: by mask, where upstream's order is unspecified); in each, a PV reserved
    /// for the claim wins at once, else the smallest Available PV of the claim's class that
    /// passes the remaining filters. The first set with a match decides (semantics §13.1).
    pub(crate) fn find_by_claim(
        &self,
        cluster: &Cluster,
        claim: &PersistentVolumeClaim,
        delay_binding: bool,
    ) -> Option<String> {
        let wanted = ModeSet::of(&claim.spec.access_modes);
        let mut sets: Vec<ModeSet> = self
            .mode_sets
            .iter()
            .copied()
            .filter(|s| s.contains(wanted))
            .collect();
        sets.sort_by_key(|s| (s.len(), s.0));
        let claim_key = (
            claim.metadata.namespace_or_default().to_string(),
            claim.metadata.name.clone(),
        );
        let request = request_of(claim);
        let class = claim_class(claim).to_string();
        for set in sets {
            if let Some(reserved) = self.by_claim.get(&claim_key) {
                for (s, name) in reserved {
                    if *s == set
                        && cluster
                            .volumes
                            .get(name)
                            .is_some_and(|pv| prebound_fits(pv, claim))
                    {
                        return Some(name.clone());
                    }
                }
            }
            if delay_binding {
                continue;
            }
            let Some(list) = self.free.get(&(set, class.clone())) else {
                continue;
            };
            for (_, name) in list.range((request.clone(), String::new())..) {
                let Some(pv) = cluster.volumes.get(name) else {
                    continue;
                };
                if volume_mode_mismatch(claim, pv) {
                    continue;
                }
                if let Some(sel) = &claim.spec.selector {
                    if !sel.matches(&pv.metadata.labels) {
                        continue;
                    }
                }
                return Some(name.clone());
            }
        }
        None
    }
}

/// `FindMatchingVolume` with a node (the scheduler path, SB `findMatchingVolumes`): over the
/// given PVs (all PVs of the claim's class), node affinity and access modes are checked
/// directly and the smallest capacity wins across all mode sets (semantics §4.3, §13.1).
/// Returns `Err(())` when a PV reserved for the claim fails node affinity ("no match").
pub(crate) fn find_matching_volume_for_node<'a>(
    claim: &PersistentVolumeClaim,
    volumes: impl Iterator<Item = &'a PersistentVolume>,
    node: &Node,
    excluded: &BTreeSet<String>,
) -> Result<Option<&'a PersistentVolume>, ()> {
    let request = request_of(claim);
    let wanted = ModeSet::of(&claim.spec.access_modes);
    let mut best: Option<&PersistentVolume> = None;
    for pv in volumes {
        if excluded.contains(&pv.metadata.name) {
            continue;
        }
        if pv.spec.claim_ref.is_some() && !is_volume_bound_to_claim(pv, claim) {
            continue;
        }
        if capacity_of(pv) < request
            || volume_mode_mismatch(claim, pv)
            || pv.metadata.deletion_timestamp.is_some()
        {
            continue;
        }
        let affinity_ok = node_affinity_allows(pv, node);
        if is_volume_bound_to_claim(pv, claim) {
            return if affinity_ok { Ok(Some(pv)) } else { Err(()) };
        }
        if pv.status.phase != Some(VolumePhase::Available) {
            continue;
        }
        if let Some(sel) = &claim.spec.selector {
            if !sel.matches(&pv.metadata.labels) {
                continue;
            }
        }
        if volume_class(pv) != claim_class(claim) || !affinity_ok {
            continue;
        }
        if !ModeSet::of(&pv.spec.access_modes).contains(wanted) {
            continue;
        }
        if best.is_none_or(|b| capacity_of(pv) < capacity_of(b)) {
            best = Some(pv);
        }
    }
    Ok(best)
}

/// CH-H `CheckNodeAffinity`: a PV without node affinity fits every node.
pub fn node_affinity_allows(pv: &PersistentVolume, node: &Node) -> bool {
    match pv
        .spec
        .node_affinity
        .as_ref()
        .and_then(|a| a.required.as_ref())
    {
        None => true,
        Some(sel) => sel.matches(&node.metadata.name, &node.metadata.labels),
    }
}

/// PVC-CTRL `checkVolumeSatisfyClaim`, for a claim that names its PV (semantics §3.1): the
/// reason it cannot bind, in upstream order, or `None` when it can.
pub(crate) fn check_volume_satisfy_claim(
    pv: &PersistentVolume,
    claim: &PersistentVolumeClaim,
) -> Option<String> {
    if pv.metadata.deletion_timestamp.is_some() {
        return Some(format!(
            "the volume is marked for deletion {:?}",
            pv.metadata.name
        ));
    }
    if capacity_of(pv) < request_of(claim) {
        return Some("requested PV is too small".into());
    }
    if volume_class(pv) != claim_class(claim) {
        return Some("storageClassName does not match".into());
    }
    if volume_mode_mismatch(claim, pv) {
        return Some("incompatible volumeMode".into());
    }
    if !ModeSet::of(&pv.spec.access_modes).contains(ModeSet::of(&claim.spec.access_modes)) {
        return Some("incompatible accessMode".into());
    }
    None
}
