//! The Markdown subset of lesson texts, drawn as ratatui lines: headings (`#` to `###`),
//! `*emphasis*`/`_emphasis_`, `**strong**`, `` `code` ``, fenced code blocks, `- `/`* `
//! bullets and `1. ` numbered items, paragraphs separated by blank lines.
//!
//! Lesson authors write for any width, so the text is reflowed here: soft line breaks join
//! (as Markdown does), then paragraphs and list items wrap to the pane with their styles kept
//! and a hanging indent under list items. Code blocks are the exception: commands and YAML
//! must stay exactly as written, so they are cut (with `…`) rather than wrapped. Nothing here
//! panics or drops text on odd input; an unclosed marker is shown as written.

mod inline;
mod wrap;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use wrap::{Hang, cut, wrap};

/// The styles Markdown is drawn with, for one run (colour or `NO_COLOR`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MdStyles {
    /// Paragraph text.
    pub normal: Style,
    /// Headings (a level-1 heading is also underlined).
    pub heading: Style,
    /// `*emphasis*`, patched over the surrounding style.
    pub emphasis: Style,
    /// `**strong**`, patched over the surrounding style.
    pub strong: Style,
    /// `` `inline code` ``.
    pub code: Style,
    /// Lines of fenced code blocks.
    pub code_block: Style,
    /// List markers (`•`, `1.`).
    pub bullet: Style,
    /// Whether inline code keeps its backticks. Without colour the style alone cannot tell a
    /// command from prose, so the backticks stay visible.
    pub code_backticks: bool,
}

impl MdStyles {
    /// The styles for a run with or without colour. Without colour only modifiers are used
    /// (bold, italic, underline), so `NO_COLOR` learners still see the structure.
    pub fn new(color: bool) -> MdStyles {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let italic = plain.add_modifier(Modifier::ITALIC);
        if !color {
            return MdStyles {
                normal: plain,
                heading: bold,
                emphasis: italic,
                strong: bold,
                code: plain,
                code_block: plain,
                bullet: bold,
                code_backticks: true,
            };
        }
        MdStyles {
            normal: plain,
            heading: bold.fg(Color::Cyan),
            emphasis: italic,
            strong: bold,
            code: plain.fg(Color::Yellow),
            code_block: plain.fg(Color::Yellow),
            bullet: plain.fg(Color::Cyan),
            code_backticks: false,
        }
    }
}

/// One line of inline Markdown (a goal, a predict option, a hint) after `prefix` (a mark,
/// `Hint 1/2: `), wrapped to `width` columns with the later lines indented under the text:
/// the same renderer as the step text, so `code` and *emphasis* look the same everywhere and
/// no raw backtick or asterisk reaches the screen (issue 10). `base` is the item's style
/// (dim for an explanation, the goal's colour), patched by the inline styles.
pub fn inline_item(
    prefix: &str,
    text: &str,
    width: u16,
    base: Style,
    styles: &MdStyles,
) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let mut out = Vec::new();
    let width = usize::from(width);
    if width == 0 {
        return out;
    }
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let pieces = inline::parse(&text, base, styles);
    let hang = Hang {
        marker: (!prefix.is_empty()).then(|| (prefix.to_string(), base)),
        indent: prefix.width(),
    };
    wrap(&pieces, width, hang, &mut out);
    out
}

/// Inline Markdown as plain text, for one-line places without styles (the message line,
/// log lines): `code` and *emphasis* lose their markers, as the panes draw them.
pub fn plain(text: &str) -> String {
    let styles = MdStyles::new(true);
    inline::parse(text, Style::default(), &styles)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// One block of the text, before wrapping.
#[derive(Debug, PartialEq)]
enum Block {
    /// One or more blank lines between blocks.
    Blank,
    /// `#`, `##` or `###` and its text.
    Heading { level: usize, text: String },
    /// Consecutive lines, joined with spaces.
    Paragraph(String),
    /// A list item with its continuation lines; `nest` is its indentation in columns.
    Item {
        nest: usize,
        number: Option<String>,
        text: String,
    },
    /// The lines between two fences, as written.
    Code(Vec<String>),
}

/// Draws `text` as lines at most `width` columns wide (width 0 gives no lines; below 4
/// columns, a character wider than the pane may still overflow). `ascii` draws bullets as
/// `-` and cut code lines end with `~` instead of `…`.
pub fn render(text: &str, width: u16, styles: &MdStyles, ascii: bool) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut out: Vec<Line<'static>> = Vec::new();
    if width == 0 {
        return out;
    }
    // Text is sanitised at load; a stray control character here becomes a space rather than
    // confusing the width arithmetic.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let mut after_blank = true;
    for block in blocks(&text) {
        match block {
            Block::Blank => out.push(Line::default()),
            Block::Heading { level, text } => {
                if !after_blank {
                    out.push(Line::default());
                }
                let mut style = styles.normal.patch(styles.heading);
                if level == 1 {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                let pieces = inline::parse(&text, style, styles);
                wrap(&pieces, width, Hang::flush(), &mut out);
            }
            Block::Paragraph(text) => {
                let pieces = inline::parse(&text, styles.normal, styles);
                wrap(&pieces, width, Hang::flush(), &mut out);
            }
            Block::Item { nest, number, text } => {
                let bullet = if ascii { "-" } else { "•" };
                let marker = format!(
                    "{}{} ",
                    " ".repeat(nest),
                    number.as_deref().unwrap_or(bullet)
                );
                let indent = unicode_width::UnicodeWidthStr::width(marker.as_str());
                let hang = Hang {
                    marker: Some((marker, styles.bullet)),
                    indent,
                };
                let pieces = inline::parse(&text, styles.normal, styles);
                wrap(&pieces, width, hang, &mut out);
            }
            Block::Code(lines) => {
                let mark = if ascii { "~" } else { "…" };
                // Exactly as written, no margin: a snippet's columns are the columns the
                // learner types in the editor (issue 10: lesson 1's snippet looked two
                // spaces deeper than its file).
                for line in lines {
                    let shown = cut(&line, width, mark);
                    out.push(Line::from(Span::styled(shown, styles.code_block)));
                }
            }
        }
        after_blank = out.last().is_none_or(|l| l.spans.is_empty());
    }
    out
}

/// Splits the text into blocks. Blank runs become one [`Block::Blank`]; blanks at the start
/// and the end are dropped. An unclosed fence runs to the end of the text.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            let code = lines
                .by_ref()
                .take_while(|l| !l.trim_start().starts_with("```"))
                .map(|l| l.trim_end().to_string())
                .collect();
            out.push(Block::Code(code));
        } else if trimmed.is_empty() {
            if !matches!(out.last(), None | Some(Block::Blank)) {
                out.push(Block::Blank);
            }
        } else if let Some((level, text)) = heading(trimmed) {
            out.push(Block::Heading { level, text });
        } else if let Some((number, text)) = item(trimmed) {
            let lead = line.len() - line.trim_start().len();
            out.push(Block::Item {
                nest: (lead / 2).min(3) * 2,
                number,
                text: text.to_string(),
            });
        } else {
            match out.last_mut() {
                Some(Block::Paragraph(text) | Block::Item { text, .. }) => {
                    text.push(' ');
                    text.push_str(trimmed);
                }
                _ => out.push(Block::Paragraph(trimmed.to_string())),
            }
        }
    }
    if matches!(out.last(), Some(Block::Blank)) {
        out.pop();
    }
    out
}

/// `# text` to `### text`: the level and the text. `####` and deeper are paragraphs.
fn heading(line: &str) -> Option<(usize, String)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[level..];
    let ok = (1..=3).contains(&level) && (rest.is_empty() || rest.starts_with(' '));
    ok.then(|| (level, rest.trim().to_string()))
}

/// `- text`, `* text` (number `None`) or `12. text` (number `Some("12.")`).
fn item(line: &str) -> Option<(Option<String>, &str)> {
    if let Some(text) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((None, text.trim_start()));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if !(1..=9).contains(&digits) {
        return None;
    }
    let text = line[digits..].strip_prefix(". ")?;
    Some((Some(format!("{}.", &line[..digits])), text.trim_start()))
}

#[cfg(test)]
mod tests;
