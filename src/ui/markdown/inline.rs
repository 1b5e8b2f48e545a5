//! Inline Markdown: `**strong**`, `*emphasis*` / `_emphasis_` and `` `code` `` turned into
//! styled pieces. A marker without its partner stays as literal text: a learner's step text
//! must never lose a character because of a stray `*`.

use ratatui::style::Style;

use super::MdStyles;

/// A run of text in one style.
pub(super) type Piece = (String, Style);

/// Splits `text` into styled pieces, starting from `base` (a heading's style, say).
pub(super) fn parse(text: &str, base: Style, styles: &MdStyles) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    parse_chars(&chars, base, styles, &mut out);
    out
}

fn parse_chars(chars: &[char], base: Style, styles: &MdStyles, out: &mut Vec<Piece>) {
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let code = if c == '`' { code_end(chars, i) } else { None };
        if let Some(end) = code {
            flush(&mut literal, base, out);
            let body: String = chars[i + 1..end].iter().collect();
            let text = if styles.code_backticks {
                format!("`{body}`")
            } else {
                body
            };
            out.push((text, base.patch(styles.code)));
            i = end + 1;
            continue;
        }
        let strong = if c == '*' && chars.get(i + 1) == Some(&'*') {
            strong_end(chars, i)
        } else {
            None
        };
        if let Some(end) = strong {
            flush(&mut literal, base, out);
            parse_chars(&chars[i + 2..end], base.patch(styles.strong), styles, out);
            i = end + 2;
            continue;
        }
        let emphasis = if c == '*' || c == '_' {
            emphasis_end(chars, i)
        } else {
            None
        };
        if let Some(end) = emphasis {
            flush(&mut literal, base, out);
            parse_chars(&chars[i + 1..end], base.patch(styles.emphasis), styles, out);
            i = end + 1;
            continue;
        }
        literal.push(c);
        i += 1;
    }
    flush(&mut literal, base, out);
}

fn flush(literal: &mut String, style: Style, out: &mut Vec<Piece>) {
    if !literal.is_empty() {
        out.push((std::mem::take(literal), style));
    }
}

/// The closing backtick of a code span opened at `open`, if the span is not empty.
fn code_end(chars: &[char], open: usize) -> Option<usize> {
    let end = open + 1 + chars[open + 1..].iter().position(|&c| c == '`')?;
    (end > open + 1).then_some(end)
}

/// The closing `**` of a strong run opened at `open`: the content is not empty and neither
/// starts nor ends with a space (so `2 ** 3` stays literal).
fn strong_end(chars: &[char], open: usize) -> Option<usize> {
    let first = *chars.get(open + 2)?;
    if first.is_whitespace() {
        return None;
    }
    (open + 3..chars.len().saturating_sub(1))
        .find(|&j| chars[j] == '*' && chars[j + 1] == '*' && !chars[j - 1].is_whitespace())
}

/// The closing marker of an emphasis opened at `open` by `*` or `_`. `**` pairs inside are
/// skipped (they belong to a strong run). An `_` only opens and closes at word edges, so
/// `snake_case_names` stay as written.
fn emphasis_end(chars: &[char], open: usize) -> Option<usize> {
    let mark = chars[open];
    let next = *chars.get(open + 1)?;
    if next.is_whitespace() || next == mark {
        return None;
    }
    let word = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric());
    if mark == '_' && open > 0 && word(open - 1) {
        return None;
    }
    let mut j = open + 2;
    while j < chars.len() {
        if chars[j] == mark {
            if chars.get(j + 1) == Some(&mark) {
                j += 2;
                continue;
            }
            let closes = !chars[j - 1].is_whitespace() && (mark != '_' || !word(j + 1));
            if closes {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn markers_pair_up_or_stay_literal() {
        let s = MdStyles::new(true);
        let base = s.normal;
        let p = parse("a **b *c* d** e", base, &s);
        assert_eq!(texts(&p), ["a ", "b ", "c", " d", " e"]);
        assert!(
            p[2].1
                .add_modifier
                .contains(Modifier::BOLD | Modifier::ITALIC)
        );
        assert_eq!(texts(&parse("2 ** 3 and *x", base, &s)), ["2 ** 3 and *x"]);
        assert_eq!(
            texts(&parse("snake_case_name", base, &s)),
            ["snake_case_name"]
        );
        assert_eq!(texts(&parse("``", base, &s)), ["``"]);
        assert_eq!(texts(&parse("_a_", base, &s)), ["a"]);
        assert_eq!(texts(&parse("`a*b*`", base, &s)), ["a*b*"]);
    }
}
