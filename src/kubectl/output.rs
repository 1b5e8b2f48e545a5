//! What one kubectl command prints: stdout and stderr chunks in the order they were written.
//!
//! Real kubectl writes to two streams and a terminal shows them interleaved (for example
//! `kubectl delete` prints `pod "x" deleted` on stdout and a `Warning:` on stderr). The headless
//! runner must reproduce that order, so an [`Output`] keeps every chunk with its stream.

use crate::sim::limits::MAX_OUTPUT_BYTES;

/// The stream a chunk of text was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stream {
    /// Standard output (tables, YAML, `pvc "x" deleted`).
    Stdout,
    /// Standard error (`error: …`, `Warning: …`, `No resources found in default namespace.`).
    Stderr,
}

/// The text one command wrote, in order, and whether it succeeded (exit code 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// The chunks in the order they were written; adjacent chunks of one stream are merged.
    pub chunks: Vec<(Stream, String)>,
    /// `true` when kubectl would exit with status 0.
    pub success: bool,
    /// Bytes written so far, counted against [`MAX_OUTPUT_BYTES`].
    size: usize,
    /// Whether text was dropped at the limit (the note is written once).
    truncated: bool,
    /// Files `kubectl cp POD:PATH LOCAL` copied out of a container, as `(local path, text)`:
    /// the caller keeps them in memory over the workspace (kubestory writes nothing on disk).
    pub copied_out: Vec<(String, String)>,
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

impl Output {
    /// An empty, successful output.
    pub fn new() -> Output {
        Output {
            chunks: Vec::new(),
            success: true,
            size: 0,
            truncated: false,
            copied_out: Vec::new(),
        }
    }

    /// Appends text to stdout.
    pub fn out(&mut self, text: impl AsRef<str>) -> &mut Output {
        self.push(Stream::Stdout, text.as_ref())
    }

    /// Appends text to stderr.
    pub fn err(&mut self, text: impl AsRef<str>) -> &mut Output {
        self.push(Stream::Stderr, text.as_ref())
    }

    /// Appends a line (text plus `\n`) to stdout.
    pub fn out_line(&mut self, text: impl AsRef<str>) -> &mut Output {
        let line = format!("{}\n", text.as_ref());
        self.push(Stream::Stdout, &line)
    }

    /// Appends a line (text plus `\n`) to stderr.
    pub fn err_line(&mut self, text: impl AsRef<str>) -> &mut Output {
        let line = format!("{}\n", text.as_ref());
        self.push(Stream::Stderr, &line)
    }

    /// Marks the command as failed (non-zero exit status).
    pub fn fail(&mut self) -> &mut Output {
        self.success = false;
        self
    }

    /// Appends everything `other` wrote, keeping its order; fails if `other` failed.
    pub fn extend(&mut self, other: Output) -> &mut Output {
        for (stream, text) in other.chunks {
            self.push(stream, &text);
        }
        self.success &= other.success;
        self.truncated |= other.truncated;
        self.copied_out.extend(other.copied_out);
        self
    }

    /// Everything written to stdout, concatenated.
    pub fn stdout(&self) -> String {
        self.stream_text(Stream::Stdout)
    }

    /// Everything written to stderr, concatenated.
    pub fn stderr(&self) -> String {
        self.stream_text(Stream::Stderr)
    }

    /// Both streams interleaved as a terminal would show them.
    pub fn combined(&self) -> String {
        self.chunks.iter().map(|(_, text)| text.as_str()).collect()
    }

    fn stream_text(&self, stream: Stream) -> String {
        self.chunks
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// Whether text was dropped because the command printed more than [`MAX_OUTPUT_BYTES`].
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Appends text, up to [`MAX_OUTPUT_BYTES`] per command: the rest is dropped and a
    /// `kubestory:` note on stderr says so, so no command can fill memory or the screen.
    fn push(&mut self, stream: Stream, text: &str) -> &mut Output {
        if text.is_empty() || self.truncated {
            return self;
        }
        let room = MAX_OUTPUT_BYTES - self.size;
        if text.len() > room {
            let mut cut = room;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let kept = &text[..cut];
            self.append(stream, kept);
            let newline = if kept.ends_with('\n') || (kept.is_empty() && self.ends_with_newline()) {
                ""
            } else {
                "\n"
            };
            let note = format!("{newline}{}\n", super::strings::output_truncated());
            self.append(Stream::Stderr, &note);
            self.truncated = true;
            return self;
        }
        self.size += text.len();
        self.append(stream, text)
    }

    fn ends_with_newline(&self) -> bool {
        self.chunks.last().is_none_or(|(_, t)| t.ends_with('\n'))
    }

    fn append(&mut self, stream: Stream, text: &str) -> &mut Output {
        if text.is_empty() {
            return self;
        }
        match self.chunks.last_mut() {
            Some((last, buf)) if *last == stream => buf.push_str(text),
            _ => self.chunks.push((stream, text.to_string())),
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_keep_order_and_merge_neighbours() {
        let mut o = Output::new();
        o.out("a").out_line("b").err_line("warn").out("c");
        assert_eq!(
            o.chunks,
            vec![
                (Stream::Stdout, "ab\n".to_string()),
                (Stream::Stderr, "warn\n".to_string()),
                (Stream::Stdout, "c".to_string()),
            ]
        );
        assert_eq!(o.stdout(), "ab\nc");
        assert_eq!(o.stderr(), "warn\n");
        assert_eq!(o.combined(), "ab\nwarn\nc");
        assert!(o.success);
    }

    #[test]
    fn extend_propagates_failure() {
        let mut a = Output::new();
        let mut b = Output::new();
        b.err("error: x\n").fail();
        a.out("ok\n").extend(b);
        assert!(!a.success);
        assert_eq!(a.combined(), "ok\nerror: x\n");
    }
}
