//! Ctrl-R on the command line: readline's `reverse-search-history` (`man 3 readline`,
//! "Searching"). Each typed character narrows the search; Ctrl-R again finds the next older
//! match; Enter runs the match, Esc or Ctrl-G gives back the line as it was, and any editing
//! key takes the match into the line to edit it. The prompt reads as bash's:
//! `(reverse-i-search)'kub': kubectl get pvc`, and `(failed reverse-i-search)…` when nothing
//! older matches.

use super::line_edit::LineEdit;

/// A search in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// What the learner typed since Ctrl-R.
    pub query: String,
    /// The history entry shown (an index into the history) and where the query is in it.
    pub found: Option<(usize, usize)>,
    /// The last search found nothing (older): the prompt says `failed`.
    pub failed: bool,
    /// The line as it was before Ctrl-R, given back by Esc.
    pub before: LineEdit,
}

impl Search {
    /// A search starting from the newest entry, remembering the line being edited.
    pub fn new(before: LineEdit) -> Search {
        Search {
            query: String::new(),
            found: None,
            failed: false,
            before,
        }
    }

    /// The newest entry at index `start` or older containing the query.
    fn find(&mut self, entries: &[String], start: Option<usize>) {
        let from = match start {
            Some(i) => i,
            None if entries.is_empty() => {
                self.failed = !self.query.is_empty();
                return;
            }
            None => entries.len() - 1,
        };
        let hit = (0..=from.min(entries.len().saturating_sub(1)))
            .rev()
            .find_map(|i| entries[i].rfind(&self.query).map(|at| (i, at)));
        match hit {
            Some(h) => {
                self.found = Some(h);
                self.failed = false;
            }
            None => self.failed = true,
        }
    }

    /// A character typed: the query grows and the search stays on the current match if it
    /// still matches, else goes older.
    pub fn push(&mut self, c: char, entries: &[String]) {
        if c.is_control() {
            return;
        }
        self.query.push(c);
        let start = self.found.map(|(i, _)| i);
        self.find(entries, start);
    }

    /// Backspace: the query shrinks and the search starts again from the newest entry.
    pub fn pop(&mut self, entries: &[String]) {
        self.query.pop();
        self.found = None;
        self.failed = false;
        if !self.query.is_empty() {
            self.find(entries, None);
        }
    }

    /// Ctrl-R again: the next older match.
    pub fn older(&mut self, entries: &[String]) {
        if self.query.is_empty() {
            return;
        }
        match self.found {
            Some((0, _)) => self.failed = true,
            Some((i, _)) => {
                let before = self.found;
                self.find(entries, Some(i - 1));
                if self.failed {
                    self.found = before;
                }
            }
            None => self.find(entries, None),
        }
    }

    /// The prompt and the text after it, as bash shows them.
    pub fn prompt(&self) -> String {
        format!(
            "({}reverse-i-search)'{}': ",
            if self.failed { "failed " } else { "" },
            self.query
        )
    }

    /// The line the search leaves: the match with the cursor on it (as readline leaves
    /// point), or the line as it was when nothing matched.
    pub fn result(&self, entries: &[String]) -> LineEdit {
        match self.found.and_then(|(i, at)| Some((entries.get(i)?, at))) {
            Some((text, at)) => {
                let mut l = self.before.clone();
                l.set_with_cursor(text, at);
                l
            }
            None => self.before.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<String> {
        [
            "kubectl get pvc",
            "story read deploy/story",
            "kubectl get pods",
            "wait 1m",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn typing_narrows_and_ctrl_r_goes_older() {
        let e = entries();
        let mut s = Search::new(LineEdit::new("typed"));
        for c in "kub".chars() {
            s.push(c, &e);
        }
        assert_eq!(s.found, Some((2, 0)));
        assert_eq!(s.prompt(), "(reverse-i-search)'kub': ");
        assert_eq!(s.result(&e).text(), "kubectl get pods");
        s.older(&e);
        assert_eq!(s.result(&e).text(), "kubectl get pvc");
        s.older(&e);
        assert!(s.failed, "nothing older");
        assert_eq!(s.prompt(), "(failed reverse-i-search)'kub': ");
        assert_eq!(
            s.result(&e).text(),
            "kubectl get pvc",
            "the last match stays"
        );
    }

    #[test]
    fn the_cursor_lands_on_the_match_and_a_miss_keeps_the_line() {
        let e = entries();
        let mut s = Search::new(LineEdit::new("typed"));
        for c in "read".chars() {
            s.push(c, &e);
        }
        let l = s.result(&e);
        assert_eq!((l.text(), l.cursor()), ("story read deploy/story", 6));
        let mut s = Search::new(LineEdit::new("typed"));
        s.push('z', &e);
        assert!(s.failed);
        assert_eq!(s.result(&e).text(), "typed");
        s.pop(&e);
        assert!(!s.failed && s.found.is_none());
    }
}
