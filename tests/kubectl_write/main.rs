//! The kubectl verbs that change the cluster, driven through `kubectl::execute` with `-f`
//! files in a temporary folder: exact output for every verb and error path.

mod apply;
mod create;
mod delete;
mod examples;
mod field_selector;
mod generate;
mod harness;
mod metadata;
mod misc;
mod nodes;
mod patch;
mod props;
mod scenario;
mod workloads;
