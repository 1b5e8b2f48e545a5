//! The PersistentVolume controller (PVC-CTRL): binding, dynamic provisioning, reclaim and
//! deletion protection (semantics §2–§7).

pub mod binding;
pub mod classes;
pub mod matching;
pub mod protection;
pub mod provision;
pub mod reclaim;
