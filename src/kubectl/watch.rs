//! `kubectl get … -w|--watch-only [--output-watch-events]`: the list, then one row per change
//! of a watched object, as kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/get/
//! get.go` (`watch`) prints them.
//!
//! What kubectl does, and so what happens here:
//! - the list is printed first (not with `--watch-only`); later rows come without the header,
//!   through the same tab writer, whose remembered column widths keep them aligned with it
//!   (cli-runtime's tabwriter `RememberWidths`);
//! - with `--watch-only`, the header comes with the first change;
//! - each change of a watched object (ADDED, MODIFIED, DELETED) prints the object's row as it
//!   is then (a deleted object's last state); `--output-watch-events` adds an EVENT column;
//! - watching two resource types fails: `error: watch is only supported on individual
//!   resources and resource collections, but 2 resources were found`.
//!
//! This file is pure: a [`Watch`] keeps the cluster as it last saw it (a cheap persistent
//! clone) and [`Watch::poll`] compares it with the cluster now. A real watch sees every
//! intermediate state; a poll sees the states at the moments it is called (the TUI polls after
//! every action and every second of clock, `kubestory sim` after every line and every
//! deadline of a `wait`), so changes between two polls show as one row.

use super::args::{Invocation, OutputFormat, Verb};
use super::get::{Found, ListKind, Request, Scope, columns, list, lookup, requests, row};
use super::output::Output;
use super::table::{Row, Table, TableOptions, cell_text, decorate};
use super::tabwriter::TabWriter;
use crate::sim::Cluster;

/// A running `kubectl get -w`.
#[derive(Clone, Debug)]
pub struct Watch {
    inv: Invocation,
    kind: ListKind,
    /// The cluster as the last poll saw it.
    seen: Cluster,
    writer: TabWriter,
    /// Whether the header has been printed (with `--watch-only`, not until a change).
    header_done: bool,
}

/// The identity of a watched object, and what changes when it changes (its resourceVersion;
/// for an event, its count and last time).
type Key = (String, String);

fn key_of(found: &Found<'_>) -> (Key, String) {
    let version = match found {
        Found::Event(e) => format!("{}@{}", e.count, e.last_seen.0),
        other => other
            .meta()
            .map(|m| m.resource_version.clone())
            .unwrap_or_default(),
    };
    ((found.namespace(), found.name()), version)
}

/// A change a poll saw, as a watch event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The object appeared.
    Added,
    /// The object changed.
    Modified,
    /// The object is gone (its last state is printed).
    Deleted,
}

impl Change {
    /// The watch event type, as `--output-watch-events` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "ADDED",
            Change::Modified => "MODIFIED",
            Change::Deleted => "DELETED",
        }
    }
}

/// Whether a parsed `get` asks to watch.
pub fn wants_watch(inv: &Invocation) -> bool {
    inv.verb == Verb::Get && (inv.flags.time.watch || inv.flags.time.watch_only)
}

/// The objects a watch covers, in list order.
fn watched<'a>(inv: &Invocation, kind: ListKind, cluster: &'a Cluster) -> Vec<Found<'a>> {
    let flags = &inv.flags;
    let ns = flags.namespace_or_default();
    match requests(inv).ok().and_then(|r| r.into_iter().next()) {
        Some(Request::Named(k, name)) => lookup(cluster, k, ns, &name).into_iter().collect(),
        _ => list(
            cluster,
            kind,
            Scope {
                namespace: (!flags.all_namespaces).then_some(ns),
                selector: &flags.selector,
            },
        ),
    }
}

impl Watch {
    /// Starts a watch: what kubectl prints first (the list, unless `--watch-only`) and the
    /// watch itself; `Err` is what kubectl prints when it cannot watch.
    pub fn start(inv: &Invocation, cluster: &Cluster) -> Result<(Output, Watch), Output> {
        let reqs = match requests(inv) {
            Ok(r) => r,
            Err(e) => return Err(e.to_output()),
        };
        let kinds: Vec<ListKind> = reqs
            .iter()
            .map(|r| match r {
                Request::List(k) | Request::Named(k, _) => *k,
            })
            .collect();
        let Some(&kind) = kinds.first() else {
            let mut out = Output::new();
            out.err_line("error: you must specify a resource to watch")
                .fail();
            return Err(out);
        };
        let unique = 1 + kinds.iter().filter(|k| **k != kind).count();
        if unique > 1 {
            let mut out = Output::new();
            out.err_line(format!(
                "error: watch is only supported on individual resources and resource collections, but {unique} resources were found"
            ))
            .fail();
            return Err(out);
        }
        let mut out = Output::new();
        let flags = &inv.flags;
        if let Some(Request::Named(k, name)) = reqs.first()
            && lookup(cluster, *k, flags.namespace_or_default(), name).is_none()
        {
            out.err_line(super::get::not_found(*k, name)).fail();
            return Err(out);
        }
        let mut watch = Watch {
            inv: inv.clone(),
            kind,
            seen: cluster.clone(),
            writer: TabWriter::kubectl_get(),
            header_done: false,
        };
        if !flags.time.watch_only {
            let objects = watched(inv, kind, cluster);
            let rows: Vec<(Change, Row)> = objects
                .iter()
                .map(|f| (Change::Added, row(f, cluster)))
                .collect();
            // An empty list prints nothing: `watch` has no "No resources found".
            out.out(watch.print(&rows));
        }
        Ok((out, watch))
    }

    /// What the watch prints since the last poll: one row per object that appeared, changed
    /// or went away.
    pub fn poll(&mut self, cluster: &Cluster) -> String {
        let before = watched(&self.inv, self.kind, &self.seen);
        let now = watched(&self.inv, self.kind, cluster);
        let old: std::collections::BTreeMap<Key, String> = before.iter().map(key_of).collect();
        let current: std::collections::BTreeSet<Key> = now.iter().map(|f| key_of(f).0).collect();
        let mut rows = Vec::new();
        for f in &now {
            let (key, version) = key_of(f);
            match old.get(&key) {
                None => rows.push((Change::Added, row(f, cluster))),
                Some(v) if *v != version => rows.push((Change::Modified, row(f, cluster))),
                Some(_) => {}
            }
        }
        for f in &before {
            if !current.contains(&key_of(f).0) {
                let mut last = row(f, &self.seen);
                // The deleted object's age is still counted from now.
                if let Some(meta) = f.meta() {
                    let age = super::get::fmt::age(meta, cluster.now());
                    if let Some(cell) = last.cells.last_mut()
                        && self.columns().last().is_some_and(|c| c.name == "Age")
                    {
                        *cell = age;
                    }
                }
                rows.push((Change::Deleted, last));
            }
        }
        self.seen = cluster.clone();
        self.print(&rows)
    }

    fn columns(&self) -> Vec<super::table::Column> {
        columns(self.kind)
    }

    /// Prints rows through the watch's tab writer (widths remembered between prints).
    fn print(&mut self, rows: &[(Change, Row)]) -> String {
        if rows.is_empty() {
            return String::new();
        }
        let flags = &self.inv.flags;
        if flags.output == OutputFormat::Name {
            let kind = self.kind.qualified();
            return rows
                .iter()
                .map(|(c, r)| {
                    let name = r.cells.first().cloned().unwrap_or_default();
                    if flags.time.output_watch_events {
                        format!("{} {kind}/{name}\n", c.as_str())
                    } else {
                        format!("{kind}/{name}\n")
                    }
                })
                .collect();
        }
        let mut cols = self.columns();
        let events = flags.time.output_watch_events;
        if events {
            cols.insert(0, super::table::Column::new("Event"));
        }
        let table = Table {
            columns: cols,
            rows: rows
                .iter()
                .map(|(c, r)| {
                    let mut r = r.clone();
                    if events {
                        r.cells.insert(0, c.as_str().to_string());
                    }
                    r
                })
                .collect(),
            name_column: Some(usize::from(events)),
        };
        let opts = TableOptions {
            no_headers: flags.no_headers,
            wide: flags.output == OutputFormat::Wide,
            with_namespace: flags.all_namespaces && self.kind.namespaced(),
            show_labels: flags.show_labels,
            label_columns: flags.label_columns.clone(),
            kind_prefix: flags.show_kind.then(|| self.kind.qualified()),
        };
        let table = decorate(&table, &opts);
        let wide = opts.wide;
        let visible: Vec<usize> = (0..table.columns.len())
            .filter(|&i| wide || !table.columns[i].wide_only)
            .collect();
        if !flags.no_headers && !self.header_done {
            let header: Vec<String> = visible
                .iter()
                .map(|&i| table.columns[i].name.to_uppercase())
                .collect();
            self.writer.write_str(&header.join("\t"));
            self.writer.write_str("\n");
        }
        self.header_done = true;
        for r in &table.rows {
            let cells: Vec<String> = visible
                .iter()
                .filter(|&&i| i < r.cells.len())
                .map(|&i| cell_text(&r.cells[i]))
                .collect();
            self.writer.write_str(&cells.join("\t"));
            self.writer.write_str("\n");
        }
        self.writer.flush();
        String::from_utf8_lossy(&self.writer.take_output()).into_owned()
    }
}

/// Runs `kubectl get -w` once: what it prints before the first change.
pub fn run(inv: &Invocation, cluster: &Cluster) -> Output {
    match Watch::start(inv, cluster) {
        Ok((out, _)) => out,
        Err(out) => out,
    }
}

/// A command that goes on printing as the cluster changes: `kubectl get -w`, `kubectl events
/// -w` (and, later, `logs -f`). The TUI polls it after every action and every tick of the
/// clock until Esc; `kubestory sim` after every later line. `Send`, so that a student's
/// session over SSH (which holds one) can move between the server's threads.
pub trait Follow: std::fmt::Debug + Send {
    /// What it prints since the last poll (empty: nothing new).
    fn poll(&mut self, cluster: &Cluster) -> String;
    /// What it follows, for the status line (`kubectl get pvc -w`).
    fn describe(&self) -> String;
}

/// A `get -w` with the command it came from.
#[derive(Debug)]
struct Followed<T> {
    line: String,
    inner: T,
}

impl Follow for Followed<Watch> {
    fn poll(&mut self, cluster: &Cluster) -> String {
        self.inner.poll(cluster)
    }
    fn describe(&self) -> String {
        self.line.clone()
    }
}

impl Follow for Followed<super::verbs::events::EventsWatch> {
    fn poll(&mut self, cluster: &Cluster) -> String {
        self.inner.poll(cluster)
    }
    fn describe(&self) -> String {
        self.line.clone()
    }
}

/// The longest command shown in the status line as what is followed.
const MAX_DESCRIBED: usize = 48;

/// What a command line (already run, successfully) goes on following, if anything: a `get`
/// with `-w`/`--watch-only`, or `events -w`. A line with a pipe follows nothing (its filter
/// has ended).
pub fn follow(line: &str, cluster: &Cluster) -> Option<Box<dyn Follow>> {
    let (line, filters) = super::pipe::split(line);
    if !filters.is_empty() {
        return None;
    }
    let inv = super::parse_command_line(&line).ok()?;
    let mut shown: String = line.trim().chars().take(MAX_DESCRIBED).collect();
    if line.trim().chars().count() > MAX_DESCRIBED {
        shown.push('…');
    }
    if wants_watch(&inv) {
        let (_, inner) = Watch::start(&inv, cluster).ok()?;
        return Some(Box::new(Followed { line: shown, inner }));
    }
    if inv.verb == Verb::Events && inv.flags.time.watch {
        let (_, inner) = super::verbs::events::EventsWatch::start(&inv, cluster);
        return Some(Box::new(Followed { line: shown, inner }));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::{MemoryFiles, parse_command_line};
    use crate::sim::Simulation;

    const CLAIMS: &str = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: a\n  labels: {tier: db}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: b\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: none\n  resources: {requests: {storage: 1Gi}}\n";

    fn sim_with(lines: &[&str]) -> (Simulation, MemoryFiles) {
        let mut files = MemoryFiles::default();
        files.insert("claims.yaml", CLAIMS);
        let mut sim = Simulation::default();
        for l in lines {
            let mut out = String::new();
            assert!(
                crate::runner::run_one(&mut sim, l, &files, &mut out),
                "{l}: {out}"
            );
        }
        (sim, files)
    }

    fn start(line: &str, sim: &Simulation) -> (String, Watch) {
        let inv = parse_command_line(line).expect("parses");
        let (out, w) = Watch::start(&inv, sim.cluster()).expect("watches");
        (out.stdout(), w)
    }

    fn run(sim: &mut Simulation, files: &MemoryFiles, line: &str) {
        let mut out = String::new();
        crate::runner::run_one(sim, line, files, &mut out);
    }

    /// get_test.go `TestWatchResourceTable`: the list with its header, then a row per change
    /// without the header, aligned with it (remembered widths); no change, no output.
    #[test]
    fn watch_resource_table() {
        let (mut sim, files) = sim_with(&["kubectl apply -f claims.yaml"]);
        let (first, mut w) = start("get pvc -w", &sim);
        assert!(first.starts_with("NAME   STATUS"), "{first}");
        assert_eq!(first.lines().count(), 3);
        assert_eq!(w.poll(sim.cluster()), "");
        sim.tick(5);
        assert_eq!(w.poll(sim.cluster()), "", "age alone is no change");
        run(&mut sim, &files, "kubectl delete pvc b --wait=false");
        let rows = w.poll(sim.cluster());
        assert!(rows.starts_with("b      "), "{rows:?}");
        assert!(!rows.contains("STATUS"));
        let header_status = first.find("STATUS").unwrap_or(0);
        assert_eq!(
            rows.find("Pending").or(rows.find("Terminating")),
            Some(header_status)
        );
    }

    /// get_test.go `TestWatchOnlyResource` / `TestWatchOnlyList`: nothing at first, the
    /// header with the first change.
    #[test]
    fn watch_only_prints_the_header_with_the_first_change() {
        let (mut sim, files) = sim_with(&[]);
        let (first, mut w) = start("get pvc --watch-only", &sim);
        assert_eq!(first, "");
        run(&mut sim, &files, "kubectl apply -f claims.yaml");
        let rows = w.poll(sim.cluster());
        assert!(rows.starts_with("NAME"), "{rows}");
        assert_eq!(rows.lines().count(), 3);
    }

    /// get_test.go `TestWatchResourceWatchEvents`: `--output-watch-events` adds EVENT:
    /// ADDED for the list, then ADDED, MODIFIED or DELETED.
    #[test]
    fn watch_events_column() {
        let (mut sim, files) = sim_with(&[]);
        let (first, mut w) = start("get pvc -w --output-watch-events", &sim);
        assert_eq!(first, "");
        run(&mut sim, &files, "kubectl apply -f claims.yaml");
        let rows = w.poll(sim.cluster());
        assert!(rows.starts_with("EVENT   NAME"), "{rows}");
        assert!(rows.contains("ADDED   a "), "{rows}");
        run(&mut sim, &files, "kubectl delete pvc a b");
        let rows = w.poll(sim.cluster());
        assert!(rows.lines().all(|l| l.starts_with("DELETED ")), "{rows}");
    }

    /// get_test.go `TestWatchLabelSelector`: only the selected objects print.
    #[test]
    fn watch_label_selector() {
        let (mut sim, files) = sim_with(&[]);
        let (_, mut w) = start("get pvc -w -l tier=db", &sim);
        run(&mut sim, &files, "kubectl apply -f claims.yaml");
        let rows = w.poll(sim.cluster());
        assert!(rows.contains("a ") && !rows.contains("\nb "), "{rows}");
    }

    /// get.go `watch`: two resource types cannot be watched; a missing named object is the
    /// API's NotFound.
    #[test]
    fn watch_errors() {
        let sim = Simulation::default();
        let inv = parse_command_line("get pvc,pv -w").expect("parses");
        let err = Watch::start(&inv, sim.cluster()).expect_err("refused");
        assert_eq!(
            err.stderr(),
            "error: watch is only supported on individual resources and resource collections, but 2 resources were found\n"
        );
        let inv = parse_command_line("get pvc x -w").expect("parses");
        let err = Watch::start(&inv, sim.cluster()).expect_err("refused");
        assert!(err.stderr().contains("\"x\" not found"));
    }
}
