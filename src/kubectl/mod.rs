//! A kubectl command line in, kubectl's exact text out.
//!
//! This room holds the foundations the verbs are built on:
//! - [`tokenize()`] and [`parse_command_line`]: a typed line to an [`Invocation`] (verb,
//!   [`Resources`], [`Flags`]) or a [`KubectlError`] whose `Display` is kubectl's stderr text;
//! - [`Output`]: stdout and stderr chunks in order, as the headless runner replays them;
//! - the printers: [`tabwriter`] (Go's `text/tabwriter`), [`table`] (`kubectl get` tables),
//!   [`print_yaml`] (`-o yaml`), [`print_json`] (`-o json`), [`printers`] (`-o name`, lists),
//!   and [`describe_writer`] (`kubectl describe` layout, labels, events).
//!
//! A verb is expected to be wired like this:
//!
//! ```text
//! let inv = match kubectl::parse_command_line(line) {
//!     Ok(inv) => inv,
//!     Err(e) => return e.to_output_with_hint(),   // kubectl's stderr text, failed status
//! };
//! let mut out = Output::new();
//! for w in &inv.flags.warnings { out.err_line(w); } // printed before anything else
//! match inv.verb {
//!     Verb::Get => { /* inv.resources: Kinds or Named; inv.flags.output; TablePrinter… */ }
//!     …
//! }
//! ```

pub mod args;
mod commands;
pub mod connection;
pub mod container_flags;
pub mod describe;
pub mod describe_writer;
pub mod error;
pub mod examples;
pub mod execute;
pub mod field_selector;
pub mod file_source;
mod flagspecs;
pub mod generator_flags;
pub mod get;
pub mod goparse;
pub mod image_ref;
pub mod jsonpath;
pub mod meta_pairs;
pub mod output;
mod parse;
mod pflag;
pub mod pipe;
pub mod print_json;
pub mod print_yaml;
pub mod printers;
mod printflags;
pub mod recorded_files;
mod resource_names;
pub mod resources;
pub mod selector;
mod selector_lex;
mod selector_parse;
mod selector_validate;
pub mod status;
pub mod strings;
pub mod table;
pub mod tabwriter;
pub mod taint_spec;
pub mod time_flags;
pub mod tokenize;
mod validate;
mod validate_changes;
mod validate_generate;
mod validate_meta;
mod validate_time;
pub mod verbs;
pub mod wait_condition;
pub mod watch;
mod yaml_resolve;
mod yaml_scalar;
mod yaml_timestamp;
mod yaml_writers;

pub use args::{
    Cascade, DryRun, Flags, Invocation, OutputFormat, PatchType, Resources, Target, Verb,
};
pub use describe_writer::{DescribeWriter, EventLine};
pub use error::KubectlError;
pub use execute::{Context, execute};
pub use file_source::{Copies, DiskFiles, FileSource, MemoryFiles, Overlay};
pub use output::{Output, Stream};
pub use parse::{parse_command_line, parse_words};
pub use print_json::to_json;
pub use print_yaml::{to_yaml, to_yaml_documents};
pub use selector::{LabelSelector, Operator, Requirement, SelectorError};
pub use table::{Column, Row, Table, TableOptions, TablePrinter};
pub use tabwriter::TabWriter;
pub use tokenize::{TokenizeError, tokenize};

#[cfg(test)]
mod tests;
