//! The cluster as an indented, selectable tree: nodes → pods → containers and volumes, then
//! claims, PersistentVolumes and StorageClasses. It stands in for the diagram until that
//! merges, and stays as the fallback for terminals too small for the diagram.

use crate::kubectl::status::pod_status;
use crate::sim::Cluster;
use crate::sim::objects::{Pod, Volume};
use crate::ui::selection::Item;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// One row of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What selecting the row selects.
    pub item: Item,
    /// Indentation level (0 for nodes and storage objects).
    pub depth: usize,
    /// The text after the indentation.
    pub label: String,
}

/// The rows of the tree, in display order.
pub fn rows(c: &Cluster) -> Vec<Row> {
    let mut out = Vec::new();
    let mut pods: Vec<&Pod> = c.pods().collect();
    pods.sort_by(|a, b| {
        (a.metadata.namespace_or_default(), &a.metadata.name)
            .cmp(&(b.metadata.namespace_or_default(), &b.metadata.name))
    });
    for node in c.nodes() {
        let name = node.metadata.name.clone();
        let state = if node.is_ready() { "Ready" } else { "NotReady" };
        let up = if node.is_up() { "" } else { ", machine down" };
        out.push(Row {
            item: Item::Node(name.clone()),
            depth: 0,
            label: format!("node/{name} ({state}{up})"),
        });
        for p in pods
            .iter()
            .filter(|p| p.spec.node_name.as_deref() == Some(&name))
        {
            pod_rows(c, p, &mut out);
        }
    }
    for p in pods.iter().filter(|p| p.spec.node_name.is_none()) {
        pod_rows(c, p, &mut out);
        if let Some(r) = out
            .iter_mut()
            .rev()
            .find(|r| matches!(r.item, Item::Pod { .. }))
        {
            r.label.push_str(" [not scheduled]");
        }
    }
    for pvc in c.claims() {
        let phase = pvc.status.phase.map(|p| p.as_str()).unwrap_or("Pending");
        let vol = pvc.spec.volume_name.clone().unwrap_or_default();
        let arrow = if vol.is_empty() {
            String::new()
        } else {
            format!(" → pv/{vol}")
        };
        out.push(Row {
            item: Item::Claim {
                namespace: pvc.metadata.namespace_or_default().to_string(),
                name: pvc.metadata.name.clone(),
            },
            depth: 0,
            label: format!("pvc/{} ({phase}){arrow}", pvc.metadata.name),
        });
    }
    for pv in c.volumes() {
        let phase = pv.status.phase.map(|p| p.as_str()).unwrap_or("Pending");
        out.push(Row {
            item: Item::PersistentVolume(pv.metadata.name.clone()),
            depth: 0,
            label: format!("pv/{} ({phase})", pv.metadata.name),
        });
    }
    for sc in c.storage_classes() {
        out.push(Row {
            item: Item::StorageClass(sc.metadata.name.clone()),
            depth: 0,
            label: format!("storageclass/{}", sc.metadata.name),
        });
    }
    out
}

fn pod_rows(c: &Cluster, p: &Pod, out: &mut Vec<Row>) {
    let ns = p.metadata.namespace_or_default().to_string();
    let pod = p.metadata.name.clone();
    out.push(Row {
        item: Item::Pod {
            namespace: ns.clone(),
            name: pod.clone(),
        },
        depth: 1,
        label: format!("pod/{pod} ({})", pod_status(p)),
    });
    for ct in &p.spec.containers {
        let stories = c.visible_stories(p, ct).map(|s| s.len()).unwrap_or(0);
        out.push(Row {
            item: Item::Container {
                namespace: ns.clone(),
                pod: pod.clone(),
                container: ct.name.clone(),
            },
            depth: 2,
            label: format!("container {} ({stories} stories)", ct.name),
        });
    }
    for v in &p.spec.volumes {
        out.push(Row {
            item: Item::PodVolume {
                namespace: ns.clone(),
                pod: pod.clone(),
                volume: v.name.clone(),
            },
            depth: 2,
            label: format!("volume {} ({})", v.name, volume_kind(v)),
        });
    }
}

fn volume_kind(v: &Volume) -> String {
    if let Some(e) = &v.empty_dir {
        return if e.is_memory() {
            "emptyDir, memory".into()
        } else {
            "emptyDir".into()
        };
    }
    if let Some(h) = &v.host_path {
        return format!("hostPath {}", h.path);
    }
    if let Some(c) = &v.persistent_volume_claim {
        return format!("pvc/{}", c.claim_name);
    }
    if v.config_map.is_some() {
        return "configMap".into();
    }
    if v.secret.is_some() {
        return "secret".into();
    }
    v.extra
        .keys()
        .next()
        .cloned()
        .unwrap_or_else(|| "other".into())
}

/// The first visible row so that `selected` is on screen in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// Draws the tree in `area` (inside `block`).
pub fn render(
    f: &mut Frame,
    area: Rect,
    block: Block,
    rows: &[Row],
    selected: Option<&Item>,
    ascii: bool,
) {
    let inner = block.inner(area);
    let sel = selected.and_then(|s| rows.iter().position(|r| &r.item == s));
    let offset = scroll_offset(sel.unwrap_or(0), inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .map(|(i, r)| {
            let branch = match (r.depth, ascii) {
                (0, _) => String::new(),
                (d, true) => format!("{}`- ", "   ".repeat(d - 1)),
                (d, false) => format!("{}└ ", "  ".repeat(d - 1)),
            };
            let marker = if Some(i) == sel {
                if ascii { ">" } else { "▶" }
            } else {
                " "
            };
            let line = Line::from(format!("{marker}{branch}{}", r.label));
            if Some(i) == sel {
                line.style(Style::default().add_modifier(Modifier::REVERSED))
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines).block(block), area);
}
