//! A kubectl command line in, kubectl's exact text out.
//!
//! This room holds the foundations the verbs are built on:
//! - [`tokenize()`] and [`parse_command_line`]: a typed line to an [`Invocation`] (verb,
//!   [`Resources`], [`Flags`]) or a [`KubectlError`] whose `Display` is kubectl's stderr text;
//! - [`Output`]: stdout and stderr chunks in order, as the headless runner replays them;
//! - the printers: [`tabwriter`] (Go's `text/tabwriter`), [`table`] (`kubectl get` tables),
//!   [`print_yaml`] (`-o yaml`), [`print_json`] (`-o json`), [`printers`] (`-o name`, lists),
//!   and [`describe_writer`] (`kubectl describe` layout, labels, events).

pub mod args;
mod commands;
pub mod error;
mod flagspecs;
pub mod goparse;
pub mod output;
mod parse;
mod pflag;
mod printflags;
pub mod resources;
pub mod selector;
mod selector_lex;
mod selector_validate;
pub mod tokenize;
mod validate;

pub use args::{
    Cascade, DryRun, Flags, Invocation, OutputFormat, PatchType, Resources, Target, Verb,
};
pub use error::KubectlError;
pub use output::{Output, Stream};
pub use parse::{parse_command_line, parse_words};
pub use selector::{LabelSelector, Operator, Requirement, SelectorError};
pub use tokenize::{TokenizeError, tokenize};

#[cfg(test)]
mod tests;
