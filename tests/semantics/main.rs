//! Every rule of `k8s-storage-semantics.md`, section by section. Test names start with the
//! section they check (`s2_3_…`), so a failure points straight at the rule.

mod build;
mod s01_object_model;
mod s02_matching;
mod s03_prebinding;
mod s04_scheduling;
mod s05_provisioning;
mod s06_reclaim;
mod s07_protection;
mod s08_ephemeral;
mod s08_permissions;
mod s08_survival;
mod s09_workloads;
mod s10_expansion;
