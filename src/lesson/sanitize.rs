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

/// Sanitises every text of a lesson in place (the loader calls it).
pub(super) fn sanitize_lesson(l: &mut super::model::Lesson) {
    let s = |t: &mut String| *t = sanitize(t);
    s(&mut l.id);
    s(&mut l.title);
    s(&mut l.summary);
    s(&mut l.recap);
    l.objectives.iter_mut().for_each(s);
    for m in &mut l.setup.manifests {
        s(&mut m.name);
        if let Some(c) = m.content.as_mut() {
            s(c);
        }
    }
    for step in &mut l.steps {
        s(&mut step.id);
        s(&mut step.title);
        s(&mut step.text);
        step.hints.iter_mut().for_each(s);
        step.notes.iter_mut().for_each(s);
        step.demo.iter_mut().for_each(s);
        for m in &mut step.manifests {
            s(&mut m.name);
            if let Some(c) = m.content.as_mut() {
                s(c);
            }
        }
        for g in &mut step.goals {
            s(&mut g.label);
            s(&mut g.explain);
        }
        if let Some(p) = step.predict.as_mut() {
            s(&mut p.question);
            for o in &mut p.options {
                s(&mut o.text);
                s(&mut o.explain);
            }
        }
    }
    for q in &mut l.quiz {
        s(&mut q.id);
        s(&mut q.question);
        q.explain.iter_mut().for_each(s);
        for o in &mut q.options {
            s(&mut o.text);
            s(&mut o.explain);
        }
        q.survivors.iter_mut().flatten().for_each(s);
        if let Some(m) = q.manifest.as_mut() {
            s(&mut m.name);
            m.content.iter_mut().for_each(s);
        }
        q.fixed.iter_mut().for_each(s);
        for g in &mut q.goals {
            s(&mut g.label);
            s(&mut g.explain);
        }
        q.solution.iter_mut().for_each(s);
        if let Some(setup) = q.scenario.as_mut() {
            for m in &mut setup.manifests {
                s(&mut m.name);
                m.content.iter_mut().for_each(s);
            }
        }
    }
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
