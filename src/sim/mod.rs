//! The pure cluster model: nodes, pods, containers, volumes, PV/PVC binding, provisioning,
//! controllers, stories, and the event log with undo.
//!
//! No terminal, no files, no wall clock: commands in, state and events out. Every rule cites
//! the section of `k8s-storage-semantics.md` (and through it, the upstream source) it follows.

mod clock;
mod kind;
pub mod objects;
mod quantity;

pub use clock::{SimTime, human_duration, parse_duration};
pub use kind::{Kind, Object};
pub use quantity::{Quantity, QuantityError};
