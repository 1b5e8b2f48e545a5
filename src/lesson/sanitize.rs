//! Neutralising control characters in lesson text: a lesson file is untrusted and must not
//! be able to move the cursor, recolour the terminal or reorder text when drawn.

/// The character that replaces anything unsafe to draw.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Returns `text` with every control character except newline replaced by U+FFFD, tabs
/// expanded to four spaces, and bidirectional overrides (which reorder what is drawn)
/// replaced too. Call it on any lesson text before drawing; the loader already applies it.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if is_unsafe(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_carriage_returns_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[2Jb\rc\nd"), "a\u{FFFD}[2Jb\u{FFFD}c\nd");
        assert_eq!(sanitize("x\u{9b}y\u{202E}z\tw"), "x\u{FFFD}y\u{FFFD}z    w");
        assert_eq!(sanitize("plain `code` *em*"), "plain `code` *em*");
    }
}
