//! Word expansion in the container shell: `$NAME`, `${NAME}`, `$?`, and globbing of the last
//! path component (`/data/*`, `*.txt`), as dash does (a pattern that matches nothing stays
//! as typed).

use super::parse::{Piece, Word};
use super::view::Stat;
use super::{Flavor, Shell, programs};

impl Shell<'_> {
    /// `$X` expansion and globbing of one word.
    pub(super) fn expand(&self, word: &Word) -> Vec<String> {
        let mut text = String::new();
        let mut pattern = String::new();
        let mut globbing = false;
        for piece in &word.0 {
            match piece {
                Piece::Text { text: t, quoted } => {
                    text.push_str(t);
                    if *quoted {
                        for c in t.chars() {
                            if matches!(c, '*' | '?' | '\\') {
                                pattern.push('\\');
                            }
                            pattern.push(c);
                        }
                    } else {
                        globbing |= t.contains(['*', '?']);
                        pattern.push_str(t);
                    }
                }
                Piece::Var { name, .. } => {
                    let v = self.var(name);
                    for c in v.chars() {
                        if matches!(c, '*' | '?' | '\\') {
                            pattern.push('\\');
                        }
                        pattern.push(c);
                    }
                    text.push_str(&v);
                }
            }
        }
        if globbing {
            let matches = self.glob(&pattern);
            if !matches.is_empty() {
                return matches;
            }
        }
        vec![text]
    }

    fn var(&self, name: &str) -> String {
        match name {
            "?" => self.session.status.to_string(),
            "$" => "1".into(),
            "#" => "0".into(),
            "0" => match self.session.flavor {
                Flavor::Dash => "sh".into(),
                Flavor::Bash => "bash".into(),
            },
            _ => self
                .session
                .vars
                .get(name)
                .cloned()
                .or_else(|| {
                    programs::environment(self)
                        .into_iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v)
                })
                .unwrap_or_default(),
        }
    }

    /// Globs the last path component of `pattern` (`/data/*`, `*.txt`).
    fn glob(&self, pattern: &str) -> Vec<String> {
        let (dir, base) = match pattern.rsplit_once('/') {
            Some(("", b)) => ("/".to_string(), b.to_string()),
            Some((d, b)) => (d.replace('\\', ""), b.to_string()),
            None => (String::new(), pattern.to_string()),
        };
        if base.is_empty() {
            return Vec::new();
        }
        let abs = if dir.is_empty() {
            self.session.cwd.clone()
        } else {
            self.abs(&dir)
        };
        if self.view().stat(&abs) != Stat::Dir {
            return Vec::new();
        }
        self.view()
            .list(&abs)
            .into_iter()
            .filter(|(name, _)| !name.starts_with('.') || base.starts_with('.'))
            .filter(|(name, _)| wildcard(&base, name))
            .map(|(name, _)| match dir.as_str() {
                "" => name,
                "/" => format!("/{name}"),
                d => format!("{d}/{name}"),
            })
            .collect()
    }
}

/// `*` and `?` matching (with `\` escaping), iterative so it cannot recurse deeply.
fn wildcard(pattern: &str, name: &str) -> bool {
    let mut toks: Vec<(char, bool)> = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                toks.push((n, true));
            }
        } else {
            toks.push((c, false));
        }
    }
    let name: Vec<char> = name.chars().collect();
    let (mut p, mut n) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while n < name.len() {
        if p < toks.len() && !toks[p].1 && toks[p].0 == '?' {
            p += 1;
            n += 1;
        } else if p < toks.len() && !toks[p].1 && toks[p].0 == '*' {
            star = Some(p);
            mark = n;
            p += 1;
        } else if p < toks.len() && toks[p].0 == name[n] {
            p += 1;
            n += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            n = mark;
        } else {
            return false;
        }
    }
    while p < toks.len() && !toks[p].1 && toks[p].0 == '*' {
        p += 1;
    }
    p == toks.len()
}
