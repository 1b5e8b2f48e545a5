//! Stories as rows, marked KEPT or LOST by the shell's highlights, and the banner that says
//! what was just lost and why.

use super::Highlight;
use super::glyphs::Glyphs;
use super::layout::{Block, Entry, Row, Tone, seg};
use crate::sim::data::Story;

/// How many stories one place lists before summing the rest up.
pub const SHOWN: usize = 3;

/// The context every scene builder needs.
pub struct Ctx<'a> {
    /// Glyph set.
    pub g: &'a Glyphs,
    /// The shell's highlights.
    pub highlights: &'a [Highlight],
}

impl Ctx<'_> {
    fn kept(&self, id: u64) -> bool {
        self.highlights
            .iter()
            .any(|h| matches!(h, Highlight::Kept { story_id } if *story_id == id))
    }

    /// "2 stories" (or "no stories"), for a heading.
    pub fn count(n: usize) -> String {
        match n {
            0 => "no stories".into(),
            1 => "1 story".into(),
            n => format!("{n} stories"),
        }
    }

    /// Rows for stories held in one place, indented by `indent` spaces; the newest are shown
    /// and older ones counted.
    pub fn story_rows(&self, stories: &[Story], indent: usize) -> Vec<Entry> {
        let pad = " ".repeat(indent);
        let mut rows = Vec::new();
        let skip = stories.len().saturating_sub(SHOWN);
        if skip > 0 {
            rows.push(Entry::Row(Row {
                segs: vec![seg(format!("{pad}+{skip} older stories"), Tone::Dim)],
                item: None,
            }));
        }
        for s in &stories[skip..] {
            let mut segs = vec![seg(
                format!("{pad}{} {:?}", self.g.story, s.text),
                Tone::Story,
            )];
            if self.kept(s.id) {
                segs.push(seg(format!(" {} KEPT", self.g.kept), Tone::Kept));
            }
            rows.push(Entry::Row(Row { segs, item: None }));
        }
        rows
    }

    /// Stories destroyed by the highlighted losses.
    pub fn lost_count(&self) -> usize {
        self.highlights
            .iter()
            .map(|h| match h {
                Highlight::Lost { loss } => loss.stories.len(),
                _ => 0,
            })
            .sum()
    }

    /// Stories marked as kept.
    pub fn kept_count(&self) -> usize {
        self.highlights
            .iter()
            .filter(|h| matches!(h, Highlight::Kept { .. }))
            .count()
    }

    /// The "data lost" box: each loss with its why, and the stories that went with it.
    pub fn banner(&self) -> Option<Block> {
        let mut entries = Vec::new();
        // Losses of stories first; a filesystem that went away empty comes after.
        let mut losses: Vec<_> = self
            .highlights
            .iter()
            .filter_map(|h| match h {
                Highlight::Lost { loss } => Some(loss),
                _ => None,
            })
            .collect();
        losses.sort_by_key(|l| l.stories.is_empty());
        for loss in losses {
            entries.push(Entry::Row(Row {
                segs: vec![
                    seg(format!("{} LOST ", self.g.lost), Tone::Lost),
                    seg(
                        format!(
                            "{} in {}",
                            Self::count(loss.stories.len()),
                            loss.fs.describe()
                        ),
                        Tone::Lost,
                    ),
                ],
                item: None,
            }));
            // Every why reads "EVENT: RULE"; the rule gets a line of its own, so a narrow
            // pane cuts the event's details, never the rule the learner is meant to see.
            let (event, rule) = loss.why.split_once(": ").unwrap_or((&loss.why, ""));
            entries.push(Entry::Row(Row {
                segs: vec![seg(format!("  why: {event}"), Tone::Plain)],
                item: None,
            }));
            if !rule.is_empty() {
                entries.push(Entry::Row(Row {
                    segs: vec![seg(format!("  {} {rule}", self.g.arrow), Tone::Plain)],
                    item: None,
                }));
            }
            for s in loss.stories.iter().take(SHOWN) {
                entries.push(Entry::Row(Row {
                    segs: vec![seg(format!("  {} {:?}", self.g.lost, s.text), Tone::Lost)],
                    item: None,
                }));
            }
            if loss.stories.len() > SHOWN {
                entries.push(Entry::Row(Row {
                    segs: vec![seg(
                        format!("  +{} more lost", loss.stories.len() - SHOWN),
                        Tone::Lost,
                    )],
                    item: None,
                }));
            }
        }
        (!entries.is_empty()).then(|| Block {
            title: vec![seg(format!("{} data lost", self.g.lost), Tone::Lost)],
            tone: Tone::Lost,
            item: None,
            entries,
            footer: None,
        })
    }
}
