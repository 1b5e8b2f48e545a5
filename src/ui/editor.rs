//! The manifest editor: a ratatui-textarea buffer with line numbers and undo/redo, validated
//! as the learner types with the same loader `kubectl apply` uses.

use super::strings;
use crate::manifest::{self, Diagnostic};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, TextArea};

/// The editor's buffer and what the loader says about it.
pub struct Editor {
    /// The text area (line numbers, undo with Ctrl-U, redo with Ctrl-R).
    pub area: TextArea<'static>,
    /// The loader's diagnostics for the current text, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a key only moves the cursor or scrolls (it changes no text).
pub fn is_movement(input: &Input) -> bool {
    use ratatui_textarea::Key;
    matches!(
        input.key,
        Key::Up
            | Key::Down
            | Key::Left
            | Key::Right
            | Key::Home
            | Key::End
            | Key::PageUp
            | Key::PageDown
            | Key::MouseScrollUp
            | Key::MouseScrollDown
    )
}

impl Editor {
    /// An editor holding `text`, already validated.
    pub fn new(text: &str) -> Editor {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_line_number_style(Style::default().add_modifier(Modifier::DIM));
        area.set_tab_length(2);
        area.set_max_histories(200);
        let mut e = Editor {
            area,
            diagnostics: Vec::new(),
        };
        e.validate();
        e
    }

    /// Replaces the whole buffer with `text` as an edit, so the editor's undo (Ctrl-U) brings
    /// the previous text back: `R` restores a step's manifest without losing the learner's
    /// own version of it.
    pub fn replace_all(&mut self, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        self.area.select_all();
        self.area.cut();
        self.area.insert_str(text);
        self.area.move_cursor(ratatui_textarea::CursorMove::Top);
        self.area.move_cursor(ratatui_textarea::CursorMove::Head);
        self.validate();
    }

    /// The buffer as one string, ending with a newline when not empty.
    pub fn text(&self) -> String {
        let mut s = self.area.lines().join("\n");
        if !s.is_empty() {
            s.push('\n');
        }
        s
    }

    /// Feeds one key to the text area; returns whether the text changed.
    pub fn input(&mut self, input: Input) -> bool {
        // Enter keeps the line's indentation (and one level more after `key:` or `- `), as
        // every code editor does: YAML is all indentation, and retyping it is where learners
        // slip.
        if input.key == ratatui_textarea::Key::Enter && !input.ctrl && !input.alt {
            let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
            let line = self.area.lines().get(row).cloned().unwrap_or_default();
            let before: String = line.chars().take(col).collect();
            let indent: String = before.chars().take_while(|c| *c == ' ').collect();
            let content = before.trim();
            let item = content == "-" || content.starts_with("- ");
            let opens = content.ends_with(':') && !content.starts_with('#');
            // `- name: story` goes on under the item (its mapping continues two columns in);
            // `- ReadWriteOnce` is a whole item: the next line is its sibling, at the dash
            // (from a learner's trial: the next key went into the value).
            let continues = item && (content == "-" || content.contains(": ") || opens);
            let extra = "  ".repeat(usize::from(continues) + usize::from(opens));
            self.area.insert_newline();
            self.area.insert_str(format!("{indent}{extra}"));
            self.validate();
            return true;
        }
        let changed = self.area.input(input);
        if changed {
            self.validate();
        }
        changed
    }

    /// Inserts text at the cursor; returns whether the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let changed = self
            .area
            .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        if changed {
            self.validate();
        }
        changed
    }

    /// Runs the manifest loader over the buffer.
    pub fn validate(&mut self) {
        let text = self.text();
        self.diagnostics = if text.trim().is_empty() {
            Vec::new()
        } else {
            match manifest::load(strings::EDITOR_FILE, &text) {
                Ok(_) => Vec::new(),
                Err(e) => e.diagnostics().cloned().collect(),
            }
        };
    }

    /// One line about the buffer: empty, valid, or the first problem with its suggestion.
    pub fn status(&self) -> String {
        match self.diagnostics.first() {
            Some(d) => describe(d),
            None if self.text().trim().is_empty() => strings::MANIFEST_EMPTY.into(),
            None => strings::MANIFEST_OK.into(),
        }
    }

    /// The diagnostics on a 1-based line.
    pub fn diagnostics_on(&self, line: u32) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.line == line)
    }
}

/// `line 6, column 3: unknown field "accesModes" (did you mean "accessModes"?)`.
pub fn describe(d: &Diagnostic) -> String {
    let mut s = format!("line {}, column {}: {}", d.line, d.column, d.message);
    if let Some(sug) = &d.suggestion {
        s.push_str(&format!(" ({sug})"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_the_buffer_is_one_undo_away_from_the_learners_text() {
        let mine = "kind: Pod\nmetadata:\n  name: mine\n";
        let mut e = Editor::new(mine);
        e.replace_all("kind: Pod\nmetadata:\n  name: lesson\n");
        assert_eq!(e.text(), "kind: Pod\nmetadata:\n  name: lesson\n");
        assert_eq!(e.area.cursor(), (0, 0));
        let mut undos = 0;
        while e.text() != mine && undos < 5 {
            e.area.undo();
            undos += 1;
        }
        assert_eq!(
            (e.text().as_str(), undos),
            (mine, 2),
            "Ctrl-U twice brings it back"
        );
    }

    fn typed(keys: &str) -> String {
        let mut e = Editor::new("");
        for c in keys.chars() {
            let key = if c == '\n' {
                ratatui_textarea::Key::Enter
            } else {
                ratatui_textarea::Key::Char(c)
            };
            e.input(Input {
                key,
                ..Input::default()
            });
        }
        e.text()
    }

    #[test]
    fn enter_keeps_the_indentation_and_opens_blocks_and_list_items() {
        assert_eq!(
            typed(
                "spec:\ncontainers:\n- name: story\nimage: kubestory/story\nvolumeMounts:\n- mountPath: /app/story"
            ),
            "spec:\n  containers:\n    - name: story\n      image: kubestory/story\n      volumeMounts:\n        - mountPath: /app/story\n"
        );
    }

    #[test]
    fn enter_after_a_scalar_list_item_starts_its_sibling() {
        assert_eq!(
            typed("accessModes:\n- ReadWriteOnce\n- ReadOnlyMany"),
            "accessModes:\n  - ReadWriteOnce\n  - ReadOnlyMany\n"
        );
    }
}
