//! `kubectl get -o yaml|json|name` (kubectl `cmd/get/get.go` `printGeneric`): one named object
//! prints alone; anything else, even nothing, is wrapped in a `List`. With `-o name` each
//! object is one `kind[.group]/name` line. NotFound errors follow on stderr.

use super::found::Found;
use super::report_errors;
use super::sort;
use super::templates::{Printer, is_template, template_text};
use crate::kubectl::args::{Invocation, OutputFormat};
use crate::kubectl::error::KubectlError;
use crate::kubectl::file_source::FileSource;
use crate::kubectl::output::Output;
use crate::kubectl::printers::{get_output_value, single_item_implied};
use crate::kubectl::{to_json, to_yaml};
use crate::sim::Cluster;

/// Prints the objects found in the requested format, then the errors.
pub fn print<'a, 'b: 'a>(
    inv: &Invocation,
    cluster: &Cluster,
    found: impl Iterator<Item = &'a Found<'b>>,
    errors: &[String],
    files: Option<&dyn FileSource>,
) -> Output {
    let mut out = Output::new();
    let mut found: Vec<&Found<'_>> = found.collect();
    // A single named object that is missing: only the error.
    if single_item_implied(&inv.resources) && !errors.is_empty() {
        report_errors(&mut out, errors);
        return out;
    }
    if found.is_empty() && inv.flags.ignore_not_found {
        report_errors(&mut out, errors);
        return out;
    }
    // `SortingPrinter` sorts the items of the `List` (a lone object is printed as it is).
    let mut sort_error = None;
    if let Some(sort_by) = &inv.flags.sort_by {
        if !(single_item_implied(&inv.resources) && found.len() == 1) {
            let values: Vec<_> = found.iter().map(|f| f.value(cluster)).collect();
            match sort::order(sort_by, &values, sort::Sorter::Objects) {
                Ok(order) => found = super::reorder(found, &order),
                Err(e) => sort_error = Some(e),
            }
        }
    }
    if is_template(inv.flags.output) {
        // `printGeneric`: the printer is built after the lookups; a bad template is the only
        // error then (NotFound errors are dropped), a failed execution follows them.
        let printer = match template_text(&inv.flags, files)
            .and_then(|text| Printer::new(&inv.flags, &text))
        {
            Ok(p) => p,
            Err(e) => return KubectlError::message(e).to_output(),
        };
        let printed = match sort_error {
            Some(e) => Err(e),
            None => {
                let items = found.iter().map(|f| f.value(cluster)).collect();
                let value = get_output_value(&inv.resources, items);
                printer.print(&value).map_err(sort::SortError::Message)
            }
        };
        if let Ok(text) = &printed {
            out.out(text);
        }
        report_errors(&mut out, errors);
        if let Err(e) = printed {
            out.extend(e.to_output());
        }
        return out;
    }
    if let Some(e) = sort_error {
        report_errors(&mut out, errors);
        out.extend(e.to_output());
        return out;
    }
    match inv.flags.output {
        OutputFormat::Name => {
            for f in &found {
                out.out(format!("{}/{}\n", f.kind().qualified(), f.name()));
            }
        }
        format => {
            let items = found.iter().map(|f| f.value(cluster)).collect();
            let value = get_output_value(&inv.resources, items);
            out.out(if format == OutputFormat::Json {
                to_json(&value)
            } else {
                to_yaml(&value)
            });
        }
    }
    report_errors(&mut out, errors);
    out
}
