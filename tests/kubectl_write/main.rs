//! The kubectl verbs that change the cluster, driven through `kubectl::execute` with `-f`
//! files in a temporary folder: exact output for every verb and error path.

mod harness;
mod scratch;
