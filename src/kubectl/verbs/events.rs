//! `kubectl events`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/events/
//! events.go` (`Run`, `runWatch`, `SortableEvents`) and `event_printer.go` (`printHeadings`,
//! `printOneEvent`, `getInterval`): `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE` (NAMESPACE
//! first with `-A`), sorted by last timestamp, OBJECT as `Kind/name`, LAST SEEN as
//! `5m (x3 over 10m)` for repeated events; `No events found in default namespace.` otherwise.
//! The events are those of `kubectl get events` ([`crate::kubectl::get::events`]).

use crate::kubectl::get::events::{event_namespace, event_value};
use crate::kubectl::table::escape_terminal;
use crate::kubectl::tabwriter::TabWriter;
use crate::kubectl::{Invocation, Output, OutputFormat, to_json, to_yaml};
use crate::sim::events::Event;
use crate::sim::{Cluster, Kind, human_duration};
use serde_json::json;

/// The events `kubectl events` shows with these flags, in the cluster's order.
fn selected<'a>(inv: &Invocation, cluster: &'a Cluster) -> Vec<&'a Event> {
    let flags = &inv.flags;
    let ns = flags.namespace_or_default();
    let for_object = flags.time.for_object.as_deref().and_then(|f| {
        let (r, name) = f.split_once('/')?;
        Some((Kind::from_resource(r)?, name.to_string()))
    });
    let mut events: Vec<&Event> = cluster
        .events()
        .filter(|e| flags.all_namespaces || event_namespace(e) == ns)
        .filter(|e| {
            flags.time.types.is_empty()
                || flags
                    .time
                    .types
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(e.type_.as_str()))
        })
        .filter(|e| {
            for_object
                .as_ref()
                .is_none_or(|(k, n)| e.object.kind == k.name() && e.object.name == *n)
        })
        .collect();
    events.sort_by_key(|e| e.seq);
    events
}

/// `escapeCell`: a cell ends at its first line break (`...` marks the cut).
fn escape_cell(s: &str) -> String {
    match s.find(['\u{c}', '\n', '\r']) {
        Some(i) => escape_terminal(&format!("{}...", &s[..i])),
        None => escape_terminal(s),
    }
}

/// `getInterval`: `5m`, or `5m (x3 over 10m)`.
fn interval(e: &Event, cluster: &Cluster) -> String {
    let now = cluster.now();
    let first = human_duration(now.since(e.first_seen));
    if e.count > 1 {
        format!(
            "{} (x{} over {first})",
            human_duration(now.since(e.last_seen)),
            e.count
        )
    } else {
        first
    }
}

/// `printOneEvent`'s line (tab-separated).
fn line(e: &Event, cluster: &Cluster, all_namespaces: bool) -> String {
    let mut s = String::new();
    if all_namespaces {
        s.push_str(event_namespace(e));
        s.push('\t');
    }
    s.push_str(&format!(
        "{}\t{}\t{}\t{}/{}\t{}\n",
        interval(e, cluster),
        escape_cell(e.type_.as_str()),
        escape_cell(&e.reason),
        escape_cell(&e.object.kind),
        escape_cell(&e.object.name),
        escape_cell(e.message.trim()),
    ));
    s
}

fn heading(all_namespaces: bool) -> &'static str {
    if all_namespaces {
        "NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n"
    } else {
        "LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n"
    }
}

/// Runs `kubectl events` (without `-w`; see [`EventsWatch`]).
pub fn run(inv: &Invocation, cluster: &Cluster) -> Output {
    let mut out = Output::new();
    if inv.flags.time.watch {
        let (first, _) = EventsWatch::start(inv, cluster);
        out.out(first);
        return out;
    }
    let mut events = selected(inv, cluster);
    if events.is_empty() {
        if inv.flags.all_namespaces {
            out.err_line("No events found.");
        } else {
            out.err_line(format!(
                "No events found in {} namespace.",
                inv.flags.namespace_or_default()
            ));
        }
        return out;
    }
    // `SortableEvents`: by last timestamp (a stable sort keeps creation order on ties).
    events.sort_by_key(|e| e.last_seen);
    match inv.flags.output {
        OutputFormat::Yaml | OutputFormat::Json => {
            let list = json!({
                "apiVersion": "v1",
                "items": events.iter().map(|e| event_value(e, cluster)).collect::<Vec<_>>(),
                "kind": "EventList",
                "metadata": {"resourceVersion": ""},
            });
            out.out(if inv.flags.output == OutputFormat::Yaml {
                to_yaml(&list)
            } else {
                to_json(&list)
            });
        }
        _ => {
            let mut w = TabWriter::kubectl_get();
            if !inv.flags.no_headers {
                w.write_str(heading(inv.flags.all_namespaces));
            }
            for e in events {
                w.write_str(&line(e, cluster, inv.flags.all_namespaces));
            }
            out.out(w.finish());
        }
    }
    out
}

/// `kubectl events -w` (`runWatch`): every event the watch sends, header first; the watch's
/// first events are the existing ones (a watch without a resourceVersion starts with them),
/// then each new event or new occurrence.
#[derive(Clone, Debug)]
pub struct EventsWatch {
    inv: Invocation,
    /// `(seq, count)` of every event printed.
    seen: std::collections::BTreeMap<u64, u32>,
    writer: TabWriter,
    header_done: bool,
}

impl EventsWatch {
    /// Starts the watch: what it prints at once, and the watch.
    pub fn start(inv: &Invocation, cluster: &Cluster) -> (String, EventsWatch) {
        let mut w = EventsWatch {
            inv: inv.clone(),
            seen: Default::default(),
            writer: TabWriter::kubectl_get(),
            header_done: false,
        };
        let first = w.poll(cluster);
        (first, w)
    }

    /// The new events and occurrences since the last poll.
    pub fn poll(&mut self, cluster: &Cluster) -> String {
        let all = self.inv.flags.all_namespaces;
        let fresh: Vec<&Event> = selected(&self.inv, cluster)
            .into_iter()
            .filter(|e| self.seen.get(&e.seq) != Some(&e.count))
            .collect();
        if fresh.is_empty() {
            return String::new();
        }
        if !self.header_done && !self.inv.flags.no_headers {
            self.writer.write_str(heading(all));
        }
        self.header_done = true;
        for e in fresh {
            self.seen.insert(e.seq, e.count);
            self.writer.write_str(&line(e, cluster, all));
        }
        self.writer.flush();
        String::from_utf8_lossy(&self.writer.take_output()).into_owned()
    }
}
