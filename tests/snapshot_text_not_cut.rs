//! Issue 10: nowhere is text cut at a pane's edge. Every pane keeps a column between its text
//! and its right border, and text too long for its place is wrapped, or shortened with `…`
//! (the whole text one key away), so a character that is not a space touching a right border
//! (or a title touching a corner) is text the border cut. This scans every snapshot the
//! other tests keep (80x24, 100x30, 120x36/40, 160x45) for one.

use std::path::Path;

/// Right-hand borders and corners, in the box-drawing and the ASCII looks.
fn is_right_border(c: char) -> bool {
    matches!(c, '│' | '┃' | '║' | '╮' | '╯' | '┐' | '┘' | '┤' | '|' | '+')
}

/// What may touch a border: space, the marks of shortened or sideways-scrolled text, and
/// lines (box drawing, block elements) that are drawing, not text.
fn may_touch(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '…' | '~' | '›' | '‹' | '-' | '=' | '+' | '|' | '.' | '>' | '<'
        )
        || ('\u{2500}'..='\u{259F}').contains(&c)
}

/// The places in one snapshot's text where a border cuts text: (row, the text before it).
fn cuts(screen: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (row, line) in screen.lines().enumerate() {
        // A TestBackend screen is printed one quoted row per line.
        let line = line.strip_prefix('"').unwrap_or(line);
        let line = line.strip_suffix('"').unwrap_or(line);
        let chars: Vec<char> = line.chars().collect();
        for i in 1..chars.len() {
            if is_right_border(chars[i]) && !may_touch(chars[i - 1]) {
                // `│x` where `x` opens the next pane is fine; a letter then a border is a cut,
                // unless the border is itself a left border followed by that pane's text
                // (`a│b` is two panes only when the left one keeps its padding column).
                let before: String = chars[i.saturating_sub(24)..i].iter().collect();
                found.push((row, before));
            }
        }
    }
    found
}

#[test]
fn no_snapshot_has_text_cut_at_a_border() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("snapshots")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "snap"))
        .collect();
    files.sort();
    assert!(files.len() > 50, "the snapshots are there");
    let mut problems = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read snapshot");
        // insta's header ends at the second `---` line.
        let body = text.splitn(3, "\n---\n").nth(2).unwrap_or(&text);
        for (row, before) in cuts(body) {
            problems.push(format!(
                "{}:{row}: …{before}",
                f.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} places where a border cuts text:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_scan_finds_a_cut_word_and_passes_padded_text() {
    assert_eq!(cuts("│STORAG│ECLASS │").len(), 1);
    assert_eq!(cuts("╭ what does a container keep what it wri╮").len(), 1);
    assert!(cuts("│ kept, padded │").is_empty());
    assert!(cuts("│ shortened wi…│").is_empty());
    assert!(cuts("╭ title ─────╮").is_empty());
    assert!(cuts("+ ascii ----+").is_empty());
}

/// Issue 10: no raw Markdown reaches a coloured screen (goal, predict, hint, summary and step
/// texts all go through the renderer). Without colour (the ASCII snapshots) inline code keeps
/// its backticks on purpose: style alone cannot set a command apart there.
#[test]
fn no_coloured_snapshot_shows_a_raw_backtick() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut raw = Vec::new();
    for f in std::fs::read_dir(&dir).expect("snapshots").flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".snap") || name.contains("ascii") {
            continue;
        }
        // `kubestory sim` transcripts are plain text, not a coloured screen; kubectl's own
        // lines may hold a backtick (`tar: Removing leading `/' from member names`).
        if name.starts_with("scenarios__") {
            continue;
        }
        let text = std::fs::read_to_string(f.path()).expect("read");
        let body = text.splitn(3, "\n---\n").nth(2).unwrap_or(&text);
        if body.contains('`') {
            raw.push(name);
        }
    }
    assert!(raw.is_empty(), "raw backticks in: {raw:?}");
}
