//! The areas outside the nodes: "cluster storage" (StorageClasses, PersistentVolumes with the
//! data that lives off the nodes, claims and the pods that use them) and "waiting to be
//! scheduled" (pods with no node, with the scheduler's reason).

use super::glyphs::Glyphs;
use super::layout::{Block, Entry, Row, Tone, seg};
use super::nodes::pod_state;
use super::stories::Ctx;
use crate::kubectl::status::pod_status;
use crate::sim::Cluster;
use crate::sim::data::is_within;
use crate::sim::location::{Placement, pinned_node, volume_placement};
use crate::sim::objects::{ClaimPhase, PersistentVolumeClaim, Pod, VolumePhase};
use crate::ui::selection::Item;

/// Symbol and tone of a PV phase (or Terminating when it is being deleted).
pub fn volume_phase(g: &Glyphs, phase: Option<VolumePhase>, deleting: bool) -> (String, Tone) {
    if deleting {
        return (format!("{} Terminating", g.terminating), Tone::Warn);
    }
    let Some(phase) = phase else {
        return (format!("{} Pending", g.waiting), Tone::Warn);
    };
    let (sym, tone) = match phase {
        VolumePhase::Bound => (g.ok, Tone::Good),
        VolumePhase::Available => (g.available, Tone::Good),
        VolumePhase::Pending => (g.waiting, Tone::Warn),
        VolumePhase::Released => (g.released, Tone::Warn),
        VolumePhase::Failed => (g.bad, Tone::Bad),
    };
    (format!("{sym} {}", phase.as_str()), tone)
}

/// Symbol and tone of a claim phase (or Terminating).
pub fn claim_phase(g: &Glyphs, phase: Option<ClaimPhase>, deleting: bool) -> (String, Tone) {
    if deleting {
        return (format!("{} Terminating", g.terminating), Tone::Warn);
    }
    let phase = phase.unwrap_or(ClaimPhase::Pending);
    let (sym, tone) = match phase {
        ClaimPhase::Bound => (g.ok, Tone::Good),
        ClaimPhase::Pending => (g.waiting, Tone::Warn),
        ClaimPhase::Lost => (g.bad, Tone::Bad),
    };
    (format!("{sym} {}", phase.as_str()), tone)
}

fn users(cluster: &Cluster, claim: &PersistentVolumeClaim) -> Vec<String> {
    let ns = claim.metadata.namespace_or_default();
    cluster
        .pods()
        .filter(|p| p.metadata.namespace_or_default() == ns)
        .filter(|p| p.uses_claim(&claim.metadata.name))
        .map(|p| p.metadata.name.clone())
        .collect()
}

/// The cluster storage box, or None when the cluster has no storage objects.
pub fn storage_block(ctx: &Ctx, cluster: &Cluster) -> Option<Block> {
    let g = ctx.g;
    let mut entries = Vec::new();
    for sc in cluster.storage_classes() {
        let name = &sc.metadata.name;
        let default = if sc.is_default() { " (default)" } else { "" };
        entries.push(Entry::Row(Row {
            segs: vec![
                seg(format!("class {name}{default} "), Tone::Plain),
                seg(
                    format!(
                        "{} {} {}",
                        sc.provisioner,
                        sc.reclaim_policy().as_str(),
                        sc.binding_mode().as_str()
                    ),
                    Tone::Dim,
                ),
            ],
            item: Some(Item::StorageClass(name.clone())),
        }));
    }
    for pv in cluster.volumes() {
        let name = &pv.metadata.name;
        let (phase, tone) =
            volume_phase(g, pv.status.phase, pv.metadata.deletion_timestamp.is_some());
        let size = pv.spec.storage().map(|q| q.to_string()).unwrap_or_default();
        let class = pv.spec.storage_class_name.as_deref().unwrap_or("");
        let mut segs = vec![
            seg(format!("pv {name} "), Tone::Plain),
            seg(phase, tone),
            seg(
                format!(" {size} {}", pv.spec.reclaim_policy().as_str()),
                Tone::Dim,
            ),
        ];
        if !class.is_empty() {
            segs.push(seg(format!(" class {class}"), Tone::Dim));
        }
        if let Some(c) = &pv.spec.claim_ref {
            segs.push(seg(
                format!(" {} {}", g.back, c.name.as_deref().unwrap_or("?")),
                Tone::Dim,
            ));
        }
        entries.push(Entry::Row(Row {
            segs,
            item: Some(Item::PersistentVolume(name.clone())),
        }));
        match volume_placement(pv) {
            Placement::NodeLocal { path } => {
                let place = match pinned_node(pv) {
                    Some(node) => format!("on the disk of node {node} only"),
                    None => "on the disk of whichever node mounts it (each has its own)".into(),
                };
                entries.push(Entry::Row(Row {
                    segs: vec![seg(format!("  data: {path} {place}"), Tone::Disk)],
                    item: None,
                }));
            }
            Placement::Network { fs, path, .. } => {
                let mut stories: Vec<_> = cluster
                    .data()
                    .filesystems
                    .get(&fs)
                    .map(|f| {
                        f.files
                            .iter()
                            .filter(|(file, _)| is_within(file, &path))
                            .flat_map(|(_, v)| v.iter().cloned())
                            .collect()
                    })
                    .unwrap_or_default();
                stories.sort_by_key(|s| s.id);
                entries.push(Entry::Row(Row {
                    segs: vec![seg(
                        format!("  data: {} ({})", fs.describe(), Ctx::count(stories.len())),
                        Tone::Plain,
                    )],
                    item: None,
                }));
                entries.extend(ctx.story_rows(&stories, 4));
            }
        }
    }
    for claim in cluster.claims() {
        let ns = claim.metadata.namespace_or_default().to_string();
        let name = claim.metadata.name.clone();
        let (phase, tone) = claim_phase(
            g,
            claim.status.phase,
            claim.metadata.deletion_timestamp.is_some(),
        );
        let mut segs = vec![seg(format!("pvc {name} "), Tone::Plain), seg(phase, tone)];
        if let Some(v) = claim.spec.volume_name() {
            segs.push(seg(format!(" {} pv {v}", g.arrow), Tone::Dim));
        }
        let users = users(cluster, claim);
        if !users.is_empty() {
            segs.push(seg(format!(" used by {}", users.join(", ")), Tone::Dim));
        }
        let pending = claim.status.phase.is_none_or(|p| p == ClaimPhase::Pending);
        let why = pending
            .then(|| {
                let events = cluster.events_for("PersistentVolumeClaim", Some(&ns), &name);
                events.last().map(|e| e.message.clone())
            })
            .flatten();
        entries.push(Entry::Row(Row {
            segs,
            item: Some(Item::Claim {
                namespace: ns,
                name,
            }),
        }));
        if let Some(why) = why {
            entries.push(Entry::Row(Row {
                segs: vec![seg(format!("  {why}"), Tone::Dim)],
                item: None,
            }));
        }
    }
    (!entries.is_empty()).then(|| Block {
        title: vec![seg("cluster storage (outside the nodes)", Tone::Title)],
        tone: Tone::Plain,
        item: None,
        entries,
        footer: None,
    })
}

/// Why a pod has no node: its PodScheduled condition or its last FailedScheduling event.
pub fn unscheduled_reason(cluster: &Cluster, pod: &Pod) -> String {
    let cond = pod
        .status
        .conditions
        .iter()
        .find(|c| c.type_ == "PodScheduled" && c.status == "False")
        .and_then(|c| c.message.clone());
    cond.or_else(|| {
        cluster
            .events_for(
                "Pod",
                Some(pod.metadata.namespace_or_default()),
                &pod.metadata.name,
            )
            .iter()
            .rev()
            .find(|e| e.reason == "FailedScheduling")
            .map(|e| e.message.clone())
    })
    .unwrap_or_else(|| "waiting for the scheduler".into())
}

/// Pods that are on no node (or on a node that no longer exists).
pub fn waiting_block(ctx: &Ctx, cluster: &Cluster) -> Option<Block> {
    let mut entries = Vec::new();
    for pod in cluster.pods() {
        let node = pod.spec.node_name.as_deref();
        if node.is_some_and(|n| cluster.node(n).is_some()) {
            continue;
        }
        let (state, tone) = pod_state(ctx, &pod_status(pod));
        entries.push(Entry::Row(Row {
            segs: vec![
                seg(format!("pod {} ", pod.metadata.name), Tone::Plain),
                seg(state, tone),
            ],
            item: Some(Item::Pod {
                namespace: pod.metadata.namespace_or_default().to_string(),
                name: pod.metadata.name.clone(),
            }),
        }));
        let why = match node {
            Some(n) => format!("node {n} no longer exists"),
            None => unscheduled_reason(cluster, pod),
        };
        entries.push(Entry::Row(Row {
            segs: vec![seg(format!("  {why}"), Tone::Dim)],
            item: None,
        }));
    }
    (!entries.is_empty()).then(|| Block {
        title: vec![seg("waiting to be scheduled", Tone::Warn)],
        tone: Tone::Warn,
        item: None,
        entries,
        footer: None,
    })
}
