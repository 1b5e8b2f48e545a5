//! Node boxes: the pods on each node (with their containers' writable layers and their
//! volumes, drawn where the data physically lives) and the node's disk strip at the bottom.

use super::layout::{Block, Entry, Row, Seg, Tone, seg};
use super::stories::Ctx;
use crate::kubectl::status::pod_status;
use crate::sim::Cluster;
use crate::sim::data::{FsId, Story, is_within};
use crate::sim::location::{Placement, volume_placement};
use crate::sim::objects::{Node, Pod, Volume};
use crate::ui::selection::Item;
use std::collections::BTreeMap;

fn row(segs: Vec<Seg>, item: Option<Item>) -> Entry {
    Entry::Row(Row { segs, item })
}

/// The symbol, word and tone for a pod's STATUS.
pub fn pod_state(ctx: &Ctx, status: &str) -> (String, Tone) {
    let (sym, tone) = match status {
        "Running" | "Completed" | "Succeeded" => (ctx.g.ok, Tone::Good),
        "Pending" | "ContainerCreating" | "PodInitializing" => (ctx.g.waiting, Tone::Warn),
        "Terminating" => (ctx.g.terminating, Tone::Warn),
        _ => (ctx.g.bad, Tone::Bad),
    };
    (format!("{sym} {status}"), tone)
}

/// One box per node, in the cluster's order.
pub fn node_blocks(ctx: &Ctx, cluster: &Cluster) -> Vec<Block> {
    cluster
        .nodes()
        .map(|n| node_block(ctx, cluster, n))
        .collect()
}

fn node_block(ctx: &Ctx, cluster: &Cluster, node: &Node) -> Block {
    let name = &node.metadata.name;
    let mut title = vec![seg(format!("node {name} "), Tone::Title)];
    // The machine's truth and the API's view can differ for a while (semantics §9.3): show
    // both when the machine is down.
    let mut tone = Tone::Plain;
    if !node.is_up() {
        title.push(seg(format!("{} machine DOWN, ", ctx.g.bad), Tone::Bad));
        tone = Tone::Bad;
    }
    if node.is_ready() {
        title.push(seg(format!("{} Ready", ctx.g.ok), Tone::Good));
    } else {
        title.push(seg(format!("{} NotReady", ctx.g.bad), Tone::Bad));
        tone = Tone::Bad;
    }
    if node.spec.unschedulable {
        title.push(seg(" cordoned", Tone::Warn));
    }
    // Which node runs the control plane (its loss stops the API) and, on the cloud profile,
    // the node's zone (a zonal disk only attaches there): issue 11. Last, so that a narrow
    // box cuts these before the node's state.
    if cluster.config().control_plane.as_deref() == Some(name.as_str()) {
        title.push(seg(" control-plane", Tone::Dim));
    }
    if let Some(zone) = node.metadata.labels.get(crate::sim::profile::ZONE_LABEL) {
        title.push(seg(format!(" {zone}"), Tone::Dim));
    }
    let pods: Vec<&Pod> = cluster
        .pods()
        .filter(|p| p.spec.node_name.as_deref() == Some(name.as_str()))
        .collect();
    let mut entries: Vec<Entry> = pods
        .iter()
        .map(|p| Entry::Block(pod_block(ctx, cluster, p)))
        .collect();
    if entries.is_empty() {
        entries.push(row(vec![seg("no pods", Tone::Dim)], None));
    }
    let disk = disk_block(ctx, cluster, name, &pods);
    if disk.is_none() {
        entries.push(row(vec![seg("disk: nothing stored", Tone::Disk)], None));
    }
    Block {
        title,
        tone,
        item: Some(Item::Node(name.clone())),
        entries,
        footer: disk.map(Box::new),
    }
}

/// The box of one pod: its containers (with their writable layers) and its volumes.
pub fn pod_block(ctx: &Ctx, cluster: &Cluster, pod: &Pod) -> Block {
    let ns = pod.metadata.namespace_or_default().to_string();
    let name = pod.metadata.name.clone();
    let (state, tone) = pod_state(ctx, &pod_status(pod));
    let mut entries = Vec::new();
    for c in &pod.spec.containers {
        let restarts = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == c.name)
            .map_or(0, |s| s.restart_count);
        let layer = FsId::ContainerLayer {
            pod_uid: pod.metadata.uid.clone(),
            container: c.name.clone(),
            instance: restarts,
        };
        let stories = cluster
            .data()
            .filesystems
            .get(&layer)
            .map(|f| f.stories())
            .unwrap_or_default();
        let mut segs = vec![seg(format!("{} {}", ctx.g.container, c.name), Tone::Plain)];
        if restarts > 0 {
            segs.push(seg(format!(" restarts:{restarts}"), Tone::Warn));
        }
        if !stories.is_empty() {
            segs.push(seg(
                format!(" layer: {}", Ctx::count(stories.len())),
                Tone::Dim,
            ));
        }
        let item = Item::Container {
            namespace: ns.clone(),
            pod: name.clone(),
            container: c.name.clone(),
        };
        entries.push(row(segs, Some(item)));
        entries.extend(ctx.story_rows(&stories, 2));
    }
    for v in &pod.spec.volumes {
        volume_rows(ctx, cluster, pod, v, &mut entries);
    }
    let mut title = vec![seg(format!("pod {name} "), Tone::Title), seg(state, tone)];
    let inside = stories_inside(cluster, &pod.metadata.uid);
    if inside > 0 {
        // Kept in the title so a collapsed pod still says what it holds.
        title.push(seg(format!(" ({})", Ctx::count(inside)), Tone::Story));
    }
    Block {
        title,
        tone,
        item: Some(Item::Pod {
            namespace: ns,
            name,
        }),
        entries,
        footer: None,
    }
}

fn volume_rows(ctx: &Ctx, cluster: &Cluster, pod: &Pod, v: &Volume, out: &mut Vec<Entry>) {
    let item = Some(Item::PodVolume {
        namespace: pod.metadata.namespace_or_default().to_string(),
        pod: pod.metadata.name.clone(),
        volume: v.name.clone(),
    });
    let head = seg(format!("{} {} ", ctx.g.volume, v.name), Tone::Plain);
    let a = ctx.g.arrow;
    let (what, tone) = if let Some(ed) = &v.empty_dir {
        if ed.is_memory() {
            ("emptyDir in MEMORY (tmpfs)".to_string(), Tone::Memory)
        } else {
            ("emptyDir on node disk".to_string(), Tone::Plain)
        }
    } else if let Some(hp) = &v.host_path {
        (format!("hostPath {a} disk {}", hp.path), Tone::Disk)
    } else if let Some(claim_name) = pod.volume_claim_name(v) {
        // A generic ephemeral volume is drawn as what it is: the claim `<pod>-<volume>` and
        // the PV behind it, like a persistentVolumeClaim volume.
        let ns = pod.metadata.namespace_or_default();
        let claim = cluster.claim(ns, &claim_name);
        let pv = claim
            .and_then(|c| c.spec.volume_name())
            .and_then(|n| cluster.volume(n));
        let (where_, tone) = match (claim, pv.map(volume_placement)) {
            (None, _) => ("claim not found".to_string(), Tone::Bad),
            (Some(_), None) => ("not bound yet".to_string(), Tone::Warn),
            (Some(_), Some(Placement::NodeLocal { path })) => {
                (format!("{a} node disk {path}"), Tone::Disk)
            }
            (Some(_), Some(Placement::Network { .. })) => {
                ("in cluster storage".to_string(), Tone::Good)
            }
        };
        let kind = if v.ephemeral.is_some() {
            "ephemeral pvc"
        } else {
            "pvc"
        };
        return push_volume(
            out,
            head,
            item,
            format!("{kind} {claim_name} {where_}"),
            tone,
        );
    } else if let Some(cm) = &v.config_map {
        (format!("configMap {} (read-only)", cm.name), Tone::Dim)
    } else if let Some(s) = &v.secret {
        (format!("secret {} (read-only)", s.secret_name), Tone::Dim)
    } else if v.extra.contains_key("projected") {
        ("projected API token (read-only)".to_string(), Tone::Dim)
    } else {
        let kind = v.extra.keys().next().map_or("volume", String::as_str);
        (kind.to_string(), Tone::Dim)
    };
    push_volume(out, head, item, what, tone);
    if v.empty_dir.is_some() {
        let Ok((fs, _, _)) = cluster.volume_root(pod, v) else {
            return;
        };
        let stories = cluster
            .data()
            .filesystems
            .get(&fs)
            .map(|f| f.stories())
            .unwrap_or_default();
        out.extend(ctx.story_rows(&stories, 2));
    }
}

/// Directories of a node's disk that matter: the ones mounted by pods on the node and the ones
/// holding stories, each with its stories; None when there are none.
fn disk_block(ctx: &Ctx, cluster: &Cluster, node: &str, pods: &[&Pod]) -> Option<Block> {
    let mut dirs: BTreeMap<String, (Vec<String>, Vec<Story>)> = BTreeMap::new();
    for p in pods {
        for v in &p.spec.volumes {
            let path = if let Some(hp) = &v.host_path {
                Some(hp.path.clone())
            } else {
                node_local_claim_path(cluster, p, v)
            };
            if let Some(path) = path {
                let users = &mut dirs
                    .entry(crate::sim::data::normalize(&path))
                    .or_default()
                    .0;
                if !users.contains(&p.metadata.name) {
                    users.push(p.metadata.name.clone());
                }
            }
        }
    }
    let fs = FsId::NodeDisk {
        node: node.to_string(),
    };
    if let Some(disk) = cluster.data().filesystems.get(&fs) {
        for (file, stories) in &disk.files {
            let root = dirs
                .keys()
                .filter(|d| is_within(file, d))
                .max_by_key(|d| d.len())
                .cloned()
                .unwrap_or_else(|| parent(file));
            dirs.entry(root)
                .or_default()
                .1
                .extend(stories.iter().cloned());
        }
    }
    let mut entries = Vec::new();
    for (dir, (users, stories)) in &dirs {
        let mut segs = vec![seg(format!("{} {dir} ", ctx.g.dir), Tone::Disk)];
        segs.push(seg(Ctx::count(stories.len()), Tone::Dim));
        if !users.is_empty() {
            segs.push(seg(
                format!(" {} {}", ctx.g.back, users.join(", ")),
                Tone::Dim,
            ));
        }
        entries.push(row(segs, None));
        entries.extend(ctx.story_rows(stories, 2));
    }
    let total: usize = dirs.values().map(|(_, s)| s.len()).sum();
    (!entries.is_empty()).then(|| Block {
        title: vec![seg(format!("disk ({})", Ctx::count(total)), Tone::Disk)],
        tone: Tone::Disk,
        item: None,
        entries,
        footer: None,
    })
}

fn parent(file: &str) -> String {
    match file.rsplit_once('/') {
        Some(("", _)) | None => "/".into(),
        Some((dir, _)) => dir.into(),
    }
}

fn node_local_claim_path(cluster: &Cluster, pod: &Pod, v: &Volume) -> Option<String> {
    let claim_name = pod.volume_claim_name(v)?;
    let claim = cluster.claim(pod.metadata.namespace_or_default(), &claim_name)?;
    let pv = cluster.volume(claim.spec.volume_name()?)?;
    match volume_placement(pv) {
        Placement::NodeLocal { path } => Some(path),
        Placement::Network { .. } => None,
    }
}

/// Stories held inside a pod: its containers' layers and its emptyDirs.
fn stories_inside(cluster: &Cluster, uid: &str) -> usize {
    cluster
        .data()
        .filesystems
        .iter()
        .filter(|(fs, _)| match fs {
            FsId::ContainerLayer { pod_uid, .. }
            | FsId::EmptyDir { pod_uid, .. }
            | FsId::Tmpfs { pod_uid, .. } => pod_uid == uid,
            _ => false,
        })
        .map(|(_, f)| f.files.values().map(|v| v.len()).sum::<usize>())
        .sum()
}

fn push_volume(out: &mut Vec<Entry>, head: Seg, item: Option<Item>, what: String, tone: Tone) {
    out.push(row(vec![head, seg(what, tone)], item));
}
