//! The verbs that change the cluster (`apply`, `create`, `delete`, `patch`, `scale`, `rollout
//! restart`, `cordon`, `uncordon`, `drain`, `taint`) and the small read-only ones (`version`,
//! `api-resources`, `explain`): one command, one file, each citing the kubectl source it
//! follows. The shared pieces: reading `-f` ([`files`], [`sources`], [`objects`]), collecting
//! and printing errors as kubectl's `CheckErr` does ([`problems`]), and Go's JSON
//! ([`gojson`]).

pub mod apply;
pub mod apply_force;
pub mod container;
pub mod cordon;
pub mod cp;
pub mod create;
pub mod delete;
pub mod drain;
pub mod edit;
pub mod events;
pub mod exec;
pub mod explain;
pub mod files;
pub mod generate;
pub mod gojson;
pub mod listing;
pub mod logs;
pub mod metadata;
pub mod misc;
pub mod objects;
pub mod output;
pub mod patch;
pub mod patch_check;
pub mod patching;
pub mod problems;
pub mod rollout;
pub mod rollout_status;
pub mod scale;
pub mod sources;
pub mod taint;
pub mod targets;
pub mod terminating;
pub mod three_way;
pub mod wait;
