//! The pure cluster model: nodes, pods, containers, volumes, PV/PVC binding, provisioning,
//! controllers, stories, and the event log with undo.
//!
//! No terminal, no files, no wall clock: commands in, state and events out. Every rule cites
//! the section of `k8s-storage-semantics.md` (and through it, the upstream source) it follows.

pub mod api;
pub mod app;
mod app_logs;
pub mod attach_detach;
mod clock;
pub mod cluster;
pub mod data;
pub mod errors;
pub mod events;
mod history;
mod kind;
pub mod kubelet;
pub mod limits;
pub mod location;
pub mod logs;
mod mounts;
pub mod names;
pub mod node_names;
pub mod nodes;
pub mod objects;
pub mod permissions;
pub mod profile;
pub mod pv_controller;
mod quantity;
mod reconcile;
pub mod scheduler;
pub mod shell;
pub mod stories;
mod view;
mod workloads;
mod writes;

pub use api::{ApplyOutcome, DeleteOptions, DeleteOutcome, DrainReport};
pub use clock::{SimTime, human_duration, parse_duration};
pub use cluster::{Cluster, ClusterConfig};
pub use errors::{ApiError, SimError};
pub use history::{Checkpoint, Simulation};
pub use kind::{Kind, Object};
pub use mounts::ResolvedPath;
pub use profile::Profile;
pub use quantity::{Quantity, QuantityError};
pub use stories::{StoryWrite, Target};
