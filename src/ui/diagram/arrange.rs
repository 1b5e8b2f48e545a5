//! The whole picture in an area: a header with the tally, the "data lost" banner, the nodes
//! side by side (or in rows when narrow), the waiting area and cluster storage, each given
//! room by priority so something useful shows at any size.

use super::layout::{Block, Op, Row, Tone, place_block, seg, text};
use ratatui::layout::Rect;

/// Narrowest useful node column.
pub const MIN_NODE_WIDTH: u16 = 28;

/// Everything the diagram shows, as boxes not yet placed.
pub struct Scene {
    /// The first line (title and tally).
    pub header: Row,
    /// What was just lost, if anything.
    pub banner: Option<Block>,
    /// One box per node.
    pub nodes: Vec<Block>,
    /// Pods with no node.
    pub waiting: Option<Block>,
    /// PVs, claims and classes.
    pub storage: Option<Block>,
}

/// The width a node box needs to show its title up to the node's state (`● Ready`), with the
/// selection marker and the borders.
fn essential_title_width(node: &Block) -> u16 {
    let mut width = 0usize;
    for s in &node.title {
        width += s.text.chars().count();
        if s.text.contains("Ready") {
            break;
        }
    }
    u16::try_from(width + 6).unwrap_or(u16::MAX)
}

/// Places the scene in `area`.
pub fn arrange(scene: &Scene, area: Rect) -> Vec<Op> {
    let mut ops = Vec::new();
    if area.width == 0 || area.height == 0 {
        return ops;
    }
    ops.push(text(area.x, area.y, area.width, &scene.header));
    let top = area.y + 1;
    let total = area.height - 1;
    // A column is wide enough for each node's name and state (cloud node names are long:
    // `ip-10-0-32-10.ec2.internal`); narrower, the boxes stack.
    let column = scene
        .nodes
        .iter()
        .map(essential_title_width)
        .max()
        .unwrap_or(0)
        .max(MIN_NODE_WIDTH);
    let cols = (area.width / column).clamp(1, scene.nodes.len().max(1) as u16);
    let node_rows: Vec<&[Block]> = scene.nodes.chunks(cols as usize).collect();
    let nodes_natural: u16 = node_rows
        .iter()
        .map(|r| r.iter().map(Block::natural_height).max().unwrap_or(0))
        .fold(0u16, |a, b| a.saturating_add(b))
        .max(1);
    // Sections in drawing order with their natural heights; room goes first to a minimum for
    // each (by priority: nodes, banner, storage, waiting), then to the rest in the same order.
    let naturals = [
        scene.banner.as_ref().map_or(0, Block::natural_height),
        nodes_natural,
        scene.waiting.as_ref().map_or(0, Block::natural_height),
        scene.storage.as_ref().map_or(0, Block::natural_height),
    ];
    let mut given = [0u16; 4];
    let mut left = total;
    for pass in 0..2 {
        for i in [1, 0, 3, 2] {
            // The loss banner is what just happened: it gets up to a third at once.
            let first = if i == 0 { (total / 3).max(3) } else { 3 };
            let want = if pass == 0 {
                naturals[i].min(first)
            } else {
                naturals[i]
            };
            let add = want.saturating_sub(given[i]).min(left);
            given[i] += add;
            left -= add;
        }
    }
    let mut y = top;
    if let Some(b) = &scene.banner {
        place_block(b, Rect::new(area.x, y, area.width, given[0]), &mut ops);
    }
    y += given[0];
    place_nodes(
        &node_rows,
        Rect::new(area.x, y, area.width, given[1]),
        &mut ops,
    );
    y += given[1];
    if let Some(b) = &scene.waiting {
        place_block(b, Rect::new(area.x, y, area.width, given[2]), &mut ops);
    }
    y += given[2];
    if let Some(b) = &scene.storage {
        place_block(b, Rect::new(area.x, y, area.width, given[3]), &mut ops);
    }
    ops
}

fn place_nodes(rows: &[&[Block]], rect: Rect, ops: &mut Vec<Op>) {
    if rect.height == 0 {
        return;
    }
    if rows.is_empty() {
        let row = Row {
            segs: vec![seg("no nodes", Tone::Dim)],
            item: None,
        };
        ops.push(text(rect.x, rect.y, rect.width, &row));
        return;
    }
    if let Some(heights) = shared_heights(rows, rect.height) {
        let mut y = rect.y;
        for (blocks, h) in rows.iter().zip(heights) {
            place_row(blocks, Rect::new(rect.x, y, rect.width, h), ops);
            y += h;
        }
        return;
    }
    let mut y = rect.y;
    for (i, blocks) in rows.iter().enumerate() {
        let left = rect.bottom().saturating_sub(y);
        let later = rows.len() - i - 1;
        let reserve = u16::from(later > 0);
        let natural = blocks.iter().map(Block::natural_height).max().unwrap_or(1);
        // A fair share of what is left (rows that need less pass the rest on), leaving room
        // for at least a "+N more" line when later rows exist.
        let share = (left / (later as u16 + 1)).max(3);
        let h = natural.min(share).min(left.saturating_sub(reserve));
        if h < 3 && later > 0 || h == 0 {
            let hidden: usize = rows[i..].iter().map(|r| r.len()).sum();
            let row = Row {
                segs: vec![seg(format!("+{hidden} more nodes"), Tone::Dim)],
                item: None,
            };
            if y < rect.bottom() {
                ops.push(text(rect.x, y, rect.width, &row));
            }
            return;
        }
        place_row(blocks, Rect::new(rect.x, y, rect.width, h), ops);
        y += h;
    }
}

/// One row of node boxes side by side, sharing the width.
fn place_row(blocks: &[Block], rect: Rect, ops: &mut Vec<Op>) {
    let n = blocks.len().max(1) as u16;
    let w = rect.width / n;
    for (j, b) in blocks.iter().enumerate() {
        let x = rect.x + w * j as u16;
        let width = if j as u16 == n - 1 {
            rect.right() - x
        } else {
            w
        };
        place_block(b, Rect::new(x, rect.y, width, rect.height), ops);
    }
}

/// Heights for every row when all of them fit at their smallest (a border, a line, a
/// border): each starts there and the room left goes, a line at a time, to the row that
/// still lacks the most, so a node with pods gets the room rather than empty ones (stacked
/// cloud nodes at 80x24). Rows that all fit whole get their natural heights; `None` when not
/// every row fits even at its smallest (then later rows give way to a "+N more" line).
fn shared_heights(rows: &[&[Block]], height: u16) -> Option<Vec<u16>> {
    const SMALLEST: u16 = 3;
    let naturals: Vec<u16> = rows
        .iter()
        .map(|r| r.iter().map(Block::natural_height).max().unwrap_or(1))
        .collect();
    let sum: u32 = naturals.iter().map(|&h| u32::from(h)).sum();
    if sum <= u32::from(height) {
        return Some(naturals);
    }
    if u32::from(SMALLEST) * rows.len() as u32 > u32::from(height) {
        return None;
    }
    let mut heights: Vec<u16> = naturals.iter().map(|&n| n.min(SMALLEST)).collect();
    let mut left = height - heights.iter().sum::<u16>();
    while left > 0 {
        let Some((i, _)) = naturals
            .iter()
            .zip(&heights)
            .map(|(n, h)| n.saturating_sub(*h))
            .enumerate()
            .filter(|(_, lack)| *lack > 0)
            .max_by_key(|(i, lack)| (*lack, std::cmp::Reverse(*i)))
        else {
            break;
        };
        heights[i] += 1;
        left -= 1;
    }
    Some(heights)
}
