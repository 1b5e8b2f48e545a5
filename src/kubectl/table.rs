//! `kubectl get` tables: header row, rows, `-o wide` columns, `--no-headers`, the NAMESPACE
//! column of `-A`, `-L` label columns, `--show-labels`, the `kind/name` prefix when several
//! kinds are listed, and the blank line between the tables of `kubectl get pv,pvc`.
//!
//! Ported from kubernetes/kubernetes `staging/src/k8s.io/cli-runtime/pkg/printers/
//! tableprinter.go` (`printTable`, `decorateTable`, `appendLabelCells`, `formatLabelHeaders`)
//! and `staging/src/k8s.io/kubectl/pkg/cmd/get/get.go` (`Run`: one tab writer flushed and its
//! remembered widths reset per resource kind, `separatorWriterWrapper`).
//!
//! Whitespace, as real kubectl prints it: each cell but the last is followed by a tab, so the
//! last column is never padded and lines normally end without spaces. kubectl does not trim
//! lines, so when the last cell is empty (an unset `-L` label) the line ends with the padding
//! of the previous column, exactly as here.

use super::tabwriter::TabWriter;
use std::collections::BTreeMap;

/// A column (`metav1.TableColumnDefinition`); the header is the name upper-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column name (`Access Modes` prints as `ACCESS MODES`).
    pub name: String,
    /// `Priority != 0`: shown only with `-o wide`.
    pub wide_only: bool,
}

impl Column {
    /// A column always shown.
    pub fn new(name: &str) -> Column {
        Column {
            name: name.to_string(),
            wide_only: false,
        }
    }

    /// A column shown only with `-o wide`.
    pub fn wide(name: &str) -> Column {
        Column {
            name: name.to_string(),
            wide_only: true,
        }
    }
}

/// One object's row: its cells (one per column) and the metadata the decorations need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// One cell per column, in column order.
    pub cells: Vec<String>,
    /// The object's namespace (for the NAMESPACE column of `-A`).
    pub namespace: String,
    /// The object's labels (for `-L` and `--show-labels`).
    pub labels: BTreeMap<String, String>,
}

impl Row {
    /// A row with cells only.
    pub fn new<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Row {
        Row {
            cells: cells.into_iter().map(Into::into).collect(),
            ..Row::default()
        }
    }
}

/// The table one resource kind prints (`metav1.Table`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The columns, wide-only ones included.
    pub columns: Vec<Column>,
    /// The rows, in print order.
    pub rows: Vec<Row>,
    /// The index of the `name`-format column that `kind/` is prefixed to (usually 0).
    pub name_column: Option<usize>,
}

/// How to print a table (cli-runtime `printers.PrintOptions`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// `--no-headers`.
    pub no_headers: bool,
    /// `-o wide`.
    pub wide: bool,
    /// Add a NAMESPACE column first (`-A` on a namespaced kind).
    pub with_namespace: bool,
    /// `--show-labels`: a LABELS column last.
    pub show_labels: bool,
    /// `-L key,…`: one column per key, headed by the key's last `/` segment upper-cased.
    pub label_columns: Vec<String>,
    /// Prefix names with `kind.group/` (`deployment.apps/web`), as when several kinds are
    /// listed (`kubectl get all`) or with `--show-kind`; use [`crate::sim::Kind::qualified`].
    pub kind_prefix: Option<String>,
}

/// `labels.FormatLabels`: `k=v,k2=v2` sorted by key, or `<none>`.
pub fn format_labels(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "<none>".to_string();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `decorateTable`: adds the namespace, label and kind decorations.
pub fn decorate(table: &Table, opts: &TableOptions) -> Table {
    let mut columns = Vec::new();
    if opts.with_namespace {
        columns.push(Column::new("Namespace"));
    }
    columns.extend(table.columns.iter().cloned());
    for key in &opts.label_columns {
        columns.push(Column::new(key.rsplit('/').next().unwrap_or(key)));
    }
    if opts.show_labels {
        columns.push(Column::new("Labels"));
    }
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = Vec::new();
            if opts.with_namespace {
                cells.push(row.namespace.clone());
            }
            cells.extend(row.cells.iter().cloned());
            if let (Some(prefix), Some(i)) = (&opts.kind_prefix, table.name_column) {
                let i = i + usize::from(opts.with_namespace);
                if let Some(cell) = cells.get_mut(i) {
                    *cell = format!("{}/{cell}", prefix.to_lowercase());
                }
            }
            // Cells beyond the table's own columns are padded so label cells line up.
            cells.resize(
                columns.len() - opts.label_columns.len() - usize::from(opts.show_labels),
                String::new(),
            );
            for key in &opts.label_columns {
                cells.push(row.labels.get(key).cloned().unwrap_or_default());
            }
            if opts.show_labels {
                cells.push(format_labels(&row.labels));
            }
            Row {
                cells,
                namespace: row.namespace.clone(),
                labels: row.labels.clone(),
            }
        })
        .collect();
    Table {
        columns,
        rows,
        name_column: table.name_column,
    }
}

/// A cell as `printTable` writes it: cut at the first line break (`\n`, `\r`, `\f`) with `...`
/// appended, and terminal escapes made visible (`printers.WriteEscaped`: ESC → `^[`).
pub fn cell_text(value: &str) -> String {
    match value.find(['\x0c', '\n', '\r']) {
        Some(i) => format!("{}...", escape_terminal(&value[..i])),
        None => escape_terminal(value),
    }
}

/// cli-runtime `printers.EscapeTerminal`: `\x1b` → `^[`, `\r` → `\r` (literally).
pub fn escape_terminal(value: &str) -> String {
    value.replace('\x1b', "^[").replace('\r', "\\r")
}

/// `printTable` into a tab writer: the header unless `--no-headers` (and not at all when there
/// are no rows), then the rows; wide-only columns only with `wide`.
fn write_table(w: &mut TabWriter, table: &Table, no_headers: bool, wide: bool) {
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&i| wide || !table.columns[i].wide_only)
        .collect();
    if !no_headers {
        if table.rows.is_empty() {
            return;
        }
        let header: Vec<String> = visible
            .iter()
            .map(|&i| table.columns[i].name.to_uppercase())
            .collect();
        w.write_str(&header.join("\t"));
        w.write_str("\n");
    }
    for row in &table.rows {
        let cells: Vec<String> = visible
            .iter()
            .filter(|&&i| i < row.cells.len())
            .map(|&i| cell_text(&row.cells[i]))
            .collect();
        w.write_str(&cells.join("\t"));
        w.write_str("\n");
    }
}

/// Prints several tables the way `kubectl get TYPE1,TYPE2` does: one tab writer, flushed and
/// with remembered widths reset for each table, and a blank line before a table when headers
/// are shown and something was printed before.
#[derive(Debug)]
pub struct TablePrinter {
    writer: TabWriter,
    out: String,
    no_headers: bool,
    started: bool,
    separator_ready: bool,
}

impl TablePrinter {
    /// A printer for `kubectl get` (`--no-headers` applies to every table).
    pub fn new(no_headers: bool) -> TablePrinter {
        TablePrinter {
            writer: TabWriter::kubectl_get(),
            out: String::new(),
            no_headers,
            started: false,
            separator_ready: false,
        }
    }

    fn drain(&mut self) {
        self.writer.flush();
        let bytes = self.writer.take_output();
        if !bytes.is_empty() && self.separator_ready {
            self.out.push('\n');
            self.separator_ready = false;
        }
        self.out.push_str(&String::from_utf8_lossy(&bytes));
    }

    /// Prints one kind's table (decorated with `opts`).
    pub fn print(&mut self, table: &Table, opts: &TableOptions) {
        self.drain();
        self.writer.set_remembered_widths(None);
        if self.started && !self.no_headers && !self.out.is_empty() {
            self.separator_ready = true;
        }
        self.started = true;
        write_table(
            &mut self.writer,
            &decorate(table, opts),
            self.no_headers,
            opts.wide,
        );
    }

    /// Whether anything has been printed (kubectl prints `No resources found…` otherwise).
    pub fn printed_anything(&mut self) -> bool {
        self.drain();
        !self.out.is_empty()
    }

    /// Flushes and returns everything printed.
    pub fn finish(mut self) -> String {
        self.drain();
        self.out
    }
}

/// Renders a single table as `kubectl get` prints it.
pub fn render(table: &Table, opts: &TableOptions) -> String {
    let mut p = TablePrinter::new(opts.no_headers);
    p.print(table, opts);
    p.finish()
}
