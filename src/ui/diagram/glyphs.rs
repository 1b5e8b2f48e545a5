//! The two glyph sets: box drawing and symbols for terminals that have them, plain ASCII for
//! those that do not. Every symbol is always paired with a word, so a glyph is never the only
//! carrier of meaning.

/// The characters the diagram draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyphs {
    /// Box corners: top-left, top-right, bottom-left, bottom-right.
    pub corners: [char; 4],
    /// Horizontal line.
    pub horizontal: char,
    /// Vertical line.
    pub vertical: char,
    /// Truncation mark.
    pub ellipsis: &'static str,
    /// A story (one line of text an app stored).
    pub story: &'static str,
    /// A story or storage that was just lost.
    pub lost: &'static str,
    /// A story that survived the last event.
    pub kept: &'static str,
    /// Healthy / bound.
    pub ok: &'static str,
    /// Waiting (Pending).
    pub waiting: &'static str,
    /// Available (a PV nobody claimed yet).
    pub available: &'static str,
    /// Released (claim gone, data kept).
    pub released: &'static str,
    /// Failed / NotReady / Lost.
    pub bad: &'static str,
    /// Terminating.
    pub terminating: &'static str,
    /// A container.
    pub container: &'static str,
    /// A pod volume.
    pub volume: &'static str,
    /// A directory on a disk.
    pub dir: &'static str,
    /// A link to data that lives elsewhere.
    pub arrow: &'static str,
    /// A link back (a PV's claim).
    pub back: &'static str,
    /// The selection marker.
    pub cursor: &'static str,
}

/// Box drawing and symbols.
pub const UNICODE: Glyphs = Glyphs {
    corners: ['╭', '╮', '╰', '╯'],
    horizontal: '─',
    vertical: '│',
    ellipsis: "…",
    story: "•",
    lost: "✗",
    kept: "✓",
    ok: "●",
    waiting: "◌",
    available: "○",
    released: "◐",
    bad: "✗",
    terminating: "⊘",
    container: "▣",
    volume: "◫",
    dir: "▤",
    arrow: "→",
    back: "←",
    cursor: "▶",
};

/// Plain ASCII.
pub const ASCII: Glyphs = Glyphs {
    corners: ['+', '+', '+', '+'],
    horizontal: '-',
    vertical: '|',
    ellipsis: "~",
    story: "-",
    lost: "x",
    kept: "v",
    ok: "*",
    waiting: "?",
    available: "o",
    released: "%",
    bad: "x",
    terminating: "/",
    container: "#",
    volume: "=",
    dir: "[]",
    arrow: "->",
    back: "<-",
    cursor: ">",
};

impl Glyphs {
    /// The set for a terminal with (`true`) or without box drawing.
    pub fn for_unicode(unicode: bool) -> &'static Glyphs {
        if unicode { &UNICODE } else { &ASCII }
    }
}
