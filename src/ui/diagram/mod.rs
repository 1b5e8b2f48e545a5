//! The DIAGRAM: a live picture of where data physically lives in the simulated cluster. Nodes
//! are boxes holding their pods; pods hold their containers (with the writable layer's stories)
//! and their volumes; an emptyDir lives inside its pod (in memory when it is a tmpfs), hostPath
//! and node-local PV directories live on the node's disk strip, and PVs, claims and classes
//! live in "cluster storage" outside the nodes. Stories sit where they are stored, so a
//! learner sees what an event will destroy before it happens, and the shell's [`Highlight`]s
//! mark what was just LOST (with the rule that decided it) or KEPT.
//!
//! `layout`/`arrange` compute boxes as plain data, `render` paints them; `item_at` and
//! `selectable_items` read the same layout, so clicks and the picture cannot disagree.

mod arrange;
pub mod glyphs;
pub mod layout;
mod nodes;
mod render;
mod storage;
mod stories;

pub use render::tone_style;

use crate::sim::Cluster;
use crate::sim::data::DataLoss;
use crate::ui::selection::Item;
use layout::Op;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// How to draw: the shell sets these from `--ascii` and `NO_COLOR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiagramStyle {
    /// Box drawing and symbols (`false`: plain ASCII).
    pub unicode: bool,
    /// Colours (`false`: words, symbols and bold/reverse only).
    pub color: bool,
}

impl Default for DiagramStyle {
    fn default() -> Self {
        DiagramStyle {
            unicode: true,
            color: true,
        }
    }
}

/// A recent data event the shell asks the diagram to mark for a few frames.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// Stories (or a whole filesystem) were destroyed: shown in the "data lost" box with
    /// `loss.why`, and counted in the tally.
    Lost {
        /// The loss, as the simulator recorded it.
        loss: DataLoss,
    },
    /// A story survived the last event: marked KEPT where it is stored.
    Kept {
        /// The story's id.
        story_id: u64,
    },
}

/// The widget. Render it as `frame.render_widget(&diagram, area)`.
pub struct Diagram<'a> {
    /// The cluster to picture.
    pub cluster: &'a Cluster,
    /// The selected item, drawn reversed with a cursor.
    pub selected: Option<&'a Item>,
    /// Recent losses and survivors to mark.
    pub highlights: &'a [Highlight],
    /// Glyphs and colour.
    pub style: &'a DiagramStyle,
}

fn scene(cluster: &Cluster, highlights: &[Highlight], unicode: bool) -> arrange::Scene {
    use layout::{Row, Tone, seg};
    let g = glyphs::Glyphs::for_unicode(unicode);
    let ctx = stories::Ctx { g, highlights };
    let mut header = vec![seg("cluster: where the data lives", Tone::Title)];
    let lost = ctx.lost_count();
    if ctx
        .highlights
        .iter()
        .any(|h| matches!(h, Highlight::Lost { .. }))
    {
        header.push(seg(format!("  {} lost: {lost}", g.lost), Tone::Lost));
    }
    let kept = ctx.kept_count();
    if kept > 0 {
        header.push(seg(format!("  {} kept: {kept}", g.kept), Tone::Kept));
    }
    arrange::Scene {
        header: Row {
            segs: header,
            item: None,
        },
        banner: ctx.banner(),
        nodes: nodes::node_blocks(&ctx, cluster),
        waiting: storage::waiting_block(&ctx, cluster),
        storage: storage::storage_block(&ctx, cluster),
    }
}

/// The diagram's boxes, unplaced, in drawing order (the "data lost" box, the nodes, the
/// waiting pods, cluster storage): the tree view lists this same model as an outline, so the
/// two views cannot disagree about where a story lives.
pub fn outline(cluster: &Cluster, highlights: &[Highlight], unicode: bool) -> Vec<layout::Block> {
    let s = scene(cluster, highlights, unicode);
    s.banner
        .into_iter()
        .chain(s.nodes)
        .chain(s.waiting)
        .chain(s.storage)
        .collect()
}

/// The laid-out picture of `cluster` in `area`.
fn ops(cluster: &Cluster, highlights: &[Highlight], unicode: bool, area: Rect) -> Vec<Op> {
    arrange::arrange(&scene(cluster, highlights, unicode), area)
}

impl Widget for &Diagram<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let g = glyphs::Glyphs::for_unicode(self.style.unicode);
        let ops = ops(self.cluster, self.highlights, self.style.unicode, area);
        render::draw(&ops, area, buf, self.style, g, self.selected);
    }
}

/// Every selectable item, in on-screen order (nodes with their pods, containers and volumes,
/// then waiting pods, then classes, volumes and claims), for arrow and Tab navigation.
pub fn selectable_items(cluster: &Cluster) -> Vec<Item> {
    let s = scene(cluster, &[], true);
    let mut out = Vec::new();
    for b in &s.nodes {
        b.items(&mut out);
    }
    for b in s.waiting.iter().chain(s.storage.iter()) {
        b.items(&mut out);
    }
    out
}

/// The item drawn at column `x`, row `y` of a diagram (without highlights) rendered in
/// `area` (a mouse click): the innermost row or box there. [`Diagram::item_at`] also accounts
/// for the "data lost" box that highlights add.
pub fn item_at(cluster: &Cluster, area: Rect, x: u16, y: u16) -> Option<Item> {
    hit(&ops(cluster, &[], true, area), area, x, y)
}

impl Diagram<'_> {
    /// The item this diagram draws at column `x`, row `y` when rendered in `area`.
    pub fn item_at(&self, area: Rect, x: u16, y: u16) -> Option<Item> {
        let ops = ops(self.cluster, self.highlights, self.style.unicode, area);
        hit(&ops, area, x, y)
    }
}

fn hit(ops: &[Op], area: Rect, x: u16, y: u16) -> Option<Item> {
    let mut best: Option<(u32, Item)> = None;
    for op in ops {
        let (rect, item) = match op {
            Op::Frame { rect, item, .. } => (*rect, item),
            Op::Text {
                x, y, width, item, ..
            } => (Rect::new(*x, *y, *width, 1), item),
        };
        let Some(item) = item else { continue };
        let inside = rect
            .intersection(area)
            .contains(ratatui::layout::Position { x, y });
        let size = rect.area();
        if inside && best.as_ref().is_none_or(|(s, _)| size <= *s) {
            best = Some((size, item.clone()));
        }
    }
    best.map(|(_, i)| i)
}
