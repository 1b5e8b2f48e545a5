//! `kubectl describe` layout: the indented prefix writer over describe's tab writer, the
//! `Labels:`/`Annotations:` blocks and the `Events:` table.
//!
//! Ported from kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/describe/describe.go`:
//! `prefixWriter` (`LEVEL_0`…`LEVEL_4`, two spaces per level, text passed through
//! `printers.WriteEscaped`), `tabbedString` (`tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`),
//! `printLabelsMultilineWithIndent`, `printAnnotationsMultiline` (skips
//! `kubectl.kubernetes.io/last-applied-configuration`, breaks values longer than 140
//! characters or containing newlines onto their own lines, shortening each to 138 bytes plus
//! `...`), `DescribeEvents` (flush, sort by time, `Type Reason Age From Message` header and
//! dashes, `<none>` when empty) and `translateTimestampSince` (`duration.HumanDuration`, or
//! `<unknown>` for a zero time). Repeated events show `2m (x3 over 5m)`.

use super::table::escape_terminal;
use super::tabwriter::TabWriter;
use crate::sim::{SimTime, human_duration};
use std::collections::BTreeMap;

/// No indentation.
pub const LEVEL_0: usize = 0;
/// Two spaces.
pub const LEVEL_1: usize = 1;
/// Four spaces.
pub const LEVEL_2: usize = 2;
/// Six spaces.
pub const LEVEL_3: usize = 3;
/// Eight spaces.
pub const LEVEL_4: usize = 4;

/// The annotation that `describe` never shows.
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
const MAX_ANNOTATION_LEN: usize = 140;

/// describe's `PrefixWriter` over its tab writer. Cells are separated with `\t`
/// (`"Name:\t%s\n"`), columns align across consecutive lines.
#[derive(Debug)]
pub struct DescribeWriter {
    tw: TabWriter,
}

impl Default for DescribeWriter {
    fn default() -> Self {
        DescribeWriter::new()
    }
}

/// One event row for [`DescribeWriter::events`] (the fields `DescribeEvents` reads).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLine {
    /// `Normal` or `Warning`.
    pub event_type: String,
    /// The reason (`ProvisioningSucceeded`).
    pub reason: String,
    /// `source.component` or else `reportingController` (`persistentvolume-controller`).
    pub from: String,
    /// The message (surrounding blanks are trimmed when printed).
    pub message: String,
    /// `firstTimestamp` (or `eventTime`); `None` prints `<unknown>`.
    pub first_timestamp: Option<SimTime>,
    /// `lastTimestamp` (or the series' last observed time); used when `count > 1` and to sort.
    pub last_timestamp: Option<SimTime>,
    /// How many times the event happened.
    pub count: u32,
}

impl DescribeWriter {
    /// A writer with describe's tab settings.
    pub fn new() -> DescribeWriter {
        DescribeWriter {
            tw: TabWriter::kubectl_describe(),
        }
    }

    /// `Write(level, text)`: the text after `level` × two spaces (the caller formats it and
    /// includes any `\t` and `\n`).
    pub fn write(&mut self, level: usize, text: &str) {
        let prefix = "  ".repeat(level);
        self.tw
            .write_str(&escape_terminal(&format!("{prefix}{text}")));
    }

    /// `Write(level, text + "\n")`.
    pub fn line(&mut self, level: usize, text: &str) {
        self.write(level, &format!("{text}\n"));
    }

    /// `WriteLine(text)`: the text and a newline, without indentation.
    pub fn write_line(&mut self, text: &str) {
        self.tw.write_str(&escape_terminal(&format!("{text}\n")));
    }

    /// `Flush`: aligns and releases the lines written so far (a new column block starts).
    pub fn flush(&mut self) {
        self.tw.flush();
    }

    /// Everything written, aligned.
    pub fn finish(self) -> String {
        self.tw.finish()
    }

    /// `printLabelsMultiline(w, title, labels)`: `Labels:` and `k=v` lines, or `<none>`.
    pub fn labels(&mut self, title: &str, labels: &BTreeMap<String, String>) {
        self.labels_with_indent("", title, "\t", labels, &[]);
    }

    /// `printLabelsMultilineWithIndent`: with an initial indent, the separator after the
    /// title and keys to skip (used for pod templates: `"  "`, `"Labels"`, `"\t"`).
    pub fn labels_with_indent(
        &mut self,
        initial_indent: &str,
        title: &str,
        inner_indent: &str,
        labels: &BTreeMap<String, String>,
        skip: &[&str],
    ) {
        self.labels_nested(LEVEL_0, initial_indent, title, inner_indent, labels, skip);
    }

    /// `printLabelsMultilineWithIndent` through a `NewNestedPrefixWriter(w, nest)`: every
    /// `Write(level, …)` moves `nest` levels in, and `WriteLine` writes at `nest` (so
    /// `<none>` keeps that indentation after the tab, as real describe prints it).
    pub fn labels_nested(
        &mut self,
        nest: usize,
        initial_indent: &str,
        title: &str,
        inner_indent: &str,
        labels: &BTreeMap<String, String>,
        skip: &[&str],
    ) {
        self.write(nest, &format!("{initial_indent}{title}:{inner_indent}"));
        let keys: Vec<&String> = labels
            .keys()
            .filter(|k| !skip.contains(&k.as_str()))
            .collect();
        if keys.is_empty() {
            self.write(nest, "<none>\n");
            return;
        }
        for (i, key) in keys.iter().enumerate() {
            if i != 0 {
                self.write(nest, initial_indent);
                self.write(nest, inner_indent);
            }
            self.write(nest, &format!("{key}={}\n", labels[*key]));
        }
    }

    /// `printAnnotationsMultiline(w, title, annotations)`.
    pub fn annotations(&mut self, title: &str, annotations: &BTreeMap<String, String>) {
        self.annotations_nested(LEVEL_0, title, annotations);
    }

    /// `printAnnotationsMultiline` through a `NewNestedPrefixWriter(w, nest)` (see
    /// [`DescribeWriter::labels_nested`]).
    pub fn annotations_nested(
        &mut self,
        nest: usize,
        title: &str,
        annotations: &BTreeMap<String, String>,
    ) {
        self.write(nest, &format!("{title}:\t"));
        let keys: Vec<&String> = annotations
            .keys()
            .filter(|k| k.as_str() != LAST_APPLIED)
            .collect();
        if keys.is_empty() {
            self.write(nest, "<none>\n");
            return;
        }
        let indent = "\t";
        for (i, key) in keys.iter().enumerate() {
            if i != 0 {
                self.write(nest, indent);
            }
            let value = annotations[*key]
                .strip_suffix('\n')
                .unwrap_or(&annotations[*key]);
            if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
                self.write(nest, &format!("{key}:\n"));
                for part in value.split('\n') {
                    self.write(
                        nest,
                        &format!("{indent}  {}\n", shorten(part, MAX_ANNOTATION_LEN - 2)),
                    );
                }
            } else {
                self.write(nest, &format!("{key}: {value}\n"));
            }
        }
    }

    /// `DescribeEvents`: the `Events:` section for events already filtered to the object.
    pub fn events(&mut self, events: &[EventLine], now: SimTime) {
        if events.is_empty() {
            self.write(LEVEL_0, "Events:\t<none>\n");
            return;
        }
        self.flush();
        let mut sorted: Vec<&EventLine> = events.iter().collect();
        sorted.sort_by_key(|e| e.last_timestamp.or(e.first_timestamp).map_or(0, |t| t.0));
        self.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        self.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
        for e in sorted {
            let first = since(e.first_timestamp, now);
            let age = if e.count > 1 {
                format!(
                    "{} (x{} over {first})",
                    since(e.last_timestamp, now),
                    e.count
                )
            } else {
                first
            };
            self.write(
                LEVEL_1,
                &format!(
                    "{}\t{}\t{age}\t{}\t{}\n",
                    e.event_type,
                    e.reason,
                    e.from,
                    e.message.trim()
                ),
            );
        }
    }
}

/// `translateTimestampSince`: the age of a time, or `<unknown>`.
pub fn since(time: Option<SimTime>, now: SimTime) -> String {
    match time {
        Some(t) => human_duration(now.since(t)),
        None => "<unknown>".to_string(),
    }
}

/// describe's `shorten`: at most `max` bytes (at a character boundary here), then `...`.
fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &s[..end])
}
