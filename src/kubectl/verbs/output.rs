//! Printing shared by the verbs: the name printer's line for any kind (simulated or not),
//! `-o yaml|json` of the objects a verb changed, and kubestory's once-per-kind note.

use super::objects::Item;
use crate::kubectl::printers::operation;
use crate::kubectl::strings;
use crate::kubectl::{Flags, Output, OutputFormat, to_json, to_yaml_documents};
use serde_json::Value;

/// cli-runtime `NamePrinter` with the verb's operation (`printers::success_line` for a kind
/// given as its printed prefix): `None` for `-o yaml|json`, which print the object instead.
pub fn object_line(prefix: &str, name: &str, op: &str, flags: &Flags) -> Option<String> {
    match flags.output {
        OutputFormat::Name => Some(format!("{prefix}/{name}\n")),
        OutputFormat::Default | OutputFormat::Wide => Some(format!(
            "{prefix}/{name} {}\n",
            operation(op, flags.dry_run)
        )),
        // `-o yaml|json` print the object; template formats are `kubectl get`'s only.
        _ => None,
    }
}

/// Several `PrintObj` calls of the YAML printer (`---` between objects) or the JSON printer.
pub fn print_objects(values: &[Value], format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => values.iter().map(to_json).collect(),
        _ => to_yaml_documents(values),
    }
}

/// Prints kubestory's "stored but not simulated" note once per kind.
#[derive(Default)]
pub struct NoteOnce {
    seen: Vec<String>,
}

impl NoteOnce {
    /// After an object's line: the note, if its kind is not simulated and not noted yet.
    pub fn after(&mut self, out: &mut Output, item: &Item) {
        if item.doc.simulated || self.seen.contains(&item.doc.kind) {
            return;
        }
        self.seen.push(item.doc.kind.clone());
        out.err_line(strings::kind_not_simulated(&item.doc.kind));
    }

    /// After a claim's line: kubestory's note when its provisioner ignores its `dataSource`.
    pub fn after_claim(out: &mut Output, item: &Item, cluster: &crate::sim::Cluster) {
        if item.doc.kind != "PersistentVolumeClaim" {
            return;
        }
        let ns = item.namespace.as_deref().unwrap_or("default");
        if let Some(provisioner) = cluster.ignored_data_source(ns, &item.doc.name) {
            out.err_line(strings::data_source_ignored(&item.doc.name, &provisioner));
        }
    }
}
